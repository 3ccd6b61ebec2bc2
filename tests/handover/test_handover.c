/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The whole hand-over on the seed's board (128 MiB at 0x60000000, the
 * seed's three reservations), through both bootmem back ends: the printed
 * lines, the mem_map request, and the same boot run both ways with the
 * buddy allocator checked against a page model computed here.
 * No host backing: the simulator's situation (bitmap in a lent buffer,
 * pointers carrying physical addresses).
 */
#include <memblock/handover.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

#define BASE   0x60000000ULL
#define SIZE   0x08000000ULL
#define PFN0   0x60000ul
#define NPAGES 32768ul

/* The seed log's reservations (before the allocations). */
static const mb_phys_t seed_res[3][2] = {
	{0x60004000, 0x4000},	/* [0x60004000-0x60007fff] page tables */
	{0x60100000, 0x996fb4}, /* [0x60100000-0x60a96fb3] kernel */
	{0x64000000, 0xc14a},	/* [0x64000000-0x6400c149] DTB */
};

static struct buddy_page pages[NPAGES];
static uint8_t bitmap_buf[4096];

static struct harness *seed_board(const struct mb_profile *p)
{
	struct harness *h = h_new(p, 0, 0);

	assert_int_equal(mb_add(&h->mb, BASE, SIZE), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(
			mb_reserve(&h->mb, seed_res[i][0], seed_res[i][1]), 0);
	return h;
}

static void new_buddy(struct harness *h, struct buddy *b)
{
	assert_int_equal(buddy_init(b, &h->mb.profile, NULL, PFN0,
				    PFN0 + NPAGES, pages, NPAGES),
			 0);
}

static void check_buddy(const struct buddy *b)
{
	const char *what = NULL;

	if (buddy_check(b, &what))
		fail_msg("buddy_check: %s", what);
}

/* Pages touched by the seed reservations: [0x60004, 0x60008) = 4,
 * [0x60100, 0x60a97) = 2455, [0x64000, 0x6400d) = 13: 2472 pages. */
#define SEED_RESERVED_PAGES (4ul + 2455ul + 13ul)

/*
 * 6.1 on the vexpress board (memblock back end): the mem_map request is
 * the log's line; 1179648 bytes = 288 pages at the top of RAM. Released:
 * 32768 - 2472 - 288 = 30008 pages = 120032K; reserved = 32768 - 30008 =
 * 2760 pages = 11040K (no CMA here).
 */
static void test_run_memblock_6x(void **state)
{
	(void)state;
	struct harness *h = seed_board(&mb_profile_arm32);
	struct mb_handover_info info = {
		.sizes = {11264, 1700, 3732, 2048, 377},
		.alloc_mem_map = true,
		.mem_map_caller = "free_area_init+0x948/0xe20",
	};
	struct mb_handover_result res;
	struct buddy b;

	mb_set_debug(&h->mb, true);
	new_buddy(h, &b);
	assert_int_equal(mb_handover_run(&h->mb, &b, BOOTMEM_BACKEND_MEMBLOCK,
					 &info, &res),
			 0);
	/* arm_vexpress_128M.log, verbatim (without the timestamp). */
	assert_true(h_printed(h, "memblock_alloc_try_nid_raw: 1179648 bytes "
				 "align=0x40 nid=0 from=0x00000000 "
				 "max_addr=0x00000000 "
				 "free_area_init+0x948/0xe20"));
	assert_true(h_printed(h, "Built 1 zonelists, mobility grouping on.  "
				 "Total pages: 32480"));
	assert_true(mb_is_region_reserved(&h->mb, 0x67ee0000, 0x120000));
	assert_int_equal(res.mem_map_bytes, 1179648);
	assert_int_equal(res.total_pages, 32480);
	assert_int_equal(res.released, NPAGES - SEED_RESERVED_PAGES - 288);
	assert_int_equal(res.released, 30008);
	assert_int_equal(b.free_pages, 30008);
	assert_true(h_printed(h, "Memory: 120032K/131072K available (11264K "
				 "kernel code, 1700K rwdata, 3732K rodata, "
				 "2048K init, 377K bss, 11040K reserved, 0K "
				 "cma-reserved, 0K highmem)"));
	check_buddy(&b);
	h_free(h);
}

/* The seed (4.x, 32-byte struct page) through the bitmap back end: the
 * bitmap (32768 bits = 4096 bytes = 1 page) from memblock at the top of
 * lowmem, 0x67fff000; mem_map 1048576 bytes (256 pages) from bootmem,
 * bottom-up first fit: not before 0x60004 (4 pages), not in 0x60008..
 * 0x600ff (248), so at 0x60a97000. Released: every page but the
 * reservations and the mem_map, the bitmap page included:
 * 32768 - 2472 - 256 = 30040. Total pages 32768 - 256 = 32512. */
static void test_run_bitmap_seed(void **state)
{
	(void)state;
	struct mb_profile p = mb_profile_arm32;

	p.page_struct_size = 32;
	struct harness *h = seed_board(&p);
	struct mb_handover_info info = {
		.alloc_mem_map = true,
		.bitmap_buf = bitmap_buf,
		.bitmap_buf_len = sizeof(bitmap_buf),
	};
	struct mb_handover_result res;
	struct buddy b;

	h->mb.style = MB_STYLE_LINUX_4;
	new_buddy(h, &b);
	assert_int_equal(mb_handover_run(&h->mb, &b, BOOTMEM_BACKEND_BITMAP,
					 &info, &res),
			 0);
	assert_int_equal(res.bootmem.node[0].bitmap_pfn, 0x67fff);
	assert_int_equal(res.bootmem.node[0].map_pages, 1);
	assert_true(h_printed(h, "Built 1 zonelists, mobility grouping on.  "
				 "Total pages: 32512"));
	assert_int_equal(res.released, 30040);
	assert_int_equal(b.free_pages, 30040);
	/* mem_map at 0x60a97..0x60b96 was not released; 0x60b97 was. */
	assert_int_equal(pages[0x60a97 - PFN0].state, BUDDY_PAGE_RESERVED);
	assert_int_equal(pages[0x60b96 - PFN0].state, BUDDY_PAGE_RESERVED);
	assert_int_equal(pages[0x60b97 - PFN0].state, BUDDY_PAGE_FREE);
	/* The bitmap's own page was released last. */
	assert_int_equal(pages[0x67fff - PFN0].state, BUDDY_PAGE_FREE);
	check_buddy(&b);
	h_free(h);
}

/* The same 4.x seed through the memblock back end: 32512 as well, and
 * the same 30040 released pages (mem_map 256 pages at the top instead). */
static void test_run_memblock_seed(void **state)
{
	(void)state;
	struct mb_profile p = mb_profile_arm32;

	p.page_struct_size = 32;
	struct harness *h = seed_board(&p);
	struct mb_handover_info info = {.alloc_mem_map = true};
	struct mb_handover_result res;
	struct buddy b;

	h->mb.style = MB_STYLE_LINUX_4;
	new_buddy(h, &b);
	assert_int_equal(mb_handover_run(&h->mb, &b, BOOTMEM_BACKEND_MEMBLOCK,
					 &info, &res),
			 0);
	assert_true(h_printed(h, "Built 1 zonelists, mobility grouping on.  "
				 "Total pages: 32512"));
	assert_true(mb_is_region_reserved(&h->mb, 0x67f00000, 0x100000));
	assert_int_equal(res.released, 30040);
	check_buddy(&b);
	h_free(h);
}

/* ---- the same boot through both back ends ---- */

struct alloc_rec {
	mb_phys_t addr, size;
};

/* A mix like the seed's early allocations: small (packed), page sized,
 * aligned, low, node requests. */
static int do_allocs(struct bootmem *bm, struct alloc_rec *rec)
{
	static const mb_phys_t small[] = {100, 78,   78,  78,  16, 32, 4,   4,
					  128, 69,   384, 388, 60, 69, 768, 772,
					  120, 3000, 200, 27,  27, 27, 24};
	int n = 0;

#define REC(expr, sz)                                                          \
	do {                                                                   \
		rec[n].addr = (mb_phys_t)(uintptr_t)(expr);                    \
		rec[n].size = (sz);                                            \
		n++;                                                           \
	} while (0)
	for (size_t i = 0; i < sizeof(small) / sizeof(small[0]); i++)
		REC(alloc_bootmem(bm, small[i]), small[i]);
	REC(alloc_bootmem_pages(bm, 0x1000), 0x1000);
	REC(alloc_bootmem_pages(bm, 0x3000), 0x3000);
	REC(__alloc_bootmem(bm, 0x40000, 0x1000, 0xdfffffff), 0x40000);
	REC(__alloc_bootmem(bm, 0x10000, 0x10000, 0), 0x10000);
	REC(alloc_bootmem_low(bm, 512), 512);
	REC(alloc_bootmem_node(bm, 0, 0x1800), 0x1800);
	REC(alloc_bootmem_pages_node(bm, 0, 0x2000), 0x2000);
	REC(alloc_bootmem_low_pages(bm, 0x1000), 0x1000);
	REC(__alloc_bootmem_nopanic(bm, 0x100000, 0x100000, 0), 0x100000);
#undef REC
	return n;
}

static bool overlaps(mb_phys_t a, mb_phys_t as, mb_phys_t b, mb_phys_t bs)
{
	return a < b + bs && b < a + as;
}

static void same_boot(enum bootmem_backend backend)
{
	struct harness *h = seed_board(&mb_profile_arm32);
	struct mb_handover_info info = {
		.bitmap_buf = bitmap_buf,
		.bitmap_buf_len = sizeof(bitmap_buf),
		.quiet = true,
	};
	struct mb_handover_result res;
	struct alloc_rec rec[64];
	static bool used[NPAGES];
	struct buddy b;
	int n;

	assert_int_equal(mb_handover_begin(&h->mb, backend, &info, &res), 0);
	n = do_allocs(&res.bootmem, rec);

	/* Every allocation succeeded, inside RAM, no overlaps, none on a
	 * reservation of the initial state (nor on the bitmap). */
	for (int i = 0; i < n; i++) {
		assert_true(rec[i].addr >= BASE);
		assert_true(rec[i].addr + rec[i].size <= BASE + SIZE);
		for (int j = 0; j < i; j++)
			assert_false(overlaps(rec[i].addr, rec[i].size,
					      rec[j].addr, rec[j].size));
		for (int r = 0; r < 3; r++)
			assert_false(overlaps(rec[i].addr, rec[i].size,
					      seed_res[r][0], seed_res[r][1]));
		if (backend == BOOTMEM_BACKEND_BITMAP)
			assert_false(overlaps(rec[i].addr, rec[i].size,
					      0x67fff000, 0x1000));
	}

	/* The page model: a page is not released when any reservation or
	 * allocation touches it. The bitmap back end's own map page is
	 * released last, so it counts as free. */
	memset(used, 0, sizeof(used));
	for (int r = 0; r < 3; r++)
		for (mb_phys_t a = seed_res[r][0] & ~0xfffULL;
		     a < seed_res[r][0] + seed_res[r][1]; a += 0x1000)
			used[(a >> 12) - PFN0] = true;
	for (int i = 0; i < n; i++)
		for (mb_phys_t a = rec[i].addr & ~0xfffULL;
		     a < rec[i].addr + rec[i].size; a += 0x1000)
			used[(a >> 12) - PFN0] = true;
	unsigned long expect = 0;

	for (unsigned long i = 0; i < NPAGES; i++)
		expect += !used[i];
	if (backend == BOOTMEM_BACKEND_MEMBLOCK) {
		/* Cross-check with the final reserved table itself. */
		unsigned long from_table = 0;

		for (unsigned long pfn = PFN0; pfn < PFN0 + NPAGES; pfn++) {
			bool hit = false;

			for (unsigned long r = 0; r < h->mb.reserved.cnt; r++)
				hit |= overlaps((mb_phys_t)pfn << 12, 0x1000,
						h->mb.reserved.regions[r].base,
						h->mb.reserved.regions[r].size);
			from_table += !hit;
		}
		assert_int_equal(from_table, expect);
	}

	new_buddy(h, &b);
	assert_int_equal(mb_handover_finish(&h->mb, &b, &info, &res), 0);
	assert_int_equal(res.released, expect);
	assert_int_equal(b.free_pages, expect);
	assert_int_equal(b.bad_releases, 0);
	check_buddy(&b);

	/* Exhaust the allocator page by page: only model-free pages come
	 * out, each once; then give everything back. */
	static unsigned long got[NPAGES];
	unsigned long k = 0, pfn;

	while ((pfn = buddy_alloc_pages(&b, BUDDY_ZONES_ALL, 0)) !=
	       BUDDY_NO_PAGE) {
		assert_true(pfn >= PFN0 && pfn < PFN0 + NPAGES);
		assert_false(used[pfn - PFN0]);
		used[pfn - PFN0] = true; /* catches a page handed out twice */
		got[k++] = pfn;
	}
	assert_int_equal(k, expect);
	assert_int_equal(b.free_pages, 0);
	for (unsigned long i = 0; i < k; i++)
		assert_int_equal(buddy_free_pages(&b, got[i], 0), 0);
	assert_int_equal(b.free_pages, expect);
	check_buddy(&b);
	h_free(h);
}

static void test_same_boot_memblock(void **state)
{
	(void)state;
	same_boot(BOOTMEM_BACKEND_MEMBLOCK);
}

static void test_same_boot_bitmap(void **state)
{
	(void)state;
	same_boot(BOOTMEM_BACKEND_BITMAP);
}

/* 1 GiB vexpress: HighMem from 0x90000000 (65536 pages) is released page
 * by page after the lowmem hand-over and counted in the highmem field. */
static void test_highmem_release(void **state)
{
	(void)state;
	static struct buddy_page big[262144];
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);
	struct mb_handover_info info = {.quiet = true};
	struct mb_handover_result res;
	struct buddy b;

