/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * "Total pages: P", the mem_map size and the Memory: line against the seed
 * and the real 6.1 logs in ../shared/logs. Memory layouts are the logs'
 * "Early memory node ranges" / memblock dumps; arithmetic in comments.
 */
#include <memblock/handover.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

static unsigned long total(struct harness *h, unsigned long dma_reserve,
			   mb_phys_t lowmem_end, unsigned *nodes)
{
	struct buddy_zone_bounds zb;

	mb_handover_zone_bounds(&h->mb, lowmem_end, &zb);
	return mb_handover_total_pages(&h->mb, &zb, dma_reserve, nodes);
}

/* Seed (4.x, 32-byte struct page): 128 MiB = 32768 pages, mem_map
 * 32768 * 32 / 4096 = 256 pages: 32768 - 256 = 32512. */
static void test_seed_32512(void **state)
{
	(void)state;
	struct mb_profile p = mb_profile_arm32;
	unsigned nodes;

	p.page_struct_size = 32;
	struct harness *h = h_new(&p, 0, 0);
	assert_int_equal(mb_add(&h->mb, 0x60000000, 0x08000000), 0);
	assert_int_equal(total(h, 0, 0, &nodes), 32512);
	assert_int_equal(nodes, 1);
	/* The seed's "memblock_virt_alloc_try_nid_nopanic: 1048576 bytes". */
	assert_int_equal(mb_handover_mem_map_bytes(&h->mb, 0), 1048576);
	h_free(h);
}

/* arm_vexpress_128M.log: 36-byte records, 32768 * 36 = 1179648 bytes =
 * 288 pages: 32768 - 288 = 32480. */
static void test_vexpress_128M_32480(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);

	assert_int_equal(mb_add(&h->mb, 0x60000000, 0x08000000), 0);
	assert_int_equal(total(h, 0, 0, NULL), 32480);
	assert_int_equal(mb_handover_mem_map_bytes(&h->mb, 0), 1179648);
	h_free(h);
}

/* arm_vexpress_1G_smp4.log: lowmem 0x60000000-0x8fffffff = 196608 pages,
 * mem_map 196608 * 36 / 4096 = 1728; HighMem 65536 pages, no mem_map
 * charge: 196608 - 1728 + 65536 = 260416. mem_map of the whole node:
 * 262144 * 36 = 9437184 bytes. */
static void test_vexpress_1G_highmem(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);

	assert_int_equal(mb_add(&h->mb, 0x60000000, 0x40000000), 0);
	assert_int_equal(total(h, 0, 0x90000000, NULL), 260416);
	assert_int_equal(mb_handover_mem_map_bytes(&h->mb, 0), 9437184);
	h_free(h);
}

/* arm_vexpress_512M_mem256M_cma.log: 65536 pages, 65536 * 36 = 2359296
 * bytes = 576 pages: 64960. arm_virt_512M_smp1.log (RAM at 0x40000000):
 * 131072 * 36 = 4718592 bytes = 1152 pages: 129920. */
static void test_arm32_other_boards(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);

	assert_int_equal(mb_add(&h->mb, 0x60000000, 0x10000000), 0);
	assert_int_equal(total(h, 0, 0, NULL), 64960);
	assert_int_equal(mb_handover_mem_map_bytes(&h->mb, 0), 2359296);
	h_free(h);
	h = h_new(&mb_profile_arm32, 0, 0);
	assert_int_equal(mb_add(&h->mb, 0x40000000, 0x20000000), 0);
	assert_int_equal(total(h, 0, 0x70000000, NULL), 129920);
	assert_int_equal(mb_handover_mem_map_bytes(&h->mb, 0), 4718592);
	h_free(h);
}

