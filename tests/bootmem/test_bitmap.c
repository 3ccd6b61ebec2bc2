/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bitmap back end, call by call, with addresses computed by hand.
 * Machine: arm32 profile (4 KiB pages, SMP_CACHE_BYTES 64, 32-bit longs),
 * a 16 MiB bank at 0x60000000: pfns 0x60000 .. 0x60fff (4096 pages), backed
 * by a host arena so that zeroing can be checked.
 */
#include <memblock/bootmem.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

#define BASE   0x60000000ULL
#define SIZE   0x01000000ULL
#define PFN0   0x60000ul
#define NPAGES 4096ul

struct fixture {
	struct harness *h;
	struct bootmem bm;
	uint8_t map[NPAGES / 8];
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->h = h_new(&mb_profile_arm32, BASE, SIZE);
	assert_int_equal(mb_add(&f->h->mb, BASE, SIZE), 0);
	assert_int_equal(
		bootmem_init(&f->bm, &f->h->mb, BOOTMEM_BACKEND_BITMAP), 0);
	/* 4096 bits = 512 bytes, already a multiple of 4 (32-bit long). */
	assert_int_equal(bootmem_init_node(&f->bm, 0, PFN0 + NPAGES - 1, PFN0,
					   PFN0 + NPAGES, f->map,
					   sizeof(f->map)),
			 512);
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

/* Free the whole node except its first page (pfn 0x60000). */
static void free_all_but_first(struct fixture *f)
{
	assert_int_equal(bootmem_free(&f->bm, BASE + 0x1000, SIZE - 0x1000), 0);
}

static void test_bootmap_pages(void **state)
{
	struct fixture *f = *state;
	struct bootmem bm64;
	struct harness *h64 = h_new(&mb_profile_x86_64, 0, 0);

	/* 32 768 pages: 4096 bytes = exactly one page. */
	assert_int_equal(bootmem_bootmap_pages(&f->bm, 32768), 1);
	/* 32 769 pages: 4097 bytes -> 4100 (long) -> two pages. */
	assert_int_equal(bootmem_bootmap_pages(&f->bm, 32769), 2);
	assert_int_equal(bootmem_map_bytes(&f->bm, 32769), 4100);
	/* 64-bit longs: 100 bits = 13 bytes -> 16 bytes, one page. */
	assert_int_equal(bootmem_init(&bm64, &h64->mb, BOOTMEM_BACKEND_BITMAP),
			 0);
	assert_int_equal(bootmem_map_bytes(&bm64, 100), 16);
	assert_int_equal(bootmem_bootmap_pages(&bm64, 100), 1);
	h_free(h64);
}

static void test_init_all_reserved(void **state)
{
	struct fixture *f = *state;

	for (unsigned long p = PFN0; p < PFN0 + NPAGES; p += 97)
		assert_true(bootmem_is_reserved(&f->bm, p));
	/* Outside the node: reserved as well. */
	assert_true(bootmem_is_reserved(&f->bm, PFN0 + NPAGES));
	/* The bitmap back end needs a node before anything fits. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 64, 64, 0,
					    0, BOOTMEM_ALLOC_NOPANIC),
			 0);
}

static void test_free_rounds_inward(void **state)
{
	struct fixture *f = *state;

	/* [0x60000800, 0x60002800): whole pages are only 0x60001. */
	assert_int_equal(bootmem_free(&f->bm, BASE + 0x800, 0x2000), 0);
	assert_true(bootmem_is_reserved(&f->bm, PFN0));
	assert_false(bootmem_is_reserved(&f->bm, PFN0 + 1));
	assert_true(bootmem_is_reserved(&f->bm, PFN0 + 2));
	/* Less than a page: nothing to free, no error. */
	assert_int_equal(bootmem_free(&f->bm, BASE + 0x3100, 0x800), 0);
	assert_true(bootmem_is_reserved(&f->bm, PFN0 + 3));
	/* Freeing a free page again is refused (the kernel BUGs). */
	assert_int_equal(bootmem_free(&f->bm, BASE + 0x1000, 0x1000),
			 -MB_EINVAL);
	/* Outside the node: refused. */
	assert_int_equal(bootmem_free(&f->bm, BASE + SIZE, 0x1000), -MB_EINVAL);
}

static void test_reserve_rounds_outward(void **state)
{
	struct fixture *f = *state;

	/* Free pages 0x60010 .. 0x6001f. */
	assert_int_equal(bootmem_free(&f->bm, BASE + 0x10000, 0x10000), 0);
	/* [0x60010fff, 0x60011001) touches pages 0x60010 and 0x60011. */
	assert_int_equal(
		bootmem_reserve(&f->bm, BASE + 0x10fff, 2, BOOTMEM_DEFAULT), 0);
	assert_true(bootmem_is_reserved(&f->bm, PFN0 + 0x10));
	assert_true(bootmem_is_reserved(&f->bm, PFN0 + 0x11));
	assert_false(bootmem_is_reserved(&f->bm, PFN0 + 0x12));
	/* Default reserve over an already reserved page is fine. */
	assert_int_equal(bootmem_reserve(&f->bm, BASE + 0x10000, 0x3000,
					 BOOTMEM_DEFAULT),
			 0);
	assert_true(bootmem_is_reserved(&f->bm, PFN0 + 0x12));
	assert_false(bootmem_is_reserved(&f->bm, PFN0 + 0x13));
}

static void test_reserve_exclusive(void **state)
{
	struct fixture *f = *state;

	/* Free pages 0x60020 .. 0x6002f; 0x60030 stays reserved. */
	assert_int_equal(bootmem_free(&f->bm, BASE + 0x20000, 0x10000), 0);
	/* [0x6002e000, 0x60031000) touches 0x6002e, 0x6002f, 0x60030. */
	assert_int_equal(bootmem_reserve(&f->bm, BASE + 0x2e000, 0x3000,
					 BOOTMEM_EXCLUSIVE),
			 -MB_EBUSY);
	/* No change: the two free pages are still free. */
	assert_false(bootmem_is_reserved(&f->bm, PFN0 + 0x2e));
	assert_false(bootmem_is_reserved(&f->bm, PFN0 + 0x2f));
	assert_int_equal(bootmem_reserve(&f->bm, BASE + 0x20000, 0x1000,
					 BOOTMEM_EXCLUSIVE),
			 0);
	assert_int_equal(bootmem_reserve(&f->bm, BASE + 0x20000, 0x1000,
					 BOOTMEM_EXCLUSIVE),
			 -MB_EBUSY);
	assert_int_equal(bootmem_reserve_node(&f->bm, 0, BASE + 0x21000, 0x1000,
					      BOOTMEM_EXCLUSIVE),
			 0);
	assert_true(bootmem_is_reserved(&f->bm, PFN0 + 0x21));
}

/*
 * Sub-page packing. Page 0x60000 reserved, the rest free; goal defaults to
 * 0x9fffffff (arm32 BOOTMEM_LOW_LIMIT), above the node, so every search
 * falls back to goal 0 and starts at the node's first free page.
 */
static void test_subpage_packing(void **state)
{
	struct fixture *f = *state;
	struct bootmem *bm = &f->bm;

	free_all_but_first(f);
	/* 100 bytes: first free page 0x60001 -> 0x60001000; end 0x1064. */
	void *a = alloc_bootmem(bm, 100);
	assert_ptr_equal(a, f->h->arena + 0x1000);
	assert_true(bootmem_is_reserved(bm, PFN0 + 1));
	assert_false(bootmem_is_reserved(bm, PFN0 + 2));
	/* 100 bytes again: the search finds page 2, right after the partial
	 * page 1, so it starts at ALIGN(0x1064, 64) = 0x1080 inside page 1;
	 * end 0x10e4 needs no new page. */
	a = alloc_bootmem(bm, 100);
	assert_ptr_equal(a, f->h->arena + 0x1080);
	assert_false(bootmem_is_reserved(bm, PFN0 + 2));
	/* A page with page alignment: ALIGN(0x10e4, 0x1000) = 0x2000. */
	a = alloc_bootmem_pages(bm, 0x1000);
	assert_ptr_equal(a, f->h->arena + 0x2000);
	/* 6 KiB: last end 0x3000 is page aligned, no packing: 0x3000 ..
	 * 0x4800, pages 3 and 4. */
	a = alloc_bootmem(bm, 0x1800);
	assert_ptr_equal(a, f->h->arena + 0x3000);
	assert_true(bootmem_is_reserved(bm, PFN0 + 4));
	/* 0x100 bytes packs at 0x4800 (end 0x4900, still inside page 4). */
	a = alloc_bootmem(bm, 0x100);
	assert_ptr_equal(a, f->h->arena + 0x4800);
	assert_false(bootmem_is_reserved(bm, PFN0 + 5));
	/* 0x900 bytes packs at 0x4900 and spills into page 5 (end 0x5200). */
	a = alloc_bootmem(bm, 0x900);
	assert_ptr_equal(a, f->h->arena + 0x4900);
	assert_true(bootmem_is_reserved(bm, PFN0 + 5));
	assert_false(bootmem_is_reserved(bm, PFN0 + 6));
}

static void test_zeroed(void **state)
{
	struct fixture *f = *state;

	free_all_but_first(f);
	/* The arena was filled with 0xaa. */
	unsigned char *p = alloc_bootmem(&f->bm, 300);
	assert_non_null(p);
	for (int i = 0; i < 300; i++)
		assert_int_equal(p[i], 0);
	assert_int_equal(p[300], 0xaa);
}

static void test_goal(void **state)
{
	struct fixture *f = *state;

	free_all_but_first(f);
	/* Goal inside the node: two pages at the goal itself. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x2000,
					    0x1000, BASE + 0x800000, 0, 0),
			 BASE + 0x800000);
	/* The last 16 pages reserved; from goal 0x60fe8000 only 8 free pages
	 * remain below them: 32 pages do not fit above the goal, the search
	 * is repeated with goal 0. That search starts at the hint, just after
	 * the previous allocation (end 0x60802000), and fits there. */
	assert_int_equal(bootmem_reserve(&f->bm, BASE + 0xff0000, 0x10000, 0),
			 0);
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x20000,
					    0x1000, BASE + 0xfe8000, 0, 0),
			 BASE + 0x802000);
}

