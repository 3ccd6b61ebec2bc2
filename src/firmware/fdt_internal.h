/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared helpers of the device-tree front end (src/firmware/fdt_*.c).
 */
#ifndef MEMBLOCK_FW_FDT_INTERNAL_H
#define MEMBLOCK_FW_FDT_INTERNAL_H

#include <libfdt.h>
#include <memblock/firmware/fdt.h>

/** fwdt_cells - big-endian cells @p[0..@n) as one number (low 64 bits);
 *  fdt32_ld tolerates a blob at an unaligned address. */
static inline mb_phys_t fwdt_cells(const fdt32_t *p, int n)
{
	mb_phys_t v = 0;

	for (int i = 0; i < n; i++)
		v = (v << 32) | fdt32_ld(p + i);
	return v;
}

/** fwdt_phys - @v stored in the kernel's phys_addr_t: a 32-bit (non-LPAE)
 *  kernel keeps only the low 32 bits of a reserved-memory address. */
static inline mb_phys_t fwdt_phys(const struct memblock *mb, mb_phys_t v)
{
	return v & mb_phys_addr_max(mb);
}

/** fwdt_whole_entries - @len bytes hold a whole number of @entry-cell
 *  entries (entry is 2..4). Constant divisors only: no division helper
 *  from libgcc on 32-bit ARM. */
static inline bool fwdt_whole_entries(int len, int entry)
{
	unsigned n = (unsigned)len;

	if (n & 3u)
		return false;
	n >>= 2;
	switch (entry) {
	case 2:
		return n % 2u == 0;
	case 3:
		return n % 3u == 0;
	default:
		return n % 4u == 0;
	}
}

/** fwdt_streq - NUL-terminated string equality (no libc). */
bool fwdt_streq(const char *a, const char *b);

/** fwdt_prop - property @name of @node; *@len = its byte length. A
 *  negative libfdt length is turned into NULL. */
const fdt32_t *fwdt_prop(const struct mb_fdt *dt, int node, const char *name,
			 int *len);

/** fwdt_has - whether @node has property @name. */
bool fwdt_has(const struct mb_fdt *dt, int node, const char *name);

/** fwdt_available - status absent, "okay" or "ok". */
bool fwdt_available(const struct mb_fdt *dt, int node);

/** fwdt_compatible - @node's compatible list contains @compat. */
bool fwdt_compatible(const struct mb_fdt *dt, int node, const char *compat);

/** fwdt_is_memory_node - device_type is exactly "memory". */
bool fwdt_is_memory_node(const struct mb_fdt *dt, int node);

/** fwdt_room - whether @t can take @n more regions without growing, or
 *  may grow. Each new range needs at most one slot. */
bool fwdt_room(const struct memblock *mb, const struct memblock_type *t,
	       unsigned long n);

/** fwdt_pa - "%pa" text of @v: 0x + 8 or 16 hex digits by phys_bits. */
const char *fwdt_pa(const struct memblock *mb, mb_phys_t v, char buf[20]);

#endif