	assert_int_equal(mb_add(&h->mb, 0x60000000, 0x40000000), 0);
	/* 16 pages reserved in HighMem, 4 in lowmem. */
	assert_int_equal(mb_reserve(&h->mb, 0x90000000, 0x10000), 0);
	assert_int_equal(mb_reserve(&h->mb, 0x60000000, 0x4000), 0);
	assert_int_equal(buddy_init(&b, &h->mb.profile, NULL, 0x60000, 0xa0000,
				    big, 262144),
			 0);
	assert_int_equal(mb_handover_run(&h->mb, &b, BOOTMEM_BACKEND_MEMBLOCK,
					 &info, &res),
			 0);
	assert_int_equal(res.released_highmem, 65536 - 16);
	assert_int_equal(res.released, 262144 - 16 - 4);
	assert_int_equal(buddy_zone_free(&b, BUDDY_ZONE_HIGHMEM), 65536 - 16);
	assert_int_equal(buddy_zone_free(&b, BUDDY_ZONE_NORMAL), 196608 - 4);
	check_buddy(&b);
	h_free(h);
}

/* A mem_map that cannot fit: 128 MiB of RAM all reserved but the last
 * page; the 1179648-byte mem_map fails and the run says so. */
static void test_mem_map_enomem(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);
	struct mb_handover_info info = {.alloc_mem_map = true, .quiet = true};
	struct mb_handover_result res;
	struct buddy b;

	assert_int_equal(mb_add(&h->mb, BASE, SIZE), 0);
	assert_int_equal(mb_reserve(&h->mb, BASE, SIZE - 0x1000), 0);
	new_buddy(h, &b);
	assert_int_equal(mb_handover_run(&h->mb, &b, BOOTMEM_BACKEND_MEMBLOCK,
					 &info, &res),
			 -MB_ENOMEM);
	assert_int_equal(b.free_pages, 0);
	h_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run_memblock_6x),
		cmocka_unit_test(test_run_bitmap_seed),
		cmocka_unit_test(test_run_memblock_seed),
		cmocka_unit_test(test_same_boot_memblock),
		cmocka_unit_test(test_same_boot_bitmap),
		cmocka_unit_test(test_highmem_release),
		cmocka_unit_test(test_mem_map_enomem),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
