/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reference model, part 2: free ranges, the allocation search, the
 * allocation entry points, table growth and the queries. Free ranges are
 * computed by brute force (each memory region minus every reservation);
 * the search simply walks that list.
 */
#include "model.h"

#include <stdlib.h>

static bool skip_region(const struct model *m, const struct model_region *r,
			int nid, unsigned flags)
{
	if (nid != MB_NUMA_NO_NODE && nid != model_region_nid(m, r))
		return true;
	if (m->movable_node && (r->flags & MEMBLOCK_HOTPLUG) &&
	    !(flags & MEMBLOCK_HOTPLUG))
		return true;
	if ((flags & MEMBLOCK_MIRROR) && !(r->flags & MEMBLOCK_MIRROR))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && (r->flags & MEMBLOCK_NOMAP))
		return true;
	if (!(flags & MEMBLOCK_DRIVER_MANAGED) &&
	    (r->flags & MEMBLOCK_DRIVER_MANAGED))
		return true;
	return false;
}

static size_t emit(struct model_range *out, size_t cap, size_t k, uint64_t s,
		   uint64_t e, int nid)
{
	if (k < cap)
		out[k] = (struct model_range){s, e, nid};
	return k + 1;
}

size_t model_ranges(const struct model *m, int ta, int tb, int nid,
		    unsigned flags, struct model_range *out, size_t cap)
{
	const struct model_table *a = &m->t[ta];
	struct model_region dummy = {0, 0, 0, a->dummy_nid};
	size_t n = a->n ? a->n : 1;
	size_t k = 0;

	if (nid == m->prof.max_numnodes)
		nid = MB_NUMA_NO_NODE;
	for (size_t i = 0; i < n; i++) {
		const struct model_region *r = a->n ? &a->r[i] : &dummy;
		int rn = model_region_nid(m, r);
		if (ta == MODEL_MEMORY && skip_region(m, r, nid, flags))
			continue;
		if (tb < 0) {
			k = emit(out, cap, k, r->base, r->base + r->size, rn);
			continue;
		}
		/* r intersected with each gap of tb, ascending. A gap of
		 * width 0 (two touching regions of tb) strictly inside r
		 * yields an empty range, as Linux's walk does. */
		const struct model_table *b = &m->t[tb];
		uint64_t end = r->base + r->size;
		for (size_t g = 0; g <= b->n; g++) {
			uint64_t gs =
				g ? b->r[g - 1].base + b->r[g - 1].size : 0;
			uint64_t ge = g < b->n ? b->r[g].base : m->phys_max;
			if (gs < end && r->base < ge)
				k = emit(out, cap, k,
					 gs > r->base ? gs : r->base,
					 ge < end ? ge : end, rn);
		}
	}
	return k;
}

size_t model_pfn_ranges(const struct model *m, int nid, struct model_range *out,
			size_t cap)
{
	const struct model_table *a = &m->t[MODEL_MEMORY];
	uint64_t ps = m->prof.page_size;
	size_t k = 0;

	for (size_t i = 0; i < a->n; i++) {
		const struct model_region *r = &a->r[i];
		uint64_t s = (r->base + ps - 1) / ps,
			 e = (r->base + r->size) / ps;
		if (s >= e)
			continue;
		if (nid == m->prof.max_numnodes ||
		    nid == model_region_nid(m, r))
			k = emit(out, cap, k, s, e, model_region_nid(m, r));
	}
	return k;
}

static uint64_t clamp64(uint64_t v, uint64_t lo, uint64_t hi)
{
	return v < lo ? lo : (v > hi ? hi : v);
}

uint64_t model_find(const struct model *m, uint64_t size, uint64_t align,
		    uint64_t start, uint64_t end, int nid, unsigned flags)
{
	if (end == MB_ALLOC_ACCESSIBLE || end == MB_ALLOC_NOLEAKTRACE)
		end = m->current_limit;
	if (start < m->prof.page_size)
		start = m->prof.page_size;
	if (end < start)
		end = start;
	size_t n = model_ranges(m, MODEL_MEMORY, MODEL_RESERVED, nid, flags,
				NULL, 0);
	struct model_range *fr = malloc((n ? n : 1) * sizeof(*fr));
	model_ranges(m, MODEL_MEMORY, MODEL_RESERVED, nid, flags, fr, n);
	uint64_t found = 0;
	for (size_t k = 0; k < n && !found; k++) {
		size_t i = m->bottom_up ? k : n - 1 - k;
		uint64_t lo = clamp64(fr[i].start, start, end);
		uint64_t hi = clamp64(fr[i].end, start, end);
		if (m->bottom_up) {
			/* first aligned address at or above lo */
			uint64_t cand = ((lo - 1) | (align - 1)) + 1;
			if (cand < hi && hi - cand >= size)
				found = cand;
		} else {
			/* highest aligned start that still ends by hi */
			if (hi < size)
				continue;
			uint64_t cand = (hi - size) & ~(align - 1);
			if (cand >= lo)
				found = cand;
		}
	}
	free(fr);
	return found;
}

