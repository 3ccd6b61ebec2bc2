/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Linux face, used the way kernel code (and Linux's own
 * tools/testing/memblock) uses memblock: through the global `memblock`, the
 * kernel function names and every for_each_* macro, sometimes poking the
 * tables directly. Every expected value is computed by hand in a comment.
 * Built with -Wall -Wextra -Werror like everything else.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <memblock/linux.h>

#define SZ_4K 0x1000ULL
#define SZ_1M 0x100000ULL

/* Host memory standing in for physical [0, 16 MiB). */
#define HOST_SIZE (16 * SZ_1M)
static unsigned char *host;

static void *p2v(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	return phys < HOST_SIZE ? host + phys : NULL;
}

static mb_phys_t v2p(void *ctx, const void *virt)
{
	(void)ctx;
	return (mb_phys_t)((const unsigned char *)virt - host);
}

static char lines[64][256];
static int nlines;

static void capture(void *ctx, const char *line)
{
	(void)ctx;
	if (nlines < 64)
		snprintf(lines[nlines++], sizeof(lines[0]), "%s", line);
}

static bool symbolize(void *ctx, uintptr_t addr, char *buf, size_t len)
{
	(void)ctx;
	(void)addr;
	snprintf(buf, len, "test_caller+0x0/0x0");
	return true;
}

/*
 * Like tools/testing/memblock's reset helper: clear both tables by hand,
 * back to one empty dummy entry each.
 */
static void reset_memblock_regions(void)
{
	memset(memblock.memory.regions, 0,
	       memblock.memory.cnt * sizeof(struct memblock_region));
	memblock.memory.cnt = 1;
	memblock.memory.total_size = 0;
	memset(memblock.reserved.regions, 0,
	       memblock.reserved.cnt * sizeof(struct memblock_region));
	memblock.reserved.cnt = 1;
	memblock.reserved.total_size = 0;
}

static int setup(void **state)
{
	struct mb_env env = {
		.phys_to_virt = p2v, .virt_to_phys = v2p, .print = capture};
	(void)state;
	memblock_linux_setup(&mb_profile_x86_64, &env);
	nlines = 0;
	return 0;
}

static void test_static_global(void **state)
{
	(void)state;
	/* The global is usable before any setup call (kernel static init). */
	assert_int_equal(memblock.memory.max, 128);
	assert_int_equal(memblock.reserved.max, 128);
	assert_string_equal(memblock.memory.name, "memory");
	assert_string_equal(memblock.reserved.name, "reserved");
	assert_int_equal(memblock.memory.cnt, 1);
	assert_true(memblock_get_current_limit() == MEMBLOCK_ALLOC_ANYWHERE);
	assert_false(memblock_bottom_up());
	/* default profile of the library build: x86_64 (MAX_NUMNODES 1024) */
	assert_int_equal(MAX_NUMNODES, 1024);
}

static void test_add_merge_direct(void **state)
{
	(void)state;
	reset_memblock_regions();
	/* Poke two regions in by hand, as a test harness would. */
	memblock.memory.regions[0] =
		(struct memblock_region){0x1000, 0x1000, 0, 1024};
	memblock.memory.regions[1] =
		(struct memblock_region){0x3000, 0x1000, 0, 1024};
	memblock.memory.cnt = 2;
	memblock.memory.total_size = 0x2000;
	/* Filling the hole [0x2000, 0x3000) merges all three:
	 * [0x1000, 0x4000), total 0x2000 + 0x1000 = 0x3000. */
	assert_int_equal(memblock_add(0x2000, 0x1000), 0);
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.regions[0].base, 0x1000);
	assert_int_equal(memblock.memory.regions[0].size, 0x3000);
	assert_int_equal(memblock.memory.total_size, 0x3000);
	assert_int_equal(memblock_phys_mem_size(), 0x3000);
}

