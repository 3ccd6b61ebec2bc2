/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The memblock shim (CONFIG_NO_BOOTMEM): bootmem calls as memblock
 * searches (top-down by default), reserves and frees. Addresses by hand.
 */
#include <memblock/bootmem.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

#define BASE 0x60000000ULL
#define SIZE 0x01000000ULL

struct fixture {
	struct harness *h;
	struct bootmem bm;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->h = h_new(&mb_profile_arm32, BASE, SIZE);
	assert_int_equal(mb_add(&f->h->mb, BASE, SIZE), 0);
	assert_int_equal(
		bootmem_init(&f->bm, &f->h->mb, BOOTMEM_BACKEND_MEMBLOCK), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	h_free(f->h);
	free(f);
	return 0;
}

static mb_phys_t phys_of(struct fixture *f, void *p)
{
	return f->h->arena_base + (mb_phys_t)((unsigned char *)p - f->h->arena);
}

static void test_alloc_top_down_and_free(void **state)
{
	struct fixture *f = *state;
	struct memblock *mb = &f->h->mb;

	/* Goal 0x9fffffff is above memory: retried with goal 0. Top-down:
	 * 0x61000000 - 100 = 0x60ffff9c, aligned down to 64: 0x60ffff80. */
	unsigned char *a = alloc_bootmem(&f->bm, 100);
	assert_int_equal(phys_of(f, a), 0x60ffff80);
	for (int i = 0; i < 100; i++)
		assert_int_equal(a[i], 0); /* arena was 0xaa */
	assert_int_equal(mb->reserved.cnt, 1);
	assert_int_equal(mb->reserved.total_size, 100);
	/* Next: 0x60ffff80 - 100 = 0x60ffff1c -> 0x60ffff00; not adjacent to
	 * the first (ends 0x60ffff64), so two regions. */
	void *b = alloc_bootmem(&f->bm, 100);
	assert_int_equal(phys_of(f, b), 0x60ffff00);
	assert_int_equal(mb->reserved.cnt, 2);
	/* free_bootmem is a memblock free of the reservation. */
	assert_int_equal(bootmem_free(&f->bm, 0x60ffff00, 100), 0);
	assert_int_equal(mb->reserved.cnt, 1);
	assert_int_equal(bootmem_free_node(&f->bm, 0, 0x60ffff80, 100), 0);
	assert_int_equal(mb->reserved.total_size, 0);
}

static void test_reserve_exclusive(void **state)
{
	struct fixture *f = *state;
	struct memblock *mb = &f->h->mb;

	assert_int_equal(
		bootmem_reserve(&f->bm, BASE + 0x1000, 0x1000, BOOTMEM_DEFAULT),
		0);
	/* Overlaps [0x60001000, 0x60002000): refused, no change. */
	assert_int_equal(bootmem_reserve(&f->bm, BASE + 0x1800, 0x1000,
					 BOOTMEM_EXCLUSIVE),
			 -MB_EBUSY);
	assert_int_equal(mb->reserved.cnt, 1);
	assert_int_equal(mb->reserved.total_size, 0x1000);
	/* Adjacent is not overlapping: accepted and merged. */
	assert_int_equal(bootmem_reserve_node(&f->bm, 0, BASE + 0x2000, 0x1000,
					      BOOTMEM_EXCLUSIVE),
			 0);
	assert_int_equal(mb->reserved.cnt, 1);
	assert_int_equal(mb->reserved.total_size, 0x2000);
	/* Default over an existing reservation: fine (memblock merges). */
	assert_int_equal(bootmem_reserve(&f->bm, BASE + 0x1800, 0x1000, 0), 0);
	assert_int_equal(mb->reserved.total_size, 0x2000);
}

static void test_limit_goal_current_limit(void **state)
{
	struct fixture *f = *state;
	struct memblock *mb = &f->h->mb;

	/* Limit 0x60800000: the highest page below it. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x1000, 0, BASE + 0x800000, 0),
			 BASE + 0x7ff000);
	/* Goal 0x60400000 is a lower bound; top-down takes the top page. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x1000, BASE + 0x400000, 0, 0),
			 BASE + 0xfff000);
	/* Goal 0x60fff000 with two pages: [0x60fff000, 0x61000000) is taken,
	 * nothing at or above the goal: retried with goal 0, top-down below
	 * the previous one: 0x60fff000 - 0x2000 = 0x60ffd000. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x2000,
					    0x1000, BASE + 0xfff000, 0, 0),
			 BASE + 0xffd000);
	/* memblock's current_limit lowers every limit. */
	mb_set_current_limit(mb, BASE + 0x400000);
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x1000, 0, 0, 0),
			 BASE + 0x3ff000);
	assert_int_equal(phys_of(f, alloc_bootmem_pages(&f->bm, 0x1000)),
			 BASE + 0x3fe000);
}

