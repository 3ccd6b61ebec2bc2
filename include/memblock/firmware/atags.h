/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * 32-bit ARM boot data before device trees: the ATAG list a boot loader
 * leaves in memory, the kernel's meminfo banks, and the 32-bit ARM mem=
 * rule (mem=size[@start] defines banks instead of limiting memory).
 *
 * Freestanding. The ATAG buffer is untrusted: mb_atags_parse walks it
 * twice, first only validating, so a malformed list changes nothing.
 */
#ifndef MEMBLOCK_FIRMWARE_ATAGS_H
#define MEMBLOCK_FIRMWARE_ATAGS_H

#include <memblock/firmware/cmdline.h>
#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Tag values (arch/arm/include/uapi/asm/setup.h). */
#define MB_ATAG_NONE	0x00000000u
#define MB_ATAG_CORE	0x54410001u
#define MB_ATAG_MEM	0x54410002u
#define MB_ATAG_INITRD2 0x54420005u
#define MB_ATAG_CMDLINE 0x54410009u

/** MB_NR_BANKS - meminfo capacity (NR_BANKS, 16 on the seed's board). */
#ifndef MB_NR_BANKS
#define MB_NR_BANKS 16
#endif

/** struct membank - one bank of RAM (kernel field names). */
struct membank {
	mb_phys_t start;
	mb_phys_t size;
};

/** struct meminfo - the banks, in the order they were found. */
struct meminfo {
	int nr_banks;
	struct membank bank[MB_NR_BANKS];
};

/** struct mb_atags - what an ATAG list says. */
struct mb_atags {
	unsigned ntags; /* tags walked, ATAG_NONE included */
	bool has_core;
	uint32_t core_flags, core_pagesize, core_rootdev;
	struct meminfo meminfo; /* ATAG_MEM banks (arm_add_memory rules) */
	unsigned mem_tags;	/* ATAG_MEM tags seen (kept or not) */
	bool has_initrd;
	mb_phys_t initrd_start, initrd_size;
	const char *cmdline; /* NUL-terminated inside the buffer, or NULL */
};

/**
 * mb_atags_parse - parse the ATAG list in @buf (@len bytes).
 * @mb: the instance whose profile (page size, address width) applies and
 *      whose print hook receives the kernel's messages; not modified
 * @out: filled only on success
 *
 * The list must start with ATAG_CORE and end with ATAG_NONE inside @len;
 * every tag's size must cover its header and its payload, and stay inside
 * the buffer. Unknown tags are skipped ("Ignoring unrecognised tag").
 * Return: 0; -MB_ENOENT when the first tag is not ATAG_CORE;
 * -MB_EINVAL for a malformed list (zero/short size, a tag running past
 * the end, no ATAG_NONE, command line without its NUL).
 */
int mb_atags_parse(const struct memblock *mb, const void *buf, size_t len,
		   struct mb_atags *out);

/**
 * mb_meminfo_add - arm_add_memory into meminfo banks: start rounded up to
 * a page, size down; on 32-bit profiles memory beyond 4 GiB is dropped or
 * truncated ("Truncating memory at 0x%08llx to fit in 32-bit physical
 * address space"); empty banks dropped; a full table refuses with
 * "Ignoring memory bank 0x%08llx size %dKB".
 * Return: 0 added, -MB_EINVAL dropped, -MB_ENOSPC table full.
 */
int mb_meminfo_add(const struct memblock *mb, struct meminfo *mi,
		   mb_phys_t start, mb_phys_t size);

/**
 * mb_meminfo_register - arm_memblock_init's first step: sort the banks by
 * start and mb_add each one.
 * Return: 0, or -MB_ENOMEM (checked before any change) when the memory
 * table cannot take them.
 */
int mb_meminfo_register(struct memblock *mb, struct meminfo *mi);

/** struct mb_arm_mem_state - remembers whether a mem= was seen already. */
struct mb_arm_mem_state {
	bool usermem;
};

/**
 * mb_meminfo_early_mem - 32-bit ARM mem=size[@start] on meminfo banks
 * (ATAG boots): the first one clears every bank, each adds one bank at
 * @range->start (default @phys_offset).
 */
int mb_meminfo_early_mem(const struct memblock *mb, struct meminfo *mi,
			 struct mb_arm_mem_state *st, mb_phys_t phys_offset,
			 const struct mb_cmdline_range *range);

/**
 * mb_arm_add_memory - Linux 6.1's arm_add_memory straight into memblock:
 * page alignment, 32-bit limits as above, memory below @phys_offset
 * ignored ("Ignoring memory below PHYS_OFFSET: ..."), then mb_add.
 * Return: 0 added, -MB_EINVAL ignored, or an mb_add error.
 */
int mb_arm_add_memory(struct memblock *mb, mb_phys_t phys_offset,
		      mb_phys_t start, mb_phys_t size);

/**
 * mb_arm_early_mem - Linux 6.1's 32-bit ARM mem=size[@start] on a
 * device-tree boot: the first one removes all memory (traced
 * memblock_remove of [start of DRAM, end of DRAM)), each adds its range
 * through mb_arm_add_memory (traced memblock_add).
 */
int mb_arm_early_mem(struct memblock *mb, struct mb_arm_mem_state *st,
		     mb_phys_t phys_offset,
		     const struct mb_cmdline_range *range);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_FIRMWARE_ATAGS_H */
