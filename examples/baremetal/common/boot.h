/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The boot flow every example kernel shares once its firmware hand-off has
 * been turned into memblock tables: allocations, bootmem, the hand-over to
 * the buddy allocator, page allocations, the summary and the exit.
 *
 * UART protocol read by examples/baremetal/check_uart.py (one item a line):
 *   baremetal: arch <arm32|arm64|x86> board ...
 *   baremetal: layout image 0x.. 0x.. stack 0x.. 0x.. phys_offset 0x..
 *   baremetal: input dtb 0x<phys> size 0x<n> fnv 0x<hash>   (DT boots)
 *   baremetal: input <atags|mmap|cmdline> <hex>   (other boots; repeated)
 *   baremetal: dump firmware      then memblock's dump (memblock=debug)
 *   baremetal: alloc 0x<base> 0x<size> <what>
 *   baremetal: bootmem bitmap 0x<base> 0x<size>   (bitmap back end only)
 *   baremetal: dump handover      then the dump right before the hand-over
 *   baremetal: handover <pages> pages backend <memblock|bitmap>
 *   baremetal: buddy free <pages> managed <pages>
 *   baremetal: page 0x<base> 0x<size> order <n>
 *   baremetal: summary ... result PASS|FAIL
 */
#ifndef BAREMETAL_BOOT_H
#define BAREMETAL_BOOT_H

#include "kernel.h"
#include "setup.h"

/** boot_env - the environment hooks of the kernels (UART lines, panic). */
const struct mb_env *boot_env(void);

/** boot_layout - the image and stack from the linker script. */
void boot_layout(struct kernel_layout *k);

/** boot_print_layout - the "baremetal: layout ..." line. */
void boot_print_layout(const struct kernel_layout *k);

/** boot_check - count a failed expectation and report it. */
void boot_check(bool ok, const char *what);

/**
 * boot_run - everything after the firmware registration (see above);
 * @setup_err is the registration's result. Never returns: exits QEMU with
 * 0 when every check held.
 */
void boot_run(struct memblock *mb, int setup_err) __attribute__((noreturn));

/**
 * boot_note_alloc - record, report ("baremetal: alloc ...") and verify one
 * allocation: in RAM, disjoint from the earlier ones, zeroed when @zeroed,
 * writable. @virt (when non-NULL) gives the address, else @phys.
 */
void boot_note_alloc(struct memblock *mb, const char *what, void *virt,
		     mb_phys_t phys, mb_phys_t size, bool zeroed);

/** linux_face_allocations - early allocations written with the kernel's
 *  own names (<memblock/linux.h>) on the global instance. */
void linux_face_allocations(void);

/** print_hex - "baremetal: input <tag> <hex bytes>" lines, 32 bytes each,
 *  so the host tool can replay the same firmware input. */
void print_hex(const char *tag, const void *data, size_t len);

#endif