static void test_low_on_x86(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_x86_64, 0, 0);
	struct bootmem bm;

	/* 1 MiB .. 5 GiB, no host backing: pointers carry the address. */
	assert_int_equal(mb_add(&h->mb, 0x100000, 0x140000000ULL - 0x100000),
			 0);
	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_MEMBLOCK),
			 0);
	/* _low: limit ARCH_LOW_ADDRESS_LIMIT 0xffffffff (exclusive end):
	 * 0xffffffff - 0x1000 = 0xfffeefff, aligned down: 0xffffe000. */
	assert_int_equal((uintptr_t)alloc_bootmem_low_pages(&bm, 0x1000),
			 0xffffe000ULL);
	/* Plain pages variant: goal 16 MiB, no limit: the top page. */
	assert_int_equal((uintptr_t)alloc_bootmem_pages(&bm, 0x1000),
			 0x13ffff000ULL);
	/* _low_node and _nopanic low behave alike (next page down). */
	assert_int_equal(
		(uintptr_t)alloc_bootmem_low_pages_node(&bm, 0, 0x1000),
		0xffffd000ULL);
	assert_int_equal(
		(uintptr_t)alloc_bootmem_low_pages_nopanic(&bm, 0x1000),
		0xffffc000ULL);
	h_free(h);
}

static void test_nodes(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm64, 0, 0);
	struct bootmem bm;

	/* node 0: [0x40000000, 0x60000000), node 1: [0x60000000, 0x80000000) */
	assert_int_equal(mb_add_node(&h->mb, 0x40000000, 0x20000000, 0, 0), 0);
	assert_int_equal(mb_add_node(&h->mb, 0x60000000, 0x20000000, 1, 0), 0);
	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_MEMBLOCK),
			 0);
	/* arm64 goal default is 0. Node 0 request: top page of node 0. */
	assert_int_equal((uintptr_t)alloc_bootmem_pages_node(&bm, 0, 0x1000),
			 0x5ffff000);
	/* Any node: top of memory. */
	assert_int_equal((uintptr_t)alloc_bootmem_pages(&bm, 0x1000),
			 0x7ffff000);
	/* _node_high is a plain node request in the shim. */
	assert_int_equal(
		(uintptr_t)__alloc_bootmem_node_high(&bm, 1, 0x1000, 0x1000, 0),
		0x7fffe000);
	/* Node 0 exhausted: the node request falls back to any node. */
	assert_int_equal(mb_reserve(&h->mb, 0x40000000, 0x20000000), 0);
	assert_int_equal((uintptr_t)alloc_bootmem_pages_node(&bm, 0, 0x1000),
			 0x7fffd000);
	assert_int_equal((uintptr_t)__alloc_bootmem_node_nopanic(&bm, 0, 0x1000,
								 0x1000, 0),
			 0x7fffc000);
	h_free(h);
}

