/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Free-range iteration: the parts of type_a's regions not covered by
 * type_b, forward and reverse, and memory regions as pfn ranges.
 *
 * The walk position packs two indexes in one 64-bit value: the type_a
 * region in the low 32 bits and the type_b gap in the high 32 bits. Gap i
 * of type_b is the hole below its region i: [end of region i-1 (0 for
 * i == 0), base of region i (PHYS_ADDR_MAX for i == cnt)).
 */
#include "internal.h"

static uint64_t pack(int32_t a, int32_t b)
{
	return (uint64_t)(uint32_t)a | ((uint64_t)(uint32_t)b << 32);
}

/* Filters apply only when walking memory; reserved is never filtered. */
static bool skip_region(const struct memblock *mb,
			const struct memblock_type *type,
			const struct memblock_region *r, int nid,
			enum memblock_flags flags)
{
	if (type != &mb->memory)
		return false;
	if (nid != MB_NUMA_NO_NODE && nid != mbi_region_nid(mb, r))
		return true;
	if (mb->movable_node && (r->flags & MEMBLOCK_HOTPLUG) &&
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

static mb_phys_t gap_start(const struct memblock_type *b, int32_t i)
{
	if (!i)
		return 0;
	return b->regions[i - 1].base + b->regions[i - 1].size;
}

static mb_phys_t gap_end(const struct memblock *mb,
			 const struct memblock_type *b, int32_t i)
{
	return (unsigned long)i < b->cnt ? b->regions[i].base
					 : mbi_addr_max(mb);
}

static void put(mb_phys_t *out_start, mb_phys_t *out_end, int *out_nid,
		mb_phys_t start, mb_phys_t end, int nid)
{
	if (out_start)
		*out_start = start;
	if (out_end)
		*out_end = end;
	if (out_nid)
		*out_nid = nid;
}

/** mb_next_mem_range - see the header; ascending walk. */
void mb_next_mem_range(struct memblock *mb, uint64_t *idx, int nid,
		       enum memblock_flags flags, struct memblock_type *type_a,
		       struct memblock_type *type_b, mb_phys_t *out_start,
		       mb_phys_t *out_end, int *out_nid)
{
	int32_t ia = (int32_t)(uint32_t)*idx;
	int32_t ib = (int32_t)(uint32_t)(*idx >> 32);

	if (nid == mb->profile.max_numnodes)
		nid = MB_NUMA_NO_NODE;
	for (; ia >= 0 && (unsigned long)ia < type_a->cnt; ia++) {
		const struct memblock_region *m = &type_a->regions[ia];
		mb_phys_t m_start = m->base, m_end = m->base + m->size;
		int m_nid = mbi_region_nid(mb, m);

		if (skip_region(mb, type_a, m, nid, flags))
			continue;
		if (!type_b) {
			put(out_start, out_end, out_nid, m_start, m_end, m_nid);
			*idx = pack(ia + 1, ib);
			return;
		}
		for (; (unsigned long)ib <= type_b->cnt; ib++) {
			mb_phys_t g_start = gap_start(type_b, ib);
			mb_phys_t g_end = gap_end(mb, type_b, ib);

			if (g_start >= m_end)
				break;
			if (m_start < g_end) {
				put(out_start, out_end, out_nid,
				    mbi_max(m_start, g_start),
				    mbi_min(m_end, g_end), m_nid);
				/* advance whichever of the two ends first */
				if (m_end <= g_end)
					ia++;
				else
					ib++;
				*idx = pack(ia, ib);
				return;
			}
		}
	}
	*idx = MB_ITER_END;
}

/** mb_next_mem_range_rev - see the header; descending walk. */
void mb_next_mem_range_rev(struct memblock *mb, uint64_t *idx, int nid,
			   enum memblock_flags flags,
			   struct memblock_type *type_a,
			   struct memblock_type *type_b, mb_phys_t *out_start,
			   mb_phys_t *out_end, int *out_nid)
{
	int32_t ia = (int32_t)(uint32_t)*idx;
	int32_t ib = (int32_t)(uint32_t)(*idx >> 32);

	if (nid == mb->profile.max_numnodes)
		nid = MB_NUMA_NO_NODE;
	if (*idx == MB_ITER_END) {
		ia = (int32_t)type_a->cnt - 1;
		ib = type_b ? (int32_t)type_b->cnt : 0;
	}
	for (; ia >= 0; ia--) {
		const struct memblock_region *m = &type_a->regions[ia];
		mb_phys_t m_start = m->base, m_end = m->base + m->size;
		int m_nid = mbi_region_nid(mb, m);

		if (skip_region(mb, type_a, m, nid, flags))
			continue;
		if (!type_b) {
			put(out_start, out_end, out_nid, m_start, m_end, m_nid);
			*idx = pack(ia - 1, ib);
			return;
		}
		for (; ib >= 0; ib--) {
			mb_phys_t g_start = gap_start(type_b, ib);
			mb_phys_t g_end = gap_end(mb, type_b, ib);

			if (g_end <= m_start)
				break;
			if (m_end > g_start) {
				put(out_start, out_end, out_nid,
				    mbi_max(m_start, g_start),
				    mbi_min(m_end, g_end), m_nid);
				if (m_start >= g_start)
					ia--;
				else
					ib--;
				*idx = pack(ia, ib);
				return;
			}
		}
	}
	*idx = MB_ITER_END;
}

/**
 * mb_next_mem_pfn_range - the next memory region holding at least one
 * whole page, as [PFN_UP(base), PFN_DOWN(end)); @nid filters unless it is
 * max_numnodes ("any"). *@idx starts at -1 and is -1 again at the end.
 */
void mb_next_mem_pfn_range(struct memblock *mb, int *idx, int nid,
			   unsigned long *out_start_pfn,
			   unsigned long *out_end_pfn, int *out_nid)
{
	const struct memblock_type *type = &mb->memory;
	const struct memblock_region *r = NULL;

	while ((unsigned long)++*idx < type->cnt) {
		r = &type->regions[*idx];
		if (mbi_pfn_up(mb, r->base) >=
		    mbi_pfn_down(mb, r->base + r->size))
			continue;
		if (nid == mb->profile.max_numnodes ||
		    nid == mbi_region_nid(mb, r))
			break;
	}
	if ((unsigned long)*idx >= type->cnt) {
		*idx = -1;
		return;
	}
	if (out_start_pfn)
		*out_start_pfn = (unsigned long)mbi_pfn_up(mb, r->base);
	if (out_end_pfn)
		*out_end_pfn =
			(unsigned long)mbi_pfn_down(mb, r->base + r->size);
	if (out_nid)
		*out_nid = mbi_region_nid(mb, r);
}
