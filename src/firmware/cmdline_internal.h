/* SPDX-License-Identifier: BSD-2-Clause */
/* Helpers shared by the command-line parser's files (not public). */
#ifndef MEMBLOCK_FW_CMDLINE_INTERNAL_H
#define MEMBLOCK_FW_CMDLINE_INTERNAL_H

#include <memblock/firmware/cmdline.h>

int mb_cl_parse_uint(const char *s, size_t len, size_t *consumed,
		     uint64_t *out);

#endif
