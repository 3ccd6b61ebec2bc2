/* SPDX-License-Identifier: BSD-2-Clause */
/* Core: the allocation search and every allocation entry point. */
#include "core_test.h"

static struct tctx *x86_with(mb_phys_t base, mb_phys_t size)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);

	assert_int_equal(mb_add(&t->mb, base, size), 0);
	t->nev = 0;
	return t;
}

static void top_down_basic(void **state)
{
	struct tctx *t = x86_with(MiB(1), MiB(1));
	struct memblock *mb = &t->mb;

	(void)state;
	/* free [0x100000,0x200000): top-down 0x200000 - 0x1000 = 0x1ff000 */
	assert_int_equal(mb_phys_alloc(mb, 0x1000, 0x1000), 0x1ff000);
	CHECK(t);
	/* request traced as phys_alloc_range(size, align, 0, 0), then the
	 * reserve with the internal allocator as caller */
	assert_int_equal(t->nev, 2);
	assert_int_equal(t->ev[0].kind, MB_EV_PHYS_ALLOC_RANGE);
	assert_int_equal(t->ev[0].size, 0x1000);
	assert_int_equal(t->ev[0].align, 0x1000);
	assert_int_equal(t->ev[0].min, 0);
	assert_int_equal(t->ev[0].max, 0);
	assert_int_equal(t->ev[0].caller_kind, MB_CALLER_ADDR);
	assert_int_equal(t->ev[1].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[1].base, 0x1ff000);
	assert_int_equal(t->ev[1].size, 0x1000);
	assert_int_equal(t->ev[1].caller_kind, MB_CALLER_ALLOC_RANGE);

	/* free now [0x100000,0x1ff000): round_down(0x1ff000-0x100, 0x40)
	 * = 0x1fef00 */
	assert_int_equal(mb_phys_alloc(mb, 0x100, 0x40), 0x1fef00);
	/* align 0 -> SMP_CACHE_BYTES 0x40: 0x1fef00-0x10 = 0x1feef0, down
	 * to 0x1feec0 */
	assert_int_equal(mb_phys_alloc(mb, 0x10, 0), 0x1feec0);
	CHECK(t);
	/* reserved: [0x1feec0,0x1feed0) alone, [0x1fef00,0x200000) merged */
	assert_int_equal(mb->reserved.cnt, 2);
	REGION(mb->reserved, 0, 0x1feec0, 0x10, 0, 1024);
	REGION(mb->reserved, 1, 0x1fef00, 0x1100, 0, 1024);
	/* a non-power-of-two alignment is refused */
	assert_int_equal(mb_phys_alloc(mb, 0x10, 0x30), 0);
	assert_null(mb_alloc(mb, 0x10, 0x30));
	assert_int_equal(mb->reserved.cnt, 2);
	tc_free(t);
}

static void bottom_up_and_first_page(void **state)
{
	struct tctx *t = x86_with(0, 0x10000);
	struct memblock *mb = &t->mb;

	(void)state;
	mb_set_bottom_up(mb, true);
	assert_true(mb_bottom_up(mb));
	/* start raised to PAGE_SIZE: the first page is never handed out */
	assert_int_equal(mb_phys_alloc(mb, 0x100, 0x100), 0x1000);
	assert_int_equal(mb_phys_alloc(mb, 0x100, 0x100), 0x1100);
	/* round_up(0x1200, 0x1000) = 0x2000 */
	assert_int_equal(mb_phys_alloc(mb, 0x100, 0x1000), 0x2000);
	CHECK(t);
	tc_free(t);

	/* top-down, only page 0 free: nothing */
	t = x86_with(0, 0x2000);
	mb = &t->mb;
	assert_int_equal(mb_reserve(mb, 0x1000, 0x1000), 0);
	assert_int_equal(mb_phys_alloc(mb, 0x100, 0x10), 0);
	assert_null(mb_alloc(mb, 0x100, 0x10));
	CHECK(t);
	tc_free(t);
}

