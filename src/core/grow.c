/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Table growth: a full table doubles into an array allocated from memblock
 * itself (memblock_double_array).
 *
 * Sequence (as the x86_1G_memmap130_double.log shows it): search, print
 * "<name> is doubled to <new> at [a-b]" (b = a + new entries * record size
 * - 1, not page rounded), copy, switch, free the old array unless it is
 * the initial one, then reserve the new array's page-rounded range with
 * the memblock_double_array caller.
 */
#include "internal.h"

mb_phys_t *mbi_array_phys(struct memblock *mb, struct memblock_type *type)
{
	if (type == &mb->memory)
		return &mb->memory_array_phys;
	if (type == &mb->reserved)
		return &mb->reserved_array_phys;
	return &mb->physmem_array_phys;
}

/* %pS of the growth's own reserve/free, per kernel build (from logs). */
static const char *double_caller(const struct memblock *mb)
{
	const char *n = mb->profile.name ? mb->profile.name : "";

	/* x86_1G_memmap130_double.log lines 433 and 1646 */
	if (mb->style == MB_STYLE_LINUX_6 && n[0] == 'x' && n[1] == '8' &&
	    n[2] == '6' && n[3] == '_' && n[4] == '6' && n[5] == '4' && !n[6])
		return "memblock_double_array+0x211/0x249";
	return "memblock_double_array";
}

static void trace_double(struct memblock *mb, enum mb_event_kind kind,
			 struct memblock_type *type, mb_phys_t addr,
			 mb_phys_t bytes)
{
	struct mb_event ev = {0};

	ev.kind = kind;
	ev.name = type->name;
	ev.old_max = type->max;
	ev.new_max = type->max * 2;
	ev.base = addr;
	ev.size = bytes;
	ev.caller_kind = MB_CALLER_SYMBOL;
	ev.caller_sym = double_caller(mb);
	mb__trace(mb, &ev);
}

/*
 * Would freeing the old array [old_phys, +old_alloc) (when grown) and then
 * reserving the new one make the reserved table grow? Removal isolates
 * first, which wants two free slots whatever the range; the reserve of
 * free memory adds one region unless reserved is empty.
 */
static bool reserved_must_grow(const struct memblock *mb, mb_phys_t old_phys,
			       mb_phys_t old_alloc)
{
	const struct memblock_type *res = &mb->reserved;
	unsigned long cnt = res->cnt;
	bool empty = res->regions[0].size == 0;

	if (old_phys) {
		long i = mbi_search(res, old_phys);

		if (cnt + 2 > res->max)
			return true;
		if (i >= 0) {
			const struct memblock_region *r = &res->regions[i];
			bool lo = r->base < old_phys;
			bool hi = r->base + r->size > old_phys + old_alloc;

			if (lo && hi)
				cnt++;
			else if (!lo && !hi && cnt == 1)
				empty = true;
			else if (!lo && !hi)
				cnt--;
		}
	}
	return !empty && cnt + 1 > res->max;
}

/* Where the new array goes; 0 when nowhere (or failure injected). */
static mb_phys_t find_new_array(struct memblock *mb, struct memblock_type *type,
				mb_phys_t bytes, mb_phys_t pb, mb_phys_t ps)
{
	mb_phys_t limit = mb->current_limit;
	mb_phys_t page = mb->profile.page_size;
	mb_phys_t addr;

	mb->growth_count++;
	if (mb->fail_growth_after && mb->growth_count >= mb->fail_growth_after)
		return 0;
	/* only the reserved table has a pending range to keep clear of */
	if (type != &mb->reserved)
		pb = ps = 0;
	addr = mbi_find_in_range(mb, pb + ps, limit, bytes, page);
	/*
	 * Below the range. As in Linux, an end of 0 or 1 means
	 * "current_limit" to the search, so for a range starting at 0 the
	 * array may land inside the range (add_range recounts its pieces;
	 * a removal then drops the array's reservation, as Linux does).
	 */
	if (!addr && ps)
		addr = mbi_find_in_range(mb, 0, mbi_min(pb, limit), bytes,
					 page);
	return addr;
}

/**
 * mbi_double_array - double @type's capacity. [@pb, @pb + @ps) is the
 * range the caller is about to add to or remove from @type; when @type is
 * reserved the new array avoids it (above it first, then below).
 * Return: 0, or -MB_ENOMEM with nothing changed (growth not allowed, no
 * room, or the environment could not map the array).
 */
int mbi_double_array(struct memblock *mb, struct memblock_type *type,
		     mb_phys_t pb, mb_phys_t ps)
{
	const size_t rsz = sizeof(struct memblock_region);
	unsigned long old_max = type->max, new_max = type->max * 2;
	mb_phys_t rec = mbi_region_record_size(mb);
	mb_phys_t new_bytes = new_max * rec;
	mb_phys_t old_alloc = mbi_page_align(mb, old_max * rec);
	mb_phys_t new_alloc = mbi_page_align(mb, new_bytes);
	mb_phys_t *slot = mbi_array_phys(mb, type);
	struct memblock_region *new_array = NULL, *old_array;
	mb_phys_t addr, old_phys;

	if (!mb->can_resize)
		return -MB_ENOMEM;
	addr = find_new_array(mb, type, new_alloc, pb, ps);
	if (addr && type != &mb->reserved &&
	    reserved_must_grow(mb, *slot, old_alloc)) {
		/*
		 * Linux grows reserved in the middle (while freeing the old
		 * array or reserving the new one) and cannot fail there. To
		 * stay all-or-nothing, grow it first here, keeping clear of
		 * the array just found. Only happens when reserved is full.
		 */
		while (reserved_must_grow(mb, *slot, old_alloc))
			if (mbi_double_array(mb, &mb->reserved, addr,
					     new_alloc) < 0)
				return -MB_ENOMEM;
	}
	if (addr)
		new_array = mb->env.table_alloc
				    ? mb->env.table_alloc(mb->env.ctx, addr,
							  new_max)
				    : mb_phys_to_virt(mb, addr);
	if (!new_array) {
		trace_double(mb, MB_EV_DOUBLE_FAILED, type, 0, 0);
		return -MB_ENOMEM;
	}
	trace_double(mb, MB_EV_DOUBLED, type, addr, new_bytes);

	memcpy(new_array, type->regions, old_max * rsz);
	memset(new_array + old_max, 0, old_max * rsz);
	old_array = type->regions;
	old_phys = *slot;
	type->regions = new_array;
	type->max = new_max;
	*slot = addr;

	if (old_phys) {
		mbi_trace_range(mb, MB_EV_PHYS_FREE, old_phys, old_alloc,
				MB_CALLER_SYMBOL, 0, double_caller(mb));
		mbi_remove_range(mb, &mb->reserved, old_phys, old_alloc);
		if (mb->env.table_alloc && mb->env.table_free)
			mb->env.table_free(mb->env.ctx, old_array, old_max);
	}
	mbi_trace_range(mb, MB_EV_RESERVE, addr, new_alloc, MB_CALLER_SYMBOL, 0,
			double_caller(mb));
	mbi_add_range(mb, &mb->reserved, addr, new_alloc,
		      mb->profile.max_numnodes, MEMBLOCK_NONE);
	return 0;
}
