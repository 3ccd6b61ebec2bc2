/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_cmdline: the input is a kernel command line. It is parsed with and
 * without room for memmap=/mem= edits, the crashkernel size is computed,
 * and the edits are applied to a small e820 table and registered.
 */
#include "fuzz_util.h"

#include <memblock/firmware/cmdline.h>
#include <memblock/firmware/e820.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct harness h;
	static struct mb_e820_entry entries[160];
	static uint64_t scratch[MB_E820_SCRATCH_BYTES(160) / 8];
	struct mb_memmap_op ops[16];
	struct mb_cmdline_range ranges[16];
	struct mb_cmdline cl;
	struct mb_e820_table t;
	mb_phys_t crash;
	char *line = malloc(size + 1);

	memcpy(line, data, size);
	line[size] = 0;
	mb_cmdline_init(&cl, NULL, 0, NULL, 0);
	mb_cmdline_parse_n(&cl, (const char *)data, size);
	mb_cmdline_init(&cl, ops, 16, ranges, 16);
	mb_cmdline_parse(&cl, line);
	mb_cmdline_crash_size(&cl, 1ULL << 30, &crash);

	fuzz_instance(&h, &mb_profile_x86_64);
	mb_e820_table_init(&t, entries, 160, scratch, sizeof(scratch));
	mb_e820_range_add(&t, 0, 0x9fc00, 1);
	mb_e820_range_add(&t, 0x100000, 0x3fee0000, 1);
	mb_e820_range_add(&t, 0xfffc0000, 0x40000, 2);
	if (mb_e820_apply_cmdline(&h.mb, &t, &cl) == 0 &&
	    mb_e820_sanitize(&t) == 0)
		mb_e820_memblock_setup(&h.mb, &t, NULL);
	if (cl.mem_limit)
		mb_enforce_memory_limit(&h.mb, cl.mem_limit);
	fuzz_check(&h.mb, "fuzz_cmdline");
	harness_end(&h);
	free(line);
	return 0;
}
