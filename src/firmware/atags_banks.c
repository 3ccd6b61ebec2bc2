/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * 32-bit ARM memory banks: arm_add_memory's rules, in the meminfo form of
 * ATAG boots and in Linux 6.1's memblock form, and the ARM mem= option.
 */
#include <memblock/firmware/atags.h>

#define LIMIT_32 0xffffffffULL /* ULONG_MAX of a 32-bit kernel */

/*
 * The part of [start, start + size) that arm_add_memory keeps before the
 * PHYS_OFFSET rule: start rounded up to a page, and on a 32-bit profile
 * nothing at or above 4 GiB. Return false when nothing is left.
 */
static bool trim_bank(const struct memblock *mb, mb_phys_t *pstart,
		      mb_phys_t *psize)
{
	const mb_phys_t page = mb->profile.page_size;
	mb_phys_t start = *pstart, size = *psize;
	mb_phys_t aligned = (start + page - 1) & ~(page - 1);

	if (aligned < start) /* no page boundary above start */
		return false;
	if (size < aligned - start)
		size = 0;
	else
		size -= aligned - start;
	if (mb->profile.phys_bits <= 32) {
		if (aligned > LIMIT_32) {
			mb_printf(mb,
				  "Ignoring memory at 0x%08llx outside 32-bit "
				  "physical address space",
				  (unsigned long long)start);
			return false;
		}
		if (size > LIMIT_32 - aligned) {
			mb_printf(mb,
				  "Truncating memory at 0x%08llx to fit in "
				  "32-bit physical address space",
				  (unsigned long long)start);
			/* end stays representable: a page is lost */
			size = LIMIT_32 - aligned;
		}
	}
	*pstart = aligned;
	*psize = size;
	return true;
}

int mb_meminfo_add(const struct memblock *mb, struct meminfo *mi,
		   mb_phys_t start, mb_phys_t size)
{
	struct membank *b;

	if (mi->nr_banks < 0 || mi->nr_banks >= MB_NR_BANKS) {
		mb_printf(mb, "Ignoring memory bank 0x%08llx size %dKB",
			  (unsigned long long)start, (int)(size >> 10));
		return -MB_ENOSPC;
	}
	if (!trim_bank(mb, &start, &size))
		return -MB_EINVAL;
	size &= ~(mb->profile.page_size - 1);
	if (!size)
		return -MB_EINVAL;
	b = &mi->bank[mi->nr_banks++];
	b->start = start;
	b->size = size;
	return 0;
}

int mb_meminfo_register(struct memblock *mb, struct meminfo *mi)
{
	unsigned long used;

	if (mi->nr_banks < 0 || mi->nr_banks > MB_NR_BANKS)
		return -MB_EINVAL;
	used = (mb->memory.cnt == 1 && mb->memory.regions[0].size == 0)
		       ? 0
		       : mb->memory.cnt;
	if (!mb->can_resize &&
	    used + (unsigned long)mi->nr_banks > mb->memory.max)
		return -MB_ENOMEM;
	/* sort by start (insertion sort: at most NR_BANKS entries) */
	for (int i = 1; i < mi->nr_banks; i++) {
		struct membank cur = mi->bank[i];
		int j = i;

		for (; j > 0 && mi->bank[j - 1].start > cur.start; j--)
			mi->bank[j] = mi->bank[j - 1];
		mi->bank[j] = cur;
	}
	for (int i = 0; i < mi->nr_banks; i++) {
		int err = mb_add(mb, mi->bank[i].start, mi->bank[i].size);

		if (err)
			return err;
	}
	return 0;
}

int mb_meminfo_early_mem(const struct memblock *mb, struct meminfo *mi,
			 struct mb_arm_mem_state *st, mb_phys_t phys_offset,
			 const struct mb_cmdline_range *range)
{
	if (!st->usermem) {
		st->usermem = true;
		mi->nr_banks = 0;
	}
	return mb_meminfo_add(mb, mi,
			      range->has_start ? range->start : phys_offset,
			      range->size);
}

int mb_arm_add_memory(struct memblock *mb, mb_phys_t phys_offset,
		      mb_phys_t start, mb_phys_t size)
{
	if (!trim_bank(mb, &start, &size))
		return -MB_EINVAL;
	if (start < phys_offset) {
		if (size <= phys_offset - start) {
			mb_printf(mb,
				  "Ignoring memory below PHYS_OFFSET: "
				  "0x%08llx-0x%08llx",
				  (unsigned long long)start,
				  (unsigned long long)(start + size));
			return -MB_EINVAL;
		}
		mb_printf(
			mb,
			"Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx",
			(unsigned long long)start,
			(unsigned long long)phys_offset);
		size -= phys_offset - start;
		start = phys_offset;
	}
	size &= ~(mb->profile.page_size - 1);
	if (!size)
		return -MB_EINVAL;
	return mb_add(mb, start, size);
}

int mb_arm_early_mem(struct memblock *mb, struct mb_arm_mem_state *st,
		     mb_phys_t phys_offset,
		     const struct mb_cmdline_range *range)
{
	if (!st->usermem) {
		mb_phys_t lo = mb_start_of_DRAM(mb);
		int err;

		st->usermem = true;
		err = mb_remove(mb, lo, mb_end_of_DRAM(mb) - lo);
		if (err)
			return err;
	}
	return mb_arm_add_memory(mb, phys_offset,
				 range->has_start ? range->start : phys_offset,
				 range->size);
}
