/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Linux face: Linux 6.1's <linux/memblock.h> API by its kernel names,
 * over one global instance `memblock` (like the kernel's). Code written for
 * the kernel's memblock compiles against this header unchanged; it may also
 * read and write memblock.memory.regions / cnt / total_size directly.
 *
 * The global's profile is chosen at build time of the memblock_linux
 * library (MEMBLOCK_LINUX_PROFILE_ARM32, _ARM64, default x86_64) and can be
 * replaced at run time with memblock_linux_setup(), which also empties the
 * tables.
 */
#ifndef MEMBLOCK_LINUX_H
#define MEMBLOCK_LINUX_H

#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef MEMBLOCK_LINUX_HAVE_PHYS_ADDR_T
typedef mb_phys_t phys_addr_t;
#endif

/** memblock - the global instance (static arrays of 128 entries each). */
extern struct memblock memblock;

/** memblock_debug - what early_memblock() sets for memblock=debug. */
#define memblock_debug (memblock.debug)

/**
 * memblock_linux_setup - empty the global's tables and give it a profile
 * (NULL: keep the current one) and environment hooks (NULL: defaults).
 * Return: 0 or a negative MB_E* code.
 */
int memblock_linux_setup(const struct mb_profile *profile,
			 const struct mb_env *env);

#define MEMBLOCK_ALLOC_ANYWHERE	   (~(phys_addr_t)0)
#define MEMBLOCK_ALLOC_ACCESSIBLE  ((phys_addr_t)0)
#define MEMBLOCK_ALLOC_NOLEAKTRACE ((phys_addr_t)1)
#define MEMBLOCK_LOW_LIMIT	   ((phys_addr_t)0)
#ifndef NUMA_NO_NODE
#define NUMA_NO_NODE (-1)
#endif
#ifndef MAX_NUMNODES
#define MAX_NUMNODES (memblock.profile.max_numnodes)
#endif
/* ARCH_LOW_ADDRESS_LIMIT of the global's profile (memblock_alloc_low). */
#define MEMBLOCK_LINUX_LOW_LIMIT (memblock.profile.alloc_low_limit)

#ifndef PAGE_SHIFT
#define PAGE_SHIFT 12
#endif
#ifndef PFN_UP
#define PFN_UP(x) (((x) + (1ULL << PAGE_SHIFT) - 1) >> PAGE_SHIFT)
#endif
#ifndef PFN_DOWN
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#endif
#ifndef PFN_PHYS
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#endif

/* ---- adding, removing, flags ---- */
/**
 * memblock_add - register RAM [@base, @base + @size) on no particular node
 * (mb_add() on the global instance). Return: 0 or a negative MB_E* code.
 */
int memblock_add(phys_addr_t base, phys_addr_t size);
/**
 * memblock_add_node - register RAM on node @nid with @flags
 * (mb_add_node()). Return: 0 or a negative MB_E* code.
 */
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags);
/**
 * memblock_remove - take [@base, @base + @size) out of the memory table
 * (mb_remove()). Return: 0 or a negative MB_E* code.
 */
int memblock_remove(phys_addr_t base, phys_addr_t size);
/**
 * memblock_reserve - mark [@base, @base + @size) as in use (mb_reserve()).
 * Return: 0 or a negative MB_E* code.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size);
/**
 * memblock_phys_free - give a reserved physical range back
 * (mb_phys_free()). Return: 0 or a negative MB_E* code.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
/**
 * memblock_free - give back a range by its virtual address @ptr, as
 * returned by memblock_alloc(); NULL is a no-op (mb_free()).
 */
void memblock_free(void *ptr, size_t size);
/**
 * memblock_mark_hotplug - set MEMBLOCK_HOTPLUG on the memory in the range
 * (mb_mark_hotplug()). Return: 0 or a negative MB_E* code.
 */
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
/**
 * memblock_clear_hotplug - clear MEMBLOCK_HOTPLUG on the memory in the
 * range (mb_clear_hotplug()). Return: 0 or a negative MB_E* code.
 */
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
/**
 * memblock_mark_mirror - set MEMBLOCK_MIRROR on the memory in the range
 * (mb_mark_mirror()). Return: 0 or a negative MB_E* code.
 */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);
