/* SPDX-License-Identifier: BSD-2-Clause */
/* The binary buddy allocator: zones, free lists, split and coalesce. */
#include <memblock/buddy.h>

#include "internal.h"

#define NIL UINT32_MAX

static const char *const zone_names[BUDDY_NR_ZONES] = {"DMA", "DMA32", "Normal",
						       "HighMem"};

/** buddy_zone_bounds_from_profile - the zone boundaries of @p. */
void buddy_zone_bounds_from_profile(const struct mb_profile *p,
				    struct buddy_zone_bounds *zb)
{
	zb->dma_end = p->zone_dma_end;
	zb->dma32_end = p->zone_dma32_end;
	zb->lowmem_end = p->lowmem_end;
}

/** buddy_zone_of_pfn - which zone @pfn belongs to. */
enum buddy_zone_id buddy_zone_of_pfn(const struct buddy_zone_bounds *zb,
				     unsigned shift, unsigned long pfn)
{
	mb_phys_t a = (mb_phys_t)pfn << shift;

	if (zb->dma_end && a < zb->dma_end)
		return BUDDY_ZONE_DMA;
	if (zb->dma32_end && a < zb->dma32_end)
		return BUDDY_ZONE_DMA32;
	if (zb->lowmem_end && a >= zb->lowmem_end)
		return BUDDY_ZONE_HIGHMEM;
	return BUDDY_ZONE_NORMAL;
}

static struct buddy_page *page_of(const struct buddy *b, unsigned long pfn)
{
	return &b->pages[pfn - b->start_pfn];
}

static bool in_span(const struct buddy *b, unsigned long pfn, unsigned order)
{
	return pfn >= b->start_pfn && pfn < b->end_pfn &&
	       (1ul << order) <= b->end_pfn - pfn;
}

static void list_add(struct buddy *b, unsigned long pfn, unsigned order)
{
	struct buddy_page *p = page_of(b, pfn);
	struct buddy_zone *z = &b->zone[p->zone];
	uint32_t idx = (uint32_t)(pfn - b->start_pfn);

	p->head = 1;
	p->order = (uint8_t)order;
	p->prev = NIL;
	p->next = z->head[order];
	if (p->next != NIL)
		b->pages[p->next].prev = idx;
	z->head[order] = idx;
	z->nr_free[order]++;
}

static void list_del(struct buddy *b, unsigned long pfn, unsigned order)
{
	struct buddy_page *p = page_of(b, pfn);
	struct buddy_zone *z = &b->zone[p->zone];

	if (p->prev != NIL)
		b->pages[p->prev].next = p->next;
	else
		z->head[order] = p->next;
	if (p->next != NIL)
		b->pages[p->next].prev = p->prev;
	p->next = p->prev = NIL;
	z->nr_free[order]--;
}

static void set_state(struct buddy *b, unsigned long pfn, unsigned order,
		      enum buddy_page_state st)
{
	for (unsigned long i = 0; i < (1ul << order); i++) {
		struct buddy_page *p = page_of(b, pfn + i);

		p->state = (uint8_t)st;
		p->head = 0;
	}
}

/* Put a block whose pages are marked free on the lists, merging with its
 * free buddy of the same order and zone as long as there is one. */
static void free_block(struct buddy *b, unsigned long pfn, unsigned order)
{
	unsigned zone = page_of(b, pfn)->zone;

	while (order + 1 < b->max_order) {
		unsigned long bud = pfn ^ (1ul << order);

		if (!in_span(b, bud, order))
			break;
		struct buddy_page *bp = page_of(b, bud);

		if (bp->state != BUDDY_PAGE_FREE || !bp->head ||
		    bp->order != order || bp->zone != zone)
			break;
		list_del(b, bud, order);
		bp->head = 0;
		page_of(b, pfn)->head = 0;
		if (bud < pfn)
			pfn = bud;
		order++;
	}
	list_add(b, pfn, order); /* totals are kept by the callers */
}

/** buddy_init - see buddy.h. */
int buddy_init(struct buddy *b, const struct mb_profile *p,
	       const struct buddy_zone_bounds *zb, unsigned long start_pfn,
	       unsigned long end_pfn, struct buddy_page *pages,
	       unsigned long nr_pages)
{
	struct buddy_zone_bounds own;

	if (!b || !p || !pages || end_pfn <= start_pfn ||
	    nr_pages < end_pfn - start_pfn || p->max_order == 0 ||
	    p->max_order > BUDDY_MAX_ORDERS ||
	    end_pfn - start_pfn >= (unsigned long)NIL)
		return -MB_EINVAL;
	if (!zb) {
		buddy_zone_bounds_from_profile(p, &own);
		zb = &own;
	}
	memset(b, 0, sizeof(*b));
	while (((mb_phys_t)1 << b->page_shift) < p->page_size)
		b->page_shift++;
	b->max_order = p->max_order;
	b->start_pfn = start_pfn;
	b->end_pfn = end_pfn;
	b->pages = pages;
	for (int z = 0; z < BUDDY_NR_ZONES; z++) {
		b->zone[z].name = zone_names[z];
		b->zone[z].start_pfn = end_pfn;
		b->zone[z].end_pfn = start_pfn;
		for (int o = 0; o < BUDDY_MAX_ORDERS; o++)
			b->zone[z].head[o] = NIL;
	}
	b->zone[BUDDY_ZONE_DMA].present = zb->dma_end != 0;
	b->zone[BUDDY_ZONE_DMA32].present = zb->dma32_end > zb->dma_end;
	b->zone[BUDDY_ZONE_NORMAL].present = true;
	b->zone[BUDDY_ZONE_HIGHMEM].present = zb->lowmem_end != 0;
	for (unsigned long pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct buddy_page *pg = page_of(b, pfn);
		enum buddy_zone_id z =
			buddy_zone_of_pfn(zb, b->page_shift, pfn);

		memset(pg, 0, sizeof(*pg));
		pg->next = pg->prev = NIL;
		pg->zone = (uint8_t)z;
		if (pfn < b->zone[z].start_pfn)
			b->zone[z].start_pfn = pfn;
		if (pfn + 1 > b->zone[z].end_pfn)
			b->zone[z].end_pfn = pfn + 1;
	}
	return 0;
}

