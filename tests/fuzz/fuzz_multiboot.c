/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_multiboot: the first byte picks Multiboot 1 (the rest is an info
 * block followed by a memory map) or Multiboot 2 (the rest is a boot
 * information block, its memory map and EFI map tags read). The e820
 * result is sanitized and registered; the tables must stay valid.
 */
#include "fuzz_util.h"

#include <memblock/firmware/e820.h>
#include <memblock/firmware/efi.h>
#include <memblock/firmware/multiboot.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct harness h;
	static struct mb_e820_entry entries[256];
	static uint64_t scratch[MB_E820_SCRATCH_BYTES(256) / 8];
	struct mb_e820_table t;
	struct mb_efi_map map;
	int ret;

	if (size < 1)
		return 0;
	uint8_t *buf = malloc(size); /* aligned copy */
	memcpy(buf, data + 1, size - 1);
	size--;
	fuzz_instance(&h, &mb_profile_x86_64);
	mb_e820_table_init(&t, entries, 256, scratch, sizeof(scratch));
	if (data[0] & 1) {
		struct mb_multiboot1_info info;
		size_t info_len = size < 52 ? size : 52;
		ret = mb_multiboot1_parse_info(buf, info_len, &info);
		if (ret == 0)
			ret = mb_multiboot1_to_e820(&info, buf + info_len,
						    size - info_len, &t);
	} else {
		ret = mb_multiboot2_to_e820(buf, size, &t);
		if (mb_multiboot2_efi_mmap(buf, size, &map) == 0)
			mb_efi_x86_to_e820(&map, &t, MB_EFI_X86_STUB, false);
	}
	if (ret == 0 && mb_e820_sanitize(&t) == 0)
		mb_e820_memblock_setup(&h.mb, &t, NULL);
	fuzz_check(&h.mb, "fuzz_multiboot");
	harness_end(&h);
	free(buf);
	return 0;
}
