/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Linux 6.1 arm64 boots (QEMU virt, device tree) replayed on the core from
 * arm64_memblock_init's removes (line 8) to the log's last memblock line:
 * hundreds of early page-table pages, paging_init's free, NUMA (faked or
 * from the DT), NODE_DATA, sparse, CMA, crashkernel, the dump, pcpu and the
 * hash tables must print exactly as the kernel did.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "log_replay.h"

#define MAX_NODES 2

/** struct arm64_boot - what one log cannot show. */
struct arm64_boot {
	const char *file;
	/* memory nodes as "node N: [mem ...]" prints them (end exclusive);
	 * the DT memory is added before memblock=debug */
	mb_phys_t node_base[MAX_NODES], node_end[MAX_NODES];
	int nr_nodes;
	int numa_line; /* memory gets its node ids before this line */
	mb_phys_t dtb_base, dtb_size; /* the DTB's own reservation */
	/* UEFI: memory comes from the EFI memory map through traced adds
	 * (nothing added before debug); the runtime regions are marked NOMAP
	 * (untraced) while the map is walked, done here at nomap_line */
	bool efi;
	int first;
	int nomap_line;
	mb_phys_t nomap_base[3], nomap_size[3];
};

static const struct arm64_boot *cur;
static const struct log *cur_log;

static void at_line(struct memblock *mb, int n)
{
	if (cur->efi && n == cur->nomap_line)
		for (int i = 0; i < 3; i++)
			if (cur->nomap_size[i])
				mb_mark_nomap(mb, cur->nomap_base[i],
					      cur->nomap_size[i]);
	/* numa_register_nodes (untraced memblock_set_node): every memory
	 * node gets its id; reserved keeps "no node" (the dumps show it) */
	if (n != cur->numa_line)
		return;
	for (int i = 0; i < cur->nr_nodes; i++)
		mb_set_node(mb, cur->node_base[i],
			    cur->node_end[i] - cur->node_base[i], &mb->memory,
			    i);
}

static int node_of(mb_phys_t addr)
{
	for (int i = 0; i < cur->nr_nodes; i++)
		if (addr >= cur->node_base[i] && addr < cur->node_end[i])
			return i;
	return MB_NUMA_NO_NODE;
}

/*
 * Results without a request line, told apart by the kernel line after:
 *  - "NUMA: NODE_DATA [mem ...]": memblock_phys_alloc_try_nid(size,
 *    SMP_CACHE_BYTES, nid) on the node that holds it;
 *  - "cma: Reserved ...": straight to memblock_alloc_range_nid, aligned to
 *    CMA_MIN_ALIGNMENT_BYTES (one pageblock: 2 MiB on arm64 with 4K
 *    pages), below the DMA limit (the end of RAM, under 4 GiB here).
 */
static void orphan(struct memblock *mb, mb_phys_t base, mb_phys_t size, int n)
{
	const char *next = n < cur_log->count ? cur_log->line[n] : "";
	mb_phys_t got;

	if (strncmp(next, "NUMA: NODE_DATA", 15) == 0)
		got = mb_phys_alloc_try_nid(mb, size, 64, node_of(base));
	else if (strncmp(next, "cma: Reserved", 13) == 0)
		got = mb_alloc_range_nid(mb, size, 0x200000, 0,
					 cur->node_end[cur->nr_nodes - 1],
					 MB_NUMA_NO_NODE, false);
	else
		got = 0;
	if (got != base)
		printf("line %d: got 0x%llx, log shows 0x%llx\n", n,
		       (unsigned long long)got, (unsigned long long)base);
}

static void replay_arm64(const struct arm64_boot *boot)
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
	assert_int_equal(mb_init(&mb, &mb_profile_arm64, &env, mem, 128, res,
				 128, NULL, 0),
			 0);
	for (int i = 0; i < boot->nr_nodes && !boot->efi; i++)
		assert_int_equal(mb_add(&mb, boot->node_base[i],
					boot->node_end[i] - boot->node_base[i]),
				 0);
	assert_int_equal(mb_reserve(&mb, boot->dtb_base, boot->dtb_size), 0);
	/* arm64: current_limit stays MEMBLOCK_ALLOC_ANYWHERE (README) */
	mb_set_debug(&mb, true);

	assert_int_equal(log_replay(&mb, &log, boot->first ? boot->first : 8,
				    log.count, &hooks),
			 0);
	assert_int_equal(mb_check(&mb, NULL), 0);
	log_replay_release(&mb, mem, res);
	log_free(&log);
}

