/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_efi: the input is a descriptor-size byte and a raw UEFI memory map.
 * It is reserved the arm64 way, and turned into e820 the x86 way (both
 * kernel paths), sanitized and registered; the tables must stay valid.
 */
#include "fuzz_util.h"

#include <memblock/firmware/e820.h>
#include <memblock/firmware/efi.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct harness h;
	static struct mb_e820_entry entries[256];
	static uint64_t scratch[MB_E820_SCRATCH_BYTES(256) / 8];
	struct mb_efi_map map;

	if (!size)
		return 0;
	/* 40 (the minimum), 48 (what OVMF uses) or anything */
	size_t desc_size = data[0] < 128 ? 48 : data[0] < 192 ? 40 : data[0];
	void *buf = malloc(size);
	memcpy(buf, data + 1, size - 1);
	if (mb_efi_map_init(&map, buf, size - 1, desc_size, 1) == 0) {
		fuzz_instance(&h, &mb_profile_arm64);
		mb_efi_arm64_reserve_regions(&h.mb, &map, NULL);
		fuzz_check(&h.mb, "fuzz_efi arm64");
		harness_end(&h);
		for (int rules = 0; rules < 2; rules++) {
			struct mb_e820_table t;
			fuzz_instance(&h, &mb_profile_x86_64);
			mb_e820_table_init(&t, entries, 256, scratch,
					   sizeof(scratch));
			if (mb_efi_x86_to_e820(&map, &t, rules, rules) == 0 &&
			    mb_e820_sanitize(&t) == 0) {
				mb_e820_memblock_setup(&h.mb, &t, NULL);
				mb_efi_x86_reserve_boot_services(
					&h.mb, &map, &t, 0x1000000, 0x2000000,
					NULL, NULL);
			}
			fuzz_check(&h.mb, "fuzz_efi x86");
			harness_end(&h);
		}
	}
	free(buf);
	return 0;
}