/* arm64 (64-byte records, one DMA zone below 4 GiB):
 *  512M: 131072 - 131072*64/4096 (2048) = 129024;
 *  1G: 262144 - 4096 = 258048;
 *  2G in two nodes: 2 * (262144 - 4096) = 516096, "Built 2 zonelists";
 *  EFI 1G: RAM 0x04000000-0x07ffffff (16384 pages) + 1G (262144): present
 *  278528, spanned 0x4000..0x7ffff = 507904 > present * 17/16 (295936), so
 *  the sparse mem_map counts present pages: 278528 * 64 / 4096 = 4352;
 *  278528 - 4352 = 274176. */
static void test_arm64_logs(void **state)
{
	(void)state;
	unsigned nodes;
	struct harness *h = h_new(&mb_profile_arm64, 0, 0);

	assert_int_equal(mb_add(&h->mb, 0x40000000, 0x20000000), 0);
	assert_int_equal(total(h, 0, 0, NULL), 129024);
	h_free(h);

	h = h_new(&mb_profile_arm64, 0, 0);
	assert_int_equal(mb_add(&h->mb, 0x40000000, 0x40000000), 0);
	assert_int_equal(total(h, 0, 0, NULL), 258048);
	h_free(h);

	h = h_new(&mb_profile_arm64, 0, 0);
	assert_int_equal(mb_add_node(&h->mb, 0x40000000, 0x40000000, 0, 0), 0);
	assert_int_equal(mb_add_node(&h->mb, 0x80000000, 0x40000000, 1, 0), 0);
	assert_int_equal(total(h, 0, 0, &nodes), 516096);
	assert_int_equal(nodes, 2);
	h_free(h);

	h = h_new(&mb_profile_arm64, 0, 0);
	assert_int_equal(mb_add(&h->mb, 0x04000000, 0x04000000), 0);
	assert_int_equal(mb_add(&h->mb, 0x40000000, 0x40000000), 0);
	assert_int_equal(mb_handover_present_pages(&h->mb), 278528);
	assert_int_equal(total(h, 0, 0, NULL), 274176);
	h_free(h);
}

/* The x86 first MiB is reserved (6.1 reserves all of it); with memory
 * from 0x1000 the DMA zone has 158 + 3840 = 3998 pages, 3840 free:
 * dma_reserve = 3998 - 3840 = 158. */
static struct harness *x86_base(void)
{
	struct harness *h = h_new(&mb_profile_x86_64, 0, 0);

	assert_int_equal(mb_add(&h->mb, 0x1000, 0x9e000), 0);
	assert_int_equal(mb_reserve(&h->mb, 0, 0x100000), 0);
	return h;
}

/* x86_512M.log: DMA spanned 4095 (pfn 1..4095) * 64 / 4096 -> 64 pages;
 * DMA32 0x1000..0x1ffdf = 126944 pages, mem_map 1983.5 -> 1984.
 * (3998 - 64 - 158) + (126944 - 1984) = 128736. */
static void test_x86_512M(void **state)
{
	(void)state;
	struct harness *h = x86_base();

	assert_int_equal(mb_add(&h->mb, 0x100000, 0x1ffe0000 - 0x100000), 0);
	unsigned long r = mb_handover_x86_dma_reserve(&h->mb);
	assert_int_equal(r, 158);
	assert_int_equal(mb_handover_present_pages(&h->mb), 130942);
	assert_int_equal(total(h, r, 0, NULL), 128736);
	h_free(h);
}

/* x86_4G_smp4.log: DMA 3776 as above; DMA32 0x1000..0xbffdf = 782304
 * present of 1044480 spanned (> 17/16 of present: sparse, present counts):
 * 782304 / 64 = 12223.5 -> 12224; Normal 262144 - 4096.
 * 3776 + 770080 + 258048 = 1031904. */
static void test_x86_4G(void **state)
{
	(void)state;
	struct harness *h = x86_base();

	assert_int_equal(mb_add(&h->mb, 0x100000, 0xbffe0000 - 0x100000), 0);
	assert_int_equal(mb_add(&h->mb, 0x100000000ULL, 0x40000000), 0);
	assert_int_equal(total(h, mb_handover_x86_dma_reserve(&h->mb), 0, NULL),
			 1031904);
	h_free(h);
}

