/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reference model, part 1: the tables. Each mutation builds the new region
 * list from scratch (subtract / split / sort / merge) instead of editing in
 * place, so that its correctness can be seen at a glance.
 */
#include "model.h"

#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		abort();
	return q;
}

static void reserve_slots(struct model_table *tb, size_t n)
{
	if (n <= tb->alloc)
		return;
	while (tb->alloc < n)
		tb->alloc = tb->alloc ? 2 * tb->alloc : 64;
	tb->r = xrealloc(tb->r, tb->alloc * sizeof(*tb->r));
}

static void push(struct model_table *tb, struct model_region x)
{
	reserve_slots(tb, tb->n + 1);
	tb->r[tb->n++] = x;
}

void model_init(struct model *m, const struct mb_profile *prof, uint64_t nmem,
		uint64_t nres, uint64_t nphys, uint64_t rec_size)
{
	memset(m, 0, sizeof(*m));
	m->prof = *prof;
	m->phys_max = prof->phys_bits >= 64
			      ? UINT64_MAX
			      : (((uint64_t)1 << prof->phys_bits) - 1);
	m->rec_size = rec_size;
	m->current_limit = MB_ALLOC_ANYWHERE;
	uint64_t caps[3] = {nmem, nres, nphys};
	for (int i = 0; i < 3; i++) {
		m->t[i].max = caps[i];
		m->t[i].enabled = caps[i] != 0;
		m->t[i].array_initial = true;
		m->t[i].dummy_nid = 0; /* zero-initialised like static arrays */
	}
}

void model_free(struct model *m)
{
	for (int i = 0; i < 3; i++)
		free(m->t[i].r);
	memset(m, 0, sizeof(*m));
}

void model_copy(struct model *dst, const struct model *src)
{
	*dst = *src;
	for (int i = 0; i < 3; i++) {
		dst->t[i].r = NULL;
		dst->t[i].alloc = 0;
		reserve_slots(&dst->t[i], src->t[i].n);
		if (src->t[i].n)
			memcpy(dst->t[i].r, src->t[i].r,
			       src->t[i].n * sizeof(*src->t[i].r));
	}
}

int model_region_nid(const struct model *m, const struct model_region *r)
{
	return m->prof.numa ? r->nid : 0;
}

uint64_t model_cap(const struct model *m, uint64_t base, uint64_t size)
{
	/* an address above PHYS_ADDR_MAX (only possible with a 32-bit
	 * profile, as arguments are 64-bit) has no room at all */
	if (base > m->phys_max)
		return 0;
	uint64_t room = m->phys_max - base;

	return size < room ? size : room;
}

/** model_count - the kernel's cnt: an empty table still counts 1. */
uint64_t model_count(const struct model_table *tb)
{
	return tb->n ? tb->n : 1;
}

uint64_t model_total(const struct model *m, int t)
{
	uint64_t sum = m->t[t].slack;

	for (size_t i = 0; i < m->t[t].n; i++)
		sum += m->t[t].r[i].size;
	return sum;
}

