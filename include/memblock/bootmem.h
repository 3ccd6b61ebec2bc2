/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bootmem: the boot-time allocator API of Linux 2.6-4.19, over two back ends
 * chosen at run time:
 *
 *  - BOOTMEM_BACKEND_BITMAP: the classic per-node bitmap allocator (one bit
 *    per page, 1 = reserved) that takes memblock's state over;
 *  - BOOTMEM_BACKEND_MEMBLOCK: the CONFIG_NO_BOOTMEM shim, every call is a
 *    memblock search / reserve / free.
 *
 * Build option: when the library is compiled with MEMBLOCK_NO_BOOTMEM=1
 * (CMake option MEMBLOCK_NO_BOOTMEM, the library memblock_bootmem), the
 * bitmap back end is compiled out and bootmem_init() refuses it with
 * -MB_EINVAL. The host library memblock_bootmem_all always has both.
 *
 * Freestanding like the core. Behaviour: ../shared/spec/bootmem-and-handover.md
 */
#ifndef MEMBLOCK_BOOTMEM_H
#define MEMBLOCK_BOOTMEM_H

#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Which implementation serves the bootmem calls. */
enum bootmem_backend {
	BOOTMEM_BACKEND_MEMBLOCK = 0, /* CONFIG_NO_BOOTMEM (nobootmem) */
	BOOTMEM_BACKEND_BITMAP = 1,   /* classic bitmap allocator */
};

/* reserve_bootmem flags (values as in Linux). */
#define BOOTMEM_DEFAULT	  0
#define BOOTMEM_EXCLUSIVE (1 << 0)

/** Highest number of nodes the bitmap back end keeps state for. */
#define BOOTMEM_MAX_NODES 8

/** struct bootmem_node - one node's bitmap state (bootmem_data_t). */
struct bootmem_node {
	bool online;
	unsigned long node_min_pfn; /* first pfn the bitmap covers */
	unsigned long node_low_pfn; /* end (exclusive) of the covered pfns */
	uint8_t *map;		    /* the bitmap: bit set = page reserved */
	unsigned long bitmap_pfn;   /* where the map lives (0 = host buffer) */
	unsigned long map_pages;    /* pages of the map (for free_all) */
	mb_phys_t last_end_off;	    /* end of the last allocation, from min */
	unsigned long hint_idx; /* page index where the next search starts */
};

/**
 * typedef bootmem_release_fn - receives a block of 2^@order free pages at
 * @pfn during free_all_bootmem (the page allocator's __free_pages_bootmem).
 */
typedef void (*bootmem_release_fn)(void *ctx, unsigned long pfn,
				   unsigned order);

/** struct bootmem - one bootmem instance bound to a memblock instance. */
struct bootmem {
	struct memblock *mb;
	enum bootmem_backend backend;
	unsigned page_shift;
	/* Defaults of the alloc_bootmem* family (from the profile). */
	mb_phys_t smp_cache_bytes; /* align of the plain variants */
	mb_phys_t goal_default;	   /* BOOTMEM_LOW_LIMIT */
	mb_phys_t low_limit;	   /* ARCH_LOW_ADDRESS_LIMIT */
	unsigned bits_per_long;	   /* word of free_all's block release */
	struct bootmem_node node[BOOTMEM_MAX_NODES];
	bool released; /* free_all_bootmem ran */
};

/**
 * bootmem_init - bind @bm to @mb with back end @backend.
 * Return: 0, or -MB_EINVAL (NULL args, or bitmap back end compiled out).
 */
int bootmem_init(struct bootmem *bm, struct memblock *mb,
		 enum bootmem_backend backend);

/** bootmem_backend_available - is @backend compiled into this library? */
bool bootmem_backend_available(enum bootmem_backend backend);

/** bootmem_bootmap_pages - pages a bitmap for @pages pages occupies
 *  (one bit per page, whole longs, rounded up to whole pages). */
unsigned long bootmem_bootmap_pages(const struct bootmem *bm,
				    unsigned long pages);

/**
 * bootmem_init_node - init_bootmem_node(): bitmap back end only. The node
 * covers pfns [@start_pfn, @end_pfn); every page starts reserved. The map is
 * written at @bitmap_pfn through the core's phys_to_virt, or in @buf
 * (@buf_len >= bootmem_map_bytes()) when @buf is non-NULL: the host
 * simulator's fake physical memory has no backing, so the caller lends a
 * buffer. @bitmap_pfn still names the map's pages (free_all releases them).
 * Return: the bitmap size in bytes, or a negative MB_E* code.
 */
