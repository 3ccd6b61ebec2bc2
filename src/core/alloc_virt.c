/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The virtual allocation family (memblock_alloc_try_nid and wrappers):
 * max lowered to current_limit, the lower bound retried as 0, result
 * through phys_to_virt, zeroed unless _raw.
 */
#include "internal.h"

#define CALLER() ((uintptr_t)__builtin_return_address(0))

struct virt_request {
	enum mb_event_kind kind;
	bool exact_nid;
	bool zero;
	bool nopanic; /* 4.x name: memblock_virt_alloc_try_nid_nopanic */
};

static const struct virt_request try_nid = {.kind = MB_EV_ALLOC_TRY_NID,
					    .zero = true};
static const struct virt_request try_nid_nopanic = {
	.kind = MB_EV_ALLOC_TRY_NID, .zero = true, .nopanic = true};
static const struct virt_request try_nid_raw = {
	.kind = MB_EV_ALLOC_TRY_NID_RAW};
static const struct virt_request exact_nid_raw = {
	.kind = MB_EV_ALLOC_EXACT_NID_RAW, .exact_nid = true};

/*
 * Run one request. env.phys_to_virt returning NULL means "not mapped":
 * the memory is not touched and the physical address is returned as the
 * pointer (simulators).
 */
static void *alloc_virt(struct memblock *mb, const struct virt_request *req,
			mb_phys_t size, mb_phys_t align, mb_phys_t min,
			mb_phys_t max, int nid, uintptr_t caller)
{
	struct mb_event ev = {0};
	mb_phys_t phys;
	void *virt;

	ev.kind = req->kind;
	ev.size = size;
	ev.align = align;
	ev.min = min;
	ev.max = max;
	ev.nid = nid;
	ev.nopanic = req->nopanic;
	ev.caller_kind = MB_CALLER_ADDR;
	ev.caller = caller;
	mb__trace(mb, &ev);

	if (max > mb->current_limit)
		max = mb->current_limit;
	phys = mbi_alloc_range_nid(mb, size, align, min, max, nid,
				   req->exact_nid, MB_CALLER_VIRT_ALLOC);
	if (!phys && min)
		phys = mbi_alloc_range_nid(mb, size, align, 0, max, nid,
					   req->exact_nid,
					   MB_CALLER_VIRT_ALLOC);
	if (!phys)
		return NULL;
	virt = mb_phys_to_virt(mb, phys);
	if (!virt)
		return (void *)(uintptr_t)phys;
	if (req->zero)
		memset(virt, 0, (size_t)size);
	return virt;
}

/** mb_alloc_try_nid - zeroed memory, node @nid preferred, in [min, max]
 *  (min is retried as 0; max 0 = current_limit). NULL on failure. */
void *mb_alloc_try_nid(struct memblock *mb, mb_phys_t size, mb_phys_t align,
		       mb_phys_t min, mb_phys_t max, int nid)
{
	return alloc_virt(mb, &try_nid, size, align, min, max, nid, CALLER());
}

/**
 * mb_alloc_try_nid_nopanic - mb_alloc_try_nid under its 4.x name: the same
 * search and result, traced as memblock_virt_alloc_try_nid_nopanic in the
 * 4.x style (the 6.x style prints memblock_alloc_try_nid).
 */
void *mb_alloc_try_nid_nopanic(struct memblock *mb, mb_phys_t size,
			       mb_phys_t align, mb_phys_t min, mb_phys_t max,
			       int nid)
{
	return alloc_virt(mb, &try_nid_nopanic, size, align, min, max, nid,
			  CALLER());
}

/** mb_alloc_try_nid_raw - as mb_alloc_try_nid, memory not zeroed. */
void *mb_alloc_try_nid_raw(struct memblock *mb, mb_phys_t size, mb_phys_t align,
			   mb_phys_t min, mb_phys_t max, int nid)
{
	return alloc_virt(mb, &try_nid_raw, size, align, min, max, nid,
			  CALLER());
}

/** mb_alloc_exact_nid_raw - as _raw, but only on node @nid. */
void *mb_alloc_exact_nid_raw(struct memblock *mb, mb_phys_t size,
			     mb_phys_t align, mb_phys_t min, mb_phys_t max,
			     int nid)
{
	return alloc_virt(mb, &exact_nid_raw, size, align, min, max, nid,
			  CALLER());
}

/** mb_alloc - zeroed, anywhere below current_limit. */
void *mb_alloc(struct memblock *mb, mb_phys_t size, mb_phys_t align)
{
	return alloc_virt(mb, &try_nid, size, align, 0, MB_ALLOC_ACCESSIBLE,
			  MB_NUMA_NO_NODE, CALLER());
}

/** mb_alloc_raw - not zeroed, anywhere below current_limit. */
void *mb_alloc_raw(struct memblock *mb, mb_phys_t size, mb_phys_t align)
{
	return alloc_virt(mb, &try_nid_raw, size, align, 0, MB_ALLOC_ACCESSIBLE,
			  MB_NUMA_NO_NODE, CALLER());
}

/** mb_alloc_from - zeroed, preferably at or above @min. */
void *mb_alloc_from(struct memblock *mb, mb_phys_t size, mb_phys_t align,
		    mb_phys_t min)
{
	return alloc_virt(mb, &try_nid, size, align, min, MB_ALLOC_ACCESSIBLE,
			  MB_NUMA_NO_NODE, CALLER());
}

/** mb_alloc_low - zeroed, below the profile's alloc_low_limit. */
void *mb_alloc_low(struct memblock *mb, mb_phys_t size, mb_phys_t align)
{
	return alloc_virt(mb, &try_nid, size, align, 0,
			  mb->profile.alloc_low_limit, MB_NUMA_NO_NODE,
			  CALLER());
}

/** mb_alloc_node - zeroed, node @nid preferred. */
void *mb_alloc_node(struct memblock *mb, mb_phys_t size, mb_phys_t align,
		    int nid)
{
	return alloc_virt(mb, &try_nid, size, align, 0, MB_ALLOC_ACCESSIBLE,
			  nid, CALLER());
}
