/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The build option: memblock_bootmem honours MEMBLOCK_NO_BOOTMEM (the test
 * is told the option's value as OPTION_NO_BOOTMEM), memblock_bootmem_all
 * always has both back ends (checked by the other bootmem tests).
 */
#include <memblock/bootmem.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

static void test_backends_follow_option(void **state)
{
	(void)state;
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);
	struct bootmem bm;

	assert_true(bootmem_backend_available(BOOTMEM_BACKEND_MEMBLOCK));
	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_MEMBLOCK),
			 0);
#if OPTION_NO_BOOTMEM
	assert_false(bootmem_backend_available(BOOTMEM_BACKEND_BITMAP));
	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_BITMAP),
			 -MB_EINVAL);
#else
	assert_true(bootmem_backend_available(BOOTMEM_BACKEND_BITMAP));
	assert_int_equal(bootmem_init(&bm, &h->mb, BOOTMEM_BACKEND_BITMAP), 0);
#endif
	h_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backends_follow_option),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
