/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The sorted region array behind every table: insert and remove at an
 * index, merge touching neighbours, split a range out, binary search.
 * Everything above this file reaches the array only through these.
 */
#include "internal.h"

/**
 * mbi_insert_region - put a new region at @idx, shifting the rest up.
 * The caller guarantees room (cnt < max) and sort order.
 */
void mbi_insert_region(struct memblock_type *type, unsigned long idx,
		       mb_phys_t base, mb_phys_t size, int nid,
		       enum memblock_flags flags)
{
	struct memblock_region *slot = &type->regions[idx];

	memmove(slot + 1, slot, (type->cnt - idx) * sizeof(*slot));
	slot->base = base;
	slot->size = size;
	slot->flags = flags;
	slot->nid = nid;
	type->cnt++;
	type->total_size += size;
}

/**
 * mbi_remove_region - delete region @idx. A table that becomes empty keeps
 * one dummy region {0, 0, flags 0, nid MAX_NUMNODES}; its total is left
 * as it is (the kernel only warns when it is not 0).
 */
void mbi_remove_region(struct memblock *mb, struct memblock_type *type,
		       unsigned long idx)
{
	struct memblock_region *slot = &type->regions[idx];

	type->total_size -= slot->size;
	memmove(slot, slot + 1, (type->cnt - idx - 1) * sizeof(*slot));
	type->cnt--;
	if (type->cnt == 0) {
		type->cnt = 1;
		type->regions[0].base = 0;
		type->regions[0].size = 0;
		type->regions[0].flags = MEMBLOCK_NONE;
		type->regions[0].nid = mb->profile.max_numnodes;
	}
}

/** mbi_merge_regions - join every pair of touching, equal neighbours. */
void mbi_merge_regions(struct memblock *mb, struct memblock_type *type)
{
	struct memblock_region *r = type->regions;
	bool numa = mb->profile.numa;
	unsigned long i = 0;

	while (i + 1 < type->cnt) {
		struct memblock_region *lo = &r[i], *hi = &r[i + 1];

		/* most pairs differ already in the address test */
		if (lo->base + lo->size != hi->base || lo->flags != hi->flags ||
		    (numa && lo->nid != hi->nid)) {
			i++;
			continue;
		}
		lo->size += hi->size;
		memmove(hi, hi + 1, (type->cnt - i - 2) * sizeof(*lo));
		type->cnt--;
	}
}

/**
 * mbi_first_ending_after - index of the first region that ends above
 * @addr (cnt if none). Tables are sorted and disjoint, so region ends
 * increase with the index: binary search, where Linux walks from 0 (same
 * result, O(log n)).
 */
unsigned long mbi_first_ending_after(const struct memblock_type *type,
				     mb_phys_t addr)
{
	unsigned long lo = 0, hi = type->cnt;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (r->base + r->size <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Split region @idx at @at (strictly inside it): the lower part becomes a
 * new region at @idx, the upper part moves to @idx + 1. Both keep nid and
 * flags; total_size is unchanged.
 */
static void split_region(struct memblock_type *type, unsigned long idx,
			 mb_phys_t at)
{
	struct memblock_region *r = &type->regions[idx];
	mb_phys_t low = at - r->base;
	mb_phys_t base = r->base;

	r->base = at;
	r->size -= low;
	type->total_size -= low;
	mbi_insert_region(type, idx, base, low, r->nid, r->flags);
}

/**
 * mbi_isolate_range - make [base, base+size) a union of whole regions.
 * @start_rgn, @end_rgn: out, the index range of the regions inside.
 *
 * Two free slots are secured first (growing the table if needed, even when
 * no split turns out to be necessary, as Linux does).
 * Return: 0 or -MB_ENOMEM (table unchanged).
 */
int mbi_isolate_range(struct memblock *mb, struct memblock_type *type,
		      mb_phys_t base, mb_phys_t size, unsigned long *start_rgn,
		      unsigned long *end_rgn)
{
	mb_phys_t end;
	bool found = false;

	size = mbi_cap_size(mb, base, size);
	end = base + size;
	*start_rgn = *end_rgn = 0;
	if (!size)
		return 0;
	while (type->cnt + 2 > type->max)
		if (mbi_double_array(mb, type, base, size) < 0)
			return -MB_ENOMEM;

	for (unsigned long idx = mbi_first_ending_after(type, base);
	     idx < type->cnt; idx++) {
		const struct memblock_region *r = &type->regions[idx];
		mb_phys_t rbase = r->base, rend = r->base + r->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase < base) {
			/* the upper half (next index) is examined next */
			split_region(type, idx, base);
			continue;
		}
		if (rend > end) {
			/* the lower half stays at idx and lies inside */
			split_region(type, idx, end);
		}
		if (!found)
			*start_rgn = idx;
		found = true;
		*end_rgn = idx + 1;
	}
	return 0;
}

/** mbi_search - binary search for the region holding @addr; -1 if none. */
long mbi_search(const struct memblock_type *type, mb_phys_t addr)
{
	unsigned long left = 0, right = type->cnt;

	while (left < right) {
		unsigned long mid = left + (right - left) / 2;
		const struct memblock_region *r = &type->regions[mid];

		if (addr < r->base)
			right = mid;
		else if (addr >= r->base + r->size)
			left = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}
