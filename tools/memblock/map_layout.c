/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * map_layout.c - cut physical memory into drawable segments: every
 * boundary of a memory region, reserved region or labelled reservation
 * starts a new piece; neighbouring pieces that look the same are merged;
 * what is neither memory nor reserved is a hole.
 */
#include <stdlib.h>
#include <string.h>

#include "map.h"

const char *mp_human(mb_phys_t bytes, char *buf, size_t len)
{
	static const char *const unit[] = {"B",	  "KiB", "MiB",
					   "GiB", "TiB", "PiB"};
	unsigned u = 0;
	double v = (double)bytes;

	while (v >= 1024 && u < 5) {
		v /= 1024;
		u++;
	}
	if (u == 0 || v == (double)(unsigned long long)v)
		snprintf(buf, len, "%llu %s", (unsigned long long)v, unit[u]);
	else
		snprintf(buf, len, "%.1f %s", v, unit[u]);
	return buf;
}

static int cmp_u64(const void *a, const void *b)
{
	mb_phys_t x = *(const mb_phys_t *)a, y = *(const mb_phys_t *)b;

	return x < y ? -1 : x > y;
}

static int find(const struct mp_region *v, size_t n, mb_phys_t a)
{
	for (size_t i = 0; i < n; i++)
		if (a >= v[i].base && a - v[i].base < v[i].size)
			return (int)i;
	return -1;
}

static int find_rec(const struct bs_recs *r, mb_phys_t a)
{
	for (size_t i = 0; i < r->n; i++)
		if (a >= r->v[i].base && a - r->v[i].base < r->v[i].size)
			return (int)i;
	return -1;
}

static bool same(const struct mp_seg *x, const struct mp_seg *y)
{
	if (x->type != y->type || x->mem != y->mem || x->rsv != y->rsv)
		return false;
	if (x->type == MP_HOLE || x->type == MP_FREE || x->type == MP_NOMAP)
		return true;
	return x->kind == y->kind &&
	       ((!x->caller && !y->caller) ||
		(x->caller && y->caller && !strcmp(x->caller, y->caller)));
}

static bool is_zone_edge(const struct mp_model *m, mb_phys_t a)
{
	return a &&
	       (a == m->dma_end || a == m->dma32_end || a == m->lowmem_end);
}

size_t mp_layout(const struct mp_model *m, struct mp_seg **segs)
{
	size_t np = 0, cap = 2 * (m->nmem + m->nrsv + m->recs.n) + 5, ns = 0;
	mb_phys_t *pt = malloc(cap * sizeof(*pt));
	struct mp_seg *out = calloc(cap + 1, sizeof(*out));

	*segs = NULL;
	if (!pt || !out) {
		free(pt);
		free(out);
		return 0;
	}
	for (size_t i = 0; i < m->nmem; i++) {
		pt[np++] = m->mem[i].base;
		pt[np++] = m->mem[i].base + m->mem[i].size;
	}
	for (size_t i = 0; i < m->nrsv; i++) {
		pt[np++] = m->rsv[i].base;
		pt[np++] = m->rsv[i].base + m->rsv[i].size;
	}
	for (size_t i = 0; i < m->recs.n; i++) {
		pt[np++] = m->recs.v[i].base;
		pt[np++] = m->recs.v[i].base + m->recs.v[i].size;
	}
	/* zone boundaries cut segments too, so each gets an address */
	if (m->dma_end)
		pt[np++] = m->dma_end;
	if (m->dma32_end)
		pt[np++] = m->dma32_end;
	if (m->lowmem_end)
		pt[np++] = m->lowmem_end;
	qsort(pt, np, sizeof(*pt), cmp_u64);
	for (size_t i = 0; i + 1 < np; i++) {
		mb_phys_t a = pt[i], e = pt[i + 1];
		struct mp_seg s = {0};
		int rec;

		if (a == e)
			continue;
		s.base = a;
		s.size = e - a;
		s.mem = find(m->mem, m->nmem, a);
		s.rsv = find(m->rsv, m->nrsv, a);
		rec = find_rec(&m->recs, a);
		s.nid = s.mem >= 0 ? m->mem[s.mem].nid : -1;
		if (s.rsv >= 0 || rec >= 0) {
			s.type = MP_RESERVED;
			s.kind = rec >= 0 ? m->recs.v[rec].kind : BS_UNKNOWN;
			s.caller = rec >= 0 ? m->recs.v[rec].caller : NULL;
		} else if (s.mem >= 0) {
			s.type = (m->mem[s.mem].flags & MEMBLOCK_NOMAP)
					 ? MP_NOMAP
					 : MP_FREE;
		} else {
			s.type = MP_HOLE;
		}
		if (ns && same(&out[ns - 1], &s) &&
		    out[ns - 1].base + out[ns - 1].size == s.base &&
		    !is_zone_edge(m, s.base))
			out[ns - 1].size += s.size;
		else
			out[ns++] = s;
	}
	/* holes at the ends show nothing */
	while (ns && out[ns - 1].type == MP_HOLE)
		ns--;
	if (ns && out[0].type == MP_HOLE) {
		memmove(out, out + 1, (ns - 1) * sizeof(*out));
		ns--;
	}
	free(pt);
	*segs = out;
	return ns;
}
