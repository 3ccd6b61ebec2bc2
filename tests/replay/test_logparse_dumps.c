/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Unit tests of the log parser. Every input line is verbatim from the
 * shared corpus (../shared/logs/<file>:<line> or the seed), so the
 * expected numbers are the ones the kernel printed.
 *
 * This program: MEMBLOCK configuration dumps and context lines.
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
	assert_true(lp_test_parse(
		"[    0.000000]   HighMem  [mem 0x0000000090000000-"
		"0x000000009fffffff]",
		&r));
	assert_int_equal(r.kind, LP_CTX_ZONE);
	assert_string_equal(r.name, "HighMem");
	assert_int_equal(r.base, 0x90000000);
	/* arm_vexpress_128M.log:78 */
	assert_true(lp_test_parse("[    0.000000]   Normal   empty", &r));
	assert_true(r.empty);
	/* arm64_virt_2G_numa2.log:2099 */
	assert_true(lp_test_parse(
		"[    0.000000]   node   1: [mem 0x0000000080000000-"
		"0x00000000bfffffff]",
		&r));
	assert_int_equal(r.kind, LP_CTX_NODE_RANGE);
	assert_int_equal(r.nid, 1);
	/* x86_2G_numa2_movable_node.log:78 */
	assert_true(
		lp_test_parse("[    0.000000] ACPI: SRAT: Node 1 PXM 1 [mem "
			      "0x100000000-0x1ffffffff] hotplug",
			      &r));
	assert_int_equal(r.kind, LP_CTX_SRAT);
	assert_true(r.hotplug);
	assert_int_equal(r.end, 0x1ffffffffULL);
	/* x86_512M.log:12 */
	assert_true(lp_test_parse(
		"[    0.000000] BIOS-e820: [mem 0x0000000000000000-"
		"0x000000000009fbff] usable",
		&r));
	assert_int_equal(r.kind, LP_CTX_E820);
	assert_string_equal(r.name, "usable");
	/* arm64_virt_512M_smp1.log:562 */
	assert_true(lp_test_parse("[    0.000000] cma: Reserved 64 MiB at "
				  "0x000000005b600000",
				  &r));
	assert_int_equal(r.kind, LP_CTX_CMA);
	assert_int_equal(r.size, 64ULL << 20);
	assert_int_equal(r.base, 0x5b600000);
	/* tests/corpus/logs/arm64_virt_4G_numa2_hugetlbcma2G.log:4134: a
	 * per-node hugetlb CMA area (its node is not on the cma: line) */
	assert_true(lp_test_parse(
		"[    0.000000] hugetlb_cma: reserved 1024 MiB on "
		"node 1",
		&r));
	assert_int_equal(r.kind, LP_CTX_HUGETLB_CMA);
	assert_int_equal(r.size, 1024ULL << 20);
	assert_int_equal(r.nid, 1);
	/* the line before it in the same log (4128) is not an area */
	assert_false(lp_test_parse(
			     "[    0.000000] hugetlb_cma: reserve 2048 MiB, up "
			     "to 1024 MiB per node",
			     &r) &&
		     r.kind == LP_CTX_HUGETLB_CMA);
	/* tests/corpus/logs/arm64rt_1G.log:6 (PREEMPT_RT kernel): printk's
	 * own unstamped marker for 125 lost records */
	assert_true(lp_test_parse("** 125 printk messages dropped **", &r));
	assert_int_equal(r.kind, LP_CTX_DROPPED);
	assert_int_equal(r.size, 125);
	/* the same stamped (as a capture tool may add one), and a text that
	 * only starts like it */
	assert_true(lp_test_parse(
		"[    0.000000] ** 3217 printk messages dropped **", &r));
	assert_int_equal(r.kind, LP_CTX_DROPPED);
	assert_int_equal(r.size, 3217);
	assert_false(lp_test_parse("** 12 printk messages lost **", &r) &&
		     r.kind == LP_CTX_DROPPED);
	/* arm64_virt_1G_crashkernel_cma.log:1077 */
	assert_true(lp_test_parse(
		"[    0.000000] crashkernel reserved: 0x0000000074c00000"
		" - 0x000000007cc00000 (128 MB)",
		&r));
	assert_int_equal(r.kind, LP_CTX_CRASHKERNEL);
	assert_int_equal(r.size, 128ULL << 20);
	/* x86_512M.log:204 */
	assert_true(lp_test_parse(
		"[    0.046390] Built 1 zonelists, mobility grouping "
		"on.  Total pages: 128736",
		&r));
	assert_int_equal(r.kind, LP_CTX_TOTAL_PAGES);
	assert_int_equal(r.size, 128736);
	/* x86_2G_numa2_movable_node.log:81 and arm64_virt_2G_numa2.log:2073 */
	assert_true(lp_test_parse("[    0.000000] NODE_DATA(0) allocated [mem "
				  "0x3ffd5000-0x3fffffff]",
				  &r));
	assert_int_equal(r.kind, LP_CTX_NODE_DATA);
	assert_int_equal(r.nid, 0);
	assert_true(
		lp_test_parse("[    0.000000] NUMA: NODE_DATA [mem 0x7fffd380-"
			      "0x7fffffff]",
			      &r));
	assert_int_equal(r.kind, LP_CTX_NODE_DATA);
	assert_int_equal(r.nid, -1);
	assert_int_equal(r.base, 0x7fffd380);
	/* x86_512M.log:10 */
	assert_true(lp_test_parse("[    0.000000] Command line: console=ttyS0 "
				  "memblock=debug panic=-1 loglevel=8",
				  &r));
	assert_int_equal(r.kind, LP_CTX_CMDLINE);
}