/* Memory [1M, 8M) with reservations [2M, 2M+4K) and [3M, 3M+8K). */
static void build_basic(void)
{
	reset_memblock_regions();
	assert_int_equal(memblock_add(SZ_1M, 4 * SZ_1M), 0);
	assert_int_equal(memblock_add(6 * SZ_1M, 2 * SZ_1M), 0);
	assert_int_equal(memblock.memory.cnt, 2);
	/* [5M, 6M) closes the gap: one region [1M, 8M), 7 MiB */
	assert_int_equal(memblock_add(5 * SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.total_size, 7 * SZ_1M);
	assert_int_equal(memblock_reserve(2 * SZ_1M, SZ_4K), 0);
	assert_int_equal(memblock_reserve(3 * SZ_1M, 2 * SZ_4K), 0);
}

static void test_iterators(void **state)
{
	phys_addr_t start, end;
	uint64_t i;
	int j, nid;
	unsigned long spfn, epfn;
	struct memblock_region *r;
	unsigned long k;
	(void)state;
	build_basic();

	/* free: [1M,2M) [2M+4K,3M) [3M+8K,8M) */
	const phys_addr_t fwd[][2] = {{0x100000, 0x200000},
				      {0x201000, 0x300000},
				      {0x302000, 0x800000}};
	int n = 0;
	for_each_free_mem_range (i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				 &nid) {
		assert_true(n < 3);
		assert_int_equal(start, fwd[n][0]);
		assert_int_equal(end, fwd[n][1]);
		assert_int_equal(nid, MAX_NUMNODES); /* memblock_add: no node */
		n++;
	}
	assert_int_equal(n, 3);
	for_each_free_mem_range_reverse (i, NUMA_NO_NODE, MEMBLOCK_NONE, &start,
					 &end, NULL) {
		n--;
		assert_int_equal(start, fwd[n][0]);
		assert_int_equal(end, fwd[n][1]);
	}
	assert_int_equal(n, 0);

	n = 0;
	for_each_reserved_mem_range (i, &start, &end) {
		assert_int_equal(start, n ? 0x300000 : 0x200000);
		assert_int_equal(end, n ? 0x302000 : 0x201000);
		n++;
	}
	assert_int_equal(n, 2);

	n = 0;
	for_each_mem_range (i, &start, &end) {
		assert_int_equal(start, 0x100000);
		assert_int_equal(end, 0x800000);
		n++;
	}
	for_each_mem_range_rev (i, &start, &end) {
		assert_int_equal(start, 0x100000);
		n++;
	}
	assert_int_equal(n, 2);

	__for_each_mem_range(i, &memblock.reserved, NULL, NUMA_NO_NODE,
			     MEMBLOCK_NONE, &start, NULL, NULL) n++;
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved,
				 NUMA_NO_NODE, MEMBLOCK_NONE, NULL, &end, NULL)
	{
		n++;
	}
	assert_int_equal(n, 2 + 2 + 3);

	/* pfn ranges: [1M, 8M) -> pfns [0x100, 0x800) */
	n = 0;
	for_each_mem_pfn_range (j, MAX_NUMNODES, &spfn, &epfn, &nid) {
		assert_int_equal(spfn, 0x100);
		assert_int_equal(epfn, 0x800);
		n++;
	}
	assert_int_equal(n, 1);

	n = 0;
	for_each_memblock_type (k, (&memblock.reserved), r) {
		assert_int_equal(memblock_region_reserved_base_pfn(r),
				 k ? 0x300 : 0x200);
		/* PFN_UP(2M + 4K) = 0x201, PFN_UP(3M + 8K) = 0x302 */
		assert_int_equal(memblock_region_reserved_end_pfn(r),
				 k ? 0x302 : 0x201);
		n++;
	}
	for_each_mem_region (r) {
		assert_int_equal(memblock_region_memory_base_pfn(r), 0x100);
		assert_int_equal(memblock_region_memory_end_pfn(r), 0x800);
		n++;
	}
	for_each_reserved_mem_region (r)
		n++;
	assert_int_equal(n, 2 + 1 + 2);
	assert_int_equal(PFN_PHYS(0x100), SZ_1M);
	assert_int_equal(PFN_DOWN(0x1fff), 1);
	assert_int_equal(PFN_UP(0x1001), 2);
}

