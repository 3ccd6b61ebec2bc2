/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * UEFI memory map: descriptors read from raw bytes (the stride is the
 * firmware's descriptor size, never assumed to be 40), the kernel's
 * efi=debug text, and the two ways Linux 6.1 turns the map into memory:
 *
 *  - arm64 (reserve_regions): every cacheable descriptor is added to
 *    memblock, the ones that are not usable RAM are marked NOMAP, ACPI
 *    reclaim memory is also reserved;
 *  - x86: the map becomes an e820 table (the EFI stub's rules), and later
 *    efi_reserve_boot_services reserves the boot-services ranges.
 *
 * All input is untrusted: a map whose size is not a whole number of
 * descriptors, a descriptor size below 40 bytes, or a descriptor whose
 * range wraps past 2^64 is refused before anything is changed.
 */
#ifndef MEMBLOCK_FIRMWARE_EFI_H
#define MEMBLOCK_FIRMWARE_EFI_H

#include <memblock/firmware/e820.h>
#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** enum mb_efi_type - EFI memory types (UEFI spec values). */
enum mb_efi_type {
	MB_EFI_RESERVED_TYPE = 0,
	MB_EFI_LOADER_CODE = 1,
	MB_EFI_LOADER_DATA = 2,
	MB_EFI_BOOT_SERVICES_CODE = 3,
	MB_EFI_BOOT_SERVICES_DATA = 4,
	MB_EFI_RUNTIME_SERVICES_CODE = 5,
	MB_EFI_RUNTIME_SERVICES_DATA = 6,
	MB_EFI_CONVENTIONAL_MEMORY = 7,
	MB_EFI_UNUSABLE_MEMORY = 8,
	MB_EFI_ACPI_RECLAIM_MEMORY = 9,
	MB_EFI_ACPI_MEMORY_NVS = 10,
	MB_EFI_MEMORY_MAPPED_IO = 11,
	MB_EFI_MEMORY_MAPPED_IO_PORT_SPACE = 12,
	MB_EFI_PAL_CODE = 13,
	MB_EFI_PERSISTENT_MEMORY = 14,
	MB_EFI_MAX_MEMORY_TYPE = 15,
};

/* Attribute bits (UEFI spec). */
#define MB_EFI_MEMORY_UC	    0x1ULL
#define MB_EFI_MEMORY_WC	    0x2ULL
#define MB_EFI_MEMORY_WT	    0x4ULL
#define MB_EFI_MEMORY_WB	    0x8ULL
#define MB_EFI_MEMORY_UCE	    0x10ULL
#define MB_EFI_MEMORY_WP	    0x1000ULL
#define MB_EFI_MEMORY_RP	    0x2000ULL
#define MB_EFI_MEMORY_XP	    0x4000ULL
#define MB_EFI_MEMORY_NV	    0x8000ULL
#define MB_EFI_MEMORY_MORE_RELIABLE 0x10000ULL
#define MB_EFI_MEMORY_RO	    0x20000ULL
#define MB_EFI_MEMORY_SP	    0x40000ULL
#define MB_EFI_MEMORY_CPU_CRYPTO    0x80000ULL
#define MB_EFI_MEMORY_RUNTIME	    0x8000000000000000ULL

#define MB_EFI_PAGE_SHIFT 12
/** The fields of a descriptor take 40 bytes; firmware may use more. */
#define MB_EFI_DESC_MIN_SIZE 40

/** struct mb_efi_md - one decoded descriptor. */
struct mb_efi_md {
	uint32_t type;
	uint64_t phys_addr;
	uint64_t virt_addr;
	uint64_t num_pages;
	uint64_t attribute;
};

/** struct mb_efi_map - a map as the firmware handed it over. */
struct mb_efi_map {
	const unsigned char *buf;
	size_t size;	  /* bytes */
	size_t desc_size; /* stride */
	uint32_t desc_version;
	size_t count; /* size / desc_size */
};

/**
 * mb_efi_map_init - check and wrap a raw map (little-endian descriptors).
 * Return: 0; -MB_EINVAL for NULL @buf with a non-zero @size, @desc_size
 * below 40, or @size not a multiple of @desc_size (a truncated map);
 * -MB_ERANGE if a descriptor's pages overflow or its range wraps.
 */
int mb_efi_map_init(struct mb_efi_map *map, const void *buf, size_t size,
		    size_t desc_size, uint32_t desc_version);

/** mb_efi_map_get - decode descriptor @i (0 <= @i < count) into @md. */
void mb_efi_map_get(const struct mb_efi_map *map, size_t i,
		    struct mb_efi_md *md);

/** mb_efi_md_encode - write @md as a @desc_size-byte descriptor (extra
 *  bytes zeroed), for building maps in tests and loaders. */
void mb_efi_md_encode(void *buf, size_t desc_size, const struct mb_efi_md *md);

/** mb_efi_md_end - one past the last byte the descriptor covers. */
uint64_t mb_efi_md_end(const struct mb_efi_md *md);

/**
 * mb_efi_md_typeattr_format - the kernel's "[Type        |RUN|  |...|UC]"
 * text for @md into @buf. Return: @buf.
 */
char *mb_efi_md_typeattr_format(char *buf, size_t len,
				const struct mb_efi_md *md);

/** mb_efi_print_memmap - efi=debug on x86 (efi_print_memmap): one
 *  "efi: memNN: [...] range=[0x...-0x...] (NMB)" line per descriptor. */
void mb_efi_print_memmap(const struct memblock *mb,
			 const struct mb_efi_map *map);

/* ---- arm64 ---- */

/** struct mb_efi_arm64_opts - knobs of mb_efi_arm64_reserve_regions. */
struct mb_efi_arm64_opts {
	bool debug; /* efi=debug: print the map as it is processed */
	/* CONFIG_EFI_SOFT_RESERVE: EFI_MEMORY_SP RAM is added but NOMAP */
	bool soft_reserve;
	/* Where the map itself lies, reserved afterwards as efi_init does
	 * (page-rounded); map_size 0 = do not reserve. */
	mb_phys_t map_phys;
	size_t map_size;
	/* Adding memory goes through this hook when set (e.g. a device-tree
	 * front end's early_init_dt_add_memory_arch); else mb_add. */
	int (*add_memory)(void *ctx, struct memblock *mb, mb_phys_t base,
			  mb_phys_t size);
	void *add_ctx;
	/* %pS texts for the trace lines (NULL = core default). */
	const char *add_caller, *remove_caller, *reserve_caller;
	const char *map_reserve_caller;
};

/** mb_efi_is_memory - arm64 is_memory(): cacheable (WB, WT or WC). */
bool mb_efi_is_memory(const struct mb_efi_md *md);
/** mb_efi_is_usable_memory - RAM the kernel may map and use: loader,
 *  boot services, conventional, persistent and ACPI reclaim, with WB, and
 *  not special-purpose (EFI_MEMORY_SP) when @soft_reserve is on. */
bool mb_efi_is_usable_memory(const struct mb_efi_md *md, bool soft_reserve);

/**
 * mb_efi_arm64_reserve_regions - arm64's reserve_regions (+ the map's own
 * reservation from efi_init): print "efi: Processing EFI memory map:" (debug),
 * dump, drop all memory (memblock_remove(0, PHYS_ADDR_MAX)); per
 * descriptor: print it (debug), round to the kernel's pages, and if it is
 * memory add it, mark it NOMAP unless usable, reserve it if ACPI reclaim;
 * finally reserve the map itself when @opts gives its place. @opts may be
 * NULL (no debug, no soft reserve, mb_add, default callers).
 * Return: 0, the map's validation error (memblock untouched), or the first
 * memblock error.
 */
int mb_efi_arm64_reserve_regions(struct memblock *mb,
				 const struct mb_efi_map *map,
				 const struct mb_efi_arm64_opts *opts);

/* ---- x86 ---- */

/** enum mb_efi_x86_rules - which kernel path builds the e820 table. */
enum mb_efi_x86_rules {
	/* the EFI stub's setup_e820: RAM types become usable whatever their
	 * cache attributes; touching same-type ranges merge */
	MB_EFI_X86_STUB = 0,
	/* add_efi_memmap (do_add_efi_memmap): RAM types without WB become
	 * reserved; unknown types reserved */
	MB_EFI_X86_ADD_EFI_MEMMAP = 1,
};

/** mb_efi_x86_e820_type - the e820 type a descriptor becomes; 0 means
 *  "skipped" (the stub ignores unknown types). */
uint32_t mb_efi_x86_e820_type(const struct mb_efi_md *md,
			      enum mb_efi_x86_rules rules, bool soft_reserve);

/**
 * mb_efi_x86_to_e820 - append the map to @t following @rules (the caller
 * sanitizes afterwards, as the kernel does).
 * Return: 0, the map's validation error, or -MB_ENOSPC (@t unchanged).
 */
int mb_efi_x86_to_e820(const struct mb_efi_map *map, struct mb_e820_table *t,
		       enum mb_efi_x86_rules rules, bool soft_reserve);

/**
 * mb_efi_x86_reserve_boot_services - efi_reserve_boot_services: reserve
 * every boot-services range nobody reserved before. A range that was
 * already (partly) reserved, overlaps [@kernel_start, @kernel_end) or is
 * not all usable RAM in @e820 must not be freed later: @keep[i] (if
 * @keep is non-NULL, one byte per descriptor) is set to 1 for it (the
 * kernel tags it EFI_MEMORY_RUNTIME).
 * Return: 0, the map's validation error, or the first memblock error.
 */
int mb_efi_x86_reserve_boot_services(struct memblock *mb,
				     const struct mb_efi_map *map,
				     const struct mb_e820_table *e820,
				     mb_phys_t kernel_start,
				     mb_phys_t kernel_end,
				     const char *caller_sym, uint8_t *keep);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_FIRMWARE_EFI_H */
