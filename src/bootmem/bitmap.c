/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The classic bootmem back end: one bitmap per node, one bit per page
 * (set = reserved), bottom-up first-fit search with a hint and sub-page
 * packing of consecutive small allocations.
 */
#include "internal.h"

#if !MEMBLOCK_NO_BOOTMEM

static bool bit_is_set(const struct bootmem_node *n, unsigned long idx)
{
	return (n->map[idx / 8] >> (idx % 8)) & 1u;
}

static void bit_write(struct bootmem_node *n, unsigned long idx, bool set)
{
	if (set)
		n->map[idx / 8] |= (uint8_t)(1u << (idx % 8));
	else
		n->map[idx / 8] &= (uint8_t) ~(1u << (idx % 8));
}

static bool node_covers(const struct bootmem_node *n, unsigned long pfn)
{
	return n->online && pfn >= n->node_min_pfn && pfn < n->node_low_pfn;
}

/* The online node holding @pfn, or NULL. */
static struct bootmem_node *node_of(struct bootmem *bm, unsigned long pfn)
{
	for (int i = 0; i < BOOTMEM_MAX_NODES; i++)
		if (node_covers(&bm->node[i], pfn))
			return &bm->node[i];
	return NULL;
}

/*
 * Check [start, end) before touching anything, so that a failure leaves
 * no change: every pfn must lie in a node (in node @nid when nid >= 0);
 * freeing needs every bit set (the kernel BUGs on a double free);
 * an exclusive reserve needs every bit clear.
 */
static int mark_check(struct bootmem *bm, int nid, unsigned long start,
		      unsigned long end, bool reserve, int flags)
{
	for (unsigned long pfn = start; pfn < end; pfn++) {
		struct bootmem_node *n =
			nid >= 0 ? &bm->node[nid] : node_of(bm, pfn);

		if (!n || !node_covers(n, pfn))
			return -MB_EINVAL;
		bool set = bit_is_set(n, pfn - n->node_min_pfn);

		if (!reserve && !set)
			return -MB_EINVAL;
		if (reserve && set && (flags & BOOTMEM_EXCLUSIVE))
			return -MB_EBUSY;
	}
	return 0;
}

/** bitmap_mark - set (reserve) or clear (free) the bits of [start, end). */
int bitmap_mark(struct bootmem *bm, int nid, unsigned long start,
		unsigned long end, bool reserve, int flags)
{
	if (nid >= BOOTMEM_MAX_NODES)
		return -MB_EINVAL;
	int err = mark_check(bm, nid, start, end, reserve, flags);

	if (err)
		return err;
	for (unsigned long pfn = start; pfn < end; pfn++) {
		struct bootmem_node *n =
			nid >= 0 ? &bm->node[nid] : node_of(bm, pfn);

		bit_write(n, pfn - n->node_min_pfn, reserve);
	}
	return 0;
}

/** bitmap_is_reserved - bit of @pfn; pfns outside every node: reserved. */
bool bitmap_is_reserved(const struct bootmem *bm, unsigned long pfn)
{
	for (int i = 0; i < BOOTMEM_MAX_NODES; i++) {
		const struct bootmem_node *n = &bm->node[i];

		if (node_covers(n, pfn))
			return bit_is_set(n, pfn - n->node_min_pfn);
	}
	return true;
}

/* @a is a power of two (alignments and machine words): no division, so
 * 32-bit ARM needs no libgcc helper. */
static unsigned long align_up_ul(unsigned long v, unsigned long a)
{
	return (v + a - 1) & ~(a - 1);
}

/* Round a page index up so that its absolute pfn is a multiple of @step. */
static unsigned long align_idx(const struct bootmem_node *n, unsigned long idx,
			       unsigned long step)
{
	unsigned long base = n->node_min_pfn;

	return align_up_ul(base + idx, step) - base;
}

/* First index >= @idx below @end whose bit is clear (or @end). */
static unsigned long next_clear(const struct bootmem_node *n, unsigned long idx,
				unsigned long end)
{
	while (idx < end && bit_is_set(n, idx))
		idx++;
	return idx;
}

