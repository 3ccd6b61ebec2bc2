/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel command line: the early parameters that shape the memory map.
 *
 * The parser reads a whole command line (untrusted, const, any length) and
 * fills a struct; it never writes to the line and never allocates. The
 * list-valued parameters (memmap=, 32-bit ARM mem=) go into arrays the
 * caller provides. Behaviour follows Linux 6.1's early_param handlers:
 *
 *   memblock=debug        any value containing "debug" turns tracing on
 *   mem=size[@start]      x86/arm64: a limit (the last one wins);
 *                         32-bit ARM: each one is a bank (start defaults to
 *                         PHYS_OFFSET, which the caller knows)
 *   memmap=...            x86 forms: nn[KMG] (limit), nn@ss (usable),
 *                         nn$ss (reserved), nn#ss (ACPI data),
 *                         nn!ss (persistent, type 12), nn%ss-t+n (retype),
 *                         exactmap; several per line and comma-separated
 *   cma=nn[@start[-end]]
 *   initrd=start,size
 *   crashkernel=size[@offset] | size,high | size,low |
 *               start-[end]:size[,start-[end]:size...][@offset]
 *   movable_node
 *
 * Sizes use memparse: a C number (0x.. hex, 0.. octal, else decimal) with an
 * optional K/M/G/T/P/E suffix (either case). A number that does not fit in
 * 64 bits is an error (the kernel silently wraps; we refuse).
 *
 * Errors do not stop the parse: every parameter is handled, the first error
 * is kept (kind + byte offset in the line) and counted, like the kernel,
 * which warns about a bad early parameter and carries on.
 */
#ifndef MEMBLOCK_FIRMWARE_CMDLINE_H
#define MEMBLOCK_FIRMWARE_CMDLINE_H

#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** enum mb_cmdline_status - why a parameter value was refused. */
enum mb_cmdline_status {
	MB_CMDLINE_OK = 0,
	MB_CMDLINE_ENOVALUE,	 /* "mem" or "mem=" with nothing after it */
	MB_CMDLINE_ENONUMBER,	 /* a number was expected, none found */
	MB_CMDLINE_EOVERFLOW,	 /* number (with its suffix) past 2^64 - 1 */
	MB_CMDLINE_ETRAILING,	 /* junk after a complete value */
	MB_CMDLINE_ESYNTAX,	 /* unexpected separator (memmap=64M*1G) */
	MB_CMDLINE_EZEROSIZE,	 /* mem=0 (the kernel refuses it too) */
	MB_CMDLINE_EQUOTE,	 /* a quote opened and never closed */
	MB_CMDLINE_ETOOMANY,	 /* caller's memmap/mem array is full */
	MB_CMDLINE_EWRAP,	 /* start + size wraps past 2^64 */
	MB_CMDLINE_EUNSUPPORTED, /* valid kernel syntax not handled here */
};

/** enum mb_memmap_kind - one x86 memory-map edit, in command-line order. */
enum mb_memmap_kind {
	MB_MEMMAP_ADD,	    /* add [start, start+size) with @type */
	MB_MEMMAP_LIMIT,    /* remove usable RAM at and above @size */
	MB_MEMMAP_EXACTMAP, /* forget the firmware map */
	MB_MEMMAP_UPDATE,   /* nn%ss-old+new: retype @old_type -> @type */
	MB_MEMMAP_REMOVE,   /* nn%ss-old (or nn%ss): remove (@old_type, 0 = any)
			     */
};

/** struct mb_memmap_op - an edit from memmap= (or mem=, see @from_mem). */
struct mb_memmap_op {
	enum mb_memmap_kind kind;
	mb_phys_t start;
	mb_phys_t size;
	uint32_t type;	   /* new e820 type (ADD, UPDATE) */
	uint32_t old_type; /* UPDATE/REMOVE: type matched, 0 = any */
	bool from_mem;	   /* LIMIT that came from mem= rather than memmap= */
};

/** struct mb_cmdline_range - one mem=size[@start] (32-bit ARM bank). */
struct mb_cmdline_range {
	mb_phys_t start; /* valid when @has_start */
	mb_phys_t size;
	bool has_start;
};

/** Entries kept from crashkernel=start-[end]:size,... */
#define MB_CMDLINE_CRASH_RANGES 8

/** struct mb_cmdline_crash_range - "start-end:size": reserve @size when
 *  system RAM is in [start, end) (end ~0 when left open). */
struct mb_cmdline_crash_range {
	mb_phys_t start, end, size;
};

