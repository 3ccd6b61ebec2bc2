/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The buddy allocator: split and coalesce, exhaustion and recovery,
 * reserved pages, zone limits, and a random soak under the invariant
 * checker. Expected values by hand (comments).
 */
#include <memblock/buddy.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Test profile: 4 KiB pages, MAX_ORDER 11 (blocks up to 1024 pages). */
static struct mb_profile prof(void)
{
	struct mb_profile p = mb_profile_x86_64;

	p.max_order = 11;
	return p;
}

static void check_ok(const struct buddy *b)
{
	const char *what = NULL;

	if (buddy_check(b, &what) != 0)
		fail_msg("buddy_check: %s", what);
}

/* Only Normal: no DMA/DMA32/HighMem bounds. */
static const struct buddy_zone_bounds normal_only = {0, 0, 0};

static void test_split_and_coalesce(void **state)
{
	(void)state;
	struct mb_profile p = prof();
	static struct buddy_page pages[64];
	struct buddy b;

	assert_int_equal(buddy_init(&b, &p, &normal_only, 0, 64, pages, 64), 0);
	check_ok(&b);
	assert_int_equal(b.free_pages, 0);
	/* One order-3 block at pfn 8: pages 8..15. */
	assert_int_equal(buddy_release(&b, 8, 3), 8);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[3], 1);
	check_ok(&b);
	/* Order 0 takes pfn 8 and splits 8..15 into 9 (o0), 10 (o1), 12
	 * (o2). */
	assert_int_equal(buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 0), 8);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[0], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[1], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[2], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[3], 0);
	assert_int_equal(b.free_pages, 7);
	check_ok(&b);
	/* The next order 0 is pfn 9 (the order-0 list), order 1 is pfn 10. */
	assert_int_equal(buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 0), 9);
	assert_int_equal(buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 1), 10);
	check_ok(&b);
	/* Free in an order that needs every merge: 9, 8 (-> 8 o1), 10 (->
	 * 8 o2), and 12 o2 was free: -> 8 o3. */
	assert_int_equal(buddy_free_pages(&b, 9, 0), 0);
	check_ok(&b);
	assert_int_equal(buddy_free_pages(&b, 8, 0), 0);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[1], 1);
	assert_int_equal(buddy_free_pages(&b, 10, 1), 0);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[3], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[0] +
				 b.zone[BUDDY_ZONE_NORMAL].nr_free[1] +
				 b.zone[BUDDY_ZONE_NORMAL].nr_free[2],
			 0);
	assert_int_equal(b.free_pages, 8);
	check_ok(&b);
	/* Wrong frees: not a head, wrong order, twice. */
	assert_int_equal(buddy_free_pages(&b, 8, 3), -MB_EINVAL);
	unsigned long x = buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 2);
	assert_int_equal(x, 8);
	assert_int_equal(buddy_free_pages(&b, 8, 1), -MB_EINVAL);
	assert_int_equal(buddy_free_pages(&b, 9, 0), -MB_EINVAL);
	assert_int_equal(buddy_free_pages(&b, 8, 2), 0);
	assert_int_equal(buddy_free_pages(&b, 8, 2), -MB_EINVAL);
	check_ok(&b);
}