static void test_hint_wraps(void **state)
{
	struct fixture *f = *state;

	free_all_but_first(f);
	/* Page-sized allocation at the end: hint moves past it. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x1000, BASE + 0xfff000, 0, 0),
			 BASE + 0xfff000);
	/* Next search starts at the hint (the node's end): nothing there,
	 * so it wraps to the window start: page 0x60001. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x1000, 0, 0, 0),
			 BASE + 0x1000);
	/* The hint is now page 2: the next one goes there. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x1000, 0, 0, 0),
			 BASE + 0x2000);
}

static void test_alignment_steps(void **state)
{
	struct fixture *f = *state;

	free_all_but_first(f);
	/* align 64 KiB = 16 pages: pfn 0x60000 is aligned but reserved, the
	 * next step is pfn 0x60010. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x10000, 0, 0, 0),
			 BASE + 0x10000);
	/* Non-power-of-two alignment is refused. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x1000,
					    0x3000, 0, 0,
					    BOOTMEM_ALLOC_NOPANIC),
			 0);
}

static void test_limit(void **state)
{
	struct fixture *f = *state;

	free_all_but_first(f);
	/* Limit 0x60003000: the window is pfns 0x60000 .. 0x60002, free pages
	 * 1 and 2 only: three pages do not fit, two do. */
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x3000,
					    0x1000, 0, BASE + 0x3000,
					    BOOTMEM_ALLOC_NOPANIC),
			 0);
	assert_int_equal(bootmem_alloc_phys(&f->bm, MB_NUMA_NO_NODE, 0x2000,
					    0x1000, 0, BASE + 0x3000, 0),
			 BASE + 0x1000);
	/* _low on arm32: ARCH_LOW_ADDRESS_LIMIT 0xffffffff is no limit. */
	assert_non_null(alloc_bootmem_low_pages(&f->bm, 0x1000));
}

