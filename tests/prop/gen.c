/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Operation generator. Addresses cluster in one window per sequence so that
 * ranges overlap, touch and split often; a few land at the top of the
 * address space, at 0, or anywhere. Sizes, alignments, nids and flags mix
 * ordinary values with edge cases (0, PHYS_ADDR_MAX, non-powers of two,
 * MAX_NUMNODES, out-of-range nids). Some sequences start with tiny table
 * capacities or a burst of reservations so that growth happens often.
 */
#include "gen.h"

struct gen {
	uint64_t s;
	const struct mb_profile *p;
	uint64_t pmax, lo, span;
};

static uint64_t rnd(struct gen *g)
{
	/* splitmix64 */
	uint64_t z = (g->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t below(struct gen *g, uint64_t n)
{
	return n ? rnd(g) % n : 0;
}

static uint64_t addr(struct gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 70)
		return g->lo + 4096 * below(g, g->span / 4096 + 1);
	if (r < 85)
		return g->lo + below(g, g->span);
	if (r < 89)
		return 0;
	if (r < 94)
		return g->pmax - below(g, 0x100000);
	return rnd(g) & g->pmax;
}

static uint64_t size(struct gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 5)
		return 0;
	if (r < 55)
		return 4096 * (1 + below(g, g->span / 4096 / 8 + 1));
	if (r < 72)
		return 1 + below(g, g->span / 4);
	if (r < 85)
		return 4096 * (1 + below(g, 16));
	if (r < 92)
		return 1 + below(g, 64);
	if (r < 96)
		return g->pmax;
	return rnd(g) & g->pmax;
}

static uint64_t align(struct gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 10)
		return 0;
	if (r < 85)
		return (uint64_t)1 << below(g, 22);
	if (r < 90)
		return 3 + below(g, 5000); /* mostly not a power of two */
	return (uint64_t)1 << below(g, g->p->phys_bits);
}

static int nid(struct gen *g)
{
	int max = g->p->max_numnodes;
	uint64_t r = below(g, 100);

	if (r < 35)
		return MB_NUMA_NO_NODE;
	if (r < 80)
		return (int)below(g, max < 4 ? (uint64_t)max : 4);
	if (r < 92)
		return max;
	if (r < 97)
		return (int)below(g, (uint64_t)max + 1);
	return r & 1 ? max + 1 + (int)below(g, 3) : -2;
}

static unsigned rflags(struct gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 70)
		return 0;
	return (unsigned)below(g, 16);
}

static uint64_t end_arg(struct gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 20)
		return MB_ALLOC_ACCESSIBLE;
	if (r < 25)
		return MB_ALLOC_NOLEAKTRACE;
	if (r < 35)
		return MB_ALLOC_ANYWHERE;
	return addr(g);
}

static uint64_t alloc_size(struct gen *g)
{
	uint64_t r = below(g, 100);

	if (r < 3)
		return 0;
	if (r < 60)
		return 1 + below(g, 0x4000);
	if (r < 90)
		return 4096 * (1 + below(g, 256));
	return size(g);
}

/* Operation weights: mutations and allocations dominate. */
static const unsigned weight[OP__COUNT] = {
	[OP_ADD] = 8,
	[OP_ADD_NODE] = 6,
	[OP_REMOVE] = 5,
	[OP_RESERVE] = 12,
	[OP_PHYS_FREE] = 8,
	[OP_FREE_VIRT] = 2,
	[OP_PHYSMEM_ADD] = 2,
	[OP_MARK_HOTPLUG] = 2,
	[OP_CLEAR_HOTPLUG] = 1,
	[OP_MARK_MIRROR] = 2,
	[OP_MARK_NOMAP] = 2,
	[OP_CLEAR_NOMAP] = 1,
	[OP_SET_NODE_MEMORY] = 3,
	[OP_SET_NODE_RESERVED] = 1,
	[OP_FIND] = 4,
	[OP_ALLOC_RANGE_NID] = 3,
	[OP_PHYS_ALLOC_RANGE] = 4,
	[OP_PHYS_ALLOC_TRY_NID] = 3,
	[OP_PHYS_ALLOC] = 3,
	[OP_ALLOC_TRY_NID] = 3,
	[OP_ALLOC_TRY_NID_RAW] = 2,
	[OP_ALLOC_EXACT_NID_RAW] = 2,
	[OP_ALLOC] = 3,
	[OP_ALLOC_RAW] = 1,
	[OP_ALLOC_FROM] = 2,
	[OP_ALLOC_LOW] = 2,
	[OP_ALLOC_NODE] = 2,
	[OP_ENFORCE_MEMORY_LIMIT] = 1,
	[OP_CAP_MEMORY_RANGE] = 1,
	[OP_MEM_LIMIT_REMOVE_MAP] = 1,
	[OP_TRIM_MEMORY] = 1,
	[OP_SET_CURRENT_LIMIT] = 2,
	[OP_SET_BOTTOM_UP] = 3,
	[OP_ALLOW_RESIZE] = 1,
	[OP_SET_MOVABLE_NODE] = 1,
	[OP_SET_MIRRORED_KERNELCORE] = 1,
	[OP_SET_TRIM_FIX_TOTAL] = 1,
	[OP_QUERY] = 6,
	[OP_ITERATE] = 4,
};

static enum op_kind pick(struct gen *g)
{
	unsigned total = 0;