long bootmem_init_node(struct bootmem *bm, int nid, unsigned long bitmap_pfn,
		       unsigned long start_pfn, unsigned long end_pfn,
		       void *buf, size_t buf_len);

/** bootmem_init_single - init_bootmem(start, pages): node 0 covers pfns
 *  [0, @pages), bitmap at @start_pfn. Same @buf rules. */
long bootmem_init_single(struct bootmem *bm, unsigned long start_pfn,
			 unsigned long pages, void *buf, size_t buf_len);

/** bootmem_map_bytes - bytes of bitmap for a node of @pages pages. */
size_t bootmem_map_bytes(const struct bootmem *bm, unsigned long pages);

/* ---- freeing and reserving ---- */
/** bootmem_free - free_bootmem(): pages fully inside [addr, addr+size)
 *  (bitmap) or a memblock free (shim). Return: 0 or negative code. */
int bootmem_free(struct bootmem *bm, mb_phys_t addr, mb_phys_t size);
/** bootmem_free_node - free_bootmem_node(): the same within node @nid. */
int bootmem_free_node(struct bootmem *bm, int nid, mb_phys_t addr,
		      mb_phys_t size);
/** bootmem_reserve - reserve_bootmem(): every page touched (bitmap) or a
 *  memblock reserve (shim). BOOTMEM_EXCLUSIVE: -MB_EBUSY, no change, when
 *  any of it is reserved already. */
int bootmem_reserve(struct bootmem *bm, mb_phys_t addr, mb_phys_t size,
		    int flags);
/** bootmem_reserve_node - reserve_bootmem_node(): within node @nid. */
int bootmem_reserve_node(struct bootmem *bm, int nid, mb_phys_t addr,
			 mb_phys_t size, int flags);

/* ---- allocation ----
 * Every function returns zeroed memory (zeroed through phys_to_virt) as a
 * virtual address, or NULL. Like the core, memory that phys_to_virt does not
 * map (it returns NULL: the simulator's fake memory) is not touched and the
 * physical address itself is returned in the pointer. The
 * _phys engine below returns the physical address (0 = failure). The
 * panicking ones print "bootmem alloc of N bytes failed!" and call the env
 * panic hook with "Out of memory". @align 0 means SMP_CACHE_BYTES.
 */

/** Flags of bootmem_alloc_phys(). */
#define BOOTMEM_ALLOC_NOPANIC (1u << 0) /* return 0 instead of panicking */
#define BOOTMEM_ALLOC_NODE    (1u << 1) /* try node @nid first */
#define BOOTMEM_ALLOC_HIGH    (1u << 2) /* _node_high: above DMA32 first */

/**
 * bootmem_alloc_phys - the allocation engine behind every variant: search
 * [@goal, @limit) (@limit 0 = no limit), then with goal 0.
 * Return: physical address, 0 on failure (after panic unless NOPANIC).
 */
mb_phys_t bootmem_alloc_phys(struct bootmem *bm, int nid, mb_phys_t size,
			     mb_phys_t align, mb_phys_t goal, mb_phys_t limit,
			     unsigned flags);

void *__alloc_bootmem(struct bootmem *bm, mb_phys_t size, mb_phys_t align,
		      mb_phys_t goal);
void *__alloc_bootmem_nopanic(struct bootmem *bm, mb_phys_t size,
			      mb_phys_t align, mb_phys_t goal);
void *__alloc_bootmem_node(struct bootmem *bm, int nid, mb_phys_t size,
			   mb_phys_t align, mb_phys_t goal);
void *__alloc_bootmem_node_nopanic(struct bootmem *bm, int nid, mb_phys_t size,
				   mb_phys_t align, mb_phys_t goal);
void *__alloc_bootmem_node_high(struct bootmem *bm, int nid, mb_phys_t size,
				mb_phys_t align, mb_phys_t goal);
void *__alloc_bootmem_low(struct bootmem *bm, mb_phys_t size, mb_phys_t align,
			  mb_phys_t goal);
void *__alloc_bootmem_low_nopanic(struct bootmem *bm, mb_phys_t size,
				  mb_phys_t align, mb_phys_t goal);