/* x86_2G_numa2_uneven.log: node 0 = DMA (3998, mem_map 64, reserve 158)
 * + DMA32 0x1000..0x1ffff (126976, 1984); node 1 = DMA32 0x20000..0x7ffdf
 * (393184, 6143.5 -> 6144); its DMA zone is empty (no reserve there).
 * 3776 + 124992 + 387040 = 515808, 2 zonelists. */
static void test_x86_numa_uneven(void **state)
{
	(void)state;
	unsigned nodes;
	struct harness *h = h_new(&mb_profile_x86_64, 0, 0);

	assert_int_equal(mb_add_node(&h->mb, 0x1000, 0x9e000, 0, 0), 0);
	assert_int_equal(
		mb_add_node(&h->mb, 0x100000, 0x20000000 - 0x100000, 0, 0), 0);
	assert_int_equal(
		mb_add_node(&h->mb, 0x20000000, 0x7ffe0000 - 0x20000000, 1, 0),
		0);
	assert_int_equal(mb_reserve(&h->mb, 0, 0x100000), 0);
	assert_int_equal(
		total(h, mb_handover_x86_dma_reserve(&h->mb), 0, &nodes),
		515808);
	assert_int_equal(nodes, 2);
	h_free(h);
}

/* x86_1G_memmap.log (memmap= holes): DMA32 present 61440 + 49152 + 61440
 * + 57312 = 229344 of 258016 spanned (> 17/16: present counts): 3583.5 ->
 * 3584. 3776 + 229344 - 3584 = 229536. */
static void test_x86_memmap_holes(void **state)
{
	(void)state;
	struct harness *h = x86_base();

	assert_int_equal(mb_add(&h->mb, 0x100000, 0x10000000 - 0x100000), 0);
	assert_int_equal(mb_add(&h->mb, 0x14000000, 0x0c000000), 0);
	assert_int_equal(mb_add(&h->mb, 0x21000000, 0x0f000000), 0);
	assert_int_equal(mb_add(&h->mb, 0x32000000, 0x3ffe0000 - 0x32000000),
			 0);
	assert_int_equal(total(h, mb_handover_x86_dma_reserve(&h->mb), 0, NULL),
			 229536);
	h_free(h);
}

/* x86_ovmf_1G_smp2.log (UEFI, holes below 16 MiB). DMA: present 159 +
 * 1792 + 3 + 4 + 1792 = 3750 of 4095 spanned (> 3750 + 234: present counts)
 * -> 3750 * 64 / 4096 = 58.6 -> 59. DMA32: present 252581 + 2439 + 1873 =
 * 256893 of 257872 spanned (not holey enough: spanned counts) -> 4029.25 ->
 * 4030. Present 260643 pages = 1042572K as the log's Memory: line says.
 * The log's 254603 leaves dma_reserve = 260643 - 59 - 4030 - 254603 = 1951
 * (the firmware's low reservations; test_logs.c derives the same 1951 with
 * mb_handover_x86_dma_reserve from the log's own tables). */
static void test_x86_ovmf_mixed_sparse(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_x86_64, 0, 0);
	static const mb_phys_t ram[][2] = {
		{0x1000, 0xa0000},	  {0x100000, 0x800000},
		{0x808000, 0x80b000},	  {0x80c000, 0x810000},
		{0x900000, 0x3eaa5000},	  {0x3eb66000, 0x3f4ed000},
		{0x3f7ff000, 0x3ff50000},
	};

	for (size_t i = 0; i < sizeof(ram) / sizeof(ram[0]); i++)
		assert_int_equal(
			mb_add(&h->mb, ram[i][0], ram[i][1] - ram[i][0]), 0);
	assert_int_equal(mb_handover_present_pages(&h->mb), 260643);
	assert_int_equal(total(h, 1951, 0, NULL), 254603);
	assert_int_equal(total(h, 0, 0, NULL), 260643 - 59 - 4030);
	h_free(h);
}