static void test_release_merges_and_refuses(void **state)
{
	(void)state;
	struct mb_profile p = prof();
	static struct buddy_page pages[2048];
	struct buddy b;

	assert_int_equal(buddy_init(&b, &p, &normal_only, 0, 2048, pages, 2048),
			 0);
	/* 1024 single pages 0..1023 coalesce into one order-10 block. */
	for (unsigned long pfn = 0; pfn < 1024; pfn++)
		assert_int_equal(buddy_release(&b, pfn, 0), 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[10], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[0], 0);
	check_ok(&b);
	/* Twice: refused, counted, no change. */
	assert_int_equal(buddy_release(&b, 5, 0), 0);
	assert_int_equal(b.bad_releases, 1);
	/* Outside the span, and order >= MAX_ORDER: refused. */
	assert_int_equal(buddy_release(&b, 2048, 0), 0);
	assert_int_equal(buddy_release(&b, 1024, 11), 0);
	assert_int_equal(b.bad_releases, 3);
	/* A misaligned order-2 block at 1025 goes as four single pages. */
	assert_int_equal(buddy_release(&b, 1025, 2), 4);
	assert_int_equal(b.free_pages, 1028);
	check_ok(&b);
	/* Order 10 stops there: 1024 + 1024 stays two blocks (MAX_ORDER 11
	 * caps the merge at order 10). */
	for (unsigned long pfn = 1024; pfn < 2048; pfn++)
		if (pfn < 1025 || pfn > 1028)
			buddy_release(&b, pfn, 0);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[10], 2);
	assert_int_equal(b.free_pages, 2048);
	check_ok(&b);
}

/* Release [0, 16) except pfn 5: exhaustion returns 15 pages, never 5. */
static void test_reserved_never_returned(void **state)
{
	(void)state;
	struct mb_profile p = prof();
	static struct buddy_page pages[16];
	struct buddy b;
	bool seen[16] = {false};

	assert_int_equal(buddy_init(&b, &p, &normal_only, 0, 16, pages, 16), 0);
	for (unsigned long pfn = 0; pfn < 16; pfn++)
		if (pfn != 5)
			buddy_release(&b, pfn, 0);
	assert_int_equal(b.free_pages, 15);
	/* Orders: 0..3 o2? No: 4 is alone (5 reserved), 0..3 -> o2, 6..7 ->
	 * o1, 8..15 -> o3, plus 4 o0. */
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[0], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[1], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[2], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[3], 1);
	check_ok(&b);
	for (int i = 0; i < 15; i++) {
		unsigned long pfn = buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 0);

		assert_true(pfn < 16);
		assert_int_not_equal(pfn, 5);
		assert_false(seen[pfn]);
		seen[pfn] = true;
	}
	assert_int_equal(buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 0),
			 BUDDY_NO_PAGE);
	assert_int_equal(b.free_pages, 0);
	check_ok(&b);
	/* Full recovery. */
	for (unsigned long pfn = 0; pfn < 16; pfn++)
		if (pfn != 5)
			assert_int_equal(buddy_free_pages(&b, pfn, 0), 0);
	assert_int_equal(b.free_pages, 15);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].nr_free[3], 1);
	check_ok(&b);
	/* An order-3 request fits only at 8 (0..7 holds the reserved 5). */
	assert_int_equal(buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 3), 8);
	assert_int_equal(buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 3),
			 BUDDY_NO_PAGE);
}

/*
 * Zones by hand: DMA below 1 MiB (pfns 0..255), DMA32 below 4 MiB (256 ..
 * 1023), Normal above (1024 .. 2047).
 */
