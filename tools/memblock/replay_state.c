/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The replayed state against the log's dumps: seeding the state that
 * existed before tracing began, comparing and re-syncing at every dump,
 * and applying node ids and flags that the kernel set without a trace.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"

static int region_nid(const struct rp_engine *e, const struct lp_region *r,
		      bool strip)
{
	if (strip || r->nid == LP_NO_NODE)
		return e->ctx.profile->max_numnodes;
	return r->nid;
}

/* Merge neighbours with equal nid and flags (the tables' invariant). */
static void normalize(struct memblock_type *t)
{
	unsigned long i, o = 0;

	for (i = 0; i < t->cnt; i++) {
		struct memblock_region *r = &t->regions[i];

		if (!r->size && t->cnt > 1)
			continue;
		if (o &&
		    t->regions[o - 1].base + t->regions[o - 1].size ==
			    r->base &&
		    t->regions[o - 1].nid == r->nid &&
		    t->regions[o - 1].flags == r->flags) {
			t->regions[o - 1].size += r->size;
			continue;
		}
		t->regions[o++] = *r;
	}
	if (!o) {
		memset(&t->regions[0], 0, sizeof(t->regions[0]));
		o = 1;
	}
	t->cnt = o;
}

static mb_phys_t sum_sizes(const struct memblock_type *t)
{
	mb_phys_t s = 0;
	unsigned long i;

	for (i = 0; i < t->cnt; i++)
		s += t->regions[i].size;
	return s;
}

/* Load @n dump regions into table @t (capacity already checked). */
static void load_regions(struct rp_engine *e, struct memblock_type *t,
			 const struct lp_region *r, unsigned long n,
			 bool strip_nid)
{
	unsigned long i;

	if (!n || (n == 1 && !r[0].size)) {
		t->cnt = 1;
		memset(&t->regions[0], 0, sizeof(t->regions[0]));
		t->regions[0].nid = e->ctx.profile->max_numnodes;
		t->total_size = 0;
		return;
	}
	for (i = 0; i < n; i++) {
		t->regions[i].base = r[i].base;
		t->regions[i].size = r[i].size;
		t->regions[i].flags = (enum memblock_flags)r[i].flags;
		t->regions[i].nid = region_nid(e, &r[i], strip_nid);
	}
	t->cnt = n;
	normalize(t);
}

/* Is [base, base+size) wholly inside the reserved table of @u? */
static bool covered(const struct memblock *u, mb_phys_t base, mb_phys_t size)
{
	mb_phys_t end = base + size;
	unsigned long i;

	for (i = 0; i < u->reserved.cnt && base < end; i++) {
		const struct memblock_region *r = &u->reserved.regions[i];

		if (r->base <= base && base < r->base + r->size)
			base = r->base + r->size;
	}
	return base >= end;
}

static struct memblock_region *alloc_regions(size_t n)
{
	return calloc(n, sizeof(struct memblock_region));
}

/* Undo the traced changes before the first dump on @t (a scratch copy). */
static int undo_before_dump(struct rp_engine *e, struct memblock *t)
{
	const struct lp_log *log = e->log;
	size_t i, nres = 8;
	struct memblock u;
	struct memblock_region *um, *ur;

	for (i = 0; i < e->ctx.first_dump; i++)
		nres += log->recs[i].kind == LP_RESERVE;
	um = alloc_regions(1);
	ur = alloc_regions(nres);
	if (!um || !ur ||
	    mb_init(&u, e->ctx.profile, NULL, um, 1, ur, nres, NULL, 0) < 0) {
		free(um);
		free(ur);
		return -1;
	}
	for (i = 0; i < e->ctx.first_dump; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_ADD || r->kind == LP_ADD_NODE) {
			mb_remove(t, r->base, r->size);
			e->st.undone_before_dump++;
		} else if (r->kind == LP_RESERVE) {
			mb_phys_free(t, r->base, r->size);
			mb_reserve(&u, r->base, r->size);
			e->st.undone_before_dump++;
		}
	}
	/* A free of a range no traced reserve made: it was in the state
	 * before tracing began. */
	for (i = 0; i < e->ctx.first_dump; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_PHYS_FREE && r->size &&
		    r->base + r->size > r->base &&
		    !covered(&u, r->base, r->size))
			mb_reserve(t, r->base, r->size);
	}
	free(um);
	free(ur);
	return 0;
}

static void copy_table(struct memblock_type *dst,
		       const struct memblock_type *src)
{
	memcpy(dst->regions, src->regions, src->cnt * sizeof(*src->regions));
	dst->cnt = src->cnt;
	dst->total_size = sum_sizes(src);
}

