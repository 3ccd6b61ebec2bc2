/* SPDX-License-Identifier: BSD-2-Clause */
/* Core: adding, removing, reserving, freeing; merging; capping; dummy. */
#include "core_test.h"

/* x86_64: MAX_NUMNODES 1024 is the "no node" nid of memblock_add. */
#define NONODE_X86 1024
/* arm32: no NUMA, MAX_NUMNODES 1. */
#define NONODE_ARM 1

static void init_state(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);

	(void)state;
	/* both tables start as one zeroed dummy: cnt 1, nid 0 */
	assert_int_equal(t->mb.memory.cnt, 1);
	assert_int_equal(t->mb.memory.max, 128);
	REGION(t->mb.memory, 0, 0, 0, 0, 0);
	REGION(t->mb.reserved, 0, 0, 0, 0, 0);
	assert_string_equal(t->mb.memory.name, "memory");
	assert_string_equal(t->mb.reserved.name, "reserved");
	assert_int_equal(t->mb.current_limit, ~0ULL);
	assert_false(t->mb.bottom_up);
	assert_false(t->mb.can_resize);
	assert_int_equal(t->mb.physmem.max, 0);
	assert_int_equal(mb_phys_addr_max(&t->mb), ~0ULL);
	CHECK(t);
	tc_free(t);

	t = tc_new(&mb_profile_arm32);
	assert_int_equal(mb_phys_addr_max(&t->mb), 0xffffffffULL);
	tc_free(t);
}

static void init_rejects_bad_args(void **state)
{
	struct memblock mb;
	struct memblock_region a[4];

	(void)state;
	assert_int_equal(mb_init(&mb, NULL, NULL, NULL, 4, a, 4, NULL, 0),
			 -MB_EINVAL);
	assert_int_equal(mb_init(&mb, NULL, NULL, a, 0, a, 4, NULL, 0),
			 -MB_EINVAL);
	assert_int_equal(mb_init(&mb, NULL, NULL, a, 4, a, 4, NULL, 2),
			 -MB_EINVAL);
	assert_string_equal(memblock_strerror(-MB_ENOMEM),
			    "out of memory (table full and cannot grow)");
	assert_string_equal(memblock_strerror(-MB_EINVAL), "invalid argument");
}

