/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The four memory functions every kernel provides, declared here so that
 * the front ends that do not use libfdt need no C library header.
 */
#ifndef MEMBLOCK_FIRMWARE_FW_MEM_H
#define MEMBLOCK_FIRMWARE_FW_MEM_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif
