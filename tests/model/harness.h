/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Differential harness: one core instance and one reference model driven by
 * the same operations, compared after every step. Shared by the property
 * test (tests/prop), the op-stream fuzzer (tests/fuzz) and the hostile
 * input tests.
 */
#ifndef MEMBLOCK_TEST_HARNESS_H
#define MEMBLOCK_TEST_HARNESS_H

#include "model.h"

#include <memblock/memblock.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum op_kind {
	OP_ADD,
	OP_ADD_NODE,
	OP_REMOVE,
	OP_RESERVE,
	OP_PHYS_FREE,
	OP_FREE_VIRT,
	OP_PHYSMEM_ADD,
	OP_MARK_HOTPLUG,
	OP_CLEAR_HOTPLUG,
	OP_MARK_MIRROR,
	OP_MARK_NOMAP,
	OP_CLEAR_NOMAP,
	OP_SET_NODE_MEMORY,
	OP_SET_NODE_RESERVED,
	OP_FIND,
	OP_ALLOC_RANGE_NID,
	OP_PHYS_ALLOC_RANGE,
	OP_PHYS_ALLOC_TRY_NID,
	OP_PHYS_ALLOC,
	OP_ALLOC_TRY_NID,
	OP_ALLOC_TRY_NID_RAW,
	OP_ALLOC_EXACT_NID_RAW,
	OP_ALLOC,
	OP_ALLOC_RAW,
	OP_ALLOC_FROM,
	OP_ALLOC_LOW,
	OP_ALLOC_NODE,
	OP_ENFORCE_MEMORY_LIMIT,
	OP_CAP_MEMORY_RANGE,
	OP_MEM_LIMIT_REMOVE_MAP,
	OP_TRIM_MEMORY,
	OP_SET_CURRENT_LIMIT,
	OP_SET_BOTTOM_UP,
	OP_ALLOW_RESIZE,
	OP_SET_MOVABLE_NODE,
	OP_SET_MIRRORED_KERNELCORE,
	OP_SET_TRIM_FIX_TOTAL, /* the corrected trim_memory accounting */
	OP_QUERY,	       /* a = addr, b = size: every point/range query */
	OP_ITERATE,	       /* nid, flags: every iterator, both directions */
	OP__COUNT
};

/** struct op - one call; which fields matter depends on @kind. */
struct op {
	enum op_kind kind;
	uint64_t a, b, c, d; /* base/size or size/align/start/end */
	int nid;
	unsigned flags; /* region flags; bool argument for the knobs */
};

/** struct hcfg - how a sequence's instance is set up. */
struct hcfg {
	const struct mb_profile *profile;
	unsigned nmem, nres, nphys; /* initial capacities (nphys 0 = none) */
	unsigned long fail_growth_after;
	bool strict; /* model without the core's documented deviations */
};

struct harness {
	struct hcfg cfg;
	struct memblock mb;
	struct model m;
	struct memblock_region *init_mem, *init_res, *init_phys;
	unsigned long ops;
	/* Linux's own arithmetic broke the table (wrapped trim_memory at the
	 * top of the address space, non-strict): later steps are skipped. */
	bool broken;
	char why[512]; /* first divergence, human readable */
};

/** harness_start - set up core + model per @cfg. */
void harness_start(struct harness *h, const struct hcfg *cfg);
/** harness_end - release everything (grown arrays included). */
void harness_end(struct harness *h);
/**
 * harness_step - run @op on both sides and compare return values, the
 * whole state and mb_check().
 * Return: true when they agree; false with h->why filled otherwise.
 */
bool harness_step(struct harness *h, const struct op *op);
/** harness_fail - record a divergence in h->why; returns false. */
bool harness_fail(struct harness *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/** harness_compare - compare the full state only (false + h->why). */
bool harness_compare(struct harness *h);
/** region_record_size - bytes per region in a grown kernel array. */
uint64_t region_record_size(const struct mb_profile *p);
/** op_print - @op as a C-like call into @buf. */
void op_print(const struct op *op, char *buf, size_t len);
/** cfg_print - the set-up as C-like calls into @buf. */
void cfg_print(const struct hcfg *cfg, char *buf, size_t len);
const char *op_name(enum op_kind k);
/** harness_dump - both sides' tables (for reports). */
void harness_dump(const struct harness *h, FILE *f);

#endif
