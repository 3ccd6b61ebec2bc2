/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Unit tests of the log parser. Every input line is verbatim from the
 * shared corpus (../shared/logs/<file>:<line> or the seed), so the
 * expected numbers are the ones the kernel printed.
 *
 * This program: line prefixes, range lines, requests and doublings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "logparse.h"
#include "logparse_fixture.h"

/* ---- prefixes ---- */

static void test_prefix_variants(void **state)
{
	/* x86_2G_numa2_movable_node.log:10 (terminal escapes before it) */
	const char *esc = "c\x1b[?7l\x1b[2J[    0.000000] Linux version 6.1.0";
	/* x86_512M.log:30 */
	const char *ts = "[    0.018164] memblock_reserve: [0x00000000000f5ba0-"
			 "0x00000000000f5baf] smp_scan_config+0xa7/0xff";
	const char *none = "memblock_reserve: [0x60004000-0x60007fff] "
			   "arm_mm_memblock_reserve+0x18/0x1c"; /* seed:120 */

	(void)state;
	assert_string_equal(lp_strip_prefix(esc, strlen(esc)),
			    "Linux version 6.1.0");
	assert_ptr_equal(lp_strip_prefix(ts, strlen(ts)), ts + 15);
	assert_ptr_equal(lp_strip_prefix(none, strlen(none)), none);
}

/* The same x86_512M.log:30 line as `dmesg -T`, `dmesg -x` and
 * `dmesg --time-format iso` print it: the message starts after the stamp
 * (counted by hand: 26 + 1, 14 + 16, 32 + 1 characters). */
static void test_dmesg_stamp_formats(void **state)
{
	static const char msg[] =
		"memblock_reserve: [0x00000000000f5ba0-"
		"0x00000000000f5baf] smp_scan_config+0xa7/0xff";
	const char *ctime = "[Mon Nov 30 03:00:00 2026] memblock_reserve: "
			    "[0x00000000000f5ba0-0x00000000000f5baf] "
			    "smp_scan_config+0xa7/0xff";
	const char *ctime1 = "[Tue Dec  1 13:05:09 2026] memblock_reserve: "
			     "[0x00000000000f5ba0-0x00000000000f5baf] "
			     "smp_scan_config+0xa7/0xff";
	const char *facility = "kern  :info  : [    0.018164] "
			       "memblock_reserve: [0x00000000000f5ba0-"
			       "0x00000000000f5baf] smp_scan_config+0xa7/0xff";
	const char *iso = "2026-11-30T03:00:00,018164+00:00 memblock_reserve: "
			  "[0x00000000000f5ba0-0x00000000000f5baf] "
			  "smp_scan_config+0xa7/0xff";

	(void)state;
	assert_string_equal(lp_strip_prefix(ctime, strlen(ctime)), msg);
	assert_ptr_equal(lp_strip_prefix(ctime, strlen(ctime)), ctime + 27);
	assert_string_equal(lp_strip_prefix(ctime1, strlen(ctime1)), msg);
	assert_ptr_equal(lp_strip_prefix(facility, strlen(facility)),
			 facility + 30);
	assert_ptr_equal(lp_strip_prefix(iso, strlen(iso)), iso + 33);
	assert_string_equal(lp_strip_prefix(iso, strlen(iso)), msg);
}

static void test_prefix_syslog_and_level(void **state)
{
	/* arm_vexpress_128M.log:31 as journalctl and as raw kmsg print it */
	const char *journal =
		"Nov 30 02:00:00 qemu kernel: memblock_reserve: [0x60300000-"
		"0x61607587] arm_memblock_init+0x30/0x74";
	const char *level = "<6>memblock_reserve: [0x60300000-0x61607587] "
			    "arm_memblock_init+0x30/0x74";
	struct lp_record r;

	(void)state;
	assert_true(lp_test_parse(journal, &r));
	assert_int_equal(r.kind, LP_RESERVE);
	assert_int_equal(r.base, 0x60300000);
	assert_true(lp_test_parse(level, &r));
	assert_int_equal(r.size, 0x1307588); /* 0x61607587 + 1 - 0x60300000 */
}

/* ---- range lines ---- */