static void test_allocations(void **state)
{
	(void)state;
	build_basic();
	/* Top-down from the highest free range [3M+8K, 8M): */
	/* round_down(8M - 4K, 4K) = 0x7ff000 */
	void *a = memblock_alloc(SZ_4K, SZ_4K);
	assert_ptr_equal(a, host + 0x7ff000);
	/* round_down(0x7ff000 - 0x2000, 0x2000) = round_down(0x7fd000, 0x2000)
	 * = 0x7fc000; this leaves a 4K hole [0x7fe000, 0x7ff000) */
	assert_int_equal(memblock_phys_alloc(0x2000, 0x2000), 0x7fc000);
	/* the hole is the top free range: 0x7ff000 - 0x100 = 0x7fef00 */
	void *from = memblock_alloc_from(0x100, 0x100, 0);
	assert_ptr_equal(from, host + 0x7fef00);
	/* align 0 -> SMP_CACHE_BYTES 64: 0x7fef00 - 0x40 = 0x7feec0 */
	assert_ptr_equal(memblock_alloc_node(0x40, 0, NUMA_NO_NODE),
			 host + 0x7feec0);
	/* a page does not fit in [0x7fe000, 0x7feec0) (round_down(0x7feec0 -
	 * 0x1000, 0x1000) = 0x7fd000 is below it); next range [3M+8K,
	 * 0x7fc000): 0x7fb000 */
	assert_ptr_equal(memblock_alloc_raw(SZ_4K, SZ_4K), host + 0x7fb000);
	/* back in the hole: 0x7feec0 - 0x10 = 0x7feeb0 */
	assert_ptr_equal(memblock_alloc_low(0x10, 0x10), host + 0x7feeb0);

	/* reserved: [2M,+4K) [3M,+8K) [0x7fb000,0x7fe000) [0x7feeb0,8M) */
	assert_int_equal(memblock.reserved.cnt, 4);
	assert_int_equal(memblock.reserved.regions[2].base, 0x7fb000);
	assert_int_equal(memblock.reserved.regions[2].size, 0x3000);
	assert_int_equal(memblock.reserved.regions[3].base, 0x7feeb0);
	/* 0x1000 + 0x2000 + 0x3000 + (0x800000 - 0x7feeb0 = 0x1150) */
	assert_int_equal(memblock_reserved_size(), 0x7150);

	memblock_free(from, 0x100); /* splits [0x7feeb0, 8M) at 0x7fef00 */
	assert_int_equal(memblock.reserved.cnt, 5);
	memblock_free(NULL, 0x100); /* no-op */
	/* freeing the head of [0x7fb000, 0x7fe000) leaves [0x7fc000, 0x7fe000)
	 */
	assert_int_equal(memblock_phys_free(0x7fb000, SZ_4K), 0);
	assert_int_equal(memblock.reserved.cnt, 5);
	/* 0x7150 - 0x100 - 0x1000 = 0x6050 */
	assert_int_equal(memblock_reserved_size(), 0x6050);

	/* phys_alloc_range within [1M, 2M): round_down(2M - 4K, 4K) */
	assert_int_equal(
		memblock_phys_alloc_range(SZ_4K, SZ_4K, SZ_1M, 2 * SZ_1M),
		0x1ff000);
	/* [0x7fef00, 0x7ff000) and [0x7fe000, 0x7feeb0) cannot hold an
	 * aligned page; the freed [0x7fb000, 0x7fc000) can */
	assert_int_equal(
		memblock_phys_alloc_try_nid(SZ_4K, SZ_4K, NUMA_NO_NODE),
		0x7fb000);
	/* min 9M is above every free byte: retried with min 0, the top free
	 * range [0x7fef00, 0x7ff000) gives 0x7ff000 - 0x10 = 0x7feff0 */
	assert_ptr_equal(memblock_alloc_try_nid_raw(0x10, 0x10, 9 * SZ_1M,
						    MEMBLOCK_ALLOC_ACCESSIBLE,
						    NUMA_NO_NODE),
			 host + 0x7feff0);
	/* exact_nid on a node that has no memory fails */
	assert_null(memblock_alloc_exact_nid_raw(0x10, 0x10, 0,
						 MEMBLOCK_ALLOC_ACCESSIBLE, 3));
}

