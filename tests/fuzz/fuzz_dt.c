/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_dt: the input is a device tree blob. It is opened (validated) and,
 * when accepted, booted the arm64 way and the 32-bit ARM way, each on a
 * fresh instance; the tables must stay valid.
 */
#include "fuzz_util.h"

#include <memblock/firmware/fdt.h>
#include <string.h>

static void boot(const void *blob, size_t size,
		 const struct mb_profile *profile, bool arm64)
{
	static struct harness h;
	static struct mb_fdt dt;
	struct mb_fdt_boot b = {0};

	fuzz_instance(&h, profile);
	if (mb_fdt_open(&dt, &h.mb, blob, size, NULL) == 0) {
		b.dtb_phys = 0x48000000;
		b.phys_offset = 0x40000000;
		b.cma_default = 16 << 20;
		b.dma_limit = 0xffffffff;
		if (arm64)
			mb_fdt_boot_arm64(&h.mb, &dt, &b);
		else
			mb_fdt_boot_arm32(&h.mb, &dt, &b);
	}
	fuzz_check(&h.mb, arm64 ? "fuzz_dt arm64" : "fuzz_dt arm32");
	harness_end(&h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* libfdt wants an 8-byte aligned blob */
	void *blob = malloc(size ? size : 1);

	memcpy(blob, data, size);
	boot(blob, size, &mb_profile_arm64, true);
	boot(blob, size, &mb_profile_arm32, false);
	free(blob);
	return 0;
}