static void add_into_empty_and_merge(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x1000, 0x2000), 0);
	CHECK(t);
	/* empty table: region 0 is the range, total = size */
	REGION(mb->memory, 0, 0x1000, 0x2000, 0, NONODE_X86);
	assert_int_equal(mb->memory.total_size, 0x2000);

	/* [0x2000,0x5000) overlaps [0x1000,0x3000): only [0x3000,0x5000)
	 * is new; it touches and merges: [0x1000,0x5000), total 0x4000 */
	assert_int_equal(mb_add(mb, 0x2000, 0x3000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0x1000, 0x4000, 0, NONODE_X86);
	assert_int_equal(mb->memory.total_size, 0x4000);

	/* disjoint below and above: sorted, 3 regions */
	assert_int_equal(mb_add(mb, 0x10000, 0x1000), 0);
	assert_int_equal(mb_add(mb, 0x0, 0x800), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 3);
	REGION(mb->memory, 0, 0x0, 0x800, 0, NONODE_X86);
	REGION(mb->memory, 1, 0x1000, 0x4000, 0, NONODE_X86);
	REGION(mb->memory, 2, 0x10000, 0x1000, 0, NONODE_X86);
	/* total = 0x800 + 0x4000 + 0x1000 = 0x5800 */
	assert_int_equal(mb->memory.total_size, 0x5800);

	/* one range covering all three and the gaps fills the two gaps
	 * [0x800,0x1000) and [0x5000,0x10000) and merges into one region
	 * [0, 0x11000) */
	assert_int_equal(mb_add(mb, 0x0, 0x11000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0x0, 0x11000, 0, NONODE_X86);
	assert_int_equal(mb->memory.total_size, 0x11000);

	/* size 0 is a no-op that is still traced */
	t->nev = 0;
	assert_int_equal(mb_add(mb, 0x50000, 0), 0);
	assert_int_equal(t->nev, 1);
	assert_int_equal(t->ev[0].kind, MB_EV_ADD);
	assert_int_equal(t->ev[0].size, 0);
	assert_int_equal(mb->memory.cnt, 1);
	tc_free(t);
}

static void overlap_pieces_take_new_nid_and_flags(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add_node(mb, 0x10000, 0x10000, 0, MEMBLOCK_NONE),
			 0);
	/* [0x8000,0x28000) nid 1 over [0x10000,0x20000) nid 0: pieces
	 * [0x8000,0x10000) and [0x20000,0x28000) get nid 1; the existing
	 * region is unchanged; different nid -> no merge */
	assert_int_equal(mb_add_node(mb, 0x8000, 0x20000, 1, MEMBLOCK_NONE), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 3);
	REGION(mb->memory, 0, 0x8000, 0x8000, 0, 1);
	REGION(mb->memory, 1, 0x10000, 0x10000, 0, 0);
	REGION(mb->memory, 2, 0x20000, 0x8000, 0, 1);
	assert_int_equal(mb->memory.total_size, 0x20000);

	/* same nid, different flags: touching but not merged */
	assert_int_equal(mb_add_node(mb, 0x28000, 0x8000, 1, MEMBLOCK_HOTPLUG),
			 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 4);
	REGION(mb->memory, 3, 0x28000, 0x8000, MEMBLOCK_HOTPLUG, 1);
	/* same nid and flags: merged with region 3 -> [0x28000,0x38000) */
	assert_int_equal(mb_add_node(mb, 0x30000, 0x8000, 1, MEMBLOCK_HOTPLUG),
			 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 4);
	REGION(mb->memory, 3, 0x28000, 0x10000, MEMBLOCK_HOTPLUG, 1);

	/* add_node event carries nid and flags */
	assert_int_equal(t->ev[t->nev - 1].kind, MB_EV_ADD_NODE);
	assert_int_equal(t->ev[t->nev - 1].nid, 1);
	assert_int_equal(t->ev[t->nev - 1].flags, MEMBLOCK_HOTPLUG);

	/* nid beyond MAX_NUMNODES: traced, refused, no change */
	t->nev = 0;
	assert_int_equal(mb_add_node(mb, 0x100000, 0x1000, 2000, 0),
			 -MB_EINVAL);
	assert_int_equal(t->nev, 1);
	assert_int_equal(mb->memory.cnt, 4);
	assert_int_equal(mb_add_node(mb, 0x100000, 0x1000, -2, 0), -MB_EINVAL);
	tc_free(t);
}

