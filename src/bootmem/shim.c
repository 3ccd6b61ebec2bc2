/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The CONFIG_NO_BOOTMEM back end: bootmem calls as memblock searches,
 * reserves and frees (Linux's nobootmem).
 */
#include "internal.h"

/** shim_free - free_bootmem(): a memblock free of the reservation. */
int shim_free(struct bootmem *bm, mb_phys_t addr, mb_phys_t size)
{
	return mb_phys_free(bm->mb, addr, size);
}

/** shim_reserve - reserve_bootmem(): a memblock reserve; EXCLUSIVE refuses
 *  (-MB_EBUSY, no change) a range that overlaps a reservation. */
int shim_reserve(struct bootmem *bm, mb_phys_t addr, mb_phys_t size, int flags)
{
	if ((flags & BOOTMEM_EXCLUSIVE) &&
	    mb_is_region_reserved(bm->mb, addr, size))
		return -MB_EBUSY;
	return mb_reserve(bm->mb, addr, size);
}

/* One search + reserve on @nid (MB_NUMA_NO_NODE = any), limit lowered to
 * memblock's current_limit; mirrored memory first when kernelcore=mirror. */
static mb_phys_t core_early(struct bootmem *bm, int nid, mb_phys_t size,
			    mb_phys_t align, mb_phys_t goal, mb_phys_t limit)
{
	struct memblock *mb = bm->mb;
	mb_phys_t cur = mb_get_current_limit(mb);
	enum memblock_flags fl =
		mb->mirrored_kernelcore ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;

	if (limit > cur)
		limit = cur;
	mb_phys_t a =
		mb_find_in_range_node(mb, size, align, goal, limit, nid, fl);

	if (!a && fl != MEMBLOCK_NONE)
		a = mb_find_in_range_node(mb, size, align, goal, limit, nid,
					  MEMBLOCK_NONE);
	if (!a || mb_reserve(mb, a, size))
		return 0;
	return a;
}

/**
 * shim_alloc - node first (when BOOTMEM_ALLOC_NODE), then any node, and the
 * whole again with goal 0 when a goal was given.
 */
mb_phys_t shim_alloc(struct bootmem *bm, int nid, mb_phys_t size,
		     mb_phys_t align, mb_phys_t goal, mb_phys_t limit,
		     unsigned flags)
{
	for (;;) {
		mb_phys_t a = 0;

		if (flags & BOOTMEM_ALLOC_NODE)
			a = core_early(bm, nid, size, align, goal, limit);
		if (!a)
			a = core_early(bm, MB_NUMA_NO_NODE, size, align, goal,
				       limit);
		if (a || !goal)
			return a;
		goal = 0;
	}
}
