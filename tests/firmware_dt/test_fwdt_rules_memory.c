/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree rules one at a time, on small trees built in the test
 * with libfdt (fwdt_rules_fixture.c).
 *
 * This program: memory trimming and limits, cell sizes, malformed blobs,
 * table limits, /chosen.
 */
#include "fwdt_rules_fixture.h"

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
