/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Hostile inputs to the core (issue 6): ranges wrapping past
 * PHYS_ADDR_MAX, size 0, alignment 0 / not a power of two / larger than
 * memory, nids out of range and MAX_NUMNODES, allocation of every size
 * class until exhaustion, tens of thousands of regions through host-backed
 * growth. Expected values are worked out by hand in the comments; every
 * step of the size-class test is also checked against the reference model.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "harness.h"

#define MiB (1ULL << 20)

static struct harness h;

static struct memblock *fresh(const struct mb_profile *p)
{
	struct hcfg cfg = {.profile = p, .nmem = 128, .nres = 128};

	harness_start(&h, &cfg);
	return &h.mb;
}

static void done(void)
{
	assert_int_equal(mb_check(&h.mb, NULL), 0);
	harness_end(&h);
}

static void wrap_past_phys_addr_max_64(void **state)
{
	(void)state;
	struct memblock *mb = fresh(&mb_profile_x86_64);

	/* PHYS_ADDR_MAX - base = 0xffffffffffffffff - 0xfffffffffffff000
	 * = 0xfff: the last byte can never be in a region */
	assert_int_equal(mb_add(mb, 0xfffffffffffff000ULL, 0x2000), 0);
	assert_int_equal(mb->memory.cnt, 1);
	assert_int_equal(mb->memory.regions[0].base, 0xfffffffffffff000ULL);
	assert_int_equal(mb->memory.regions[0].size, 0xfff);
	assert_int_equal(mb->memory.total_size, 0xfff);
	/* size ~0 from 0xff..ff00: capped to 0xff */
	assert_int_equal(mb_reserve(mb, 0xffffffffffffff00ULL, ~0ULL), 0);
	assert_int_equal(mb->reserved.regions[0].size, 0xff);
	/* removing "everything" from 0 empties the table */
	assert_int_equal(mb_remove(mb, 0, ~0ULL), 0);
	assert_int_equal(mb->memory.cnt, 1);
	assert_int_equal(mb->memory.regions[0].size, 0);
	assert_int_equal(mb->memory.regions[0].nid, 1024); /* MAX_NUMNODES */
	done();
}

static void wrap_past_phys_addr_max_32(void **state)
{
	(void)state;
	struct memblock *mb = fresh(&mb_profile_arm32);

	/* 32-bit: PHYS_ADDR_MAX = 0xffffffff, room 0xffffffff - 0xfffff000
	 * = 0xfff */
	assert_int_equal(mb_add(mb, 0xfffff000, 0x2000), 0);
	assert_int_equal(mb->memory.regions[0].size, 0xfff);
	/* an address above PHYS_ADDR_MAX has no room at all: a no-op */
	assert_int_equal(mb_add(mb, 0x100000000ULL, 0x1000), 0);
	assert_int_equal(mb->memory.cnt, 1);
	assert_int_equal(mb->memory.total_size, 0xfff);
	/* an allocation cannot return the unreachable top byte: RAM is
	 * [0xfffff000, 0xffffffff), 0x800 bytes aligned 0x800 top-down:
	 * round_down(0xffffffff - 0x800, 0x800) = 0xfffff000 */
	assert_int_equal(mb_phys_alloc(mb, 0x800, 0x800), 0xfffff000);
	done();
}

static void size_zero(void **state)
{
	(void)state;
	struct memblock *mb = fresh(&mb_profile_x86_64);

	assert_int_equal(mb_add(mb, 0x100000, 0), 0);
	assert_int_equal(mb_reserve(mb, 0x100000, 0), 0);
	assert_int_equal(mb_remove(mb, 0x100000, 0), 0);
	assert_int_equal(mb_phys_free(mb, 0x100000, 0), 0);
	assert_int_equal(mb_mark_nomap(mb, 0x100000, 0), 0);
	mb_free(mb, NULL, 0x1000);
	assert_int_equal(mb->memory.cnt, 1);
	assert_int_equal(mb->memory.regions[0].size, 0);
	assert_int_equal(mb->reserved.regions[0].size, 0);
	/* a size-0 allocation from RAM [1M, 2M), top-down: clamped end 2M,
	 * candidate round_down(2M - 0, 4K) = 2M >= 1M, and the reservation
	 * of 0 bytes is a no-op (spec section 6 taken literally) */
	assert_int_equal(mb_add(mb, MiB, MiB), 0);
	assert_int_equal(mb_phys_alloc(mb, 0, 0x1000), 2 * MiB);
	assert_int_equal(mb->reserved.total_size, 0);
	done();
}

