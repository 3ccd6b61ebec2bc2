/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * e820 table operations with hand-built maps. Each expectation is worked
 * out in the comment next to it from the rules: overlaps go to the larger
 * type value, same-type neighbours merge (not persistent/soft reserved),
 * empty entries vanish; memblock gets RAM and RESERVED_KERN.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/firmware/cmdline.h>
#include <memblock/firmware/e820.h>

#include "log_util.h"

#define CAP 8192

static struct mb_e820_entry entries[CAP];
static uint64_t scratch[MB_E820_SCRATCH_BYTES(CAP) / 8];
static struct mb_e820_table t;
static struct lines out;

static void table(uint32_t cap)
{
	assert_int_equal(
		mb_e820_table_init(&t, entries, cap, scratch, sizeof(scratch)),
		0);
}

static void add(uint64_t a, uint64_t s, uint32_t type)
{
	assert_int_equal(mb_e820_range_add(&t, a, s, type), 0);
}

static void expect(uint32_t i, uint64_t a, uint64_t end_incl, uint32_t type)
{
	assert_true(i < t.nr_entries);
	if (entries[i].addr != a ||
	    entries[i].addr + entries[i].size - 1 != end_incl ||
	    entries[i].type != type)
		fail_msg("entry %u: [%#llx-%#llx] type %u, want [%#llx-%#llx] "
			 "type %u",
			 i, (unsigned long long)entries[i].addr,
			 (unsigned long long)(entries[i].addr +
					      entries[i].size - 1),
			 entries[i].type, (unsigned long long)a,
			 (unsigned long long)end_incl, type);
}

static void test_init_errors(void **state)
{
	(void)state;
	assert_int_equal(mb_e820_table_init(&t, NULL, 4, NULL, 0), -MB_EINVAL);
	assert_int_equal(mb_e820_table_init(&t, entries, 0, NULL, 0),
			 -MB_EINVAL);
	/* no scratch: sanitize refuses rather than doing anything unsafe */
	assert_int_equal(mb_e820_table_init(&t, entries, 4, NULL, 0), 0);
	add(0, 0x1000, 1);
	assert_int_equal(mb_e820_sanitize(&t), -MB_ENOMEM);
	assert_int_equal(t.nr_entries, 1);
}

static void test_overlap_larger_type_wins(void **state)
{
	(void)state;
	table(16);
	/* RAM [0,64K) with reserved [32K,36K) inside:
	 * RAM [0,0x7fff] reserved [0x8000,0x8fff] RAM [0x9000,0xffff] */
	add(0, 0x10000, MB_E820_RAM);
	add(0x8000, 0x1000, MB_E820_RESERVED);
	/* reserved [1M,1M+8K) and ACPI [1M+4K,1M+12K): ACPI (3) > 2 */
	add(0x101000, 0x2000, MB_E820_ACPI);
	add(0x100000, 0x2000, MB_E820_RESERVED);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 5);
	expect(0, 0, 0x7fff, MB_E820_RAM);
	expect(1, 0x8000, 0x8fff, MB_E820_RESERVED);
	expect(2, 0x9000, 0xffff, MB_E820_RAM);
	expect(3, 0x100000, 0x100fff, MB_E820_RESERVED);
	expect(4, 0x101000, 0x102fff, MB_E820_ACPI);
}

static void test_merge_sort_and_drop(void **state)
{
	(void)state;
	table(16);
	/* unsorted, touching RAM pieces merge: [0x2000,0x3000) + [0,0x1000)
	 * + [0x1000,0x2000) = [0,0x2fff]; empty entry dropped; the hole
	 * [0x3000,0x5000) stays a hole */
	add(0x2000, 0x1000, MB_E820_RAM);
	add(0x5000, 0, MB_E820_RESERVED);
	add(0, 0x1000, MB_E820_RAM);
	add(0x5000, 0x1000, MB_E820_NVS);
	add(0x1000, 0x1000, MB_E820_RAM);
	/* same range twice: one entry */
	add(0x5000, 0x1000, MB_E820_NVS);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 2);
	expect(0, 0, 0x2fff, MB_E820_RAM);
	expect(1, 0x5000, 0x5fff, MB_E820_NVS);
	/* sanitizing a clean table changes nothing */
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 2);
}

