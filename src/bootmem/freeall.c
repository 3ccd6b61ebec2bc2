/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The end of boot memory: releasing free pages to the page allocator
 * (memblock_free_all / free_all_bootmem), and the ARM bootmem_init step
 * that builds the bitmap state out of memblock's tables.
 */
#include "internal.h"

/* Release pfns [start, end) in the largest naturally aligned blocks that
 * fit, never above order @max_order - 1. */
static unsigned long release_range(unsigned long start, unsigned long end,
				   unsigned max_order,
				   bootmem_release_fn release, void *ctx)
{
	unsigned long count = 0;

	while (start < end) {
		unsigned order = max_order ? max_order - 1 : 0;

		while (order && (start & ((1ul << order) - 1)))
			order--;
		while (order && start + (1ul << order) > end)
			order--;
		release(ctx, start, order);
		start += 1ul << order;
		count += 1ul << order;
	}
	return count;
}

/** bootmem_memblock_free_all - memblock_free_all(), spec section 10. */
unsigned long bootmem_memblock_free_all(struct memblock *mb,
					unsigned long max_low_pfn,
					unsigned max_order,
					bootmem_release_fn release, void *ctx)
{
	unsigned shift = 0;
	unsigned long count = 0;
	uint64_t i;
	mb_phys_t start, end;

	while (((mb_phys_t)1 << shift) < mb->profile.page_size)
		shift++;
	mb_clear_hotplug(mb, 0, mb_phys_addr_max(mb));
	/* Reserved ranges and NOMAP memory stay out: the free-range walk
	 * with flags NONE skips both. */
	mb_for_each_free_range (mb, i, MB_NUMA_NO_NODE, MEMBLOCK_NONE, &start,
				&end, NULL) {
		mb_phys_t mask = ((mb_phys_t)1 << shift) - 1;
		unsigned long s = (unsigned long)((start + mask) >> shift);
		unsigned long e = (unsigned long)(end >> shift);

		if (max_low_pfn && e > max_low_pfn)
			e = max_low_pfn;
		if (s < e)
			count += release_range(s, e, max_order, release, ctx);
	}
	return count;
}

/** free_all_bootmem - see bootmem.h. */
unsigned long free_all_bootmem(struct bootmem *bm, unsigned long max_low_pfn,
			       bootmem_release_fn release, void *ctx)
{
	unsigned long count;

	if (!bm || bm->released || !release)
		return 0;
	if (!MEMBLOCK_NO_BOOTMEM && bm->backend == BOOTMEM_BACKEND_BITMAP) {
#if !MEMBLOCK_NO_BOOTMEM
		count = bitmap_free_all(bm, release, ctx);
#else
		count = 0;
#endif
	} else {
		count = bootmem_memblock_free_all(bm->mb, max_low_pfn,
						  bm->mb->profile.max_order,
						  release, ctx);
	}
	bm->released = true;
	return count;
}

/** bootmem_arm_init - the classic ARM bootmem_init(), see bootmem.h. */
int bootmem_arm_init(struct bootmem *bm, mb_phys_t lowmem_end, void *buf,
		     size_t buf_len)
{
	struct memblock *mb = bm->mb;
	unsigned long start_pfn = bm_pfn_up(bm, mb_start_of_DRAM(mb));
	unsigned long end_pfn = bm_pfn_down(bm, mb_end_of_DRAM(mb));
	long err;

	if (bm->backend != BOOTMEM_BACKEND_BITMAP)
		return -MB_EINVAL;
	if (lowmem_end && end_pfn > bm_pfn_down(bm, lowmem_end))
		end_pfn = bm_pfn_down(bm, lowmem_end);
	if (end_pfn <= start_pfn)
		return -MB_EINVAL;
	mb_phys_t bytes =
		(mb_phys_t)bootmem_bootmap_pages(bm, end_pfn - start_pfn)
		<< bm->page_shift;
	mb_phys_t map = mb_alloc_range_nid(mb, bytes, bm->smp_cache_bytes, 0,
					   (mb_phys_t)end_pfn << bm->page_shift,
					   MB_NUMA_NO_NODE, false);

	if (!map)
		return -MB_ENOMEM;
	err = bootmem_init_node(bm, 0, bm_pfn_down(bm, map), start_pfn, end_pfn,
				buf, buf_len);
	if (err < 0)
		return (int)err;
	/* Lowmem memory regions become free pages (whole pages only)... */
	for (unsigned long i = 0; i < mb->memory.cnt; i++) {
		const struct memblock_region *r = &mb->memory.regions[i];
		unsigned long s = bm_pfn_up(bm, r->base);
		unsigned long e = bm_pfn_down(bm, r->base + r->size);

		if (e > end_pfn)
			e = end_pfn;
		if (s >= e)
			break;
		err = bootmem_free(bm, (mb_phys_t)s << bm->page_shift,
				   (mb_phys_t)(e - s) << bm->page_shift);
		if (err)
			return (int)err;
	}
	/* ...then every page touched by a lowmem reservation is reserved. */
	for (unsigned long i = 0; i < mb->reserved.cnt; i++) {
		const struct memblock_region *r = &mb->reserved.regions[i];
		unsigned long s = bm_pfn_down(bm, r->base);
		unsigned long e = bm_pfn_up(bm, r->base + r->size);

		if (!r->size)
			continue;
		/* Wholly below the node (firmware data outside RAM, e.g. a
		 * reserved-memory address truncated to 32 bits): skip it and
		 * go on; only a region at or above lowmem's end ends the walk,
		 * since the table is sorted. */
		if (e <= start_pfn)
			continue;
		if (s >= end_pfn)
			break;
		if (s < start_pfn)
			s = start_pfn;
		if (e > end_pfn)
			e = end_pfn;
		err = bootmem_reserve(bm, (mb_phys_t)s << bm->page_shift,
				      (mb_phys_t)(e - s) << bm->page_shift,
				      BOOTMEM_DEFAULT);
		if (err)
			return (int)err;
	}
	return 0;
}