static void test_zone_limits(void **state)
{
	(void)state;
	struct mb_profile p = prof();
	static struct buddy_page pages[2048];
	const struct buddy_zone_bounds zb = {0x100000, 0x400000, 0};
	struct buddy b;

	assert_int_equal(buddy_init(&b, &p, &zb, 0, 2048, pages, 2048), 0);
	assert_int_equal(b.zone[BUDDY_ZONE_DMA].start_pfn, 0);
	assert_int_equal(b.zone[BUDDY_ZONE_DMA].end_pfn, 256);
	assert_int_equal(b.zone[BUDDY_ZONE_DMA32].end_pfn, 1024);
	assert_int_equal(b.zone[BUDDY_ZONE_NORMAL].start_pfn, 1024);
	assert_false(b.zone[BUDDY_ZONE_HIGHMEM].present);
	/* One order-10 block 0..1023 crosses DMA/DMA32: split into 0..255
	 * (o8, DMA) and 256..511 (o8) + 512..1023 (o9) in DMA32. */
	assert_int_equal(buddy_release(&b, 0, 10), 1024);
	assert_int_equal(buddy_release(&b, 1024, 10), 1024);
	assert_int_equal(buddy_zone_free(&b, BUDDY_ZONE_DMA), 256);
	assert_int_equal(buddy_zone_free(&b, BUDDY_ZONE_DMA32), 768);
	assert_int_equal(buddy_zone_free(&b, BUDDY_ZONE_NORMAL), 1024);
	assert_int_equal(b.zone[BUDDY_ZONE_DMA].nr_free[8], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_DMA32].nr_free[8], 1);
	assert_int_equal(b.zone[BUDDY_ZONE_DMA32].nr_free[9], 1);
	check_ok(&b);
	/* DMA only: always below pfn 256. */
	for (int i = 0; i < 8; i++) {
		unsigned long pfn = buddy_alloc_pages(
			&b, BUDDY_ZONE_BIT(BUDDY_ZONE_DMA), 4);

		assert_true(pfn < 256);
	}
	/* DMA|DMA32 prefers DMA32 (the highest zone of the mask). */
	unsigned long pfn =
		buddy_alloc_pages(&b,
				  BUDDY_ZONE_BIT(BUDDY_ZONE_DMA) |
					  BUDDY_ZONE_BIT(BUDDY_ZONE_DMA32),
				  0);
	assert_true(pfn >= 256 && pfn < 1024);
	/* Normal only: exhaust it (1024 pages as 1 order-10 block), then
	 * nothing, although the lower zones still have pages. */
	pfn = buddy_alloc_pages(&b, BUDDY_ZONE_BIT(BUDDY_ZONE_NORMAL), 10);
	assert_int_equal(pfn, 1024);
	assert_int_equal(
		buddy_alloc_pages(&b, BUDDY_ZONE_BIT(BUDDY_ZONE_NORMAL), 0),
		BUDDY_NO_PAGE);
	/* Normal|DMA32|DMA falls back: DMA32 first (767 left), then DMA. */
	for (int i = 0; i < 767; i++) {
		pfn = buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 0);
		assert_true(pfn >= 256 && pfn < 1024);
	}
	pfn = buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 0);
	assert_true(pfn < 256);
	check_ok(&b);
}

/* HighMem bound from a profile: the arm32 profile's 0x90000000. */
static void test_profile_zones(void **state)
{
	(void)state;
	struct buddy_zone_bounds zb;

	buddy_zone_bounds_from_profile(&mb_profile_arm32, &zb);
	assert_int_equal(buddy_zone_of_pfn(&zb, 12, 0x8ffff),
			 BUDDY_ZONE_NORMAL);
	assert_int_equal(buddy_zone_of_pfn(&zb, 12, 0x90000),
			 BUDDY_ZONE_HIGHMEM);
	buddy_zone_bounds_from_profile(&mb_profile_x86_64, &zb);
	assert_int_equal(buddy_zone_of_pfn(&zb, 12, 0xfff), BUDDY_ZONE_DMA);
	assert_int_equal(buddy_zone_of_pfn(&zb, 12, 0x1000), BUDDY_ZONE_DMA32);
	assert_int_equal(buddy_zone_of_pfn(&zb, 12, 0xfffff), BUDDY_ZONE_DMA32);
	assert_int_equal(buddy_zone_of_pfn(&zb, 12, 0x100000),
			 BUDDY_ZONE_NORMAL);
}

static unsigned long rng_state = 12345;

static unsigned long rnd(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(rng_state >> 33);
}

/*
 * Soak: 4096 pages in three zones, holes of reserved pages; 20000 random
 * allocations and frees of orders 0..6 with random masks; invariants
 * checked every 97 steps; at the end every block freed: the free count
 * and the per-order block counts are back to their starting values.
 */
