/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_atags: the input is an ATAG list. When it parses, its banks are
 * registered and its command line parsed; the tables must stay valid.
 */
#include "fuzz_util.h"

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct harness h;
	static struct mb_atags at;
	void *buf = malloc(size ? size : 1);

	memcpy(buf, data, size); /* aligned copy: tags are 32-bit words */
	fuzz_instance(&h, &mb_profile_arm32);
	if (mb_atags_parse(&h.mb, buf, size, &at) == 0) {
		mb_meminfo_register(&h.mb, &at.meminfo);
		if (at.cmdline) {
			struct mb_cmdline cl;
			struct mb_memmap_op ops[8];
			struct mb_cmdline_range ranges[8];
			mb_cmdline_init(&cl, ops, 8, ranges, 8);
			mb_cmdline_parse(&cl, at.cmdline);
		}
	}
	fuzz_check(&h.mb, "fuzz_atags");
	harness_end(&h);
	free(buf);
	return 0;
}
