/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The allocation search and the physical allocation entry points.
 */
#include "internal.h"

#define CALLER() ((uintptr_t)__builtin_return_address(0))

static enum memblock_flags alloc_flags(const struct memblock *mb)
{
	return mb->system_has_some_mirror ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;
}

/* Highest fit: descending free ranges, candidate aligned down from the
 * clamped end. */
static mb_phys_t find_top_down(struct memblock *mb, mb_phys_t size,
			       mb_phys_t align, mb_phys_t start, mb_phys_t end,
			       int nid, enum memblock_flags flags)
{
	mb_phys_t lo, hi;
	uint64_t i;

	mb_for_each_free_range_rev (mb, i, nid, flags, &lo, &hi, NULL) {
		mb_phys_t cand;

		lo = mbi_min(mbi_max(lo, start), end);
		hi = mbi_min(mbi_max(hi, start), end);
		if (hi < size)
			continue;
		cand = mbi_round_down(hi - size, align);
		if (cand >= lo)
			return cand;
	}
	return 0;
}

/* Lowest fit: ascending free ranges, candidate aligned up from the
 * clamped start. */
static mb_phys_t find_bottom_up(struct memblock *mb, mb_phys_t size,
				mb_phys_t align, mb_phys_t start, mb_phys_t end,
				int nid, enum memblock_flags flags)
{
	mb_phys_t lo, hi;
	uint64_t i;

	mb_for_each_free_range (mb, i, nid, flags, &lo, &hi, NULL) {
		mb_phys_t cand;

		lo = mbi_min(mbi_max(lo, start), end);
		hi = mbi_min(mbi_max(hi, start), end);
		cand = mbi_round_up(lo, align);
		if (cand < hi && hi - cand >= size)
			return cand;
	}
	return 0;
}

/**
 * mb_find_in_range_node - find (do not reserve) @size bytes aligned to
 * @align in [@start, @end) of free memory, top-down or bottom-up.
 * @end 0 (ACCESSIBLE) or 1 (NOLEAKTRACE) means current_limit; the first
 * page is never returned. @align must be a power of two (else 0).
 * Return: the address, or 0 when nothing fits.
 */
mb_phys_t mb_find_in_range_node(struct memblock *mb, mb_phys_t size,
				mb_phys_t align, mb_phys_t start, mb_phys_t end,
				int nid, enum memblock_flags flags)
{
	if (!mbi_is_pow2(align))
		return 0;
	if (end == MB_ALLOC_ACCESSIBLE || end == MB_ALLOC_NOLEAKTRACE)
		end = mb->current_limit;
	end = mbi_min(end, mbi_addr_max(mb));
	start = mbi_max(start, mb->profile.page_size);
	end = mbi_max(start, end);
	if (mb->bottom_up)
		return find_bottom_up(mb, size, align, start, end, nid, flags);
	return find_top_down(mb, size, align, start, end, nid, flags);
}

void mbi_print_mirror_warning(struct memblock *mb, mb_phys_t size)
{
	char line[96];

	if (mb->profile.phys_bits > 32)
		mb_snprintf(line, sizeof(line),
			    "memblock: Could not allocate 0x%016llx bytes of "
			    "mirrored memory",
			    (unsigned long long)size);
	else
		mb_snprintf(line, sizeof(line),
			    "memblock: Could not allocate 0x%08llx bytes of "
			    "mirrored memory",
			    (unsigned long long)size);
	mb__print_line(mb, line);
}

/**
 * mbi_find_in_range - search any node, mirrored memory first when some
 * exists (falling back with a warning). Used by table growth.
 */
mb_phys_t mbi_find_in_range(struct memblock *mb, mb_phys_t start, mb_phys_t end,
			    mb_phys_t size, mb_phys_t align)
{
	enum memblock_flags flags = alloc_flags(mb);
	mb_phys_t found;

	for (;;) {
		found = mb_find_in_range_node(mb, size, align, start, end,
					      MB_NUMA_NO_NODE, flags);
		if (found || !(flags & MEMBLOCK_MIRROR))
			return found;
		mbi_print_mirror_warning(mb, size);
		flags &= ~MEMBLOCK_MIRROR;
	}
}

