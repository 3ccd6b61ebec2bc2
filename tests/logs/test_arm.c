/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Linux 6.1 armmp (32-bit ARM) boots replayed on the core, from the kernel
 * image reservation to the log's last memblock line: every trace line and
 * the dump must come out exactly as the kernel printed them.
 *  - arm_vexpress_128M.log: the seed's board.
 *  - arm_vexpress_1G_smp4.log: HighMem above 0x90000000 (current_limit).
 *  - arm_vexpress_512M_mem256M_cma.log: mem=256M (traced remove + add),
 *    cma=32M.
 *  - arm_virt_512M_smp1.log: QEMU virt, RAM at 0x40000000.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "log_replay.h"

/** struct arm_boot - the state before memblock=debug, per log. */
struct arm_boot {
	const char *file;
	int first;	    /* first line replayed */
	mb_phys_t ram_base; /* the DT memory node (before debug) */
	mb_phys_t ram_size;
	mb_phys_t dtb_base; /* the DTB's own reservation (before debug) */
	mb_phys_t dtb_size;
	mb_phys_t lowmem_end; /* current_limit = arm_lowmem_limit */
};

static const struct arm_boot *cur;

/*
 * The CMA area's request goes straight to memblock_alloc_range_nid
 * (untraced): CMA aligns to one pageblock, 8 MiB on armmp (MAX_ORDER 12:
 * order-11 pages), and may sit above lowmem (1G log: 0x9f000000, HighMem);
 * it lands at the top of RAM.
 */
static void orphan(struct memblock *mb, mb_phys_t base, mb_phys_t size, int n)
{
	mb_phys_t got = mb_alloc_range_nid(mb, size, 0x800000, 0,
					   cur->ram_base + cur->ram_size,
					   MB_NUMA_NO_NODE, false);

	if (got != base)
		printf("line %d: CMA at 0x%llx, log shows 0x%llx\n", n,
		       (unsigned long long)got, (unsigned long long)base);
}

static void replay_arm(const struct arm_boot *boot)
{
	static struct memblock_region mem[128], res[128];
	struct memblock mb;
	struct log log;
	struct mb_env env = log_replay_env();
	struct replay_hooks hooks = {.orphan = orphan};
	char path[512];

	cur = boot;
	snprintf(path, sizeof(path), "%s/logs/%s", MEMBLOCK_SHARED_DIR,
		 boot->file);
	assert_true(log_load(&log, path));
	assert_int_equal(mb_init(&mb, &mb_profile_arm32, &env, mem, 128, res,
				 128, NULL, 0),
			 0);
	/* Before memblock=debug is parsed (logs/README.md): the DT memory
	 * node and the DTB's own reservation (reserved[0x2] of each first
	 * dump). */
	assert_int_equal(mb_add(&mb, boot->ram_base, boot->ram_size), 0);
	assert_int_equal(mb_reserve(&mb, boot->dtb_base, boot->dtb_size), 0);
	mb_set_current_limit(&mb, boot->lowmem_end);
	mb_set_debug(&mb, true);

	assert_int_equal(log_replay(&mb, &log, boot->first, log.count, &hooks),
			 0);
	assert_int_equal(mb_check(&mb, NULL), 0);
	log_replay_release(&mb, mem, res);
	log_free(&log);
}

static void test_vexpress_128M(void **state)
{
	/* RAM "node 0: [mem 0x60000000-0x67ffffff]" (line 80), DTB
	 * [0x64000000-0x6400bc21] (line 44), all 128 MiB lowmem */
	static const struct arm_boot b = {.file = "arm_vexpress_128M.log",
					  .first = 31,
					  .ram_base = 0x60000000,
					  .ram_size = 0x8000000,
					  .dtb_base = 0x64000000,
					  .dtb_size = 0xbc22,
					  .lowmem_end = 0x68000000};
	(void)state;
	replay_arm(&b);
}

static void test_vexpress_1G(void **state)
{
	/* RAM [0x60000000-0x9fffffff] (line 17), DTB [0x68000000-0x6800bc21]
	 * (line 21), HighMem from 0x90000000 (line 38) */
	static const struct arm_boot b = {.file = "arm_vexpress_1G_smp4.log",
					  .first = 8,
					  .ram_base = 0x60000000,
					  .ram_size = 0x40000000,
					  .dtb_base = 0x68000000,
					  .dtb_size = 0xbc22,
					  .lowmem_end = 0x90000000};
	(void)state;
	replay_arm(&b);
}

static void test_vexpress_mem256M(void **state)
{
	/* QEMU gives 512 MiB [0x60000000, 0x80000000); mem=256M removes it
	 * and adds [0x60000000-0x6fffffff] back (lines 6-7, traced); DTB
	 * [0x68000000-0x6800bc21] (line 23); 256 MiB all lowmem */
	static const struct arm_boot b = {
		.file = "arm_vexpress_512M_mem256M_cma.log",
		.first = 6,
		.ram_base = 0x60000000,
		.ram_size = 0x20000000,
		.dtb_base = 0x68000000,
		.dtb_size = 0xbc22,
		.lowmem_end = 0x70000000};
	(void)state;
	replay_arm(&b);
}

static void test_virt_512M(void **state)
{
	/* RAM [0x40000000-0x5fffffff] (line 17), DTB [0x48000000-0x480fffff]
	 * (line 21), 512 MiB all lowmem */
	static const struct arm_boot b = {.file = "arm_virt_512M_smp1.log",
					  .first = 10,
					  .ram_base = 0x40000000,
					  .ram_size = 0x20000000,
					  .dtb_base = 0x48000000,
					  .dtb_size = 0x100000,
					  .lowmem_end = 0x60000000};
	(void)state;
	replay_arm(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vexpress_128M),
		cmocka_unit_test(test_vexpress_1G),
		cmocka_unit_test(test_vexpress_mem256M),
		cmocka_unit_test(test_virt_512M),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
