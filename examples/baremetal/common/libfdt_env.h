/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libfdt's environment header for the bare-metal targets. libfdt's own
 * libfdt_env.h pulls in <stdlib.h> and <limits.h>, which a freestanding
 * target built with -nostdinc does not have; this one uses only the
 * compiler's freestanding headers and common/include/string.h.
 * The Makefile extracts libfdt without its libfdt_env.h, so this file is
 * the one found on the include path.
 */
#ifndef LIBFDT_ENV_H
#define LIBFDT_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h> /* common/include/string.h */

#ifndef INT_MAX
#define INT_MAX __INT_MAX__
#endif

#define FDT_FORCE
#define FDT_BITWISE

typedef uint16_t fdt16_t;
typedef uint32_t fdt32_t;
typedef uint64_t fdt64_t;

/* Device-tree cells are big-endian; every target here is little-endian. */
static inline uint16_t fdt16_to_cpu(fdt16_t x)
{
	return __builtin_bswap16(x);
}
static inline fdt16_t cpu_to_fdt16(uint16_t x)
{
	return __builtin_bswap16(x);
}
static inline uint32_t fdt32_to_cpu(fdt32_t x)
{
	return __builtin_bswap32(x);
}
static inline fdt32_t cpu_to_fdt32(uint32_t x)
{
	return __builtin_bswap32(x);
}
static inline uint64_t fdt64_to_cpu(fdt64_t x)
{
	return __builtin_bswap64(x);
}
static inline fdt64_t cpu_to_fdt64(uint64_t x)
{
	return __builtin_bswap64(x);
}

#endif