static void alignment_edges(void **state)
{
	(void)state;
	struct memblock *mb = fresh(&mb_profile_x86_64);

	assert_int_equal(mb_add(mb, MiB, MiB), 0);
	/* align 0 = SMP_CACHE_BYTES (64): round_down(2M - 0x100, 64)
	 * = 0x1fff00 */
	assert_int_equal(mb_phys_alloc(mb, 0x100, 0), 0x1fff00);
	/* not a power of two: defined as "nothing found", no change */
	assert_int_equal(mb_phys_alloc(mb, 0x100, 3), 0);
	assert_null(mb_alloc(mb, 0x100, 0x3000));
	assert_int_equal(mb_find_in_range_node(mb, 0x100, 0x1800, 0, 0, -1, 0),
			 0);
	assert_int_equal(mb->reserved.total_size, 0x100);
	/* larger than memory: round_down(0x1fff00 - 0x100, 2^40) = 0 is
	 * below 1M (top-down); round_up(1M, 2^40) = 2^40 >= 2M (bottom-up) */
	assert_int_equal(mb_phys_alloc(mb, 0x100, 1ULL << 40), 0);
	assert_int_equal(mb_phys_alloc(mb, 0x100, 1ULL << 63), 0);
	mb_set_bottom_up(mb, true);
	assert_int_equal(mb_phys_alloc(mb, 0x100, 1ULL << 40), 0);
	assert_int_equal(mb_phys_alloc(mb, 0x100, 1ULL << 63), 0);
	/* bottom-up with align 1M: round_up(1M, 1M) = 1M */
	assert_int_equal(mb_phys_alloc(mb, 0x100, MiB), MiB);
	assert_int_equal(mb->reserved.total_size, 0x200);
	done();
}

static void nid_out_of_range(void **state)
{
	(void)state;
	struct memblock *mb = fresh(&mb_profile_x86_64); /* MAX_NUMNODES 1024 */

	assert_int_equal(mb_add_node(mb, MiB, MiB, 1025, 0), -MB_EINVAL);
	assert_int_equal(mb_add_node(mb, MiB, MiB, -2, 0), -MB_EINVAL);
	assert_int_equal(mb->memory.regions[0].size, 0);
	assert_int_equal(mb_add_node(mb, MiB, MiB, 0, 0), 0);
	assert_int_equal(mb_add_node(mb, 2 * MiB, MiB, 1024, 0), 0);
	assert_int_equal(mb->memory.cnt, 2);
	assert_int_equal(mb->memory.regions[1].nid, 1024);
	assert_int_equal(mb_set_node(mb, MiB, MiB, &mb->memory, 5000),
			 -MB_EINVAL);
	/* nid 5000 matches no region: the non-exact search falls back to any
	 * node; top-down over [1M, 3M): round_down(3M - 0x100, 64) */
	assert_int_equal(mb_phys_alloc_try_nid(mb, 0x100, 64, 5000),
			 3 * MiB - 0x100);
	/* exact: nothing */
	assert_null(mb_alloc_exact_nid_raw(mb, 0x100, 64, 0, 0, 5000));
	/* MAX_NUMNODES in a request means any node: next one down */
	assert_int_equal(
		(uintptr_t)mb_alloc_exact_nid_raw(mb, 0x100, 64, 0, 0, 1024),
		3 * MiB - 0x200);
	/* exact node 0 stays in [1M, 2M): round_down(2M - 0x100, 64) */
	assert_int_equal(
		(uintptr_t)mb_alloc_exact_nid_raw(mb, 0x100, 64, 0, 0, 0),
		2 * MiB - 0x100);
	done();
}

/*
 * Every size class, largest first, each naturally aligned, until nothing
 * fits; then the next smaller. RAM [0x1234, 0x1234 + 16M + 0x777) has
 * unaligned edges, so every class down to 1 byte is needed. At the end
 * every byte is reserved: reserved total == RAM size == 0x1000777, in one
 * merged region, and a 1-byte allocation fails. The model checks every
 * step.
 */