/* First index in [from, to) whose bit is set, or @to. */
static unsigned long first_set(const struct bootmem_node *n, unsigned long from,
			       unsigned long to)
{
	while (from < to && !bit_is_set(n, from))
		from++;
	return from;
}

/* Scan [from, end) in steps of @step for @npages clear bits. */
static bool scan(const struct bootmem_node *n, unsigned long from,
		 unsigned long end, unsigned long npages, unsigned long step,
		 unsigned long *found)
{
	unsigned long idx = from;

	for (;;) {
		idx = align_idx(n, next_clear(n, idx, end), step);
		if (idx >= end || idx + npages > end)
			return false;
		unsigned long busy = first_set(n, idx, idx + npages);

		if (busy == idx + npages) {
			*found = idx;
			return true;
		}
		idx = align_idx(n, busy, step);
		if (idx == busy)
			idx += step;
	}
}

/* One node: the search, the packing and the marking. 0 = nothing fits. */
static mb_phys_t alloc_in_node(struct bootmem *bm, struct bootmem_node *n,
			       mb_phys_t size, mb_phys_t align, mb_phys_t goal,
			       mb_phys_t limit)
{
	const unsigned shift = bm->page_shift;
	const mb_phys_t page = bm_page_size(bm);
	unsigned long min = n->node_min_pfn, max = n->node_low_pfn;
	unsigned long goal_pfn = (unsigned long)(goal >> shift);
	unsigned long limit_pfn = (unsigned long)(limit >> shift);

	if (!n->online || !n->map)
		return 0;
	if (limit_pfn && max > limit_pfn)
		max = limit_pfn;
	if (max <= min)
		return 0;
	unsigned long step = (unsigned long)(align >> shift);

	if (!step)
		step = 1;
	unsigned long start =
		(goal_pfn && goal_pfn > min && goal_pfn < max) ? goal_pfn : min;
	unsigned long first = align_up_ul(start, step) - min;
	unsigned long end = max - min;
	unsigned long npages = bm_pfn_up(bm, size);
	unsigned long idx;
	bool ok;

	/* Start after the previous allocation when that is further on; wrap
	 * once to the start of the window if nothing fits from there. */
	if (n->hint_idx > first) {
		ok = scan(n, align_idx(n, n->hint_idx, step), end, npages, step,
			  &idx);
		if (!ok)
			ok = scan(n, first, end, npages, step, &idx);
	} else {
		ok = scan(n, first, end, npages, step, &idx);
	}
	if (!ok)
		return 0;

	mb_phys_t start_off = (mb_phys_t)idx << shift;
	mb_phys_t last = n->last_end_off;

	/* Sub-page packing: continue inside the previous allocation's
	 * partial last page when the free run begins right after it. */
	if ((last & (page - 1)) && (unsigned long)(last >> shift) + 1 == idx) {
		mb_phys_t base = (mb_phys_t)min << shift;

		start_off = ((base + last + align - 1) & ~(align - 1)) - base;
	}
	mb_phys_t end_off = start_off + size;
	unsigned long first_pfn = (unsigned long)(start_off >> shift);

	if (first_pfn < idx) /* the shared page is already reserved */
		first_pfn++;
	n->last_end_off = end_off;
	n->hint_idx = bm_pfn_up(bm, end_off);
	for (unsigned long i = first_pfn; i < bm_pfn_up(bm, end_off); i++)
		bit_write(n, i, true);
	return ((mb_phys_t)min << shift) + start_off;
}

static struct bootmem_node *valid_node(struct bootmem *bm, int nid)
{
	if (nid < 0 || nid >= BOOTMEM_MAX_NODES || !bm->node[nid].online)
		return NULL;
	return &bm->node[nid];
}

