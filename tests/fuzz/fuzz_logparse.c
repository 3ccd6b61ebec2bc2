/* SPDX-License-Identifier: BSD-2-Clause */
/* fuzz_logparse: the input is a kernel log; the replay's parser must read
 * it without fault (ASan/UBSan watch) and account for every line. */
#include "logparse.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lp_log log;

	lp_parse((const char *)data, size, &log); /* -1: out of memory */
	if (log.memblock_lines > log.lines)
		abort();
	for (size_t i = 0; i < log.n; i++)
		(void)lp_kind_name(log.recs[i].kind);
	lp_free(&log);
	return 0;
}