static void numa_off_ignores_nid(void **state)
{
	struct tctx *t = tc_new(&mb_profile_arm32);
	struct memblock *mb = &t->mb;

	(void)state;
	/* without CONFIG_NUMA regions have no node: nid 0 and "no node"
	 * neighbours merge; the first region's stored nid is kept */
	assert_int_equal(mb_add_node(mb, 0x60000000, 0x1000000, 0, 0), 0);
	assert_int_equal(mb_add(mb, 0x61000000, 0x1000000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0x60000000, 0x2000000, 0, 0);
	tc_free(t);
}

static void size_capped_at_phys_addr_max(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	/* base 0xffffffffffff0000 + 0x20000 would wrap: capped to
	 * PHYS_ADDR_MAX - base = 0xffff */
	assert_int_equal(mb_add(mb, 0xffffffffffff0000ULL, 0x20000), 0);
	CHECK(t);
	REGION(mb->memory, 0, 0xffffffffffff0000ULL, 0xffff, 0, NONODE_X86);
	/* the trace shows the size as given */
	assert_int_equal(t->ev[0].size, 0x20000);
	tc_free(t);

	/* 32-bit: 0xfff00000 + 0x200000 passes 4G: capped to 0xfffff */
	t = tc_new(&mb_profile_arm32);
	mb = &t->mb;
	assert_int_equal(mb_reserve(mb, 0xfff00000ULL, 0x200000), 0);
	CHECK(t);
	REGION(mb->reserved, 0, 0xfff00000ULL, 0xfffff, 0, NONODE_ARM);
	/* removing with a huge size is capped the same way: all gone */
	assert_int_equal(mb_phys_free(mb, 0xfff80000ULL, ~0ULL), 0);
	CHECK(t);
	/* left: [0xfff00000, 0xfff80000) */
	REGION(mb->reserved, 0, 0xfff00000ULL, 0x80000, 0, NONODE_ARM);
	tc_free(t);
}

static void remove_splits_and_empties_to_dummy(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_add(mb, 0x100000, 0x400000), 0);
	/* remove the middle [0x200000,0x300000) of [0x100000,0x500000) */
	assert_int_equal(mb_remove(mb, 0x200000, 0x100000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 2);
	REGION(mb->memory, 0, 0x100000, 0x100000, 0, NONODE_X86);
	REGION(mb->memory, 1, 0x300000, 0x200000, 0, NONODE_X86);
	/* total 0x400000 - 0x100000 */
	assert_int_equal(mb->memory.total_size, 0x300000);

	/* a range not in the table: nothing happens, success */
	assert_int_equal(mb_remove(mb, 0x10000000, 0x1000), 0);
	assert_int_equal(mb->memory.cnt, 2);

	/* remove all: the empty table's dummy gets nid MAX_NUMNODES */
	assert_int_equal(mb_remove(mb, 0, 0x1000000), 0);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 1);
	REGION(mb->memory, 0, 0, 0, 0, NONODE_X86);
	assert_int_equal(mb->memory.total_size, 0);
	/* start/end of DRAM read the dummy: 0 */
	assert_int_equal(mb_start_of_DRAM(mb), 0);
	assert_int_equal(mb_end_of_DRAM(mb), 0);
	tc_free(t);

	t = tc_new(&mb_profile_arm32);
	mb = &t->mb;
	assert_int_equal(mb_reserve(mb, 0x60000000, 0x1000), 0);
	assert_int_equal(mb_phys_free(mb, 0x60000000, 0x1000), 0);
	CHECK(t);
	/* arm32: dummy nid = MAX_NUMNODES = 1 */
	REGION(mb->reserved, 0, 0, 0, 0, NONODE_ARM);
	tc_free(t);
}

static void reserve_free_and_trace(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;

	(void)state;
	assert_int_equal(mb_reserve(mb, 0x1000, 0x1000), 0);
	assert_int_equal(mb_reserve(mb, 0x3000, 0x1000), 0);
	/* [0x2000,0x3000) joins both neighbours: one region of 0x3000 */
	assert_int_equal(mb_reserve(mb, 0x2000, 0x1000), 0);
	CHECK(t);
	assert_int_equal(mb->reserved.cnt, 1);
	REGION(mb->reserved, 0, 0x1000, 0x3000, 0, NONODE_X86);
	assert_int_equal(mb_reserved_size(mb), 0x3000);

	/* phys_free of size 0: traced as the real log shows
	 * (memblock_phys_free: [0x66e8f000-0x66e8efff]), no change */
	t->nev = 0;
	assert_int_equal(mb_phys_free(mb, 0x66e8f000, 0), 0);
	assert_int_equal(t->nev, 1);
	assert_int_equal(t->ev[0].kind, MB_EV_PHYS_FREE);
	assert_int_equal(t->ev[0].base, 0x66e8f000);
	assert_int_equal(t->ev[0].size, 0);
	assert_int_equal(t->ev[0].caller_kind, MB_CALLER_ADDR);
	assert_true(t->ev[0].caller != 0);

	/* mb_free(NULL) does nothing at all */
	t->nev = 0;
	mb_free(mb, NULL, 0x1000);
	assert_int_equal(t->nev, 0);
	/* mb_free(ptr): phys via virt_to_phys (identity here), traced as
	 * phys_free; [0x2000,0x3000) leaves [0x1000,0x2000) + [0x3000,..) */
	mb_free(mb, (void *)(uintptr_t)0x2000, 0x1000);
	CHECK(t);
	assert_int_equal(t->nev, 1);
	assert_int_equal(t->ev[0].kind, MB_EV_PHYS_FREE);
	assert_int_equal(t->ev[0].base, 0x2000);
	assert_int_equal(mb->reserved.cnt, 2);
	REGION(mb->reserved, 0, 0x1000, 0x1000, 0, NONODE_X86);
	REGION(mb->reserved, 1, 0x3000, 0x1000, 0, NONODE_X86);
	assert_int_equal(mb_reserved_size(mb), 0x2000);
	tc_free(t);
}