int rp_seed(struct rp_engine *e)
{
	const struct mb_profile *p = e->ctx.profile;
	const struct lp_record *d = NULL;
	unsigned long nm = p->init_memory_regions,
		      nr = p->init_reserved_regions;
	unsigned long big;
	struct memblock t;
	struct memblock_region *tm, *tr;
	bool strip;

	if (e->ctx.first_dump != RP_NONE)
		d = &e->log->recs[e->ctx.first_dump];
	big = (d ? d->n_mem + d->n_rsv : 0) + 2 * e->log->n + 8;
	tm = alloc_regions(big);
	tr = alloc_regions(big);
	if (!tm || !tr || mb_init(&t, p, NULL, tm, big, tr, big, NULL, 0) < 0)
		goto fail;
	strip = e->ctx.nid_point == RP_NONE ||
		(d && e->ctx.nid_point < e->ctx.first_dump);
	if (d) {
		load_regions(e, &t.memory, lp_dump_region(e->log, d, 0),
			     d->n_mem, strip);
		load_regions(e, &t.reserved,
			     lp_dump_region(e->log, d, d->n_mem), d->n_rsv,
			     strip);
		if (undo_before_dump(e, &t) < 0)
			goto fail;
		rp_seed_unflag_reserved_nomap(e->log, d, &t);
	}
	if (t.memory.cnt > nm)
		nm = t.memory.cnt;
	if (t.reserved.cnt > nr)
		nr = t.reserved.cnt;
	e->mem0 = alloc_regions(nm);
	e->rsv0 = alloc_regions(nr);
	if (!e->mem0 || !e->rsv0)
		goto fail;
	if (mb_init(&e->mb, p, NULL, e->mem0, nm, e->rsv0, nr, NULL, 0) < 0)
		goto fail;
	copy_table(&e->mb.memory, &t.memory);
	copy_table(&e->mb.reserved, &t.reserved);
	free(tm);
	free(tr);
	return 0;
fail:
	free(tm);
	free(tr);
	return -1;
}

static bool region_equal(const struct rp_engine *e,
			 const struct memblock_region *m,
			 const struct lp_region *r)
{
	int nid = r->nid == LP_NO_NODE ? e->ctx.profile->max_numnodes : r->nid;

	if (!r->size && !m->size)
		return true; /* the dummy entry of an empty table */
	return m->base == r->base && m->size == r->size &&
	       (unsigned)m->flags == r->flags &&
	       (!e->ctx.profile->numa || m->nid == nid);
}

static bool table_matches(struct rp_engine *e, const struct lp_record *d,
			  const struct memblock_type *t, size_t first,
			  unsigned long n, unsigned long cnt, mb_phys_t total,
			  const char *name)
{
	unsigned long i;

	if (t->cnt != cnt || t->cnt != n) {
		rp_mismatch(e, d, name, true, cnt, 0, true, t->cnt, 0);
		return false;
	}
	for (i = 0; i < n; i++) {
		const struct lp_region *r =
			lp_dump_region(e->log, d, first + i);

		if (!region_equal(e, &t->regions[i], r)) {
			rp_mismatch(e, d, name, true, r->base, r->size, true,
				    t->regions[i].base, t->regions[i].size);
			return false;
		}
	}
	if (t->total_size != total) {
		rp_mismatch(e, d, name, true, total, 0, true, t->total_size, 0);
		return false;
	}
	return true;
}

bool rp_dump_matches(struct rp_engine *e, const struct lp_record *d)
{
	bool ok = table_matches(e, d, &e->mb.memory, 0, d->n_mem, d->mem_cnt,
				d->mem_total, "dump memory");

	return table_matches(e, d, &e->mb.reserved, d->n_mem, d->n_rsv,
			     d->rsv_cnt, d->rsv_total, "dump reserved") &&
	       ok;
}

static void sync_table(struct rp_engine *e, struct memblock_type *t,
		       const struct lp_record *d, size_t first, unsigned long n,
		       mb_phys_t total)
{
	if (n > t->max) {
		/* only reachable when the log grew a table we did not */
		struct memblock_region *g = alloc_regions(n * 2);

		if (!g || e->ngrown == sizeof(e->grown) / sizeof(e->grown[0])) {
			free(g);
			return;
		}
		e->grown[e->ngrown++] = g;
		t->regions = g;
		t->max = n * 2;
	}
	load_regions(e, t, n ? lp_dump_region(e->log, d, first) : NULL, n,
		     false);
	t->total_size = total;
}

void rp_sync_to_dump(struct rp_engine *e, const struct lp_record *d)
{
	if (!d->complete)
		return;
	sync_table(e, &e->mb.memory, d, 0, d->n_mem, d->mem_total);
	sync_table(e, &e->mb.reserved, d, d->n_mem, d->n_rsv, d->rsv_total);
}

void rp_apply_nodes(struct rp_engine *e, const struct lp_record *d)
{
	unsigned long i;

	for (i = 0; i < d->n_mem + d->n_rsv; i++) {
		const struct lp_region *r = lp_dump_region(e->log, d, i);
		struct memblock_type *t =
			i < d->n_mem ? &e->mb.memory : &e->mb.reserved;

		if (r->nid != LP_NO_NODE && r->size)
			mb_set_node(&e->mb, r->base, r->size, t, r->nid);
	}
}

void rp_print_free_near(struct rp_engine *e, FILE *f, mb_phys_t addr, bool json)
{
	mb_phys_t s[256], en[256];
	unsigned n = 0, k, i, first;
	uint64_t idx;
	mb_phys_t a, b;

	mb_for_each_free_range (&e->mb, idx, MB_NUMA_NO_NODE, MEMBLOCK_NONE, &a,
				&b, NULL) {
		if (n == 256) {
			memmove(s, s + 128, 128 * sizeof(s[0]));
			memmove(en, en + 128, 128 * sizeof(en[0]));
			n = 128;
		}
		s[n] = a;
		en[n++] = b;
		if (a > addr && n > 4)
			break;
	}
	for (k = 0; k < n && en[k] <= addr; k++)
		;
	first = k > 2 ? k - 2 : 0;
	for (i = first; i < n && i < first + 5; i++) {
		if (json)
			fprintf(f, "%s[\"0x%" PRIx64 "\",\"0x%" PRIx64 "\"]",
				i == first ? "" : ",", s[i], en[i] - 1);
		else
			fprintf(f, "      free [0x%" PRIx64 "-0x%" PRIx64 "]\n",
				s[i], en[i] - 1);
	}
}