static void test_panic_and_nopanic(void **state)
{
	struct fixture *f = *state;
	struct harness *h = f->h;

	/* Everything reserved: nothing fits. */
	assert_null(alloc_bootmem_nopanic(&f->bm, 64));
	assert_null(alloc_bootmem_low_pages_nopanic(&f->bm, 0x1000));
	assert_null(__alloc_bootmem_node_nopanic(&f->bm, 0, 64, 64, 0));
	H_EXPECT_PANIC(h, alloc_bootmem(&f->bm, 4096));
	assert_true(h->panicked);
	assert_string_equal(h->panic_msg, "Out of memory");
	assert_true(h_printed(h, "bootmem alloc of 4096 bytes failed!"));
	H_EXPECT_PANIC(h, alloc_bootmem_node(&f->bm, 0, 100));
	assert_true(h->panicked);
	H_EXPECT_PANIC(h, alloc_bootmem_low(&f->bm, 100));
	assert_true(h->panicked);
}

/* Two nodes: node 0 = pfns 0x60000..0x607ff, node 1 = 0x60800..0x60fff. */
static void test_nodes(void **state)
{
	struct fixture *f = *state;
	static uint8_t map0[256], map1[256];
	struct bootmem *bm = &f->bm;

	assert_int_equal(bootmem_init(bm, &f->h->mb, BOOTMEM_BACKEND_BITMAP),
			 0);
	assert_int_equal(bootmem_init_node(bm, 0, 0, PFN0, PFN0 + 0x800, map0,
					   sizeof(map0)),
			 256);
	assert_int_equal(bootmem_init_node(bm, 1, 0, PFN0 + 0x800,
					   PFN0 + 0x1000, map1, sizeof(map1)),
			 256);
	/* One free_bootmem across both nodes. */
	assert_int_equal(bootmem_free(bm, BASE, SIZE), 0);
	/* Node 1 preferred: its first page. */
	assert_ptr_equal(alloc_bootmem_pages_node(bm, 1, 0x1000),
			 f->h->arena + 0x800000);
	/* Any node: the lowest node first. */
	assert_ptr_equal(alloc_bootmem_pages(bm, 0x1000), f->h->arena);
	/* Node 0 full: node 0 requests fall back to the other node. */
	assert_int_equal(bootmem_reserve_node(bm, 0, BASE, 0x800000, 0), 0);
	assert_ptr_equal(alloc_bootmem_pages_node(bm, 0, 0x1000),
			 f->h->arena + 0x801000);
	/* _node_high and _low_node behave as node requests here. */
	assert_ptr_equal(__alloc_bootmem_node_high(bm, 1, 0x1000, 0x1000, 0),
			 f->h->arena + 0x802000);
	assert_ptr_equal(alloc_bootmem_low_pages_node(bm, 1, 0x1000),
			 f->h->arena + 0x803000);
	/* Node-restricted free/reserve: a range of the other node fails. */
	assert_int_equal(bootmem_free_node(bm, 0, BASE + 0x900000, 0x1000),
			 -MB_EINVAL);
	assert_int_equal(bootmem_free_node(bm, 1, BASE + 0x900000, 0x1000),
			 -MB_EINVAL); /* still free: double free refused */
	assert_int_equal(
		bootmem_reserve_node(bm, 1, BASE + 0x900000, 0x1000, 0), 0);
	assert_int_equal(bootmem_free_node(bm, 1, BASE + 0x900000, 0x1000), 0);
	assert_int_equal(bootmem_free_node(bm, 5, BASE, 0x1000), -MB_EINVAL);
}

