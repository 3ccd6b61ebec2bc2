/* SPDX-License-Identifier: BSD-2-Clause */
/* mb_handover_run(): from memblock (and bootmem) to the buddy allocator. */
#include <memblock/handover.h>

#include "internal.h"

static unsigned page_shift(const struct memblock *mb)
{
	unsigned s = 0;

	while (((mb_phys_t)1 << s) < mb->profile.page_size)
		s++;
	return s;
}

static mb_phys_t lowmem_end_of(const struct memblock *mb,
			       const struct mb_handover_info *info)
{
	return info->lowmem_end ? info->lowmem_end : mb->profile.lowmem_end;
}

/** mb_handover_memory_line - see handover.h. */
size_t mb_handover_memory_line(const struct memblock *mb,
			       const struct mb_handover_info *info,
			       const struct mb_handover_result *res, char *buf,
			       size_t len)
{
	unsigned k = page_shift(mb) - 10; /* pages to KiB */
	const struct mb_kernel_sizes *sz = &info->sizes;
	char high[40] = "";

	if (lowmem_end_of(mb, info))
		mb_snprintf(high, sizeof(high), ", %luK highmem",
			    res->released_highmem << k);
	int n = mb_snprintf(
		buf, len,
		"Memory: %luK/%luK available (%luK kernel code, %luK rwdata, "
		"%luK rodata, %luK init, %luK bss, %luK reserved, "
		"%luK cma-reserved%s)",
		res->free_pages << k, res->present_pages << k, sz->code_k,
		sz->rwdata_k, sz->rodata_k, sz->init_k, sz->bss_k,
		res->reserved_pages << k, info->cma_pages << k, high);

	return n < 0 ? 0 : (size_t)n;
}

/* Each node's mem_map, allocated the way the chosen back end does it. */
static int alloc_mem_maps(struct memblock *mb, struct bootmem *bm,
			  const struct mb_handover_info *info,
			  struct mb_handover_result *res)
{
	/* Node ids in table order, each once. */
	for (unsigned long i = 0; i < mb->memory.cnt; i++) {
		const bool numa = mb->profile.numa;
		int nid = numa ? mb->memory.regions[i].nid : 0;
		bool seen = false;

		/* Without NUMA every region is node 0, as the kernel reads it.
		 */
		for (unsigned long j = 0; j < i; j++)
			seen |= (numa ? mb->memory.regions[j].nid : 0) == nid;
		if (seen || !mb->memory.regions[i].size)
			continue;
		mb_phys_t bytes = mb_handover_mem_map_bytes(mb, nid);

		if (!bytes)
			continue;
		if (bm->backend == BOOTMEM_BACKEND_BITMAP) {
			int bnid = nid >= 0 && nid < BOOTMEM_MAX_NODES &&
						   bm->node[nid].online
					   ? nid
					   : 0;

			if (!bootmem_alloc_phys(
				    bm, bnid, bytes, bm->smp_cache_bytes,
				    bm->goal_default, 0,
				    BOOTMEM_ALLOC_NODE | BOOTMEM_ALLOC_NOPANIC))
				return -MB_ENOMEM;
		} else {
			mb_phys_t before = mb_reserved_size(mb);

			if (info->mem_map_caller)
				mb_set_next_caller(mb, info->mem_map_caller);
			if (mb->style == MB_STYLE_LINUX_4)
				(void)mb_alloc_try_nid(mb, bytes, 0, 0, 0, nid);
			else
				(void)mb_alloc_try_nid_raw(
					mb, bytes, mb->profile.smp_cache_bytes,
					0, MB_ALLOC_ACCESSIBLE, nid);
			/* The pointer may be NULL for unbacked memory: the
			 * reservation is what tells success. */
			if (mb_reserved_size(mb) < before + bytes)
				return -MB_ENOMEM;
		}
		res->mem_map_bytes += bytes;
	}
	return 0;
}

