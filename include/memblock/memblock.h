/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock core: Linux-exact boot-time physical memory tables.
 *
 * Every function takes the instance first (like libfdt takes the blob).
 * Freestanding C11: only <stdint.h>, <stddef.h>, <stdbool.h>, <stdarg.h>
 * and memcpy/memmove/memset/memcmp are used.
 *
 * Behaviour target: Linux 6.1 LTS (see docs/design.md and the spec in
 * ../shared/spec/memblock-semantics.md).
 */
#ifndef MEMBLOCK_MEMBLOCK_H
#define MEMBLOCK_MEMBLOCK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** mb_phys_t - a physical address; always 64 bits wide in storage. The
 *  machine profile's phys_bits decides PHYS_ADDR_MAX and the trace width. */
typedef uint64_t mb_phys_t;

/* ---- error codes (negative errno values, Linux numbering) ---- */
#define MB_ENOMEM 12
#define MB_EBUSY  16
#define MB_EINVAL 22
#define MB_ERANGE 34
#define MB_ENOSPC 28
#define MB_ENOENT 2

/** memblock_strerror - text for a negative MB_E* code (or 0). */
const char *memblock_strerror(int err);

/* ---- region flags (values as in Linux) ---- */
enum memblock_flags {
	MEMBLOCK_NONE = 0x0,
	MEMBLOCK_HOTPLUG = 0x1,
	MEMBLOCK_MIRROR = 0x2,
	MEMBLOCK_NOMAP = 0x4,
	MEMBLOCK_DRIVER_MANAGED = 0x8,
};

/** NUMA_NO_NODE in a request means "any node". */
#define MB_NUMA_NO_NODE (-1)

/* Special 'end' values of the allocation search. */
#define MB_ALLOC_ANYWHERE    (~(mb_phys_t)0) /* clamped to PHYS_ADDR_MAX */
#define MB_ALLOC_ACCESSIBLE  ((mb_phys_t)0)
#define MB_ALLOC_NOLEAKTRACE ((mb_phys_t)1)

/** struct memblock_region - one range of a table (kernel field names). */
struct memblock_region {
	mb_phys_t base;
	mb_phys_t size;
	enum memblock_flags flags;
	int nid;
};

/** struct memblock_type - one table: memory, reserved or physmem. The
 *  regions array *is* the state: code may read and write it directly. */
struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	mb_phys_t total_size;
	struct memblock_region *regions;
	char *name;
};

/**
 * struct mb_profile - the machine, as data. Everything that changes results
 * between a 32-bit ARM board and a 64-bit server lives here.
 */
struct mb_profile {
	const char *name;	   /* "arm32", "arm64", "x86_64", ... */
	unsigned phys_bits;	   /* 32 or 64: PHYS_ADDR_MAX and trace width */
	mb_phys_t page_size;	   /* PAGE_SIZE */
	mb_phys_t smp_cache_bytes; /* default alignment when align == 0 */
	bool numa;		   /* CONFIG_NUMA: dump prints "on node N" */
	int max_numnodes;	   /* MAX_NUMNODES (1 without NUMA) */
	unsigned init_memory_regions;	/* INIT_MEMBLOCK_REGIONS (128) */
	unsigned init_reserved_regions; /* INIT_MEMBLOCK_RESERVED_REGIONS */
	unsigned init_physmem_regions;	/* 0: no physmem table */
	mb_phys_t alloc_low_limit;	/* ARCH_LOW_ADDRESS_LIMIT (alloc_low) */
	/* Consumed by bootmem / buddy / the hand-over, not by the core: */
	unsigned page_struct_size;   /* sizeof(struct page) in mem_map */
	unsigned max_order;	     /* MAX_ORDER (11; 12 on armmp) */
	mb_phys_t zone_dma_end;	     /* end of ZONE_DMA; 0 = no ZONE_DMA */
	mb_phys_t zone_dma32_end;    /* 0 = no ZONE_DMA32 */
	mb_phys_t lowmem_end;	     /* 0 = no HighMem; else start of HighMem */
	mb_phys_t bootmem_low_limit; /* BOOTMEM_LOW_LIMIT: default goal */
};

