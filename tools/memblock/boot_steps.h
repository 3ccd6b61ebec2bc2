/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_steps.h - internal to boot_steps.c / boot_tables.c: one step of a
 * kernel's early-allocation program and the programs themselves.
 */
#ifndef MEMBLOCK_TOOLS_BOOT_STEPS_H
#define MEMBLOCK_TOOLS_BOOT_STEPS_H

#include "boot.h"

enum st_op {
	ST_MB_ALLOC,	/* 4.x memblock_alloc: only the result line shows */
	ST_TRY_NID,	/* memblock_[virt_]alloc_try_nid */
	ST_TRY_NID_NP,	/* 4.x memblock_virt_alloc_try_nid_nopanic */
	ST_TRY_NID_RAW, /* memblock_alloc_try_nid_raw */
	ST_EXACT_RAW,	/* memblock_alloc_exact_nid_raw */
	ST_FREE,	/* free [result of @ref + off, size) */
	ST_PCPU_TAILS,	/* free each unit's unused tail of chunk @ref */
	ST_PCPU_GROUPS, /* one chunk per group (node with CPUs) */
	ST_X86_SPARSE,	/* x86 sparse_init_nid for every node */
	ST_PCPU_MSG,	/* "percpu: Embedded ..." */
	ST_BOOTMEM,	/* bootmem takes over (hand-over begin) */
	ST_END,
};

enum st_size {
	SZ_FIXED,
	SZ_MEMMAP,	/* FLATMEM mem_map of node 0 */
	SZ_USEMAP,	/* pageblock flags of the (low) zone */
	SZ_USEMAP_HIGH, /* the same for the HighMem zone */
	SZ_PCPU,	/* first chunk: cpus * unit */
	SZ_DT,		/* unflattened device tree */
	SZ_SPARSEMAP,	/* x86 sparse vmemmap of node 0 */
	SZ_SECTIONS,	/* mem_section_usage of every 128 MiB section */
	SZ_CMDLINE,	/* a copy of the command line (strlen + 1) */
	SZ_CPUS4,	/* an int per possible CPU */
	SZ_CPUS8,	/* a long per possible CPU */
	SZ_GROUPS8,	/* a long per per-cpu group (node with CPUs) */
	SZ_NODES64,	/* 64 bytes per node with memory */
	SZ_E820_RES,	/* x86: a struct resource per final e820 entry */
	SZ_X86_SLOTS,	/* x86 pcpu_setup_first_chunk's 336 + 16 per group */
};

struct st {
	enum st_op op;
	enum st_size sz;
	mb_phys_t size, align, min, max;
	int nid;
	const char *caller;
	enum bs_kind kind;
	int ref; /* allocations: tag (0 none); FREE/TAILS/MSG: tag used */
	unsigned repeat;
};

#define REP_E820    1000u /* repeat once per firmware e820 entry */
#define REP_NOSAVE  1001u /* repeat once per nosave region */
#define REP_CMA_PTE 1002u /* repeat once per 2 MiB of lowmem CMA */
#define REP_CMA_ONE 1003u /* once when there is CMA in lowmem */
#define REP_HIGHMEM 1004u /* once when memory reaches HighMem */
#define REP_ALIASES 1005u /* once per /aliases entry (size from it) */
#define REP_CPUMASK 1006u /* x86: 4 + one per node */
/* 32-bit ARM per-cpu "from": __pa(MAX_DMA_ADDRESS), the top of the 1 GiB
 * (6.1: 0x9fffffff on vexpress, 0x7fffffff on virt) or 2 GiB (4.x seed:
 * 0xdfffffff) linear map above the start of RAM */
#define PCPU_FROM 0x1ULL

/* boot_pcpu.c: the first per-cpu chunk */
/** bp_srd - static, reserved and dynamic bytes a CPU uses (per kernel). */
const unsigned long *bp_srd(const struct boot *b);
/** bp_used - whole pages of them: the used part of a unit. */
mb_phys_t bp_used(const struct boot *b);
/** bp_groups - CPU groups (one per node with CPUs); @nid/@cpus may be
 *  NULL. Return: the number of groups (at least 1). */
unsigned bp_groups(const struct boot *b, int *nid, unsigned *cpus);
/** bp_layout - unit size and units per allocation. */
void bp_layout(const struct boot *b, mb_phys_t *unit, unsigned *upa);
/** bp_group_bytes - one group's allocation: its CPUs rounded up to whole
 *  allocations, in units. */
mb_phys_t bp_group_bytes(const struct boot *b, unsigned cpus);

/* The programs (boot_tables.c), each ended by an ST_END step. */
extern const struct st bt_arm32_v4[]; /* the seed's 4.x kernel */
extern const struct st bt_arm32_v6[]; /* 6.1 armmp */
extern const struct st bt_arm64_v6[]; /* 6.1 arm64, after its dump */
extern const struct st bt_x86_v6[];   /* 6.1 amd64, after its dumps */

#endif
