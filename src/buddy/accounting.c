/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Page accounting of the hand-over, from memblock's tables: present pages,
 * the mem_map size, x86's dma_reserve and the "Total pages" figure.
 */
#include <memblock/handover.h>

#define MAX_NODES 64

struct node_span {
	int nid;
	unsigned long start_pfn, end_pfn;
};

static unsigned page_shift(const struct memblock *mb)
{
	unsigned s = 0;

	while (((mb_phys_t)1 << s) < mb->profile.page_size)
		s++;
	return s;
}

/* The node of a region as the kernel reads it: without NUMA always 0. */
static int region_nid(const struct memblock *mb,
		      const struct memblock_region *r)
{
	return mb->profile.numa ? r->nid : 0;
}

/* Whole pages of a memory region: [PFN_UP(base), PFN_DOWN(end)). */
static void region_pfns(const struct memblock *mb,
			const struct memblock_region *r, unsigned long *s,
			unsigned long *e)
{
	unsigned sh = page_shift(mb);
	mb_phys_t mask = ((mb_phys_t)1 << sh) - 1;

	*s = (unsigned long)((r->base + mask) >> sh);
	*e = (unsigned long)((r->base + r->size) >> sh);
	if (*e < *s)
		*e = *s;
}

/* The nodes that have memory, with their pfn spans, in table order. */
static unsigned collect_nodes(const struct memblock *mb,
			      struct node_span *nodes)
{
	unsigned n = 0;

	for (unsigned long i = 0; i < mb->memory.cnt; i++) {
		const struct memblock_region *r = &mb->memory.regions[i];
		unsigned long s, e;
		unsigned k;

		if (!r->size)
			continue;
		region_pfns(mb, r, &s, &e);
		if (s == e)
			continue;
		for (k = 0; k < n && nodes[k].nid != region_nid(mb, r); k++)
			;
		if (k == n) {
			if (n == MAX_NODES)
				continue;
			nodes[n].nid = region_nid(mb, r);
			nodes[n].start_pfn = s;
			nodes[n].end_pfn = e;
			n++;
		}
		if (s < nodes[k].start_pfn)
			nodes[k].start_pfn = s;
		if (e > nodes[k].end_pfn)
			nodes[k].end_pfn = e;
	}
	return n;
}

/** mb_handover_zone_bounds - profile bounds, HighMem start overridable. */
void mb_handover_zone_bounds(const struct memblock *mb, mb_phys_t lowmem_end,
			     struct buddy_zone_bounds *zb)
{
	buddy_zone_bounds_from_profile(&mb->profile, zb);
	if (lowmem_end)
		zb->lowmem_end = lowmem_end;
}

/* pfn bounds [*s, *e) of zone @z under @zb; false when not configured. */
static bool zone_pfns(const struct buddy_zone_bounds *zb, unsigned sh, int z,
		      unsigned long *s, unsigned long *e)
{
	unsigned long dma = (unsigned long)(zb->dma_end >> sh);
	unsigned long dma32 = (unsigned long)(zb->dma32_end >> sh);
	unsigned long low = (unsigned long)(zb->lowmem_end >> sh);

	switch (z) {
	case BUDDY_ZONE_DMA:
		*s = 0;
		*e = dma;
		return zb->dma_end != 0;
	case BUDDY_ZONE_DMA32:
		*s = dma;
		*e = dma32;
		return zb->dma32_end > zb->dma_end;
	case BUDDY_ZONE_NORMAL:
		*s = zb->dma32_end > zb->dma_end ? dma32 : dma;
		*e = zb->lowmem_end ? low : ~0ul;
		return true;
	default:
		*s = low;
		*e = ~0ul;
		return zb->lowmem_end != 0;
	}
}

static unsigned long overlap(unsigned long a, unsigned long b, unsigned long c,
			     unsigned long d)
{
	unsigned long s = a > c ? a : c, e = b < d ? b : d;

	return e > s ? e - s : 0;
}

/* Present pages of node @nid inside pfns [zs, ze). */
static unsigned long present_in(const struct memblock *mb, int nid,
				unsigned long zs, unsigned long ze)
{
	unsigned long sum = 0;

	for (unsigned long i = 0; i < mb->memory.cnt; i++) {
		const struct memblock_region *r = &mb->memory.regions[i];
		unsigned long s, e;

		if (!r->size || region_nid(mb, r) != nid)
			continue;
		region_pfns(mb, r, &s, &e);
		sum += overlap(s, e, zs, ze);
	}
	return sum;
}