static void test_reserve_64bit(void **state)
{
	struct lp_record r;

	(void)state;
	/* x86_512M.log:30 */
	assert_true(lp_test_parse(
		"[    0.018164] memblock_reserve: [0x00000000000f5ba0-"
		"0x00000000000f5baf] smp_scan_config+0xa7/0xff",
		&r));
	assert_int_equal(r.kind, LP_RESERVE);
	assert_int_equal(r.base, 0xf5ba0);
	assert_int_equal(r.end, 0xf5baf);
	assert_int_equal(r.size, 0x10); /* 0xf5baf - 0xf5ba0 + 1 */
	assert_int_equal(r.width, 16);
	assert_string_equal(r.caller, "smp_scan_config+0xa7/0xff");
	assert_string_equal(r.func, "memblock_reserve");
}

static void test_reserve_32bit(void **state)
{
	struct lp_record r;

	(void)state;
	/* arm_vexpress_128M.log:31 */
	assert_true(
		lp_test_parse("[    0.000000] memblock_reserve: [0x60300000-"
			      "0x61607587] arm_memblock_init+0x30/0x74",
			      &r));
	assert_int_equal(r.width, 8);
	assert_int_equal(r.base, 0x60300000);
	assert_int_equal(r.size, 0x1307588); /* 0x61607587 + 1 - 0x60300000 */
}

static void test_remove_wrapped_crlf(void **state)
{
	struct lp_log log;
	/* arm64_virt_2G_numa2.log:8, CRLF as in the file: the printed end is
	 * base + ULLONG_MAX - 1 wrapped, so the size is all ones. */
	static const char buf[] =
		"[    0.000000] memblock_remove: [0x0001000000000000-"
		"0x0000fffffffffffe] arm64_memblock_init+0x38/0x260\r\n";

	(void)state;
	assert_int_equal(lp_parse(buf, sizeof(buf) - 1, &log), 0);
	assert_int_equal(log.n, 1);
	assert_int_equal(log.recs[0].kind, LP_REMOVE);
	assert_int_equal(log.recs[0].base, 0x0001000000000000ULL);
	assert_int_equal(log.recs[0].size, UINT64_MAX);
	assert_string_equal(log.recs[0].caller,
			    "arm64_memblock_init+0x38/0x260");
	assert_false(log.last_line_cut);
	lp_free(&log);
}

static void test_free_zero_size_and_4x(void **state)
{
	struct lp_record r;

	(void)state;
	/* arm_vexpress_128M.log:115: end = base - 1, nothing freed */
	assert_true(
		lp_test_parse("[    0.000000] memblock_phys_free: [0x66e8f000-"
			      "0x66e8efff] pcpu_embed_first_chunk+0x780/0x884",
			      &r));
	assert_int_equal(r.kind, LP_PHYS_FREE);
	assert_int_equal(r.size, 0);
	/* seed:163, 4.x name and 14 hex digits */
	assert_true(lp_test_parse("__memblock_free_early: [0x00000067ebc000-"
				  "0x00000067ebbfff] pcpu_dfl_fc_free+0xc/0x10",
				  &r));
	assert_int_equal(r.kind, LP_PHYS_FREE);
	assert_int_equal(r.base, 0x67ebc000);
	assert_int_equal(r.width, 14);
	assert_string_equal(r.func, "__memblock_free_early");
}

static void test_reserve_with_flags_field(void **state)
{
	struct lp_record r;

	(void)state;
	/* Constructed: 3.16-4.x kernels printed the range with %#016llx
	 * and a "flags %#02lx" field before the caller (no corpus log has
	 * it); the seed:163 width is the same 14 digits. */
	assert_true(lp_test_parse(
		"memblock_reserve: [0x00000067ffe000-0x00000067ffffff]"
		" flags 0x0 memblock_alloc_base_nid+0x44/0x5c",
		&r));
	assert_int_equal(r.kind, LP_RESERVE);
	assert_int_equal(r.size, 0x2000); /* 0x67ffffff + 1 - 0x67ffe000 */
	assert_string_equal(r.caller, "memblock_alloc_base_nid+0x44/0x5c");
}

static void test_free_late(void **state)
{
	struct lp_record r;

	(void)state;
	/* x86_1G_memmap130_double.log:1841 */
	assert_true(lp_test_parse(
		"[    0.434498] memblock_free_late: [0x000000003ffa1000-"
		"0x000000003ffa2fff] memblock_discard+0x67/0xd7",
		&r));
	assert_int_equal(r.kind, LP_FREE_LATE);
	assert_int_equal(r.size, 0x2000);
}

/* ---- requests ---- */

