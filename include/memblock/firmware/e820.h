/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 e820 memory map: a table over caller-provided storage, the kernel's
 * sanitizer, the command-line edits (mem=, memmap=) and the registration in
 * memblock that Linux 6.1's e820__memblock_setup does.
 *
 * Typical x86 boot, in the kernel's order:
 *
 *   mb_e820_table_init(&t, entries, cap, scratch, sizeof(scratch));
 *   ... mb_e820_range_add() per firmware entry ...
 *   mb_e820_sanitize(&t);  mb_e820_print(mb, &t, "BIOS-e820");
 *   mb_e820_apply_cmdline(mb, &t, &cmdline);    // "user-defined ... map"
 *   mb_e820_trim_bios_range(mb, &t);            // first page, 640K-1M hole
 *   mb_set_current_limit(mb, 1 MiB);            // as setup_arch does
 *   mb_e820_memblock_setup(mb, &t, NULL);
 *
 * Every function that prints takes the memblock instance for its print hook;
 * NULL means silent. No function drops an entry silently: a full table is
 * -MB_ENOSPC and the table is left as it was.
 */
#ifndef MEMBLOCK_FIRMWARE_E820_H
#define MEMBLOCK_FIRMWARE_E820_H

#include <memblock/firmware/cmdline.h>
#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** enum mb_e820_type - e820 entry types (Linux values). Overlaps resolve
 *  to the larger value. */
enum mb_e820_type {
	MB_E820_RAM = 1,
	MB_E820_RESERVED = 2,
	MB_E820_ACPI = 3,
	MB_E820_NVS = 4,
	MB_E820_UNUSABLE = 5,
	MB_E820_PMEM = 7,
	MB_E820_PRAM = 12,
	MB_E820_SOFT_RESERVED = 0xefffffff,
	MB_E820_RESERVED_KERN = 128, /* RAM holding setup_data: "usable" */
};

/** The boot protocol's zero page holds 128 entries; Linux's table adds
 *  3 per possible NUMA node. Tables here can be any size. */
#define MB_E820_MAX_ENTRIES_ZEROPAGE 128

/** struct mb_e820_entry - one range: [addr, addr + size) of @type. */
struct mb_e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
};

/** Scratch bytes the sanitizer needs for a table of @cap entries. */
#define MB_E820_SCRATCH_BYTES(cap) ((size_t)(cap)*64u)

/** struct mb_e820_table - entries[0, nr_entries) of entries[0, max). */
struct mb_e820_table {
	uint32_t nr_entries;
	uint32_t max_entries;
	struct mb_e820_entry *entries;
	void *scratch; /* MB_E820_SCRATCH_BYTES(max_entries), 8-aligned */
	size_t scratch_bytes;
};

/**
 * mb_e820_table_init - an empty table over caller storage.
 * @scratch: work area for mb_e820_sanitize (see MB_E820_SCRATCH_BYTES);
 *           may be NULL, then sanitize fails with -MB_ENOMEM
 * Return: 0, or -MB_EINVAL for NULL @entries or @cap 0.
 */
int mb_e820_table_init(struct mb_e820_table *t, struct mb_e820_entry *entries,
		       uint32_t cap, void *scratch, size_t scratch_bytes);

/** mb_e820_range_add - append an entry (no merging: sanitize does that).
 *  Return: 0 or -MB_ENOSPC when the table is full. */
int mb_e820_range_add(struct mb_e820_table *t, uint64_t addr, uint64_t size,
		      uint32_t type);

/**
 * mb_e820_range_update - retype the @old_type parts of [start, start+size)
 * to @new_type, splitting entries (kernel's e820__range_update; prints
 * "e820: update [mem ...] old ==> new"). A size reaching past 2^64 is cut
 * at the top. @updated (may be NULL) gets the bytes retyped.
 * Return: 0; -MB_EINVAL if @old_type == @new_type; -MB_ENOSPC when a split
 * needs room the table does not have (table unchanged then).
 */