/** Built-in profiles: Debian 6.1 kernels' configurations. */
extern const struct mb_profile mb_profile_arm32;  /* armmp: vexpress, virt */
extern const struct mb_profile mb_profile_arm64;  /* arm64 defconfig-ish */
extern const struct mb_profile mb_profile_x86_64; /* amd64 */
/** mb_profile_by_name - "arm32", "arm64", "x86_64"; NULL if unknown. */
const struct mb_profile *mb_profile_by_name(const char *name);

/* ---- trace events ---- */
enum mb_event_kind {
	MB_EV_ADD,	 /* memblock_add */
	MB_EV_ADD_NODE,	 /* memblock_add_node */
	MB_EV_REMOVE,	 /* memblock_remove */
	MB_EV_RESERVE,	 /* memblock_reserve */
	MB_EV_PHYS_FREE, /* memblock_phys_free (4.x: __memblock_free_early) */
	MB_EV_PHYS_ALLOC_RANGE,	   /* memblock_phys_alloc_range request */
	MB_EV_ALLOC_TRY_NID,	   /* memblock_alloc_try_nid request */
	MB_EV_ALLOC_TRY_NID_RAW,   /* memblock_alloc_try_nid_raw request */
	MB_EV_ALLOC_EXACT_NID_RAW, /* memblock_alloc_exact_nid_raw request */
	MB_EV_DOUBLED,		   /* "memblock: <name> is doubled to ..." */
	MB_EV_DOUBLE_FAILED,	   /* "memblock: Failed to double ..." */
	MB_EV_MESSAGE,		   /* free text (firmware, hand-over lines) */
	MB_EV__COUNT
};

/** Where a trace line's caller (%pS) comes from. */
enum mb_caller_kind {
	MB_CALLER_ADDR,	       /* caller is a return address */
	MB_CALLER_SYMBOL,      /* caller_sym holds the text */
	MB_CALLER_ALLOC_RANGE, /* an allocation's own reserve */
	MB_CALLER_VIRT_ALLOC,  /* 4.x: the virt allocator's own reserve */
};

/** struct mb_event - one traced call, before any text formatting. */
struct mb_event {
	enum mb_event_kind kind;
	mb_phys_t base, size; /* range events; requests: size */
	mb_phys_t align;      /* requests: align as the caller gave it */
	mb_phys_t min, max;   /* requests: from / max_addr as given */
	int nid;	      /* add_node, requests */
	unsigned flags;	      /* add_node */
	bool nopanic;	      /* 4.x request name suffix */
	const char *name;     /* DOUBLED/FAILED: table name; MESSAGE: text */
	unsigned long old_max, new_max; /* DOUBLED/FAILED */
	enum mb_caller_kind caller_kind;
	uintptr_t caller;	/* return address */
	const char *caller_sym; /* "func+0xoff/0xlen" or NULL */
};

/** Trace text dialect. */
enum mb_trace_style {
	MB_STYLE_LINUX_6 = 0, /* 6.x names (memblock_alloc_try_nid, ...) */
	MB_STYLE_LINUX_4 = 1, /* 4.x names (memblock_virt_alloc_try_nid, ...) */
};

/**
 * struct mb_env - the environment: a small table of hooks. Any may be NULL:
 * identity phys/virt, silent trace, trap (__builtin_trap) on panic.
 */
struct mb_env {
	void *ctx;
	void *(*phys_to_virt)(void *ctx, mb_phys_t phys);
	mb_phys_t (*virt_to_phys)(void *ctx, const void *virt);
	/* Every traced call, whether debug is on or not. */
	void (*event)(void *ctx, const struct mb_event *ev);
	/* One finished text line (no newline); only called when debug is on
	 * for memblock_* lines, always for kernel messages. */
	void (*print)(void *ctx, const char *line);
	void (*panic)(void *ctx, const char *msg);
	/* Optional: write the %pS text of a return address into buf. */
	bool (*symbolize)(void *ctx, uintptr_t addr, char *buf, size_t len);
	/* Optional (growth): host storage for a grown table of @entries
	 * regions whose physical home is @phys. NULL = phys_to_virt(phys);
	 * returning NULL makes the growth fail (-MB_ENOMEM, no change). */
	struct memblock_region *(*table_alloc)(void *ctx, mb_phys_t phys,
					       size_t entries);
	/* Optional: a grown array from table_alloc is no longer used. */
	void (*table_free)(void *ctx, struct memblock_region *regions,
			   size_t entries);
};