/** mb_handover_total_pages - see handover.h. */
unsigned long mb_handover_total_pages(const struct memblock *mb,
				      const struct buddy_zone_bounds *zb,
				      unsigned long dma_reserve,
				      unsigned *nr_zonelists)
{
	struct node_span nodes[MAX_NODES];
	unsigned nn = collect_nodes(mb, nodes), sh = page_shift(mb);
	/* Sparse memory models size a holey zone's mem_map by its present
	 * pages; 32-bit ARM is FLATMEM. */
	bool sparse = mb->profile.phys_bits > 32;
	unsigned long total = 0;

	for (unsigned k = 0; k < nn; k++) {
		bool first = true;

		for (int z = 0; z < BUDDY_NR_ZONES; z++) {
			unsigned long zs, ze;

			if (!zone_pfns(zb, sh, z, &zs, &ze))
				continue;
			unsigned long spanned = overlap(
				nodes[k].start_pfn, nodes[k].end_pfn, zs, ze);
			unsigned long present =
				present_in(mb, nodes[k].nid, zs, ze);
			unsigned long pages = spanned;

			if (sparse && spanned > present + (present >> 4))
				pages = present;
			unsigned long long bytes = (unsigned long long)pages *
						   mb->profile.page_struct_size;
			unsigned long memmap =
				(unsigned long)((bytes + mb->profile.page_size -
						 1) >>
						sh);
			unsigned long freesize = present;

			if (z != BUDDY_ZONE_HIGHMEM && freesize >= memmap)
				freesize -= memmap;
			if (first && freesize > dma_reserve)
				freesize -= dma_reserve;
			first = false;
			total += freesize;
		}
	}
	if (nr_zonelists)
		*nr_zonelists = nn;
	return total;
}

/** mb_handover_present_pages - whole pages of every memory region. */
unsigned long mb_handover_present_pages(const struct memblock *mb)
{
	unsigned long sum = 0;

	for (unsigned long i = 0; i < mb->memory.cnt; i++) {
		unsigned long s, e;

		if (!mb->memory.regions[i].size)
			continue;
		region_pfns(mb, &mb->memory.regions[i], &s, &e);
		sum += e - s;
	}
	return sum;
}

/** mb_handover_x86_dma_reserve - see handover.h. */
unsigned long mb_handover_x86_dma_reserve(const struct memblock *mb)
{
	unsigned sh = page_shift(mb);
	unsigned long dma = (unsigned long)(mb->profile.zone_dma_end >> sh);
	unsigned long mem = 0, free = 0;
	struct memblock *m = (struct memblock *)mb; /* walk does not modify */
	mb_phys_t start, end;
	uint64_t i;

	if (!dma)
		return 0;
	for (unsigned long r = 0; r < mb->memory.cnt; r++) {
		unsigned long s, e;

		if (!mb->memory.regions[r].size)
			continue;
		region_pfns(mb, &mb->memory.regions[r], &s, &e);
		mem += overlap(s, e, 0, dma);
	}
	mb_for_each_free_range (m, i, MB_NUMA_NO_NODE, MEMBLOCK_NONE, &start,
				&end, NULL) {
		mb_phys_t mask = ((mb_phys_t)1 << sh) - 1;
		unsigned long s = (unsigned long)((start + mask) >> sh);
		unsigned long e = (unsigned long)(end >> sh);

		free += overlap(s, e > s ? e : s, 0, dma);
	}
	return mem > free ? mem - free : 0;
}

/** mb_handover_mem_map_bytes - FLATMEM mem_map of node @nid. */
mb_phys_t mb_handover_mem_map_bytes(const struct memblock *mb, int nid)
{
	struct node_span nodes[MAX_NODES];
	unsigned nn = collect_nodes(mb, nodes);
	unsigned long block =
		1ul << (mb->profile.max_order ? mb->profile.max_order - 1 : 0);

	for (unsigned k = 0; k < nn; k++) {
		if (nodes[k].nid != nid)
			continue;
		/* block is a power of two: masks, no division */
		unsigned long s = nodes[k].start_pfn & ~(block - 1);
		unsigned long e = (nodes[k].end_pfn + block - 1) & ~(block - 1);

		return (mb_phys_t)(e - s) * mb->profile.page_struct_size;
	}
	return 0;
}