static void every_size_class_until_exhaustion(void **state)
{
	(void)state;
	const uint64_t base = 0x1234, size = 16 * MiB + 0x777;
	struct op o = {.kind = OP_ADD, .a = base, .b = size};
	unsigned long allocs = 0;

	fresh(&mb_profile_x86_64);
	assert_true(harness_step(&h, &o));
	for (int order = 25; order >= 0; order--) {
		for (;;) {
			struct op a = {.kind = OP_PHYS_ALLOC_RANGE,
				       .a = 1ULL << order,
				       .b = 1ULL << order};
			uint64_t before = h.mb.reserved.total_size;
			if (!harness_step(&h, &a))
				fail_msg("model: %s", h.why);
			if (h.mb.reserved.total_size == before)
				break;
			allocs++;
		}
	}
	assert_int_equal(h.mb.reserved.total_size, size);
	assert_int_equal(h.mb.reserved.cnt, 1);
	assert_int_equal(h.mb.reserved.regions[0].base, base);
	assert_int_equal(mb_phys_alloc(&h.mb, 1, 1), 0);
	assert_true(allocs > 25);
	done();
}

/*
 * 16385 separate reservations (not touching: stride 8K, 4K each) grow the
 * reserved table 128 -> 32768 (8 doublings) through env.table_alloc. The
 * final array is 32768 * 24 = 768 KiB (page aligned already) and every old
 * grown array was freed: cnt = 16385 + 1, total = 16385 * 4K + 768 KiB.
 * (Kept this size so the test stays fast under ASan; memblock-million runs
 * the million.)
 */
static void many_regions_host_backed_growth(void **state)
{
	(void)state;
	const unsigned long n = 16385;
	struct memblock *mb = fresh(&mb_profile_x86_64);

	mb_allow_resize(mb);
	assert_int_equal(mb_add(mb, MiB, 2048 * MiB), 0);
	for (unsigned long i = 0; i < n; i++)
		assert_int_equal(
			mb_reserve(mb, 0x100000000ULL + i * 0x2000, 0x1000), 0);
	assert_int_equal(mb->reserved.max, 32768);
	assert_int_equal(mb->reserved.cnt, n + 1);
	assert_int_equal(mb->reserved.total_size, n * 0x1000 + 768 * 1024);
	assert_true(mb_is_reserved(mb, 0x100000000ULL + 4096 * 0x2000));
	assert_false(
		mb_is_reserved(mb, 0x100000000ULL + 4096 * 0x2000 + 0x1000));
	done();
}

/*
 * Regression (found by memblock-prop; the core overran its array up to
 * f6f4251 and returned the wrong table until c18aa67 recounted): a
 * doubling of reserved frees its old grown array inside the range being
 * reserved, so the range has one piece more than counted before growth;
 * the core used to write past the end of the new array. arm64, reserved
 * capacity 1. Every step is checked against the model (which counts the
 * pieces again after each doubling).
 */
static void growth_frees_array_inside_range(void **state)
{
	(void)state;
	struct hcfg cfg = {
		.profile = &mb_profile_arm64, .nmem = 128, .nres = 1};
	const struct op ops[] = {
		{.kind = OP_ALLOW_RESIZE},
		{.kind = OP_ADD_NODE,
		 .a = 0x837df000,
		 .b = 0x139c000,
		 .nid = -1},
		{.kind = OP_RESERVE, .a = 0x82cfc000, .b = 0x403090},
		{.kind = OP_RESERVE, .a = 0, .b = ~0ULL},
	};

	harness_start(&h, &cfg);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!harness_step(&h, &ops[i]))
			fail_msg("step %zu: %s", i, h.why);
	/* reserving [0, PHYS_ADDR_MAX) leaves one region covering it all */
	assert_int_equal(h.mb.reserved.cnt, 1);
	assert_int_equal(h.mb.reserved.regions[0].base, 0);
	assert_int_equal(h.mb.reserved.regions[0].size, ~0ULL);
	done();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrap_past_phys_addr_max_64),
		cmocka_unit_test(wrap_past_phys_addr_max_32),
		cmocka_unit_test(size_zero),
		cmocka_unit_test(alignment_edges),
		cmocka_unit_test(nid_out_of_range),
		cmocka_unit_test(every_size_class_until_exhaustion),
		cmocka_unit_test(many_regions_host_backed_growth),
		cmocka_unit_test(growth_frees_array_inside_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