static int model_reserve(struct model *m, uint64_t base, uint64_t size)
{
	return model_add_node(m, MODEL_RESERVED, base, size,
			      m->prof.max_numnodes, 0);
}

uint64_t model_alloc_range_nid(struct model *m, uint64_t size, uint64_t align,
			       uint64_t start, uint64_t end, int nid,
			       bool exact)
{
	unsigned flags = m->has_mirror ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;

	if (nid == m->prof.max_numnodes)
		nid = MB_NUMA_NO_NODE;
	if (!align)
		align = m->prof.smp_cache_bytes;
	for (;;) {
		uint64_t f = model_find(m, size, align, start, end, nid, flags);
		if (f && !model_reserve(m, f, size))
			return f;
		if (nid != MB_NUMA_NO_NODE && !exact) {
			f = model_find(m, size, align, start, end,
				       MB_NUMA_NO_NODE, flags);
			if (f && !model_reserve(m, f, size))
				return f;
		}
		if (!(flags & MEMBLOCK_MIRROR))
			return 0;
		flags &= ~(unsigned)MEMBLOCK_MIRROR;
	}
}

uint64_t model_alloc_virt(struct model *m, uint64_t size, uint64_t align,
			  uint64_t min, uint64_t max, int nid, bool exact)
{
	if (max > m->current_limit)
		max = m->current_limit;
	uint64_t f =
		model_alloc_range_nid(m, size, align, min, max, nid, exact);
	if (!f && min)
		f = model_alloc_range_nid(m, size, align, 0, max, nid, exact);
	return f;
}

/* memblock_find_in_range: any node, mirror first then without. */
static uint64_t find_any(const struct model *m, uint64_t start, uint64_t end,
			 uint64_t size, uint64_t align)
{
	unsigned flags = m->has_mirror ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;
	uint64_t f =
		model_find(m, size, align, start, end, MB_NUMA_NO_NODE, flags);

	if (!f && (flags & MEMBLOCK_MIRROR))
		f = model_find(m, size, align, start, end, MB_NUMA_NO_NODE,
			       MEMBLOCK_NONE);
	return f;
}

static uint64_t page_align(const struct model *m, uint64_t x)
{
	uint64_t ps = m->prof.page_size;

	return (x + ps - 1) / ps * ps;
}

/*
 * Would freeing @tb's old array and then reserving a new (free) one make
 * the reserved table grow, in the order the core does them? Worked out on
 * a scratch copy of the model with growth refused.
 */
static bool reserved_would_grow(const struct model *m,
				const struct model_table *tb,
				uint64_t old_bytes)
{
	const struct model_table *r = &m->t[MODEL_RESERVED];
	size_t n = r->n;

	if (!tb->array_initial) {
		if (model_count(r) + 2 > r->max)
			return true;
		struct model scratch;
		model_copy(&scratch, m);
		scratch.can_resize = false;
		model_remove(&scratch, MODEL_RESERVED, tb->array_phys,
			     old_bytes);
		n = scratch.t[MODEL_RESERVED].n;
		model_free(&scratch);
	}
	return n != 0 && n + 1 > r->max;
}

int model_grow(struct model *m, int t, uint64_t pend_base, uint64_t pend_size)
{
	struct model_table *tb = &m->t[t];

	if (!m->can_resize)
		return -MB_ENOMEM;
	m->growth_count++;
	if (m->fail_growth_after && m->growth_count >= m->fail_growth_after)
		return -MB_ENOMEM;
	uint64_t old_bytes = page_align(m, tb->max * m->rec_size);
	uint64_t new_max = tb->max * 2;
	uint64_t bytes = page_align(m, new_max * m->rec_size);
	uint64_t ps = m->prof.page_size, addr;
	if (t != MODEL_RESERVED)
		pend_base = pend_size = 0;
	addr = find_any(m, pend_base + pend_size, m->current_limit, bytes, ps);
	if (!addr && pend_size) {
		uint64_t below = pend_base < m->current_limit
					 ? pend_base
					 : m->current_limit;
		addr = find_any(m, 0, below, bytes, ps);
	}
	if (!addr)
		return -MB_ENOMEM;
	/* Documented core choice (not in the spec): before switching any
	 * other table, give reserved two spare slots, keeping clear of the
	 * new array, so that freeing the old array and reserving the new one
	 * cannot fail half-way. */
	if (m->core_pregrow && t != MODEL_RESERVED)
		while (reserved_would_grow(m, tb, old_bytes))
			if (model_grow(m, MODEL_RESERVED, addr, bytes) < 0)
				return -MB_ENOMEM;
	uint64_t old_phys = tb->array_phys;
	bool old_initial = tb->array_initial;
	tb->max = new_max;
	tb->array_phys = addr;
	tb->array_initial = false;
	if (m->core_pregrow) {
		/* the core frees first; reserved has the room for both */
		if (!old_initial)
			model_remove(m, MODEL_RESERVED, old_phys, old_bytes);
		model_reserve(m, addr, bytes);
		return 0;
	}
	/* spec section 7: copy, reserve the new array, free the old one */
	model_reserve(m, addr, bytes);
	if (!old_initial)
		model_remove(m, MODEL_RESERVED, old_phys, old_bytes);
	return 0;
}

