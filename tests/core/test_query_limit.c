/* SPDX-License-Identifier: BSD-2-Clause */
/* Core: queries, mem= limits, cap_memory_range, trim_memory. */
#include "core_test.h"

static void queries(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x1000, 0x9e000), 0);
	assert_int_equal(mb_add(mb, 0x100000, 0x100000), 0);
	assert_int_equal(mb_mark_nomap(mb, 0x180000, 0x10000), 0);
	assert_int_equal(mb_reserve(mb, 0x150000, 0x1000), 0);
	CHECK(t);
	/* memory: [0x1000,0x9f000) [0x100000,0x180000) N[0x180000,0x190000)
	 * [0x190000,0x200000) */
	assert_int_equal(mb->memory.cnt, 4);
	assert_int_equal(mb_phys_mem_size(mb), 0x9e000 + 0x100000);
	assert_int_equal(mb_reserved_size(mb), 0x1000);
	assert_int_equal(mb_start_of_DRAM(mb), 0x1000);
	assert_int_equal(mb_end_of_DRAM(mb), 0x200000);
	assert_false(mb_is_memory(mb, 0xfff));
	assert_true(mb_is_memory(mb, 0x1000));
	assert_true(mb_is_memory(mb, 0x9efff));
	assert_false(mb_is_memory(mb, 0x9f000));
	assert_true(mb_is_memory(mb, 0x185000));
	assert_false(mb_is_map_memory(mb, 0x185000));
	assert_true(mb_is_map_memory(mb, 0x195000));
	assert_false(mb_is_map_memory(mb, 0x50000000));
	assert_true(mb_is_reserved(mb, 0x150fff));
	assert_false(mb_is_reserved(mb, 0x151000));
	/* region memory: the region holding base must reach the end */
	assert_true(mb_is_region_memory(mb, 0x1000, 0x9e000));
	assert_false(mb_is_region_memory(mb, 0x1000, 0x9e001));
	/* [0x170000,0x190000) crosses into the NOMAP region (another
	 * region), so false */
	assert_false(mb_is_region_memory(mb, 0x170000, 0x20000));
	assert_false(mb_is_region_memory(mb, 0xa0000, 0x10));
	/* any overlap */
	assert_true(mb_is_region_reserved(mb, 0x14f000, 0x1001));
	assert_false(mb_is_region_reserved(mb, 0x14f000, 0x1000));
	assert_true(mb_overlaps_region(&mb->memory, 0x9f000, 0x62000));
	assert_false(mb_overlaps_region(&mb->memory, 0x9f000, 0x61000));
	/* size wrapping past 2^64 is capped, not wrapped */
	assert_true(mb_overlaps_region(&mb->reserved, 0x150000, ~0ULL));
	assert_false(mb_is_region_memory(mb, 0x190000, ~0ULL));
	tc_free(t);
}

static void enforce_memory_limit(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x1000, 0x9f000), 0);
	assert_int_equal(mb_add(mb, 0x100000, 0x7f00000), 0);
	assert_int_equal(mb_reserve(mb, 0x150000, 0x20000), 0);
	assert_int_equal(mb_reserve(mb, 0x200000, 0x1000), 0);
	/* no-ops: 0, and more than the 0x7f9f000 bytes there are */
	mb_enforce_memory_limit(mb, 0);
	mb_enforce_memory_limit(mb, 0x8000000);
	assert_int_equal(mb->memory.total_size, 0x9f000 + 0x7f00000);
	/* 1 MiB: region 0 uses 0x9f000, 0x61000 left -> cut at
	 * 0x100000 + 0x61000 = 0x161000 */
	t->nev = 0;
	mb_enforce_memory_limit(mb, 0x100000);
	CHECK(t);
	assert_int_equal(t->nev, 0); /* untraced */
	assert_int_equal(mb->memory.cnt, 2);
	REGION(mb->memory, 1, 0x100000, 0x61000, 0, 1024);
	assert_int_equal(mb->memory.total_size, 0x100000);
	assert_int_equal(mb->reserved.cnt, 1);
	REGION(mb->reserved, 0, 0x150000, 0x11000, 0, 1024);
	tc_free(t);
}