static const struct mb_handover_info vexpress_info = {
	.sizes = {11264, 1700, 3732, 2048, 377},
	.cma_pages = 4096, /* cma-reserved 16384K */
};

/* arm_vexpress_128M.log, last line of the hand-over. reserved =
 * physpages - totalram - cma: 131072K - 93500K - 16384K = 21188K, i.e.
 * 32768 - 23375 - 4096 = 5297 pages. */
static void test_memory_line_128M(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);
	struct mb_handover_result res = {0};
	char line[256];

	res.present_pages = 32768;
	res.released = 23375;
	res.free_pages = 23375;
	res.reserved_pages = 32768 - 23375 - 4096;
	mb_handover_memory_line(&h->mb, &vexpress_info, &res, line,
				sizeof(line));
	assert_string_equal(line,
			    "Memory: 93500K/131072K available (11264K kernel "
			    "code, 1700K rwdata, 3732K rodata, 2048K init, "
			    "377K bss, 21188K reserved, 16384K cma-reserved, "
			    "0K highmem)");
	h_free(h);
}

/* arm_vexpress_1G_smp4.log: 1048576K = 262144 pages; free 1002300K =
 * 250575 pages; 262144 - 250575 - 4096 = 7473 pages = 29892K reserved;
 * 61440 HighMem pages = 245760K. No highmem field without HighMem (x86). */
static void test_memory_line_1G_and_x86(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);
	struct mb_handover_result res = {0};
	char line[256];

	res.present_pages = 262144;
	res.released = 250575;
	res.free_pages = 250575;
	res.released_highmem = 61440;
	res.reserved_pages = 262144 - 250575 - 4096;
	mb_handover_memory_line(&h->mb, &vexpress_info, &res, line,
				sizeof(line));
	assert_string_equal(line,
			    "Memory: 1002300K/1048576K available (11264K "
			    "kernel code, 1700K rwdata, 3732K rodata, 2048K "
			    "init, 377K bss, 29892K reserved, 16384K "
			    "cma-reserved, 245760K highmem)");
	h_free(h);

	/* x86_512M.log: 523768K = 130942 pages, free 213756K = 53439 pages,
	 * reserved 63644K = 15911 pages, so totalram = 130942 - 15911 =
	 * 115031 pages (> free: later allocations, deferred init). */
	const struct mb_handover_info x86 = {
		.sizes = {14343, 2338, 9132, 2824, 17344}};
	h = h_new(&mb_profile_x86_64, 0, 0);
	memset(&res, 0, sizeof(res));
	res.present_pages = 130942;
	res.free_pages = 53439;
	res.released = 115031;
	res.reserved_pages = 130942 - 115031;
	mb_handover_memory_line(&h->mb, &x86, &res, line, sizeof(line));
	assert_string_equal(line, "Memory: 213756K/523768K available (14343K "
				  "kernel code, 2338K rwdata, 9132K rodata, "
				  "2824K init, 17344K bss, 63644K reserved, 0K "
				  "cma-reserved)");
	h_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_32512),
		cmocka_unit_test(test_vexpress_128M_32480),
		cmocka_unit_test(test_vexpress_1G_highmem),
		cmocka_unit_test(test_arm32_other_boards),
		cmocka_unit_test(test_arm64_logs),
		cmocka_unit_test(test_x86_512M),
		cmocka_unit_test(test_x86_4G),
		cmocka_unit_test(test_x86_numa_uneven),
		cmocka_unit_test(test_x86_memmap_holes),
		cmocka_unit_test(test_x86_ovmf_mixed_sparse),
		cmocka_unit_test(test_memory_line_128M),
		cmocka_unit_test(test_memory_line_1G_and_x86),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
