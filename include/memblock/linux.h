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
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_free(void *ptr, size_t size);
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);
int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid);

/* ---- allocation ---- */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid);
void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid);
void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid);
void *memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
				   phys_addr_t min_addr, phys_addr_t max_addr,
				   int nid);

/* Inline like the kernel's, so the traced caller is the caller's caller. */
#define MEMBLOCK_LINUX_INLINE static inline __attribute__((always_inline))

MEMBLOCK_LINUX_INLINE phys_addr_t memblock_phys_alloc(phys_addr_t size,
						      phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0,
					 MEMBLOCK_ALLOC_ACCESSIBLE);
}

MEMBLOCK_LINUX_INLINE void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

MEMBLOCK_LINUX_INLINE void *memblock_alloc_raw(phys_addr_t size,
					       phys_addr_t align)
{
	return memblock_alloc_try_nid_raw(size, align, MEMBLOCK_LOW_LIMIT,
					  MEMBLOCK_ALLOC_ACCESSIBLE,
					  NUMA_NO_NODE);
}

MEMBLOCK_LINUX_INLINE void *
memblock_alloc_from(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

MEMBLOCK_LINUX_INLINE void *memblock_alloc_low(phys_addr_t size,
					       phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_LINUX_LOW_LIMIT, NUMA_NO_NODE);
}

MEMBLOCK_LINUX_INLINE void *memblock_alloc_node(phys_addr_t size,
						phys_addr_t align, int nid)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, nid);
}

/* ---- knobs and queries ---- */
void memblock_set_bottom_up(bool enable);
bool memblock_bottom_up(void);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);
void memblock_allow_resize(void);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size);
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn,
			    unsigned long *end_pfn);
void memblock_enforce_memory_limit(phys_addr_t limit);
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);
void memblock_mem_limit_remove_map(phys_addr_t limit);
void memblock_trim_memory(phys_addr_t align);
void memblock_dump_all(void);

/* ---- iteration ---- */
void __next_mem_range(uint64_t *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start,
		      phys_addr_t *out_end, int *out_nid);
void __next_mem_range_rev(uint64_t *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b, phys_addr_t *out_start,
			  phys_addr_t *out_end, int *out_nid);
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
static inline unsigned long
memblock_region_memory_base_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_UP(reg->base);
}

static inline unsigned long
memblock_region_memory_end_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_DOWN(reg->base + reg->size);
}

static inline unsigned long
memblock_region_reserved_base_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_DOWN(reg->base);
}

static inline unsigned long
memblock_region_reserved_end_pfn(const struct memblock_region *reg)
{
	return (unsigned long)PFN_UP(reg->base + reg->size);
}

static inline bool memblock_is_hotpluggable(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_HOTPLUG) != 0;
}

static inline bool memblock_is_mirror(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_MIRROR) != 0;
}

static inline bool memblock_is_nomap(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_NOMAP) != 0;
}

static inline bool memblock_is_driver_managed(const struct memblock_region *m)
{
	return (m->flags & MEMBLOCK_DRIVER_MANAGED) != 0;
}

static inline int memblock_get_region_node(const struct memblock_region *r)
{
	return r->nid;
}

static inline void memblock_set_region_node(struct memblock_region *r, int nid)
{
	r->nid = nid;
}

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_LINUX_H */
