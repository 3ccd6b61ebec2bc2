/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * replay_inferred.c - result lines without a request line: which call the
 * kernel made (NODE_DATA, CMA, hugetlb CMA, a plain memblock_alloc) and the
 * placement rules used to run it through the library.
 */
#include "replay.h"
#include "replay_engine.h"

/*
 * pageblock_order: the huge page order where the kernel has huge pages
 * (64-bit profiles: 2 MiB), else MAX_ORDER - 1 (32-bit ARM, non-LPAE).
 */
static unsigned pageblock_order(const struct mb_profile *p)
{
	unsigned shift = 0;

	if (p->phys_bits == 32)
		return p->max_order > 1 ? p->max_order - 1 : 0;
	while ((p->page_size << shift) < (2u << 20))
		shift++;
	return shift;
}

/*
 * 32-bit ARM without LPAE has no huge pages: pageblock_order is
 * MAX_ORDER - 1, and a multi-platform kernel that includes AM33xx (Debian's
 * armmp) raises MAX_ORDER to 12, so its CMA areas are 8 MiB aligned.
 */
#define ARMMP_MAX_ORDER	 12
#define LINUX4_MAX_ORDER 11 /* MAX_ORDER of the 4.x ARM kernels (the seed) */

/* The limit the arch hands to CMA, before cma_declare_contiguous_nid()
 * aligns it down and caps it at the end of RAM. */
static mb_phys_t cma_arch_limit(const struct rp_context *c)
{
	if (c->is_arm64)
		return c->dma_limit; /* end of ZONE_DMA */
	if (c->is_arm32)
		return c->arm_dma_limit;
	return 0;
}

/*
 * CMA: cma_declare_contiguous_nid() with base 0, as in Linux 6.1.
 * Alignment: one pageblock since 5.18 (CMA_MIN_ALIGNMENT_BYTES); 4.x used
 * the larger of MAX_ORDER - 1 and pageblock_order. The limit is aligned
 * down and capped at the end of RAM. Then, in this order: a try in
 * HighMem when the range crosses it (the limit drops to its start); on
 * 64-bit phys_addr_t with RAM reaching 4 GiB + size, a bottom-up try
 * above 4 GiB whose result *replaces* the HighMem one (6.1 does not
 * check it first: a HighMem block found before stays reserved, unused);
 * last, without a result yet, [0, limit).
 */
static void run_cma(struct rp_engine *e, const struct lp_record *r, int nid,
		    bool arch_limit)
{
	struct memblock *mb = &e->mb;
	const struct mb_profile *p = e->ctx.profile;
	unsigned order = pageblock_order(p);
	mb_phys_t align, end = mb_end_of_DRAM(mb);
	mb_phys_t high = e->ctx.lowmem_end ? e->ctx.lowmem_end : end;
	mb_phys_t limit, got = 0;

	/* 4.x kernels of the seed's kind had MAX_ORDER 11 (the profile's
	 * value is the 6.1 armmp one, 12). */
	if (e->ctx.style == MB_STYLE_LINUX_4 && LINUX4_MAX_ORDER - 1 > order)
		order = LINUX4_MAX_ORDER - 1;
	else if (e->ctx.style == MB_STYLE_LINUX_6 && p->phys_bits == 32)
		order = ARMMP_MAX_ORDER - 1;
	align = p->page_size << order;
	limit = (arch_limit ? cma_arch_limit(&e->ctx) : 0) & ~(align - 1);
	if (!limit || limit > end)
		limit = end;
	if (high < limit) {
		got = mb_alloc_range_nid(mb, r->size, align, high, limit, nid,
					 true);
		limit = high;
	}
	if (p->phys_bits == 64 && !mb->bottom_up &&
	    end >= (1ULL << 32) + r->size) {
		mb_set_bottom_up(mb, true);
		got = mb_alloc_range_nid(mb, r->size, align, 1ULL << 32, limit,
					 nid, true);
		mb_set_bottom_up(mb, false);
	}
	if (!got)
		mb_alloc_range_nid(mb, r->size, align, 0, limit, nid, true);
}

/* A result line without a request line: run what the context says. */
void rp_run_inferred(struct rp_engine *e, size_t i)
{
	const struct lp_record *r = &e->log->recs[i];
	struct memblock *mb = &e->mb;
	const struct mb_profile *p = e->ctx.profile;
	int nid;
	mb_phys_t align;

	e->capture = true;
	switch (rp_infer_kind(e->log, i, &nid)) {
	case RP_INFER_NODE_DATA:
		if (nid < 0)
			nid = (int)e->node_data_seq;
		e->node_data_seq++;
		e->st.inferred_node_data++;
		mb_phys_alloc_try_nid(mb, r->size, p->smp_cache_bytes, nid);
		break;
	case RP_INFER_CMA:
		e->st.inferred_cma++;
		run_cma(e, r, MB_NUMA_NO_NODE, true);
		break;
	case RP_INFER_HUGETLB_CMA:
		e->st.inferred_cma++;
		run_cma(e, r, nid, false);
		break;
	default:
		/* memblock_alloc(size, align): page tables ask for whole
		 * pages, page-aligned; the rest for pointer alignment. */
		align = r->size % p->page_size ? (e->ctx.is_arm32 ? 4 : 8)
					       : p->page_size;
		e->st.inferred_generic++;
		mb_alloc_range_nid(mb, r->size, align, 0, MB_ALLOC_ACCESSIBLE,
				   MB_NUMA_NO_NODE, false);
		break;
	}
	e->capture = false;
}