static void never_straddles_regions(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	/* two touching regions that differ in nid stay separate: 8 KiB of
	 * contiguous RAM, but no single free range of 8 KiB */
	assert_int_equal(mb_add_node(mb, 0x100000, 0x1000, 0, 0), 0);
	assert_int_equal(mb_add_node(mb, 0x101000, 0x1000, 1, 0), 0);
	assert_int_equal(mb->memory.cnt, 2);
	assert_int_equal(mb_phys_alloc(mb, 0x2000, 0x1000), 0);
	/* one page fits: the higher region first -> 0x101000 */
	assert_int_equal(mb_phys_alloc(mb, 0x1000, 0x1000), 0x101000);
	CHECK(t);
	tc_free(t);

	/* the same with flags: HOTPLUG next to plain memory */
	t = tc_new(&mb_profile_x86_64);
	mb = &t->mb;
	assert_int_equal(mb_add(mb, 0x100000, 0x1000), 0);
	assert_int_equal(
		mb_add_node(mb, 0x101000, 0x1000, 1024, MEMBLOCK_HOTPLUG), 0);
	assert_int_equal(mb_phys_alloc(mb, 0x2000, 0x1000), 0);
	tc_free(t);
}

static void range_limits(void **state)
{
	struct tctx *t = x86_with(MiB(1), MiB(3));
	struct memblock *mb = &t->mb;

	(void)state;
	/* memory [0x100000,0x400000); max 0x200000 is hard:
	 * 0x200000 - 0x1000 = 0x1ff000 */
	assert_int_equal(mb_phys_alloc_range(mb, 0x1000, 0x1000, 0, 0x200000),
			 0x1ff000);
	/* start above end: end = start, empty window */
	assert_int_equal(
		mb_phys_alloc_range(mb, 0x1000, 0x1000, 0x300000, 0x200000), 0);
	/* request printed with the caller's values */
	assert_int_equal(t->ev[t->nev - 1].kind, MB_EV_PHYS_ALLOC_RANGE);
	assert_int_equal(t->ev[t->nev - 1].min, 0x300000);
	assert_int_equal(t->ev[t->nev - 1].max, 0x200000);
	/* ANYWHERE is clamped to PHYS_ADDR_MAX: top of memory 0x3ff000 */
	assert_int_equal(
		mb_phys_alloc_range(mb, 0x1000, 0x1000, 0, MB_ALLOC_ANYWHERE),
		0x3ff000);
	/* current_limit bounds ACCESSIBLE (0) and NOLEAKTRACE (1) */
	mb_set_current_limit(mb, 0x300000);
	assert_int_equal(mb_get_current_limit(mb), 0x300000);
	assert_int_equal(mb_phys_alloc_range(mb, 0x1000, 0x1000, 0, 1),
			 0x2ff000);
	assert_int_equal(mb_phys_alloc(mb, 0x1000, 0x1000), 0x2fe000);
	CHECK(t);
	tc_free(t);
}

static void virt_min_retry_and_max_lowered(void **state)
{
	struct tctx *t = x86_with(MiB(1), MiB(3));
	struct memblock *mb = &t->mb;
	void *p;

	(void)state;
	assert_int_equal(mb_reserve(mb, 0x300000, 0x100000), 0);
	t->nev = 0;
	/* nothing free at or above min 0x300000: retried with min 0 ->
	 * top of [0x100000,0x300000) = 0x2ff000 (not mapped: the pointer
	 * is the physical address) */
	p = mb_alloc_try_nid(mb, 0x1000, 0x1000, 0x300000, 0, -1);
	assert_ptr_equal(p, (void *)(uintptr_t)0x2ff000);
	assert_int_equal(t->nev, 2);
	assert_int_equal(t->ev[0].kind, MB_EV_ALLOC_TRY_NID);
	assert_int_equal(t->ev[0].min, 0x300000);
	assert_int_equal(t->ev[0].nid, -1);
	assert_int_equal(t->ev[1].kind, MB_EV_RESERVE);
	assert_int_equal(t->ev[1].caller_kind, MB_CALLER_VIRT_ALLOC);
	/* the phys family has no such retry */
	assert_int_equal(mb_phys_alloc_range(mb, 0x1000, 0x1000, 0x300000, 0),
			 0);

	/* max above current_limit is lowered to it; the trace keeps it */
	mb_set_current_limit(mb, 0x200000);
	t->nev = 0;
	p = mb_alloc_try_nid_raw(mb, 0x1000, 0x1000, 0, 0x380000, -1);
	assert_ptr_equal(p, (void *)(uintptr_t)0x1ff000);
	assert_int_equal(t->ev[0].kind, MB_EV_ALLOC_TRY_NID_RAW);
	assert_int_equal(t->ev[0].max, 0x380000);
	/* mb_alloc_from(min) = try_nid(min, ACCESSIBLE, -1) */
	t->nev = 0;
	p = mb_alloc_from(mb, 0x1000, 0x1000, 0x1f0000);
	assert_ptr_equal(p, (void *)(uintptr_t)0x1fe000);
	assert_int_equal(t->ev[0].kind, MB_EV_ALLOC_TRY_NID);
	assert_int_equal(t->ev[0].min, 0x1f0000);
	assert_int_equal(t->ev[0].max, 0);
	/* mb_alloc_low: max = alloc_low_limit (x86: 0xffffffff) */
	t->nev = 0;
	p = mb_alloc_low(mb, 0x1000, 0x1000);
	assert_ptr_equal(p, (void *)(uintptr_t)0x1fd000);
	assert_int_equal(t->ev[0].max, 0xffffffffULL);
	CHECK(t);
	tc_free(t);
}

