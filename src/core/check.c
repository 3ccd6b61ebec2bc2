/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mb_check: the invariants every operation keeps, in one O(n) pass per
 * table.
 */
#include "internal.h"

static int fail(const char **what, const char *text)
{
	if (what)
		*what = text;
	return -MB_EINVAL;
}

static int check_type(const struct memblock *mb,
		      const struct memblock_type *type, mb_phys_t slack,
		      const char **what)
{
	mb_phys_t sum = 0, max = mbi_addr_max(mb);

	if (type->cnt < 1)
		return fail(what, "cnt is 0");
	if (type->cnt > type->max)
		return fail(what, "cnt above max");
	if (type->regions[0].size == 0) {
		if (type->cnt != 1 || type->regions[0].base != 0 ||
		    type->regions[0].flags != 0)
			return fail(what, "empty table is not the dummy entry");
	}
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (type->cnt > 1 && r->size == 0)
			return fail(what, "region of size 0");
		if (r->base > max || r->size > max - r->base)
			return fail(what, "region passes PHYS_ADDR_MAX");
		if (i > 0) {
			const struct memblock_region *p = r - 1;
			mb_phys_t pend = p->base + p->size;

			if (pend > r->base)
				return fail(what,
					    "regions unsorted or overlap");
			if (pend == r->base && p->flags == r->flags &&
			    mbi_region_nid(mb, p) == mbi_region_nid(mb, r))
				return fail(what, "touching equal neighbours "
						  "not merged");
		}
		sum += r->size;
	}
	if (type->total_size != sum + slack)
		return fail(what, "total_size differs from the sum");
	return 0;
}

/* A grown array must lie inside one reserved region (page rounded). */
static int check_array(const struct memblock *mb,
		       const struct memblock_type *type, mb_phys_t phys,
		       const char **what)
{
	mb_phys_t bytes;
	long i;

	if (!phys)
		return 0;
	bytes = mbi_page_align(mb, type->max * mbi_region_record_size(mb));
	i = mbi_search(&mb->reserved, phys);
	if (i < 0 ||
	    mb->reserved.regions[i].base + mb->reserved.regions[i].size <
		    phys + bytes)
		return fail(what, "grown array not reserved");
	return 0;
}

/** mb_check - see the header. Return: 0 or -MB_EINVAL (*@what says why). */
int mb_check(const struct memblock *mb, const char **what)
{
	int ret;

	if (what)
		*what = NULL;
	ret = check_type(mb, &mb->memory, mb->memory_total_slack, what);
	if (!ret)
		ret = check_type(mb, &mb->reserved, 0, what);
	if (!ret && mb->physmem.max)
		ret = check_type(mb, &mb->physmem, 0, what);
	if (!ret)
		ret = check_array(mb, &mb->memory, mb->memory_array_phys, what);
	if (!ret)
		ret = check_array(mb, &mb->reserved, mb->reserved_array_phys,
				  what);
	if (!ret && mb->physmem.max)
		ret = check_array(mb, &mb->physmem, mb->physmem_array_phys,
				  what);
	return ret;
}
