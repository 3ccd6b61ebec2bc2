/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Memory limits: mem= (enforce_memory_limit, mem_limit_remove_map),
 * cap_memory_range and trim_memory. None of these is traced.
 */
#include "internal.h"

/**
 * mbi_find_max_addr - the address at which @limit bytes of memory (in
 * region order) are used up; PHYS_ADDR_MAX when memory holds less.
 */
mb_phys_t mbi_find_max_addr(const struct memblock *mb, mb_phys_t limit)
{
	for (unsigned long i = 0; i < mb->memory.cnt; i++) {
		const struct memblock_region *r = &mb->memory.regions[i];

		if (limit <= r->size)
			return r->base + limit;
		limit -= r->size;
	}
	return mbi_addr_max(mb);
}

/** mb_enforce_memory_limit - keep the first @limit bytes of memory:
 *  memory and reserved above the cut are removed. 0 = no limit. */
void mb_enforce_memory_limit(struct memblock *mb, mb_phys_t limit)
{
	mb_phys_t cut, max = mbi_addr_max(mb);

	if (!limit)
		return;
	cut = mbi_find_max_addr(mb, limit);
	if (cut == max)
		return;
	mbi_remove_range(mb, &mb->memory, cut, max);
	mbi_remove_range(mb, &mb->reserved, cut, max);
}

/**
 * mb_cap_memory_range - keep only [base, base+size) of memory (NOMAP
 * regions outside it stay) and trim reserved to it. Prints the kernel's
 * warning and does nothing when no memory is registered.
 */
void mb_cap_memory_range(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	struct memblock_type *mem = &mb->memory;
	unsigned long start_rgn, end_rgn, i;

	if (!size)
		return;
	if (!mem->total_size) {
		mb__print_line(mb, "memblock_cap_memory_range: No memory "
				   "registered yet");
		return;
	}
	if (mbi_isolate_range(mb, mem, base, size, &start_rgn, &end_rgn))
		return;
	/* from the top down to end_rgn, then below start_rgn */
	for (i = mem->cnt; i-- > end_rgn;)
		if (!(mem->regions[i].flags & MEMBLOCK_NOMAP))
			mbi_remove_region(mb, mem, i);
	for (i = start_rgn; i-- > 0;)
		if (!(mem->regions[i].flags & MEMBLOCK_NOMAP))
			mbi_remove_region(mb, mem, i);
	mbi_remove_range(mb, &mb->reserved, 0, base);
	mbi_remove_range(mb, &mb->reserved, base + size, mbi_addr_max(mb));
}

/** mb_mem_limit_remove_map - mem= for arm64: cap memory to [0, cut). */
void mb_mem_limit_remove_map(struct memblock *mb, mb_phys_t limit)
{
	mb_phys_t cut;

	if (!limit)
		return;
	cut = mbi_find_max_addr(mb, limit);
	if (cut == mbi_addr_max(mb))
		return;
	mb_cap_memory_range(mb, 0, cut);
}

/**
 * mb_trim_memory - shrink every memory region inward to @align
 * boundaries; regions left empty are removed. As in Linux 6.1 the
 * shrinking does not lower memory.total_size (the slack is recorded in
 * memory_total_slack) unless mb->trim_fix_total is set.
 */
void mb_trim_memory(struct memblock *mb, mb_phys_t align)
{
	struct memblock_type *mem = &mb->memory;
	unsigned long i = 0;

	if (!mbi_is_pow2(align))
		return;
	while (i < mem->cnt) {
		struct memblock_region *r = &mem->regions[i];
		mb_phys_t start = mbi_round_up(r->base, align);
		mb_phys_t end = mbi_round_down(r->base + r->size, align);

		/* Linux's round_up wraps to 0 for a region in the last
		 * partial block of the address space and leaves a region
		 * overlapping everything; here such a region vanishes. */
		if (start < r->base || start > mbi_addr_max(mb))
			start = end;
		if (start == r->base && end == r->base + r->size) {
			i++;
			continue;
		}
		if (start < end) {
			mb_phys_t lost = r->size - (end - start);

			r->base = start;
			r->size = end - start;
			if (mb->trim_fix_total)
				mem->total_size -= lost;
			else
				mb->memory_total_slack += lost;
			i++;
		} else {
			mbi_remove_region(mb, mem, i);
		}
	}
}
