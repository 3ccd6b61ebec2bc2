/* SPDX-License-Identifier: BSD-2-Clause */
/* Internal to src/buddy: freestanding, so memset is declared here. */
#ifndef MEMBLOCK_BUDDY_INTERNAL_H
#define MEMBLOCK_BUDDY_INTERNAL_H

#include <stddef.h>

void *memset(void *dst, int c, size_t n);

#endif
