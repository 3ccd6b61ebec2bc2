/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal interface of the memblock core: the region-table primitives and
 * the untraced workers behind the public (traced) entry points.
 */
#ifndef MEMBLOCK_CORE_INTERNAL_H
#define MEMBLOCK_CORE_INTERNAL_H

#include <memblock/memblock.h>

#include "trace.h"

/* The four memory functions every kernel provides (no libc headers in a
 * freestanding build). */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/* ---- machine helpers ---- */

/** mbi_addr_max - PHYS_ADDR_MAX: all ones of the profile's address width. */
static inline mb_phys_t mbi_addr_max(const struct memblock *mb)
{
	return mb->profile.phys_bits >= 64
		       ? ~(mb_phys_t)0
		       : (((mb_phys_t)1 << mb->profile.phys_bits) - 1);
}

/** mbi_cap_size - @size lowered so that @base + @size stays <= max. */
static inline mb_phys_t mbi_cap_size(const struct memblock *mb, mb_phys_t base,
				     mb_phys_t size)
{
	mb_phys_t room = mbi_addr_max(mb) - base;

	if (base > mbi_addr_max(mb))
		return 0;
	return size < room ? size : room;
}

static inline mb_phys_t mbi_min(mb_phys_t a, mb_phys_t b)
{
	return a < b ? a : b;
}

static inline mb_phys_t mbi_max(mb_phys_t a, mb_phys_t b)
{
	return a > b ? a : b;
}

static inline bool mbi_is_pow2(mb_phys_t x)
{
	return x && !(x & (x - 1));
}

/* Rounding as phys_addr_t arithmetic does it (wraps at 64 bits). */
static inline mb_phys_t mbi_round_down(mb_phys_t x, mb_phys_t align)
{
	return x & ~(align - 1);
}

static inline mb_phys_t mbi_round_up(mb_phys_t x, mb_phys_t align)
{
	return ((x - 1) | (align - 1)) + 1;
}

static inline mb_phys_t mbi_page_align(const struct memblock *mb, mb_phys_t x)
{
	return mbi_round_up(x, mb->profile.page_size);
}

/* PFN_DOWN / PFN_UP / PFN_PHYS by shifts (page_size is a power of two;
 * 64-bit division would need a compiler-runtime helper on 32-bit ARM). */
static inline unsigned mbi_page_shift(const struct memblock *mb)
{
	/* A loop, not __builtin_ctzll: gcc for 32-bit ARM turns that into
	 * a call to libgcc's __ctzdi2. At most 63 steps, usually 12. */
	mb_phys_t p = mb->profile.page_size;
	unsigned shift = 0;

	while (p > 1) {
		p >>= 1;
		shift++;
	}
	return shift;
}

static inline mb_phys_t mbi_pfn_down(const struct memblock *mb, mb_phys_t x)
{
	return x >> mbi_page_shift(mb);
}

static inline mb_phys_t mbi_pfn_up(const struct memblock *mb, mb_phys_t x)
{
	return mbi_pfn_down(mb, mbi_page_align(mb, x));
}

/** mbi_current_limit - current_limit clamped into the address width. */
static inline mb_phys_t mbi_current_limit(const struct memblock *mb)
{
	return mbi_min(mb->current_limit, mbi_addr_max(mb));
}

/*
 * Node of a region as the kernel sees it: without CONFIG_NUMA the region
 * has no nid at all and every region reads as node 0.
 */
static inline int mbi_region_nid(const struct memblock *mb,
				 const struct memblock_region *r)
{
	return mb->profile.numa ? r->nid : 0;
}

/** mbi_region_record_size - sizeof(struct memblock_region) in the kernel
 *  the profile describes (base, size, flags, and nid only with NUMA). */
mb_phys_t mbi_region_record_size(const struct memblock *mb);

/* ---- region table primitives (region_table.c) ---- */
void mbi_insert_region(struct memblock_type *type, unsigned long idx,
		       mb_phys_t base, mb_phys_t size, int nid,
		       enum memblock_flags flags);
void mbi_remove_region(struct memblock *mb, struct memblock_type *type,
		       unsigned long idx);
void mbi_merge_regions(struct memblock *mb, struct memblock_type *type);
int mbi_isolate_range(struct memblock *mb, struct memblock_type *type,
		      mb_phys_t base, mb_phys_t size, unsigned long *start_rgn,
		      unsigned long *end_rgn);
unsigned long mbi_first_ending_after(const struct memblock_type *type,
				     mb_phys_t addr);
/** mbi_search - index of the region holding @addr, or -1. */
long mbi_search(const struct memblock_type *type, mb_phys_t addr);

/* ---- untraced workers (add_remove.c) ---- */
int mbi_add_range(struct memblock *mb, struct memblock_type *type,
		  mb_phys_t base, mb_phys_t size, int nid,
		  enum memblock_flags flags);
int mbi_remove_range(struct memblock *mb, struct memblock_type *type,
		     mb_phys_t base, mb_phys_t size);
/** mbi_trace_range - emit a range event (add/remove/reserve/phys_free). */
void mbi_trace_range(struct memblock *mb, enum mb_event_kind kind,
		     mb_phys_t base, mb_phys_t size,
		     enum mb_caller_kind caller_kind, uintptr_t caller,
		     const char *caller_sym);

/* ---- growth (grow.c) ---- */
int mbi_double_array(struct memblock *mb, struct memblock_type *type,
		     mb_phys_t pending_base, mb_phys_t pending_size);
/** mbi_array_phys - where a grown table's array lives (0 = initial). */
mb_phys_t *mbi_array_phys(struct memblock *mb, struct memblock_type *type);

/* ---- allocation (alloc.c) ---- */
/** mbi_find_in_range - search with MIRROR first, any node (growth). */
mb_phys_t mbi_find_in_range(struct memblock *mb, mb_phys_t start, mb_phys_t end,
			    mb_phys_t size, mb_phys_t align);
mb_phys_t mbi_alloc_range_nid(struct memblock *mb, mb_phys_t size,
			      mb_phys_t align, mb_phys_t start, mb_phys_t end,
			      int nid, bool exact_nid,
			      enum mb_caller_kind reserve_caller);
/** mbi_print_mirror_warning - the kernel's pr_warn when MIRROR fails. */
void mbi_print_mirror_warning(struct memblock *mb, mb_phys_t size);

/* ---- limits (limit.c) ---- */
mb_phys_t mbi_find_max_addr(const struct memblock *mb, mb_phys_t limit);

#endif /* MEMBLOCK_CORE_INTERNAL_H */