int mb_e820_range_update(const struct memblock *mb, struct mb_e820_table *t,
			 uint64_t start, uint64_t size, uint32_t old_type,
			 uint32_t new_type, uint64_t *updated);

/**
 * mb_e820_range_remove - cut [start, start+size) out of every entry (of
 * @old_type only when @check_type); prints "e820: remove [mem ...]".
 * Emptied entries stay as zero entries until the next sanitize, like the
 * kernel's. Return: 0 or -MB_ENOSPC (table unchanged).
 */
int mb_e820_range_remove(const struct memblock *mb, struct mb_e820_table *t,
			 uint64_t start, uint64_t size, uint32_t old_type,
			 bool check_type, uint64_t *removed);

/**
 * mb_e820_sanitize - the kernel's e820__update_table: sort, resolve
 * overlaps (the larger type value wins), drop empty entries, merge
 * neighbours of the same type (persistent and soft-reserved ranges are
 * never merged).
 * Return: 0; -MB_EINVAL if an entry wraps past 2^64 (table unchanged, as
 * the kernel refuses such a map); -MB_ENOSPC if the result does not fit;
 * -MB_ENOMEM without enough scratch.
 */
int mb_e820_sanitize(struct mb_e820_table *t);

/** mb_e820_format_type - the kernel's type text ("usable", "ACPI data",
 *  "persistent (type 12)", "type 6", ...) into @buf. */
void mb_e820_format_type(char *buf, size_t len, uint32_t type);

/** mb_e820_print - one "<who>: [mem 0x...-0x...] <type>" line per entry. */
void mb_e820_print(const struct memblock *mb, const struct mb_e820_table *t,
		   const char *who);

/**
 * mb_e820_apply_cmdline - apply the parsed mem=/memmap= edits in line
 * order (exactmap empties the table, nn@ss adds, plain nn and mem= remove
 * RAM above nn, nn%ss retypes); if any was applied, sanitize and print
 * "user-defined physical RAM map:" and the "user" table.
 * Return: 0 or the first error (table state: edits before it applied).
 */
int mb_e820_apply_cmdline(const struct memblock *mb, struct mb_e820_table *t,
			  const struct mb_cmdline *cl);

/**
 * mb_e820_trim_bios_range - what setup_arch does before registration: the
 * first page becomes reserved, usable RAM in 640K..1M is removed, then
 * sanitize.
 */
int mb_e820_trim_bios_range(const struct memblock *mb, struct mb_e820_table *t);

/**
 * mb_e820_reserve_setup_data - e820__reserve_setup_data: the RAM under each
 * setup_data blob becomes RESERVED_KERN (printed "usable", registered as
 * its own memblock_add), in @t and, when given, in the @kexec copy (the
 * kernel updates both, so each blob prints two "e820: update" lines); then
 * sanitize and print "extended physical RAM map:" and the
 * "reserve setup_data" table. Reserving the blobs in memblock is the
 * caller's business (the kernel does it elsewhere).
 * @blobs: [addr, addr + size) of each blob (header included); type ignored
 * Return: 0 or the first error.
 */
int mb_e820_reserve_setup_data(const struct memblock *mb,
			       struct mb_e820_table *t,
			       struct mb_e820_table *kexec,
			       const struct mb_e820_entry *blobs, size_t n);

/**
 * mb_e820_memblock_setup - e820__memblock_setup: allow resize; for each
 * entry that does not wrap: soft-reserved -> memblock_reserve, RAM and
 * RESERVED_KERN -> memblock_add; then memblock_trim_memory(PAGE_SIZE) and
 * memblock_dump_all.
 * @caller_sym: the %pS text for the trace lines (NULL: the core's default),
 *              e.g. "e820__memblock_setup+0x65/0x7d" to match real logs
 * Return: 0 or the first memblock error (registration stops there).
 */
int mb_e820_memblock_setup(struct memblock *mb, const struct mb_e820_table *t,
			   const char *caller_sym);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_FIRMWARE_E820_H */