/** struct memblock - one instance (kernel field names first). */
struct memblock {
	bool bottom_up;
	mb_phys_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
	struct memblock_type physmem; /* cnt == 0 and max == 0 when disabled */

	/* Instance configuration and knobs (not in the kernel's struct). */
	struct mb_profile profile;
	struct mb_env env;
	bool debug;	     /* memblock=debug */
	bool can_resize;     /* memblock_allow_resize() called */
	bool memory_in_slab; /* always false here; kept for Linux parity */
	bool reserved_in_slab;
	bool mirrored_kernelcore; /* kernelcore=mirror: honour MIRROR */
	bool system_has_some_mirror;
	bool movable_node;   /* movable_node: skip HOTPLUG memory in searches */
	bool trim_fix_total; /* false: 6.1 trim_memory total quirk */
	enum mb_trace_style style;
	const char *alloc_caller_sym; /* %pS of the allocation's own reserve */
	const char *virt_alloc_caller_sym; /* 4.x virt allocator's reserve */
	const char *next_caller_sym; /* one-shot caller override (replay) */
	/* Failure injection (tests): refuse the Nth growth (0 = off). */
	unsigned long fail_growth_after;
	unsigned long growth_count;
	/* Core bookkeeping. Physical address of each table's grown array
	 * (0 = still the initial array given to mb_init). */
	mb_phys_t memory_array_phys, reserved_array_phys, physmem_array_phys;
	/* Bytes memory.total_size exceeds the sum of the regions because of
	 * the 6.1 trim_memory quirk (mb_check allows exactly this much). */
	mb_phys_t memory_total_slack;
};

/**
 * mb_init - set up an instance over caller-provided initial arrays.
 * @mb: the instance (fully overwritten)
 * @profile: machine profile (copied); NULL = mb_profile_x86_64
 * @env: hooks (copied); NULL = all defaults
 * @memory, @nmemory: initial memory array and its capacity (>= 1)
 * @reserved, @nreserved: initial reserved array and its capacity (>= 1)
 * @physmem, @nphysmem: physmem array or NULL/0 for none
 *
 * Tables start empty (cnt 1, dummy region nid 0), top-down, current_limit
 * MB_ALLOC_ANYWHERE, resize refused, debug off.
 * Return: 0, or -MB_EINVAL for a NULL array or zero capacity.
 */
int mb_init(struct memblock *mb, const struct mb_profile *profile,
	    const struct mb_env *env, struct memblock_region *memory,
	    unsigned long nmemory, struct memblock_region *reserved,
	    unsigned long nreserved, struct memblock_region *physmem,
	    unsigned long nphysmem);

/** mb_phys_addr_max - PHYS_ADDR_MAX of the instance's profile. */
mb_phys_t mb_phys_addr_max(const struct memblock *mb);

