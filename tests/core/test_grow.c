/* SPDX-License-Identifier: BSD-2-Clause */
/* Core: table growth (doubling), pending-range avoidance, failure. */
#include "core_test.h"

/* An instance over small initial arrays (4 entries each). */
static struct tctx *small(const struct mb_profile *p)
{
	struct tctx *t = tc_new(p);
	struct mb_env env = t->mb.env;

	assert_int_equal(
		mb_init(&t->mb, p, &env, t->mem, 4, t->res, 4, NULL, 0), 0);
	return t;
}

static int find_event(const struct tctx *t, int from, enum mb_event_kind k)
{
	for (int i = from; i < t->nev; i++)
		if (t->ev[i].kind == k)
			return i;
	return -1;
}

/*
 * x86_1G_memmap130_double.log: e820 RAM split by 130 x memmap=4K$N (N =
 * 100M, 102M, ... 358M). The 129th memory_add (line 431,
 * [0x16001000-0x161fffff]) doubles the memory table; with
 * current_limit 1 MiB the new array (256 * 24 = 0x1800 bytes, 0x2000
 * page-rounded) is the highest page-aligned fit below 0x9fc00:
 * round_down(0x9fc00 - 0x2000, 0x1000) = 0x9d000. Lines 432-433:
 *   memblock: memory is doubled to 256 at [0x...9d000-0x...9e7ff]
 *   memblock_reserve: [0x...9d000-0x...9efff] memblock_double_array+...
 */
