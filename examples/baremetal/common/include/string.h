/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <string.h> for the bare-metal targets: they are built with -nostdinc, so
 * no C library header is ever picked up by mistake (the arm64 cross
 * compiler would otherwise fall back to the host's /usr/include). Only the
 * functions common/libc.c provides are declared.
 */
#ifndef BAREMETAL_STRING_H
#define BAREMETAL_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);

#endif
