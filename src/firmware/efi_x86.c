/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86: the EFI memory map as e820 entries (the kernel never registers EFI
 * descriptors in memblock directly on x86), and the reservation of boot
 * services memory until the kernel has finished with EFI.
 */
#include <memblock/firmware/efi.h>

static bool is_ram_type(uint32_t type)
{
	switch (type) {
	case MB_EFI_LOADER_CODE:
	case MB_EFI_LOADER_DATA:
	case MB_EFI_BOOT_SERVICES_CODE:
	case MB_EFI_BOOT_SERVICES_DATA:
	case MB_EFI_CONVENTIONAL_MEMORY:
		return true;
	default:
		return false;
	}
}

uint32_t mb_efi_x86_e820_type(const struct mb_efi_md *md,
			      enum mb_efi_x86_rules rules, bool soft_reserve)
{
	if (is_ram_type(md->type)) {
		if (soft_reserve && (md->attribute & MB_EFI_MEMORY_SP))
			return MB_E820_SOFT_RESERVED;
		if (rules == MB_EFI_X86_ADD_EFI_MEMMAP &&
		    !(md->attribute & MB_EFI_MEMORY_WB))
			return MB_E820_RESERVED;
		return MB_E820_RAM;
	}
	switch (md->type) {
	case MB_EFI_ACPI_RECLAIM_MEMORY:
		return MB_E820_ACPI;
	case MB_EFI_ACPI_MEMORY_NVS:
		return MB_E820_NVS;
	case MB_EFI_UNUSABLE_MEMORY:
		return MB_E820_UNUSABLE;
	case MB_EFI_PERSISTENT_MEMORY:
		return MB_E820_PMEM;
	case MB_EFI_RESERVED_TYPE:
	case MB_EFI_RUNTIME_SERVICES_CODE:
	case MB_EFI_RUNTIME_SERVICES_DATA:
	case MB_EFI_MEMORY_MAPPED_IO:
	case MB_EFI_MEMORY_MAPPED_IO_PORT_SPACE:
	case MB_EFI_PAL_CODE:
		return MB_E820_RESERVED;
	default:
		/* the stub skips types it does not know; add_efi_memmap
		 * reserves them */
		return rules == MB_EFI_X86_ADD_EFI_MEMMAP ? MB_E820_RESERVED
							  : 0;
	}
}

int mb_efi_x86_to_e820(const struct mb_efi_map *map, struct mb_e820_table *t,
		       enum mb_efi_x86_rules rules, bool soft_reserve)
{
	uint32_t first = t->nr_entries;

	for (size_t i = 0; i < map->count; i++) {
		struct mb_efi_md md;
		struct mb_e820_entry *prev;
		uint32_t type;
		uint64_t size;

		mb_efi_map_get(map, i, &md);
		type = mb_efi_x86_e820_type(&md, rules, soft_reserve);
		if (!type)
			continue;
		size = md.num_pages << MB_EFI_PAGE_SHIFT;
		/* the stub extends its previous entry when this one follows
		 * it directly with the same type */
		prev = t->nr_entries > first ? &t->entries[t->nr_entries - 1]
					     : NULL;
		if (rules == MB_EFI_X86_STUB && prev && prev->type == type &&
		    prev->addr + prev->size == md.phys_addr) {
			prev->size += size;
			continue;
		}
		if (mb_e820_range_add(t, md.phys_addr, size, type)) {
			t->nr_entries = first; /* leave the table as it was */
			return -MB_ENOSPC;
		}
	}
	return 0;
}

/* Is [start, end) entirely covered by e820 entries of @type? */
static bool e820_mapped_all(const struct mb_e820_table *t, uint64_t start,
			    uint64_t end, uint32_t type)
{
	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct mb_e820_entry *e = &t->entries[i];

		if (e->type != type)
			continue;
		if (e->addr >= end || e->addr + e->size <= start)
			continue;
		/* entries are sorted: each covering one moves start on */
		if (e->addr <= start)
			start = e->addr + e->size;
		if (start >= end)
			return true;
	}
	return false;
}

int mb_efi_x86_reserve_boot_services(struct memblock *mb,
				     const struct mb_efi_map *map,
				     const struct mb_e820_table *e820,
				     mb_phys_t kernel_start,
				     mb_phys_t kernel_end,
				     const char *caller_sym, uint8_t *keep)
{
	for (size_t i = 0; i < map->count; i++) {
		struct mb_efi_md md;
		uint64_t start, size;
		bool taken;

		mb_efi_map_get(map, i, &md);
		if (keep)
			keep[i] = 0;
		if (md.type != MB_EFI_BOOT_SERVICES_CODE &&
		    md.type != MB_EFI_BOOT_SERVICES_DATA)
			continue;
		start = md.phys_addr;
		size = md.num_pages << MB_EFI_PAGE_SHIFT;
		/* someone else's reservation (page 0, the kernel...) must not
		 * be freed with the boot services later */
		taken = mb_is_region_reserved(mb, start, size);
		if (!taken) {
			int err;

			if (caller_sym)
				mb_set_next_caller(mb, caller_sym);
			err = mb_reserve(mb, start, size);
			if (err)
				return err;
			if (!(start + size > kernel_start &&
			      start <= kernel_end) &&
			    (!e820 || e820_mapped_all(e820, start, start + size,
						      MB_E820_RAM)))
				continue;
		}
		if (keep)
			keep[i] = 1;
	}
	return 0;
}