struct sink {
	unsigned long pfn[256];
	unsigned order[256];
	int n;
};

static void record(void *ctx, unsigned long pfn, unsigned order)
{
	struct sink *s = ctx;

	if (s->n < 256) {
		s->pfn[s->n] = pfn;
		s->order[s->n] = order;
	}
	s->n++;
}

/*
 * free_all_bootmem on a 256-page node (pfns 0x60000..0x600ff), map in pfn
 * 0x600ff (one page). Free: 0x60000..0x6003f (two whole 32-bit words),
 * 0x60041, 0x60045..0x6005f (27 pages). Expected: two order-5 blocks, then
 * 1 + 27 single pages, then the map page: 64 + 1 + 27 + 1 = 93 pages.
 */
static void test_free_all(void **state)
{
	struct fixture *f = *state;
	struct bootmem *bm = &f->bm;
	static uint8_t map[32];
	struct sink s = {0};

	assert_int_equal(bootmem_init(bm, &f->h->mb, BOOTMEM_BACKEND_BITMAP),
			 0);
	assert_int_equal(bootmem_init_node(bm, 0, PFN0 + 0xff, PFN0,
					   PFN0 + 0x100, map, sizeof(map)),
			 32);
	assert_int_equal(bootmem_free(bm, BASE, 0x40000), 0);
	assert_int_equal(bootmem_free(bm, BASE + 0x41000, 0x1000), 0);
	assert_int_equal(bootmem_free(bm, BASE + 0x45000, 27 * 0x1000), 0);
	assert_int_equal(free_all_bootmem(bm, 0, record, &s), 93);
	assert_int_equal(s.n, 2 + 1 + 27 + 1);
	assert_int_equal(s.pfn[0], PFN0);
	assert_int_equal(s.order[0], 5);
	assert_int_equal(s.pfn[1], PFN0 + 0x20);
	assert_int_equal(s.order[1], 5);
	assert_int_equal(s.pfn[2], PFN0 + 0x41);
	assert_int_equal(s.order[2], 0);
	for (int i = 0; i < 27; i++) {
		assert_int_equal(s.pfn[3 + i], PFN0 + 0x45 + i);
		assert_int_equal(s.order[3 + i], 0);
	}
	assert_int_equal(s.pfn[30], PFN0 + 0xff);
	assert_int_equal(s.order[30], 0);
	/* Once only; the allocator is gone afterwards. */
	assert_int_equal(free_all_bootmem(bm, 0, record, &s), 0);
	assert_null(alloc_bootmem_nopanic(bm, 64));
}

