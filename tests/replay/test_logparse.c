/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Unit tests of the log parser. Every input line is verbatim from the
 * shared corpus (../shared/logs/<file>:<line> or the seed), so the
 * expected numbers are the ones the kernel printed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "logparse.h"

static bool parse(const char *line, struct lp_record *r)
{
	const char *msg = lp_strip_prefix(line, strlen(line));

	return lp_parse_line(msg, strlen(msg), r);
}

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
	assert_true(parse(journal, &r));
	assert_int_equal(r.kind, LP_RESERVE);
	assert_int_equal(r.base, 0x60300000);
	assert_true(parse(level, &r));
	assert_int_equal(r.size, 0x1307588); /* 0x61607587 + 1 - 0x60300000 */
}

/* ---- range lines ---- */

static void test_reserve_64bit(void **state)
{
	struct lp_record r;

	(void)state;
	/* x86_512M.log:30 */
	assert_true(
		parse("[    0.018164] memblock_reserve: [0x00000000000f5ba0-"
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
	assert_true(parse("[    0.000000] memblock_reserve: [0x60300000-"
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
	assert_true(parse("[    0.000000] memblock_phys_free: [0x66e8f000-"
			  "0x66e8efff] pcpu_embed_first_chunk+0x780/0x884",
			  &r));
	assert_int_equal(r.kind, LP_PHYS_FREE);
	assert_int_equal(r.size, 0);
	/* seed:163, 4.x name and 14 hex digits */
	assert_true(parse("__memblock_free_early: [0x00000067ebc000-"
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
	assert_true(
		parse("memblock_reserve: [0x00000067ffe000-0x00000067ffffff]"
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
	assert_true(
		parse("[    0.434498] memblock_free_late: [0x000000003ffa1000-"
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
	assert_true(
		parse("[    0.019260] memblock_phys_alloc_range: 28672 bytes "
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
	assert_true(
		parse("[    0.000000] memblock_alloc_try_nid: 40 bytes "
		      "align=0x4 nid=-1 from=0x00000000 max_addr=0x00000000 "
		      "iotable_init+0x40/0xf4",
		      &r));
	assert_int_equal(r.fn, LP_FN_ALLOC_TRY_NID);
	assert_int_equal(r.nid, -1);
	assert_true(r.has_nid);
	assert_int_equal(r.width, 8);
	/* arm_vexpress_128M.log:84 */
	assert_true(parse("[    0.000000] memblock_alloc_try_nid_raw: 1179648 "
			  "bytes align=0x40 nid=0 from=0x00000000 "
			  "max_addr=0x00000000 free_area_init+0x948/0xe20",
			  &r));
	assert_int_equal(r.fn, LP_FN_ALLOC_TRY_NID_RAW);
	assert_int_equal(r.size, 1179648);
	assert_int_equal(r.nid, 0);
	/* arm64_virt_2G_numa2.log:2082: from is a virtual address */
	assert_true(
		parse("[    0.000000] memblock_alloc_exact_nid_raw: 16777216"
		      " bytes align=0x200000 nid=0 from=0xffffab5bc0000000 "
		      "max_addr=0x0000000000000000 memmap_alloc+0x28/0x3c",
		      &r));
	assert_int_equal(r.fn, LP_FN_ALLOC_EXACT_NID_RAW);
	assert_int_equal(r.from, 0xffffab5bc0000000ULL);
	/* seed:136, 4.x name, align 0 */
	assert_true(parse("memblock_virt_alloc_try_nid_nopanic: 1048576 bytes "
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
	assert_true(
		parse("[    0.000000] memblock: memory is doubled to 256 at "
		      "[0x000000000009d000-0x000000000009e7ff]",
		      &r));
	assert_int_equal(r.kind, LP_DOUBLED);
	assert_string_equal(r.name, "memory");
	assert_int_equal(r.new_max, 256);
	assert_int_equal(r.base, 0x9d000);
	assert_int_equal(r.size, 0x1800);
	/* the spec's failure text (section 7) */
	assert_true(parse("memblock: Failed to double reserved array from 128 "
			  "to 256 entries !",
			  &r));
	assert_int_equal(r.kind, LP_DOUBLE_FAILED);
	assert_string_equal(r.name, "reserved");
	assert_int_equal(r.old_max, 128);
}

/* ---- dumps ---- */

static void test_dump_block(void **state)
{
	/* arm_vexpress_128M.log:37-45 (TABs as in the file) */
	static const char buf[] =
		"[    0.000000] MEMBLOCK configuration:\n"
		"[    0.000000]  memory size = 0x08000000 reserved size = "
		"0x023171aa\n"
		"[    0.000000]  memory.cnt  = 0x1\n"
		"[    0.000000]  memory[0x0]\t[0x60000000-0x67ffffff], "
		"0x08000000"
		" bytes flags: 0x0\n"
		"[    0.000000]  reserved.cnt  = 0x4\n"
		"[    0.000000]  reserved[0x0]\t[0x60204000-0x60207fff], "
		"0x00004000 bytes flags: 0x0\n"
		"[    0.000000]  reserved[0x1]\t[0x60300000-0x61607587], "
		"0x01307588 bytes flags: 0x0\n"
		"[    0.000000]  reserved[0x2]\t[0x64000000-0x6400bc21], "
		"0x0000bc22 bytes flags: 0x0\n"
		"[    0.000000]  reserved[0x3]\t[0x67000000-0x67ffffff], "
		"0x01000000 bytes flags: 0x0\n"
		"[    0.000000] memblock_alloc_try_nid: 40 bytes align=0x4 "
		"nid=-1"
		" from=0x00000000 max_addr=0x00000000 iotable_init+0x40/0xf4\n";
	struct lp_log log;
	const struct lp_record *d;

	(void)state;
	assert_int_equal(lp_parse(buf, sizeof(buf) - 1, &log), 0);
	assert_int_equal(log.n, 2);
	d = &log.recs[0];
	assert_int_equal(d->kind, LP_DUMP);
	assert_int_equal(d->line, 1);
	assert_true(d->complete);
	assert_int_equal(d->mem_total, 0x08000000);
	assert_int_equal(d->rsv_total, 0x023171aa);
	assert_int_equal(d->n_mem, 1);
	assert_int_equal(d->n_rsv, 4);
	assert_int_equal(lp_dump_region(&log, d, 3)->base, 0x64000000);
	assert_int_equal(lp_dump_region(&log, d, 3)->size, 0xbc22);
	assert_int_equal(lp_dump_region(&log, d, 4)->nid, LP_NO_NODE);
	assert_null(lp_dump_region(&log, d, 5));
	assert_int_equal(log.recs[1].kind, LP_ALLOC);
	assert_int_equal(log.recs[1].line, 10);
	assert_int_equal(log.width, 8);
	lp_free(&log);
}

static void test_dump_seed_spaces_and_nodes(void **state)
{
	/* seed:122-129 (markdown turned the TAB into spaces), then
	 * x86_2G_numa2_movable_node.log:88 (a NUMA region) in a CRLF log */
	static const char seed[] =
		"MEMBLOCK configuration:\n"
		" memory size = 0x08000000 reserved size = 0x009a70fe\n"
		" memory.cnt  = 0x1\n"
		" memory[0x0]    [0x60000000-0x67ffffff], 0x08000000 bytes "
		"flags: 0x0\n"
		" reserved.cnt  = 0x3\n"
		" reserved[0x0]  [0x60004000-0x60007fff], 0x00004000 bytes "
		"flags: 0x0\n"
		" reserved[0x1]  [0x60100000-0x60a96fb3], 0x00996fb4 bytes "
		"flags: 0x0\n"
		" reserved[0x2]  [0x64000000-0x6400c149], 0x0000c14a bytes "
		"flags: 0x0\n";
	static const char numa[] =
		"[    0.000000] MEMBLOCK configuration:\r\n"
		"[    0.000000]  memory size = 0x000000007ff7ec00 reserved "
		"size "
		"= 0x0000000003569125\r\n"
		"[    0.000000]  memory.cnt  = 0x1\r\n"
		"[    0.000000]  memory[0x1]\t[0x0000000000100000-"
		"0x000000003fffffff], 0x000000003ff00000 bytes on node 0 "
		"flags: "
		"0x0\r\n";
	struct lp_log log;

	(void)state;
	assert_int_equal(lp_parse(seed, sizeof(seed) - 1, &log), 0);
	assert_int_equal(log.recs[0].n_mem, 1);
	assert_int_equal(lp_dump_region(&log, &log.recs[0], 0)->size,
			 0x08000000);
	assert_true(log.recs[0].complete);
	assert_int_equal(log.recs[0].rsv_total, 0x009a70fe);
	/* 0x4000 + 0x996fb4 + 0xc14a = 0x9a70fe, the printed total */
	assert_int_equal(lp_dump_region(&log, &log.recs[0], 1)->size +
				 lp_dump_region(&log, &log.recs[0], 2)->size +
				 lp_dump_region(&log, &log.recs[0], 3)->size,
			 0x009a70fe);
	lp_free(&log);
	assert_int_equal(lp_parse(numa, sizeof(numa) - 1, &log), 0);
	assert_int_equal(lp_dump_region(&log, &log.recs[0], 0)->nid, 0);
	assert_int_equal(lp_dump_region(&log, &log.recs[0], 0)->base, 0x100000);
	lp_free(&log);
}

static void test_dump_cut_is_incomplete(void **state)
{
	/* arm_vexpress_128M.log:37-41, stopped before reserved[0x0..] */
	static const char buf[] =
		"[    0.000000] MEMBLOCK configuration:\n"
		"[    0.000000]  memory size = 0x08000000 reserved size = "
		"0x023171aa\n"
		"[    0.000000]  memory.cnt  = 0x1\n"
		"[    0.000000]  memory[0x0]\t[0x60000000-0x67ffffff], "
		"0x08000000"
		" bytes flags: 0x0\n"
		"[    0.000000]  reserved.cnt  = 0x4\n"
		"[    0.000000]  reserved[0x0]\t[0x602";
	struct lp_log log;

	(void)state;
	lp_parse(buf, sizeof(buf) - 1, &log);
	assert_int_equal(log.n, 1);
	assert_false(log.recs[0].complete);
	assert_true(log.last_line_cut);
	lp_free(&log);
}

/* ---- context lines ---- */

static void test_context_lines(void **state)
{
	struct lp_record r;

	(void)state;
	/* arm_vexpress_1G_smp4.log:38 */
	assert_true(parse("[    0.000000]   HighMem  [mem 0x0000000090000000-"
			  "0x000000009fffffff]",
			  &r));
	assert_int_equal(r.kind, LP_CTX_ZONE);
	assert_string_equal(r.name, "HighMem");
	assert_int_equal(r.base, 0x90000000);
	/* arm_vexpress_128M.log:78 */
	assert_true(parse("[    0.000000]   Normal   empty", &r));
	assert_true(r.empty);
	/* arm64_virt_2G_numa2.log:2099 */
	assert_true(parse("[    0.000000]   node   1: [mem 0x0000000080000000-"
			  "0x00000000bfffffff]",
			  &r));
	assert_int_equal(r.kind, LP_CTX_NODE_RANGE);
	assert_int_equal(r.nid, 1);
	/* x86_2G_numa2_movable_node.log:78 */
	assert_true(parse("[    0.000000] ACPI: SRAT: Node 1 PXM 1 [mem "
			  "0x100000000-0x1ffffffff] hotplug",
			  &r));
	assert_int_equal(r.kind, LP_CTX_SRAT);
	assert_true(r.hotplug);
	assert_int_equal(r.end, 0x1ffffffffULL);
	/* x86_512M.log:12 */
	assert_true(parse("[    0.000000] BIOS-e820: [mem 0x0000000000000000-"
			  "0x000000000009fbff] usable",
			  &r));
	assert_int_equal(r.kind, LP_CTX_E820);
	assert_string_equal(r.name, "usable");
	/* arm64_virt_512M_smp1.log:562 */
	assert_true(parse("[    0.000000] cma: Reserved 64 MiB at "
			  "0x000000005b600000",
			  &r));
	assert_int_equal(r.kind, LP_CTX_CMA);
	assert_int_equal(r.size, 64ULL << 20);
	assert_int_equal(r.base, 0x5b600000);
	/* tests/corpus/logs/arm64_virt_4G_numa2_hugetlbcma2G.log:4134: a
	 * per-node hugetlb CMA area (its node is not on the cma: line) */
	assert_true(parse("[    0.000000] hugetlb_cma: reserved 1024 MiB on "
			  "node 1",
			  &r));
	assert_int_equal(r.kind, LP_CTX_HUGETLB_CMA);
	assert_int_equal(r.size, 1024ULL << 20);
	assert_int_equal(r.nid, 1);
	/* the line before it in the same log (4128) is not an area */
	assert_false(parse("[    0.000000] hugetlb_cma: reserve 2048 MiB, up "
			   "to 1024 MiB per node",
			   &r) &&
		     r.kind == LP_CTX_HUGETLB_CMA);
	/* tests/corpus/logs/arm64rt_1G.log:6 (PREEMPT_RT kernel): printk's
	 * own unstamped marker for 125 lost records */
	assert_true(parse("** 125 printk messages dropped **", &r));
	assert_int_equal(r.kind, LP_CTX_DROPPED);
	assert_int_equal(r.size, 125);
	/* the same stamped (as a capture tool may add one), and a text that
	 * only starts like it */
	assert_true(
		parse("[    0.000000] ** 3217 printk messages dropped **", &r));
	assert_int_equal(r.kind, LP_CTX_DROPPED);
	assert_int_equal(r.size, 3217);
	assert_false(parse("** 12 printk messages lost **", &r) &&
		     r.kind == LP_CTX_DROPPED);
	/* arm64_virt_1G_crashkernel_cma.log:1077 */
	assert_true(
		parse("[    0.000000] crashkernel reserved: 0x0000000074c00000"
		      " - 0x000000007cc00000 (128 MB)",
		      &r));
	assert_int_equal(r.kind, LP_CTX_CRASHKERNEL);
	assert_int_equal(r.size, 128ULL << 20);
	/* x86_512M.log:204 */
	assert_true(parse("[    0.046390] Built 1 zonelists, mobility grouping "
			  "on.  Total pages: 128736",
			  &r));
	assert_int_equal(r.kind, LP_CTX_TOTAL_PAGES);
	assert_int_equal(r.size, 128736);
	/* x86_2G_numa2_movable_node.log:81 and arm64_virt_2G_numa2.log:2073 */
	assert_true(parse("[    0.000000] NODE_DATA(0) allocated [mem "
			  "0x3ffd5000-0x3fffffff]",
			  &r));
	assert_int_equal(r.kind, LP_CTX_NODE_DATA);
	assert_int_equal(r.nid, 0);
	assert_true(parse("[    0.000000] NUMA: NODE_DATA [mem 0x7fffd380-"
			  "0x7fffffff]",
			  &r));
	assert_int_equal(r.kind, LP_CTX_NODE_DATA);
	assert_int_equal(r.nid, -1);
	assert_int_equal(r.base, 0x7fffd380);
	/* x86_512M.log:10 */
	assert_true(parse("[    0.000000] Command line: console=ttyS0 "
			  "memblock=debug panic=-1 loglevel=8",
			  &r));
	assert_int_equal(r.kind, LP_CTX_CMDLINE);
}

static void test_more_trace_lines(void **state)
{
	struct lp_record r;

	(void)state;
	/* x86_512M.log:33 */
	assert_true(parse("[    0.018902] memblock_add: [0x0000000000001000-"
			  "0x000000000009fbff] e820__memblock_setup+0x65/0x7d",
			  &r));
	assert_int_equal(r.kind, LP_ADD);
	assert_int_equal(r.size, 0x9ec00); /* 0x9fbff + 1 - 0x1000 */
	/* seed:140 */
	assert_true(parse("memblock_virt_alloc_try_nid: 32 bytes align=0x0 "
			  "nid=-1 from=0x0 max_addr=0x0 setup_arch+0x814/0xb8c",
			  &r));
	assert_int_equal(r.fn, LP_FN_VIRT_ALLOC_TRY_NID);
	assert_int_equal(r.size, 32);
	assert_int_equal(r.nid, -1);
	/* x86_1G_memmap130_double.log:1645-1646 */
	assert_true(parse("[    0.000000] memblock: reserved is doubled to 256 "
			  "at [0x000000003ffa1000-0x000000003ffa27ff]",
			  &r));
	assert_string_equal(r.name, "reserved");
	assert_int_equal(r.size, 0x1800); /* 256 * 24 bytes */
	assert_true(
		parse("[    0.000000] memblock_reserve: [0x000000003ffa1000-"
		      "0x000000003ffa2fff] memblock_double_array+0x211/0x249",
		      &r));
	assert_int_equal(r.kind, LP_RESERVE);
	assert_int_equal(r.size, 0x2000); /* rounded up to whole pages */
	assert_string_equal(r.caller, "memblock_double_array+0x211/0x249");
}

static void test_more_context_lines(void **state)
{
	static const struct {
		const char *line;
		enum lp_kind kind;
	} cases[] = {
		/* x86_512M.log:71, :72, :27, :162, :222, :51, :206 */
		{"[    0.025380] No NUMA configuration found", LP_CTX_NUMA},
		{"[    0.025395] Faking a node at [mem 0x0000000000000000-"
		 "0x000000001ffdffff]",
		 LP_CTX_NUMA},
		{"[    0.007339] last_pfn = 0x1ffe0 max_arch_pfn = 0x400000000",
		 LP_CTX_LAST_PFN},
		{"[    0.044679] percpu: Embedded 62 pages/cpu s217088 r8192 "
		 "d28672 u1048576",
		 LP_CTX_PERCPU},
		{"[    0.057159] Memory: 213756K/523768K available (14343K "
		 "kernel "
		 "code, 2338K rwdata, 9132K rodata, 2824K init, 17344K bss, "
		 "63644K reserved, 0K cma-reserved)",
		 LP_CTX_MEMORY},
		{"[    0.022864] ACPI: RSDP 0x00000000000F59D0 000014 (v00 "
		 "BOCHS )",
		 LP_CTX_ACPI},
		{"[    0.046505] Kernel command line: console=ttyS0 "
		 "memblock=debug "
		 "panic=-1 loglevel=8",
		 LP_CTX_CMDLINE},
		/* arm64_virt_512M_smp1.log:4 (CR removed by the driver) */
		{"[    0.000000] Machine model: linux,dummy-virt",
		 LP_CTX_MACHINE},
		/* x86_1G_memmap.log:23 */
		{"[    0.000000] user: [mem "
		 "0x0000000000000000-0x000000000009fbff]"
		 " usable",
		 LP_CTX_E820},
		/* x86_ovmf_1G_smp2.log:48 */
		{"[    0.000000] efi: EFI v2.70 by EDK II", LP_CTX_EFI},
		/* x86_512M.log:9 (EDD probe and escapes before the stamp) */
		{"Probing EDD (edd=off to disable)... o\x1b"
		 "c\x1b[?7l\x1b[2J"
		 "[    0.000000] Linux version 6.1.0-57-amd64",
		 LP_CTX_LINUX_VERSION},
	};
	struct lp_record r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_true(parse(cases[i].line, &r));
		assert_int_equal(r.kind, cases[i].kind);
	}
	assert_true(parse(cases[2].line, &r));
	assert_int_equal(r.base, 0x1ffe0); /* last_pfn */
	assert_true(parse(cases[8].line, &r));
	assert_int_equal(r.end, 0x9fbff);
	assert_string_equal(r.name, "usable");
}

/* ---- garbage and truncation ---- */

static void test_garbage_lines(void **state)
{
	struct lp_record r;
	struct lp_log log;
	char noise[512];
	size_t i;

	(void)state;
	/* arm_vexpress_128M.log:1 */
	assert_false(parse("ALSA lib confmisc.c:855:(parse_card) cannot find "
			   "card '0'",
			   &r));
	assert_false(parse("memblock_reserve: [0xzz-0x1] x", &r));
	assert_false(parse("memblock_reserve: ", &r));
	assert_false(parse("[", &r));
	assert_false(parse("[ 1.0]", &r));
	for (i = 0; i < sizeof(noise); i++)
		noise[i] = (char)(i * 131 + 7); /* includes NULs and '[' */
	assert_int_equal(lp_parse(noise, sizeof(noise), &log), 0);
	assert_int_equal(log.memblock_lines, 0);
	lp_free(&log);
	assert_int_equal(lp_parse("", 0, &log), 0);
	assert_int_equal(log.n, 0);
	lp_free(&log);
}

static void test_short_name_at_buffer_end(void **state)
{
	/* found by fuzz_replay: a 10-byte "__memblock" ending the buffer was
	 * compared as 11 bytes; an exact-size heap copy lets ASan see it */
	static const char text[] = "__memblock";
	char *buf = malloc(sizeof(text) - 1);
	struct lp_log log;

	(void)state;
	assert_non_null(buf);
	memcpy(buf, text, sizeof(text) - 1);
	assert_int_equal(lp_parse(buf, sizeof(text) - 1, &log), 0);
	assert_int_equal(log.n, 0);
	lp_free(&log);
	free(buf);
}

static void test_every_cut_of_a_request(void **state)
{
	/* arm_vexpress_128M.log:46: no prefix shorter than the caller's
	 * start may parse as a request */
	static const char line[] =
		"[    0.000000] memblock_alloc_try_nid: 40 bytes align=0x4 "
		"nid=-1 from=0x00000000 max_addr=0x00000000 "
		"iotable_init+0x40/0xf4";
	size_t caller = strlen(line) - strlen("iotable_init+0x40/0xf4");
	size_t n;
	struct lp_log log;

	(void)state;
	for (n = 0; n <= caller; n++) {
		lp_parse(line, n, &log);
		assert_true(log.n == 0 || log.recs[0].kind != LP_ALLOC);
		if (n > 15)
			assert_true(log.last_line_cut);
		lp_free(&log);
	}
	lp_parse(line, sizeof(line) - 1, &log);
	assert_int_equal(log.recs[0].kind, LP_ALLOC);
	lp_free(&log);
}

static void test_interleaved_noise(void **state)
{
	/* arm_vexpress_128M.log:46-47 with an ALSA line (log:1) between */
	static const char buf[] =
		"[    0.000000] memblock_alloc_try_nid: 40 bytes align=0x4 "
		"nid=-1"
		" from=0x00000000 max_addr=0x00000000 iotable_init+0x40/0xf4\n"
		"ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\n"
		"[    0.000000] memblock_reserve: [0x66ffffd8-0x66ffffff] "
		"memblock_alloc_range_nid+0xd0/0x168\n";
	struct lp_log log;

	(void)state;
	lp_parse(buf, sizeof(buf) - 1, &log);
	assert_int_equal(log.n, 2);
	assert_int_equal(log.recs[1].kind, LP_RESERVE);
	assert_int_equal(log.recs[1].line, 3);
	assert_int_equal(log.memblock_lines, 2);
	lp_free(&log);
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
		cmocka_unit_test(test_dump_block),
		cmocka_unit_test(test_dump_seed_spaces_and_nodes),
		cmocka_unit_test(test_dump_cut_is_incomplete),
		cmocka_unit_test(test_context_lines),
		cmocka_unit_test(test_more_trace_lines),
		cmocka_unit_test(test_more_context_lines),
		cmocka_unit_test(test_garbage_lines),
		cmocka_unit_test(test_short_name_at_buffer_end),
		cmocka_unit_test(test_every_cut_of_a_request),
		cmocka_unit_test(test_interleaved_noise),
		cmocka_unit_test(test_dmesg_stamp_formats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
