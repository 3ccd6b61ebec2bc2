/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree rules one at a time, on small trees built in the test
 * with libfdt (fwdt_rules_fixture.c).
 *
 * This program: CMA placement.
 */
#include "fwdt_rules_fixture.h"

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
		cmocka_unit_test(cma_above_4g),
		cmocka_unit_test(cma_highmem_first),
		cmocka_unit_test(cma_lpae_highmem_then_4g),
		cmocka_unit_test(cma_arm32_3g_alignment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