static void cap_memory_range(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	/* nothing registered: the kernel's warning, nothing else */
	mb_cap_memory_range(mb, 0, 0x1000);
	assert_int_equal(t->nlines, 1);
	assert_string_equal(t->lines[0], "memblock_cap_memory_range: No "
					 "memory registered yet");
	assert_int_equal(mb_add(mb, 0x100000, 0x100000), 0);
	assert_int_equal(mb_add(mb, 0x300000, 0x100000), 0);
	assert_int_equal(mb_add(mb, 0x500000, 0x100000), 0);
	assert_int_equal(mb_add(mb, 0x700000, 0x100000), 0);
	assert_int_equal(mb_mark_nomap(mb, 0x300000, 0x100000), 0);
	assert_int_equal(mb_mark_nomap(mb, 0x700000, 0x100000), 0);
	assert_int_equal(mb_reserve(mb, 0x100000, 0x10000), 0);
	assert_int_equal(mb_reserve(mb, 0x190000, 0x10000), 0);
	assert_int_equal(mb_reserve(mb, 0x57f000, 0x11000), 0);
	/* keep [0x180000,0x580000): split at both ends; the map regions
	 * outside go ([0x100000,0x180000) and [0x580000,0x600000)), the
	 * NOMAP one outside ([0x700000,..)) stays */
	mb_cap_memory_range(mb, 0x180000, 0x400000);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 4);
	REGION(mb->memory, 0, 0x180000, 0x80000, 0, 1024);
	REGION(mb->memory, 1, 0x300000, 0x100000, MEMBLOCK_NOMAP, 1024);
	REGION(mb->memory, 2, 0x500000, 0x80000, 0, 1024);
	REGION(mb->memory, 3, 0x700000, 0x100000, MEMBLOCK_NOMAP, 1024);
	/* reserved trimmed to the range */
	assert_int_equal(mb->reserved.cnt, 2);
	REGION(mb->reserved, 0, 0x190000, 0x10000, 0, 1024);
	REGION(mb->reserved, 1, 0x57f000, 0x1000, 0, 1024);
	tc_free(t);
}

static void mem_limit_remove_map(void **state)
{
	struct tctx *t = tc_new(&mb_profile_arm64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x40000000, 0x40000000), 0);
	assert_int_equal(mb_reserve(mb, 0x7f000000, 0x1000), 0);
	mb_mem_limit_remove_map(mb, 0);
	mb_mem_limit_remove_map(mb, 0x80000000); /* above total: no-op */
	assert_int_equal(mb->memory.total_size, 0x40000000);
	/* 256 MiB: cut 0x40000000 + 0x10000000 = 0x50000000 */
	mb_mem_limit_remove_map(mb, 0x10000000);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	/* arm64 MAX_NUMNODES 64 = no node */
	REGION(mb->memory, 0, 0x40000000, 0x10000000, 0, 64);
	/* the only reservation was above the cut: reserved emptied */
	REGION(mb->reserved, 0, 0, 0, 0, 64);
	tc_free(t);
}