/* Every node in ascending pfn order, honouring goal and limit. */
static mb_phys_t alloc_any_node(struct bootmem *bm, mb_phys_t size,
				mb_phys_t align, mb_phys_t goal,
				mb_phys_t limit)
{
	unsigned long after = 0; /* nodes are visited by ascending min pfn */
	bool have_after = false;

	for (;;) {
		struct bootmem_node *next = NULL;

		for (int i = 0; i < BOOTMEM_MAX_NODES; i++) {
			struct bootmem_node *n = &bm->node[i];

			if (!n->online ||
			    (have_after && n->node_min_pfn <= after))
				continue;
			if (!next || n->node_min_pfn < next->node_min_pfn)
				next = n;
		}
		if (!next)
			return 0;
		after = next->node_min_pfn;
		have_after = true;
		if (goal && next->node_low_pfn <= (goal >> bm->page_shift))
			continue;
		if (limit && next->node_min_pfn >= (limit >> bm->page_shift))
			return 0;
		mb_phys_t a = alloc_in_node(bm, next, size, align, goal, limit);

		if (a)
			return a;
	}
}

/**
 * bitmap_alloc - the bitmap back end's allocation: the node first when
 * BOOTMEM_ALLOC_NODE (a goal beyond the limit drops the limit), then every
 * node; the whole again with goal 0 when a goal was given.
 */
mb_phys_t bitmap_alloc(struct bootmem *bm, int nid, mb_phys_t size,
		       mb_phys_t align, mb_phys_t goal, mb_phys_t limit,
		       unsigned flags)
{
	struct bootmem_node *home =
		(flags & BOOTMEM_ALLOC_NODE) ? valid_node(bm, nid) : NULL;
	mb_phys_t a;

	if ((flags & BOOTMEM_ALLOC_HIGH) && home && bm->mb &&
	    bm->mb->profile.zone_dma32_end) {
		/* Keep DMA32 for devices: try above it first on big nodes. */
		mb_phys_t dma32 = bm->mb->profile.zone_dma32_end;
		unsigned long dma32_pfn = bm_pfn_down(bm, dma32);
		unsigned long slack =
			(unsigned long)((128ULL << 20) >> bm->page_shift);

		if (home->node_low_pfn > dma32_pfn + slack && goal < dma32) {
			a = alloc_in_node(bm, home, size, align, dma32, 0);
			if (a)
				return a;
		}
	}
	for (;;) {
		if (home) {
			if (limit && goal + size > limit)
				limit = 0;
			a = alloc_in_node(bm, home, size, align, goal, limit);
			if (a)
				return a;
		}
		a = alloc_any_node(bm, size, align, goal, limit);
		if (a || !goal)
			return a;
		goal = 0;
	}
}

static void release_node_pages(struct bootmem *bm, struct bootmem_node *n,
			       bootmem_release_fn release, void *ctx,
			       unsigned long *count)
{
	const unsigned long w = bm->bits_per_long;
	unsigned order = 0;

	while ((1ul << order) < w)
		order++;
	unsigned long pfn = n->node_min_pfn;

	while (pfn < n->node_low_pfn) {
		unsigned long idx = pfn - n->node_min_pfn;

		/* A whole aligned word of free pages goes as one block. */
		if ((pfn & (w - 1)) == 0 && pfn + w <= n->node_low_pfn &&
		    first_set(n, idx, idx + w) == idx + w) {
			release(ctx, pfn, order);
			*count += w;
			pfn += w;
			continue;
		}
		unsigned long stop = align_up_ul(pfn + 1, w);

		if (stop > n->node_low_pfn)
			stop = n->node_low_pfn;
		for (; pfn < stop; pfn++) {
			if (!bit_is_set(n, pfn - n->node_min_pfn)) {
				release(ctx, pfn, 0);
				(*count)++;
			}
		}
	}
}

/** bitmap_free_all - every node: free pages, then the map's own pages. */
unsigned long bitmap_free_all(struct bootmem *bm, bootmem_release_fn release,
			      void *ctx)
{
	unsigned long count = 0;

	for (int i = 0; i < BOOTMEM_MAX_NODES; i++) {
		struct bootmem_node *n = &bm->node[i];

		if (!n->online)
			continue;
		release_node_pages(bm, n, release, ctx, &count);
		for (unsigned long p = 0; p < n->map_pages; p++)
			release(ctx, n->bitmap_pfn + p, 0);
		count += n->map_pages;
		n->online = false;
	}
	return count;
}

#endif /* !MEMBLOCK_NO_BOOTMEM */
