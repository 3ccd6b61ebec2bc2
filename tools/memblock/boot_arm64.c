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

#include <memblock/firmware/cmdline.h>

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
	boot_reserve_initrd(b, "arm64_memblock_init+0x214/0x260");
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
 * paging_init: the linear map at page granularity (rodata=full): a PTE
 * table per 2 MiB and a PMD table per 1 GiB, less the two the initial
 * tables already give (the 512 MiB, 1 GiB and 2 GiB logs: 255, 511, 1024
 * tables), then the free of the image's 5-page initial page directory,
 * then 4 more tables.
 */
static void arm64_late_cb(struct memblock *mb, void *ctx)
{
	struct boot *b = ctx;
	mb_phys_t ram = mb_phys_mem_size(mb);
	mb_phys_t gib = 1024 * MiB;
	unsigned before = (unsigned)(ram / (2 * MiB) + (ram + gib - 1) / gib);

	before = before > 2 ? before - 2 : 1;
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

/* NODE_DATA(nid): 11392 bytes, an untraced request on its node. */
static void node_data(struct boot *b, int nid)
{
	char line[96];
	mb_phys_t nd;

	boot_hint(b, BS_MEMMAP);
	snprintf(b->req_caller, sizeof(b->req_caller), "alloc_node_data");
	nd = mb_phys_alloc_try_nid(&b->mb, 0x2c80, 64, nid);
	b->req_caller[0] = '\0';
	boot_hint(b, BS__COUNT);
	if (nd) {
		snprintf(line, sizeof(line),
			 "NUMA: NODE_DATA [mem %#010llx-%#010llx]",
			 (unsigned long long)nd,
			 (unsigned long long)(nd + 0x2c80 - 1));
		boot_line(b, line);
	}
}

/* A node's sparse map: section usage (56 bytes a section, near the
 * node's pgdat: its top section), the struct pages (64 bytes each, 2 MiB
 * aligned); the first node also makes the section index and the two
 * vmemmap table pages (the 2-node log shows them once). */
static void node_sparse(struct boot *b, int nid, mb_phys_t lo, mb_phys_t hi,
			bool first)
{
	struct memblock *mb = &b->mb;
	const mb_phys_t from = b->m.vmemmap_from;
	mb_phys_t top = (hi - 1) & ~(SECTION - 1);
	mb_phys_t sections = ((hi + SECTION - 1) / SECTION) - lo / SECTION;
	mb_phys_t map = ((((hi + SECTION - 1) & ~(SECTION - 1)) -
			  (lo & ~(SECTION - 1))) >>
			 12) *
			b->mb.profile.page_struct_size;

	if (first) {
		traced(b, "sparse_index_alloc+0x5c/0x90", BS_MEMMAP);
		mb_alloc_try_nid(mb, 4096, 64, 0, 0, nid);
	}
	traced(b, "sparse_init_nid+0xb4/0x348", BS_MEMMAP);
	mb_alloc_try_nid(mb, sections * 56, 64, top, top + SECTION, nid);
	traced(b, "memmap_alloc+0x28/0x3c", BS_MEMMAP);
	mb_alloc_exact_nid_raw(mb, (map + 0x1fffff) & ~(mb_phys_t)0x1fffff,
			       0x200000, from, 0, nid);
	for (int i = 0; first && i < 2; i++) {
		traced(b, "__earlyonly_bootmem_alloc+0x2c/0x44", BS_PGDIR);
		mb_alloc_try_nid_raw(mb, 4096, 4096, from, 0, nid);
	}
	boot_hint(b, BS__COUNT);
}

/* CPUs per node from the tree's cpu nodes (numa-node-id, default 0). */
static void cpus_from_tree(struct boot *b)
{
	int cpus = fdt_path_offset(b->blob, "/cpus"), node;
	unsigned total = 0;

	if (cpus < 0)
		return;
	fdt_for_each_subnode(node, b->blob, cpus)
	{
		const char *t = fdt_getprop(b->blob, node, "device_type", NULL);
		const fdt32_t *id =
			fdt_getprop(b->blob, node, "numa-node-id", NULL);
		uint32_t nid = id ? fdt32_to_cpu(*id) : 0;

		if (!t || strcmp(t, "cpu") || nid >= BOOT_MAX_NODES)
			continue;
		b->cpus_on_node[nid]++;
		total++;
	}
	if (total)
		b->m.cpus = total;
}

/* The tree's bootargs without cma=: the library's arm64 boot would place
 * the area right after NUMA, where 6.1 places it after the sparse map. */
static void bootargs_without_cma(const char *in, char *out, size_t len)
{
	size_t n = 0;

	while (*in) {
		size_t w = strcspn(in, " ");

		if (strncmp(in, "cma=", 4) && n + w + 2 < len) {
			if (n)
				out[n++] = ' ';
			memcpy(out + n, in, w);
			n += w;
		}
		in += w;
		in += strspn(in, " ");
	}
	out[n] = '\0';
}

/* bootmem_init's end: the CMA area (cma= or the default), then
 * crashkernel=size below the DMA limit, 2 MiB aligned. */
static void cma_and_crashkernel(struct boot *b)
{
	struct memblock *mb = &b->mb;
	struct mb_cmdline cl;
	mb_phys_t limit = mb_end_of_DRAM(mb) < 0x100000000ULL
				  ? mb_end_of_DRAM(mb)
				  : 0x100000000ULL;
	mb_phys_t size = b->m.cma_size, a;
	char line[128];

	mb_cmdline_init(&cl, NULL, 0, NULL, 0);
	mb_cmdline_parse(&cl, b->m.cmdline);
	if (cl.cma_set)
		size = cl.cma_size;
	if (size && !b->dt.cma_size)
		mb_fdt_cma_reserve(mb, &b->dt, size, 0x100000000ULL);
	if (!cl.crash_set || cl.crash_nranges || cl.crash_has_offset ||
	    !cl.crash_size)
		return;
	traced(b, "bootmem_init+0x1c0/0x2d8", BS_RMEM);
	a = mb_phys_alloc_range(mb, cl.crash_size, 0x200000, 0, limit);
	boot_hint(b, BS__COUNT);
	if (!a)
		return;
	snprintf(line, sizeof(line),
		 "crashkernel reserved: 0x%016llx - 0x%016llx (%llu MB)",
		 (unsigned long long)a, (unsigned long long)(a + cl.crash_size),
		 (unsigned long long)(cl.crash_size >> 20));
	boot_line(b, line);
}

int boot_arm64_setup(struct boot *b)
{
	char full[sizeof(b->m.cmdline)];
	struct mb_fdt_boot fb = {0};
	bool numa;
	int err;

	if (!b->m.dtb[0]) {
		snprintf(b->err, sizeof(b->err),
			 "arm64 machines boot from a device tree (dtb line)");
		return -1;
	}
	memcpy(full, b->m.cmdline, sizeof(full));
	bootargs_without_cma(full, b->m.cmdline, sizeof(b->m.cmdline));
	err = boot_open_tree(b);
	memcpy(b->m.cmdline, full, sizeof(full));
	if (err)
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
	cpus_from_tree(b);
	for (int nid = 0; nid < BOOT_MAX_NODES; nid++) {
		mb_phys_t lo = 0, hi = 0;

		b->node_has_memory[nid] = node_span(&b->mb, nid, &lo, &hi);
		if (b->node_has_memory[nid])
			node_data(b, nid);
	}
	/* the mem_section roots: 2^21 sections / 256 per root x 16 */
	traced(b, "sparse_init+0x9c/0x294", BS_MEMMAP);
	mb_alloc_try_nid(&b->mb, 131072, 64, 0, 0, MB_NUMA_NO_NODE);
	for (int nid = 0, first = 1; nid < BOOT_MAX_NODES; nid++) {
		mb_phys_t lo = 0, hi = 0;

		if (!node_span(&b->mb, nid, &lo, &hi))
			continue;
		node_sparse(b, nid, lo, hi, first);
		first = 0;
	}
	cma_and_crashkernel(b);
	mb_dump_all(&b->mb);
	return 0;
}
