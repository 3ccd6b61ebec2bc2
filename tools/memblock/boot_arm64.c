/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_arm64.c - arm64 setup_arch / bootmem_init up to the first dump, in
 * the order of shared/logs/arm64_virt_512M_smp1.log: the two
 * arm64_memblock_init removals and the image, the device-tree part of the
 * library (mb_fdt_boot_arm64), the linear map's page tables, the
 * paging_init free of the initial page directory, the unflattened tree,
 * NUMA (distance table, a fake node when the tree has none, NODE_DATA per
 * node), the sparse memory map, the CMA area, the dump.
 */
#include <string.h>

#include <libfdt.h>

#include "boot.h"

#define MiB	(1ULL << 20)
#define SECTION (128 * MiB) /* SECTION_SIZE_BITS 27 with 4 KiB pages */

static void traced(struct boot *b, const char *caller, enum bs_kind kind)
{
	boot_hint(b, kind);
	mb_set_next_caller(&b->mb, caller);
}

static void arm64_reserve_cb(struct memblock *mb, void *ctx)
{
	struct boot *b = ctx;
	mb_phys_t lo;

	boot_ram_from_tree(b);
	lo = mb_start_of_DRAM(mb);
	/* drop what the 48-bit PA range and the linear map cannot cover */
	mb_set_next_caller(mb, "arm64_memblock_init+0x38/0x260");
	mb_remove(mb, 1ULL << 48, ~0ULL);
	mb_set_next_caller(mb, "arm64_memblock_init+0x9c/0x260");
	mb_remove(mb, lo + (1ULL << 47), ~0ULL);
	boot_reserve(b, b->m.kernel_base, b->m.kernel_size,
		     "arm64_memblock_init+0x1f0/0x260", BS_KERNEL);
	boot_reserve(b, b->m.initrd_base, b->m.initrd_size,
		     "arm64_memblock_init+0x214/0x260", BS_INITRD);
	boot_reserve_lines(b, "arm64_memblock_init+0x230/0x260", true);
	boot_reserve_lines(b, "arm64_memblock_init+0x230/0x260", false);
}

static void pgtables(struct boot *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		traced(b, "early_pgtable_alloc+0x2c/0xb0", BS_PGDIR);
		mb_phys_alloc_range(&b->mb, 4096, 4096, 0,
				    MB_ALLOC_NOLEAKTRACE);
	}
	boot_hint(b, BS__COUNT);
}

/*
 * paging_init: the linear map at page granularity (rodata=full), one PTE
 * table per 2 MiB; the 512 MiB log shows 255 tables, then the free of the
 * image's 5-page initial page directory, then 4 more.
 */
static void arm64_late_cb(struct memblock *mb, void *ctx)
{
	struct boot *b = ctx;
	mb_phys_t ram = mb_phys_mem_size(mb);
	unsigned before = ram >= 4 * MiB ? (unsigned)(ram / (2 * MiB)) - 1 : 1;
	mb_phys_t size = b->m.dt_unflatten;

	pgtables(b, before);
	if (b->m.kernel_size > 0x5000) {
		mb_set_next_caller(mb, "paging_init+0x534/0x610");
		mb_phys_free(mb, b->m.kernel_base + b->m.kernel_size - 0x5000,
			     0x5000);
	}
	pgtables(b, 4);
	if (!size) /* about three times the structure block */
		size = (mb_phys_t)fdt_size_dt_struct(b->blob) * 3 + 4;
	traced(b, "early_init_dt_alloc_memory_arch+0x30/0x60", BS_DTB);
	mb_alloc_try_nid(mb, size, 8, 0, 0, MB_NUMA_NO_NODE);
	boot_hint(b, BS__COUNT);
}

static bool tree_has_numa(const void *blob)
{
	int node;

	fdt_for_each_subnode(node, blob, 0)
	{
		if (fdt_getprop(blob, node, "numa-node-id", NULL))
			return true;
	}
	return false;
}

/* numa_init: the distance table (256 bytes, page aligned); without NUMA
 * information it is freed and made again for the fake node. */
static void numa_tables(struct boot *b, bool numa)
{
	struct memblock *mb = &b->mb;
	char line[128];
	void *d;

	traced(b, "numa_init+0x80/0x3c8", BS_ALLOC);
	d = mb_alloc_try_nid(mb, 256, 4096, 0, 0, MB_NUMA_NO_NODE);
	if (numa)
		return;
	boot_line(b, "NUMA: No NUMA configuration found");
	if (d) {
		mb_set_next_caller(mb, "numa_free_distance+0x38/0x50");
		mb_phys_free(mb, (mb_phys_t)(uintptr_t)d, 256);
	}
	traced(b, "numa_init+0x80/0x3c8", BS_ALLOC);
	mb_alloc_try_nid(mb, 256, 4096, 0, 0, MB_NUMA_NO_NODE);
	snprintf(line, sizeof(line),
		 "NUMA: Faking a node at [mem %#018llx-%#018llx]",
		 (unsigned long long)mb_start_of_DRAM(mb),
		 (unsigned long long)mb_end_of_DRAM(mb) - 1);
	boot_line(b, line);
	boot_hint(b, BS__COUNT);
}

