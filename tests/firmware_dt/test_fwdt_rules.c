/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree rules one at a time, on small trees built in the test
 * with libfdt: memory trimming and limits, cell sizes, malformed blobs,
 * /chosen, reserved-memory errors and handlers, CMA placement.
 */
#include "fwdt_test.h"

#define BLOB 16384

/* An empty tree with root cells @ac/@sc (0 = leave the property out). */
static void *tree(int ac, int sc)
{
	void *b = calloc(1, BLOB);

	assert_int_equal(fdt_create_empty_tree(b, BLOB), 0);
	if (ac)
		assert_int_equal(fdt_setprop_u32(b, 0, "#address-cells", ac),
				 0);
	if (sc)
		assert_int_equal(fdt_setprop_u32(b, 0, "#size-cells", sc), 0);
	return b;
}

static int node(void *b, const char *parent, const char *name)
{
	int p = fdt_path_offset(b, parent), n;

	assert_true(p >= 0);
	n = fdt_add_subnode(b, p, name);
	assert_true(n >= 0);
	return n;
}

/* reg-style property of (base, size) pairs in 2/2 or 1/1 cells. */
static void pairs(void *b, int n, const char *prop, int cells,
		  const mb_phys_t *v, int count)
{
	fdt32_t c[64];
	int k = 0;

	for (int i = 0; i < count; i++) {
		if (cells == 2)
			c[k++] = cpu_to_fdt32((uint32_t)(v[i] >> 32));
		c[k++] = cpu_to_fdt32((uint32_t)v[i]);
	}
	assert_int_equal(fdt_setprop(b, n, prop, c, k * 4), 0);
}

static int memory_node(void *b, const char *name, int cells, mb_phys_t base,
		       mb_phys_t size)
{
	int n = node(b, "/", name);
	mb_phys_t v[2] = {base, size};

	assert_int_equal(fdt_setprop_string(b, n, "device_type", "memory"), 0);
	pairs(b, n, "reg", cells, v, 2);
	return n;
}

static void rmem_root(void *b, int cells)
{
	int n = node(b, "/", "reserved-memory");

	assert_int_equal(fdt_setprop_u32(b, n, "#address-cells", cells), 0);
	assert_int_equal(fdt_setprop_u32(b, n, "#size-cells", cells), 0);
	assert_int_equal(fdt_setprop(b, n, "ranges", NULL, 0), 0);
}

static struct fx *with(const struct mb_profile *p, void *blob)
{
	struct fx *f = fx_new(p);

	f->blob = blob;
	f->blob_size = BLOB;
	fx_open(f, NULL);
	return f;
}

/* ---- memory rules ---- */

/* base 0x40000800 size 0x2000: 0x800 to the next page; 0x1800 left,
 * rounded down to 0x1000 -> [0x40001000, 0x40002000). */
static void memory_unaligned_base(void **state)
{
	struct fx *f = fx_new(&mb_profile_arm64);
	struct mb_fdt *dt = &f->dt;

	(void)state;
	dt->cfg.max_addr = ~0ULL;
	assert_int_equal(
		mb_fdt_add_memory_range(&f->mb, dt, 0x40000800, 0x2000), 1);
	EXPECT_MEM(f, {0x40001000, 0x1000, 0, -2});
	/* 0x400 bytes at 0x...800 never reach a page boundary */
	assert_int_equal(mb_fdt_add_memory_range(&f->mb, dt, 0x50000800, 0x400),
			 0);
	fx_expect_line(f, "OF: fdt: Ignoring memory block 0x50000800 - "
			  "0x50000c00");
	/* aligned, but less than a page */
	assert_int_equal(mb_fdt_add_memory_range(&f->mb, dt, 0x60000000, 0xfff),
			 0);
	fx_expect_line(f, "OF: fdt: Ignoring memory block 0x60000000 - "
			  "0x60000fff");
	EXPECT_MEM(f, {0x40001000, 0x1000, 0, -2});
	fx_free(f);
}

/* 32-bit: [0xc0000000, 0x140000000) is clipped at 4 GiB; a block above
 * it is ignored; below min_addr (PHYS_OFFSET) is cut or ignored. */