static void node_preference_and_exact(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add_node(mb, 0x100000, 0x100000, 0, 0), 0);
	assert_int_equal(mb_add_node(mb, 0x200000, 0x100000, 1, 0), 0);
	/* node 0 preferred although node 1 is higher: 0x1ff000 */
	assert_ptr_equal(mb_alloc_try_nid_raw(mb, 0x1000, 0x1000, 0, 0, 0),
			 (void *)(uintptr_t)0x1ff000);
	assert_ptr_equal(mb_alloc_node(mb, 0x1000, 0x1000, 0),
			 (void *)(uintptr_t)0x1fe000);
	/* exhaust node 0 */
	assert_int_equal(mb_reserve(mb, 0x100000, 0xfe000), 0);
	/* exact: node 0 only -> NULL (traced, no reserve) */
	t->nev = 0;
	assert_null(mb_alloc_exact_nid_raw(mb, 0x1000, 0x1000, 0, 0, 0));
	assert_int_equal(t->nev, 1);
	assert_int_equal(t->ev[0].kind, MB_EV_ALLOC_EXACT_NID_RAW);
	/* not exact: falls back to any node -> top of node 1, 0x2ff000 */
	assert_ptr_equal(mb_alloc_try_nid_raw(mb, 0x1000, 0x1000, 0, 0, 0),
			 (void *)(uintptr_t)0x2ff000);
	/* phys_alloc_try_nid: no request line, just the reserve */
	t->nev = 0;
	assert_int_equal(mb_phys_alloc_try_nid(mb, 0x1000, 0x1000, 1),
			 0x2fe000);
	assert_int_equal(t->nev, 1);
	assert_int_equal(t->ev[0].kind, MB_EV_RESERVE);
	/* nid MAX_NUMNODES (1024) in a request means any node */
	assert_int_equal(mb_phys_alloc_try_nid(mb, 0x1000, 0x1000, 1024),
			 0x2fd000);
	/* exact on node 1 still works */
	assert_int_equal(mb_alloc_range_nid(mb, 0x1000, 0x1000, 0, 0, 1, true),
			 0x2fc000);
	/* search only: no reserve */
	assert_int_equal(mb_find_in_range_node(mb, 0x1000, 0x1000, 0,
					       MB_ALLOC_ANYWHERE, 1, 0),
			 0x2fb000);
	assert_int_equal(mb_find_in_range_node(mb, 0x1000, 0x1000, 0,
					       MB_ALLOC_ANYWHERE, 1, 0),
			 0x2fb000);
	CHECK(t);
	tc_free(t);
}

static void zeroing_through_phys_to_virt(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	unsigned char *p, *q;

	(void)state;
	t->ram_base = MiB(1);
	t->ram_size = KiB(64);
	t->ram = malloc(t->ram_size);
	memset(t->ram, 0xaa, t->ram_size);
	assert_int_equal(mb_add(mb, t->ram_base, t->ram_size), 0);
	/* top: 0x110000 - 0x100 = 0x10ff00 -> ram + 0xff00, zeroed */
	p = mb_alloc(mb, 0x100, 0x100);
	assert_ptr_equal(p, t->ram + 0xff00);
	for (int i = 0; i < 0x100; i++)
		assert_int_equal(p[i], 0);
	/* raw: 0x10fe00, untouched */
	q = mb_alloc_raw(mb, 0x100, 0x100);
	assert_ptr_equal(q, t->ram + 0xfe00);
	assert_int_equal(q[0], 0xaa);
	assert_int_equal(q[0xff], 0xaa);
	/* free through the pointer: virt_to_phys gives 0x10ff00 */
	mb_free(mb, p, 0x100);
	assert_int_equal(mb->reserved.cnt, 1);
	REGION(mb->reserved, 0, 0x10fe00, 0x100, 0, 1024);
	CHECK(t);
	tc_free(t);
}

