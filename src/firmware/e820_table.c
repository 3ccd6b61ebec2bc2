/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * e820 table: storage, append, type names, printing, and the range edits
 * (update = retype, remove = cut out) with the kernel's splitting rules.
 */
#include <memblock/firmware/e820.h>

int mb_e820_table_init(struct mb_e820_table *t, struct mb_e820_entry *entries,
		       uint32_t cap, void *scratch, size_t scratch_bytes)
{
	if (!t)
		return -MB_EINVAL;
	t->nr_entries = 0;
	t->max_entries = 0;
	t->entries = NULL;
	t->scratch = scratch;
	t->scratch_bytes = scratch ? scratch_bytes : 0;
	if (!entries || cap == 0)
		return -MB_EINVAL;
	t->entries = entries;
	t->max_entries = cap;
	return 0;
}

int mb_e820_range_add(struct mb_e820_table *t, uint64_t addr, uint64_t size,
		      uint32_t type)
{
	struct mb_e820_entry *e;

	if (t->nr_entries >= t->max_entries)
		return -MB_ENOSPC;
	e = &t->entries[t->nr_entries++];
	e->addr = addr;
	e->size = size;
	e->type = type;
	return 0;
}

void mb_e820_format_type(char *buf, size_t len, uint32_t type)
{
	const char *name = NULL;

	switch (type) {
	case MB_E820_RAM:
	case MB_E820_RESERVED_KERN:
		name = "usable";
		break;
	case MB_E820_RESERVED:
		name = "reserved";
		break;
	case MB_E820_SOFT_RESERVED:
		name = "soft reserved";
		break;
	case MB_E820_ACPI:
		name = "ACPI data";
		break;
	case MB_E820_NVS:
		name = "ACPI NVS";
		break;
	case MB_E820_UNUSABLE:
		name = "unusable";
		break;
	case MB_E820_PMEM:
	case MB_E820_PRAM:
		mb_snprintf(buf, len, "persistent (type %u)", (unsigned)type);
		return;
	default:
		mb_snprintf(buf, len, "type %u", (unsigned)type);
		return;
	}
	mb_snprintf(buf, len, "%s", name);
}

void mb_e820_print(const struct memblock *mb, const struct mb_e820_table *t,
		   const char *who)
{
	char type[32];

	if (!mb)
		return;
	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct mb_e820_entry *e = &t->entries[i];

		mb_e820_format_type(type, sizeof(type), e->type);
		mb_printf(mb, "%s: [mem %#018llx-%#018llx] %s", who,
			  (unsigned long long)e->addr,
			  (unsigned long long)(e->addr + e->size - 1), type);
	}
}

/* The kernel cuts a size that would pass 2^64 so that end is 2^64 - 1. */
static uint64_t clamp_end(uint64_t start, uint64_t size)
{
	if (size > UINT64_MAX - start)
		size = UINT64_MAX - start;
	return start + size;
}

/* How many entries an edit of [start, end) appends: 2 for an entry that
 * strictly contains the range (update: the new piece and the tail; remove:
 * the tail only), 1 for a partial overlap (update only). */
static uint32_t appends_needed(const struct mb_e820_table *t, uint64_t start,
			       uint64_t end, uint32_t type, bool check_type,
			       bool is_update)
{
	uint32_t need = 0;

	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct mb_e820_entry *e = &t->entries[i];
		uint64_t e_end = e->addr + e->size;

		if (check_type && e->type != type)
			continue;
		if (e->addr >= start && e_end <= end)
			continue;
		if (e->addr < start && e_end > end)
			need += is_update ? 2 : 1;
		else if (is_update && (e->addr > start ? e->addr : start) <
					      (e_end < end ? e_end : end))
			need += 1;
	}
	return need;
}

static void print_edit(const struct memblock *mb, const char *what,
		       uint64_t start, uint64_t end, const uint32_t *old_type,
		       const uint32_t *new_type)
{
	char from[32] = "", to[32] = "";

	if (!mb)
		return;
	if (old_type)
		mb_e820_format_type(from, sizeof(from), *old_type);
	if (new_type) {
		mb_e820_format_type(to, sizeof(to), *new_type);
		mb_printf(mb, "e820: %s [mem %#010llx-%#010llx] %s ==> %s",
			  what, (unsigned long long)start,
			  (unsigned long long)(end - 1), from, to);
		return;
	}
	mb_printf(mb, "e820: %s [mem %#010llx-%#010llx] %s", what,
		  (unsigned long long)start, (unsigned long long)(end - 1),
		  from);
}

int mb_e820_range_update(const struct memblock *mb, struct mb_e820_table *t,
			 uint64_t start, uint64_t size, uint32_t old_type,
			 uint32_t new_type, uint64_t *updated)
{
	uint64_t end = clamp_end(start, size), done = 0;
	uint32_t n = t->nr_entries;

	if (updated)
		*updated = 0;
	if (old_type == new_type)
		return -MB_EINVAL;
	print_edit(mb, "update", start, end, &old_type, &new_type);
	if (appends_needed(t, start, end, old_type, true, true) >
	    t->max_entries - t->nr_entries)
		return -MB_ENOSPC;
	/* Entries appended below carry new_type or lie past end: the walk
	 * over the first n entries sees everything it must. */
	for (uint32_t i = 0; i < n; i++) {
		struct mb_e820_entry *e = &t->entries[i];
		uint64_t e_end = e->addr + e->size, lo, hi;

		if (e->type != old_type)
			continue;
		if (e->addr >= start && e_end <= end) {
			e->type = new_type;
			done += e->size;
			continue;
		}
		if (e->addr < start && e_end > end) {
			mb_e820_range_add(t, start, end - start, new_type);
			mb_e820_range_add(t, end, e_end - end, e->type);
			e->size = start - e->addr;
			done += end - start;
			continue;
		}
		lo = e->addr > start ? e->addr : start;
		hi = e_end < end ? e_end : end;
		if (lo >= hi)
			continue;
		mb_e820_range_add(t, lo, hi - lo, new_type);
		done += hi - lo;
		e->size -= hi - lo;
		if (e->addr >= lo)
			e->addr = hi;
	}
	if (updated)
		*updated = done;
	return 0;
}

int mb_e820_range_remove(const struct memblock *mb, struct mb_e820_table *t,
			 uint64_t start, uint64_t size, uint32_t old_type,
			 bool check_type, uint64_t *removed)
{
	uint64_t end = clamp_end(start, size), done = 0;
	uint32_t n = t->nr_entries;

	if (removed)
		*removed = 0;
	print_edit(mb, "remove", start, end, check_type ? &old_type : NULL,
		   NULL);
	if (appends_needed(t, start, end, old_type, check_type, false) >
	    t->max_entries - t->nr_entries)
		return -MB_ENOSPC;
	for (uint32_t i = 0; i < n; i++) {
		struct mb_e820_entry *e = &t->entries[i];
		uint64_t e_end = e->addr + e->size, lo, hi;

		if (check_type && e->type != old_type)
			continue;
		if (e->addr >= start && e_end <= end) {
			done += e->size;
			e->addr = 0;
			e->size = 0;
			e->type = 0;
			continue;
		}
		if (e->addr < start && e_end > end) {
			mb_e820_range_add(t, end, e_end - end, e->type);
			e->size = start - e->addr;
			done += end - start;
			continue;
		}
		lo = e->addr > start ? e->addr : start;
		hi = e_end < end ? e_end : end;
		if (lo >= hi)
			continue;
		done += hi - lo;
		e->size -= hi - lo;
		if (e->addr >= lo)
			e->addr = hi;
	}
	if (removed)
		*removed = done;
	return 0;
}