/**
 * memblock_mark_nomap - set MEMBLOCK_NOMAP on the memory in the range
 * (mb_mark_nomap()). Return: 0 or a negative MB_E* code.
 */
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
/**
 * memblock_clear_nomap - clear MEMBLOCK_NOMAP on the memory in the range
 * (mb_clear_nomap()). Return: 0 or a negative MB_E* code.
 */
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);
/**
 * memblock_set_node - put the regions of @type inside the range on node
 * @nid, splitting at the edges; a no-op without NUMA (mb_set_node()).
 * Return: 0 or a negative MB_E* code.
 */
int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid);

/* ---- allocation ---- */
/**
 * memblock_phys_alloc_range - find, reserve and return @size bytes aligned
 * to @align inside [@start, @end) (mb_phys_alloc_range()). Return: the
 * physical address, 0 on failure.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
/**
 * memblock_phys_alloc_try_nid - like memblock_phys_alloc_range() below
 * current_limit, node @nid first, then any node (mb_phys_alloc_try_nid()).
 * Return: the physical address, 0 on failure.
 */
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid);
/**
 * memblock_alloc_try_nid - zeroed allocation in [@min_addr, @max_addr)
 * preferring node @nid, retried without @min_addr when nothing fits
 * (mb_alloc_try_nid()). Return: its virtual address, NULL on failure.
 */
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid);
/**
 * memblock_alloc_try_nid_raw - memblock_alloc_try_nid() without zeroing the
 * memory (mb_alloc_try_nid_raw()). Return: its virtual address, NULL on
 * failure.
 */
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid);
/**
 * memblock_alloc_exact_nid_raw - like memblock_alloc_try_nid_raw() but on
 * node @nid only, no fallback (mb_alloc_exact_nid_raw()). Return: its
 * virtual address, NULL on failure.
 */
void *memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
				   phys_addr_t min_addr, phys_addr_t max_addr,
				   int nid);

/* Inline like the kernel's, so the traced caller is the caller's caller. */
#define MEMBLOCK_LINUX_INLINE static inline __attribute__((always_inline))

/**
 * memblock_phys_alloc - @size bytes aligned to @align anywhere below
 * current_limit. Return: the physical address, 0 on failure.
 */
MEMBLOCK_LINUX_INLINE phys_addr_t memblock_phys_alloc(phys_addr_t size,
						      phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0,
					 MEMBLOCK_ALLOC_ACCESSIBLE);
}

/**
 * memblock_alloc - zeroed @size bytes aligned to @align below
 * current_limit, any node. Return: the virtual address, NULL on failure.
 */
MEMBLOCK_LINUX_INLINE void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/**
 * memblock_alloc_raw - memblock_alloc() without zeroing. Return: the
 * virtual address, NULL on failure.
 */
MEMBLOCK_LINUX_INLINE void *memblock_alloc_raw(phys_addr_t size,
					       phys_addr_t align)
{
	return memblock_alloc_try_nid_raw(size, align, MEMBLOCK_LOW_LIMIT,
					  MEMBLOCK_ALLOC_ACCESSIBLE,
					  NUMA_NO_NODE);
}

/**
 * memblock_alloc_from - memblock_alloc() at or above @min_addr when
 * possible. Return: the virtual address, NULL on failure.
 */
MEMBLOCK_LINUX_INLINE void *
memblock_alloc_from(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

/**
 * memblock_alloc_low - memblock_alloc() below the profile's
 * ARCH_LOW_ADDRESS_LIMIT. Return: the virtual address, NULL on failure.
 */
MEMBLOCK_LINUX_INLINE void *memblock_alloc_low(phys_addr_t size,
					       phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_LINUX_LOW_LIMIT, NUMA_NO_NODE);
}

/**
 * memblock_alloc_node - memblock_alloc() preferring node @nid. Return: the
 * virtual address, NULL on failure.
 */
MEMBLOCK_LINUX_INLINE void *memblock_alloc_node(phys_addr_t size,
						phys_addr_t align, int nid)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, nid);
}

/* ---- knobs and queries ---- */
/**
 * memblock_set_bottom_up - @enable: search from low addresses up instead of
 * top-down.
 */
void memblock_set_bottom_up(bool enable);
/** memblock_bottom_up - Return: true when allocations search bottom-up. */
bool memblock_bottom_up(void);
/**
 * memblock_set_current_limit - allocations that do not name an upper bound
 * stay below @limit.
 */
void memblock_set_current_limit(phys_addr_t limit);
/**
 * memblock_get_current_limit - Return: the current upper bound of
 * allocations.
 */