/* ---- queries ---- */

static const struct model_region *holding(const struct model *m, int t,
					  uint64_t addr)
{
	const struct model_table *tb = &m->t[t];

	for (size_t i = 0; i < tb->n; i++)
		if (addr >= tb->r[i].base &&
		    addr - tb->r[i].base < tb->r[i].size)
			return &tb->r[i];
	return NULL;
}

bool model_is_memory(const struct model *m, uint64_t addr)
{
	return holding(m, MODEL_MEMORY, addr) != NULL;
}

bool model_is_reserved(const struct model *m, uint64_t addr)
{
	return holding(m, MODEL_RESERVED, addr) != NULL;
}

bool model_is_map_memory(const struct model *m, uint64_t addr)
{
	const struct model_region *r = holding(m, MODEL_MEMORY, addr);

	return r && !(r->flags & MEMBLOCK_NOMAP);
}

bool model_is_region_memory(const struct model *m, uint64_t base, uint64_t size)
{
	const struct model_region *r = holding(m, MODEL_MEMORY, base);

	return r && r->base + r->size >= base + model_cap(m, base, size);
}

bool model_overlaps(const struct model *m, int t, uint64_t base, uint64_t size)
{
	const struct model_table *tb = &m->t[t];

	size = model_cap(m, base, size);
	for (size_t i = 0; i < tb->n; i++)
		if (base < tb->r[i].base + tb->r[i].size &&
		    tb->r[i].base < base + size)
			return true;
	return false;
}

int model_search_pfn_nid(const struct model *m, uint64_t pfn,
			 uint64_t *start_pfn, uint64_t *end_pfn)
{
	uint64_t ps = m->prof.page_size;
	const struct model_region *r = holding(m, MODEL_MEMORY, pfn * ps);

	if (!r)
		return -1;
	*start_pfn = r->base / ps;
	*end_pfn = (r->base + r->size) / ps;
	return model_region_nid(m, r);
}

uint64_t model_start_of_dram(const struct model *m)
{
	return m->t[MODEL_MEMORY].n ? m->t[MODEL_MEMORY].r[0].base : 0;
}

uint64_t model_end_of_dram(const struct model *m)
{
	const struct model_table *tb = &m->t[MODEL_MEMORY];

	return tb->n ? tb->r[tb->n - 1].base + tb->r[tb->n - 1].size : 0;
}

bool model_arrays_reserved(const struct model *m)
{
	for (int t = 0; t < 3; t++) {
		const struct model_table *tb = &m->t[t];
		if (!tb->enabled || tb->array_initial)
			continue;
		uint64_t bytes = page_align(m, tb->max * m->rec_size);
		const struct model_region *r =
			holding(m, MODEL_RESERVED, tb->array_phys);
		if (!r || r->base + r->size < tb->array_phys + bytes)
			return false;
	}
	return true;
}

bool model_is_minimal(const struct model *m, int t)
{
	const struct model_table *tb = &m->t[t];

	for (size_t i = 0; i + 1 < tb->n; i++) {
		const struct model_region *a = &tb->r[i], *b = &tb->r[i + 1];
		if (a->base + a->size == b->base && a->flags == b->flags &&
		    model_region_nid(m, a) == model_region_nid(m, b))
			return false;
	}
	return true;
}

bool model_is_ordered(const struct model *m, int t)
{
	const struct model_table *tb = &m->t[t];

	for (size_t i = 0; i + 1 < tb->n; i++)
		if (tb->r[i].base + tb->r[i].size > tb->r[i + 1].base ||
		    tb->r[i].base + tb->r[i].size < tb->r[i].base)
			return false;
	return true;
}
