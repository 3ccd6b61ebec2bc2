/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Adding and removing ranges: memblock_add/add_node/remove/reserve/
 * phys_free/free and physmem_add, plus the untraced workers the rest of
 * the core uses.
 */
#include "internal.h"

#define CALLER() ((uintptr_t)__builtin_return_address(0))

void mbi_trace_range(struct memblock *mb, enum mb_event_kind kind,
		     mb_phys_t base, mb_phys_t size,
		     enum mb_caller_kind caller_kind, uintptr_t caller,
		     const char *caller_sym)
{
	struct mb_event ev = {0};

	ev.kind = kind;
	ev.base = base;
	ev.size = size;
	ev.caller_kind = caller_kind;
	ev.caller = caller;
	ev.caller_sym = caller_sym;
	mb__trace(mb, &ev);
}

/*
 * Walk the parts of [base, end) not covered by @type, in ascending order.
 * With @insert false only count them; with @insert true also insert each
 * as a region (nid, flags). Return: the number of parts.
 */
static unsigned long add_pieces(struct memblock_type *type, mb_phys_t base,
				mb_phys_t end, int nid,
				enum memblock_flags flags, bool insert)
{
	unsigned long pieces = 0;
	unsigned long idx;

	for (idx = mbi_first_ending_after(type, base); idx < type->cnt; idx++) {
		const struct memblock_region *r = &type->regions[idx];
		mb_phys_t rbase = r->base, rend = r->base + r->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase > base) {
			/* the gap below this region is new */
			pieces++;
			if (insert)
				mbi_insert_region(type, idx++, base,
						  rbase - base, nid, flags);
		}
		base = mbi_min(rend, end);
	}
	if (base < end) {
		pieces++;
		if (insert)
			mbi_insert_region(type, idx, base, end - base, nid,
					  flags);
	}
	return pieces;
}

/**
 * mbi_add_range - add [base, base+size) to @type; only the parts not
 * already covered become regions (@nid, @flags). All or nothing.
 * Return: 0 or -MB_ENOMEM.
 */
int mbi_add_range(struct memblock *mb, struct memblock_type *type,
		  mb_phys_t base, mb_phys_t size, int nid,
		  enum memblock_flags flags)
{
	unsigned long pieces, real;

	size = mbi_cap_size(mb, base, size);
	if (!size)
		return 0;

	if (type->regions[0].size == 0) {
		/* empty table: the dummy becomes the range */
		type->regions[0].base = base;
		type->regions[0].size = size;
		type->regions[0].flags = flags;
		type->regions[0].nid = nid;
		type->total_size = size;
		if (type == &mb->memory)
			mb->memory_total_slack = 0;
		return 0;
	}

	pieces = add_pieces(type, base, base + size, nid, flags, false);
	if (!pieces)
		return 0;
	/*
	 * Room for every piece first, so that failure changes nothing.
	 * Like Linux, keep doubling on the count taken before growing (a
	 * growth may free an old array inside the range, or place the new
	 * one there, changing the real count). Unlike Linux, also make
	 * room for the real count, which Linux would overflow.
	 */
	real = pieces;
	while (type->cnt + pieces > type->max || type->cnt + real > type->max) {
		if (mbi_double_array(mb, type, base, size) < 0)
			return -MB_ENOMEM;
		real = add_pieces(type, base, base + size, nid, flags, false);
	}
	add_pieces(type, base, base + size, nid, flags, true);
	mbi_merge_regions(mb, type);
	return 0;
}

/**
 * mbi_remove_range - delete [base, base+size) from @type (parts that are
 * not in the table are ignored). Return: 0 or -MB_ENOMEM.
 */
int mbi_remove_range(struct memblock *mb, struct memblock_type *type,
		     mb_phys_t base, mb_phys_t size)
{
	unsigned long start_rgn, end_rgn;
	int ret;

	ret = mbi_isolate_range(mb, type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;
	while (end_rgn > start_rgn)
		mbi_remove_region(mb, type, --end_rgn);
	return 0;
}

/** mb_add - add RAM (no node, flags 0). Traced as memblock_add. */
int mb_add(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	mbi_trace_range(mb, MB_EV_ADD, base, size, MB_CALLER_ADDR, CALLER(),
			NULL);
	return mbi_add_range(mb, &mb->memory, base, size,
			     mb->profile.max_numnodes, MEMBLOCK_NONE);
}

/**
 * mb_add_node - add RAM on node @nid with @flags.
 * Return: 0, -MB_ENOMEM, or -MB_EINVAL for a nid outside
 * [-1, max_numnodes] (max_numnodes itself means "no node").
 */
int mb_add_node(struct memblock *mb, mb_phys_t base, mb_phys_t size, int nid,
		enum memblock_flags flags)
{
	struct mb_event ev = {0};

	ev.kind = MB_EV_ADD_NODE;
	ev.base = base;
	ev.size = size;
	ev.nid = nid;
	ev.flags = flags;
	ev.caller_kind = MB_CALLER_ADDR;
	ev.caller = CALLER();
	mb__trace(mb, &ev);
	if (nid < MB_NUMA_NO_NODE || nid > mb->profile.max_numnodes)
		return -MB_EINVAL;
	return mbi_add_range(mb, &mb->memory, base, size, nid, flags);
}

/** mb_remove - remove RAM. Traced as memblock_remove. */
int mb_remove(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	mbi_trace_range(mb, MB_EV_REMOVE, base, size, MB_CALLER_ADDR, CALLER(),
			NULL);
	return mbi_remove_range(mb, &mb->memory, base, size);
}

/** mb_reserve - mark a range in use. Traced as memblock_reserve. */
int mb_reserve(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	mbi_trace_range(mb, MB_EV_RESERVE, base, size, MB_CALLER_ADDR, CALLER(),
			NULL);
	return mbi_add_range(mb, &mb->reserved, base, size,
			     mb->profile.max_numnodes, MEMBLOCK_NONE);
}

/** mb_phys_free - release a reservation. Traced as memblock_phys_free. */
int mb_phys_free(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	mbi_trace_range(mb, MB_EV_PHYS_FREE, base, size, MB_CALLER_ADDR,
			CALLER(), NULL);
	return mbi_remove_range(mb, &mb->reserved, base, size);
}

/**
 * mb_free - release the reservation behind a virtual pointer (through
 * env.virt_to_phys). NULL is a no-op (nothing traced); traced as
 * memblock_phys_free with mb_free's caller.
 */
void mb_free(struct memblock *mb, void *ptr, size_t size)
{
	mb_phys_t base;

	if (!ptr)
		return;
	base = mb_virt_to_phys(mb, ptr);
	mbi_trace_range(mb, MB_EV_PHYS_FREE, base, size, MB_CALLER_ADDR,
			CALLER(), NULL);
	mbi_remove_range(mb, &mb->reserved, base, size);
}

/**
 * mb_physmem_add - add to the physmem table (untraced: the event set has
 * no kind for it). Return: -MB_EINVAL when the instance has no physmem.
 */
int mb_physmem_add(struct memblock *mb, mb_phys_t base, mb_phys_t size)
{
	if (!mb->physmem.max)
		return -MB_EINVAL;
	return mbi_add_range(mb, &mb->physmem, base, size,
			     mb->profile.max_numnodes, MEMBLOCK_NONE);
}