phys_addr_t memblock_get_current_limit(void);
/**
 * memblock_allow_resize - allow both tables to double their arrays from now
 * on.
 */
void memblock_allow_resize(void);
/** memblock_phys_mem_size - Return: the memory table's total_size. */
phys_addr_t memblock_phys_mem_size(void);
/** memblock_reserved_size - Return: the reserved table's total_size. */
phys_addr_t memblock_reserved_size(void);
/** memblock_start_of_DRAM - Return: the base of the lowest memory region. */
phys_addr_t memblock_start_of_DRAM(void);
/**
 * memblock_end_of_DRAM - Return: the end (exclusive) of the highest memory
 * region.
 */
phys_addr_t memblock_end_of_DRAM(void);
/** memblock_is_memory - Return: true when @addr lies in a memory region. */
bool memblock_is_memory(phys_addr_t addr);
/**
 * memblock_is_reserved - Return: true when @addr lies in a reserved region.
 */
bool memblock_is_reserved(phys_addr_t addr);
/**
 * memblock_is_map_memory - Return: true when @addr is memory not marked
 * MEMBLOCK_NOMAP.
 */
bool memblock_is_map_memory(phys_addr_t addr);
/**
 * memblock_is_region_memory - Return: true when the whole range lies in one
 * memory region.
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
/**
 * memblock_is_region_reserved - Return: true when the range overlaps a
 * reserved region.
 */
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
/**
 * memblock_overlaps_region - Return: true when the range overlaps a region
 * of @type.
 */
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size);
/**
 * memblock_search_pfn_nid - find the memory region holding page frame @pfn
 * and store the frames of its base and end (rounded down). Return: its node
 * id, -1 when @pfn is not memory.
 */
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn,
			    unsigned long *end_pfn);
/**
 * memblock_enforce_memory_limit - keep only the first @limit bytes of
 * memory (mem=); memory and reservations above the cut are removed; 0 means
 * no limit.
 */
void memblock_enforce_memory_limit(phys_addr_t limit);
/**
 * memblock_cap_memory_range - keep only the memory inside [@base, @base +
 * @size) and trim the reservations to it; NOMAP regions outside stay.
 */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);
/**
 * memblock_mem_limit_remove_map - mem= as arm64 applies it: find where the
 * first @limit bytes of memory end and memblock_cap_memory_range() to [0,
 * there), so NOMAP regions above stay.
 */
void memblock_mem_limit_remove_map(phys_addr_t limit);
/**
 * memblock_trim_memory - shrink every memory region to whole @align units
 * (6.1: total_size is left as it was).
 */
void memblock_trim_memory(phys_addr_t align);
/**
 * memblock_dump_all - print the "MEMBLOCK configuration:" dump when
 * memblock=debug is on.
 */
void memblock_dump_all(void);

/* ---- iteration ---- */
/**
 * __next_mem_range - advance the forward walk @idx over @type_a minus
 * @type_b with the @nid and @flags filters; @idx becomes MB_ITER_END at the
 * end.
 */
void __next_mem_range(uint64_t *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start,
		      phys_addr_t *out_end, int *out_nid);
/** __next_mem_range_rev - the same walk from the top down. */
void __next_mem_range_rev(uint64_t *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b, phys_addr_t *out_start,
			  phys_addr_t *out_end, int *out_nid);
/**
 * __next_mem_pfn_range - advance @idx to the next memory region of node
 * @nid and store its whole page frames; @idx becomes -1 at the end.
 */
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid);

/* @i is a uint64_t cursor: 0 starts a forward walk, ~0 means "done". */
#define __for_each_mem_range(i, type_a, type_b, nid, flags, p_start, p_end,    \
			     p_nid)                                            \
	for ((i) = MB_ITER_START,                                              \
	    __next_mem_range(&(i), nid, flags, type_a, type_b, p_start, p_end, \
			     p_nid);                                           \
	     (i) != MB_ITER_END; __next_mem_range(                             \
		     &(i), nid, flags, type_a, type_b, p_start, p_end, p_nid))

#define __for_each_mem_range_rev(i, type_a, type_b, nid, flags, p_start,       \
				 p_end, p_nid)                                 \
	for ((i) = MB_ITER_END,                                                \
	    __next_mem_range_rev(&(i), nid, flags, type_a, type_b, p_start,    \
				 p_end, p_nid);                                \
	     (i) != MB_ITER_END; __next_mem_range_rev(                         \
		     &(i), nid, flags, type_a, type_b, p_start, p_end, p_nid))

