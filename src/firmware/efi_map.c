/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * UEFI memory map bytes: validation, decoding at the firmware's stride,
 * encoding (for tests and loaders) and the kernel's efi=debug text.
 */
#include <memblock/firmware/efi.h>

#include "fw_mem.h"

/* Field offsets inside a descriptor (UEFI spec, natural alignment). */
#define OFF_TYPE  0
#define OFF_PHYS  8
#define OFF_VIRT  16
#define OFF_PAGES 24
#define OFF_ATTR  32

static uint64_t get_le(const unsigned char *p, unsigned bytes)
{
	uint64_t v = 0;

	for (unsigned i = bytes; i-- > 0;)
		v = (v << 8) | p[i];
	return v;
}

static void put_le(unsigned char *p, unsigned bytes, uint64_t v)
{
	for (unsigned i = 0; i < bytes; i++, v >>= 8)
		p[i] = (unsigned char)(v & 0xff);
}

void mb_efi_map_get(const struct mb_efi_map *map, size_t i,
		    struct mb_efi_md *md)
{
	const unsigned char *p = map->buf + i * map->desc_size;

	md->type = (uint32_t)get_le(p + OFF_TYPE, 4);
	md->phys_addr = get_le(p + OFF_PHYS, 8);
	md->virt_addr = get_le(p + OFF_VIRT, 8);
	md->num_pages = get_le(p + OFF_PAGES, 8);
	md->attribute = get_le(p + OFF_ATTR, 8);
}

void mb_efi_md_encode(void *buf, size_t desc_size, const struct mb_efi_md *md)
{
	unsigned char *p = buf;

	memset(p, 0, desc_size);
	put_le(p + OFF_TYPE, 4, md->type);
	put_le(p + OFF_PHYS, 8, md->phys_addr);
	put_le(p + OFF_VIRT, 8, md->virt_addr);
	put_le(p + OFF_PAGES, 8, md->num_pages);
	put_le(p + OFF_ATTR, 8, md->attribute);
}

uint64_t mb_efi_md_end(const struct mb_efi_md *md)
{
	return md->phys_addr + (md->num_pages << MB_EFI_PAGE_SHIFT);
}

int mb_efi_map_init(struct mb_efi_map *map, const void *buf, size_t size,
		    size_t desc_size, uint32_t desc_version)
{
	memset(map, 0, sizeof(*map));
	if (size == 0)
		return 0; /* an empty map is valid: nothing to do */
	if (!buf || desc_size < MB_EFI_DESC_MIN_SIZE || size % desc_size)
		return -MB_EINVAL;
	map->buf = buf;
	map->size = size;
	map->desc_size = desc_size;
	map->desc_version = desc_version;
	map->count = size / desc_size;
	for (size_t i = 0; i < map->count; i++) {
		struct mb_efi_md md;

		mb_efi_map_get(map, i, &md);
		/* pages must fit in 64 bits once shifted, and not wrap */
		if (md.num_pages > (UINT64_MAX >> MB_EFI_PAGE_SHIFT) ||
		    mb_efi_md_end(&md) < md.phys_addr) {
			memset(map, 0, sizeof(*map));
			return -MB_ERANGE;
		}
	}
	return 0;
}

static const char *const type_names[MB_EFI_MAX_MEMORY_TYPE] = {
	"Reserved",  "Loader Code",  "Loader Data",  "Boot Code",
	"Boot Data", "Runtime Code", "Runtime Data", "Conventional",
	"Unusable",  "ACPI Reclaim", "ACPI Mem NVS", "MMIO",
	"MMIO Port", "PAL Code",     "Persistent",
};

#define KNOWN_ATTRS                                                            \
	(MB_EFI_MEMORY_UC | MB_EFI_MEMORY_WC | MB_EFI_MEMORY_WT |              \
	 MB_EFI_MEMORY_WB | MB_EFI_MEMORY_UCE | MB_EFI_MEMORY_RO |             \
	 MB_EFI_MEMORY_WP | MB_EFI_MEMORY_RP | MB_EFI_MEMORY_XP |              \
	 MB_EFI_MEMORY_NV | MB_EFI_MEMORY_SP | MB_EFI_MEMORY_CPU_CRYPTO |      \
	 MB_EFI_MEMORY_RUNTIME | MB_EFI_MEMORY_MORE_RELIABLE)

static const char *flag(uint64_t attr, uint64_t bit, const char *text)
{
	return attr & bit ? text : "";
}

char *mb_efi_md_typeattr_format(char *buf, size_t len,
				const struct mb_efi_md *md)
{
	uint64_t a = md->attribute;
	size_t n;

	if (!buf || len == 0)
		return buf;
	if (md->type < MB_EFI_MAX_MEMORY_TYPE)
		n = (size_t)mb_snprintf(buf, len, "[%-12s",
					type_names[md->type]);
	else
		n = (size_t)mb_snprintf(buf, len, "[type=%u",
					(unsigned)md->type);
	if (n >= len)
		return buf;
	if (a & ~KNOWN_ATTRS) {
		mb_snprintf(buf + n, len - n, "|attr=0x%016llx]",
			    (unsigned long long)a);
		return buf;
	}
	/*
	 * 6.1 prints nine two-letter columns between RUN and UCE (the real
	 * logs show them all blank); the ninth has no flag set here.
	 */
	mb_snprintf(buf + n, len - n,
		    "|%3s|%2s|%2s|%2s|%2s|%2s|%2s|%2s|%2s|%2s|%3s|%2s|%2s|%2s|"
		    "%2s]",
		    flag(a, MB_EFI_MEMORY_RUNTIME, "RUN"),
		    flag(a, MB_EFI_MEMORY_MORE_RELIABLE, "MR"), "",
		    flag(a, MB_EFI_MEMORY_CPU_CRYPTO, "CC"),
		    flag(a, MB_EFI_MEMORY_SP, "SP"),
		    flag(a, MB_EFI_MEMORY_NV, "NV"),
		    flag(a, MB_EFI_MEMORY_XP, "XP"),
		    flag(a, MB_EFI_MEMORY_RP, "RP"),
		    flag(a, MB_EFI_MEMORY_WP, "WP"),
		    flag(a, MB_EFI_MEMORY_RO, "RO"),
		    flag(a, MB_EFI_MEMORY_UCE, "UCE"),
		    flag(a, MB_EFI_MEMORY_WB, "WB"),
		    flag(a, MB_EFI_MEMORY_WT, "WT"),
		    flag(a, MB_EFI_MEMORY_WC, "WC"),
		    flag(a, MB_EFI_MEMORY_UC, "UC"));
	return buf;
}

void mb_efi_print_memmap(const struct memblock *mb,
			 const struct mb_efi_map *map)
{
	char text[80];

	if (!mb)
		return;
	for (size_t i = 0; i < map->count; i++) {
		struct mb_efi_md md;

		mb_efi_map_get(map, i, &md);
		mb_printf(mb,
			  "efi: mem%02u: %s range=[0x%016llx-0x%016llx] "
			  "(%lluMB)",
			  (unsigned)i,
			  mb_efi_md_typeattr_format(text, sizeof(text), &md),
			  (unsigned long long)md.phys_addr,
			  (unsigned long long)(mb_efi_md_end(&md) - 1),
			  (unsigned long long)(md.num_pages >>
					       (20 - MB_EFI_PAGE_SHIFT)));
	}
}
