/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Linux face built with MEMBLOCK_LINUX_PROFILE_ARM32: the global starts
 * with the 32-bit ARM profile, no setup call needed, and traces in 8-digit
 * addresses like arm_vexpress_128M.log.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <memblock/linux.h>

static char last[256];

static void capture(void *ctx, const char *line)
{
	(void)ctx;
	snprintf(last, sizeof(last), "%s", line);
}

static void test_arm32_global(void **state)
{
	(void)state;
	assert_string_equal(memblock.profile.name, "arm32");
	assert_int_equal(MAX_NUMNODES, 1);
	assert_int_equal(memblock.profile.phys_bits, 32);
	/* the static tables are usable without memblock_linux_setup() */
	assert_int_equal(memblock_add(0x60000000, 0x8000000), 0);
	assert_int_equal(memblock_phys_mem_size(), 0x8000000);
	memblock_set_current_limit(0x68000000);

	/* hook up a print and turn memblock=debug on, then replay
	 * arm_vexpress_128M.log:32 with its allocation below the top */
	memblock.env.print = capture;
	memblock_debug = 1;
	memblock_reserve(0x60204000, 0x4000);
	/* caller: an address inside this program (no symbolizer) */
	assert_memory_equal(
		last, "memblock_reserve: [0x60204000-0x60207fff] 0x",
		strlen("memblock_reserve: [0x60204000-0x60207fff] 0x"));
	/* MEMBLOCK_ALLOC_NOLEAKTRACE as max means current_limit, like
	 * ACCESSIBLE: 0x68000000 - 0x1000 */
	assert_int_equal(memblock_phys_alloc_range(0x1000, 0x1000,
						   MEMBLOCK_LOW_LIMIT,
						   MEMBLOCK_ALLOC_NOLEAKTRACE),
			 0x67fff000);
	/* arm_vexpress_128M.log:49's caller text for the allocator's reserve */
	assert_string_equal(last, "memblock_reserve: [0x67fff000-0x67ffffff] "
				  "memblock_alloc_range_nid+0xd0/0x168");
	memblock_debug = 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arm32_global),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