static int cmp_base(const void *a, const void *b)
{
	const struct model_region *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

/* Sort, then merge every touching pair with equal (reported) nid and flags
 * until nothing changes. */
static void normalise(const struct model *m, struct model_table *tb)
{
	if (tb->n > 1)
		qsort(tb->r, tb->n, sizeof(*tb->r), cmp_base);
	bool changed = true;
	while (changed) {
		changed = false;
		for (size_t i = 0; i + 1 < tb->n; i++) {
			struct model_region *a = &tb->r[i], *b = &tb->r[i + 1];
			if (a->base + a->size == b->base &&
			    a->flags == b->flags &&
			    model_region_nid(m, a) == model_region_nid(m, b)) {
				a->size += b->size;
				memmove(b, b + 1, (tb->n - i - 2) * sizeof(*b));
				tb->n--;
				changed = true;
				break;
			}
		}
	}
}

/* The uncovered parts of [base, end) in @tb, as maximal intervals. */
static size_t uncovered(const struct model_table *tb, uint64_t base,
			uint64_t end, struct model_region *out, size_t cap)
{
	size_t k = 0;
	uint64_t cur = base;

	while (cur < end) {
		/* first covered byte at or after cur */
		uint64_t next_cov = end, cov_end = end;
		for (size_t i = 0; i < tb->n; i++) {
			uint64_t b = tb->r[i].base, e = b + tb->r[i].size;
			if (e <= cur || b >= end)
				continue;
			uint64_t s = b > cur ? b : cur;
			if (s < next_cov) {
				next_cov = s;
				cov_end = e;
			}
		}
		if (next_cov > cur) {
			if (k < cap)
				out[k] = (struct model_region){
					cur, next_cov - cur, 0, 0};
			k++;
		}
		cur = cov_end;
	}
	return k;
}

int model_add_node(struct model *m, int t, uint64_t base, uint64_t size,
		   int nid, unsigned flags)
{
	struct model_table *tb = &m->t[t];

	size = model_cap(m, base, size);
	if (!size)
		return 0;
	if (tb->n == 0) {
		/* the range becomes region 0 and total_size is set to its
		 * size: any trim slack is forgotten here */
		tb->slack = 0;
		push(tb, (struct model_region){base, size, flags, nid});
		return 0;
	}
	size_t nr_new = uncovered(tb, base, base + size, NULL, 0);
	if (!nr_new)
		return 0;
	/* Linux doubles while cnt + (the pieces counted first) > max. */
	while (model_count(tb) + nr_new > tb->max)
		if (model_grow(m, t, base, size) < 0)
			return -MB_ENOMEM;
	/* Growth may have freed an old array inside the range, making more
	 * pieces than counted (Linux then overruns the array: BUG). The
	 * defined result: count again and keep doubling until they fit. */
	for (;;) {
		nr_new = uncovered(tb, base, base + size, NULL, 0);
		if (model_count(tb) + nr_new <= tb->max)
			break;
		if (model_grow(m, t, base, size) < 0)
			return -MB_ENOMEM;
	}
	struct model_region *pieces = malloc((nr_new + 1) * sizeof(*pieces));
	nr_new = uncovered(tb, base, base + size, pieces, nr_new);
	for (size_t i = 0; i < nr_new; i++) {
		pieces[i].flags = flags;
		pieces[i].nid = nid;
		push(tb, pieces[i]);
	}
	free(pieces);
	normalise(m, tb);
	return 0;
}

/* Split every region of @tb that straddles @base or @end there. Needs two
 * spare slots first (even when nothing ends up split). */
static int isolate(struct model *m, int t, uint64_t base, uint64_t size)
{
	struct model_table *tb = &m->t[t];

	while (model_count(tb) + 2 > tb->max)
		if (model_grow(m, t, base, size) < 0)
			return -MB_ENOMEM;
	uint64_t end = base + size;
	uint64_t cuts[2] = {base, end};
	for (int c = 0; c < 2; c++) {
		for (size_t i = 0; i < tb->n; i++) {
			struct model_region *r = &tb->r[i];
			if (r->base < cuts[c] && cuts[c] < r->base + r->size) {
				struct model_region hi = *r;
				hi.base = cuts[c];
				hi.size = r->base + r->size - cuts[c];
				r->size = cuts[c] - r->base;
				push(tb, hi);
				break;
			}
		}
	}
	if (tb->n > 1)
		qsort(tb->r, tb->n, sizeof(*tb->r), cmp_base);
	return 0;
}

static bool inside(const struct model_region *r, uint64_t base, uint64_t end)
{
	return r->size && r->base >= base && r->base + r->size <= end;
}

static void drop_where(struct model *m, int t, uint64_t base, uint64_t end,
		       bool keep_nomap, bool invert)
{
	struct model_table *tb = &m->t[t];
	size_t k = 0;

	for (size_t i = 0; i < tb->n; i++) {
		struct model_region *r = &tb->r[i];
		bool hit = inside(r, base, end) != invert;
		if (hit && keep_nomap && (r->flags & MEMBLOCK_NOMAP))
			hit = false;
		if (!hit)
			tb->r[k++] = *r;
	}
	if (k == 0 && tb->n > 0)
		tb->dummy_nid = m->prof.max_numnodes;
	tb->n = k;
}

int model_remove(struct model *m, int t, uint64_t base, uint64_t size)
{
	size = model_cap(m, base, size);
	if (!size)
		return 0;
	int ret = isolate(m, t, base, size);
	if (ret)
		return ret;
	drop_where(m, t, base, base + size, false, false);
	return 0;
}

int model_setclr_flag(struct model *m, uint64_t base, uint64_t size, bool set,
		      unsigned flag)
{
	size = model_cap(m, base, size);
	if (!size) {
		/* nothing isolated, but the merge pass still runs */
		normalise(m, &m->t[MODEL_MEMORY]);
		return 0;
	}
	int ret = isolate(m, MODEL_MEMORY, base, size);
	if (ret)
		return ret;
	struct model_table *tb = &m->t[MODEL_MEMORY];
	for (size_t i = 0; i < tb->n; i++)
		if (inside(&tb->r[i], base, base + size))
			tb->r[i].flags = set ? (tb->r[i].flags | flag)
					     : (tb->r[i].flags & ~flag);
	normalise(m, tb);
	return 0;
}

int model_mark_mirror(struct model *m, uint64_t base, uint64_t size)
{
	if (!m->mirrored_kernelcore)
		return 0;
	m->has_mirror = true;
	return model_setclr_flag(m, base, size, true, MEMBLOCK_MIRROR);
}

int model_set_node(struct model *m, int t, uint64_t base, uint64_t size,
		   int nid)
{
	size = model_cap(m, base, size);
	if (!size) {
		/* nothing isolated, but the merge pass still runs */
		normalise(m, &m->t[t]);
		return 0;
	}
	int ret = isolate(m, t, base, size);
	if (ret)
		return ret;
	struct model_table *tb = &m->t[t];
	for (size_t i = 0; i < tb->n; i++)
		if (inside(&tb->r[i], base, base + size))
			tb->r[i].nid = nid;
	normalise(m, tb);
	return 0;
}

/* ---- limits ---- */

/* The address where @limit bytes of memory are used up; PHYS_ADDR_MAX if
 * memory holds fewer. */
static uint64_t cut_address(const struct model *m, uint64_t limit)
{
	const struct model_table *tb = &m->t[MODEL_MEMORY];

	for (size_t i = 0; i < tb->n; i++) {
		if (limit <= tb->r[i].size)
			return tb->r[i].base + limit;
		limit -= tb->r[i].size;
	}
	return m->phys_max;
}

void model_enforce_memory_limit(struct model *m, uint64_t limit)
{
	if (!limit)
		return;
	uint64_t cut = cut_address(m, limit);
	if (cut == m->phys_max)
		return;
	model_remove(m, MODEL_MEMORY, cut, m->phys_max);
	model_remove(m, MODEL_RESERVED, cut, m->phys_max);
}

void model_cap_memory_range(struct model *m, uint64_t base, uint64_t size)
{
	if (!size || !model_total(m, MODEL_MEMORY))
		return;
	uint64_t csize = model_cap(m, base, size);
	if (csize && isolate(m, MODEL_MEMORY, base, csize))
		return;
	/* every non-NOMAP region not wholly inside goes (all of them when the
	 * capped range is empty) */
	drop_where(m, MODEL_MEMORY, base, base + csize, true, true);
	model_remove(m, MODEL_RESERVED, 0, base);
	model_remove(m, MODEL_RESERVED, base + size, m->phys_max);
}

void model_mem_limit_remove_map(struct model *m, uint64_t limit)
{
	if (!limit)
		return;
	uint64_t cut = cut_address(m, limit);
	if (cut == m->phys_max)
		return;
	model_cap_memory_range(m, 0, cut);
}

void model_trim_memory(struct model *m, uint64_t align)
{
	struct model_table *tb = &m->t[MODEL_MEMORY];
	size_t k = 0;

	for (size_t i = 0; i < tb->n; i++) {
		struct model_region r = tb->r[i];
		uint64_t lo = ((r.base + align - 1) / align) * align;
		uint64_t hi = ((r.base + r.size) / align) * align;
		/* Linux's round_up wraps to 0 for a region starting in the
		 * last partial block of the address space, leaving a region
		 * that overlaps everything. The defined result (project
		 * design: no undefined states) is that the region vanishes:
		 * no aligned block fits in it. */
		if (lo < r.base || lo > m->phys_max)
			lo = hi;
		if (lo == r.base && hi == r.base + r.size) {
			tb->r[k++] = r;
			continue;
		}
		if (lo < hi) {
			/* 6.1: the shrink is not subtracted from total_size */
			if (!m->trim_fix_total)
				tb->slack += r.size - (hi - lo);
			r.base = lo;
			r.size = hi - lo;
			tb->r[k++] = r;
		}
	}
	if (k == 0 && tb->n > 0)
		tb->dummy_nid = m->prof.max_numnodes;
	tb->n = k;
}