static void test_persistent_not_merged(void **state)
{
	(void)state;
	table(16);
	/* two touching PRAM ranges stay two; two touching soft-reserved too */
	add(0x40000000, 0x1000, MB_E820_PRAM);
	add(0x40001000, 0x1000, MB_E820_PRAM);
	add(0x50000000, 0x1000, MB_E820_SOFT_RESERVED);
	add(0x50001000, 0x1000, MB_E820_SOFT_RESERVED);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 4);
	expect(0, 0x40000000, 0x40000fff, MB_E820_PRAM);
	expect(1, 0x40001000, 0x40001fff, MB_E820_PRAM);
	expect(3, 0x50001000, 0x50001fff, MB_E820_SOFT_RESERVED);
}

static void test_wrap_and_capacity(void **state)
{
	(void)state;
	table(3);
	/* an entry past 2^64 makes the map invalid: unchanged */
	add(0, 0x1000, MB_E820_RAM);
	add(0xfffffffffffff000ULL, 0x2000, MB_E820_RESERVED);
	assert_int_equal(mb_e820_sanitize(&t), -MB_EINVAL);
	assert_int_equal(t.nr_entries, 2);
	assert_true(entries[1].size == 0x2000);
	/* table full: append refused */
	table(3);
	add(0, 0x10000, MB_E820_RAM);
	add(0x1000, 0x1000, MB_E820_RESERVED);
	add(0x3000, 0x1000, MB_E820_RESERVED);
	assert_int_equal(mb_e820_range_add(&t, 0x5000, 1, 1), -MB_ENOSPC);
	/* result RAM,res,RAM,res,RAM = 5 entries > 3: refused, unchanged */
	assert_int_equal(mb_e820_sanitize(&t), -MB_ENOSPC);
	assert_int_equal(t.nr_entries, 3);
	expect(0, 0, 0xffff, MB_E820_RAM);
}

static void test_thousands_of_entries(void **state)
{
	const uint32_t holes = 3000;

	(void)state;
	table(CAP);
	/* RAM [0, 2*3000 pages) with a reserved page at every odd page:
	 * 3000 RAM pages alternate with 3000 reserved ones = 6000 entries */
	add(0, 2ULL * holes * 0x1000, MB_E820_RAM);
	for (uint32_t i = 0; i < holes; i++)
		add((2ULL * i + 1) * 0x1000, 0x1000, MB_E820_RESERVED);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 2 * holes);
	expect(0, 0, 0xfff, MB_E820_RAM);
	expect(1, 0x1000, 0x1fff, MB_E820_RESERVED);
	expect(5998, 5998ULL * 0x1000, 5999ULL * 0x1000 - 1, MB_E820_RAM);
	expect(5999, 5999ULL * 0x1000, 6000ULL * 0x1000 - 1, MB_E820_RESERVED);
}

static struct memblock mb;
static struct memblock_region mregs[128], rregs[128];

static void new_mb(void)
{
	struct mb_env env = {.ctx = &out, .print = lines_print_hook};

	lines_clear(&out);
	assert_int_equal(mb_init(&mb, &mb_profile_x86_64, &env, mregs, 128,
				 rregs, 128, NULL, 0),
			 0);
	mb_set_debug(&mb, true);
}

static void test_update_splits_and_prints(void **state)
{
	uint64_t done;

	(void)state;
	new_mb();
	table(16);
	add(0, 0x100000, MB_E820_RAM);
	/* [0x10000,0x20000) inside RAM: head kept, new piece and tail
	 * appended: [0,0xffff] RAM, [0x10000,0x1ffff] reserved,
	 * [0x20000,0xfffff] RAM */
	assert_int_equal(mb_e820_range_update(&mb, &t, 0x10000, 0x10000,
					      MB_E820_RAM, MB_E820_RESERVED,
					      &done),
			 0);
	assert_true(done == 0x10000);
	assert_int_equal(t.nr_entries, 3);
	assert_string_equal(out.line[0], "e820: update [mem 0x00010000-"
					 "0x0001ffff] usable ==> reserved");
	/* partial overlap of the tail's head: [0x20000,0x2ffff] -> NVS;
	 * the RAM entry now starts at 0x30000 */
	assert_int_equal(mb_e820_range_update(&mb, &t, 0x18000, 0x18000,
					      MB_E820_RAM, MB_E820_NVS, &done),
			 0);
	assert_true(done == 0x10000);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 4);
	expect(2, 0x20000, 0x2ffff, MB_E820_NVS);
	expect(3, 0x30000, 0xfffff, MB_E820_RAM);
	/* old == new is refused (the kernel treats it as a bug) */
	assert_int_equal(mb_e820_range_update(&mb, &t, 0, 1, 1, 1, NULL),
			 -MB_EINVAL);
	/* a split that needs room the table lacks: unchanged */
	table(1);
	add(0, 0x100000, MB_E820_RAM);
	assert_int_equal(
		mb_e820_range_update(NULL, &t, 0x1000, 0x1000, 1, 2, NULL),
		-MB_ENOSPC);
	expect(0, 0, 0xfffff, MB_E820_RAM);
}