static void mirror_preference_and_fallback(void **state)
{
	struct tctx *t = x86_with(MiB(1), MiB(2));
	struct memblock *mb = &t->mb;

	(void)state;
	/* without kernelcore=mirror marking is a no-op */
	assert_int_equal(mb_mark_mirror(mb, MiB(1), MiB(1)), 0);
	assert_int_equal(mb->memory.cnt, 1);
	assert_false(mb->system_has_some_mirror);

	mb->mirrored_kernelcore = true;
	assert_int_equal(mb_mark_mirror(mb, MiB(1), MiB(1)), 0);
	assert_true(mb->system_has_some_mirror);
	assert_int_equal(mb->memory.cnt, 2);
	REGION(mb->memory, 0, 0x100000, 0x100000, MEMBLOCK_MIRROR, 1024);
	/* mirrored memory preferred: top of [0x100000,0x200000) */
	assert_int_equal(mb_phys_alloc(mb, 0x1000, 0x1000), 0x1ff000);
	/* use up the mirror; next allocation warns and falls back */
	assert_int_equal(mb_reserve(mb, 0x100000, 0xff000), 0);
	t->nlines = 0;
	assert_int_equal(mb_phys_alloc(mb, 0x1000, 0x1000), 0x2ff000);
	assert_int_equal(t->nlines, 1);
	assert_string_equal(t->lines[0], "memblock: Could not allocate "
					 "0x0000000000001000 bytes of mirrored "
					 "memory");
	CHECK(t);
	tc_free(t);
}

static void arm32_profile(void **state)
{
	struct tctx *t = tc_new(&mb_profile_arm32);
	struct memblock *mb = &t->mb;

	(void)state;
	/* the seed board: 128 MiB at 0x60000000 */
	assert_int_equal(mb_add(mb, 0x60000000, MiB(128)), 0);
	/* ANYWHERE on 32 bits: 0x68000000 - 0x1000 */
	assert_ptr_equal(mb_alloc(mb, 0x1000, 0x1000),
			 (void *)(uintptr_t)0x67fff000);
	/* RAM up to the 4 GiB line: size capped to 0xffffffff - base, so
	 * the region ends at 0xffffffff; top-down candidate
	 * round_down(0xffffffff - 0x1000, 0x1000) = 0xffffe000 */
	assert_int_equal(mb_add(mb, 0xfff00000ULL, MiB(1)), 0);
	REGION(mb->memory, 1, 0xfff00000ULL, 0xfffff, 0, 1);
	assert_int_equal(mb_phys_alloc(mb, 0x1000, 0x1000), 0xffffe000ULL);
	/* current_limit = lowmem end 0x68000000 (arm32 HighMem start) */
	mb_set_current_limit(mb, 0x68000000);
	assert_int_equal(mb_phys_alloc(mb, 0x1000, 0x1000), 0x67ffe000);
	/* align 0 -> 64 bytes: 0x67ffe000 - 0x40 */
	assert_int_equal(mb_phys_alloc(mb, 0x40, 0), 0x67ffdfc0);
	CHECK(t);
	tc_free(t);
}

static void size_zero_and_huge(void **state)
{
	struct tctx *t = x86_with(MiB(1), MiB(1));
	struct memblock *mb = &t->mb;

	(void)state;
	/* larger than memory: nothing, no reserve event */
	t->nev = 0;
	assert_int_equal(mb_phys_alloc(mb, MiB(2), 0x1000), 0);
	assert_int_equal(t->nev, 1);
	/* size close to 2^64 never wraps into a false fit */
	assert_int_equal(mb_phys_alloc(mb, ~0ULL - 0x10, 0x1000), 0);
	/* alignment larger than memory */
	assert_int_equal(mb_phys_alloc(mb, 0x1000, GiB(1)), 0);
	mb_set_bottom_up(mb, true);
	assert_int_equal(mb_phys_alloc(mb, ~0ULL - 0x10, 0x1000), 0);
	assert_int_equal(mb_phys_alloc(mb, 0x1000, GiB(1)), 0);
	assert_int_equal(mb->reserved.total_size, 0);
	CHECK(t);
	tc_free(t);
}