static void memory_limits(void **state)
{
	struct fx *f = fx_new(&mb_profile_arm32);
	struct mb_fdt *dt = &f->dt;

	(void)state;
	mb_fdt_config_default(&dt->cfg, &f->mb);
	assert_int_equal(dt->cfg.max_addr, 0xffffffff);
	dt->cfg.min_addr = 0x60000000;
	assert_int_equal(
		mb_fdt_add_memory_range(&f->mb, dt, 0xc0000000, 0x80000000), 1);
	fx_expect_line(f, "OF: fdt: Ignoring memory range 0x100000000 - "
			  "0x140000000");
	assert_int_equal(
		mb_fdt_add_memory_range(&f->mb, dt, 0x100000000ULL, 0x1000), 0);
	fx_expect_line(f, "OF: fdt: Ignoring memory block 0x100000000 - "
			  "0x100001000");
	assert_int_equal(
		mb_fdt_add_memory_range(&f->mb, dt, 0x50000000, 0x20000000), 1);
	fx_expect_line(f, "OF: fdt: Ignoring memory range 0x50000000 - "
			  "0x60000000");
	assert_int_equal(
		mb_fdt_add_memory_range(&f->mb, dt, 0x40000000, 0x1000000), 0);
	fx_expect_line(f, "OF: fdt: Ignoring memory block 0x40000000 - "
			  "0x41000000");
	/* The kernel adds (0xc0000000, 0x40000000); memblock itself then
	 * caps the size so that the end stays <= PHYS_ADDR_MAX 0xffffffff:
	 * 0xffffffff - 0xc0000000 = 0x3fffffff. */
	EXPECT_MEM(f, {0x60000000, 0x10000000, 0, -2},
		   {0xc0000000, 0x3fffffff, 0, -2});
	fx_check(f);
	fx_free(f);
}

/* A range that wraps past 2^64 is clipped, never undefined. */
static void memory_wrap(void **state)
{
	struct fx *f = fx_new(&mb_profile_arm64);

	(void)state;
	mb_fdt_config_default(&f->dt.cfg, &f->mb);
	assert_true(mb_fdt_add_memory_range(&f->mb, &f->dt,
					    0xfffffffffffff000ULL,
					    0x10000) >= 0);
	assert_true(mb_fdt_add_memory_range(&f->mb, &f->dt,
					    0xffffffffffffff00ULL,
					    0x10000) >= 0);
	fx_check(f);
	fx_free(f);
}

/* status, hotpluggable, trailing half entry, several nodes. */
static void memory_nodes(void **state)
{
	void *b = tree(2, 2);
	int n;
	struct fx *f;
	fdt32_t odd[5] = {0, cpu_to_fdt32(0x80000000), 0,
			  cpu_to_fdt32(0x1000000), cpu_to_fdt32(7)};

	(void)state;
	memory_node(b, "memory@40000000", 2, 0x40000000, 0x10000000);
	n = memory_node(b, "memory@60000000", 2, 0x60000000, 0x10000000);
	assert_int_equal(fdt_setprop_string(b, n, "status", "disabled"), 0);
	n = memory_node(b, "memory@100000000", 2, 0x100000000ULL, GiB(1));
	assert_int_equal(fdt_setprop(b, n, "hotpluggable", NULL, 0), 0);
	n = memory_node(b, "memory@80000000", 2, 0, 0);
	assert_int_equal(fdt_setprop(b, n, "reg", odd, sizeof(odd)), 0);
	f = with(&mb_profile_arm64, b);
	assert_int_equal(mb_fdt_scan_memory(&f->mb, &f->dt), 3);
	EXPECT_MEM(f, {0x40000000, 0x10000000, 0, -2},
		   {0x80000000, 0x1000000, 0, -2},
		   {0x100000000ULL, GiB(1), MEMBLOCK_HOTPLUG, -2});
	fx_free(f);
}

/* No #address-cells/#size-cells: Linux's defaults are 1 and 1. */
static void cells_default(void **state)
{
	void *b = tree(0, 0);
	struct fx *f;

	(void)state;
	memory_node(b, "memory@80000000", 1, 0x80000000, 0x1000000);
	f = with(&mb_profile_arm32, b);
	assert_int_equal(f->dt.addr_cells, 1);
	assert_int_equal(f->dt.size_cells, 1);
	assert_int_equal(mb_fdt_scan_memory(&f->mb, &f->dt), 1);
	EXPECT_MEM(f, {0x80000000, 0x1000000, 0, -2});
	fx_free(f);
}

