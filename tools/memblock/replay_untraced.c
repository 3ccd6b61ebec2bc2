/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reservations made without a trace line after the first dump (backward
 * from the next dump). The first pass records, at each later dump, the
 * parts of its reserved regions that neither the replayed state nor any
 * reserve line since the previous dump explains. The second pass reserves
 * them right after the previous dump. That cannot move an allocation the
 * first pass placed as the log did: first-fit searches (top-down or
 * bottom-up) only lose candidates they had already passed over, and the
 * chosen block lies in a range a reserve line named, which is excluded.
 *
 * A "** N printk messages dropped **" marker between the two dumps says
 * where lines were lost: the anchor moves to the (last) marker, and only
 * reserve lines after it explain a range. A block a lost line took there
 * may lie in a range an earlier line reserved and freed again (x86's
 * temporary page-table buffer), which would otherwise hide it.
 */
#include <stdlib.h>

#include "replay.h"

static bool push(struct rp_span **v, size_t *n, size_t *cap, size_t at,
		 mb_phys_t base, mb_phys_t size)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct rp_span *nv = realloc(*v, c * sizeof(*nv));

		if (!nv)
			return false;
		*v = nv;
		*cap = c;
	}
	(*v)[*n].at = at;
	(*v)[*n].base = base;
	(*v)[*n].size = size;
	(*n)++;
	return true;
}

void rp_touch(struct rp_engine *e, mb_phys_t base, mb_phys_t size)
{
	if (e->collecting && size)
		push(&e->touched, &e->n_touched, &e->cap_touched, 0, base,
		     size);
}

/* Parts of [base, base + size) not covered by the sorted table @t. */
static void uncovered(struct rp_engine *e, size_t at,
		      const struct memblock_type *t, mb_phys_t base,
		      mb_phys_t size)
{
	mb_phys_t cur = base, end = base + size;
	unsigned long i;

	for (i = 0; i < t->cnt && cur < end; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (r->base + r->size <= cur || !r->size)
			continue;
		if (r->base >= end)
			break;
		if (r->base > cur)
			push(&e->untraced, &e->n_untraced, &e->cap_untraced, at,
			     cur, r->base - cur);
		cur = r->base + r->size;
	}
	if (cur < end)
		push(&e->untraced, &e->n_untraced, &e->cap_untraced, at, cur,
		     end - cur);
}

void rp_collect_untraced(struct rp_engine *e, size_t i)
{
	const struct lp_record *d = &e->log->recs[i];
	size_t cap = e->mb.reserved.cnt + e->n_touched + 8, k;
	struct memblock_region *sm = NULL, *sr = NULL;
	struct memblock s;

	if (!e->collecting)
		return;
	if (i == e->ctx.first_dump || !d->complete)
		goto out;
	sm = calloc(1, sizeof(*sm));
	sr = calloc(cap, sizeof(*sr));
	if (!sm || !sr ||
	    mb_init(&s, e->ctx.profile, NULL, sm, 1, sr, cap, NULL, 0) < 0)
		goto out;
	for (k = 0; k < e->mb.reserved.cnt; k++)
		mb_reserve(&s, e->mb.reserved.regions[k].base,
			   e->mb.reserved.regions[k].size);
	for (k = 0; k < e->n_touched; k++)
		mb_reserve(&s, e->touched[k].base, e->touched[k].size);
	for (k = 0; k < d->n_rsv; k++) {
		const struct lp_region *r =
			lp_dump_region(e->log, d, d->n_mem + k);

		if (r && r->size)
			uncovered(e, e->anchor, &s.reserved, r->base, r->size);
	}
out:
	free(sm);
	free(sr);
	e->n_touched = 0;
	e->anchor = i;
}

void rp_untraced_gap(struct rp_engine *e, size_t i)
{
	if (!e->collecting || e->anchor == RP_NONE)
		return;
	e->anchor = i;
	e->n_touched = 0;
}

void rp_apply_untraced(struct rp_engine *e, size_t i)
{
	size_t k;

	if (e->collecting)
		return;
	for (k = 0; k < e->n_untraced; k++)
		if (e->untraced[k].at == i) {
			mb_reserve(&e->mb, e->untraced[k].base,
				   e->untraced[k].size);
			e->st.untraced++;
		}
}

void rp_untraced_free(struct rp_engine *e)
{
	free(e->untraced);
	free(e->touched);
	e->untraced = e->touched = NULL;
	e->n_untraced = e->cap_untraced = 0;
	e->n_touched = e->cap_touched = 0;
}
