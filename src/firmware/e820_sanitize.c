/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The e820 sanitizer. Every entry contributes a start and an end "change
 * point"; walking the sorted points while keeping the set of entries that
 * cover the current address, the type in force is the largest type of that
 * set. A new output entry begins wherever that type changes, so overlaps
 * resolve to the larger type value, neighbours of one type merge, and
 * holes and empty entries vanish. Persistent (PRAM) and soft-reserved
 * ranges are kept apart even when they touch: each one is a device.
 */
#include <memblock/firmware/e820.h>

#include "fw_mem.h"

struct change_point {
	uint64_t addr;
	uint32_t entry;	 /* index into the table */
	uint32_t is_end; /* starts sort before ends at the same address */
};

static bool cp_less(const struct change_point *a, const struct change_point *b)
{
	if (a->addr != b->addr)
		return a->addr < b->addr;
	return a->is_end < b->is_end;
}

static void sift_down(struct change_point *cp, size_t root, size_t n)
{
	for (;;) {
		size_t child = 2 * root + 1;
		struct change_point tmp;

		if (child >= n)
			return;
		if (child + 1 < n && cp_less(&cp[child], &cp[child + 1]))
			child++;
		if (!cp_less(&cp[root], &cp[child]))
			return;
		tmp = cp[root];
		cp[root] = cp[child];
		cp[child] = tmp;
		root = child;
	}
}

/* Heap sort: O(n log n) with no allocation, fine for thousands of points. */
static void sort_points(struct change_point *cp, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(cp, i, n);
	for (size_t end = n; end > 1; end--) {
		struct change_point tmp = cp[0];

		cp[0] = cp[end - 1];
		cp[end - 1] = tmp;
		sift_down(cp, 0, end - 1);
	}
}

static bool never_merge(uint32_t type)
{
	return type == MB_E820_PRAM || type == MB_E820_SOFT_RESERVED;
}

int mb_e820_sanitize(struct mb_e820_table *t)
{
	uint32_t cap = t->max_entries, n = t->nr_entries;
	struct change_point *cp;
	struct mb_e820_entry *out;
	uint32_t *active;
	size_t npoints = 0, nactive = 0, nout = 0;
	uint32_t last_type = 0;
	uint64_t last_addr = 0;

	if (!t->scratch || t->scratch_bytes < MB_E820_SCRATCH_BYTES(cap))
		return -MB_ENOMEM;
	for (uint32_t i = 0; i < n; i++)
		if (t->entries[i].addr + t->entries[i].size <
		    t->entries[i].addr)
			return -MB_EINVAL;

	/* scratch: 2*cap points (32 B each pair), cap outputs, cap indices */
	cp = t->scratch;
	out = (struct mb_e820_entry *)(cp + 2 * (size_t)cap);
	active = (uint32_t *)(out + cap);

	for (uint32_t i = 0; i < n; i++) {
		const struct mb_e820_entry *e = &t->entries[i];

		if (e->size == 0)
			continue;
		cp[npoints++] = (struct change_point){e->addr, i, 0};
		cp[npoints++] = (struct change_point){e->addr + e->size, i, 1};
	}
	sort_points(cp, npoints);

	for (size_t p = 0; p < npoints; p++) {
		uint32_t type = 0;

		if (!cp[p].is_end) {
			active[nactive++] = cp[p].entry;
		} else {
			for (size_t k = 0; k < nactive; k++) {
				if (active[k] == cp[p].entry) {
					active[k] = active[--nactive];
					break;
				}
			}
		}
		for (size_t k = 0; k < nactive; k++)
			if (t->entries[active[k]].type > type)
				type = t->entries[active[k]].type;
		if (type == last_type && !never_merge(type))
			continue;
		/* close the open entry; an empty one leaves its slot free */
		if (last_type) {
			out[nout].size = cp[p].addr - last_addr;
			if (out[nout].size != 0)
				nout++;
		}
		if (type) {
			if (nout >= cap)
				return -MB_ENOSPC;
			out[nout].addr = cp[p].addr;
			out[nout].type = type;
			last_addr = cp[p].addr;
		}
		last_type = type;
	}
	memcpy(t->entries, out, nout * sizeof(*out));
	t->nr_entries = (uint32_t)nout;
	return 0;
}