static void cells_bad(void **state)
{
	struct fx *f = fx_new(&mb_profile_arm64);
	void *b;

	(void)state;
	b = tree(3, 2);
	assert_int_equal(mb_fdt_open(&f->dt, &f->mb, b, BLOB, NULL),
			 -MB_EINVAL);
	free(b);
	b = tree(2, 0);
	assert_int_equal(fdt_setprop_u32(b, 0, "#size-cells", 0), 0);
	assert_int_equal(mb_fdt_open(&f->dt, &f->mb, b, BLOB, NULL),
			 -MB_EINVAL);
	free(b);
	fx_free(f);
}

/* Truncated, bad magic, tiny buffer, corrupted structure: -EINVAL and
 * the instance is untouched. */
static void malformed_blobs(void **state)
{
	struct fx *f = fx_new(&mb_profile_arm64);
	void *b = tree(2, 2);
	unsigned char *c = b;
	unsigned char copy[BLOB];
	struct memblock before = f->mb;

	(void)state;
	memory_node(b, "memory@40000000", 2, 0x40000000, 0x10000000);
	assert_int_equal(fdt_pack(b), 0);
	memcpy(copy, b, BLOB);
	assert_int_equal(
		mb_fdt_open(&f->dt, &f->mb, b, fdt_totalsize(b) - 1, NULL),
		-MB_EINVAL);
	assert_int_equal(mb_fdt_open(&f->dt, &f->mb, b, 20, NULL), -MB_EINVAL);
	c[0] ^= 0xff; /* magic */
	assert_int_equal(mb_fdt_open(&f->dt, &f->mb, b, BLOB, NULL),
			 -MB_EINVAL);
	memcpy(b, copy, BLOB);
	/* the structure block's first token is no longer FDT_BEGIN_NODE */
	c[fdt_off_dt_struct(b) + 3] = 0x7;
	assert_int_equal(mb_fdt_open(&f->dt, &f->mb, b, BLOB, NULL),
			 -MB_EINVAL);
	/* a step on a failed handle does nothing */
	assert_int_equal(mb_fdt_scan_memory(&f->mb, &f->dt), -MB_EINVAL);
	assert_int_equal(
		memcmp(&before.memory, &f->mb.memory, sizeof(before.memory)),
		0);
	assert_int_equal(f->mb.memory.regions[0].size, 0);
	free(b);
	fx_free(f);
}

/* A memory table that cannot take every range refuses them all. */
static void memory_table_full(void **state)
{
	struct memblock mb;
	struct memblock_region mem[4], res[4];
	struct mb_fdt dt;
	void *b = tree(1, 1);

	(void)state;
	for (int i = 0; i < 5; i++) {
		char name[32];

		snprintf(name, sizeof(name), "memory@%x", 0x10000000 * (i + 1));
		memory_node(b, name, 1, 0x10000000ULL * (i + 1), 0x1000000);
	}
	assert_int_equal(
		mb_init(&mb, &mb_profile_arm32, NULL, mem, 4, res, 4, NULL, 0),
		0);
	assert_int_equal(mb_fdt_open(&dt, &mb, b, BLOB, NULL), 0);
	assert_int_equal(mb_fdt_scan_memory(&mb, &dt), -MB_ENOMEM);
	assert_int_equal(mb.memory.cnt, 1);
	assert_int_equal(mb.memory.regions[0].size, 0);
	free(b);
}

/* /memreserve/ entries that do not fit are refused before any change. */
static void memreserve_table_full(void **state)
{
	struct memblock mb;
	struct memblock_region mem[2], res[2];
	struct mb_fdt dt;
	void *b = tree(1, 1);

	(void)state;
	for (int i = 0; i < 3; i++)
		assert_int_equal(
			fdt_add_mem_rsv(b, 0x1000000ULL * (i + 1), 0x1000), 0);
	assert_int_equal(
		mb_init(&mb, &mb_profile_arm32, NULL, mem, 2, res, 2, NULL, 0),
		0);
	assert_int_equal(mb_fdt_open(&dt, &mb, b, BLOB, NULL), 0);
	assert_int_equal(mb_fdt_reserve_memreserve(&mb, &dt), -MB_ENOMEM);
	assert_int_equal(mb.reserved.cnt, 1);
	assert_int_equal(mb.reserved.regions[0].size, 0);
	/* with room: all three, in order */
	assert_int_equal(
		mb_init(&mb, &mb_profile_arm32, NULL, mem, 2, res, 2, NULL, 0),
		0);
	fdt_del_mem_rsv(b, 2);
	assert_int_equal(mb_fdt_reserve_memreserve(&mb, &dt), 2);
	assert_int_equal(mb.reserved.cnt, 2);
	free(b);
}

