/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hand-over: the end of boot memory management. mem_map allocation,
 * bootmem set-up (bitmap back end: the ARM bootmem_init step), the
 * "Built N zonelists ... Total pages: P" line, the release of every free
 * page to the buddy allocator, and the "Memory: ...K/...K available" line.
 *
 * Library memblock_handover (links memblock_buddy and memblock_bootmem_all).
 */
#ifndef MEMBLOCK_HANDOVER_H
#define MEMBLOCK_HANDOVER_H

#include <memblock/bootmem.h>
#include <memblock/buddy.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct mb_kernel_sizes - what the library cannot know: the kernel image's
 * section sizes in KiB, as the Memory: line prints them (_etext - _stext,
 * _edata - _sdata, __end_rodata - __start_rodata, init text + data,
 * __bss_stop - __bss_start). All zero = print zeros.
 */
struct mb_kernel_sizes {
	unsigned long code_k, rwdata_k, rodata_k, init_k, bss_k;
};

/** struct mb_handover_info - the caller's knobs for mb_handover_run(). */
struct mb_handover_info {
	struct mb_kernel_sizes sizes;
	unsigned long cma_pages; /* totalcma_pages (cma= reservations) */
	unsigned long
		dma_reserve;  /* pages (x86: mb_handover_x86_dma_reserve) */
	mb_phys_t lowmem_end; /* 0 = the profile's lowmem_end */
	bool alloc_mem_map;   /* allocate each node's mem_map first */
	const char *mem_map_caller; /* %pS of that allocation; NULL = none */
	void *bitmap_buf; /* bitmap back end: host buffer for the map */
	size_t bitmap_buf_len;
	bool quiet; /* do not print the two lines */
};

/** struct mb_handover_result - what happened. */
struct mb_handover_result {
	struct bootmem bootmem;	     /* the instance used (inspectable) */
	unsigned nr_zonelists;	     /* nodes with memory */
	unsigned long total_pages;   /* P of "Total pages: P" */
	unsigned long present_pages; /* physpages: pages of memory */
	unsigned long released;	     /* totalram: lowmem + highmem */
	unsigned long released_highmem;
	unsigned long free_pages;     /* buddy free pages after the hand-over */
	unsigned long reserved_pages; /* present - released - cma */
	mb_phys_t mem_map_bytes;      /* mem_map allocated (all nodes) */
};

/**
 * mb_handover_zone_bounds - zone boundaries for @mb: its profile, HighMem
 * start overridden by @lowmem_end when non-zero.
 */
void mb_handover_zone_bounds(const struct memblock *mb, mb_phys_t lowmem_end,
			     struct buddy_zone_bounds *zb);

/**
 * mb_handover_total_pages - P of "Total pages: P": over every node and
 * zone, present pages minus the zone's mem_map pages (not for HighMem) minus
 * @dma_reserve in each node's first zone. mem_map pages =
 * PAGE_ALIGN(pages * page_struct_size) / PAGE_SIZE with pages = spanned
 * pages, or present pages when the zone is sparse (64-bit profiles:
 * spanned > present + present/16). *@nr_zonelists (may be NULL) = nodes.
 */
unsigned long mb_handover_total_pages(const struct memblock *mb,
				      const struct buddy_zone_bounds *zb,
				      unsigned long dma_reserve,
				      unsigned *nr_zonelists);

/**
 * mb_handover_x86_dma_reserve - x86's dma_reserve from the current tables:
 * memory pages below the DMA zone's end minus the free pages below it.
 */
unsigned long mb_handover_x86_dma_reserve(const struct memblock *mb);

/** mb_handover_present_pages - whole pages of every memory region. */
unsigned long mb_handover_present_pages(const struct memblock *mb);

/**
 * mb_handover_mem_map_bytes - FLATMEM mem_map size of node @nid: its pfn
 * span rounded out to MAX_ORDER blocks, times page_struct_size.
 */
mb_phys_t mb_handover_mem_map_bytes(const struct memblock *mb, int nid);

/**
 * mb_handover_memory_line - format the "Memory: ..." line into @buf from
 * @res and @info (", NK highmem" only when the profile has HighMem).
 */
size_t mb_handover_memory_line(const struct memblock *mb,
			       const struct mb_handover_info *info,
			       const struct mb_handover_result *res, char *buf,
			       size_t len);

/**
 * mb_handover_begin - bootmem set-up: bootmem_init(@backend) into
 * @res->bootmem and, for the bitmap back end, bootmem_arm_init below the
 * lowmem end (info->bitmap_buf lends the map's storage). Between begin and
 * finish the caller may allocate through &@res->bootmem.
 * Return: 0 or a negative MB_E* code.
 */
int mb_handover_begin(struct memblock *mb, enum bootmem_backend backend,
		      const struct mb_handover_info *info,
		      struct mb_handover_result *res);

/**
 * mb_handover_finish - the rest, on an initialised @b (buddy_init over the
 * memory's span):
 *  1. with info->alloc_mem_map: each node's mem_map (memblock back end:
 *     mb_alloc_try_nid_raw, align SMP_CACHE_BYTES, the 6.1 free_area_init
 *     request; 4.x style: mb_alloc_try_nid, align 0; bitmap back end:
 *     __alloc_bootmem_node_nopanic);
 *  2. print "Built N zonelists, mobility grouping on.  Total pages: P";
 *  3. free_all_bootmem into @b (memblock back end capped at the lowmem end),
 *     then HighMem free pages one by one (ARM free_highpages);
 *  4. print the Memory: line (reserved = present - released - cma).
 * Return: 0, or a negative MB_E* code (also when @b refused a release).
 */
int mb_handover_finish(struct memblock *mb, struct buddy *b,
		       const struct mb_handover_info *info,
		       struct mb_handover_result *res);

/**
 * mb_handover_run - the whole end of boot for the `memblock boot`
 * simulator: mb_handover_begin() then mb_handover_finish().
 * Return: 0 or a negative MB_E* code (@res filled as far as it got).
 */
int mb_handover_run(struct memblock *mb, struct buddy *b,
		    enum bootmem_backend backend,
		    const struct mb_handover_info *info,
		    struct mb_handover_result *res);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_HANDOVER_H */
