/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Differential harness: one operation on the core and on the model, with
 * every return value compared, then the whole state.
 */
#include "harness.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#define ANY MB_NUMA_NO_NODE

static bool pow2(uint64_t x)
{
	return x && !(x & (x - 1));
}

/* Argument checks the core documents beyond the spec: a nid outside
 * [-1, MAX_NUMNODES] is -EINVAL; a non-power-of-two alignment finds
 * nothing. The model applies them before its own semantics. */
static bool nid_ok(const struct model *m, int nid)
{
	return nid >= ANY && nid <= m->prof.max_numnodes;
}

static uint64_t m_find(struct model *m, const struct op *o)
{
	if (!pow2(o->b))
		return 0;
	return model_find(m, o->a, o->b, o->c, o->d, o->nid, o->flags);
}

static uint64_t m_arn(struct model *m, uint64_t size, uint64_t align,
		      uint64_t start, uint64_t end, int nid, bool exact)
{
	if (align && !pow2(align))
		return 0;
	return model_alloc_range_nid(m, size, align, start, end, nid, exact);
}

static uint64_t m_virt(struct model *m, uint64_t size, uint64_t align,
		       uint64_t min, uint64_t max, int nid, bool exact)
{
	if (align && !pow2(align))
		return 0;
	return model_alloc_virt(m, size, align, min, max, nid, exact);
}