/* ---- /chosen ---- */

static void chosen_props(void **state)
{
	void *b = tree(2, 2);
	int n;
	mb_phys_t usable[4] = {0x48000000, 0x1000000, 0x50000000, 0x100000};
	struct fx *f;

	(void)state;
	memory_node(b, "memory@40000000", 2, 0x40000000, 0x40000000);
	/* after the memory node: adding a node moves its siblings */
	n = node(b, "/", "chosen");
	assert_int_equal(fdt_setprop_string(b, n, "bootargs", "mem=1G"), 0);
	assert_int_equal(
		fdt_setprop_u32(b, n, "linux,initrd-start", 0x44000000), 0);
	assert_int_equal(fdt_setprop_u64(b, n, "linux,initrd-end", 0x44800000),
			 0);
	pairs(b, n, "linux,usable-memory-range", 2, usable, 4);
	f = with(&mb_profile_arm64, b);
	assert_int_equal(mb_fdt_scan_chosen(&f->dt), 0);
	assert_string_equal(f->dt.chosen.bootargs, "mem=1G");
	assert_true(f->dt.chosen.has_initrd);
	assert_int_equal(f->dt.chosen.initrd_start, 0x44000000);
	assert_int_equal(f->dt.chosen.initrd_end, 0x44800000);
	assert_int_equal(f->dt.chosen.n_usable, 2);
	assert_int_equal(mb_fdt_scan_memory(&f->mb, &f->dt), 1);
	/* kdump: memory capped to the first range, the second added */
	assert_int_equal(mb_fdt_apply_usable_range(&f->mb, &f->dt), 0);
	EXPECT_MEM(f, {0x48000000, 0x1000000, 0, -2},
		   {0x50000000, 0x100000, 0, -2});
	fx_free(f);
}

static void chosen_bad(void **state)
{
	void *b = tree(2, 2);
	int n = node(b, "/", "chosen");
	struct fx *f;

	(void)state;
	/* an initrd that ends before it starts is ignored, like Linux */
	assert_int_equal(fdt_setprop_u32(b, n, "linux,initrd-start", 0x2000),
			 0);
	assert_int_equal(fdt_setprop_u32(b, n, "linux,initrd-end", 0x1000), 0);
	f = with(&mb_profile_arm64, b);
	assert_int_equal(mb_fdt_scan_chosen(&f->dt), 0);
	assert_false(f->dt.chosen.has_initrd);
	/* bootargs without its NUL */
	assert_int_equal(fdt_setprop(b, n, "bootargs", "abc", 3), 0);
	assert_int_equal(mb_fdt_scan_chosen(&f->dt), -MB_EINVAL);
	/* no /chosen at all */
	assert_int_equal(fdt_del_node(b, n), 0);
	assert_int_equal(mb_fdt_scan_chosen(&f->dt), -MB_ENOENT);
	fx_free(f);
}

/* ---- reserved memory ---- */

/* #size-cells differing from the root: the whole node is ignored. */
static void rmem_unsupported_format(void **state)
{
	void *b = tree(2, 2);
	int n;
	struct fx *f;
	mb_phys_t reg[2] = {0x40000000, 0x100000};

	(void)state;
	rmem_root(b, 1);
	n = node(b, "/reserved-memory", "r@40000000");
	pairs(b, n, "reg", 1, reg, 2);
	f = with(&mb_profile_arm64, b);
	assert_int_equal(mb_fdt_scan_rmem(&f->mb, &f->dt), -MB_EINVAL);
	fx_expect_line(f, "OF: fdt: Reserved memory: unsupported node format, "
			  "ignoring");
	assert_int_equal(f->mb.reserved.regions[0].size, 0);
	fx_free(f);
}

