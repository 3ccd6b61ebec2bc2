/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arm_vexpress_128M.log (Linux 6.1 armmp, the seed's board): from the
 * kernel image reservation (line 31) through the first dump (37-45) and
 * every allocation after it to the log's last memblock line (156), the core
 * must print exactly the kernel's lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "log_replay.h"

#define LOG MEMBLOCK_SHARED_DIR "/logs/arm_vexpress_128M.log"

/*
 * Line 35, [0x67000000-0x67ffffff]: the CMA area (cma=16M default), whose
 * request goes straight to memblock_alloc_range_nid (untraced). CMA aligns
 * to 4 MiB (order-10 pages on arm32) and stays below arm's DMA limit; the
 * top 16 MiB of RAM is 0x68000000 - 0x1000000 = 0x67000000.
 */
static void orphan(struct memblock *mb, mb_phys_t base, mb_phys_t size, int n)
{
	mb_phys_t got = mb_alloc_range_nid(mb, size, 0x400000, 0, 0x68000000,
					   MB_NUMA_NO_NODE, false);

	if (got != base)
		printf("line %d: CMA at 0x%llx, log shows 0x%llx\n", n,
		       (unsigned long long)got, (unsigned long long)base);
}

static void test_vexpress_128M(void **state)
{
	static struct memblock_region mem[128], res[128];
	struct memblock mb;
	struct log log;
	struct mb_env env = log_replay_env();
	struct replay_hooks hooks = {.orphan = orphan};
	(void)state;

	assert_true(log_load(&log, LOG));
	assert_int_equal(mb_init(&mb, &mb_profile_arm32, &env, mem, 128, res,
				 128, NULL, 0),
			 0);
	/* Before memblock=debug is parsed (logs/README.md): the DT memory
	 * node and the DTB's own reservation. Memory: "node 0: [mem
	 * 0x60000000-0x67ffffff]" (line 80). DTB: reserved[0x2] of the first
	 * dump, [0x64000000-0x6400bc21] = 0xbc22 bytes (line 44). */
	assert_int_equal(mb_add(&mb, 0x60000000, 0x8000000), 0);
	assert_int_equal(mb_reserve(&mb, 0x64000000, 0xbc22), 0);
	/* current_limit = arm_lowmem_limit = top of the 128 MiB lowmem */
	mb_set_current_limit(&mb, 0x68000000);
	mb_set_debug(&mb, true);

	assert_int_equal(log_replay(&mb, &log, 31, log.count, &hooks), 0);
	assert_int_equal(mb_check(&mb, NULL), 0);
	log_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vexpress_128M),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