	for (int k = 0; k < OP__COUNT; k++)
		total += weight[k];
	uint64_t r = below(g, total);
	for (int k = 0; k < OP__COUNT; k++) {
		if (r < weight[k])
			return (enum op_kind)k;
		r -= weight[k];
	}
	return OP_QUERY;
}

static struct op make(struct gen *g, enum op_kind k)
{
	struct op o = {.kind = k};

	switch (k) {
	case OP_FIND:
	case OP_ALLOC_RANGE_NID:
	case OP_PHYS_ALLOC_RANGE:
	case OP_PHYS_ALLOC_TRY_NID:
	case OP_PHYS_ALLOC:
	case OP_ALLOC_TRY_NID:
	case OP_ALLOC_TRY_NID_RAW:
	case OP_ALLOC_EXACT_NID_RAW:
	case OP_ALLOC:
	case OP_ALLOC_RAW:
	case OP_ALLOC_FROM:
	case OP_ALLOC_LOW:
	case OP_ALLOC_NODE:
		o.a = alloc_size(g);
		o.b = align(g);
		o.c = below(g, 3) ? 0 : addr(g);
		o.d = end_arg(g);
		o.nid = nid(g);
		o.flags = k == OP_FIND ? rflags(g) : (unsigned)below(g, 2);
		break;
	case OP_ENFORCE_MEMORY_LIMIT:
	case OP_MEM_LIMIT_REMOVE_MAP:
		o.a = below(g, 4) ? 4096 * below(g, g->span / 4096 + 1)
				  : size(g);
		break;
	case OP_TRIM_MEMORY:
		o.a = below(g, 10) ? (uint64_t)1 << below(g, 24)
				   : below(g, 70000);
		break;
	case OP_SET_CURRENT_LIMIT:
		o.a = below(g, 4) ? addr(g) : MB_ALLOC_ANYWHERE;
		break;
	case OP_SET_BOTTOM_UP:
	case OP_SET_MOVABLE_NODE:
	case OP_SET_MIRRORED_KERNELCORE:
	case OP_SET_TRIM_FIX_TOTAL:
		o.flags = (unsigned)below(g, 2);
		break;
	case OP_ITERATE:
		o.nid = nid(g);
		o.flags = rflags(g);
		break;
	case OP_FREE_VIRT:
		o.a = below(g, 10) ? addr(g) : 0;
		o.b = size(g);
		if (sizeof(size_t) < 8)
			o.b = (uint32_t)o.b;
		break;
	default:
		o.a = addr(g);
		o.b = size(g);
		o.nid = nid(g);
		o.flags = rflags(g);
		break;
	}
	return o;
}

size_t gen_sequence(uint64_t seed, uint64_t index, struct hcfg *cfg,
		    struct op *ops)
{
	static const struct mb_profile *const profiles[] = {
		&mb_profile_x86_64, &mb_profile_arm64, &mb_profile_arm32};
	static const unsigned caps[] = {128, 128, 128, 1, 2, 3, 4, 8, 16};
	struct gen g = {.s = seed * 0x2545f4914f6cdd1dULL + index};
	size_t n = 0;

	rnd(&g);
	g.p = profiles[below(&g, 3)];
	g.pmax = g.p->phys_bits >= 64 ? UINT64_MAX
				      : ((uint64_t)1 << g.p->phys_bits) - 1;
	static const uint64_t spans[] = {0x1000000, 0x4000000, 0x40000000};
	static const uint64_t los[] = {0, 0x40000000, 0x80000000, 0x100000000};
	g.span = spans[below(&g, 3)];
	g.lo = los[below(&g, g.p->phys_bits >= 64 ? 4 : 3)];

	*cfg = (struct hcfg){0};
	cfg->profile = g.p;
	cfg->nmem = caps[below(&g, sizeof(caps) / sizeof(caps[0]))];
	cfg->nres = caps[below(&g, sizeof(caps) / sizeof(caps[0]))];
	cfg->nphys = below(&g, 4) ? 0 : 4;
	cfg->fail_growth_after = below(&g, 6) ? 0 : 1 + below(&g, 5);

	if (below(&g, 10) < 7)
		ops[n++] = (struct op){.kind = OP_ALLOW_RESIZE};
	/* some RAM to allocate from */
	for (uint64_t i = 0, k = 1 + below(&g, 6); i < k; i++) {
		struct op o = make(&g, below(&g, 2) ? OP_ADD : OP_ADD_NODE);
		o.a = g.lo + 4096 * below(&g, g.span / 4096);
		o.b = 4096 * (1 + below(&g, g.span / 4096 / 2));
		o.flags = 0;
		ops[n++] = o;
	}
	/* a burst of small reservations: tables past their capacity */
	if (below(&g, 8) == 0) {
		uint64_t stride = 0x2000 * (1 + below(&g, 4));
		uint64_t cnt = 100 + below(&g, 250);
		for (uint64_t i = 0; i < cnt && n < GEN_MAX_OPS / 2; i++)
			ops[n++] = (struct op){.kind = below(&g, 5) ? OP_RESERVE
								    : OP_ADD,
					       .a = g.lo + i * stride,
					       .b = 0x1000};
	}
	size_t len = 20 + below(&g, 200);
	while (len-- && n < GEN_MAX_OPS)
		ops[n++] = make(&g, pick(&g));
	return n;
}