static void rmem_bad_props(void **state)
{
	void *b = tree(2, 2);
	int n;
	struct fx *f;
	fdt32_t three[3] = {0, 0, 0};

	(void)state;
	rmem_root(b, 2);
	n = node(b, "/reserved-memory", "badreg");
	assert_int_equal(fdt_setprop(b, n, "reg", three, sizeof(three)), 0);
	n = node(b, "/reserved-memory", "badsize");
	assert_int_equal(fdt_setprop_u32(b, n, "size", 0x1000), 0);
	f = with(&mb_profile_arm64, b);
	assert_int_equal(mb_fdt_scan_reserved_mem(&f->mb, &f->dt), 0);
	fx_expect_line(f, "OF: fdt: Reserved memory: invalid reg property in "
			  "'badreg', skipping node.");
	fx_expect_line(f, "OF: reserved mem: invalid size property in "
			  "'badsize' node.");
	assert_int_equal(f->dt.rmem_count, 1);
	fx_free(f);
}

/* A dynamic region without alignment gets SMP_CACHE_BYTES (0x40), with
 * alloc-ranges tried in order (the first has no memory). */
static void rmem_dynamic_default_align(void **state)
{
	void *b = tree(2, 2);
	int n;
	struct fx *f;
	mb_phys_t ranges[4] = {0x10000000, 0x1000000, 0x40000000, 0x10000000};

	(void)state;
	memory_node(b, "memory@40000000", 2, 0x40000000, 0x40000000);
	rmem_root(b, 2);
	n = node(b, "/reserved-memory", "buf");
	assert_int_equal(fdt_setprop_u64(b, n, "size", 0x3000), 0);
	pairs(b, n, "alloc-ranges", 2, ranges, 4);
	f = with(&mb_profile_arm64, b);
	assert_int_equal(mb_fdt_scan_memory(&f->mb, &f->dt), 1);
	assert_int_equal(mb_fdt_scan_reserved_mem(&f->mb, &f->dt), 0);
	/* second range [0x40000000, 0x50000000): top-down, 0x40-aligned:
	 * 0x50000000 - 0x3000 = 0x4fffd000 */
	EXPECT_RES(f, {0x4fffd000, 0x3000, 0, -2});
	assert_int_equal(f->nev >= 2, 1);
	for (int i = 0, k = 0; i < f->nev; i++)
		if (f->ev[i].kind == MB_EV_PHYS_ALLOC_RANGE) {
			assert_int_equal(f->ev[i].align, 0x40);
			assert_int_equal(f->ev[i].min,
					 k ? 0x40000000 : 0x10000000);
			k++;
		}
	fx_free(f);
}

/* reusable + no-map shared-dma-pool: refused by both handlers -> the
 * NOMAP mark is undone. */
static void rmem_matching_fail_nomap(void **state)
{
	void *b = tree(2, 2);
	int n;
	struct fx *f;
	mb_phys_t reg[2] = {0x50000000, 0x400000};

	(void)state;
	memory_node(b, "memory@40000000", 2, 0x40000000, 0x40000000);
	rmem_root(b, 2);
	n = node(b, "/reserved-memory", "pool@50000000");
	pairs(b, n, "reg", 2, reg, 2);
	assert_int_equal(
		fdt_setprop_string(b, n, "compatible", "shared-dma-pool"), 0);
	assert_int_equal(fdt_setprop(b, n, "reusable", NULL, 0), 0);
	assert_int_equal(fdt_setprop(b, n, "no-map", NULL, 0), 0);
	f = with(&mb_profile_arm64, b);
	mb_fdt_scan_memory(&f->mb, &f->dt);
	assert_int_equal(mb_fdt_scan_rmem(&f->mb, &f->dt), 1);
	EXPECT_MEM(f, {0x40000000, 0x10000000, 0, -2},
		   {0x50000000, 0x400000, MEMBLOCK_NOMAP, -2},
		   {0x50400000, 0x2fc00000, 0, -2});
	mb_fdt_init_rmem(&f->mb, &f->dt);
	fx_expect_line(f, "OF: reserved mem: node pool@50000000 compatible "
			  "matching fail");
	EXPECT_MEM(f, {0x40000000, 0x40000000, 0, -2});
	fx_free(f);
}

/* 32-bit ARM: a coherent pool must be no-map; refused -> freed. */
static void rmem_arm32_dma_needs_nomap(void **state)
{
	void *b = tree(1, 1);
	int n;
	struct fx *f;
	mb_phys_t reg[2] = {0x50000000, 0x400000};

	(void)state;
	rmem_root(b, 1);
	n = node(b, "/reserved-memory", "dma@50000000");
	pairs(b, n, "reg", 1, reg, 2);
	assert_int_equal(
		fdt_setprop_string(b, n, "compatible", "shared-dma-pool"), 0);
	f = with(&mb_profile_arm32, b);
	assert_int_equal(mb_fdt_scan_reserved_mem(&f->mb, &f->dt), 0);
	fx_expect_line(f, "Reserved memory: regions without no-map are not "
			  "yet supported");
	fx_expect_line(f, "OF: reserved mem: node dma@50000000 compatible "
			  "matching fail");
	assert_int_equal(f->mb.reserved.regions[0].size, 0); /* freed */
	fx_free(f);
}