static void test_panic_and_nopanic(void **state)
{
	struct fixture *f = *state;
	struct harness *h = f->h;

	assert_int_equal(mb_reserve(&h->mb, BASE, SIZE), 0);
	assert_null(alloc_bootmem_nopanic(&f->bm, 64));
	assert_null(__alloc_bootmem_low_nopanic(&f->bm, 64, 64, 0));
	H_EXPECT_PANIC(h, alloc_bootmem(&f->bm, 100));
	assert_true(h->panicked);
	assert_string_equal(h->panic_msg, "Out of memory");
	assert_true(h_printed(h, "bootmem alloc of 100 bytes failed!"));
	H_EXPECT_PANIC(h, alloc_bootmem_pages_node(&f->bm, 0, 0x1000));
	assert_true(h->panicked);
	/* size 0 is a kernel BUG: refused (here: the nopanic NULL). */
	assert_null(alloc_bootmem_nopanic(&f->bm, 0));
}

struct sink {
	unsigned long pfn[64];
	unsigned order[64];
	int n;
};

static void record(void *ctx, unsigned long pfn, unsigned order)
{
	struct sink *s = ctx;

	if (s->n < 64) {
		s->pfn[s->n] = pfn;
		s->order[s->n] = order;
	}
	s->n++;
}

/*
 * Reserved [0x60000000, 0x60001800) and [0x60800000, 0x60801000).
 * Free whole pages: 0x60002..0x607ff (2046) and 0x60801..0x60fff (2047).
 * Largest aligned blocks (MAX_ORDER 11: up to 1024 pages):
 *   0x60002 o1, 0x60004 o2, 0x60008 o3, ... 0x60200 o9, 0x60400 o10;
 *   0x60801 o0, 0x60802 o1, ... 0x60a00 o9, 0x60c00 o10.
 */
static void test_free_all(void **state)
{
	struct fixture *f = *state;
	struct memblock *mb = &f->h->mb;
	struct sink s = {0};

	assert_int_equal(mb_reserve(mb, BASE, 0x1800), 0);
	assert_int_equal(mb_reserve(mb, BASE + 0x800000, 0x1000), 0);
	assert_int_equal(mb_mark_hotplug(mb, BASE, SIZE), 0);
	assert_int_equal(free_all_bootmem(&f->bm, 0, record, &s), 2046 + 2047);
	assert_int_equal(s.n, 10 + 11);
	for (int i = 0; i < 10; i++) {
		assert_int_equal(s.pfn[i], 0x60000ul + (2ul << i));
		assert_int_equal(s.order[i], i + 1);
	}
	assert_int_equal(s.pfn[10], 0x60801);
	assert_int_equal(s.order[10], 0);
	for (int i = 1; i < 11; i++) {
		assert_int_equal(s.pfn[10 + i], 0x60800ul + (1ul << i));
		assert_int_equal(s.order[10 + i], i);
	}
	/* HOTPLUG was cleared on all memory. */
	assert_int_equal(mb->memory.regions[0].flags, MEMBLOCK_NONE);
	/* Once only. */
	assert_int_equal(free_all_bootmem(&f->bm, 0, record, &s), 0);
}

static void test_free_all_cap_and_nomap(void **state)
{
	struct fixture *f = *state;
	struct memblock *mb = &f->h->mb;
	struct sink s = {0};

	/* NOMAP 1 MiB at 0x60100000 (256 pages) stays out; the cap at pfn
	 * 0x60800 cuts the rest: 0x800 - 0x100 = 1792 pages. */
	assert_int_equal(mb_mark_nomap(mb, BASE + 0x100000, 0x100000), 0);
	assert_int_equal(bootmem_memblock_free_all(mb, 0x60800, 11, record, &s),
			 0x800 - 0x100);
	/* Blocks: 0x60000 o8 (256), then 0x60200 o9, 0x60400 o10. */
	assert_int_equal(s.n, 3);
	assert_int_equal(s.pfn[0], 0x60000);
	assert_int_equal(s.order[0], 8);
	assert_int_equal(s.pfn[1], 0x60200);
	assert_int_equal(s.order[1], 9);
	assert_int_equal(s.pfn[2], 0x60400);
	assert_int_equal(s.order[2], 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_alloc_top_down_and_free,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserve_exclusive, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_limit_goal_current_limit,
						setup, teardown),
		cmocka_unit_test(test_low_on_x86),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test_setup_teardown(test_panic_and_nopanic, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_free_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_all_cap_and_nomap,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