static void test_more_trace_lines(void **state)
{
	struct lp_record r;

	(void)state;
	/* x86_512M.log:33 */
	assert_true(lp_test_parse(
		"[    0.018902] memblock_add: [0x0000000000001000-"
		"0x000000000009fbff] e820__memblock_setup+0x65/0x7d",
		&r));
	assert_int_equal(r.kind, LP_ADD);
	assert_int_equal(r.size, 0x9ec00); /* 0x9fbff + 1 - 0x1000 */
	/* seed:140 */
	assert_true(lp_test_parse(
		"memblock_virt_alloc_try_nid: 32 bytes align=0x0 "
		"nid=-1 from=0x0 max_addr=0x0 setup_arch+0x814/0xb8c",
		&r));
	assert_int_equal(r.fn, LP_FN_VIRT_ALLOC_TRY_NID);
	assert_int_equal(r.size, 32);
	assert_int_equal(r.nid, -1);
	/* x86_1G_memmap130_double.log:1645-1646 */
	assert_true(lp_test_parse(
		"[    0.000000] memblock: reserved is doubled to 256 "
		"at [0x000000003ffa1000-0x000000003ffa27ff]",
		&r));
	assert_string_equal(r.name, "reserved");
	assert_int_equal(r.size, 0x1800); /* 256 * 24 bytes */
	assert_true(lp_test_parse(
		"[    0.000000] memblock_reserve: [0x000000003ffa1000-"
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
		assert_true(lp_test_parse(cases[i].line, &r));
		assert_int_equal(r.kind, cases[i].kind);
	}
	assert_true(lp_test_parse(cases[2].line, &r));
	assert_int_equal(r.base, 0x1ffe0); /* last_pfn */
	assert_true(lp_test_parse(cases[8].line, &r));
	assert_int_equal(r.end, 0x9fbff);
	assert_string_equal(r.name, "usable");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dump_block),
		cmocka_unit_test(test_dump_seed_spaces_and_nodes),
		cmocka_unit_test(test_dump_cut_is_incomplete),
		cmocka_unit_test(test_context_lines),
		cmocka_unit_test(test_more_trace_lines),
		cmocka_unit_test(test_more_context_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