/* Span of node @nid's memory; false when it has none. */
static bool node_span(struct memblock *mb, int nid, mb_phys_t *lo,
		      mb_phys_t *hi)
{
	bool any = false;

	for (unsigned long i = 0; i < mb->memory.cnt; i++) {
		const struct memblock_region *r = &mb->memory.regions[i];

		if (!r->size || r->nid != nid)
			continue;
		if (!any || r->base < *lo)
			*lo = r->base;
		if (!any || r->base + r->size > *hi)
			*hi = r->base + r->size;
		any = true;
	}
	return any;
}

/* NODE_DATA (11392 bytes, untraced request) and the node's sparse map:
 * section usage (56 bytes a section, near the pgdat), the struct pages
 * (64 bytes each, 2 MiB aligned) and two vmemmap table pages. */
static void node_setup(struct boot *b, int nid, mb_phys_t lo, mb_phys_t hi)
{
	struct memblock *mb = &b->mb;
	/* the vmemmap's own virtual address, printed as the "from" */
	const mb_phys_t vmemmap_from = 0xffffe45e80000000ULL;
	mb_phys_t nd, top = (hi - 1) & ~(SECTION - 1);
	mb_phys_t sections = ((hi + SECTION - 1) / SECTION) - lo / SECTION;
	mb_phys_t map = ((((hi + SECTION - 1) & ~(SECTION - 1)) - lo) >> 12) *
			b->mb.profile.page_struct_size;
	char line[96];

	boot_hint(b, BS_MEMMAP);
	snprintf(b->req_caller, sizeof(b->req_caller), "alloc_node_data");
	nd = mb_phys_alloc_try_nid(mb, 0x2c80, 64, nid);
	b->req_caller[0] = '\0';
	if (nd) {
		snprintf(line, sizeof(line),
			 "NUMA: NODE_DATA [mem %#010llx-%#010llx]",
			 (unsigned long long)nd,
			 (unsigned long long)(nd + 0x2c80 - 1));
		boot_line(b, line);
	}
	if (nid == 0) {
		/* the mem_section roots: 2^21 sections / 256 per root x 16 */
		traced(b, "sparse_init+0x9c/0x294", BS_MEMMAP);
		mb_alloc_try_nid(mb, 131072, 64, 0, 0, MB_NUMA_NO_NODE);
	}
	traced(b, "sparse_index_alloc+0x5c/0x90", BS_MEMMAP);
	mb_alloc_try_nid(mb, 4096, 64, 0, 0, nid);
	traced(b, "sparse_init_nid+0xb4/0x348", BS_MEMMAP);
	mb_alloc_try_nid(mb, sections * 56, 64, top, top + SECTION, nid);
	traced(b, "memmap_alloc+0x28/0x3c", BS_MEMMAP);
	mb_alloc_exact_nid_raw(mb, (map + 0x1fffff) & ~(mb_phys_t)0x1fffff,
			       0x200000, vmemmap_from, 0, nid);
	for (int i = 0; i < 2; i++) {
		traced(b, "__earlyonly_bootmem_alloc+0x2c/0x44", BS_PGDIR);
		mb_alloc_try_nid_raw(mb, 4096, 4096, vmemmap_from, 0, nid);
	}
	boot_hint(b, BS__COUNT);
}

int boot_arm64_setup(struct boot *b)
{
	struct mb_fdt_boot fb = {0};
	bool numa;
	int err;

	if (!b->m.dtb[0]) {
		snprintf(b->err, sizeof(b->err),
			 "arm64 machines boot from a device tree (dtb line)");
		return -1;
	}
	if (boot_open_tree(b))
		return -1;
	numa = tree_has_numa(b->blob);
	if (!b->m.kernel_size) {
		b->m.kernel_base =
			(b->m.nram ? b->m.ram[0].base : 0x40000000) + 0x210000;
		b->m.kernel_size = 0x2000000;
	}
	if (!b->m.dtb_phys)
		b->m.dtb_phys = b->m.nram ? b->m.ram[0].base : 0x40000000;
	fb.dtb_phys = b->m.dtb_phys;
	fb.cma_default = 0; /* placed below, after the sparse map */
	fb.dma_limit = 0x100000000ULL;
	fb.arch_reserve = arm64_reserve_cb;
	fb.arch_late = arm64_late_cb;
	fb.ctx = b;
	boot_hint(b, BS_DTB);
	err = mb_fdt_boot_arm64(&b->mb, &b->dt, &fb);
	boot_hint(b, BS__COUNT);
	if (boot_no_memory(b))
		return -1;
	if (err) {
		snprintf(b->err, sizeof(b->err),
			 "%.400s: device tree refused (%s)", b->m.dtb,
			 memblock_strerror(err));
		return -1;
	}
	mb_set_debug(&b->mb, true);
	numa_tables(b, numa);
	for (int nid = 0; nid < 64; nid++) {
		mb_phys_t lo = 0, hi = 0;

		if (node_span(&b->mb, nid, &lo, &hi))
			node_setup(b, nid, lo, hi);
	}
	if (b->m.cma_size && !b->dt.cma_size && !b->dt.cfg.cmdline_cma)
		mb_fdt_cma_reserve(&b->mb, &b->dt, b->m.cma_size,
				   0x100000000ULL);
	mb_dump_all(&b->mb);
	return 0;
}