static void test_remove_and_types(void **state)
{
	uint64_t done;
	char buf[32];

	(void)state;
	new_mb();
	table(16);
	add(0, 0x40000000, MB_E820_RAM);
	add(0x40000000, 0x1000, MB_E820_RESERVED);
	/* mem=256M: RAM from 0x10000000 up goes; the reserved entry stays;
	 * size clamps so the printed end is 2^64 - 2 */
	assert_int_equal(mb_e820_range_remove(&mb, &t, 0x10000000,
					      UINT64_MAX - 0x10000000,
					      MB_E820_RAM, true, &done),
			 0);
	assert_true(done == 0x30000000);
	assert_string_equal(out.line[0], "e820: remove [mem 0x10000000-"
					 "0xfffffffffffffffe] usable");
	/* without a type check: a hole in the middle of everything, the
	 * kernel's line ends with a space */
	assert_int_equal(
		mb_e820_range_remove(&mb, &t, 0x1000, 0x1000, 0, false, &done),
		0);
	assert_string_equal(out.line[1],
			    "e820: remove [mem 0x00001000-0x00001fff] ");
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 3);
	expect(0, 0, 0xfff, MB_E820_RAM);
	expect(1, 0x2000, 0xfffffff, MB_E820_RAM);
	expect(2, 0x40000000, 0x40000fff, MB_E820_RESERVED);

	mb_e820_format_type(buf, sizeof(buf), MB_E820_RESERVED_KERN);
	assert_string_equal(buf, "usable");
	mb_e820_format_type(buf, sizeof(buf), MB_E820_PMEM);
	assert_string_equal(buf, "persistent (type 7)");
	mb_e820_format_type(buf, sizeof(buf), 6);
	assert_string_equal(buf, "type 6");
	mb_e820_format_type(buf, sizeof(buf), MB_E820_SOFT_RESERVED);
	assert_string_equal(buf, "soft reserved");
	mb_e820_format_type(buf, sizeof(buf), MB_E820_UNUSABLE);
	assert_string_equal(buf, "unusable");
}

static void test_cmdline_exactmap_and_retype(void **state)
{
	struct mb_memmap_op ops[16];
	struct mb_cmdline cl;

	(void)state;
	new_mb();
	table(16);
	add(0, 0x9fc00, MB_E820_RAM);
	add(0x100000, 0x3ff00000, MB_E820_RAM);
	mb_cmdline_init(&cl, ops, 16, NULL, 0);
	/* exactmap forgets the firmware map; then 640K@0 and 511M@1M;
	 * 1M%16M-1+4 turns [16M,17M) RAM into NVS */
	assert_int_equal(mb_cmdline_parse(&cl, "memmap=exactmap "
					       "memmap=640K@0,511M@1M "
					       "memmap=1M%16M-1+4"),
			 0);
	assert_int_equal(mb_e820_apply_cmdline(&mb, &t, &cl), 0);
	assert_int_equal(t.nr_entries, 4);
	expect(0, 0, 0x9ffff, MB_E820_RAM);
	expect(1, 0x100000, 0xffffff, MB_E820_RAM);
	expect(2, 0x1000000, 0x10fffff, MB_E820_NVS);
	expect(3, 0x1100000, 0x1fffffff, MB_E820_RAM);
	/* printed: the update line, the header, then one "user:" per entry */
	assert_int_equal(out.n, 6);
	assert_string_equal(out.line[1], "user-defined physical RAM map:");
	assert_string_equal(out.line[4], "user: [mem 0x0000000001000000-"
					 "0x00000000010fffff] ACPI NVS");
}

