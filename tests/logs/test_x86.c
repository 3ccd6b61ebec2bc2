/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Linux 6.1 amd64 boots replayed on the core, from the e820 stage to the
 * log's last memblock line: every trace line and both dumps must come out
 * exactly as the kernel printed them.
 *  - x86_512M.log: e820 adds, trim, real-mode and page-table allocations,
 *    ACPI reservations, NUMA faking, NODE_DATA, sparse, pcpu, hashes.
 *  - x86_1G_memmap130_double.log: 130 memmap=4K$N holes make 132 memory
 *    regions: the memory table doubles during the e820 adds (line 432) and
 *    the reserved table later (line 1645), with the kernel's addresses;
 *    replayed to line 1840 (memblock_discard's frees follow).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "log_replay.h"

/** struct x86_boot - what one log cannot show, with its line numbers. */
struct x86_boot {
	const char *file;
	int first;	       /* first line replayed (the smp_scan_config) */
	mb_phys_t kernel_base; /* kernel image reserved before debug */
	mb_phys_t kernel_end;  /* (up to the traced setup_arch reserve) */
	int dump_line;	       /* first dump: trim runs just before it */
	int limit_line;	       /* after init_mem_mapping: limit = RAM top */
	mb_phys_t ram_top;     /* end of the last e820 RAM range */
	int node_line;
	/* SRAT nodes (end exclusive); none = one faked node [0, ram_top) */
	mb_phys_t node_base[2], node_end[2];
	int nr_nodes;
	/* movable_node: bottom-up allocation until SRAT is parsed */
	bool movable_node;
	/* other reservations made before debug (EFI setup_data), or 0 */
	mb_phys_t extra_base[2],
		extra_size[2]; /* "Faking a node at [mem 0-(ram_top-1)]" */
	int last;	       /* last line replayed (0 = end of the log) */
};

static const struct x86_boot *cur;

static void at_line(struct memblock *mb, int n)
{
	if (n == cur->dump_line)
		/* e820__memblock_setup ends with memblock_trim_memory
		 * (PAGE_SIZE), untraced; 6.1 leaves total_size 0xc00 high
		 * ([0x1000, 0x9fc00) -> [0x1000, 0x9f000)) */
		mb_trim_memory(mb, 4096);
	if (n == cur->limit_line)
		/* logs/README.md: 1 MiB until the early page tables are
		 * mapped, then the top of RAM */
		mb_set_current_limit(mb, cur->ram_top);
	if (n == cur->node_line && cur->movable_node)
		/* numa_init: back to top-down once SRAT has been parsed */
		mb_set_bottom_up(mb, false);
	if (n == cur->node_line) {
		/* numa init (untraced memblock_set_node): memory and the
		 * reservations inside each node's range get its id; the
		 * second dump shows which regions print "on node N" */
		if (!cur->nr_nodes) {
			mb_set_node(mb, 0, cur->ram_top, &mb->memory, 0);
			mb_set_node(mb, 0, cur->ram_top, &mb->reserved, 0);
		}
		for (int i = 0; i < cur->nr_nodes; i++) {
			/* numa_cleanup_meminfo trims each node to the
			 * end of RAM (max_pfn) first */
			mb_phys_t b = cur->node_base[i];
			mb_phys_t e = cur->node_end[i] < cur->ram_top
					      ? cur->node_end[i]
					      : cur->ram_top;
			mb_phys_t sz = e - b;

			mb_set_node(mb, b, sz, &mb->memory, i);
			mb_set_node(mb, b, sz, &mb->reserved, i);
		}
	}
}

static const struct log *cur_log;

/*
 * The only results without a request line: NODE_DATA(N), allocated by
 * memblock_phys_alloc_try_nid(size, SMP_CACHE_BYTES, N), untraced; the
 * kernel's next line names N ("NODE_DATA(1) allocated [mem ...]").
 * x86_512M: 0x1ffe0000 - 0x2b000 = 0x1ffb5000 (line 72).
 */
static void orphan(struct memblock *mb, mb_phys_t base, mb_phys_t size, int n)
{
	int nid = 0;

	if (n < cur_log->count &&
	    sscanf(cur_log->line[n], "NODE_DATA(%d)", &nid) != 1)
		nid = 0;
	mb_phys_t got = mb_phys_alloc_try_nid(mb, size, 64, nid);

	if (got != base)
		printf("line %d: got 0x%llx, log shows 0x%llx\n", n,
		       (unsigned long long)got, (unsigned long long)base);
}

static void replay_x86(const struct x86_boot *boot)
{
	static struct memblock_region mem[128], res[128];
	struct memblock mb;
	struct log log;
	struct mb_env env = log_replay_env();
	struct replay_hooks hooks = {.at_line = at_line, .orphan = orphan};
	char path[512];

	cur = boot;
	cur_log = &log;
	snprintf(path, sizeof(path), "%s/logs/%s", MEMBLOCK_SHARED_DIR,
		 boot->file);
	assert_true(log_load(&log, path));
	assert_int_equal(mb_init(&mb, &mb_profile_x86_64, &env, mem, 128, res,
				 128, NULL, 0),
			 0);
	/* Reservations made before memblock=debug is parsed, as the first
	 * dump shows them minus what the traced lines add: page 0..64K, the
	 * BIOS area [0x9f000, 1M) and the kernel image. */
	mb_reserve(&mb, 0, 0x10000);
	mb_reserve(&mb, 0x9f000, 0x61000);
	mb_reserve(&mb, boot->kernel_base,
		   boot->kernel_end - boot->kernel_base);
	for (int i = 0; i < 2; i++)
		if (boot->extra_size[i])
			mb_reserve(&mb, boot->extra_base[i],
				   boot->extra_size[i]);
	/* setup_arch: current_limit = ISA_END_ADDRESS (1 MiB); and
	 * e820__memblock_setup starts with memblock_allow_resize() */
	mb_set_current_limit(&mb, 0x100000);
	mb_allow_resize(&mb);
	if (boot->movable_node) {
		/* setup_arch: movable_node -> memblock_set_bottom_up(true) */
		mb.movable_node = true;
		mb_set_bottom_up(&mb, true);
	}
	mb_set_debug(&mb, true);

	assert_int_equal(log_replay(&mb, &log, boot->first,
				    boot->last ? boot->last : log.count,
				    &hooks),
			 0);
	assert_int_equal(mb_check(&mb, NULL), 0);
	log_replay_release(&mb, mem, res);
	log_free(&log);
}

static void test_x86_512M(void **state)
{
	/* kernel [0xd200000, 0x10600000): reserved[0x2] of the first dump
	 * (line 43) ends at 0x10610fff, of which line 32 reserves
	 * [0x10600000, 0x10610fff]. Lines: dump 35, init_mem_mapping's free
	 * 49, "Faking a node" 71. */
	static const struct x86_boot b = {.file = "x86_512M.log",
					  .first = 30,
					  .kernel_base = 0xd200000,
					  .kernel_end = 0x10600000,
					  .dump_line = 35,
					  .limit_line = 50,
					  .ram_top = 0x1ffe0000,
					  .node_line = 71,
					  .last = 0};
	(void)state;
	replay_x86(&b);
}

static void test_x86_1G_double(void **state)
{
	/* kernel [0x2c800000, 0x2fc00000): first dump reserved[0x2] ends at
	 * 0x2fc10fff, line 302 adds [0x2fc00000, 0x2fc10fff]. RAM ends at
	 * 0x3ffe0000 ("Faking a node at [mem 0-0x3ffdffff]", line 842).
	 * Lines: dump 437, init_mem_mapping's free 581. The replay stops at
	 * 1840: lines 1841-1842 are memblock_free_late from memblock_discard
	 * (freeing the grown arrays after the hand-over), which has no core
	 * entry point. */
	static const struct x86_boot b = {.file = "x86_1G_memmap130_double.log",
					  .first = 300,
					  .kernel_base = 0x2c800000,
					  .kernel_end = 0x2fc00000,
					  .dump_line = 437,
					  .limit_line = 582,
					  .ram_top = 0x3ffe0000,
					  .node_line = 842,
					  .last = 1840};
	(void)state;
	replay_x86(&b);
}

static void test_x86_4G(void **state)
{
	/* 3 GiB below the PCI hole + 1 GiB at 4 GiB. Kernel reserved[0x2]
	 * [0x97000000-0x9a410fff] of the first dump (line 48), line 35 adds
	 * [0x9a400000-...]. Lines: dump 39, init_mem_mapping's free 54,
	 * "Faking a node at [mem 0-0x13fffffff]" 83. */
	static const struct x86_boot b = {.file = "x86_4G_smp4.log",
					  .first = 33,
					  .kernel_base = 0x97000000,
					  .kernel_end = 0x9a400000,
					  .dump_line = 39,
					  .limit_line = 55,
					  .ram_top = 0x140000000ULL,
					  .node_line = 83,
					  .last = 0};
	(void)state;
	replay_x86(&b);
}

static void test_x86_1G_memmap(void **state)
{
	/* memmap=64M$256M, 16M#512M, 32M!768M cut RAM into 5 e820 ranges
	 * (lines 50-54). Kernel [0x2c000000-0x2f410fff] (first dump), line 49
	 * adds [0x2f400000-...]. Lines: dump 55, init_mem_mapping's free 72,
	 * "Faking a node at [mem 0-0x3ffdffff]" 95. */
	static const struct x86_boot b = {.file = "x86_1G_memmap.log",
					  .first = 47,
					  .kernel_base = 0x2c000000,
					  .kernel_end = 0x2f400000,
					  .dump_line = 55,
					  .limit_line = 73,
					  .ram_top = 0x3ffe0000,
					  .node_line = 95,
					  .last = 0};
	(void)state;
	replay_x86(&b);
}

static void test_x86_2G_numa2_uneven(void **state)
{
	/* SRAT: node 0 [0-0x1fffffff], node 1 [0x20000000-0x7fffffff]
	 * (lines 78-81), applied before NODE_DATA(0) (line 82). Kernel
	 * [0x35a00000-0x38e10fff] (first dump), line 34 adds
	 * [0x38e00000-...]. Lines: dump 37, init_mem_mapping's free 51. */
	static const struct x86_boot b = {.file = "x86_2G_numa2_uneven.log",
					  .first = 32,
					  .kernel_base = 0x35a00000,
					  .kernel_end = 0x38e00000,
					  .dump_line = 37,
					  .limit_line = 52,
					  .ram_top = 0x7ffe0000,
					  .node_line = 82,
					  .node_base = {0, 0x20000000},
					  .node_end = {0x20000000, 0x80000000},
					  .nr_nodes = 2};
	(void)state;
	replay_x86(&b);
}

static void test_x86_2G_numa2_movable_node(void **state)
{
	/* movable_node: bottom-up (real mode at 0x10000, line 47) until SRAT
	 * is parsed. SRAT node 0 [0-0x3fffffff], node 1 [0x40000000-
	 * 0x7fffffff] (the hotplug range above 4G has no memory), applied
	 * before NODE_DATA(0) (line 80). No init_mem_mapping free in this
	 * log: the limit is raised after the real-mode allocation (57).
	 * Kernel [0x23600000-0x26a10fff] (first dump), line 34 adds
	 * [0x26a00000-...]. */
	static const struct x86_boot b = {
		.file = "x86_2G_numa2_movable_node.log",
		.first = 32,
		.kernel_base = 0x23600000,
		.kernel_end = 0x26a00000,
		.dump_line = 37,
		.limit_line = 57,
		.ram_top = 0x7ffe0000,
		.node_line = 80,
		.node_base = {0, 0x40000000},
		.node_end = {0x40000000, 0x80000000},
		.nr_nodes = 2,
		.movable_node = true};
	(void)state;
	replay_x86(&b);
}

static void test_x86_ovmf_1G(void **state)
{
	/* UEFI (OVMF): e820 built from the EFI memory map, unaligned RAM
	 * ranges (lines 62-72), efi_reserve_boot_services. Before debug:
	 * kernel [0xee00000-0x12210fff] (line 61 adds [0x12200000-...]) and
	 * two setup_data blocks, reserved[0x3] and [0x4] of the first dump
	 * (line 73). Lines: init_mem_mapping's free 207, "Faking a node at
	 * [mem 0-0x3ff4ffff]" 233. */
	static const struct x86_boot b = {
		.file = "x86_ovmf_1G_smp2.log",
		.first = 21,
		.kernel_base = 0xee00000,
		.kernel_end = 0x12200000,
		.dump_line = 73,
		.limit_line = 208,
		.ram_top = 0x3ff50000,
		.node_line = 233,
		.extra_base = {0x3dc07018, 0x3dc45018},
		.extra_size = {0x3d040, 0x9c40}};
	(void)state;
	replay_x86(&b);
}

static void test_x86_ovmf_1G_efidebug(void **state)
{
	/* The same UEFI boot with efi=debug (KASLR moved the kernel to
	 * [0x23c00000-0x27010fff], line 200 adds [0x27000000-...]). Lines:
	 * dump 212, init_mem_mapping's free 346, "Faking a node" 372. */
	static const struct x86_boot b = {
		.file = "x86_ovmf_1G_smp2_efidebug.log",
		.first = 21,
		.kernel_base = 0x23c00000,
		.kernel_end = 0x27000000,
		.dump_line = 212,
		.limit_line = 347,
		.ram_top = 0x3ff50000,
		.node_line = 372,
		.extra_base = {0x3dc07018, 0x3dc45018},
		.extra_size = {0x3d040, 0x9c40}};
	(void)state;
	replay_x86(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x86_512M),
		cmocka_unit_test(test_x86_1G_double),
		cmocka_unit_test(test_x86_4G),
		cmocka_unit_test(test_x86_1G_memmap),
		cmocka_unit_test(test_x86_2G_numa2_uneven),
		cmocka_unit_test(test_x86_2G_numa2_movable_node),
		cmocka_unit_test(test_x86_ovmf_1G),
		cmocka_unit_test(test_x86_ovmf_1G_efidebug),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