static uint64_t v2p(void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* Runs @o on both sides; *@cr / *@mr receive the results to compare. */
static void run(struct harness *h, const struct op *o, int64_t *cr, int64_t *mr)
{
	struct memblock *mb = &h->mb;
	struct model *m = &h->m;
	int mm = m->prof.max_numnodes;
	bool exact = o->flags & 1;

	*cr = *mr = 0;
	switch (o->kind) {
	case OP_ADD:
		*cr = mb_add(mb, o->a, o->b);
		*mr = model_add_node(m, MODEL_MEMORY, o->a, o->b, mm, 0);
		break;
	case OP_ADD_NODE:
		*cr = mb_add_node(mb, o->a, o->b, o->nid, o->flags);
		*mr = nid_ok(m, o->nid) ? model_add_node(m, MODEL_MEMORY, o->a,
							 o->b, o->nid, o->flags)
					: -MB_EINVAL;
		break;
	case OP_REMOVE:
		*cr = mb_remove(mb, o->a, o->b);
		*mr = model_remove(m, MODEL_MEMORY, o->a, o->b);
		break;
	case OP_RESERVE:
		*cr = mb_reserve(mb, o->a, o->b);
		*mr = model_add_node(m, MODEL_RESERVED, o->a, o->b, mm, 0);
		break;
	case OP_PHYS_FREE:
		*cr = mb_phys_free(mb, o->a, o->b);
		*mr = model_remove(m, MODEL_RESERVED, o->a, o->b);
		break;
	case OP_FREE_VIRT:
		mb_free(mb, (void *)(uintptr_t)o->a, (size_t)o->b);
		if (o->a)
			model_remove(m, MODEL_RESERVED, o->a, o->b);
		break;
	case OP_PHYSMEM_ADD:
		*cr = mb_physmem_add(mb, o->a, o->b);
		*mr = m->t[MODEL_PHYSMEM].enabled
			      ? model_add_node(m, MODEL_PHYSMEM, o->a, o->b, mm,
					       0)
			      : -MB_EINVAL;
		break;
	case OP_MARK_HOTPLUG:
		*cr = mb_mark_hotplug(mb, o->a, o->b);
		*mr = model_setclr_flag(m, o->a, o->b, true, MEMBLOCK_HOTPLUG);
		break;
	case OP_CLEAR_HOTPLUG:
		*cr = mb_clear_hotplug(mb, o->a, o->b);
		*mr = model_setclr_flag(m, o->a, o->b, false, MEMBLOCK_HOTPLUG);
		break;
	case OP_MARK_MIRROR:
		*cr = mb_mark_mirror(mb, o->a, o->b);
		*mr = model_mark_mirror(m, o->a, o->b);
		break;
	case OP_MARK_NOMAP:
		*cr = mb_mark_nomap(mb, o->a, o->b);
		*mr = model_setclr_flag(m, o->a, o->b, true, MEMBLOCK_NOMAP);
		break;
	case OP_CLEAR_NOMAP:
		*cr = mb_clear_nomap(mb, o->a, o->b);
		*mr = model_setclr_flag(m, o->a, o->b, false, MEMBLOCK_NOMAP);
		break;
	case OP_SET_NODE_MEMORY:
	case OP_SET_NODE_RESERVED: {
		int t = o->kind == OP_SET_NODE_MEMORY ? MODEL_MEMORY
						      : MODEL_RESERVED;
		*cr = mb_set_node(mb, o->a, o->b,
				  t == MODEL_MEMORY ? &mb->memory
						    : &mb->reserved,
				  o->nid);
		/* without NUMA there is no nid to set: a no-op */
		if (!m->prof.numa)
			*mr = 0;
		else
			*mr = nid_ok(m, o->nid)
				      ? model_set_node(m, t, o->a, o->b, o->nid)
				      : -MB_EINVAL;
		break;
	}
	case OP_FIND:
		*cr = (int64_t)mb_find_in_range_node(mb, o->a, o->b, o->c, o->d,
						     o->nid, o->flags);
		*mr = (int64_t)m_find(m, o);
		break;
	case OP_ALLOC_RANGE_NID:
		*cr = (int64_t)mb_alloc_range_nid(mb, o->a, o->b, o->c, o->d,
						  o->nid, exact);
		*mr = (int64_t)m_arn(m, o->a, o->b, o->c, o->d, o->nid, exact);
		break;
	case OP_PHYS_ALLOC_RANGE:
		*cr = (int64_t)mb_phys_alloc_range(mb, o->a, o->b, o->c, o->d);
		*mr = (int64_t)m_arn(m, o->a, o->b, o->c, o->d, ANY, false);
		break;
	case OP_PHYS_ALLOC_TRY_NID:
		*cr = (int64_t)mb_phys_alloc_try_nid(mb, o->a, o->b, o->nid);
		*mr = (int64_t)m_arn(m, o->a, o->b, 0, MB_ALLOC_ACCESSIBLE,
				     o->nid, false);
		break;
	case OP_PHYS_ALLOC:
		*cr = (int64_t)mb_phys_alloc(mb, o->a, o->b);
		*mr = (int64_t)m_arn(m, o->a, o->b, 0, MB_ALLOC_ACCESSIBLE, ANY,
				     false);
		break;
	case OP_ALLOC_TRY_NID:
		*cr = (int64_t)v2p(
			mb_alloc_try_nid(mb, o->a, o->b, o->c, o->d, o->nid));
		*mr = (int64_t)m_virt(m, o->a, o->b, o->c, o->d, o->nid, false);
		break;
	case OP_ALLOC_TRY_NID_RAW:
		*cr = (int64_t)v2p(mb_alloc_try_nid_raw(mb, o->a, o->b, o->c,
							o->d, o->nid));
		*mr = (int64_t)m_virt(m, o->a, o->b, o->c, o->d, o->nid, false);
		break;
	case OP_ALLOC_EXACT_NID_RAW:
		*cr = (int64_t)v2p(mb_alloc_exact_nid_raw(mb, o->a, o->b, o->c,
							  o->d, o->nid));
		*mr = (int64_t)m_virt(m, o->a, o->b, o->c, o->d, o->nid, true);
		break;
	case OP_ALLOC:
		*cr = (int64_t)v2p(mb_alloc(mb, o->a, o->b));
		*mr = (int64_t)m_virt(m, o->a, o->b, 0, 0, ANY, false);
		break;
	case OP_ALLOC_RAW:
		*cr = (int64_t)v2p(mb_alloc_raw(mb, o->a, o->b));
		*mr = (int64_t)m_virt(m, o->a, o->b, 0, 0, ANY, false);
		break;
	case OP_ALLOC_FROM:
		*cr = (int64_t)v2p(mb_alloc_from(mb, o->a, o->b, o->c));
		*mr = (int64_t)m_virt(m, o->a, o->b, o->c, 0, ANY, false);
		break;
	case OP_ALLOC_LOW:
		*cr = (int64_t)v2p(mb_alloc_low(mb, o->a, o->b));
		*mr = (int64_t)m_virt(m, o->a, o->b, 0, m->prof.alloc_low_limit,
				      ANY, false);
		break;
	case OP_ALLOC_NODE:
		*cr = (int64_t)v2p(mb_alloc_node(mb, o->a, o->b, o->nid));
		*mr = (int64_t)m_virt(m, o->a, o->b, 0, 0, o->nid, false);
		break;
	case OP_ENFORCE_MEMORY_LIMIT:
		mb_enforce_memory_limit(mb, o->a);
		model_enforce_memory_limit(m, o->a);
		break;
	case OP_CAP_MEMORY_RANGE:
		mb_cap_memory_range(mb, o->a, o->b);
		model_cap_memory_range(m, o->a, o->b);
		break;
	case OP_MEM_LIMIT_REMOVE_MAP:
		mb_mem_limit_remove_map(mb, o->a);
		model_mem_limit_remove_map(m, o->a);
		break;
	case OP_TRIM_MEMORY:
		mb_trim_memory(mb, o->a);
		if (pow2(o->a))
			model_trim_memory(m, o->a);
		break;
	case OP_SET_CURRENT_LIMIT:
		mb_set_current_limit(mb, o->a);
		m->current_limit = o->a;
		break;
	case OP_SET_BOTTOM_UP:
		mb_set_bottom_up(mb, o->flags & 1);
		m->bottom_up = o->flags & 1;
		*cr = mb_bottom_up(mb);
		*mr = m->bottom_up;
		break;
	case OP_ALLOW_RESIZE:
		mb_allow_resize(mb);
		m->can_resize = true;
		break;
	case OP_SET_MOVABLE_NODE:
		mb->movable_node = m->movable_node = o->flags & 1;
		break;
	case OP_SET_MIRRORED_KERNELCORE:
		mb->mirrored_kernelcore = m->mirrored_kernelcore = o->flags & 1;
		break;
	case OP_SET_TRIM_FIX_TOTAL:
		mb->trim_fix_total = m->trim_fix_total = o->flags & 1;
		break;
	case OP_QUERY:
	case OP_ITERATE:
	case OP__COUNT:
		break;
	}
}

static bool queries(struct harness *h, uint64_t a, uint64_t s)
{
	struct memblock *mb = &h->mb;
	struct model *m = &h->m;
	uint64_t ps = m->prof.page_size;
	unsigned long cs = 0, ce = 0;
	uint64_t ms = 0, me = 0;

#define Q(expr_c, expr_m, name)                                                \
	do {                                                                   \
		uint64_t c_ = (uint64_t)(expr_c), m_ = (uint64_t)(expr_m);     \
		if (c_ != m_)                                                  \
			return harness_fail(h,                                 \
					    "%s(%#" PRIx64 ", %#" PRIx64       \
					    "): core %#" PRIx64                \
					    " model %#" PRIx64,                \
					    name, a, s, c_, m_);               \
	} while (0)
	Q(mb_is_memory(mb, a), model_is_memory(m, a), "is_memory");
	Q(mb_is_reserved(mb, a), model_is_reserved(m, a), "is_reserved");
	Q(mb_is_map_memory(mb, a), model_is_map_memory(m, a), "is_map_memory");
	Q(mb_is_region_memory(mb, a, s), model_is_region_memory(m, a, s),
	  "is_region_memory");
	Q(mb_is_region_reserved(mb, a, s), model_overlaps(m, 1, a, s),
	  "is_region_reserved");
	Q(mb_overlaps_region(&mb->memory, a, s), model_overlaps(m, 0, a, s),
	  "overlaps_region(memory)");
	Q(mb_phys_mem_size(mb), model_total(m, 0), "phys_mem_size");
	Q(mb_reserved_size(mb), model_total(m, 1), "reserved_size");
	Q(mb_start_of_DRAM(mb), model_start_of_dram(m), "start_of_DRAM");
	Q(mb_end_of_DRAM(mb), model_end_of_dram(m), "end_of_DRAM");
	uint64_t pfn = a / ps;
	if (pfn == (unsigned long)pfn) {
		int cn = mb_search_pfn_nid(mb, (unsigned long)pfn, &cs, &ce);
		int mn = model_search_pfn_nid(m, pfn, &ms, &me);
		Q(cn, mn, "search_pfn_nid");
		if (cn != -1) {
			Q(cs, ms, "search_pfn_nid start");
			Q(ce, me, "search_pfn_nid end");
		}
	}
#undef Q
	return true;
}

#define MAXR 4096

static bool walk(struct harness *h, int ta, int tb, int nid, unsigned flags)
{
	struct memblock *mb = &h->mb;
	struct memblock_type *types[3] = {&mb->memory, &mb->reserved,
					  &mb->physmem};
	static struct model_range want[MAXR];
	size_t n = model_ranges(&h->m, ta, tb, nid, flags, want, MAXR);
	if (n > MAXR)
		return true; /* too many to compare cheaply */
	for (int dir = 0; dir < 2; dir++) {
		uint64_t idx = dir ? MB_ITER_END : 0;
		mb_phys_t s, e;
		int rn;
		size_t k = 0;
		for (;;) {
			if (dir)
				mb_next_mem_range_rev(
					mb, &idx, nid, flags, types[ta],
					tb < 0 ? NULL : types[tb], &s, &e, &rn);
			else
				mb_next_mem_range(
					mb, &idx, nid, flags, types[ta],
					tb < 0 ? NULL : types[tb], &s, &e, &rn);
			if (idx == MB_ITER_END)
				break;
			const struct model_range *w =
				k < n ? &want[dir ? n - 1 - k : k] : NULL;
			if (!w || w->start != s || w->end != e || w->nid != rn)
				return harness_fail(
					h,
					"%s range #%zu (a=%d b=%d nid %d flags "
					"%#x): core [%#" PRIx64 "-%#" PRIx64
					") n%d, model %s",
					dir ? "reverse" : "forward", k, ta, tb,
					nid, flags, s, e, rn,
					w ? "differs" : "has no more");
			if (++k > n)
				break;
		}
		if (k != n)
			return harness_fail(h,
					    "%s walk (a=%d b=%d nid %d flags "
					    "%#x): core %zu ranges, model %zu",
					    dir ? "reverse" : "forward", ta, tb,
					    nid, flags, k, n);
	}
	return true;
}

static bool pfn_walk(struct harness *h, int nid)
{
	static struct model_range want[MAXR];
	size_t n = model_pfn_ranges(&h->m, nid, want, MAXR), k = 0;
	int idx = -1;
	unsigned long s, e;
	int rn;

	if (n > MAXR)
		return true;
	for (;;) {
		mb_next_mem_pfn_range(&h->mb, &idx, nid, &s, &e, &rn);
		if (idx == -1)
			break;
		if (k >= n || want[k].start != s || want[k].end != e ||
		    want[k].nid != rn)
			return harness_fail(h,
					    "pfn range #%zu nid %d: core "
					    "[%lu-%lu) n%d",
					    k, nid, s, e, rn);
		k++;
	}
	if (k != n)
		return harness_fail(h, "pfn walk nid %d: core %zu model %zu",
				    nid, k, n);
	return true;
}

static bool iterate(struct harness *h, int nid, unsigned flags)
{
	int mm = h->m.prof.max_numnodes;

	if (!walk(h, MODEL_MEMORY, MODEL_RESERVED, nid, flags) ||
	    !walk(h, MODEL_MEMORY, -1, nid, flags) ||
	    !walk(h, MODEL_RESERVED, -1, nid, flags) ||
	    !walk(h, MODEL_RESERVED, MODEL_MEMORY, nid, flags))
		return false;
	if (h->m.t[MODEL_PHYSMEM].enabled &&
	    !walk(h, MODEL_PHYSMEM, -1, nid, flags))
		return false;
	return pfn_walk(h, mm) && pfn_walk(h, nid < 0 ? 0 : nid);
}

bool harness_step(struct harness *h, const struct op *op)
{
	int64_t cr, mr;

	if (h->broken)
		return true;
	h->ops++;
	if (op->kind == OP_QUERY) {
		if (!queries(h, op->a, op->b))
			return false;
	} else if (op->kind == OP_ITERATE) {
		if (!iterate(h, op->nid, op->flags))
			return false;
	} else {
		run(h, op, &cr, &mr);
		if (cr != mr)
			return harness_fail(h,
					    "%s returned: core %#" PRIx64
					    " model %#" PRIx64,
					    op_name(op->kind), (uint64_t)cr,
					    (uint64_t)mr);
	}
	if (!harness_compare(h))
		return false;
	if (!model_is_ordered(&h->m, MODEL_MEMORY))
		h->broken = true;
	return true;
}
