/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Region flags (hotplug, mirror, nomap) and node ids on ranges.
 */
#include "internal.h"

/* Isolate the range in memory, set or clear @flag on the whole regions
 * inside, merge. */
static int change_flag(struct memblock *mb, mb_phys_t base, mb_phys_t size,
		       bool set, enum memblock_flags flag)
{
	struct memblock_type *type = &mb->memory;
	unsigned long start_rgn, end_rgn;
	int ret;

	ret = mbi_isolate_range(mb, type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (unsigned long i = start_rgn; i < end_rgn; i++) {
		if (set)
			type->regions[i].flags |= flag;
		else
			type->regions[i].flags &= ~flag;
	}
	mbi_merge_regions(mb, type);
	return 0;
}

/** mb_mark_hotplug - flag memory in the range as hot-pluggable. */
int mb_mark_hotplug(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	return change_flag(mb, base, size, true, MEMBLOCK_HOTPLUG);
}

/** mb_clear_hotplug - clear the hot-pluggable flag in the range. */
int mb_clear_hotplug(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	return change_flag(mb, base, size, false, MEMBLOCK_HOTPLUG);
}

/**
 * mb_mark_mirror - flag memory as mirrored. A no-op returning 0 unless
 * mb->mirrored_kernelcore; otherwise allocations prefer mirrored memory
 * from now on (system_has_some_mirror).
 */
int mb_mark_mirror(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	if (!mb->mirrored_kernelcore)
		return 0;
	mb->system_has_some_mirror = true;
	return change_flag(mb, base, size, true, MEMBLOCK_MIRROR);
}

/** mb_mark_nomap - flag memory as not to be mapped (skipped by searches). */
int mb_mark_nomap(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	return change_flag(mb, base, size, true, MEMBLOCK_NOMAP);
}

/** mb_clear_nomap - clear the no-map flag in the range. */
int mb_clear_nomap(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	return change_flag(mb, base, size, false, MEMBLOCK_NOMAP);
}

/**
 * mb_set_node - set the node of every region of @type inside the range
 * (splitting at the edges), then merge. Without NUMA in the profile this
 * is a no-op, as in a kernel without CONFIG_NUMA.
 * Return: 0, -MB_ENOMEM, or -MB_EINVAL for a nid outside
 * [-1, max_numnodes] (max_numnodes = "no node", used to reset nodes).
 */
int mb_set_node(struct memblock *mb, mb_phys_t base, mb_phys_t size,
		struct memblock_type *type, int nid)
{
	unsigned long start_rgn, end_rgn;
	int ret;

	if (!mb->profile.numa)
		return 0;
	if (!type || nid < MB_NUMA_NO_NODE || nid > mb->profile.max_numnodes)
		return -MB_EINVAL;
	ret = mbi_isolate_range(mb, type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	for (unsigned long i = start_rgn; i < end_rgn; i++)
		type->regions[i].nid = nid;
	mbi_merge_regions(mb, type);
	return 0;
}