/* 64-bit longs (x86_64 profile): a node of 160 pages at pfn 0x100, all
 * free: 0x100 and 0x140 go as order-6 blocks (64 pages each), the last 32
 * pages (not a whole word) one by one, then the map page: 161. */
static void test_free_all_64bit_words(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_x86_64, 0, 0);
	struct bootmem bm;
	static uint8_t map[24];
	struct sink s = {0};

	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_BITMAP), 0);
	/* 160 bits = 20 bytes -> 24 (8-byte longs). */
	assert_int_equal(
		bootmem_init_node(&bm, 0, 0x50, 0x100, 0x1a0, map, sizeof(map)),
		24);
	assert_int_equal(bootmem_free(&bm, 0x100000, 160 * 0x1000), 0);
	assert_int_equal(free_all_bootmem(&bm, 0, record, &s), 161);
	assert_int_equal(s.n, 2 + 32 + 1);
	assert_int_equal(s.pfn[0], 0x100);
	assert_int_equal(s.order[0], 6);
	assert_int_equal(s.pfn[1], 0x140);
	assert_int_equal(s.order[1], 6);
	assert_int_equal(s.pfn[2], 0x180);
	assert_int_equal(s.order[2], 0);
	assert_int_equal(s.pfn[34], 0x50);
	h_free(h);
}

/*
 * _node_high on x86_64 (DMA32 ends at 4 GiB): a node of pfns 0x100 ..
 * 0x14ffff (to 5.25 GiB) ends more than 128 MiB above 4 GiB, so a request
 * with a goal below 4 GiB is first tried at 4 GiB: 0x100000000. A plain
 * node request (goal 0, made first) takes the first free page, 0x100000.
 */