/* Reserve an allocation's result; traced with the internal caller. */
static bool reserve_found(struct memblock *mb, mb_phys_t found, mb_phys_t size,
			  enum mb_caller_kind caller_kind)
{
	mbi_trace_range(mb, MB_EV_RESERVE, found, size, caller_kind, 0, NULL);
	return mbi_add_range(mb, &mb->reserved, found, size,
			     mb->profile.max_numnodes, MEMBLOCK_NONE) == 0;
}

/**
 * mbi_alloc_range_nid - search then reserve: node @nid first, then any
 * node (unless @exact_nid), then without the MIRROR preference.
 * Return: the address or 0.
 */
mb_phys_t mbi_alloc_range_nid(struct memblock *mb, mb_phys_t size,
			      mb_phys_t align, mb_phys_t start, mb_phys_t end,
			      int nid, bool exact_nid,
			      enum mb_caller_kind reserve_caller)
{
	enum memblock_flags flags = alloc_flags(mb);
	mb_phys_t found;

	if (nid == mb->profile.max_numnodes)
		nid = MB_NUMA_NO_NODE;
	if (!align)
		align = mb->profile.smp_cache_bytes;
	if (!mbi_is_pow2(align))
		return 0;
	for (;;) {
		found = mb_find_in_range_node(mb, size, align, start, end, nid,
					      flags);
		if (found && reserve_found(mb, found, size, reserve_caller))
			return found;
		if (nid != MB_NUMA_NO_NODE && !exact_nid) {
			found = mb_find_in_range_node(mb, size, align, start,
						      end, MB_NUMA_NO_NODE,
						      flags);
			if (found &&
			    reserve_found(mb, found, size, reserve_caller))
				return found;
		}
		if (!(flags & MEMBLOCK_MIRROR))
			return 0;
		mbi_print_mirror_warning(mb, size);
		flags &= ~MEMBLOCK_MIRROR;
	}
}

/** mb_alloc_range_nid - search then reserve (untraced request). */
mb_phys_t mb_alloc_range_nid(struct memblock *mb, mb_phys_t size,
			     mb_phys_t align, mb_phys_t start, mb_phys_t end,
			     int nid, bool exact_nid)
{
	return mbi_alloc_range_nid(mb, size, align, start, end, nid, exact_nid,
				   MB_CALLER_ALLOC_RANGE);
}

static mb_phys_t phys_alloc_range(struct memblock *mb, mb_phys_t size,
				  mb_phys_t align, mb_phys_t start,
				  mb_phys_t end, uintptr_t caller)
{
	struct mb_event ev = {0};

	ev.kind = MB_EV_PHYS_ALLOC_RANGE;
	ev.size = size;
	ev.align = align;
	ev.min = start;
	ev.max = end;
	ev.nid = MB_NUMA_NO_NODE;
	ev.caller_kind = MB_CALLER_ADDR;
	ev.caller = caller;
	mb__trace(mb, &ev);
	return mbi_alloc_range_nid(mb, size, align, start, end, MB_NUMA_NO_NODE,
				   false, MB_CALLER_ALLOC_RANGE);
}

/** mb_phys_alloc_range - traced request; any node in [start, end]. */
mb_phys_t mb_phys_alloc_range(struct memblock *mb, mb_phys_t size,
			      mb_phys_t align, mb_phys_t start, mb_phys_t end)
{
	return phys_alloc_range(mb, size, align, start, end, CALLER());
}

/** mb_phys_alloc - mb_phys_alloc_range(size, align, 0, ACCESSIBLE). */
mb_phys_t mb_phys_alloc(struct memblock *mb, mb_phys_t size, mb_phys_t align)
{
	return phys_alloc_range(mb, size, align, 0, MB_ALLOC_ACCESSIBLE,
				CALLER());
}

/** mb_phys_alloc_try_nid - node @nid first, below current_limit;
 *  no request trace line (as in Linux). */
mb_phys_t mb_phys_alloc_try_nid(struct memblock *mb, mb_phys_t size,
				mb_phys_t align, int nid)
{
	return mbi_alloc_range_nid(mb, size, align, 0, MB_ALLOC_ACCESSIBLE, nid,
				   false, MB_CALLER_ALLOC_RANGE);
}
