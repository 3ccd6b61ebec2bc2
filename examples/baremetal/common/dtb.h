/* SPDX-License-Identifier: BSD-2-Clause */
/* Recognising a DTB handed over in a register, before libfdt validates it. */
#ifndef BAREMETAL_DTB_H
#define BAREMETAL_DTB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** dtb_be32 - the big-endian 32-bit word at @p (any alignment). */
static inline uint32_t dtb_be32(const void *p)
{
	const unsigned char *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | (uint32_t)b[3];
}

/** dtb_size - totalsize of the blob at @p, or 0 when it is no DTB. */
static inline size_t dtb_size(const void *p)
{
	if (!p || dtb_be32(p) != 0xd00dfeedu)
		return 0;
	return dtb_be32((const unsigned char *)p + 4);
}

/** dtb_fnv1a - FNV-1a hash of @len bytes: proves the host tool replays
 *  the very blob the kernel received. */
static inline uint32_t dtb_fnv1a(const void *p, size_t len)
{
	const unsigned char *b = p;
	uint32_t h = 2166136261u;

	while (len--) {
		h ^= *b++;
		h *= 16777619u;
	}
	return h;
}

#endif