/* cma= on the command line bypasses linux,cma-default; the default area
 * is then placed by mb_fdt_cma_reserve. A misaligned static pool is
 * refused. */
static void rmem_cma_bypass_and_alignment(void **state)
{
	void *b = tree(2, 2);
	int n;
	struct fx *f;
	mb_phys_t reg[2] = {0x50100000, 0x400000};

	(void)state;
	memory_node(b, "memory@40000000", 2, 0x40000000, 0x40000000);
	rmem_root(b, 2);
	n = node(b, "/reserved-memory", "linux,cma");
	assert_int_equal(
		fdt_setprop_string(b, n, "compatible", "shared-dma-pool"), 0);
	assert_int_equal(fdt_setprop_u64(b, n, "size", MiB(32)), 0);
	assert_int_equal(fdt_setprop(b, n, "reusable", NULL, 0), 0);
	assert_int_equal(fdt_setprop(b, n, "linux,cma-default", NULL, 0), 0);
	n = node(b, "/reserved-memory", "odd@50100000");
	assert_int_equal(
		fdt_setprop_string(b, n, "compatible", "shared-dma-pool"), 0);
	assert_int_equal(fdt_setprop(b, n, "reusable", NULL, 0), 0);
	pairs(b, n, "reg", 2, reg, 2);
	f = with(&mb_profile_arm64, b);
	f->dt.cfg.cmdline_cma = true;
	mb_fdt_scan_memory(&f->mb, &f->dt);
	assert_int_equal(mb_fdt_scan_reserved_mem(&f->mb, &f->dt), 0);
	fx_expect_line(f, "Reserved memory: bypass linux,cma node, using "
			  "cmdline CMA params instead");
	fx_expect_line(f, "OF: reserved mem: node linux,cma compatible "
			  "matching fail");
	/* 0x50100000 is not a multiple of 2 MiB */
	fx_expect_line(f, "Reserved memory: incorrect alignment of CMA region");
	assert_false(f->dt.cma_default_from_dt);
	/* both refused: the dynamic one freed, the static one freed */
	assert_int_equal(f->mb.reserved.regions[0].size, 0);
	/* cma=16M: top of memory below 4 GiB: 0x80000000 - 16M */
	assert_int_equal(mb_fdt_cma_reserve(&f->mb, &f->dt, MiB(16), GiB(4)),
			 0);
	fx_expect_line(f, "cma: Reserved 16 MiB at 0x000000007f000000");
	EXPECT_RES(f, {0x7f000000, MiB(16), 0, -2});
	fx_free(f);
}

/* More than MAX_RESERVED_REGIONS children. */
static void rmem_too_many(void **state)
{
	void *b = calloc(1, 65536);
	struct fx *f;

	(void)state;
	assert_int_equal(fdt_create_empty_tree(b, 65536), 0);
	fdt_setprop_u32(b, 0, "#address-cells", 1);
	fdt_setprop_u32(b, 0, "#size-cells", 1);
	rmem_root(b, 1);
	for (int i = 0; i < 70; i++) {
		char name[32];
		mb_phys_t reg[2] = {0x10000000 + 0x10000 * (mb_phys_t)i,
				    0x1000};
		int n;

		snprintf(name, sizeof(name), "r@%x", (unsigned)reg[0]);
		n = node(b, "/reserved-memory", name);
		pairs(b, n, "reg", 1, reg, 2);
	}
	f = fx_new(&mb_profile_arm32);
	f->blob = b;
	assert_int_equal(mb_fdt_open(&f->dt, &f->mb, b, 65536, NULL), 0);
	assert_int_equal(mb_fdt_scan_rmem(&f->mb, &f->dt), 64);
	fx_expect_line(f, "OF: reserved mem: not enough space for all "
			  "defined regions.");
	/* all 70 are reserved all the same (70 separate regions) */
	assert_int_equal(f->mb.reserved.cnt, 70);
	fx_free(f);
}

