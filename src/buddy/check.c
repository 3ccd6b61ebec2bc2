/* SPDX-License-Identifier: BSD-2-Clause */
/* buddy_check(): every invariant of the free lists, from scratch. */
#include <memblock/buddy.h>

#define NIL UINT32_MAX

static int fail(const char **what, const char *msg)
{
	if (what)
		*what = msg;
	return -MB_EINVAL;
}

/* One free block: aligned, in the span, free pages, one zone, no free
 * buddy of the same order left beside it. */
static int check_block(const struct buddy *b, unsigned long pfn, unsigned order,
		       unsigned zone, const char **what)
{
	unsigned long n = 1ul << order;

	if (pfn & (n - 1))
		return fail(what, "free block not naturally aligned");
	if (pfn < b->start_pfn || pfn + n > b->end_pfn)
		return fail(what, "free block outside the span");
	for (unsigned long i = 0; i < n; i++) {
		const struct buddy_page *p = &b->pages[pfn + i - b->start_pfn];

		if (p->state != BUDDY_PAGE_FREE)
			return fail(what, "free block holds a non-free page");
		if (p->zone != zone)
			return fail(what, "free block crosses a zone");
		if (i && p->head)
			return fail(what, "free block overlaps another block");
	}
	unsigned long bud = pfn ^ n;

	if (order + 1 < b->max_order && bud >= b->start_pfn &&
	    bud + n <= b->end_pfn) {
		const struct buddy_page *q = &b->pages[bud - b->start_pfn];

		if (q->state == BUDDY_PAGE_FREE && q->head &&
		    q->order == order && q->zone == zone)
			return fail(what, "free buddies not coalesced");
	}
	return 0;
}

/** buddy_check - see buddy.h. */
int buddy_check(const struct buddy *b, const char **what)
{
	unsigned long span = b->end_pfn - b->start_pfn;
	unsigned long total_free = 0, listed = 0;

	for (unsigned z = 0; z < BUDDY_NR_ZONES; z++) {
		const struct buddy_zone *zone = &b->zone[z];
		unsigned long zone_free = 0;

		for (unsigned o = 0; o < b->max_order; o++) {
			unsigned long count = 0;
			uint32_t prev = NIL;

			for (uint32_t i = zone->head[o]; i != NIL;
			     i = b->pages[i].next) {
				const struct buddy_page *p = &b->pages[i];

				if (i >= span || ++count > span)
					return fail(what, "free list corrupt");
				if (p->prev != prev)
					return fail(what,
						    "free list back link");
				if (!p->head || p->order != o || p->zone != z)
					return fail(what,
						    "list entry not a head");
				int err = check_block(b, b->start_pfn + i, o, z,
						      what);

				if (err)
					return err;
				prev = i;
			}
			if (count != zone->nr_free[o])
				return fail(what, "nr_free mismatch");
			zone_free += count << o;
		}
		if (zone_free != zone->free_pages)
			return fail(what, "zone free count mismatch");
		if (zone->free_pages > zone->managed_pages)
			return fail(what, "zone free above managed");
		total_free += zone_free;
	}
	if (total_free != b->free_pages)
		return fail(what, "total free count mismatch");
	for (unsigned long i = 0; i < span; i++) {
		const struct buddy_page *p = &b->pages[i];

		if (p->state == BUDDY_PAGE_FREE)
			listed++;
		if (p->state == BUDDY_PAGE_RESERVED && p->head)
			return fail(what, "reserved page heads a block");
	}
	if (listed != total_free)
		return fail(what, "free pages not all on lists");
	return 0;
}