void *__alloc_bootmem_low_node(struct bootmem *bm, int nid, mb_phys_t size,
			       mb_phys_t align, mb_phys_t goal);

/* The kernel's macro family, with the instance as first argument. */
#define alloc_bootmem(bm, x)                                                   \
	__alloc_bootmem(bm, x, (bm)->smp_cache_bytes, (bm)->goal_default)
#define alloc_bootmem_align(bm, x, align)                                      \
	__alloc_bootmem(bm, x, align, (bm)->goal_default)
#define alloc_bootmem_nopanic(bm, x)                                           \
	__alloc_bootmem_nopanic(bm, x, (bm)->smp_cache_bytes,                  \
				(bm)->goal_default)
#define alloc_bootmem_pages(bm, x)                                             \
	__alloc_bootmem(bm, x, (mb_phys_t)1 << (bm)->page_shift,               \
			(bm)->goal_default)
#define alloc_bootmem_pages_nopanic(bm, x)                                     \
	__alloc_bootmem_nopanic(bm, x, (mb_phys_t)1 << (bm)->page_shift,       \
				(bm)->goal_default)
#define alloc_bootmem_node(bm, nid, x)                                         \
	__alloc_bootmem_node(bm, nid, x, (bm)->smp_cache_bytes,                \
			     (bm)->goal_default)
#define alloc_bootmem_node_nopanic(bm, nid, x)                                 \
	__alloc_bootmem_node_nopanic(bm, nid, x, (bm)->smp_cache_bytes,        \
				     (bm)->goal_default)
#define alloc_bootmem_pages_node(bm, nid, x)                                   \
	__alloc_bootmem_node(bm, nid, x, (mb_phys_t)1 << (bm)->page_shift,     \
			     (bm)->goal_default)
#define alloc_bootmem_low(bm, x)                                               \
	__alloc_bootmem_low(bm, x, (bm)->smp_cache_bytes, 0)
#define alloc_bootmem_low_pages(bm, x)                                         \
	__alloc_bootmem_low(bm, x, (mb_phys_t)1 << (bm)->page_shift, 0)
#define alloc_bootmem_low_pages_nopanic(bm, x)                                 \
	__alloc_bootmem_low_nopanic(bm, x, (mb_phys_t)1 << (bm)->page_shift, 0)
#define alloc_bootmem_low_pages_node(bm, nid, x)                               \
	__alloc_bootmem_low_node(bm, nid, x, (mb_phys_t)1 << (bm)->page_shift, \
				 0)

/**
 * free_all_bootmem - release every free page to @release and return the
 * count. Bitmap: clear bits (aligned all-free words as one block of order
 * log2(bits_per_long)), then the bitmaps' own pages; memblock shim:
 * memblock_free_all() of spec section 10 (capped at @max_low_pfn when
 * non-zero). May run once.
 */
unsigned long free_all_bootmem(struct bootmem *bm, unsigned long max_low_pfn,
			       bootmem_release_fn release, void *ctx);

/**
 * bootmem_memblock_free_all - memblock_free_all() on @mb alone: clear
 * HOTPLUG, then release the whole pages of every free range (flags NONE,
 * any node) below @max_low_pfn (0 = no cap) in the largest naturally aligned
 * blocks up to order @max_order - 1. Return: pages released.
 */
unsigned long bootmem_memblock_free_all(struct memblock *mb,
					unsigned long max_low_pfn,
					unsigned max_order,
					bootmem_release_fn release, void *ctx);

/**
 * bootmem_arm_init - the classic ARM bootmem_init() step (4.x paging_init):
 * allocate the bitmap from memblock below @lowmem_end, init_bootmem_node
 * over the lowmem pfns, free_bootmem every lowmem memory region, then
 * reserve_bootmem every lowmem reserved region. @buf as in
 * bootmem_init_node(). Single node (node 0) like the ARM code.
 * Return: 0 or a negative code.
 */
int bootmem_arm_init(struct bootmem *bm, mb_phys_t lowmem_end, void *buf,
		     size_t buf_len);

/** bootmem_is_reserved - bitmap back end: is the bit of @pfn set? Pages
 *  outside every node count as reserved. Shim: memblock's view. */
bool bootmem_is_reserved(const struct bootmem *bm, unsigned long pfn);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_BOOTMEM_H */