/* Every allocation entry point, top-down and bottom-up, NUMA on (x86_64,
 * memory on node 0) and off (arm32). Memory is 1 MiB at B, nothing
 * reserved: top-down a page lands at B + 0x100000 - 0x1000 = B + 0xff000,
 * bottom-up at B (B >= PAGE_SIZE); mb_alloc_from(min = B + 0x80000)
 * bottom-up lands at its min. */
enum entry {
	E_PHYS_RANGE,
	E_PHYS_TRY_NID,
	E_PHYS,
	E_RANGE_NID,
	E_TRY_NID,
	E_TRY_NID_RAW,
	E_EXACT_RAW,
	E_ALLOC,
	E_ALLOC_RAW,
	E_ALLOC_FROM,
	E_ALLOC_LOW,
	E_ALLOC_NODE,
	E__COUNT
};

static mb_phys_t run_entry(struct memblock *mb, enum entry e, mb_phys_t b)
{
	const mb_phys_t sz = 0x1000, al = 0x1000;

	switch (e) {
	case E_PHYS_RANGE:
		return mb_phys_alloc_range(mb, sz, al, 0, MB_ALLOC_ANYWHERE);
	case E_PHYS_TRY_NID:
		return mb_phys_alloc_try_nid(mb, sz, al, 0);
	case E_PHYS:
		return mb_phys_alloc(mb, sz, al);
	case E_RANGE_NID:
		return mb_alloc_range_nid(mb, sz, al, 0, 0, 0, true);
	case E_TRY_NID:
		return (uintptr_t)mb_alloc_try_nid(mb, sz, al, 0, 0, 0);
	case E_TRY_NID_RAW:
		return (uintptr_t)mb_alloc_try_nid_raw(mb, sz, al, 0, 0, 0);
	case E_EXACT_RAW:
		return (uintptr_t)mb_alloc_exact_nid_raw(mb, sz, al, 0, 0, 0);
	case E_ALLOC:
		return (uintptr_t)mb_alloc(mb, sz, al);
	case E_ALLOC_RAW:
		return (uintptr_t)mb_alloc_raw(mb, sz, al);
	case E_ALLOC_FROM:
		return (uintptr_t)mb_alloc_from(mb, sz, al, b + 0x80000);
	case E_ALLOC_LOW:
		return (uintptr_t)mb_alloc_low(mb, sz, al);
	case E_ALLOC_NODE:
		return (uintptr_t)mb_alloc_node(mb, sz, al, 0);
	default:
		return 0;
	}
}

static void every_entry_both_directions(void **state)
{
	const struct mb_profile *profiles[] = {&mb_profile_x86_64,
					       &mb_profile_arm32};
	const mb_phys_t bases[] = {0x100000, 0x60000000};

	(void)state;
	for (int p = 0; p < 2; p++) {
		for (int bu = 0; bu < 2; bu++) {
			for (int e = 0; e < E__COUNT; e++) {
				struct tctx *t = tc_new(profiles[p]);
				struct memblock *mb = &t->mb;
				mb_phys_t b = bases[p], want, got;

				assert_int_equal(
					mb_add_node(mb, b, MiB(1), 0, 0), 0);
				mb_set_bottom_up(mb, bu);
				want = bu ? b : b + 0xff000;
				if (bu && e == E_ALLOC_FROM)
					want = b + 0x80000;
				got = run_entry(mb, (enum entry)e, b);
				if (got != want)
					fail_msg(
						"profile %d bottom_up %d entry "
						"%d: got %#llx want %#llx",
						p, bu, e,
						(unsigned long long)got,
						(unsigned long long)want);
				assert_true(mb_is_reserved(mb, want));
				assert_int_equal(mb_reserved_size(mb), 0x1000);
				CHECK(t);
				tc_free(t);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(top_down_basic),
		cmocka_unit_test(bottom_up_and_first_page),
		cmocka_unit_test(never_straddles_regions),
		cmocka_unit_test(range_limits),
		cmocka_unit_test(virt_min_retry_and_max_lowered),
		cmocka_unit_test(node_preference_and_exact),
		cmocka_unit_test(zeroing_through_phys_to_virt),
		cmocka_unit_test(mirror_preference_and_fallback),
		cmocka_unit_test(arm32_profile),
		cmocka_unit_test(size_zero_and_huge),
		cmocka_unit_test(every_entry_both_directions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
