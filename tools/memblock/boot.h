/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot - the `memblock boot` simulator: a machine's boot through the real
 * front ends (device tree, e820) and the real library, with every
 * reservation remembered with its caller and kind for report and map.
 *
 *   boot.c         command line, output
 *   boot_run.c     the instance, the hooks, the whole run and hand-over
 *   boot_arch.c    32-bit ARM setup_arch (4.x and 6.1), shared helpers
 *   boot_arm64.c   arm64 setup_arch / bootmem_init to the first dump
 *   boot_x86.c     x86-64 setup_arch to the second dump
 *   boot_bare.c    an embedded kernel's boot (firmware-only), ATAG input
 *   boot_steps.c   runs the early allocations (sizes from the machine)
 *   boot_tables.c  the early allocations each kernel makes, as data
 *   boot_record.c  reservation records (kind, caller) kept in step
 */
#ifndef MEMBLOCK_TOOLS_BOOT_H
#define MEMBLOCK_TOOLS_BOOT_H

#include <stdio.h>

#include <memblock/firmware/atags.h>
#include <memblock/firmware/fdt.h>
#include <memblock/handover.h>

#include "machine.h"

/** enum bs_kind - what a reserved range holds (the map's colours). */
enum bs_kind {
	BS_ALLOC,    /* any other early allocation */
	BS_KERNEL,   /* kernel image */
	BS_PGDIR,    /* page directory / page tables */
	BS_DTB,	     /* the device tree blob (and unflattened tree) */
	BS_INITRD,   /* initial ramdisk */
	BS_CMA,	     /* CMA area */
	BS_NOMAP,    /* no-map reserved memory */
	BS_RMEM,     /* other /reserved-memory */
	BS_MEMMAP,   /* struct page array, usemap, sparse sections */
	BS_PERCPU,   /* per-cpu areas */
	BS_FIRMWARE, /* firmware tables, BIOS areas, ACPI */
	BS_TABLE,    /* memblock's own grown arrays */
	BS_UNKNOWN,  /* reserved, origin unknown (untraced) */
	BS__COUNT
};

/** bs_kind_name - short stable name ("kernel", "cma", ...). */
const char *bs_kind_name(enum bs_kind k);

/** bs_classify - kind from a %pS caller and the range's size. */
enum bs_kind bs_classify(const char *caller, mb_phys_t size);

/** struct bs_rec - one live reservation: range, kind, who asked. */
struct bs_rec {
	mb_phys_t base, size;
	enum bs_kind kind;
	char caller[96];
};

/** struct bs_recs - a growable list of records (subtracted on free). */
struct bs_recs {
	struct bs_rec *v;
	size_t n, cap;
};

void bs_recs_add(struct bs_recs *r, mb_phys_t base, mb_phys_t size,
		 enum bs_kind kind, const char *caller);
void bs_recs_sub(struct bs_recs *r, mb_phys_t base, mb_phys_t size);
/** bs_recs_relabel - records exactly equal to [base, base+size) get @kind. */
void bs_recs_relabel(struct bs_recs *r, mb_phys_t base, mb_phys_t size,
		     enum bs_kind kind);
void bs_recs_sort(struct bs_recs *r);
void bs_recs_free(struct bs_recs *r);

#define BOOT_MAX_NODES 64

/** struct boot - one simulated boot. */
struct boot {
	struct bm_machine m;
	enum bootmem_backend backend;
	FILE *out; /* the kernel's console (NULL: silent) */
	struct memblock mb;
	struct memblock_region mem0[128], rsv0[128];
	void *grown[64]; /* host storage of grown tables */
	unsigned ngrown;
	void *blob;
	size_t blob_size;
	struct mb_fdt dt;
	struct bs_recs recs;
	char req_caller[96]; /* caller of the request being served */
	enum bs_kind hint;   /* kind of the next reservations */
	bool hint_set;
	bool bootmem_up;     /* allocations go through bootmem now */
	bool nopanic_next;   /* 4.x: the next request line is a _nopanic one */
	unsigned x86_nosave; /* x86: nosave regions the e820 map makes */
	unsigned x86_e820_entries;     /* x86: entries of the final e820 map */
	enum mb_event_kind last_event; /* kind of the call being traced */
	unsigned cpus_on_node[BOOT_MAX_NODES]; /* arm64 NUMA: from the tree */
	bool node_has_memory[BOOT_MAX_NODES];
	mb_phys_t group_base[BOOT_MAX_NODES]; /* per-cpu chunk of each group */
	unsigned ngroup_base;
	struct mb_handover_info info;
	struct mb_handover_result *res;
	/* the tables just before the hand-over (what report/map show) */
	struct memblock_region *snap_mem, *snap_rsv;
	unsigned long snap_nmem, snap_nrsv;
	bool handover_ok;
	unsigned long buddy_free;
	unsigned long bitmap_pages; /* pages of the bitmap (bitmap back end) */
	int failed_allocs;
	unsigned char *atag_buf; /* the machine's ATAG list (atags FILE) */
	size_t atag_len;
	struct mb_atags at; /* its parse (banks, command line, initrd) */
	char err[1024];
};

/** boot_run - run @b->m's boot, console to @b->out. Return: 0 or -1
 *  (@b->err says why). @b->m, backend and out are set by the caller. */
int boot_run(struct boot *b);
/** boot_free - release what boot_run allocated. */
void boot_free(struct boot *b);

/* boot_run.c helpers for the arch and step files */
void boot_hint(struct boot *b, enum bs_kind kind);
void boot_line(struct boot *b, const char *text);

/* boot_arch.c */
/** boot_arch_setup - front ends up to the first dump. Return: 0 or -1. */
int boot_arch_setup(struct boot *b);
/** boot_reserve - traced reserve with caller @caller, recorded as @kind. */
void boot_reserve(struct boot *b, mb_phys_t base, mb_phys_t size,
		  const char *caller, enum bs_kind kind);
/** boot_reserve_lines - the machine's reserve (@early: reserve-early)
 *  lines; @caller when a line names none. */
void boot_reserve_lines(struct boot *b, const char *caller, bool early);
/** boot_reserve_initrd - reserve the initrd if it lies in memory. */
void boot_reserve_initrd(struct boot *b, const char *caller);
/** boot_open_tree - prepare and open the machine's DTB. Return: 0 or -1. */
int boot_open_tree(struct boot *b);
/** boot_no_memory - -1 with a message when the tree gave no RAM. */
int boot_no_memory(struct boot *b);
/** boot_ram_from_tree - fill the machine's ram lines from memblock. */
void boot_ram_from_tree(struct boot *b);

/* boot_bare.c */
/** boot_atags_load - read and parse the machine's ATAG list; the ram,
 *  cmdline and initrd the machine file leaves out come from it.
 *  Return: 0 or -1 (@b->err says why). */
int boot_atags_load(struct boot *b);
/** boot_bare_setup - "reservations firmware-only": the front ends, the
 *  listed reservations, the first dump. Return: 0 or -1. */
int boot_bare_setup(struct boot *b);

/* boot_x86.c */
/** boot_x86_setup - x86-64 setup_arch to its second dump. */
int boot_x86_setup(struct boot *b);

/* boot_arm64.c */
/** boot_arm64_setup - arm64 setup_arch/bootmem_init to the first dump. */
int boot_arm64_setup(struct boot *b);

/* boot_steps.c */
/** boot_steps_run - the kernel's early allocations, bootmem start included;
 *  Return: 0 or -1. */
int boot_steps_run(struct boot *b);

#endif
