/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Region flags the kernel sets without a trace line (NOMAP, HOTPLUG,
 * MIRROR), taken from the next dump, and when each one takes effect.
 *
 * Most flags belong to the memory as firmware describes it: EFI marks a
 * descriptor NOMAP right after adding it, SRAT marks hotplug ranges at
 * NUMA init. A dynamic `no-map` /reserved-memory region is different: the
 * kernel first allocates it (a traced allocation) and only then marks it
 * NOMAP. An allocation never lands in NOMAP memory, so a range a dump
 * shows both NOMAP and reserved was flagged after its reservation (or was
 * reserved before tracing began). Those parts get their flag from the
 * reservation, never earlier.
 */
#include "replay.h"

typedef void (*rp_range_fn)(struct memblock *mb, mb_phys_t base,
			    mb_phys_t size);

/* Call @fn on the parts of [base, end) that dump @d shows reserved
 * (@inside) or does not (!@inside). The dump's tables are sorted. */
static void split_by_dump_reserved(const struct lp_log *log,
				   const struct lp_record *d, mb_phys_t base,
				   mb_phys_t end, bool inside, rp_range_fn fn,
				   struct memblock *mb)
{
	mb_phys_t cur = base;
	size_t k;

	for (k = 0; k < d->n_rsv && cur < end; k++) {
		const struct lp_region *r =
			lp_dump_region(log, d, d->n_mem + k);
		mb_phys_t rb = r->base, re = r->base + r->size;

		if (!r->size || re <= cur)
			continue;
		if (rb >= end)
			break;
		if (rb > cur && !inside)
			fn(mb, cur, rb - cur);
		if (rb < cur)
			rb = cur;
		if (re > end)
			re = end;
		if (inside)
			fn(mb, rb, re - rb);
		cur = re;
	}
	if (cur < end && !inside)
		fn(mb, cur, end - cur);
}

static void mark_nomap(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	mb_mark_nomap(mb, base, size);
}

unsigned rp_apply_flags(struct rp_engine *e, const struct lp_record *d,
			mb_phys_t base, mb_phys_t size)
{
	mb_phys_t end = base + size;
	unsigned long i;
	unsigned n = 0;

	for (i = 0; i < d->n_mem; i++) {
		const struct lp_region *r = lp_dump_region(e->log, d, i);
		mb_phys_t b = r->base > base ? r->base : base;
		mb_phys_t x = r->base + r->size < end ? r->base + r->size : end;

		if (!r->flags || b >= x)
			continue;
		/* reserved NOMAP parts are flagged by their reservation */
		if (r->flags & MEMBLOCK_NOMAP)
			split_by_dump_reserved(e->log, d, b, x, false,
					       mark_nomap, &e->mb);
		if (r->flags & MEMBLOCK_HOTPLUG)
			mb_mark_hotplug(&e->mb, b, x - b);
		if (r->flags & MEMBLOCK_MIRROR)
			mb_mark_mirror(&e->mb, b, x - b);
		n++;
	}
	return n;
}

unsigned rp_apply_reserved_nomap(struct rp_engine *e, const struct lp_record *d,
				 mb_phys_t base, mb_phys_t size)
{
	mb_phys_t end = base + size;
	unsigned long i;
	unsigned n = 0;

	for (i = 0; i < d->n_mem; i++) {
		const struct lp_region *r = lp_dump_region(e->log, d, i);
		mb_phys_t b = r->base > base ? r->base : base;
		mb_phys_t x = r->base + r->size < end ? r->base + r->size : end;

		if (!(r->flags & MEMBLOCK_NOMAP) || b >= x)
			continue;
		split_by_dump_reserved(e->log, d, b, x, true, mark_nomap,
				       &e->mb);
		n++;
	}
	return n;
}

/* Seeding: parts still reserved after undoing the traced reservations
 * keep their flag (reserved before tracing began); the rest lose it. */
static void clear_unless_still_reserved(struct memblock *mb, mb_phys_t base,
					mb_phys_t size)
{
	const struct memblock_type *t = &mb->reserved;
	mb_phys_t cur = base, end = base + size;
	unsigned long i;

	for (i = 0; i < t->cnt && cur < end; i++) {
		const struct memblock_region *r = &t->regions[i];

		if (!r->size || r->base + r->size <= cur)
			continue;
		if (r->base >= end)
			break;
		if (r->base > cur)
			mb_clear_nomap(mb, cur, r->base - cur);
		cur = r->base + r->size;
	}
	if (cur < end)
		mb_clear_nomap(mb, cur, end - cur);
}

void rp_seed_unflag_reserved_nomap(const struct lp_log *log,
				   const struct lp_record *d,
				   struct memblock *mb)
{
	unsigned long i;

	for (i = 0; i < d->n_mem; i++) {
		const struct lp_region *r = lp_dump_region(log, d, i);

		if (r->flags & MEMBLOCK_NOMAP)
			split_by_dump_reserved(log, d, r->base,
					       r->base + r->size, true,
					       clear_unless_still_reserved, mb);
	}
}