static void test_queries_and_flags(void **state)
{
	unsigned long s, e;
	(void)state;
	build_basic();
	assert_true(memblock_is_memory(SZ_1M));
	assert_false(memblock_is_memory(8 * SZ_1M));
	assert_true(memblock_is_reserved(0x200fff));
	assert_false(memblock_is_reserved(0x201000));
	assert_false(memblock_is_region_reserved(0x1ff000, 0x1000));
	assert_true(memblock_is_region_reserved(0x1ff000, 0x1001));
	assert_true(memblock_overlaps_region(&memblock.reserved, 0x301fff, 1));
	assert_true(memblock_is_region_memory(SZ_1M, 7 * SZ_1M));
	assert_false(memblock_is_region_memory(SZ_1M, 7 * SZ_1M + 1));
	assert_int_equal(memblock_start_of_DRAM(), SZ_1M);
	assert_int_equal(memblock_end_of_DRAM(), 8 * SZ_1M);
	assert_int_equal(memblock_search_pfn_nid(0x150, &s, &e), MAX_NUMNODES);
	assert_int_equal(s, 0x100);
	assert_int_equal(e, 0x800);

	/* NOMAP on [7M, 8M) splits memory in two */
	assert_int_equal(memblock_mark_nomap(7 * SZ_1M, SZ_1M), 0);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_true(memblock_is_nomap(&memblock.memory.regions[1]));
	assert_true(memblock_is_memory(7 * SZ_1M));
	assert_false(memblock_is_map_memory(7 * SZ_1M));
	assert_int_equal(memblock_clear_nomap(7 * SZ_1M, SZ_1M), 0);
	assert_false(memblock_is_nomap(&memblock.memory.regions[1]));

	assert_int_equal(memblock_mark_hotplug(SZ_1M, SZ_1M), 0);
	assert_true(memblock_is_hotpluggable(&memblock.memory.regions[0]));
	assert_int_equal(memblock_clear_hotplug(SZ_1M, SZ_1M), 0);
	assert_false(memblock_is_hotpluggable(&memblock.memory.regions[0]));
	memblock.mirrored_kernelcore = true; /* kernelcore=mirror */
	assert_int_equal(memblock_mark_mirror(SZ_1M, SZ_1M), 0);
	assert_true(memblock_is_mirror(&memblock.memory.regions[0]));
	assert_false(memblock_is_driver_managed(&memblock.memory.regions[0]));

	/* nodes: [1M, 4M) node 0, [4M, 8M) node 1 */
	reset_memblock_regions();
	memblock_add(SZ_1M, 7 * SZ_1M);
	memblock_set_node(SZ_1M, 3 * SZ_1M, &memblock.memory, 0);
	memblock_set_node(4 * SZ_1M, 4 * SZ_1M, &memblock.memory, 1);
	assert_int_equal(memblock.memory.cnt, 2);
	assert_int_equal(memblock_get_region_node(&memblock.memory.regions[1]),
			 1);
	int j, nid, n = 0;
	unsigned long spfn, epfn;
	for_each_mem_pfn_range (j, 1, &spfn, &epfn, &nid) {
		assert_int_equal(spfn, 0x400); /* 4M >> 12 */
		assert_int_equal(epfn, 0x800);
		assert_int_equal(nid, 1);
		n++;
	}
	assert_int_equal(n, 1);
	memblock_set_region_node(&memblock.memory.regions[0], 5);
	assert_int_equal(memblock.memory.regions[0].nid, 5);
	assert_int_equal(
		memblock_add_node(9 * SZ_1M, SZ_1M, 2, MEMBLOCK_HOTPLUG), 0);
	assert_true(memblock_is_hotpluggable(&memblock.memory.regions[2]));
	assert_int_equal(memblock.memory.regions[2].nid, 2);
}