/* ---- CMA placement ---- */

/* 64-bit with memory above 4 GiB + size: bottom-up from 4 GiB first. */
static void cma_above_4g(void **state)
{
	struct fx *f = fx_new(&mb_profile_arm64);
	struct mb_fdt_config cfg;
	mb_phys_t base = 0;

	(void)state;
	mb_fdt_config_default(&cfg, &f->mb);
	assert_int_equal(mb_add(&f->mb, GiB(1), GiB(8)), 0);
	assert_int_equal(
		mb_cma_declare(&f->mb, &cfg, 0, MiB(64), 0, 0, false, &base),
		0);
	assert_int_equal(base, GiB(4));
	fx_expect_line(f, "cma: Reserved 64 MiB at 0x0000000100000000");
	assert_false(mb_bottom_up(&f->mb)); /* restored */
	/* fixed base already taken */
	assert_int_equal(
		mb_cma_declare(&f->mb, &cfg, GiB(4), MiB(4), 0, 0, true, &base),
		-MB_EBUSY);
	fx_expect_line(f, "cma: Failed to reserve 4 MiB");
	/* larger than the room below the limit */
	assert_int_equal(mb_cma_declare(&f->mb, &cfg, GiB(2), GiB(4), GiB(3), 0,
					true, &base),
			 -MB_EINVAL);
	fx_expect_line(f, "cma: Size (0x0000000100000000) of region at "
			  "0x0000000080000000 exceeds limit "
			  "(0x00000000c0000000)");
	/* sizes whose rounding would wrap past 2^64 */
	assert_int_equal(
		mb_cma_declare(&f->mb, &cfg, 0, ~0ULL - 1, 0, 0, false, &base),
		-MB_EINVAL);
	assert_int_equal(mb_cma_declare(&f->mb, &cfg, ~0ULL - MiB(1), MiB(4), 0,
					0, false, &base),
			 -MB_EINVAL);
	/* non power-of-two alignment */
	assert_int_equal(mb_cma_declare(&f->mb, &cfg, 0, MiB(4), 0, MiB(3),
					false, &base),
			 -MB_EINVAL);
	fx_free(f);
}

/* 32-bit ARM, 1 GiB at 0x60000000 with HighMem from 0x90000000: the
 * area goes to the top of HighMem; with highmem full, to lowmem.
 * Alignment: armmp 6.1 has MAX_ORDER 12 (AM33xx in the multi-platform
 * kernel), pageblock_order = MAX_ORDER - 1 = 11, 4 KiB << 11 = 8 MiB
 * (corpus arm_vexpress_256M_cma12M.log: cma=12M gives "Reserved 16 MiB"). */
static void cma_highmem_first(void **state)
{
	struct fx *f = fx_new(&mb_profile_arm32);
	struct mb_fdt_config cfg;
	mb_phys_t base = 0;

	(void)state;
	mb_fdt_config_default(&cfg, &f->mb);
	assert_int_equal(cfg.highmem_start, 0x90000000);
	assert_int_equal(cfg.cma_min_align, MiB(8));
	assert_int_equal(mb_add(&f->mb, 0x60000000, GiB(1)), 0);
	assert_int_equal(mb_reserve(&f->mb, 0x90000000, 0x10000000 - MiB(8)),
			 0);
	/* 16 MiB does not fit in the 8 MiB left of HighMem: lowmem top */
	assert_int_equal(mb_cma_declare(&f->mb, &cfg, 0, MiB(16), 0xffffffff, 0,
					false, &base),
			 0);
	assert_int_equal(base, 0x8f000000);
	/* 6 MiB rounds up to 8 MiB (8 MiB pageblocks): it fits in the free
	 * [0x9f800000, 0xa0000000) at the top of HighMem */
	assert_int_equal(mb_cma_declare(&f->mb, &cfg, 0, MiB(6), 0xffffffff, 0,
					false, &base),
			 0);
	assert_int_equal(base, 0x9f800000);
	fx_expect_line(f, "cma: Reserved 8 MiB at 0x9f800000");
	fx_free(f);
}

