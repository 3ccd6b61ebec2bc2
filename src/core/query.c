/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Read-only questions about the tables, and the two global knobs
 * (current_limit, bottom_up).
 */
#include "internal.h"

/** mb_phys_mem_size - memory.total_size. */
mb_phys_t mb_phys_mem_size(const struct memblock *mb)
{
	return mb->memory.total_size;
}

/** mb_reserved_size - reserved.total_size. */
mb_phys_t mb_reserved_size(const struct memblock *mb)
{
	return mb->reserved.total_size;
}

/** mb_start_of_DRAM - base of memory region 0 (0 for an empty table). */
mb_phys_t mb_start_of_DRAM(const struct memblock *mb)
{
	return mb->memory.regions[0].base;
}

/** mb_end_of_DRAM - end of the last memory region. */
mb_phys_t mb_end_of_DRAM(const struct memblock *mb)
{
	const struct memblock_region *r =
		&mb->memory.regions[mb->memory.cnt - 1];

	return r->base + r->size;
}

/** mb_is_memory - @addr lies in a memory region. */
bool mb_is_memory(const struct memblock *mb, mb_phys_t addr)
{
	return mbi_search(&mb->memory, addr) != -1;
}

/** mb_is_reserved - @addr lies in a reserved region. */
bool mb_is_reserved(const struct memblock *mb, mb_phys_t addr)
{
	return mbi_search(&mb->reserved, addr) != -1;
}

/** mb_is_map_memory - @addr is memory and not NOMAP. */
bool mb_is_map_memory(const struct memblock *mb, mb_phys_t addr)
{
	long i = mbi_search(&mb->memory, addr);

	return i != -1 && !(mb->memory.regions[i].flags & MEMBLOCK_NOMAP);
}

/** mb_is_region_memory - the memory region holding @base also reaches
 *  @base + @size (size capped at PHYS_ADDR_MAX). */
bool mb_is_region_memory(const struct memblock *mb, mb_phys_t base,
			 mb_phys_t size)
{
	long i = mbi_search(&mb->memory, base);
	mb_phys_t end = base + mbi_cap_size(mb, base, size);
	const struct memblock_region *r;

	if (i == -1)
		return false;
	r = &mb->memory.regions[i];
	return r->base + r->size >= end;
}

/**
 * mb_overlaps_region - any region of @type overlaps [base, base+size).
 * The size is capped at the 64-bit maximum (regions never pass the
 * profile's PHYS_ADDR_MAX, so the narrower cap gives the same answer).
 * Linux walks every region; on a sorted table the first region ending
 * above @base decides, found by binary search.
 */
bool mb_overlaps_region(const struct memblock_type *type, mb_phys_t base,
			mb_phys_t size)
{
	mb_phys_t room = ~(mb_phys_t)0 - base;
	unsigned long i;
	const struct memblock_region *r;

	if (size > room)
		size = room;
	i = mbi_first_ending_after(type, base);
	if (i >= type->cnt)
		return false;
	r = &type->regions[i];
	/* r ends above base; it overlaps unless it starts at or past the end
	 * (a size-0 region, the dummy, never overlaps) */
	return r->size && base < r->base + r->size && r->base < base + size;
}

/** mb_is_region_reserved - any reservation overlaps the range. */
bool mb_is_region_reserved(const struct memblock *mb, mb_phys_t base,
			   mb_phys_t size)
{
	return mb_overlaps_region(&mb->reserved, base, size);
}

/** mb_search_pfn_nid - node and pfn bounds (PFN_DOWN of base and end) of
 *  the memory region holding @pfn; -1 if none. Out pointers may be NULL. */
int mb_search_pfn_nid(const struct memblock *mb, unsigned long pfn,
		      unsigned long *start_pfn, unsigned long *end_pfn)
{
	long i = mbi_search(&mb->memory, (mb_phys_t)pfn << mbi_page_shift(mb));
	const struct memblock_region *r;

	if (i == -1)
		return -1;
	r = &mb->memory.regions[i];
	if (start_pfn)
		*start_pfn = (unsigned long)mbi_pfn_down(mb, r->base);
	if (end_pfn)
		*end_pfn = (unsigned long)mbi_pfn_down(mb, r->base + r->size);
	return mbi_region_nid(mb, r);
}

/** mb_set_current_limit - upper bound of ACCESSIBLE allocations. */
void mb_set_current_limit(struct memblock *mb, mb_phys_t limit)
{
	mb->current_limit = limit;
}

/** mb_get_current_limit - the current_limit as set. */
mb_phys_t mb_get_current_limit(const struct memblock *mb)
{
	return mb->current_limit;
}

/** mb_set_bottom_up - allocate from low addresses up (true) or top-down. */
void mb_set_bottom_up(struct memblock *mb, bool enable)
{
	mb->bottom_up = enable;
}

/** mb_bottom_up - the allocation direction. */
bool mb_bottom_up(const struct memblock *mb)
{
	return mb->bottom_up;
}