static void test_phys_alloc_range(void **state)
{
	struct lp_record r;

	(void)state;
	/* x86_512M.log:44 */
	assert_true(lp_test_parse(
		"[    0.019260] memblock_phys_alloc_range: 28672 bytes "
		"align=0x1000 from=0x0000000000000000 "
		"max_addr=0x0000000000100000"
		" reserve_real_mode+0x50/0x89",
		&r));
	assert_int_equal(r.kind, LP_ALLOC);
	assert_int_equal(r.fn, LP_FN_PHYS_ALLOC_RANGE);
	assert_int_equal(r.size, 28672);
	assert_int_equal(r.align, 0x1000);
	assert_int_equal(r.from, 0);
	assert_int_equal(r.max_addr, 0x100000);
	assert_false(r.has_nid);
	assert_string_equal(r.caller, "reserve_real_mode+0x50/0x89");
}

static void test_alloc_try_nid_variants(void **state)
{
	struct lp_record r;

	(void)state;
	/* arm_vexpress_128M.log:46 */
	assert_true(lp_test_parse(
		"[    0.000000] memblock_alloc_try_nid: 40 bytes "
		"align=0x4 nid=-1 from=0x00000000 max_addr=0x00000000 "
		"iotable_init+0x40/0xf4",
		&r));
	assert_int_equal(r.fn, LP_FN_ALLOC_TRY_NID);
	assert_int_equal(r.nid, -1);
	assert_true(r.has_nid);
	assert_int_equal(r.width, 8);
	/* arm_vexpress_128M.log:84 */
	assert_true(lp_test_parse(
		"[    0.000000] memblock_alloc_try_nid_raw: 1179648 "
		"bytes align=0x40 nid=0 from=0x00000000 "
		"max_addr=0x00000000 free_area_init+0x948/0xe20",
		&r));
	assert_int_equal(r.fn, LP_FN_ALLOC_TRY_NID_RAW);
	assert_int_equal(r.size, 1179648);
	assert_int_equal(r.nid, 0);
	/* arm64_virt_2G_numa2.log:2082: from is a virtual address */
	assert_true(lp_test_parse(
		"[    0.000000] memblock_alloc_exact_nid_raw: 16777216"
		" bytes align=0x200000 nid=0 from=0xffffab5bc0000000 "
		"max_addr=0x0000000000000000 memmap_alloc+0x28/0x3c",
		&r));
	assert_int_equal(r.fn, LP_FN_ALLOC_EXACT_NID_RAW);
	assert_int_equal(r.from, 0xffffab5bc0000000ULL);
	/* seed:136, 4.x name, align 0 */
	assert_true(lp_test_parse(
		"memblock_virt_alloc_try_nid_nopanic: 1048576 bytes "
		"align=0x0 nid=0 from=0x0 max_addr=0x0 "
		"alloc_node_mem_map+0x68/0xc0",
		&r));
	assert_int_equal(r.fn, LP_FN_VIRT_ALLOC_TRY_NID_NOPANIC);
	assert_int_equal(r.align, 0);
	assert_string_equal(r.caller, "alloc_node_mem_map+0x68/0xc0");
}

static void test_doubled(void **state)
{
	struct lp_record r;

	(void)state;
	/* x86_1G_memmap130_double.log:432: 256 entries of 24 bytes = 0x1800 */
	assert_true(lp_test_parse(
		"[    0.000000] memblock: memory is doubled to 256 at "
		"[0x000000000009d000-0x000000000009e7ff]",
		&r));
	assert_int_equal(r.kind, LP_DOUBLED);
	assert_string_equal(r.name, "memory");
	assert_int_equal(r.new_max, 256);
	assert_int_equal(r.base, 0x9d000);
	assert_int_equal(r.size, 0x1800);
	/* the spec's failure text (section 7) */
	assert_true(lp_test_parse(
		"memblock: Failed to double reserved array from 128 "
		"to 256 entries !",
		&r));
	assert_int_equal(r.kind, LP_DOUBLE_FAILED);
	assert_string_equal(r.name, "reserved");
	assert_int_equal(r.old_max, 128);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefix_variants),
		cmocka_unit_test(test_prefix_syslog_and_level),
		cmocka_unit_test(test_reserve_64bit),
		cmocka_unit_test(test_reserve_32bit),
		cmocka_unit_test(test_remove_wrapped_crlf),
		cmocka_unit_test(test_free_zero_size_and_4x),
		cmocka_unit_test(test_reserve_with_flags_field),
		cmocka_unit_test(test_free_late),
		cmocka_unit_test(test_phys_alloc_range),
		cmocka_unit_test(test_alloc_try_nid_variants),
		cmocka_unit_test(test_doubled),
		cmocka_unit_test(test_dmesg_stamp_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
