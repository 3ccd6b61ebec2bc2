/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The x86 boot steps around the e820 table: setup_data, the command line's
 * edits, the BIOS-area trim and the registration in memblock.
 */
#include <memblock/firmware/e820.h>

#define ISA_START 0xa0000ULL  /* 640 KiB: legacy VGA and BIOS area ... */
#define ISA_END	  0x100000ULL /* ... up to 1 MiB */

static uint64_t page_size_of(const struct memblock *mb)
{
	return mb && mb->profile.page_size ? mb->profile.page_size : 4096;
}

int mb_e820_reserve_setup_data(const struct memblock *mb,
			       struct mb_e820_table *t,
			       struct mb_e820_table *kexec,
			       const struct mb_e820_entry *blobs, size_t n)
{
	int err;

	if (n == 0)
		return 0; /* no setup_data: the kernel prints nothing */
	for (size_t i = 0; i < n; i++) {
		err = mb_e820_range_update(mb, t, blobs[i].addr, blobs[i].size,
					   MB_E820_RAM, MB_E820_RESERVED_KERN,
					   NULL);
		if (err)
			return err;
		if (!kexec)
			continue;
		err = mb_e820_range_update(mb, kexec, blobs[i].addr,
					   blobs[i].size, MB_E820_RAM,
					   MB_E820_RESERVED_KERN, NULL);
		if (err)
			return err;
	}
	err = mb_e820_sanitize(t);
	if (err)
		return err;
	if (mb)
		mb_printf(mb, "extended physical RAM map:");
	mb_e820_print(mb, t, "reserve setup_data");
	return 0;
}

static int apply_op(const struct memblock *mb, struct mb_e820_table *t,
		    const struct mb_memmap_op *op)
{
	switch (op->kind) {
	case MB_MEMMAP_EXACTMAP:
		t->nr_entries = 0;
		return 0;
	case MB_MEMMAP_ADD:
		return mb_e820_range_add(t, op->start, op->size, op->type);
	case MB_MEMMAP_LIMIT:
		/* usable RAM from the limit to the top goes away */
		return mb_e820_range_remove(mb, t, op->size,
					    UINT64_MAX - op->size, MB_E820_RAM,
					    true, NULL);
	case MB_MEMMAP_UPDATE:
		return mb_e820_range_update(mb, t, op->start, op->size,
					    op->old_type, op->type, NULL);
	case MB_MEMMAP_REMOVE:
		return mb_e820_range_remove(mb, t, op->start, op->size,
					    op->old_type, op->old_type != 0,
					    NULL);
	}
	return -MB_EINVAL;
}

int mb_e820_apply_cmdline(const struct memblock *mb, struct mb_e820_table *t,
			  const struct mb_cmdline *cl)
{
	int err;

	if (!cl || cl->memmap_cnt == 0)
		return 0;
	for (size_t i = 0; i < cl->memmap_cnt; i++) {
		err = apply_op(mb, t, &cl->memmap[i]);
		if (err)
			return err;
	}
	err = mb_e820_sanitize(t);
	if (err)
		return err;
	if (mb)
		mb_printf(mb, "user-defined physical RAM map:");
	mb_e820_print(mb, t, "user");
	return 0;
}

int mb_e820_trim_bios_range(const struct memblock *mb, struct mb_e820_table *t)
{
	int err;

	/* the first page holds BIOS data: never RAM for the kernel */
	err = mb_e820_range_update(mb, t, 0, page_size_of(mb), MB_E820_RAM,
				   MB_E820_RESERVED, NULL);
	if (err)
		return err;
	err = mb_e820_range_remove(mb, t, ISA_START, ISA_END - ISA_START,
				   MB_E820_RAM, true, NULL);
	if (err)
		return err;
	return mb_e820_sanitize(t);
}

int mb_e820_memblock_setup(struct memblock *mb, const struct mb_e820_table *t,
			   const char *caller_sym)
{
	int err;

	mb_allow_resize(mb);
	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct mb_e820_entry *e = &t->entries[i];

		if (e->addr + e->size < e->addr)
			continue; /* wraps: cannot be described */
		if (e->type == MB_E820_SOFT_RESERVED) {
			if (caller_sym)
				mb_set_next_caller(mb, caller_sym);
			err = mb_reserve(mb, e->addr, e->size);
			if (err)
				return err;
		}
		if (e->type != MB_E820_RAM && e->type != MB_E820_RESERVED_KERN)
			continue;
		if (caller_sym)
			mb_set_next_caller(mb, caller_sym);
		err = mb_add(mb, e->addr, e->size);
		if (err)
			return err;
	}
	mb_trim_memory(mb, page_size_of(mb));
	mb_dump_all(mb);
	return 0;
}