static void test_cmdline_mem_limit(void **state)
{
	struct mb_memmap_op ops[4];
	struct mb_cmdline cl;

	(void)state;
	new_mb();
	table(16);
	/* x86_512M.log's BIOS map (RAM part) with mem=256M memmap=1M$1M:
	 * the limit cuts RAM at 0x10000000 (reserved 0xfffc0000 stays), then
	 * [1M,2M) becomes reserved */
	add(0, 0x9fc00, MB_E820_RAM);
	add(0x100000, 0x1fee0000, MB_E820_RAM);
	add(0xfffc0000, 0x40000, MB_E820_RESERVED);
	mb_cmdline_init(&cl, ops, 4, NULL, 0);
	assert_int_equal(mb_cmdline_parse(&cl, "mem=256M memmap=1M$1M"), 0);
	assert_int_equal(mb_e820_apply_cmdline(&mb, &t, &cl), 0);
	assert_string_equal(out.line[0], "e820: remove [mem 0x10000000-"
					 "0xfffffffffffffffe] usable");
	assert_int_equal(t.nr_entries, 4);
	expect(1, 0x100000, 0x1fffff, MB_E820_RESERVED);
	expect(2, 0x200000, 0xfffffff, MB_E820_RAM);
	expect(3, 0xfffc0000, 0xffffffff, MB_E820_RESERVED);
	/* mem=0 never reaches the table: the parser refuses it */
	mb_cmdline_init(&cl, ops, 4, NULL, 0);
	assert_int_equal(mb_cmdline_parse(&cl, "mem=0"), -MB_EINVAL);
	assert_int_equal(cl.memmap_cnt, 0);
}

static void test_memblock_setup_types(void **state)
{
	(void)state;
	new_mb();
	table(16);
	/* RAM and RESERVED_KERN are added (and merge in memblock), soft
	 * reserved is reserved, the rest is ignored. Unaligned RAM end
	 * 0x7ffff800 trims to 0x7ffff000 in the memory table. */
	add(0x1000, 0x9e000, MB_E820_RAM);
	add(0x100000, 0x1000, MB_E820_RESERVED_KERN);
	add(0x101000, 0x7fefe800, MB_E820_RAM);
	add(0x80000000, 0x10000000, MB_E820_SOFT_RESERVED);
	add(0xfee00000, 0x1000, MB_E820_RESERVED);
	add(0x100000000ULL, 0x1000, MB_E820_PRAM);
	assert_int_equal(mb_e820_memblock_setup(&mb, &t, "test+0x1/0x2"), 0);
	assert_int_equal(mb.memory.cnt, 2);
	assert_true(mb.memory.regions[0].base == 0x1000);
	assert_true(mb.memory.regions[0].size == 0x9e000);
	assert_true(mb.memory.regions[1].base == 0x100000);
	/* 0x7ffff800 rounded down: 0x7ffff000 - 0x100000 = 0x7feff000 */
	assert_true(mb.memory.regions[1].size == 0x7feff000);
	assert_int_equal(mb.reserved.cnt, 1);
	assert_true(mb.reserved.regions[0].base == 0x80000000);
	assert_string_equal(out.line[0], "memblock_add: [0x0000000000001000-"
					 "0x000000000009efff] test+0x1/0x2");
	assert_string_equal(out.line[3], "memblock_reserve: "
					 "[0x0000000080000000-"
					 "0x000000008fffffff] test+0x1/0x2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_errors),
		cmocka_unit_test(test_overlap_larger_type_wins),
		cmocka_unit_test(test_merge_sort_and_drop),
		cmocka_unit_test(test_persistent_not_merged),
		cmocka_unit_test(test_wrap_and_capacity),
		cmocka_unit_test(test_thousands_of_entries),
		cmocka_unit_test(test_update_splits_and_prints),
		cmocka_unit_test(test_remove_and_types),
		cmocka_unit_test(test_cmdline_exactmap_and_retype),
		cmocka_unit_test(test_cmdline_mem_limit),
		cmocka_unit_test(test_memblock_setup_types),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
