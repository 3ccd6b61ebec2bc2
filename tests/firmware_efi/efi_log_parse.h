/* SPDX-License-Identifier: BSD-2-Clause */
/* Test helper: the kernel's efi=debug "[Type |attrs]" text back to a
 * descriptor (type number and attribute bits, per the UEFI spec). */
#ifndef FW_TEST_EFI_LOG_PARSE_H
#define FW_TEST_EFI_LOG_PARSE_H

#include <memblock/firmware/efi.h>

/* Parse "[Conventional|   |...|WB|WT|WC|UC]" at @s into @md's type and
 * attribute. Returns 0, or -1 if the text is not understood. */
int parse_typeattr(const char *s, struct mb_efi_md *md);

#endif
