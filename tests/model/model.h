/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reference model of the memblock semantics (spec memblock-semantics.md).
 *
 * Written from the spec only, independently of src/core: every table is a
 * plain sorted list that each operation rebuilds with brute-force interval
 * arithmetic (subtract, split, sort, merge to a fixpoint). It is slow and
 * simple on purpose; the property test and the fuzzer compare the core
 * against it after every step.
 */
#ifndef MEMBLOCK_TEST_MODEL_H
#define MEMBLOCK_TEST_MODEL_H

#include <memblock/memblock.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { MODEL_MEMORY = 0, MODEL_RESERVED = 1, MODEL_PHYSMEM = 2 };

struct model_region {
	uint64_t base, size;
	unsigned flags;
	int nid;
};

/** struct model_table - one table; n == 0 stands for the dummy entry. */
struct model_table {
	struct model_region *r;
	size_t n;
	size_t alloc;	     /* host capacity of r */
	uint64_t max;	     /* the table's logical capacity (kernel max) */
	uint64_t slack;	     /* total_size - sum(sizes): the 6.1 trim quirk */
	int dummy_nid;	     /* nid of the dummy entry when n == 0 */
	uint64_t array_phys; /* where a grown array lives */
	bool array_initial;  /* still the array given at init */
	bool enabled;
};

struct model {
	struct mb_profile prof;
	uint64_t phys_max;
	uint64_t rec_size; /* bytes per region record in a grown array */
	struct model_table t[3];
	bool bottom_up;
	uint64_t current_limit;
	bool can_resize;
	bool mirrored_kernelcore;
	bool has_mirror;
	bool movable_node;
	bool trim_fix_total;
	/* Mimic the core's documented deviation: reserved gets two spare
	 * slots before another table's grown array is switched in. */
	bool core_pregrow;
	unsigned long fail_growth_after;
	unsigned long growth_count;
};

/** struct model_range - one free range yielded by an iteration. */
struct model_range {
	uint64_t start, end;
	int nid;
};

void model_init(struct model *m, const struct mb_profile *prof, uint64_t nmem,
		uint64_t nres, uint64_t nphys, uint64_t rec_size);
void model_free(struct model *m);
/** model_copy - deep copy (for shrinking and snapshots). */
void model_copy(struct model *dst, const struct model *src);

int model_add_node(struct model *m, int t, uint64_t base, uint64_t size,
		   int nid, unsigned flags);
int model_remove(struct model *m, int t, uint64_t base, uint64_t size);
int model_setclr_flag(struct model *m, uint64_t base, uint64_t size, bool set,
		      unsigned flag);
int model_mark_mirror(struct model *m, uint64_t base, uint64_t size);
int model_set_node(struct model *m, int t, uint64_t base, uint64_t size,
		   int nid);

/** model_ranges - the free ranges of table @ta minus table @tb (-1 = none),
 *  ascending; returns the count, writes at most @cap into @out. */
size_t model_ranges(const struct model *m, int ta, int tb, int nid,
		    unsigned flags, struct model_range *out, size_t cap);
/** model_pfn_ranges - memory regions as pfn ranges (nid MAX_NUMNODES = all). */
size_t model_pfn_ranges(const struct model *m, int nid, struct model_range *out,
			size_t cap);

uint64_t model_find(const struct model *m, uint64_t size, uint64_t align,
		    uint64_t start, uint64_t end, int nid, unsigned flags);
uint64_t model_alloc_range_nid(struct model *m, uint64_t size, uint64_t align,
			       uint64_t start, uint64_t end, int nid,
			       bool exact);
/** model_alloc_virt - the memblock_alloc_try_nid family; returns phys. */
uint64_t model_alloc_virt(struct model *m, uint64_t size, uint64_t align,
			  uint64_t min, uint64_t max, int nid, bool exact);

bool model_is_memory(const struct model *m, uint64_t addr);
bool model_is_reserved(const struct model *m, uint64_t addr);
bool model_is_map_memory(const struct model *m, uint64_t addr);
bool model_is_region_memory(const struct model *m, uint64_t base,
			    uint64_t size);
bool model_overlaps(const struct model *m, int t, uint64_t base, uint64_t size);
int model_search_pfn_nid(const struct model *m, uint64_t pfn,
			 uint64_t *start_pfn, uint64_t *end_pfn);
uint64_t model_total(const struct model *m, int t);
uint64_t model_start_of_dram(const struct model *m);
uint64_t model_end_of_dram(const struct model *m);

void model_enforce_memory_limit(struct model *m, uint64_t limit);
void model_cap_memory_range(struct model *m, uint64_t base, uint64_t size);
void model_mem_limit_remove_map(struct model *m, uint64_t limit);
void model_trim_memory(struct model *m, uint64_t align);

/** model_arrays_reserved - every grown array lies in one reserved region
 *  (false only after a caller freed an array's reservation). */
bool model_arrays_reserved(const struct model *m);
/** model_is_minimal - no touching neighbours with equal nid and flags
 *  (false only after cap_memory_range kept a split NOMAP region). */
bool model_is_minimal(const struct model *m, int t);
/** model_is_ordered - sorted and disjoint (a safety net: a broken table
 *  ends the comparison of a sequence). */
bool model_is_ordered(const struct model *m, int t);
/** model_region_nid - the nid a region reports (0 without NUMA). */
int model_region_nid(const struct model *m, const struct model_region *r);

/* Internal helpers shared by the model's files. */
uint64_t model_cap(const struct model *m, uint64_t base, uint64_t size);
int model_grow(struct model *m, int t, uint64_t pend_base, uint64_t pend_size);
uint64_t model_count(const struct model_table *tb);

#endif
