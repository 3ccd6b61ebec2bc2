/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * All-or-nothing for bootmem. Memblock-shim back end: seeded random
 * reserve / free / allocation calls on small tables (growth on almost
 * every call), each run with growth refused and with the first growth
 * failing; a call that reports failure must leave the memblock instance
 * and struct bootmem byte for byte as before. Bitmap back end: refused
 * calls (BOOTMEM_EXCLUSIVE on a reserved page, an allocation that cannot
 * fit) must leave the bitmap and struct bootmem unchanged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/bootmem.h>

#include "aon_snap.h"

#define MiB (1ULL << 20)

static uint64_t rng = 42;

static uint64_t rnd(uint64_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? rng % n : 0;
}

/* One random bootmem call; true when it reported failure. */
static bool call(struct bootmem *bm, unsigned kind, uint64_t a, uint64_t b,
		 uint64_t c)
{
	switch (kind) {
	case 0:
		return bootmem_reserve(bm, a, b, BOOTMEM_DEFAULT) < 0;
	case 1:
		return bootmem_reserve(bm, a, b, BOOTMEM_EXCLUSIVE) < 0;
	case 2:
		return bootmem_free(bm, a, b) < 0;
	case 3:
		return bootmem_alloc_phys(bm, -1, b, 1ULL << (c % 16), a, 0,
					  BOOTMEM_ALLOC_NOPANIC) == 0;
	default:
		return __alloc_bootmem_nopanic(bm, b, 0, a) == NULL;
	}
}

static void shim_backend(void **state)
{
	(void)state;
	static struct harness h;
	struct hcfg cfg = {.profile = &mb_profile_x86_64, .nmem = 2, .nres = 2};
	struct bootmem bm;
	unsigned long checked = 0, calls = 0;

	harness_start(&h, &cfg);
	mb_allow_resize(&h.mb);
	assert_int_equal(mb_add(&h.mb, MiB, 64 * MiB), 0);
	assert_int_equal(bootmem_init(&bm, &h.mb, BOOTMEM_BACKEND_MEMBLOCK), 0);
	for (int i = 0; i < 1500; i++) {
		unsigned kind = (unsigned)rnd(5);
		uint64_t a = MiB + 0x1000 * rnd(16384);
		uint64_t b = 1 + rnd(0x20000), c = rnd(64);
		struct snap s;
		snap_take(&h, &s);
		struct bootmem bm_before = bm;
		for (int mode = 0; mode < 2; mode++) {
			snap_restore(&h, &s);
			bm = bm_before;
			h.mb.can_resize = mode == 1;
			h.mb.fail_growth_after =
				mode == 1 ? s.mb.growth_count + 1 : 0;
			struct memblock before = h.mb;
			calls++;
			if (call(&bm, kind, a, b, c)) {
				char why[128];
				checked++;
				if (!snap_equal(&h, &before, &s, why,
						sizeof(why)))
					fail_msg(
						"call %d kind %u (%#llx, %#llx)"
						" mode %d: %s",
						i, kind, (unsigned long long)a,
						(unsigned long long)b, mode,
						why);
				assert_memory_equal(&bm, &bm_before,
						    sizeof(bm));
			}
		}
		/* then for real, growth allowed */
		snap_restore(&h, &s);
		bm = bm_before;
		h.mb.can_resize = true;
		h.mb.fail_growth_after = 0;
		call(&bm, kind, a, b, c);
		assert_int_equal(mb_check(&h.mb, NULL), 0);
		snap_drop(&s);
	}
	/* the run must have exercised failures, not only successes */
	assert_true(checked > 100);
	assert_true(calls == 3000);
	harness_end(&h);
}

static void bitmap_backend(void **state)
{
	(void)state;
	static struct harness h;
	struct hcfg cfg = {
		.profile = &mb_profile_arm32, .nmem = 128, .nres = 128};
	struct bootmem bm;
	static uint8_t map[8192];

	harness_start(&h, &cfg);
	/* RAM 0x60000000 + 64 MiB = pfns [0x60000, 0x64000) */
	assert_int_equal(mb_add(&h.mb, 0x60000000, 64 * MiB), 0);
	assert_int_equal(bootmem_init(&bm, &h.mb, BOOTMEM_BACKEND_BITMAP), 0);
	long bytes = bootmem_init_node(&bm, 0, 0x60000, 0x60000, 0x64000, map,
				       sizeof(map));
	/* 0x4000 pages = 0x4000 bits = 2048 bytes */
	assert_int_equal(bytes, 2048);
	/* everything starts reserved; free all but the first 1 MiB */
	assert_int_equal(bootmem_free(&bm, 0x60100000, 63 * MiB), 0);
	for (int i = 0; i < 500; i++) {
		uint64_t a = 0x60000000 + 0x1000 * rnd(0x4000);
		uint64_t b = 0x1000 * (1 + rnd(64));
		uint8_t before_map[2048];
		struct bootmem before = bm;
		memcpy(before_map, map, sizeof(before_map));
		if (rnd(2)) {
			if (bootmem_reserve(&bm, a, b, BOOTMEM_EXCLUSIVE) ==
			    -MB_EBUSY) {
				assert_memory_equal(map, before_map,
						    sizeof(before_map));
				assert_memory_equal(&bm, &before, sizeof(bm));
			}
		} else {
			/* more than the node holds can never fit */
			assert_int_equal(
				bootmem_alloc_phys(&bm, 0, 65 * MiB, 0x1000, 0,
						   0, BOOTMEM_ALLOC_NOPANIC),
				0);
			assert_memory_equal(map, before_map,
					    sizeof(before_map));
			bootmem_free(&bm, a, b);
		}
	}
	harness_end(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shim_backend),
		cmocka_unit_test(bitmap_backend),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