static bool all_reserved_one_zone(const struct buddy *b, unsigned long pfn,
				  unsigned order, bool *one_zone)
{
	unsigned zone = page_of(b, pfn)->zone;

	*one_zone = true;
	for (unsigned long i = 0; i < (1ul << order); i++) {
		const struct buddy_page *p = page_of(b, pfn + i);

		if (p->state != BUDDY_PAGE_RESERVED)
			return false;
		if (p->zone != zone)
			*one_zone = false;
	}
	return true;
}

/** buddy_release - see buddy.h. */
unsigned long buddy_release(struct buddy *b, unsigned long pfn, unsigned order)
{
	bool one_zone;

	if (order >= b->max_order || !in_span(b, pfn, order) ||
	    !all_reserved_one_zone(b, pfn, order, &one_zone)) {
		b->bad_releases++;
		return 0;
	}
	/* Split what the free lists cannot hold as one block. */
	if (order && (!one_zone || (pfn & ((1ul << order) - 1)))) {
		unsigned long half = 1ul << (order - 1);

		if (pfn & ((1ul << order) - 1)) {
			unsigned long n = 0;

			for (unsigned long i = 0; i < (1ul << order); i++)
				n += buddy_release(b, pfn + i, 0);
			return n;
		}
		return buddy_release(b, pfn, order - 1) +
		       buddy_release(b, pfn + half, order - 1);
	}
	struct buddy_zone *z = &b->zone[page_of(b, pfn)->zone];

	set_state(b, pfn, order, BUDDY_PAGE_FREE);
	free_block(b, pfn, order);
	z->managed_pages += 1ul << order;
	z->free_pages += 1ul << order;
	b->managed_pages += 1ul << order;
	b->free_pages += 1ul << order;
	return 1ul << order;
}

/** buddy_release_cb - buddy_release() with the bootmem callback shape. */
void buddy_release_cb(void *ctx, unsigned long pfn, unsigned order)
{
	buddy_release(ctx, pfn, order);
}

static unsigned long take_from_zone(struct buddy *b, struct buddy_zone *z,
				    unsigned order)
{
	unsigned o = order;

	while (o < b->max_order && z->head[o] == NIL)
		o++;
	if (o >= b->max_order)
		return BUDDY_NO_PAGE;
	unsigned long pfn = b->start_pfn + z->head[o];

	list_del(b, pfn, o);
	page_of(b, pfn)->head = 0;
	/* Split: the upper halves go back on the lower lists. */
	while (o > order) {
		o--;
		list_add(b, pfn + (1ul << o), o);
	}
	set_state(b, pfn, order, BUDDY_PAGE_ALLOCATED);
	page_of(b, pfn)->head = 1;
	page_of(b, pfn)->order = (uint8_t)order;
	z->free_pages -= 1ul << order;
	b->free_pages -= 1ul << order;
	return pfn;
}

/** buddy_alloc_pages - see buddy.h. */
unsigned long buddy_alloc_pages(struct buddy *b, unsigned zone_mask,
				unsigned order)
{
	if (order >= b->max_order)
		return BUDDY_NO_PAGE;
	for (int z = BUDDY_NR_ZONES - 1; z >= 0; z--) {
		if (!(zone_mask & BUDDY_ZONE_BIT(z)) || !b->zone[z].present)
			continue;
		unsigned long pfn = take_from_zone(b, &b->zone[z], order);

		if (pfn != BUDDY_NO_PAGE)
			return pfn;
	}
	return BUDDY_NO_PAGE;
}

/** buddy_free_pages - see buddy.h. */
int buddy_free_pages(struct buddy *b, unsigned long pfn, unsigned order)
{
	if (order >= b->max_order || !in_span(b, pfn, order))
		return -MB_EINVAL;
	struct buddy_page *p = page_of(b, pfn);

	if (p->state != BUDDY_PAGE_ALLOCATED || !p->head || p->order != order)
		return -MB_EINVAL;
	struct buddy_zone *z = &b->zone[p->zone];

	set_state(b, pfn, order, BUDDY_PAGE_FREE);
	free_block(b, pfn, order);
	z->free_pages += 1ul << order;
	b->free_pages += 1ul << order;
	return 0;
}

/** buddy_zone_free - free pages of zone @z. */
unsigned long buddy_zone_free(const struct buddy *b, enum buddy_zone_id z)
{
	return (unsigned)z < BUDDY_NR_ZONES ? b->zone[z].free_pages : 0;
}
