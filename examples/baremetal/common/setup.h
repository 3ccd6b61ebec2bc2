/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Firmware hand-off to memblock: the registration sequence of each example
 * kernel, in its architecture's order. Shared by the bare-metal kernels and
 * by the host reference tool (host/expect.c), which replays the same
 * sequence on the same input so the two dumps can be compared.
 */
#ifndef BAREMETAL_SETUP_H
#define BAREMETAL_SETUP_H

#include <memblock/firmware/cmdline.h>
#include <memblock/firmware/fdt.h>
#include <memblock/memblock.h>

enum setup_arch { SETUP_ARM32, SETUP_ARM64, SETUP_X86 };

/** struct kernel_layout - what the kernel reserves for itself. */
struct kernel_layout {
	mb_phys_t image_start, image_end; /* text .. end of bss */
	mb_phys_t stack_start, stack_end; /* boot stack, after the image */
	mb_phys_t phys_offset;		  /* ARM PHYS_OFFSET (RAM base) */
};

/** Capacity of the static region arrays (INIT_MEMBLOCK_REGIONS). */
#define SETUP_REGIONS 128

/** setup_profile - the built-in machine profile of @arch. */
const struct mb_profile *setup_profile(enum setup_arch arch);

/**
 * setup_init - mb_init() with static arrays of SETUP_REGIONS entries and
 * the profile of @arch. @env may be NULL.
 */
int setup_init(struct memblock *mb, struct memblock_region *memory,
	       struct memblock_region *reserved, enum setup_arch arch,
	       const struct mb_env *env);

/**
 * setup_cmdline - parse @line; memblock=debug turns tracing on. @cl gets
 * the result (cma=, mem=, ...). Return: 0 or the parser's error.
 */
int setup_cmdline(struct memblock *mb, struct mb_cmdline *cl, const char *line);

/**
 * setup_from_dt - the device-tree boot of @arch (ARM32 or ARM64): memory
 * and reservations from the blob at @blob_phys (@blob_size bytes readable
 * at @blob), the kernel's own image and
 * stack, NUMA nodes (arm64). @cl receives the parsed bootargs.
 * Return: 0 or a negative MB_E* code.
 */
int setup_from_dt(struct memblock *mb, struct mb_fdt *dt, enum setup_arch arch,
		  const void *blob, size_t blob_size, mb_phys_t blob_phys,
		  const struct kernel_layout *k, struct mb_cmdline *cl);

/**
 * setup_from_atags - 32-bit ARM ATAG boot through the library's ATAG front
 * end: ATAG_MEM banks, ATAG_CMDLINE (mem= rewrites the banks); @atags (at
 * most @len bytes) is a copy of the list. @cmdline receives the
 * command line (capacity @cmdline_len; "" without ATAG_CMDLINE).
 * Return: 0 or the front end's error (-MB_ENOENT: no ATAG_CORE first).
 */
int setup_from_atags(struct memblock *mb, const void *atags, size_t len,
		     const struct kernel_layout *k, struct mb_cmdline *cl,
		     char *cmdline, size_t cmdline_len);

/**
 * setup_from_multiboot_mmap - x86 multiboot 1 boot: @mmap (@len bytes) is
 * a copy of the multiboot memory map (e820 types), @cmdline the command
 * line. Through the e820 front end in setup_arch's order (sanitize, the
 * command line's mem=/memmap=, BIOS ranges, e820__memblock_setup), then
 * the kernel and the first MiB are reserved.
 * Return: 0 or a negative MB_E* code.
 */
int setup_from_multiboot_mmap(struct memblock *mb, const void *mmap, size_t len,
			      const char *cmdline,
			      const struct kernel_layout *k,
			      struct mb_cmdline *cl);

/** setup_reserve_kernel - reserve the image and the stack (two calls). */
int setup_reserve_kernel(struct memblock *mb, const struct kernel_layout *k);

#endif
