/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reservations the blob's header asks for: the blob itself and its
 * /memreserve/ entries.
 */
#include "fdt_internal.h"

int mb_fdt_reserve_self(struct memblock *mb, const struct mb_fdt *dt,
			mb_phys_t phys)
{
	if (!dt->blob)
		return -MB_EINVAL;
	return mb_reserve(mb, phys, fdt_totalsize(dt->blob));
}

int mb_fdt_reserve_memreserve(struct memblock *mb, const struct mb_fdt *dt)
{
	int n, count;

	if (!dt->blob)
		return -MB_EINVAL;
	count = fdt_num_mem_rsv(dt->blob);
	if (count < 0)
		return -MB_EINVAL;
	/* all or nothing: room for every entry is checked first */
	if (!fwdt_room(mb, &mb->reserved, (unsigned long)count))
		return -MB_ENOMEM;
	/* Like Linux, the list ends at the first empty entry. */
	for (n = 0; n < count; n++) {
		uint64_t base, size;
		int err;

		if (fdt_get_mem_rsv(dt->blob, n, &base, &size) != 0)
			return -MB_EINVAL;
		if (!size)
			break;
		err = mb_reserve(mb, base, size);
		if (err)
			return err;
	}
	return n;
}

int mb_fdt_scan_reserved_mem(struct memblock *mb, struct mb_fdt *dt)
{
	int err;

	if (!dt->blob)
		return -MB_EINVAL;
	/* 6.1 order: /reserved-memory reg regions first (so that a no-map
	 * child is not refused because a /memreserve/ entry covers it), then
	 * /memreserve/, then allocation and set-up of the remembered nodes. */
	mb_fdt_scan_rmem(mb, dt);
	err = mb_fdt_reserve_memreserve(mb, dt);
	mb_fdt_init_rmem(mb, dt);
	return err < 0 ? err : 0;
}
