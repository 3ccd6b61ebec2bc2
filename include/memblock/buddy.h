/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A binary buddy page allocator: the receiver of the boot-memory hand-over.
 *
 * Zones come from the machine profile (DMA, DMA32, Normal, HighMem, each
 * present only when the profile defines its boundary); free lists per zone
 * per order 0 .. max_order-1; blocks naturally aligned on absolute pfns;
 * freed buddies coalesce.
 *
 * Metadata: one compact struct buddy_page per pfn of the managed span, in
 * an array the caller provides (the host's "physical" memory may be fake,
 * so the descriptors cannot live in the simulated mem_map; the mem_map's
 * memblock allocation is still made, for the trace and the accounting, by
 * the hand-over in handover.h). Freestanding.
 */
#ifndef MEMBLOCK_BUDDY_H
#define MEMBLOCK_BUDDY_H

#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

enum buddy_zone_id {
	BUDDY_ZONE_DMA = 0,
	BUDDY_ZONE_DMA32 = 1,
	BUDDY_ZONE_NORMAL = 2,
	BUDDY_ZONE_HIGHMEM = 3,
	BUDDY_NR_ZONES = 4,
};

/** Zone mask bits for buddy_alloc_pages(); the allocation takes the
 *  highest zone of the mask first and falls back to lower ones. */
#define BUDDY_ZONE_BIT(z) (1u << (z))
#define BUDDY_ZONES_ALL	  ((1u << BUDDY_NR_ZONES) - 1u)

/** Highest MAX_ORDER the allocator supports. */
#define BUDDY_MAX_ORDERS 16
/** "No page" for index links and failed allocations. */
#define BUDDY_NO_PAGE (~0ul)

/** Page states in the descriptor array. */
enum buddy_page_state {
	BUDDY_PAGE_RESERVED = 0, /* never released: boot memory kept */
	BUDDY_PAGE_FREE = 1,	 /* part of a free block */
	BUDDY_PAGE_ALLOCATED = 2 /* part of an allocated block */
};

/** struct buddy_page - compact page descriptor (12 bytes). */
struct buddy_page {
	uint32_t next, prev; /* free-list links (page index), UINT32_MAX */
	uint8_t state;	     /* enum buddy_page_state */
	uint8_t head;	     /* first page of its block */
	uint8_t order;	     /* block order (valid on heads) */
	uint8_t zone;	     /* enum buddy_zone_id */
};

/** struct buddy_zone - one zone of the allocator. */
struct buddy_zone {
	const char *name;
	bool present;		 /* the profile defines this zone */
	unsigned long start_pfn; /* zone bounds (end exclusive) */
	unsigned long end_pfn;
	unsigned long managed_pages; /* pages released into the zone */
	unsigned long free_pages;
	unsigned long nr_free[BUDDY_MAX_ORDERS]; /* free blocks per order */
	uint32_t head[BUDDY_MAX_ORDERS];	 /* list heads (page index) */
};

/** struct buddy_zone_bounds - first address above each zone; 0 = none. */
struct buddy_zone_bounds {
	mb_phys_t dma_end;
	mb_phys_t dma32_end;
	mb_phys_t lowmem_end; /* HighMem starts here */
};

/** struct buddy - one allocator over pfns [start_pfn, end_pfn). */
struct buddy {
	unsigned page_shift;
	unsigned max_order;
	unsigned long start_pfn, end_pfn;
	struct buddy_page *pages; /* end_pfn - start_pfn descriptors */
	struct buddy_zone zone[BUDDY_NR_ZONES];
	unsigned long managed_pages;
	unsigned long free_pages;
	unsigned long bad_releases; /* releases refused (outside/twice) */
};

/** buddy_zone_bounds_from_profile - the zone boundaries of @p. */
void buddy_zone_bounds_from_profile(const struct mb_profile *p,
				    struct buddy_zone_bounds *zb);

/** buddy_zone_of_pfn - zone id of @pfn under @zb (page size 1 << @shift). */
enum buddy_zone_id buddy_zone_of_pfn(const struct buddy_zone_bounds *zb,
				     unsigned shift, unsigned long pfn);

/**
 * buddy_init - an empty allocator (every page reserved) over pfns
 * [@start_pfn, @end_pfn) using @pages (@nr_pages >= end - start entries).
 * @zb: zone boundaries, NULL = from @p. @p gives page size and MAX_ORDER.
 * Return: 0 or -MB_EINVAL.
 */
int buddy_init(struct buddy *b, const struct mb_profile *p,
	       const struct buddy_zone_bounds *zb, unsigned long start_pfn,
	       unsigned long end_pfn, struct buddy_page *pages,
	       unsigned long nr_pages);

/**
 * buddy_release - the hand-over's __free_pages_core: 2^@order reserved
 * pages at @pfn become managed and free (coalescing). A block that crosses
 * a zone boundary is split. Pages outside the span or not reserved are
 * refused and counted in bad_releases.
 * Return: pages released.
 */
unsigned long buddy_release(struct buddy *b, unsigned long pfn, unsigned order);

/** buddy_release_cb - buddy_release() as a bootmem_release_fn (@ctx = b). */
void buddy_release_cb(void *ctx, unsigned long pfn, unsigned order);

/**
 * buddy_alloc_pages - alloc_pages(): 2^@order pages from the highest zone
 * of @zone_mask that has them, falling back to lower zones of the mask.
 * Return: first pfn, or BUDDY_NO_PAGE.
 */
unsigned long buddy_alloc_pages(struct buddy *b, unsigned zone_mask,
				unsigned order);

/**
 * buddy_free_pages - free_pages(): give back a block from
 * buddy_alloc_pages(). Return: 0, or -MB_EINVAL when @pfn is not the head
 * of an allocated block of @order.
 */
int buddy_free_pages(struct buddy *b, unsigned long pfn, unsigned order);

/** buddy_zone_free - free pages of zone @z. */
unsigned long buddy_zone_free(const struct buddy *b, enum buddy_zone_id z);

/**
 * buddy_check - invariant checker: every free block naturally aligned,
 * inside one zone, on the list of its order, made of free pages; no free
 * buddy pair left uncoalesced; list counts and free totals consistent;
 * reserved pages never on a list.
 * Return: 0, or -MB_EINVAL with *@what naming the first broken invariant.
 */
int buddy_check(const struct buddy *b, const char **what);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_BUDDY_H */