/*
 * LPAE (32-bit ARM with a 64-bit phys_addr_t), 4 GiB at 0x40000000,
 * HighMem from 0x70000000, arm_dma_limit 0xffffffff; the numbers of
 * corpus arm_virt_lpae_4G.log lines 12-14. Alignment 2 MiB (LPAE has
 * 2 MiB huge pages: pageblock_order 9). limit = 0xffffffff & ~(2M-1) =
 * 0xffe00000 (< end of RAM 0x140000000). HighMem try [0x70000000,
 * 0xffe00000) top-down: 0xffe00000 - 16M = 0xfee00000, reserved. Limit
 * drops to 0x70000000. RAM end 0x140000000 >= 4G + 16M: bottom-up try
 * [4G, 0x70000000) is empty and its "nothing" replaces 0xfee00000. Then
 * [0, 0x70000000) top-down: 0x70000000 - 16M = 0x6f000000.
 */
static void cma_lpae_highmem_then_4g(void **state)
{
	struct mb_profile lpae = mb_profile_arm32;
	struct fx *f;
	struct mb_fdt_config cfg;
	mb_phys_t base = 0;

	(void)state;
	lpae.phys_bits = 64;
	lpae.lowmem_end = 0x70000000;
	f = fx_new(&lpae);
	mb_fdt_config_default(&cfg, &f->mb);
	assert_int_equal(cfg.cma_min_align, MiB(2));
	assert_int_equal(mb_add(&f->mb, GiB(1), GiB(4)), 0);
	assert_int_equal(mb_cma_declare(&f->mb, &cfg, 0, MiB(16), 0xffffffff, 0,
					false, &base),
			 0);
	assert_int_equal(base, 0x6f000000);
	fx_expect_line(f, "cma: Reserved 16 MiB at 0x000000006f000000");
	/* both blocks stay reserved, as in the log's dump */
	assert_int_equal(f->mb.reserved.cnt, 2);
	assert_int_equal(f->mb.reserved.regions[0].base, 0x6f000000);
	assert_int_equal(f->mb.reserved.regions[1].base, 0xfee00000);
	assert_int_equal(f->mb.reserved.regions[1].size, MiB(16));
	assert_false(mb_bottom_up(&f->mb));
	fx_free(f);
}

/* Non-LPAE 3 GiB virt (corpus arm_virt_3G.log:12-13): memory
 * [0x40000000, 0xffffffff) (QEMU's 3 GiB cut at 4 GiB - 1), HighMem from
 * 0x70000000. limit = 0xffffffff & ~(8M-1) = 0xff800000; HighMem try
 * top-down: 0xff800000 - 16M = 0xfe800000. No 4 GiB try (32-bit). */
static void cma_arm32_3g_alignment(void **state)
{
	struct mb_profile p = mb_profile_arm32;
	struct fx *f;
	struct mb_fdt_config cfg;
	mb_phys_t base = 0;

	(void)state;
	p.lowmem_end = 0x70000000;
	f = fx_new(&p);
	mb_fdt_config_default(&cfg, &f->mb);
	assert_int_equal(mb_add(&f->mb, 0x40000000, 0xbfffffff), 0);
	assert_int_equal(mb_cma_declare(&f->mb, &cfg, 0, MiB(16), 0xffffffff, 0,
					false, &base),
			 0);
	assert_int_equal(base, 0xfe800000);
	fx_expect_line(f, "cma: Reserved 16 MiB at 0xfe800000");
	assert_int_equal(f->mb.reserved.cnt, 1);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memory_unaligned_base),
		cmocka_unit_test(memory_limits),
		cmocka_unit_test(memory_wrap),
		cmocka_unit_test(memory_nodes),
		cmocka_unit_test(cells_default),
		cmocka_unit_test(cells_bad),
		cmocka_unit_test(malformed_blobs),
		cmocka_unit_test(memory_table_full),
		cmocka_unit_test(memreserve_table_full),
		cmocka_unit_test(chosen_props),
		cmocka_unit_test(chosen_bad),
		cmocka_unit_test(rmem_unsupported_format),
		cmocka_unit_test(rmem_bad_props),
		cmocka_unit_test(rmem_dynamic_default_align),
		cmocka_unit_test(rmem_matching_fail_nomap),
		cmocka_unit_test(rmem_arm32_dma_needs_nomap),
		cmocka_unit_test(rmem_cma_bypass_and_alignment),
		cmocka_unit_test(rmem_too_many),
		cmocka_unit_test(cma_above_4g),
		cmocka_unit_test(cma_highmem_first),
		cmocka_unit_test(cma_lpae_highmem_then_4g),
		cmocka_unit_test(cma_arm32_3g_alignment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