static void test_node_high(void **state)
{
	(void)state;
	static uint8_t map[0x150000 / 8];
	struct harness *h = h_new(&mb_profile_x86_64, 0, 0);
	struct bootmem bm;

	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_BITMAP), 0);
	assert_true(bootmem_init_node(&bm, 0, 0x100, 0x100, 0x150000, map,
				      sizeof(map)) > 0);
	assert_int_equal(bootmem_free(&bm, 0x100000, 0x150000000ULL - 0x100000),
			 0);
	/* Plain node request first (goal 0): the first free page. */
	assert_int_equal(bootmem_alloc_phys(&bm, 0, 0x1000, 0x1000, 0, 0,
					    BOOTMEM_ALLOC_NODE),
			 0x100000);
	assert_int_equal(
		bootmem_alloc_phys(&bm, 0, 0x1000, 0x1000, 0x1000000, 0,
				   BOOTMEM_ALLOC_NODE | BOOTMEM_ALLOC_HIGH),
		0x100000000ULL);
	/* Through the kernel-named entry: the next page up there. */
	assert_int_equal(
		(uintptr_t)__alloc_bootmem_node_high(&bm, 0, 0x1000, 0x1000, 0),
		0x100001000ULL);
	h_free(h);
}

static void test_init_single_and_errors(void **state)
{
	struct fixture *f = *state;
	struct bootmem bm;
	uint8_t small[4];

	/* init_bootmem(start, pages): node 0 covers pfns [0, pages). */
	assert_int_equal(bootmem_init(&bm, &f->h->mb, BOOTMEM_BACKEND_BITMAP),
			 0);
	assert_int_equal(bootmem_init_single(&bm, PFN0, 64, NULL, 0), 8);
	assert_int_equal(bm.node[0].node_min_pfn, 0);
	assert_int_equal(bm.node[0].node_low_pfn, 64);
	/* Without a buffer the map went through phys_to_virt (the arena). */
	assert_ptr_equal(bm.node[0].map, f->h->arena);
	/* Unmapped bitmap pfn and no buffer: refused. */
	assert_int_equal(bootmem_init_node(&bm, 1, 0x100, 0, 64, NULL, 0),
			 -MB_EINVAL);
	/* Buffer too small: 64 pages need 8 bytes. */
	assert_int_equal(
		bootmem_init_node(&bm, 1, 0, 0, 64, small, sizeof(small)),
		-MB_EINVAL);
	/* The shim has no nodes to initialise. */
	assert_int_equal(bootmem_init(&bm, &f->h->mb, BOOTMEM_BACKEND_MEMBLOCK),
			 0);
	assert_int_equal(bootmem_init_node(&bm, 0, 0, 0, 64, small, 8),
			 -MB_EINVAL);
}

/*
 * bootmem_arm_init with a reservation wholly below RAM (keystone's
 * reserved-memory at 0x81f800000 becomes 0x1f800000 on a 32-bit profile):
 * the walk must go on to the reservations above it, or the kernel image
 * would be handed out. Kernel image [0x60100000, 0x60300000): pfns 0x60100
 * .. 0x602ff reserved, 0x60300 free.
 */
static void test_arm_init_reservation_below_ram(void **state)
{
	struct harness *h = h_new(&mb_profile_arm32, BASE, SIZE);
	struct bootmem bm;
	static uint8_t map[NPAGES / 8];

	(void)state;
	assert_int_equal(mb_add(&h->mb, BASE, SIZE), 0);
	assert_int_equal(mb_reserve(&h->mb, 0x1f800000, 0x800000), 0);
	assert_int_equal(mb_reserve(&h->mb, BASE + 0x100000, 0x200000), 0);
	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_BITMAP), 0);
	assert_int_equal(bootmem_arm_init(&bm, BASE + SIZE, map, sizeof(map)),
			 0);
	assert_false(bootmem_is_reserved(&bm, PFN0 + 0xff));
	assert_true(bootmem_is_reserved(&bm, PFN0 + 0x100));
	assert_true(bootmem_is_reserved(&bm, PFN0 + 0x2ff));
	assert_false(bootmem_is_reserved(&bm, PFN0 + 0x300));
	h_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bootmap_pages, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_init_all_reserved, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_free_rounds_inward, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_reserve_rounds_outward,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_reserve_exclusive, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_subpage_packing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_zeroed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_goal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hint_wraps, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_alignment_steps, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_panic_and_nopanic, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_nodes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_free_all, setup, teardown),
		cmocka_unit_test(test_free_all_64bit_words),
		cmocka_unit_test(test_node_high),
		cmocka_unit_test(test_arm_init_reservation_below_ram),
		cmocka_unit_test_setup_teardown(test_init_single_and_errors,
						setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
