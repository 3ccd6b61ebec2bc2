/* SPDX-License-Identifier: BSD-2-Clause */
/* Built-in profiles: values derived from the real logs (see profile.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <memblock/memblock.h>

static void test_lookup(void **state)
{
	(void)state;
	assert_ptr_equal(mb_profile_by_name("arm32"), &mb_profile_arm32);
	assert_ptr_equal(mb_profile_by_name("arm64"), &mb_profile_arm64);
	assert_ptr_equal(mb_profile_by_name("x86_64"), &mb_profile_x86_64);
	assert_null(mb_profile_by_name("x86"));
	assert_null(mb_profile_by_name("arm3"));
	assert_null(mb_profile_by_name(NULL));
}

static void test_arm32(void **state)
{
	const struct mb_profile *p = &mb_profile_arm32;
	(void)state;
	assert_int_equal(p->phys_bits, 32);
	/* arm_vexpress_128M.log:86 align=0x40 for an align-0 request */
	assert_int_equal(p->smp_cache_bytes, 0x40);
	assert_false(p->numa);
	/* arm_vexpress_128M.log:84: 1179648 bytes / (0x8000000 / 4096) pages */
	assert_int_equal(p->page_struct_size, 1179648 / (0x8000000 / 4096));
	assert_int_equal(p->lowmem_end, 0x90000000);
	assert_int_equal(p->init_memory_regions, 128);
	assert_int_equal(p->init_physmem_regions, 0);
}

static void test_64bit(void **state)
{
	(void)state;
	assert_int_equal(mb_profile_x86_64.phys_bits, 64);
	assert_int_equal(mb_profile_x86_64.max_numnodes, 1 << 10);
	/* x86_512M.log Zone ranges: DMA ends at 0xffffff */
	assert_int_equal(mb_profile_x86_64.zone_dma_end, 0xffffff + 1);
	assert_int_equal(mb_profile_x86_64.zone_dma32_end, 0x100000000ULL);
	assert_true(mb_profile_arm64.numa);
	assert_int_equal(mb_profile_arm64.zone_dma_end, 0x100000000ULL);
	assert_int_equal(mb_profile_arm64.page_struct_size, 64);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_arm32),
		cmocka_unit_test(test_64bit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
