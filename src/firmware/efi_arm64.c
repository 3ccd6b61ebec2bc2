/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arm64: the EFI memory map replaces whatever the device tree said about
 * memory. Cacheable ranges become memblock memory; those the kernel must
 * not map (runtime services, MMIO that is cacheable, reserved) are NOMAP.
 */
#include <memblock/firmware/efi.h>

bool mb_efi_is_memory(const struct mb_efi_md *md)
{
	return (md->attribute &
		(MB_EFI_MEMORY_WB | MB_EFI_MEMORY_WT | MB_EFI_MEMORY_WC)) != 0;
}

bool mb_efi_is_usable_memory(const struct mb_efi_md *md, bool soft_reserve)
{
	switch (md->type) {
	case MB_EFI_LOADER_CODE:
	case MB_EFI_LOADER_DATA:
	case MB_EFI_ACPI_RECLAIM_MEMORY:
	case MB_EFI_BOOT_SERVICES_CODE:
	case MB_EFI_BOOT_SERVICES_DATA:
	case MB_EFI_CONVENTIONAL_MEMORY:
	case MB_EFI_PERSISTENT_MEMORY:
		/* special-purpose memory is set aside for its driver */
		if (soft_reserve && (md->attribute & MB_EFI_MEMORY_SP))
			return false;
		/* free after ExitBootServices, but only usable as RAM if
		 * it can be mapped write-back */
		return (md->attribute & MB_EFI_MEMORY_WB) != 0;
	default:
		return false;
	}
}

static void caller(struct memblock *mb, const char *sym)
{
	if (sym)
		mb_set_next_caller(mb, sym);
}

/* Round an EFI (4 KiB pages) range out to the kernel's page size. */
static void to_native_pages(const struct memblock *mb, mb_phys_t *addr,
			    mb_phys_t *size)
{
	mb_phys_t page = mb->profile.page_size ? mb->profile.page_size : 4096;
	mb_phys_t end = *addr + *size;
	mb_phys_t first = *addr & ~(page - 1);
	/* the map is validated: end does not wrap; round up may reach 2^64 */
	mb_phys_t last = (end + page - 1) & ~(page - 1);

	if (last < end)
		last = ~(page - 1);
	*addr = first;
	*size = last - first;
}

int mb_efi_arm64_reserve_regions(struct memblock *mb,
				 const struct mb_efi_map *map,
				 const struct mb_efi_arm64_opts *opts)
{
	static const struct mb_efi_arm64_opts none;
	const struct mb_efi_arm64_opts *o = opts ? opts : &none;
	char text[80];
	int err;

	if (o->debug)
		mb_printf(mb, "efi: Processing EFI memory map:");
	/* memory found so far came from the DT: UEFI's map replaces it */
	mb_dump_all(mb);
	caller(mb, o->remove_caller);
	err = mb_remove(mb, 0, mb_phys_addr_max(mb));
	if (err)
		return err;

	for (size_t i = 0; i < map->count; i++) {
		struct mb_efi_md md;
		mb_phys_t addr, size;

		mb_efi_map_get(map, i, &md);
		if (o->debug)
			mb_printf(mb, "efi:   0x%012llx-0x%012llx %s",
				  (unsigned long long)md.phys_addr,
				  (unsigned long long)(mb_efi_md_end(&md) - 1),
				  mb_efi_md_typeattr_format(text, sizeof(text),
							    &md));
		if (!mb_efi_is_memory(&md))
			continue;
		addr = md.phys_addr;
		size = md.num_pages << MB_EFI_PAGE_SHIFT;
		to_native_pages(mb, &addr, &size);

		caller(mb, o->add_caller);
		err = o->add_memory ? o->add_memory(o->add_ctx, mb, addr, size)
				    : mb_add(mb, addr, size);
		if (err)
			return err;
		if (!mb_efi_is_usable_memory(&md, o->soft_reserve)) {
			err = mb_mark_nomap(mb, addr, size);
			if (err)
				return err;
		}
		/* ACPI tables stay where they are, for kexec and friends */
		if (md.type == MB_EFI_ACPI_RECLAIM_MEMORY) {
			caller(mb, o->reserve_caller);
			err = mb_reserve(mb, addr, size);
			if (err)
				return err;
		}
	}

	if (o->map_size) {
		mb_phys_t page =
			mb->profile.page_size ? mb->profile.page_size : 4096;
		mb_phys_t off = o->map_phys & (page - 1);
		mb_phys_t len = (o->map_size + off + page - 1) & ~(page - 1);

		caller(mb, o->map_reserve_caller);
		return mb_reserve(mb, o->map_phys - off, len);
	}
	return 0;
}