/* Every memory range, hotplug and driver-managed ones included. */
#define for_each_mem_range(i, p_start, p_end)                                  \
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE,          \
			     MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,       \
			     p_start, p_end, NULL)
#define for_each_mem_range_rev(i, p_start, p_end)                              \
	__for_each_mem_range_rev(i, &memblock.memory, NULL, NUMA_NO_NODE,      \
				 MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,   \
				 p_start, p_end, NULL)
#define for_each_reserved_mem_range(i, p_start, p_end)                         \
	__for_each_mem_range(i, &memblock.reserved, NULL, NUMA_NO_NODE,        \
			     MEMBLOCK_NONE, p_start, p_end, NULL)
#define for_each_free_mem_range(i, nid, flags, p_start, p_end, p_nid)          \
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved, nid,     \
			     flags, p_start, p_end, p_nid)
#define for_each_free_mem_range_reverse(i, nid, flags, p_start, p_end, p_nid)  \
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved, nid, \
				 flags, p_start, p_end, p_nid)

/* @i is an int cursor; -1 starts the walk and ends it. */
#define for_each_mem_pfn_range(i, nid, p_start, p_end, p_nid)                  \
	for ((i) = -1, __next_mem_pfn_range(&(i), nid, p_start, p_end, p_nid); \
	     (i) >= 0; __next_mem_pfn_range(&(i), nid, p_start, p_end, p_nid))

/* @rgn walks the regions array of a struct memblock_type pointer. */
#define for_each_memblock_type(i, memblock_type, rgn)                          \
	for ((i) = 0; (unsigned long)(i) < (memblock_type)->cnt &&             \
		      ((rgn) = &(memblock_type)->regions[(i)], 1);             \
	     (i)++)
#define for_each_mem_region(region)                                            \
	for ((region) = memblock.memory.regions;                               \
	     (region) < memblock.memory.regions + memblock.memory.cnt;         \
	     (region)++)
#define for_each_reserved_mem_region(region)                                   \
	for ((region) = memblock.reserved.regions;                             \
	     (region) < memblock.reserved.regions + memblock.reserved.cnt;     \
	     (region)++)

/* ---- region accessors ---- */
/**
 * memblock_region_memory_base_pfn - Return: the first whole page frame of
 * memory region @reg.
 */
static inline unsigned long
memblock_region_memory_base_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_UP(reg->base);
}

/**
 * memblock_region_memory_end_pfn - Return: the page frame after the last
 * whole page of @reg.
 */
static inline unsigned long
memblock_region_memory_end_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_DOWN(reg->base + reg->size);
}

/**
 * memblock_region_reserved_base_pfn - Return: the page frame holding the
 * start of reserved region @reg.
 */
static inline unsigned long
memblock_region_reserved_base_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_DOWN(reg->base);
}

/**
 * memblock_region_reserved_end_pfn - Return: the first page frame after
 * reserved region @reg, rounded up.
 */
static inline unsigned long
memblock_region_reserved_end_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_UP(reg->base + reg->size);
}

/**
 * memblock_is_hotpluggable - Return: true when region @m carries
 * MEMBLOCK_HOTPLUG.
 */
static inline bool memblock_is_hotpluggable(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_HOTPLUG) != 0;
}

/**
 * memblock_is_mirror - Return: true when region @m carries MEMBLOCK_MIRROR.
 */
static inline bool memblock_is_mirror(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_MIRROR) != 0;
}

/**
 * memblock_is_nomap - Return: true when region @m carries MEMBLOCK_NOMAP.
 */
static inline bool memblock_is_nomap(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_NOMAP) != 0;
}

/**
 * memblock_is_driver_managed - Return: true when region @m carries
 * MEMBLOCK_DRIVER_MANAGED.
 */
static inline bool memblock_is_driver_managed(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_DRIVER_MANAGED) != 0;
}

/** memblock_get_region_node - Return: the node id of region @r. */
static inline int memblock_get_region_node(const struct memblock_region *r)
{
	return r->nid;
}

/**
 * memblock_set_region_node - set the node id of region @r to @nid (no
 * merging).
 */
static inline void memblock_set_region_node(struct memblock_region *r, int nid)
{
	r->nid = nid;
}

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_LINUX_H */