static void test_limits(void **state)
{
	(void)state;
	build_basic();
	/* mem=1M: the first MiB of memory is [1M, 2M); cut at 2M, and the
	 * reservations above (3M) go too */
	memblock_enforce_memory_limit(SZ_1M);
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock_end_of_DRAM(), 2 * SZ_1M);
	assert_false(memblock_is_reserved(3 * SZ_1M));
	assert_false(memblock_is_reserved(2 * SZ_1M)); /* at the cut: gone */
	assert_int_equal(memblock_reserved_size(), 0);

	build_basic();
	memblock_cap_memory_range(2 * SZ_1M, 2 * SZ_1M); /* keep [2M, 4M) */
	assert_int_equal(memblock_start_of_DRAM(), 2 * SZ_1M);
	assert_int_equal(memblock_end_of_DRAM(), 4 * SZ_1M);
	/* both reservations lie inside [2M, 4M): 0x1000 + 0x2000 */
	assert_int_equal(memblock_reserved_size(), 0x3000);

	build_basic();
	memblock_mem_limit_remove_map(2 * SZ_1M); /* [1M, 3M) */
	assert_int_equal(memblock_end_of_DRAM(), 3 * SZ_1M);

	reset_memblock_regions();
	memblock_add(0x1800, 0x20000); /* [0x1800, 0x21800) */
	memblock_trim_memory(0x10000); /* -> [0x10000, 0x20000) */
	assert_int_equal(memblock.memory.regions[0].base, 0x10000);
	assert_int_equal(memblock.memory.regions[0].size, 0x10000);

	memblock_set_current_limit(4 * SZ_1M);
	assert_int_equal(memblock_get_current_limit(), 4 * SZ_1M);
	memblock_set_bottom_up(true);
	assert_true(memblock_bottom_up());
	memblock_set_bottom_up(false);
	memblock_allow_resize();
	assert_true(memblock.can_resize);
}

static void test_trace_through_face(void **state)
{
	struct mb_env env = {.phys_to_virt = p2v,
			     .virt_to_phys = v2p,
			     .print = capture,
			     .symbolize = symbolize};
	(void)state;
	memblock_linux_setup(NULL, &env);
	memblock_debug = 1; /* what early_memblock() does */
	nlines = 0;
	memblock_add(SZ_1M, SZ_1M);
	assert_int_equal(nlines, 1);
	assert_string_equal(
		lines[0],
		"memblock_add: [0x0000000000100000-0x00000000001fffff] "
		"test_caller+0x0/0x0");
	(void)memblock_alloc(SZ_4K, SZ_4K); /* 2M - 4K */
	assert_int_equal(nlines, 3);
	assert_string_equal(lines[1],
			    "memblock_alloc_try_nid: 4096 bytes align=0x1000 "
			    "nid=-1 from=0x0000000000000000 "
			    "max_addr=0x0000000000000000 test_caller+0x0/0x0");
	assert_string_equal(
		lines[2],
		"memblock_reserve: [0x00000000001ff000-0x00000000001fffff] "
		"memblock_alloc_range_nid+0xb0/0x13d");
	memblock_dump_all();
	assert_string_equal(lines[3], "MEMBLOCK configuration:");
	assert_null(memblock.next_caller_sym);
	memblock_debug = 0;
}

static void test_setup_profile(void **state)
{
	(void)state;
	assert_int_equal(memblock_linux_setup(&mb_profile_arm32, NULL), 0);
	assert_int_equal(MAX_NUMNODES, 1);
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.total_size, 0);
	assert_int_equal(memblock.memory.max, 128);
}

int main(void)
{
	static unsigned char backing[HOST_SIZE];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_static_global),
		cmocka_unit_test_setup(test_add_merge_direct, setup),
		cmocka_unit_test_setup(test_iterators, setup),
		cmocka_unit_test_setup(test_allocations, setup),
		cmocka_unit_test_setup(test_queries_and_flags, setup),
		cmocka_unit_test_setup(test_limits, setup),
		cmocka_unit_test_setup(test_trace_through_face, setup),
		cmocka_unit_test(test_setup_profile),
	};
	host = backing;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
