/* SPDX-License-Identifier: BSD-2-Clause */
/* Core: flag setters and set_node (split, set, merge). */
#include "core_test.h"

static void hotplug_split_and_merge_back(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x1000, 0x8000), 0);
	/* [0x3000,0x5000) inside [0x1000,0x9000): three regions */
	assert_int_equal(mb_mark_hotplug(mb, 0x3000, 0x2000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 3);
	REGION(mb->memory, 0, 0x1000, 0x2000, 0, 1024);
	REGION(mb->memory, 1, 0x3000, 0x2000, MEMBLOCK_HOTPLUG, 1024);
	REGION(mb->memory, 2, 0x5000, 0x4000, 0, 1024);
	assert_int_equal(mb->memory.total_size, 0x8000);
	/* clearing merges everything back */
	assert_int_equal(mb_clear_hotplug(mb, 0x0, 0x100000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0x1000, 0x8000, 0, 1024);
	/* a range outside memory is ignored */
	assert_int_equal(mb_mark_nomap(mb, 0x100000, 0x1000), 0);
	assert_int_equal(mb->memory.cnt, 1);
	/* flags accumulate: NOMAP over part of a HOTPLUG region */
	assert_int_equal(mb_mark_hotplug(mb, 0x1000, 0x8000), 0);
	assert_int_equal(mb_mark_nomap(mb, 0x8000, 0x1000), 0);
	CHECK(t);
	REGION(mb->memory, 1, 0x8000, 0x1000, MEMBLOCK_HOTPLUG | MEMBLOCK_NOMAP,
	       1024);
	assert_int_equal(mb_clear_nomap(mb, 0x8000, 0x1000), 0);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0x1000, 0x8000, MEMBLOCK_HOTPLUG, 1024);
	tc_free(t);
}

static void set_node_numa(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x0, 0x80000000), 0);
	/* SRAT-like: node 0 [0,0x20000000), node 1 the rest */
	assert_int_equal(mb_set_node(mb, 0, 0x20000000, &mb->memory, 0), 0);
	assert_int_equal(
		mb_set_node(mb, 0x20000000, 0x60000000, &mb->memory, 1), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 2);
	REGION(mb->memory, 0, 0x0, 0x20000000, 0, 0);
	REGION(mb->memory, 1, 0x20000000, 0x60000000, 0, 1);
	/* back to one node: merged */
	assert_int_equal(mb_set_node(mb, 0, ~0ULL, &mb->memory, 0), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	/* reset to "no node" like x86 numa_init (MAX_NUMNODES allowed) */
	assert_int_equal(mb_set_node(mb, 0, ~0ULL, &mb->memory, 1024), 0);
	REGION(mb->memory, 0, 0x0, 0x80000000, 0, 1024);
	/* reserved table too */
	assert_int_equal(mb_reserve(mb, 0x1000, 0x3000), 0);
	assert_int_equal(mb_set_node(mb, 0x2000, 0x1000, &mb->reserved, 1), 0);
	CHECK(t);
	assert_int_equal(mb->reserved.cnt, 3);
	REGION(mb->reserved, 1, 0x2000, 0x1000, 0, 1);
	/* out of range nid: refused, unchanged */
	assert_int_equal(mb_set_node(mb, 0, 0x1000, &mb->memory, 1025),
			 -MB_EINVAL);
	assert_int_equal(mb_set_node(mb, 0, 0x1000, &mb->memory, -5),
			 -MB_EINVAL);
	assert_int_equal(mb->memory.cnt, 1);
	tc_free(t);
}

static void set_node_without_numa_is_noop(void **state)
{
	struct tctx *t = tc_new(&mb_profile_arm32);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x60000000, 0x8000000), 0);
	/* no CONFIG_NUMA: nothing is isolated, nothing changes */
	assert_int_equal(mb_set_node(mb, 0x61000000, 0x1000, &mb->memory, 0),
			 0);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0x60000000, 0x8000000, 0, 1);
	tc_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hotplug_split_and_merge_back),
		cmocka_unit_test(set_node_numa),
		cmocka_unit_test(set_node_without_numa_is_noop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