/* ---- adding and removing (section 2, 3) ---- */
int mb_add(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_add_node(struct memblock *mb, mb_phys_t base, mb_phys_t size, int nid,
		enum memblock_flags flags);
int mb_remove(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_reserve(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_phys_free(struct memblock *mb, mb_phys_t base, mb_phys_t size);
/** mb_free - free a reservation given its virtual address; NULL is a no-op. */
void mb_free(struct memblock *mb, void *ptr, size_t size);
int mb_physmem_add(struct memblock *mb, mb_phys_t base, mb_phys_t size);

/* ---- flags and nodes (section 4) ---- */
int mb_mark_hotplug(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_clear_hotplug(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_mark_mirror(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_mark_nomap(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_clear_nomap(struct memblock *mb, mb_phys_t base, mb_phys_t size);
int mb_set_node(struct memblock *mb, mb_phys_t base, mb_phys_t size,
		struct memblock_type *type, int nid);

/* ---- iteration (section 5) ---- */
/** Index value that starts a forward walk (0) or a reverse walk. */
#define MB_ITER_START 0ULL
#define MB_ITER_END   (~0ULL)
/**
 * mb_next_mem_range - next free range: parts of @type_a regions not covered
 * by @type_b (NULL = none), ascending. *@idx starts at 0; it is ~0ULL when
 * the walk is over. Out pointers may be NULL.
 */
void mb_next_mem_range(struct memblock *mb, uint64_t *idx, int nid,
		       enum memblock_flags flags, struct memblock_type *type_a,
		       struct memblock_type *type_b, mb_phys_t *out_start,
		       mb_phys_t *out_end, int *out_nid);
/** mb_next_mem_range_rev - the same, descending; start with *idx = ~0ULL. */
void mb_next_mem_range_rev(struct memblock *mb, uint64_t *idx, int nid,
			   enum memblock_flags flags,
			   struct memblock_type *type_a,
			   struct memblock_type *type_b, mb_phys_t *out_start,
			   mb_phys_t *out_end, int *out_nid);
/** mb_next_mem_pfn_range - memory regions as pfn ranges; *idx starts at -1. */
void mb_next_mem_pfn_range(struct memblock *mb, int *idx, int nid,
			   unsigned long *out_start_pfn,
			   unsigned long *out_end_pfn, int *out_nid);

#define mb_for_each_free_range(mb, i, nid, flags, p_start, p_end, p_nid)       \
	for (i = 0, mb_next_mem_range(mb, &i, nid, flags, &(mb)->memory,       \
				      &(mb)->reserved, p_start, p_end, p_nid); \
	     i != MB_ITER_END;                                                 \
	     mb_next_mem_range(mb, &i, nid, flags, &(mb)->memory,              \
			       &(mb)->reserved, p_start, p_end, p_nid))
#define mb_for_each_free_range_rev(mb, i, nid, flags, p_start, p_end, p_nid)   \
	for (i = MB_ITER_END,                                                  \
	    mb_next_mem_range_rev(mb, &i, nid, flags, &(mb)->memory,           \
				  &(mb)->reserved, p_start, p_end, p_nid);     \
	     i != MB_ITER_END;                                                 \
	     mb_next_mem_range_rev(mb, &i, nid, flags, &(mb)->memory,          \
				   &(mb)->reserved, p_start, p_end, p_nid))

/* ---- allocation (section 6) ---- */
/** mb_find_in_range_node - search only (no reserve); 0 = not found. */
mb_phys_t mb_find_in_range_node(struct memblock *mb, mb_phys_t size,
				mb_phys_t align, mb_phys_t start, mb_phys_t end,
				int nid, enum memblock_flags flags);
/** mb_alloc_range_nid - search then reserve; 0 = failure. Untraced request. */
mb_phys_t mb_alloc_range_nid(struct memblock *mb, mb_phys_t size,
			     mb_phys_t align, mb_phys_t start, mb_phys_t end,
			     int nid, bool exact_nid);
mb_phys_t mb_phys_alloc_range(struct memblock *mb, mb_phys_t size,
			      mb_phys_t align, mb_phys_t start, mb_phys_t end);
mb_phys_t mb_phys_alloc_try_nid(struct memblock *mb, mb_phys_t size,
				mb_phys_t align, int nid);
mb_phys_t mb_phys_alloc(struct memblock *mb, mb_phys_t size, mb_phys_t align);
void *mb_alloc_try_nid(struct memblock *mb, mb_phys_t size, mb_phys_t align,
		       mb_phys_t min, mb_phys_t max, int nid);
/** mb_alloc_try_nid_nopanic - the same, traced with the 4.x _nopanic name. */
void *mb_alloc_try_nid_nopanic(struct memblock *mb, mb_phys_t size,
			       mb_phys_t align, mb_phys_t min, mb_phys_t max,
			       int nid);
void *mb_alloc_try_nid_raw(struct memblock *mb, mb_phys_t size, mb_phys_t align,
			   mb_phys_t min, mb_phys_t max, int nid);
void *mb_alloc_exact_nid_raw(struct memblock *mb, mb_phys_t size,
			     mb_phys_t align, mb_phys_t min, mb_phys_t max,
			     int nid);
void *mb_alloc(struct memblock *mb, mb_phys_t size, mb_phys_t align);
void *mb_alloc_raw(struct memblock *mb, mb_phys_t size, mb_phys_t align);
void *mb_alloc_from(struct memblock *mb, mb_phys_t size, mb_phys_t align,
		    mb_phys_t min);
void *mb_alloc_low(struct memblock *mb, mb_phys_t size, mb_phys_t align);
void *mb_alloc_node(struct memblock *mb, mb_phys_t size, mb_phys_t align,
		    int nid);
/** mb_virt_to_phys / mb_phys_to_virt - through the env hooks (identity). */
mb_phys_t mb_virt_to_phys(const struct memblock *mb, const void *virt);
void *mb_phys_to_virt(const struct memblock *mb, mb_phys_t phys);

/* ---- growth (section 7) ---- */
void mb_allow_resize(struct memblock *mb);

/* ---- queries and limits (section 8) ---- */
mb_phys_t mb_phys_mem_size(const struct memblock *mb);
mb_phys_t mb_reserved_size(const struct memblock *mb);
mb_phys_t mb_start_of_DRAM(const struct memblock *mb);
mb_phys_t mb_end_of_DRAM(const struct memblock *mb);
bool mb_is_memory(const struct memblock *mb, mb_phys_t addr);
bool mb_is_reserved(const struct memblock *mb, mb_phys_t addr);
bool mb_is_map_memory(const struct memblock *mb, mb_phys_t addr);
bool mb_is_region_memory(const struct memblock *mb, mb_phys_t base,
			 mb_phys_t size);
bool mb_is_region_reserved(const struct memblock *mb, mb_phys_t base,
			   mb_phys_t size);
bool mb_overlaps_region(const struct memblock_type *type, mb_phys_t base,
			mb_phys_t size);
/** mb_search_pfn_nid - nid of the memory region holding @pfn, -1 if none. */
int mb_search_pfn_nid(const struct memblock *mb, unsigned long pfn,
		      unsigned long *start_pfn, unsigned long *end_pfn);
void mb_enforce_memory_limit(struct memblock *mb, mb_phys_t limit);
void mb_cap_memory_range(struct memblock *mb, mb_phys_t base, mb_phys_t size);
void mb_mem_limit_remove_map(struct memblock *mb, mb_phys_t limit);
void mb_trim_memory(struct memblock *mb, mb_phys_t align);
void mb_set_current_limit(struct memblock *mb, mb_phys_t limit);
mb_phys_t mb_get_current_limit(const struct memblock *mb);
void mb_set_bottom_up(struct memblock *mb, bool enable);
bool mb_bottom_up(const struct memblock *mb);

/* ---- trace text and dump (section 9) ---- */
/** mb_set_debug - what memblock=debug turns on. */
void mb_set_debug(struct memblock *mb, bool on);
/** mb_set_next_caller - the next traced call reports @sym as its caller. */
void mb_set_next_caller(struct memblock *mb, const char *sym);
/**
 * mb_format_event - the exact kernel line for @ev (no newline) in @buf.
 * Return: length written (excluding NUL), truncated to @len - 1.
 */
size_t mb_format_event(const struct memblock *mb, const struct mb_event *ev,
		       char *buf, size_t len);
/** mb_dump_all - print the dump when debug is on (memblock_dump_all). */
void mb_dump_all(const struct memblock *mb);
/** mb_dump - print the dump unconditionally. */
void mb_dump(const struct memblock *mb);
/** mb_printf - format (a freestanding printf subset) and send to env print:
 *  %s %c %d %i %u %x %X %p %%, flags '#' '0' '-', width, 'l' 'll' 'z'. */
void mb_printf(const struct memblock *mb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/** mb_vsnprintf - the formatter behind mb_printf, usable by any layer. */
int mb_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap);
int mb_snprintf(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- verification ---- */
/**
 * mb_check - invariant checker: tables sorted, disjoint, merged, totals
 * consistent (allowing the 6.1 trim quirk), cnt <= max, dummy entry of an
 * empty table, grown arrays reserved.
 * Return: 0 when all hold, else a negative code; *@what (if non-NULL) names
 * the first broken invariant.
 */
int mb_check(const struct memblock *mb, const char **what);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_MEMBLOCK_H */
