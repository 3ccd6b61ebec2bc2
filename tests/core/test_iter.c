/* SPDX-License-Identifier: BSD-2-Clause */
/* Core: free-range iteration (forward, reverse, filters) and pfn walks. */
#include "core_test.h"

/*
 * memory: A [0x10000,0x20000) nid 0, B [0x20000,0x30000) nid 1,
 *         C [0x40000,0x50000) nid 1 NOMAP
 * reserved: [0x18000,0x22000), [0x2c000,0x2d000)
 * free (no NOMAP): [0x10000,0x18000) n0, [0x22000,0x2c000) n1,
 *                  [0x2d000,0x30000) n1
 */
static struct tctx *setup(void)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	assert_int_equal(mb_add_node(mb, 0x10000, 0x10000, 0, 0), 0);
	assert_int_equal(mb_add_node(mb, 0x20000, 0x10000, 1, 0), 0);
	assert_int_equal(mb_add_node(mb, 0x40000, 0x10000, 1, 0), 0);
	assert_int_equal(mb_mark_nomap(mb, 0x40000, 0x10000), 0);
	assert_int_equal(mb_reserve(mb, 0x18000, 0xa000), 0);
	assert_int_equal(mb_reserve(mb, 0x2c000, 0x1000), 0);
	CHECK(t);
	return t;
}

struct range {
	mb_phys_t s, e;
	int nid;
};

static int walk(struct tctx *t, bool rev, int nid, enum memblock_flags fl,
		struct memblock_type *a, struct memblock_type *b,
		struct range *out)
{
	uint64_t i = rev ? MB_ITER_END : MB_ITER_START;
	int n = 0;

	for (;;) {
		mb_phys_t s = 0, e = 0;
		int rn = -7;

		if (rev)
			mb_next_mem_range_rev(&t->mb, &i, nid, fl, a, b, &s, &e,
					      &rn);
		else
			mb_next_mem_range(&t->mb, &i, nid, fl, a, b, &s, &e,
					  &rn);
		if (i == MB_ITER_END)
			return n;
		out[n].s = s;
		out[n].e = e;
		out[n].nid = rn;
		n++;
		assert_true(n < 16);
	}
}

#define RANGE(r, start, end, n)                                                \
	do {                                                                   \
		assert_int_equal((r).s, (start));                              \
		assert_int_equal((r).e, (end));                                \
		assert_int_equal((r).nid, (n));                                \
	} while (0)

static void forward_and_reverse(void **state)
{
	struct tctx *t = setup();
	struct memblock *mb = &t->mb;
	struct range r[16];
	uint64_t i;
	mb_phys_t s, e;

	(void)state;
	assert_int_equal(walk(t, false, -1, 0, &mb->memory, &mb->reserved, r),
			 3);
	RANGE(r[0], 0x10000, 0x18000, 0);
	RANGE(r[1], 0x22000, 0x2c000, 1);
	RANGE(r[2], 0x2d000, 0x30000, 1);
	assert_int_equal(walk(t, true, -1, 0, &mb->memory, &mb->reserved, r),
			 3);
	RANGE(r[0], 0x2d000, 0x30000, 1);
	RANGE(r[1], 0x22000, 0x2c000, 1);
	RANGE(r[2], 0x10000, 0x18000, 0);

	/* index packing: the first hit ends A's gap 0 before A ends, so
	 * the gap index advances: idx_a 0, idx_b 1 */
	i = 0;
	mb_next_mem_range(mb, &i, -1, 0, &mb->memory, &mb->reserved, &s, &e,
			  NULL);
	assert_int_equal(i, 1ULL << 32);
	/* the macro walks the same ranges */
	int n = 0;
	mb_for_each_free_range (mb, i, -1, 0, &s, &e, NULL) {
		n++;
	}
	assert_int_equal(n, 3);
	n = 0;
	mb_for_each_free_range_rev (mb, i, -1, 0, &s, &e, NULL) {
		n++;
	}
	assert_int_equal(n, 3);
	tc_free(t);
}

static void filters(void **state)
{
	struct tctx *t = setup();
	struct memblock *mb = &t->mb;
	struct range r[16];

	(void)state;
	/* NOMAP requested: C appears (no reservation in it) */
	assert_int_equal(walk(t, false, -1, MEMBLOCK_NOMAP, &mb->memory,
			      &mb->reserved, r),
			 4);
	RANGE(r[3], 0x40000, 0x50000, 1);
	/* node 1 only */
	assert_int_equal(walk(t, false, 1, 0, &mb->memory, &mb->reserved, r),
			 2);
	RANGE(r[0], 0x22000, 0x2c000, 1);
	assert_int_equal(walk(t, true, 0, 0, &mb->memory, &mb->reserved, r), 1);
	RANGE(r[0], 0x10000, 0x18000, 0);
	/* nid MAX_NUMNODES (1024) means any */
	assert_int_equal(walk(t, false, 1024, 0, &mb->memory, &mb->reserved, r),
			 3);
	/* MIRROR filter: no mirrored region -> nothing */
	assert_int_equal(walk(t, false, -1, MEMBLOCK_MIRROR, &mb->memory,
			      &mb->reserved, r),
			 0);
	/* movable_node: HOTPLUG regions skipped unless HOTPLUG requested */
	assert_int_equal(mb_mark_hotplug(mb, 0x20000, 0x10000), 0);
	assert_int_equal(walk(t, false, -1, 0, &mb->memory, &mb->reserved, r),
			 3);
	mb->movable_node = true;
	assert_int_equal(walk(t, false, -1, 0, &mb->memory, &mb->reserved, r),
			 1);
	RANGE(r[0], 0x10000, 0x18000, 0);
	assert_int_equal(walk(t, true, -1, MEMBLOCK_HOTPLUG, &mb->memory,
			      &mb->reserved, r),
			 3);
	tc_free(t);
}