static void test_arm64_512M(void **state)
{
	/* "node 0: [mem 0x40000000-0x5fffffff]"; "NUMA: Faking a node"
	 * (line 538); DTB [0x48000000-0x480fffff] (dump line 569) */
	static const struct arm64_boot b = {.file = "arm64_virt_512M_smp1.log",
					    .node_base = {0x40000000},
					    .node_end = {0x60000000},
					    .nr_nodes = 1,
					    .numa_line = 538,
					    .dtb_base = 0x48000000,
					    .dtb_size = 0x100000};
	(void)state;
	replay_arm64(&b);
}

static void test_arm64_2G_numa2(void **state)
{
	/* DT NUMA: "node 0: [mem 0x40000000-0x7fffffff]", "node 1: [mem
	 * 0x80000000-0xbfffffff]" (lines 2098-2099), registered before the
	 * first NODE_DATA (line 2072); DTB [0x48000000-0x480fffff] (2111) */
	static const struct arm64_boot b = {
		.file = "arm64_virt_2G_numa2.log",
		.node_base = {0x40000000, 0x80000000},
		.node_end = {0x80000000, 0xc0000000},
		.nr_nodes = 2,
		.numa_line = 2072,
		.dtb_base = 0x48000000,
		.dtb_size = 0x100000};
	(void)state;
	replay_arm64(&b);
}

static void test_arm64_1G_crashkernel_cma(void **state)
{
	/* "node 0: [mem 0x40000000-0x7fffffff]"; "NUMA: Faking a node"
	 * (line 1050); crashkernel=128M is traced (memblock_phys_alloc_range,
	 * line 1075), cma=32M is not (line 1073) */
	static const struct arm64_boot b = {
		.file = "arm64_virt_1G_crashkernel_cma.log",
		.node_base = {0x40000000},
		.node_end = {0x80000000},
		.nr_nodes = 1,
		.numa_line = 1050,
		.dtb_base = 0x48000000,
		.dtb_size = 0x100000};
	(void)state;
	replay_arm64(&b);
}

static void test_arm64_efi(const char *file, int first, int nomap_line,
			   int numa_line, mb_phys_t fdt_size)
{
	/* Before debug only the EFI stub's FDT copy is reserved
	 * ([0x7c220000, +@fdt_size), reserved[0x0] of the first dump, whose
	 * memory table is still the empty dummy). The EFI memory map adds
	 * RAM (traced) and marks the runtime regions NOMAP: flags 0x4 in the
	 * second dump, [0x4000000-0x7ffffff], [0x7c440000-0x7c72ffff],
	 * [0x7fc00000-0x7ffdffff]. "NUMA: Faking a node at [mem
	 * 0x4000000-0x7fffffff]". */
	const struct arm64_boot b = {
		.file = file,
		.node_base = {0x4000000},
		.node_end = {0x80000000},
		.nr_nodes = 1,
		.numa_line = numa_line,
		.dtb_base = 0x7c220000,
		.dtb_size = fdt_size,
		.efi = true,
		.first = first,
		.nomap_line = nomap_line,
		.nomap_base = {0x4000000, 0x7c440000, 0x7fc00000},
		.nomap_size = {0x4000000, 0x2f0000, 0x3e0000}};

	replay_arm64(&b);
}

static void test_arm64_efi_1G(void **state)
{
	/* lines: first reserve 12, last EFI add 53, faking 1106 */
	(void)state;
	test_arm64_efi("arm64_virt_efi_1G_smp2.log", 12, 54, 1106, 0x1e9);
}

static void test_arm64_efi_1G_efidebug(void **state)
{
	/* the same boot with efi=debug: lines 19, 91, 1144; the stub's FDT
	 * copy is 12 bytes longer ([0x7c220000-0x7c2201f4], line 28): its
	 * bootargs gained "efi=debug " */
	(void)state;
	test_arm64_efi("arm64_virt_efi_1G_smp2_efidebug.log", 19, 91, 1144,
		       0x1f5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arm64_512M),
		cmocka_unit_test(test_arm64_2G_numa2),
		cmocka_unit_test(test_arm64_1G_crashkernel_cma),
		cmocka_unit_test(test_arm64_efi_1G),
		cmocka_unit_test(test_arm64_efi_1G_efidebug),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