/** struct mb_cmdline_error - the first refused value. */
struct mb_cmdline_error {
	enum mb_cmdline_status status;
	size_t offset;	     /* byte offset in the line of the bad character */
	size_t param_offset; /* byte offset of the parameter ("memmap=...") */
};

/** struct mb_cmdline - everything the parser found. */
struct mb_cmdline {
	bool memblock_debug; /* memblock=debug */
	bool movable_node;   /* movable_node */

	/* mem=: the last value (a limit on x86/arm64), and every value as a
	 * range (32-bit ARM banks) when the caller gave an array. */
	unsigned mem_count;
	mb_phys_t mem_limit;
	bool mem_nopentium; /* x86 "mem=nopentium" (accepted, no effect) */
	struct mb_cmdline_range *mem_ranges;
	size_t mem_ranges_cap, mem_ranges_cnt;

	/* memmap= (and mem=, as MB_MEMMAP_LIMIT) edits in line order. */
	struct mb_memmap_op *memmap;
	size_t memmap_cap, memmap_cnt;
	bool memmap_seen; /* a memmap= value was accepted (userdef) */

	/* cma=size[@base[-limit]] */
	bool cma_set, cma_has_base, cma_has_limit;
	mb_phys_t cma_size, cma_base, cma_limit;

	/* initrd=start,size */
	bool initrd_set;
	mb_phys_t initrd_start, initrd_size;

	/* crashkernel=size[@offset] and crashkernel=size,high / size,low */
	bool crash_set, crash_has_offset, crash_high, crash_low_set;
	mb_phys_t crash_size, crash_offset, crash_low_size;
	/* the range-list form: crash_set with crash_nranges > 0; the size
	 * depends on system RAM, see mb_cmdline_crash_size() */
	struct mb_cmdline_crash_range crash_ranges[MB_CMDLINE_CRASH_RANGES];
	unsigned crash_nranges;

	struct mb_cmdline_error error; /* first error; status OK if none */
	unsigned nerrors;
};

/**
 * mb_cmdline_init - empty result with the caller's arrays.
 * @cl: result (fully overwritten)
 * @memmap: array for memmap=/mem= edits, or NULL (then each such edit is
 *          an MB_CMDLINE_ETOOMANY error)
 * @memmap_cap: its capacity
 * @mem_ranges: array for mem=size[@start] values, or NULL (then only
 *              mem_limit/mem_count are kept; not an error)
 * @mem_ranges_cap: its capacity
 */
void mb_cmdline_init(struct mb_cmdline *cl, struct mb_memmap_op *memmap,
		     size_t memmap_cap, struct mb_cmdline_range *mem_ranges,
		     size_t mem_ranges_cap);

/**
 * mb_cmdline_parse - parse a NUL-terminated kernel command line into @cl.
 * Parsing stops at "--" (the rest belongs to init), like the kernel.
 * Return: 0, or a negative MB_E* code (-MB_EINVAL malformed, -MB_ERANGE
 * overflow or wrap, -MB_ENOSPC array full) for the first error; details in
 * cl->error.
 */
int mb_cmdline_parse(struct mb_cmdline *cl, const char *line);

/** mb_cmdline_parse_n - the same for @len bytes (stops early at a NUL). */
int mb_cmdline_parse_n(struct mb_cmdline *cl, const char *line, size_t len);

/**
 * mb_memparse - the kernel's memparse over at most @len bytes of @s.
 * @consumed: bytes used (0 when no number was found)
 * @out: the value
 * Return: 0, -MB_EINVAL when no number starts at @s, -MB_ERANGE when the
 * value or the suffix shift does not fit in 64 bits.
 */
int mb_memparse(const char *s, size_t len, size_t *consumed, uint64_t *out);

/**
 * mb_cmdline_crash_size - the crashkernel size for @system_ram bytes of
 * RAM (the kernel passes memblock_phys_mem_size()): the plain size, or the
 * first range-list entry whose [start, end) holds @system_ram.
 * Return: 0 with *@size set (0: no match or no crashkernel=), or
 * -MB_EINVAL when an entry examined asks for @system_ram or more, as the
 * kernel refuses it.
 */
int mb_cmdline_crash_size(const struct mb_cmdline *cl, mb_phys_t system_ram,
			  mb_phys_t *size);

/** mb_cmdline_strerror - short text for a status ("number overflows"). */
const char *mb_cmdline_strerror(enum mb_cmdline_status status);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_FIRMWARE_CMDLINE_H */