static void test_random_soak(void **state)
{
	(void)state;
	struct mb_profile p = prof();
	static struct buddy_page pages[4096];
	const struct buddy_zone_bounds zb = {0x200000, 0x800000, 0};
	static unsigned long held_pfn[4096];
	static unsigned held_order[4096];
	unsigned long nheld = 0, start_free;
	unsigned long start_nr[BUDDY_NR_ZONES][BUDDY_MAX_ORDERS];
	struct buddy b;

	assert_int_equal(buddy_init(&b, &p, &zb, 0, 4096, pages, 4096), 0);
	for (unsigned long pfn = 0; pfn < 4096; pfn++)
		if (pfn % 211 != 7) /* a reserved page here and there */
			buddy_release(&b, pfn, 0);
	check_ok(&b);
	start_free = b.free_pages;
	for (int z = 0; z < BUDDY_NR_ZONES; z++)
		memcpy(start_nr[z], b.zone[z].nr_free, sizeof(start_nr[z]));
	for (int step = 0; step < 20000; step++) {
		if (nheld && (rnd() % 2 || nheld == 4096)) {
			unsigned long i = rnd() % nheld;

			assert_int_equal(buddy_free_pages(&b, held_pfn[i],
							  held_order[i]),
					 0);
			held_pfn[i] = held_pfn[--nheld];
			held_order[i] = held_order[nheld];
		} else {
			unsigned order = rnd() % 7;
			unsigned mask = (unsigned)(rnd() % 7) + 1;
			unsigned long pfn = buddy_alloc_pages(&b, mask, order);

			if (pfn != BUDDY_NO_PAGE) {
				enum buddy_zone_id z =
					buddy_zone_of_pfn(&zb, 12, pfn);

				assert_true(mask & BUDDY_ZONE_BIT(z));
				assert_int_equal(pfn & ((1ul << order) - 1), 0);
				assert_int_not_equal(pfn % 211, 7);
				held_pfn[nheld] = pfn;
				held_order[nheld++] = order;
			}
		}
		if (step % 97 == 0)
			check_ok(&b);
	}
	while (nheld) {
		nheld--;
		assert_int_equal(buddy_free_pages(&b, held_pfn[nheld],
						  held_order[nheld]),
				 0);
	}
	check_ok(&b);
	assert_int_equal(b.free_pages, start_free);
	for (int z = 0; z < BUDDY_NR_ZONES; z++)
		assert_memory_equal(start_nr[z], b.zone[z].nr_free,
				    sizeof(start_nr[z]));
}

static void test_check_catches_corruption(void **state)
{
	(void)state;
	struct mb_profile p = prof();
	static struct buddy_page pages[64];
	struct buddy b;
	const char *what = NULL;

	assert_int_equal(buddy_init(&b, &p, &normal_only, 0, 64, pages, 64), 0);
	buddy_release(&b, 0, 5);
	check_ok(&b);
	b.free_pages++; /* totals out of step */
	assert_int_equal(buddy_check(&b, &what), -MB_EINVAL);
	assert_non_null(what);
	b.free_pages--;
	pages[3].state = BUDDY_PAGE_RESERVED; /* a hole inside a free block */
	assert_int_equal(buddy_check(&b, &what), -MB_EINVAL);
	pages[3].state = BUDDY_PAGE_FREE;
	check_ok(&b);
	/* Bad arguments to init. */
	assert_int_equal(buddy_init(&b, &p, NULL, 10, 10, pages, 64),
			 -MB_EINVAL);
	assert_int_equal(buddy_init(&b, &p, NULL, 0, 65, pages, 64),
			 -MB_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_and_coalesce),
		cmocka_unit_test(test_release_merges_and_refuses),
		cmocka_unit_test(test_reserved_never_returned),
		cmocka_unit_test(test_zone_limits),
		cmocka_unit_test(test_profile_zones),
		cmocka_unit_test(test_random_soak),
		cmocka_unit_test(test_check_catches_corruption),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