static void memory_doubling_like_real_log(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	int k;

	(void)state;
	mb_allow_resize(mb);
	mb_set_current_limit(mb, MiB(1));
	/* log lines: smp_scan_config and setup_arch reserves */
	assert_int_equal(mb_reserve(mb, 0xf5ba0, 0x10), 0);
	assert_int_equal(mb_reserve(mb, 0xf5bb0, 0xd0), 0);
	assert_int_equal(mb_reserve(mb, 0x2fc00000, 0x11000), 0);
	assert_int_equal(mb_add(mb, 0x1000, 0x9fc00 - 0x1000), 0);
	assert_int_equal(mb_add(mb, 0x100000, 0x6400000 - 0x100000), 0);
	/* regions 3..128: [0x6401000 + 2M*k, 0x6600000 + 2M*k), k < 126 */
	for (k = 0; k < 126; k++)
		assert_int_equal(mb_add(mb, 0x6401000 + MiB(2) * k, 0x1ff000),
				 0);
	assert_int_equal(mb->memory.cnt, 128);
	assert_int_equal(mb->memory.max, 128);
	CHECK(t);

	mb_set_debug(mb, true);
	t->nlines = 0;
	t->nev = 0;
	/* k = 126: base 0x6401000 + 126 * 0x200000 = 0x16001000 */
	assert_int_equal(mb_add(mb, 0x16001000, 0x1ff000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 129);
	assert_int_equal(mb->memory.max, 256);
	assert_int_equal(mb->memory_array_phys, 0x9d000);
	assert_int_equal(t->nlines, 3);
	assert_string_equal(t->lines[1], "memblock: memory is doubled to 256 "
					 "at [0x000000000009d000-"
					 "0x000000000009e7ff]");
	assert_string_equal(t->lines[2],
			    "memblock_reserve: [0x000000000009d000-"
			    "0x000000000009efff] "
			    "memblock_double_array+0x211/0x249");
	assert_int_equal(t->ev[1].kind, MB_EV_DOUBLED);
	assert_int_equal(t->ev[1].new_max, 256);
	assert_int_equal(t->ev[1].old_max, 128);
	/* the initial array is not freed: no phys_free event */
	assert_int_equal(find_event(t, 0, MB_EV_PHYS_FREE), -1);
	assert_true(mb_is_reserved(mb, 0x9d000));
	assert_true(mb_is_region_reserved(mb, 0x9e000, 0x1000));

	/* the rest of the log's adds: 132 regions (dump: memory.cnt 0x84) */
	for (k = 127; k < 129; k++)
		assert_int_equal(mb_add(mb, 0x6401000 + MiB(2) * k, 0x1ff000),
				 0);
	assert_int_equal(mb_add(mb, 0x16601000, 0x3ffe0000 - 0x16601000), 0);
	assert_int_equal(mb->memory.cnt, 0x84);
	/* every region survived the copy: region 2 is [0x6401000,...) */
	REGION(mb->memory, 2, 0x6401000, 0x1ff000, 0, 1024);
	REGION(mb->memory, 0x83, 0x16601000, 0x3ffe0000 - 0x16601000, 0, 1024);
	/* dump line 438: memory size = 0x3fefcc00 is after trim (0xc00
	 * quirk); before trim the sum is 0x3fefcc00 too: 0x9ec00 +
	 * 0x6300000 + 129 * 0x1ff000 + 0x299df000 */
	assert_int_equal(mb->memory.total_size,
			 0x9ec00ULL + 0x6300000ULL + 129ULL * 0x1ff000 +
				 (0x3ffe0000ULL - 0x16601000ULL));
	CHECK(t);
	tc_free(t);
}

/*
 * Reserved grows while the range being reserved is pending: the new
 * array must not overlap it. 128 single pages reserved at 0x200000 +
 * 0x2000*k; then [0x10f0000, 0x1100000) at the top of memory
 * [0x100000, 0x1100000). Above the range nothing is free, so below:
 * round_down(0x10f0000 - 0x2000, 0x1000) = 0x10ee000.
 */
static void reserved_doubling_avoids_pending_range(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	mb_allow_resize(mb);
	assert_int_equal(mb_add(mb, MiB(1), MiB(16)), 0);
	for (int k = 0; k < 128; k++)
		assert_int_equal(mb_reserve(mb, 0x200000 + 0x2000 * k, 0x1000),
				 0);
	assert_int_equal(mb->reserved.cnt, 128);
	t->nev = 0;
	assert_int_equal(mb_reserve(mb, 0x10f0000, 0x10000), 0);
	CHECK(t);
	assert_int_equal(mb->reserved.max, 256);
	assert_int_equal(mb->reserved_array_phys, 0x10ee000);
	/* events: the reserve, doubled, the array's reserve */
	assert_int_equal(t->nev, 3);
	assert_int_equal(t->ev[0].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[1].kind, MB_EV_DOUBLED);
	assert_string_equal(t->ev[1].name, "reserved");
	assert_int_equal(t->ev[1].base, 0x10ee000);
	assert_int_equal(t->ev[1].size, 256 * 24);
	assert_int_equal(t->ev[2].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[2].base, 0x10ee000);
	assert_int_equal(t->ev[2].size, 0x2000);
	/* array [0x10ee000,0x10f0000) and the range merge: 129 regions */
	assert_int_equal(mb->reserved.cnt, 129);
	REGION(mb->reserved, 128, 0x10ee000, 0x12000, 0, 1024);
	tc_free(t);

	/* bottom-up with the pending range low: searched above it first
	 * (0x110000), not at the bottom of memory (0x100000) */
	t = tc_new(&mb_profile_x86_64);
	mb = &t->mb;
	mb_allow_resize(mb);
	mb_set_bottom_up(mb, true);
	assert_int_equal(mb_add(mb, MiB(1), MiB(16)), 0);
	for (int k = 0; k < 128; k++)
		assert_int_equal(mb_reserve(mb, 0x200000 + 0x2000 * k, 0x1000),
				 0);
	assert_int_equal(mb_reserve(mb, 0x100000, 0x10000), 0);
	CHECK(t);
	assert_int_equal(mb->reserved_array_phys, 0x110000);
	REGION(mb->reserved, 0, 0x100000, 0x12000, 0, 1024);
	tc_free(t);
}

/*
 * Small tables (4 entries, 24-byte records): 8 * 24 = 192 bytes -> one
 * page. Memory: big [0x1000000, 0x2000000) plus pages at 0x100000 +
 * 0x2000*k. Arrays land at the top of memory, each growth frees the
 * previous grown array.
 */
static void second_growth_frees_old_array(void **state)
{
	struct tctx *t = small(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	int i;

	(void)state;
	mb_allow_resize(mb);
	assert_int_equal(mb_add(mb, MiB(16), MiB(16)), 0);
	for (int k = 0; k < 3; k++)
		assert_int_equal(mb_add(mb, 0x100000 + 0x2000 * k, 0x1000), 0);
	t->nev = 0;
	/* 5th region: double 4 -> 8 at 0x2000000 - 0x1000 */
	assert_int_equal(mb_add(mb, 0x106000, 0x1000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.max, 8);
	assert_int_equal(mb->memory_array_phys, 0x1fff000);
	assert_int_equal(t->ev[1].kind, MB_EV_DOUBLED);
	assert_int_equal(t->ev[1].size, 192);
	assert_int_equal(find_event(t, 0, MB_EV_PHYS_FREE), -1);
	assert_int_equal(t->table_frees, 0);
	for (int k = 4; k < 7; k++)
		assert_int_equal(mb_add(mb, 0x100000 + 0x2000 * k, 0x1000), 0);
	assert_int_equal(mb->memory.cnt, 8);
	t->nev = 0;
	/* 9th: double 8 -> 16 (384 bytes) at 0x1ffe000; the old array
	 * [0x1fff000, +0x1000) is freed, then the new one reserved */
	assert_int_equal(mb_add(mb, 0x10e000, 0x1000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.max, 16);
	assert_int_equal(mb->memory_array_phys, 0x1ffe000);
	assert_int_equal(t->nev, 4);
	assert_int_equal(t->ev[1].kind, MB_EV_DOUBLED);
	assert_int_equal(t->ev[1].base, 0x1ffe000);
	assert_int_equal(t->ev[1].size, 384);
	assert_int_equal(t->ev[2].kind, MB_EV_PHYS_FREE);
	assert_int_equal(t->ev[2].base, 0x1fff000);
	assert_int_equal(t->ev[2].size, 0x1000);
	assert_int_equal(t->ev[3].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[3].base, 0x1ffe000);
	assert_int_equal(t->table_frees, 1);
	assert_int_equal(mb->reserved.cnt, 1);
	REGION(mb->reserved, 0, 0x1ffe000, 0x1000, 0, 1024);
	/* all nine memory regions still there, sorted */
	for (i = 0; i < 8; i++)
		REGION(mb->memory, i, 0x100000 + 0x2000 * (mb_phys_t)i, 0x1000,
		       0, 1024);
	REGION(mb->memory, 8, MiB(16), MiB(16), 0, 1024);

	/* reserved grows too: 3 more pages -> cnt 4; the 5th doubles it.
	 * Above the pending page the highest free page is the old memory
	 * array just freed, 0x1fff000; it merges with the memory array
	 * [0x1ffe000, 0x1fff000) into [0x1ffe000, 0x2000000) */
	for (int k = 0; k < 3; k++)
		assert_int_equal(mb_reserve(mb, MiB(16) + 0x2000 * k, 0x1000),
				 0);
	assert_int_equal(mb->reserved.cnt, 4);
	assert_int_equal(mb_reserve(mb, MiB(16) + 0x6000, 0x1000), 0);
	CHECK(t);
	assert_int_equal(mb->reserved.max, 8);
	assert_int_equal(mb->reserved_array_phys, 0x1fff000);
	assert_int_equal(mb->reserved.cnt, 5);
	REGION(mb->reserved, 4, 0x1ffe000, 0x2000, 0, 1024);
	tc_free(t);
}

/*
 * Memory growth and the reserved table. Linux reserves the new memory
 * array with memblock_reserve: into an empty reserved table that needs
 * no room (max stays 1). When reserved is full the core grows it first
 * (Linux would grow it in the middle and panic on failure).
 * mem[1], res[1]; A = [0x816000, 0xb7a000), B = [0xc00000, +4K),
 * C = [0xd00000, +4K). Arrays are 2 * 24 and 4 * 24 bytes: one page.
 */
static void memory_growth_and_reserved_room(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct mb_env env = t->mb.env;
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_init(mb, &mb_profile_x86_64, &env, t->mem, 1,
				 t->res, 1, NULL, 0),
			 0);
	mb_allow_resize(mb);
	assert_int_equal(mb_add(mb, 0x816000, 0x364000), 0);
	/* B: memory 1 -> 2 at the top of A, 0xb7a000 - 0x1000 */
	assert_int_equal(mb_add(mb, 0xc00000, 0x1000), 0);
	CHECK(t);
	assert_int_equal(mb->memory_array_phys, 0xb79000);
	assert_int_equal(mb->reserved.max, 1);
	REGION(mb->reserved, 0, 0xb79000, 0x1000, 0, 1024);

	/* C: memory 2 -> 4 at 0xc00000 (B, the highest free page). The
	 * old memory array must be freed and the new one reserved, but
	 * reserved (cnt 1, max 1) is full: it grows first, avoiding
	 * [0xc00000, 0xc01000): 1 -> 2 below it at 0xb78000, then (the
	 * free still needs two slots) 2 -> 4 at 0xb77000, freeing 0xb78000 */
	t->nev = 0;
	assert_int_equal(mb_add(mb, 0xd00000, 0x1000), 0);
	CHECK(t);
	assert_int_equal(t->nev, 9); /* the add, then eight growth events */
	assert_int_equal(t->ev[1].kind, MB_EV_DOUBLED);
	assert_string_equal(t->ev[1].name, "reserved");
	assert_int_equal(t->ev[1].base, 0xb78000);
	assert_int_equal(t->ev[2].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[3].kind, MB_EV_DOUBLED);
	assert_int_equal(t->ev[3].base, 0xb77000);
	assert_int_equal(t->ev[4].kind, MB_EV_PHYS_FREE);
	assert_int_equal(t->ev[4].base, 0xb78000);
	assert_int_equal(t->ev[5].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[5].base, 0xb77000);
	assert_int_equal(t->ev[6].kind, MB_EV_DOUBLED);
	assert_string_equal(t->ev[6].name, "memory");
	assert_int_equal(t->ev[6].base, 0xc00000);
	assert_int_equal(t->ev[7].kind, MB_EV_PHYS_FREE);
	assert_int_equal(t->ev[7].base, 0xb79000);
	assert_int_equal(t->ev[8].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[8].base, 0xc00000);
	/* reserved: the reserved array and the memory array */
	assert_int_equal(mb->reserved.max, 4);
	assert_int_equal(mb->reserved.cnt, 2);
	REGION(mb->reserved, 0, 0xb77000, 0x1000, 0, 1024);
	REGION(mb->reserved, 1, 0xc00000, 0x1000, 0, 1024);
	assert_int_equal(mb->memory.max, 4);
	assert_int_equal(mb->memory.cnt, 3);
	tc_free(t);
}

/*
 * Reserved must grow for a pending range that starts at 0 and covers all
 * memory [0x100000, 0x200000): nothing above it; "below" is searched with
 * end 0, which means current_limit, as in Linux 6.1, so the array lands
 * inside the range. Reserved: 4 pages at 0x100000 + 0x2000*k (k < 4).
 * Pieces of [0, 0x200000): below, 3 between, above = 5; cnt 4 + 5 > 4:
 * 4 -> 8 at 0x1ff000 (cnt 5; pieces now 5: the array closes the top);
 * 5 + 5 > 8: 8 -> 16 at 0x1fe000, freeing 0x1ff000 (cnt 5, pieces 6);
 * 5 + 6 <= 16: all merge into [0, 0x200000).
 */
static void pending_range_from_zero(void **state)
{
	struct tctx *t = small(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	mb_allow_resize(mb);
	assert_int_equal(mb_add(mb, MiB(1), MiB(1)), 0);
	for (int k = 0; k < 4; k++)
		assert_int_equal(mb_reserve(mb, MiB(1) + 0x2000 * k, 0x1000),
				 0);
	t->nev = 0;
	assert_int_equal(mb_reserve(mb, 0, MiB(2)), 0);
	CHECK(t);
	assert_int_equal(t->nev, 6);
	assert_int_equal(t->ev[1].kind, MB_EV_DOUBLED);
	assert_int_equal(t->ev[1].base, 0x1ff000);
	assert_int_equal(t->ev[2].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[3].kind, MB_EV_DOUBLED);
	assert_int_equal(t->ev[3].base, 0x1fe000);
	assert_int_equal(t->ev[4].kind, MB_EV_PHYS_FREE);
	assert_int_equal(t->ev[4].base, 0x1ff000);
	assert_int_equal(t->ev[5].kind, MB_EV_RESERVE);
	assert_int_equal(mb->reserved_array_phys, 0x1fe000);
	assert_int_equal(mb->reserved.max, 16);
	assert_int_equal(mb->reserved.cnt, 1);
	REGION(mb->reserved, 0, 0, MiB(2), 0, 1024);
	tc_free(t);
}

/*
 * With mirrored memory the new array is looked for in mirrored memory
 * first; none free: the kernel's warning, then any memory. x86_64, 4-entry
 * tables: mirror [1M, 2M) (fully reserved), plain [16M, 32M); the 5th
 * memory region doubles memory (one page) at 0x2000000 - 0x1000.
 */
static void growth_prefers_mirror_then_warns(void **state)
{
	struct tctx *t = small(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	mb_allow_resize(mb);
	mb->mirrored_kernelcore = true;
	assert_int_equal(mb_add(mb, MiB(1), MiB(1)), 0);
	assert_int_equal(mb_add(mb, MiB(16), MiB(16)), 0);
	assert_int_equal(mb_mark_mirror(mb, MiB(1), MiB(1)), 0);
	assert_int_equal(mb_reserve(mb, MiB(1), MiB(1)), 0);
	assert_int_equal(mb_add(mb, MiB(4), 0x1000), 0);
	assert_int_equal(mb_add(mb, MiB(6), 0x1000), 0);
	assert_int_equal(mb->memory.cnt, 4);
	t->nlines = 0;
	assert_int_equal(mb_add(mb, MiB(8), 0x1000), 0);
	CHECK(t);
	assert_int_equal(t->nlines, 1);
	assert_string_equal(t->lines[0], "memblock: Could not allocate "
					 "0x0000000000001000 bytes of mirrored "
					 "memory");
	assert_int_equal(mb->memory_array_phys, 0x1fff000);
	tc_free(t);

	/* 32-bit: the size prints with 8 digits; with free mirrored memory
	 * the array goes there (top of the mirror, 0x600ff000) */
	t = small(&mb_profile_arm32);
	mb = &t->mb;
	mb_allow_resize(mb);
	mb->mirrored_kernelcore = true;
	assert_int_equal(mb_add(mb, 0x60000000, MiB(1)), 0);
	assert_int_equal(mb_add(mb, 0x70000000, MiB(16)), 0);
	assert_int_equal(mb_mark_mirror(mb, 0x60000000, MiB(1)), 0);
	assert_int_equal(mb_add(mb, 0x50000000, 0x1000), 0);
	assert_int_equal(mb_add(mb, 0x52000000, 0x1000), 0);
	t->nlines = 0;
	assert_int_equal(mb_add(mb, 0x54000000, 0x1000), 0);
	CHECK(t);
	assert_int_equal(t->nlines, 0);
	assert_int_equal(mb->memory_array_phys, 0x600ff000);
	/* exhaust the mirror; a mirrored allocation then warns (8 digits) */
	assert_int_equal(mb_reserve(mb, 0x60000000, 0xff000), 0);
	/* top of [0x70000000, 0x71000000): 0x71000000 - 0x40 */
	assert_int_equal(mb_phys_alloc(mb, 0x40, 0x40), 0x70ffffc0);
	assert_string_equal(t->lines[0], "memblock: Could not allocate "
					 "0x00000040 bytes of mirrored memory");
	tc_free(t);
}

static void isolate_grows_before_splitting(void **state)
{
	struct tctx *t = small(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	mb_allow_resize(mb);
	assert_int_equal(mb_add(mb, MiB(16), MiB(16)), 0);
	assert_int_equal(mb_add(mb, MiB(1), 0x1000), 0);
	assert_int_equal(mb_add(mb, MiB(2), 0x1000), 0);
	/* cnt 3, max 4: removing a whole region needs no split, yet
	 * cnt + 2 > max doubles the table first (observable) */
	assert_int_equal(mb_remove(mb, MiB(1), 0x1000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.max, 8);
	assert_int_equal(mb->memory.cnt, 2);
	tc_free(t);
}

static void growth_refused_or_failing_changes_nothing(void **state)
{
	struct tctx *t = small(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	struct memblock snap;
	struct memblock_region regions[4];

	(void)state;
	assert_int_equal(mb_add(mb, MiB(16), MiB(16)), 0);
	for (int k = 0; k < 3; k++)
		assert_int_equal(mb_add(mb, 0x100000 + 0x2000 * k, 0x1000), 0);
	memcpy(&snap, mb, sizeof(snap));
	memcpy(regions, mb->memory.regions, sizeof(regions));
	t->nev = 0;
	t->nlines = 0;
	/* not allowed to resize: silent -ENOMEM */
	assert_int_equal(mb_add(mb, 0x106000, 0x1000), -MB_ENOMEM);
	assert_int_equal(t->nev, 1);
	assert_int_equal(t->nlines, 0);
	assert_memory_equal(&snap, mb, sizeof(snap));
	assert_memory_equal(regions, mb->memory.regions, sizeof(regions));

	/* allowed, but the first growth is made to fail: the kernel's
	 * pr_err line (printed without debug) and nothing changed */
	mb_allow_resize(mb);
	mb->fail_growth_after = 1;
	memcpy(&snap, mb, sizeof(snap));
	t->nev = 0;
	assert_int_equal(mb_add(mb, 0x106000, 0x1000), -MB_ENOMEM);
	assert_int_equal(t->nev, 2);
	assert_int_equal(t->ev[1].kind, MB_EV_DOUBLE_FAILED);
	assert_int_equal(t->nlines, 1);
	assert_string_equal(t->lines[0], "memblock: Failed to double memory "
					 "array from 4 to 8 entries !");
	assert_int_equal(mb->growth_count, 1);
	snap.growth_count = 1;
	assert_memory_equal(&snap, mb, sizeof(snap));
	assert_memory_equal(regions, mb->memory.regions, sizeof(regions));
	CHECK(t);
	tc_free(t);

	/* no room anywhere for the new array: the same failure */
	t = small(&mb_profile_x86_64);
	mb = &t->mb;
	mb_allow_resize(mb);
	for (int k = 0; k < 4; k++) {
		assert_int_equal(mb_add(mb, 0x100000 + 0x2000 * k, 0x1000), 0);
		assert_int_equal(mb_reserve(mb, 0x100000 + 0x2000 * k, 0x800),
				 0);
	}
	/* free: 4 half pages, no whole page for the array */
	memcpy(&snap, mb, sizeof(snap));
	assert_int_equal(mb_add(mb, 0x200000, 0x1000), -MB_ENOMEM);
	assert_int_equal(t->ev[t->nev - 1].kind, MB_EV_DOUBLE_FAILED);
	snap.growth_count = mb->growth_count;
	assert_memory_equal(&snap, mb, sizeof(snap));
	CHECK(t);
	tc_free(t);
}

/* Without table_alloc the array goes where phys_to_virt maps it. */
static void grown_array_in_mapped_ram(void **state)
{
	struct tctx *t = small(&mb_profile_arm32);
	struct memblock *mb = &t->mb;

	(void)state;
	mb->env.table_alloc = NULL;
	t->ram_base = 0x60000000;
	t->ram_size = KiB(64);
	t->ram = calloc(1, t->ram_size);
	mb_allow_resize(mb);
	/* arm32 record: 4 + 4 + 4 (no nid without NUMA) = 12 bytes;
	 * 8 entries = 96 bytes -> one page at 0x6000f000 (the top) */
	assert_int_equal(mb_add(mb, 0x60000000, KiB(64)), 0);
	for (int k = 1; k < 5; k++)
		assert_int_equal(mb_add(mb, 0x50000000 + 0x2000 * k, 0x1000),
				 0);
	CHECK(t);
	assert_int_equal(mb->memory.max, 8);
	assert_ptr_equal(mb->memory.regions, t->ram + 0xf000);
	assert_int_equal(t->ev[t->nev - 2].kind, MB_EV_DOUBLED);
	assert_int_equal(t->ev[t->nev - 2].size, 96);
	/* pages below RAM at 0x50002000..0x50008000, then RAM */
	REGION(mb->memory, 3, 0x50008000, 0x1000, 0, 1);
	REGION(mb->memory, 4, 0x60000000, KiB(64), 0, 1);
	tc_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(memory_doubling_like_real_log),
		cmocka_unit_test(reserved_doubling_avoids_pending_range),
		cmocka_unit_test(second_growth_frees_old_array),
		cmocka_unit_test(memory_growth_and_reserved_room),
		cmocka_unit_test(pending_range_from_zero),
		cmocka_unit_test(growth_prefers_mirror_then_warns),
		cmocka_unit_test(isolate_grows_before_splitting),
		cmocka_unit_test(growth_refused_or_failing_changes_nothing),
		cmocka_unit_test(grown_array_in_mapped_ram),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
