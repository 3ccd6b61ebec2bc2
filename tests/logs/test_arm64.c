/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arm64_virt_512M_smp1.log (Linux 6.1 arm64, QEMU virt, 512 MiB at
 * 0x40000000) replayed on the core from arm64_memblock_init's removes
 * (line 8) to the log's last memblock line: ~500 early page-table pages,
 * paging_init's free, NUMA faking, NODE_DATA, sparse, CMA, the dump, pcpu
 * and the hash tables must print exactly as the kernel did.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "log_replay.h"

#define LOG	 MEMBLOCK_SHARED_DIR "/logs/arm64_virt_512M_smp1.log"
#define RAM_BASE 0x40000000ULL
#define RAM_END	 0x60000000ULL /* "node 0: [mem 0x40000000-0x5fffffff]" */

static void at_line(struct memblock *mb, int n)
{
	/* line 538 "NUMA: Faking a node at [mem 0x40000000-0x5fffffff]":
	 * the memory goes to node 0 (untraced memblock_set_node); the dump
	 * (line 566) prints "on node 0" for memory only */
	if (n == 538)
		mb_set_node(mb, RAM_BASE, RAM_END - RAM_BASE, &mb->memory, 0);
}

/*
 * Results without a request line:
 *  - line 539, NODE_DATA: memblock_phys_alloc_try_nid(size,
 *    SMP_CACHE_BYTES, 0);
 *  - line 561, CMA (cma=64M default on this kernel): straight to
 *    memblock_alloc_range_nid, aligned to CMA_MIN_ALIGNMENT_BYTES = one
 *    pageblock = 2 MiB on arm64 with 4K pages, below the DMA limit (the
 *    end of RAM here, which lies below 4 GiB).
 */
static void orphan(struct memblock *mb, mb_phys_t base, mb_phys_t size, int n)
{
	mb_phys_t got;

	if (n == 539)
		got = mb_phys_alloc_try_nid(mb, size, 64, 0);
	else
		got = mb_alloc_range_nid(mb, size, 0x200000, 0, RAM_END,
					 MB_NUMA_NO_NODE, false);
	if (got != base)
		printf("line %d: got 0x%llx, log shows 0x%llx\n", n,
		       (unsigned long long)got, (unsigned long long)base);
}

static void test_arm64_virt_512M(void **state)
{
	static struct memblock_region mem[128], res[128];
	struct memblock mb;
	struct log log;
	struct mb_env env = log_replay_env();
	struct replay_hooks hooks = {.at_line = at_line, .orphan = orphan};
	(void)state;

	assert_true(log_load(&log, LOG));
	assert_int_equal(mb_init(&mb, &mb_profile_arm64, &env, mem, 128, res,
				 128, NULL, 0),
			 0);
	/* before memblock=debug: the DT memory node, and the DTB's own
	 * reservation [0x48000000-0x480fffff] (dump line 569) */
	assert_int_equal(mb_add(&mb, RAM_BASE, RAM_END - RAM_BASE), 0);
	assert_int_equal(mb_reserve(&mb, 0x48000000, 0x100000), 0);
	/* arm64: current_limit stays MEMBLOCK_ALLOC_ANYWHERE (README) */
	mb_set_debug(&mb, true);

	assert_int_equal(log_replay(&mb, &log, 8, log.count, &hooks), 0);
	assert_int_equal(mb_check(&mb, NULL), 0);
	log_replay_release(&mb, mem, res);
	log_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arm64_virt_512M),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
