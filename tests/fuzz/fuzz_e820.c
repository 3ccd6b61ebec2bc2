/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_e820: the input is a raw e820 map (20-byte entries: addr, size,
 * type, little-endian, as the BIOS hands them over). It is sanitized and
 * registered with memblock; the tables must stay valid.
 */
#include "fuzz_util.h"

#include <memblock/firmware/e820.h>
#include <string.h>

static uint64_t le(const uint8_t *p, int n)
{
	uint64_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct harness h;
	static struct mb_e820_entry entries[128];
	static uint64_t scratch[MB_E820_SCRATCH_BYTES(128) / 8];
	struct mb_e820_table t;

	fuzz_instance(&h, &mb_profile_x86_64);
	mb_e820_table_init(&t, entries, 128, scratch, sizeof(scratch));
	for (size_t off = 0; off + 20 <= size; off += 20)
		if (mb_e820_range_add(&t, le(data + off, 8),
				      le(data + off + 8, 8),
				      (uint32_t)le(data + off + 16, 4)))
			break;
	if (mb_e820_sanitize(&t) == 0)
		mb_e820_memblock_setup(&h.mb, &t, NULL);
	fuzz_check(&h.mb, "fuzz_e820");
	harness_end(&h);
	return 0;
}