static void other_iterators(void **state)
{
	struct tctx *t = setup();
	struct memblock *mb = &t->mb;
	struct range r[16];

	(void)state;
	/* memory regions without type_b (NOMAP still skipped) */
	assert_int_equal(walk(t, false, -1, 0, &mb->memory, NULL, r), 2);
	RANGE(r[0], 0x10000, 0x20000, 0);
	RANGE(r[1], 0x20000, 0x30000, 1);
	assert_int_equal(walk(t, true, -1, 0, &mb->memory, NULL, r), 2);
	RANGE(r[0], 0x20000, 0x30000, 1);
	/* reserved regions: never filtered (nid of the "no node" 1024) */
	assert_int_equal(walk(t, false, 0, 0, &mb->reserved, NULL, r), 2);
	RANGE(r[0], 0x18000, 0x22000, 1024);
	RANGE(r[1], 0x2c000, 0x2d000, 1024);
	tc_free(t);
}

static void empty_tables(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	struct range r[16];

	(void)state;
	/* the dummy region [0,0) yields nothing */
	assert_int_equal(walk(t, false, -1, 0, &mb->memory, &mb->reserved, r),
			 0);
	assert_int_equal(walk(t, true, -1, 0, &mb->memory, &mb->reserved, r),
			 0);
	/* memory with nothing reserved: the whole region, and the last
	 * gap ends at PHYS_ADDR_MAX */
	assert_int_equal(mb_add(mb, 0x1000, 0x1000), 0);
	assert_int_equal(walk(t, false, -1, 0, &mb->memory, &mb->reserved, r),
			 1);
	RANGE(r[0], 0x1000, 0x2000, 1024);
	assert_int_equal(walk(t, true, -1, 0, &mb->memory, &mb->reserved, r),
			 1);
	RANGE(r[0], 0x1000, 0x2000, 1024);
	tc_free(t);
}

static void pfn_ranges(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	unsigned long s, e, sp, ep;
	int idx = -1, nid;

	(void)state;
	/* [0x1800,0x5000): PFN_UP 2, PFN_DOWN 5; [0x6000,0x6800) holds no
	 * whole page; [0x10000,0x20000) nid 1: pfns 16..32 */
	assert_int_equal(mb_add_node(mb, 0x1800, 0x3800, 0, 0), 0);
	assert_int_equal(mb_add_node(mb, 0x6000, 0x800, 0, 0), 0);
	assert_int_equal(mb_add_node(mb, 0x10000, 0x10000, 1, 0), 0);
	mb_next_mem_pfn_range(mb, &idx, 1024, &s, &e, &nid);
	assert_int_equal(idx, 0);
	assert_int_equal(s, 2);
	assert_int_equal(e, 5);
	assert_int_equal(nid, 0);
	mb_next_mem_pfn_range(mb, &idx, 1024, &s, &e, &nid);
	assert_int_equal(idx, 2);
	assert_int_equal(s, 16);
	assert_int_equal(e, 32);
	assert_int_equal(nid, 1);
	mb_next_mem_pfn_range(mb, &idx, 1024, &s, &e, &nid);
	assert_int_equal(idx, -1);
	/* node filter */
	idx = -1;
	mb_next_mem_pfn_range(mb, &idx, 1, &s, &e, NULL);
	assert_int_equal(idx, 2);
	assert_int_equal(s, 16);
	/* search_pfn_nid: pfn 3 is in region 0 -> nid 0, pfns
	 * PFN_DOWN(0x1800) = 1 .. PFN_DOWN(0x5000) = 5 */
	assert_int_equal(mb_search_pfn_nid(mb, 3, &sp, &ep), 0);
	assert_int_equal(sp, 1);
	assert_int_equal(ep, 5);
	assert_int_equal(mb_search_pfn_nid(mb, 0x11, NULL, NULL), 1);
	assert_int_equal(mb_search_pfn_nid(mb, 0x8, &sp, &ep), -1);
	tc_free(t);

	/* arm32 (no NUMA): every region reads as node 0 */
	t = tc_new(&mb_profile_arm32);
	mb = &t->mb;
	assert_int_equal(mb_add(mb, 0x60000000, 0x8000000), 0);
	assert_int_equal(mb_search_pfn_nid(mb, 0x60000, &sp, &ep), 0);
	assert_int_equal(sp, 0x60000);
	assert_int_equal(ep, 0x68000);
	idx = -1;
	mb_next_mem_pfn_range(mb, &idx, 1, &s, &e, &nid);
	assert_int_equal(idx, 0);
	assert_int_equal(nid, 0);
	tc_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forward_and_reverse),
		cmocka_unit_test(filters),
		cmocka_unit_test(other_iterators),
		cmocka_unit_test(empty_tables),
		cmocka_unit_test(pfn_ranges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