/* ARM free_highpages: every free page above lowmem, one at a time. */
static unsigned long release_highmem(struct memblock *mb, struct buddy *b,
				     mb_phys_t lowmem_end)
{
	unsigned sh = page_shift(mb);
	unsigned long low = (unsigned long)(lowmem_end >> sh), n = 0;
	mb_phys_t start, end;
	uint64_t i;

	mb_for_each_free_range (mb, i, MB_NUMA_NO_NODE, MEMBLOCK_NONE, &start,
				&end, NULL) {
		mb_phys_t mask = ((mb_phys_t)1 << sh) - 1;
		unsigned long s = (unsigned long)((start + mask) >> sh);
		unsigned long e = (unsigned long)(end >> sh);

		if (s < low)
			s = low;
		for (; s < e; s++)
			n += buddy_release(b, s, 0);
	}
	return n;
}

/** mb_handover_begin - see handover.h. */
int mb_handover_begin(struct memblock *mb, enum bootmem_backend backend,
		      const struct mb_handover_info *info,
		      struct mb_handover_result *res)
{
	static const struct mb_handover_info defaults;
	int err;

	if (!mb || !res)
		return -MB_EINVAL;
	if (!info)
		info = &defaults;
	memset(res, 0, sizeof(*res));
	err = bootmem_init(&res->bootmem, mb, backend);
	if (err)
		return err;
	if (backend == BOOTMEM_BACKEND_BITMAP)
		err = bootmem_arm_init(&res->bootmem, lowmem_end_of(mb, info),
				       info->bitmap_buf, info->bitmap_buf_len);
	return err;
}

/** mb_handover_finish - see handover.h. */
int mb_handover_finish(struct memblock *mb, struct buddy *b,
		       const struct mb_handover_info *info,
		       struct mb_handover_result *res)
{
	static const struct mb_handover_info defaults;
	struct buddy_zone_bounds zb;
	char line[256];
	int err = 0;

	if (!mb || !b || !res || res->bootmem.mb != mb)
		return -MB_EINVAL;
	if (!info)
		info = &defaults;
	if (info->alloc_mem_map)
		err = alloc_mem_maps(mb, &res->bootmem, info, res);
	if (err)
		return err;

	mb_phys_t low = lowmem_end_of(mb, info);

	mb_handover_zone_bounds(mb, low, &zb);
	res->total_pages = mb_handover_total_pages(mb, &zb, info->dma_reserve,
						   &res->nr_zonelists);
	if (!info->quiet)
		mb_printf(mb,
			  "Built %u zonelists, mobility grouping on.  Total "
			  "pages: %lu",
			  res->nr_zonelists, res->total_pages);

	unsigned long max_low = (unsigned long)(low >> page_shift(mb));

	res->released =
		free_all_bootmem(&res->bootmem, max_low, buddy_release_cb, b);
	if (low)
		res->released_highmem = release_highmem(mb, b, low);
	res->released += res->released_highmem;
	res->present_pages = mb_handover_present_pages(mb);
	res->free_pages = b->free_pages;
	/* The kernel's "reserved": physpages - totalram_pages - totalcma. */
	res->reserved_pages = 0;
	if (res->present_pages > res->released + info->cma_pages)
		res->reserved_pages =
			res->present_pages - res->released - info->cma_pages;
	if (!info->quiet) {
		mb_handover_memory_line(mb, info, res, line, sizeof(line));
		mb_printf(mb, "%s", line);
	}
	return b->bad_releases ? -MB_EINVAL : 0;
}

/** mb_handover_run - see handover.h. */
int mb_handover_run(struct memblock *mb, struct buddy *b,
		    enum bootmem_backend backend,
		    const struct mb_handover_info *info,
		    struct mb_handover_result *res)
{
	int err = mb_handover_begin(mb, backend, info, res);

	return err ? err : mb_handover_finish(mb, b, info, res);
}
