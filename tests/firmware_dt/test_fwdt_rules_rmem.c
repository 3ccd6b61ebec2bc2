/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree rules one at a time, on small trees built in the test
 * with libfdt (fwdt_rules_fixture.c).
 *
 * This program: reserved-memory errors and handlers.
 */
#include "fwdt_rules_fixture.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rmem_unsupported_format),
		cmocka_unit_test(rmem_bad_props),
		cmocka_unit_test(rmem_dynamic_default_align),
		cmocka_unit_test(rmem_matching_fail_nomap),
		cmocka_unit_test(rmem_arm32_dma_needs_nomap),
		cmocka_unit_test(rmem_cma_bypass_and_alignment),
		cmocka_unit_test(rmem_too_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
