/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Multiboot 1 and 2 memory maps -> e820-style tables.
 *
 * The loader's structures are read as little-endian bytes with every
 * length checked against the buffer: a truncated entry, a tag that runs
 * past the end, an entry size too small for its fields or a range that
 * wraps past 2^64 is an error, and the table is then left as it was.
 *
 * Types: the multiboot numbering (1 available, 3 ACPI reclaimable, 4 NVS,
 * 5 defective RAM) is e820's; every other value means reserved and becomes
 * MB_E820_RESERVED, as both specifications say.
 */
#ifndef MEMBLOCK_FIRMWARE_MULTIBOOT_H
#define MEMBLOCK_FIRMWARE_MULTIBOOT_H

#include <memblock/firmware/e820.h>
#include <memblock/firmware/efi.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Multiboot 1 info flags. */
#define MB_MULTIBOOT1_INFO_MEMORY  0x1	/* mem_lower / mem_upper valid */
#define MB_MULTIBOOT1_INFO_MEM_MAP 0x40 /* mmap_length / mmap_addr valid */
/* Multiboot 1 info: bytes up to and including mmap_addr. */
#define MB_MULTIBOOT1_INFO_MIN_SIZE 52

/* Multiboot 2 tag types used here. */
#define MB_MULTIBOOT2_TAG_END		0
#define MB_MULTIBOOT2_TAG_BASIC_MEMINFO 4
#define MB_MULTIBOOT2_TAG_MMAP		6
#define MB_MULTIBOOT2_TAG_EFI_MMAP	17

/** struct mb_multiboot1_info - the memory fields of a multiboot_info. */
struct mb_multiboot1_info {
	uint32_t flags;
	uint32_t mem_lower;   /* KiB from 0 */
	uint32_t mem_upper;   /* KiB from 1 MiB */
	uint32_t mmap_length; /* bytes */
	uint32_t mmap_addr;   /* physical address of the map */
};

/**
 * mb_multiboot1_parse_info - read the memory fields of a multiboot_info.
 * Return: 0, or -MB_EINVAL if @len is too short for the fields @flags
 * says are valid (12 bytes for mem_*, 52 for mmap_*).
 */
int mb_multiboot1_parse_info(const void *info, size_t len,
			     struct mb_multiboot1_info *out);

/**
 * mb_multiboot1_mmap_to_e820 - append a Multiboot 1 memory map (entries
 * "size, base_addr, length, type", each next entry @size + 4 bytes on).
 * Return: 0; -MB_EINVAL for an entry shorter than 20 bytes or running past
 * @len; -MB_ERANGE for a wrapping range; -MB_ENOSPC if @t is full.
 */
int mb_multiboot1_mmap_to_e820(const void *mmap, size_t len,
			       struct mb_e820_table *t);

/**
 * mb_multiboot1_to_e820 - the map if the info has one (@mmap: its bytes,
 * already located by the caller from mmap_addr), else the mem_lower /
 * mem_upper fallback: usable [0, mem_lower KiB) and
 * [1 MiB, 1 MiB + mem_upper KiB).
 * Return: as above, or -MB_ENOENT if the info has neither.
 */
int mb_multiboot1_to_e820(const struct mb_multiboot1_info *info,
			  const void *mmap, size_t mmap_len,
			  struct mb_e820_table *t);

/**
 * mb_multiboot2_to_e820 - walk a Multiboot 2 boot information block (its
 * total_size must fit in @len) and append the memory map tag (type 6); if
 * there is none, the basic meminfo tag (type 4) as for Multiboot 1.
 * Return: 0; -MB_EINVAL for a malformed block, tag or entry size;
 * -MB_ERANGE for a wrapping range; -MB_ENOSPC; -MB_ENOENT if neither tag.
 */
int mb_multiboot2_to_e820(const void *mbi, size_t len, struct mb_e820_table *t);

/**
 * mb_multiboot2_efi_mmap - find the EFI memory map tag (type 17) and wrap
 * its descriptors (see efi.h).
 * Return: 0, -MB_ENOENT if absent, or the block's / map's validation error.
 */
int mb_multiboot2_efi_mmap(const void *mbi, size_t len, struct mb_efi_map *map);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_FIRMWARE_MULTIBOOT_H */
