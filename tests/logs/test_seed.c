/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The seed's boot (shared/seed/memblock-and-bootmem.md, a 4.x kernel on
 * vexpress-a9 with 128 MiB at 0x60000000), replayed on the core with the
 * 32-bit profile and 4.x trace names: every reservation, allocation, free
 * and the dump must come out as the seed printed them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "log_replay.h"

#define SEED MEMBLOCK_SHARED_DIR "/seed/memblock-and-bootmem.md"

/*
 * The seed's plain reservations with a memblock_alloc_range_nid caller come
 * from 4.x memblock_alloc(size, align), which leaves no request line. The
 * size is the printed range; the alignment is inferred:
 *  - page-multiple sizes are ARM page-table pages (early_alloc: align =
 *    PAGE_SIZE): [0x67ffe000-0x67ffffff] (8 KiB), 0x67ffd000, 0x67ffb000..
 *  - the others are device-tree / io-table records aligned to 4 (their
 *    __alignof__): 40 bytes at 0x67ffcfd8, the 43972-byte unflattened DT at
 *    0x67eee43c, the 27- and 24-byte property strings.
 * Any alignment that divides the printed address and is at most the one
 * the kernel used gives the same top-down placement.
 */
static void orphan(struct memblock *mb, mb_phys_t base, mb_phys_t size, int n)
{
	mb_phys_t align = size % 4096 == 0 ? 4096 : 4;
	mb_phys_t got = mb_phys_alloc_try_nid(mb, size, align, MB_NUMA_NO_NODE);

	if (got != base)
		printf("seed line %d: allocated 0x%llx, seed shows 0x%llx\n", n,
		       (unsigned long long)got, (unsigned long long)base);
}

static void test_seed_boot(void **state)
{
	static struct memblock_region mem[128], res[128];
	struct memblock mb;
	struct log log;
	struct mb_env env = log_replay_env();
	struct replay_hooks hooks = {.orphan = orphan, .fold_blanks = true};
	(void)state;

	assert_true(log_load(&log, SEED));
	assert_int_equal(mb_init(&mb, &mb_profile_arm32, &env, mem, 128, res,
				 128, NULL, 0),
			 0);
	mb.style = MB_STYLE_LINUX_4;
	/* memory from the ATAGs/DT, before memblock=debug: untraced */
	assert_int_equal(mb_add(&mb, 0x60000000, 0x8000000), 0);
	/* arm: current_limit = arm_lowmem_limit; 128 MiB is all lowmem, so
	 * the top of RAM 0x60000000 + 0x8000000 = 0x68000000 */
	mb_set_current_limit(&mb, 0x68000000);
	mb_set_debug(&mb, true);

	/* seed lines 119 (first reserve) .. 196 (the last line of the log) */
	assert_int_equal(log_replay(&mb, &log, 119, 196, &hooks), 0);

	/* final state: the last allocation is 120 bytes at 0x67ffc0c0 (seed
	 * line 191), and the two 4 KiB pcpu info blocks were freed again */
	assert_true(mb_is_reserved(&mb, 0x67ffc0c0));
	assert_false(mb_is_reserved(&mb, 0x67eed400));
	assert_false(mb_is_reserved(&mb, 0x67eec400));
	assert_int_equal(mb_check(&mb, NULL), 0);
	log_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_boot),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