static void trim_memory_quirk(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	/* the x86 e820 RAM of the logs: [0x1000,0x9fc00) and
	 * [0x100000,0x3ffe0000); plus a sliver [0x400000800,0x400000c00) */
	assert_int_equal(mb_add(mb, 0x1000, 0x9ec00), 0);
	assert_int_equal(mb_add(mb, 0x100000, 0x3fee0000), 0);
	assert_int_equal(mb_add(mb, 0x400000800ULL, 0x400), 0);
	/* total 0x9ec00 + 0x3fee0000 + 0x400 = 0x3ff7f000 */
	assert_int_equal(mb->memory.total_size, 0x3ff7f000);
	mb_trim_memory(mb, 0x1000);
	CHECK(t);
	/* region 0 shrinks to [0x1000,0x9f000) but total keeps the 0xc00
	 * (the logs' "memory size" is 0xc00 above the sum); the sliver
	 * vanishes and its 0x400 is subtracted */
	assert_int_equal(mb->memory.cnt, 2);
	REGION(mb->memory, 0, 0x1000, 0x9e000, 0, 1024);
	assert_int_equal(mb->memory.total_size, 0x3ff7f000 - 0x400);
	assert_int_equal(mb->memory_total_slack, 0xc00);
	/* x86_1G_memmap130_double.log dump: 0x3fefcc00 = sum + 0xc00 */
	tc_free(t);

	/* a region in the last partial 0x1000 block of the 64-bit space:
	 * Linux's round_up wraps to 0 and leaves [0, 0xffffffffffff000)
	 * overlapping everything; the core removes the region instead */
	t = tc_new(&mb_profile_x86_64);
	mb = &t->mb;
	assert_int_equal(mb_add(mb, 0x100000, 0x1000), 0);
	assert_int_equal(mb_add(mb, 0xfffffffffffff800ULL, 0x800), 0);
	/* capped: [0xfffffffffffff800, 0xffffffffffffffff) */
	REGION(mb->memory, 1, 0xfffffffffffff800ULL, 0x7ff, 0, 1024);
	mb_trim_memory(mb, 0x1000);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0x100000, 0x1000, 0, 1024);
	assert_int_equal(mb->memory.total_size, 0x1000);
	tc_free(t);

	/* the corrected behaviour as an option */
	t = tc_new(&mb_profile_x86_64);
	mb = &t->mb;
	mb->trim_fix_total = true;
	assert_int_equal(mb_add(mb, 0x1000, 0x9ec00), 0);
	mb_trim_memory(mb, 0x1000);
	CHECK(t);
	assert_int_equal(mb->memory.total_size, 0x9e000);
	/* a bogus alignment is ignored */
	mb_trim_memory(mb, 0x3000);
	assert_int_equal(mb->memory.total_size, 0x9e000);
	tc_free(t);
}

static void check_catches_corruption(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	const char *what;

	(void)state;
	assert_int_equal(mb_add(mb, 0x1000, 0x1000), 0);
	assert_int_equal(mb_add(mb, 0x3000, 0x1000), 0);
	assert_int_equal(mb_check(mb, &what), 0);
	assert_null(what);
	mb->memory.total_size++;
	assert_int_equal(mb_check(mb, &what), -MB_EINVAL);
	assert_string_equal(what, "total_size differs from the sum");
	mb->memory.total_size--;
	mb->memory.regions[1].base = 0x2000; /* touching, equal: unmerged */
	mb->memory.regions[1].size = 0x1000;
	assert_int_equal(mb_check(mb, &what), -MB_EINVAL);
	assert_string_equal(what, "touching equal neighbours not merged");
	mb->memory.regions[1].base = 0x1800; /* overlap */
	assert_int_equal(mb_check(mb, &what), -MB_EINVAL);
	assert_string_equal(what, "regions unsorted or overlap");
	mb->memory.regions[1].base = 0x3000;
	mb->memory.cnt = 200;
	assert_int_equal(mb_check(mb, &what), -MB_EINVAL);
	assert_string_equal(what, "cnt above max");
	mb->memory.cnt = 2;
	mb->reserved.regions[0].base = 0x5000; /* dummy with a base */
	assert_int_equal(mb_check(mb, &what), -MB_EINVAL);
	assert_string_equal(what, "empty table is not the dummy entry");
	mb->reserved.regions[0].base = 0;
	mb->reserved_array_phys = 0x8000; /* a grown array not reserved */
	assert_int_equal(mb_check(mb, &what), -MB_EINVAL);
	assert_string_equal(what, "grown array not reserved");
	tc_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(queries),
		cmocka_unit_test(enforce_memory_limit),
		cmocka_unit_test(cap_memory_range),
		cmocka_unit_test(mem_limit_remove_map),
		cmocka_unit_test(trim_memory_quirk),
		cmocka_unit_test(check_catches_corruption),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