/* Fill memory with 128 disjoint regions (growth refused). */
static void fill128(struct memblock *mb)
{
	for (int i = 0; i < 128; i++)
		assert_int_equal(mb_add(mb, MiB(2) * (mb_phys_t)i, MiB(1)), 0);
}

static void full_table_fails_without_change(void **state)
{
	struct tctx *t = tc_new(&mb_profile_x86_64);
	struct memblock *mb = &t->mb;
	struct memblock snap;
	struct memblock_region regions[128];

	(void)state;
	fill128(mb);
	CHECK(t);
	assert_int_equal(mb->memory.cnt, 128);
	memcpy(&snap, mb, sizeof(snap));
	memcpy(regions, mb->memory.regions, sizeof(regions));

	/* a new piece needs a 129th slot: -ENOMEM, byte-for-byte same */
	assert_int_equal(mb_add(mb, MiB(2) * 200, MiB(1)), -MB_ENOMEM);
	assert_memory_equal(&snap, mb, sizeof(snap));
	assert_memory_equal(regions, mb->memory.regions, sizeof(regions));
	/* a range already covered adds nothing and needs no room */
	assert_int_equal(mb_add(mb, 0, MiB(1)), 0);
	assert_memory_equal(&snap, mb, sizeof(snap));
	/* bridging two regions would fill a gap: one new piece, refused */
	assert_int_equal(mb_add(mb, 0, MiB(3)), -MB_ENOMEM);
	assert_memory_equal(regions, mb->memory.regions, sizeof(regions));

	/* remove needs two free slots even when no split is needed */
	assert_int_equal(mb_remove(mb, 0, MiB(1)), -MB_ENOMEM);
	assert_memory_equal(&snap, mb, sizeof(snap));
	assert_memory_equal(regions, mb->memory.regions, sizeof(regions));
	/* flags and set_node isolate too */
	assert_int_equal(mb_mark_nomap(mb, 0, MiB(1)), -MB_ENOMEM);
	assert_int_equal(mb_set_node(mb, 0, MiB(1), &mb->memory, 0),
			 -MB_ENOMEM);
	assert_memory_equal(&snap, mb, sizeof(snap));
	assert_memory_equal(regions, mb->memory.regions, sizeof(regions));
	CHECK(t);
	tc_free(t);
}

static void physmem_table(void **state)
{
	struct memblock mb;
	struct memblock_region m[8], r[8], p[4];

	(void)state;
	assert_int_equal(
		mb_init(&mb, &mb_profile_arm64, NULL, m, 8, r, 8, p, 4), 0);
	assert_int_equal(mb.physmem.cnt, 1);
	assert_string_equal(mb.physmem.name, "physmem");
	assert_int_equal(mb_physmem_add(&mb, 0x40000000, GiB(1)), 0);
	/* arm64 MAX_NUMNODES 64 = no node */
	REGION(mb.physmem, 0, 0x40000000, GiB(1), 0, 64);
	/* a remove of memory does not touch physmem */
	assert_int_equal(mb_add(&mb, 0x40000000, GiB(1)), 0);
	assert_int_equal(mb_remove(&mb, 0x40000000, MiB(1)), 0);
	assert_int_equal(mb.physmem.total_size, GiB(1));
	assert_int_equal(mb_check(&mb, NULL), 0);

	assert_int_equal(
		mb_init(&mb, &mb_profile_arm64, NULL, m, 8, r, 8, NULL, 0), 0);
	assert_int_equal(mb_physmem_add(&mb, 0x40000000, GiB(1)), -MB_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_state),
		cmocka_unit_test(init_rejects_bad_args),
		cmocka_unit_test(add_into_empty_and_merge),
		cmocka_unit_test(overlap_pieces_take_new_nid_and_flags),
		cmocka_unit_test(numa_off_ignores_nid),
		cmocka_unit_test(size_capped_at_phys_addr_max),
		cmocka_unit_test(remove_splits_and_empties_to_dummy),
		cmocka_unit_test(reserve_free_and_trace),
		cmocka_unit_test(full_table_fails_without_change),
		cmocka_unit_test(physmem_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
