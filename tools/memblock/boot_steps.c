/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_steps.c - the early allocations a kernel makes after the first dump
 * (page tables, mem_map, the unflattened device tree, per-cpu areas), as
 * tables per architecture and kernel dialect. Sizes that follow from the
 * machine (mem_map, usemap, per-cpu chunk) are computed; the others are the
 * request sizes the seed (4.x) and the 6.1 logs print.
 *
 * The bootmem start is a step: from there on, with the bitmap back end,
 * every request goes to the bitmap allocator (the 4.x wrappers did the
 * same); with the memblock back end the requests stay memblock calls.
 */
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "boot.h"

enum st_op {
	ST_MB_ALLOC,	/* 4.x memblock_alloc: only the result line shows */
	ST_TRY_NID,	/* memblock_[virt_]alloc_try_nid */
	ST_TRY_NID_NP,	/* 4.x memblock_virt_alloc_try_nid_nopanic */
	ST_TRY_NID_RAW, /* memblock_alloc_try_nid_raw */
	ST_EXACT_RAW,	/* memblock_alloc_exact_nid_raw */
	ST_FREE,	/* free [result of @ref + off, size) */
	ST_PCPU_TAILS,	/* free each unit's unused tail of chunk @ref */
	ST_PCPU_GROUPS, /* arm64: one chunk per node with CPUs */
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
/* 32-bit ARM per-cpu "from": __pa(MAX_DMA_ADDRESS), the top of the 1 GiB
 * (6.1: 0x9fffffff on vexpress, 0x7fffffff on virt) or 2 GiB (4.x seed:
 * 0xdfffffff) linear map above the start of RAM */
#define PCPU_FROM 0x1ULL

#define PT(n, sz_, al)                                                         \
	{                                                                      \
		ST_MB_ALLOC, SZ_FIXED, sz_, al, 0, 0, -1, NULL, BS_PGDIR, 0, n \
	}
#define DTA(sz_)                                                               \
	{                                                                      \
		ST_MB_ALLOC, SZ_FIXED, sz_, 4, 0, 0, -1, NULL, BS_DTB, 0, 1    \
	}

/* The seed (4.x, shared/seed lines 130-194). */
static const struct st arm32_v4[] = {
	PT(1, 8192, 4096),
	PT(1, 4096, 4096),
	DTA(40),
	PT(3, 4096, 4096),
	{ST_BOOTMEM, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 1},
	{ST_TRY_NID_NP, SZ_MEMMAP, 0, 0, 0, 0, 0,
	 "alloc_node_mem_map+0x68/0xc0", BS_MEMMAP, 0, 1},
	{ST_TRY_NID_NP, SZ_USEMAP, 0, 0, 0, 0, 0,
	 "free_area_init_node+0x2d8/0x334", BS_MEMMAP, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 32, 0, 0, 0, -1, "setup_arch+0x814/0xb8c",
	 BS_ALLOC, 0, 1},
	{ST_MB_ALLOC, SZ_DT, 0, 4, 0, 0, -1, NULL, BS_DTB, 0, 1},
	/* of_alias_scan: one record per /aliases entry (seed: 4 x 27 bytes
	 * for serial0-3, 2 x 24 for i2c0-1) */
	{ST_MB_ALLOC, SZ_FIXED, 0, 4, 0, 0, -1, NULL, BS_DTB, 0, REP_ALIASES},
	{ST_TRY_NID, SZ_FIXED, 78, 0, 0, 0, -1, "start_kernel+0xa4/0x36c",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 78, 0, 0, 0, -1, "start_kernel+0xd0/0x36c",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 78, 0, 0, 0, -1, "start_kernel+0xf4/0x36c",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID_NP, SZ_FIXED, 4096, 0, 0, 0, -1,
	 "pcpu_alloc_alloc_info+0x4c/0x94", BS_PERCPU, 1, 1},
	{ST_TRY_NID_NP, SZ_FIXED, 4096, 0, 0, 0, -1,
	 "pcpu_embed_first_chunk+0x488/0x728", BS_PERCPU, 2, 1},
	{ST_TRY_NID_NP, SZ_PCPU, 0, 0x1000, PCPU_FROM, 0, -1,
	 "pcpu_dfl_fc_alloc+0x24/0x2c", BS_PERCPU, 3, 1},
	{ST_PCPU_TAILS, SZ_FIXED, 0, 0, 0, 0, 0, "pcpu_dfl_fc_free+0xc/0x10",
	 BS_PERCPU, 3, 1},
	{ST_PCPU_MSG, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_PERCPU, 3, 1},
	{ST_TRY_NID, SZ_FIXED, 4, 0, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x3d4/0x998", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 4, 0, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x3f4/0x998", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_CPUS4, 0, 0, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x41c/0x998", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_CPUS4, 0, 0, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x43c/0x998", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 128, 0, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x84c/0x998", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 69, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0x60/0x278", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 384, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0xa4/0x278", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 388, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0xc4/0x278", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 60, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0xec/0x278", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 69, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0x60/0x278", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 768, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0xa4/0x278", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 772, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0xc4/0x278", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 120, 0, 0, 0, -1,
	 "pcpu_alloc_first_chunk+0xec/0x278", BS_PERCPU, 0, 1},
	/* the alloc_info (tag 1) and the embed's group array (tag 2) */
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0, "pcpu_free_alloc_info+0x14/0x18",
	 BS_PERCPU, 1, 1},
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x714/0x728", BS_PERCPU, 2, 1},
	{ST_END, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 0},
};

#define T6(sz_, al, cl, k)                                                     \
	{                                                                      \
		ST_TRY_NID, SZ_FIXED, sz_, al, 0, 0, -1, cl, k, 0, 1           \
	}
#define EA(n, sz_)                                                             \
	{                                                                      \
		ST_TRY_NID, SZ_FIXED, sz_, sz_, 0, 0, -1,                      \
			"early_alloc+0x2c/0x58", BS_PGDIR, 0, n                \
	}
#define DT6(sz_) T6(sz_, 4, "early_init_dt_alloc_memory_arch+0x38/0x68", BS_DTB)

/* 6.1 armmp (shared/logs/arm_vexpress_128M.log lines 46-149). */
static const struct st arm32_v6[] = {
	/* dma_contiguous_remap, only for a CMA area in lowmem (none in
	 * arm_vexpress_1G_smp4.log, whose CMA is in HighMem): its mapping
	 * record, then one PTE table per 2 MiB of the area (the area is
	 * mapped with pages): 8 for 16 MiB, 16 for cma=32M in the logs */
	{ST_TRY_NID, SZ_FIXED, 40, 4, 0, 0, -1, "iotable_init+0x40/0xf4",
	 BS_PGDIR, 0, REP_CMA_ONE},
	EA(REP_CMA_PTE, 4096),
	EA(1, 8192),
	EA(1, 4096),
	T6(40, 4, "vm_reserve_area_early+0x38/0x7c", BS_PGDIR),
	EA(3, 4096),
	{ST_BOOTMEM, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 1},
	{ST_TRY_NID_RAW, SZ_MEMMAP, 0, 64, 0, 0, 0,
	 "free_area_init+0x948/0xe20", BS_MEMMAP, 0, 1},
	{ST_TRY_NID, SZ_USEMAP, 0, 64, 0, 0, 0, "setup_usemap+0x60/0x8c",
	 BS_MEMMAP, 0, 1},
	{ST_TRY_NID, SZ_USEMAP_HIGH, 0, 64, 0, 0, 0, "setup_usemap+0x60/0x8c",
	 BS_MEMMAP, 0, REP_HIGHMEM},
	T6(32, 64, "setup_arch+0x310/0x8c0", BS_ALLOC),
	{ST_TRY_NID, SZ_DT, 0, 4, 0, 0, -1,
	 "early_init_dt_alloc_memory_arch+0x38/0x68", BS_DTB, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 0, 4, 0, 0, -1,
	 "early_init_dt_alloc_memory_arch+0x38/0x68", BS_DTB, 0, REP_ALIASES},
	{ST_TRY_NID, SZ_CMDLINE, 0, 64, 0, 0, -1, "start_kernel+0x180/0x748",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_CMDLINE, 0, 64, 0, 0, -1, "start_kernel+0x1b0/0x748",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 4096, 4096, 0, 0, -1,
	 "pcpu_embed_first_chunk+0x3bc/0x884", BS_PERCPU, 1, 1},
	{ST_TRY_NID, SZ_FIXED, 4096, 64, 0, 0, -1,
	 "pcpu_embed_first_chunk+0x5cc/0x884", BS_PERCPU, 2, 1},
	{ST_TRY_NID, SZ_PCPU, 0, 0x1000, PCPU_FROM, 0, -1,
	 "pcpu_embed_first_chunk+0x684/0x884", BS_PERCPU, 3, 1},
	{ST_PCPU_TAILS, SZ_FIXED, 0, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x780/0x884", BS_PERCPU, 3, 1},
	{ST_PCPU_MSG, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_PERCPU, 3, 1},
	T6(4, 64, "pcpu_setup_first_chunk+0x344/0x918", BS_PERCPU),
	T6(4, 64, "pcpu_setup_first_chunk+0x370/0x918", BS_PERCPU),
	/* the unit map and unit offsets: an int per CPU */
	{ST_TRY_NID, SZ_CPUS4, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x3b0/0x918", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_CPUS4, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x3ec/0x918", BS_PERCPU, 0, 1},
	T6(144, 64, "pcpu_setup_first_chunk+0x7d8/0x918", BS_PERCPU),
	T6(96, 64, "pcpu_alloc_first_chunk+0x7c/0x26c", BS_PERCPU),
	T6(384, 64, "pcpu_alloc_first_chunk+0xd4/0x26c", BS_PERCPU),
	T6(388, 64, "pcpu_alloc_first_chunk+0x104/0x26c", BS_PERCPU),
	T6(96, 64, "pcpu_alloc_first_chunk+0x134/0x26c", BS_PERCPU),
	T6(96, 64, "pcpu_alloc_first_chunk+0x7c/0x26c", BS_PERCPU),
	T6(768, 64, "pcpu_alloc_first_chunk+0xd4/0x26c", BS_PERCPU),
	T6(772, 64, "pcpu_alloc_first_chunk+0x104/0x26c", BS_PERCPU),
	T6(192, 64, "pcpu_alloc_first_chunk+0x134/0x26c", BS_PERCPU),
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x814/0x884", BS_PERCPU, 1, 1},
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x870/0x884", BS_PERCPU, 2, 1},
	{ST_END, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 0},
};

#define A64(sz_, cl) T6(sz_, 64, cl, BS_PERCPU)

/* arm64 6.1 after its first dump (arm64_virt_512M_smp1.log lines
 * 572-637); the sparse map was made before the dump (boot_arm64.c). */
static const struct st arm64_v6[] = {
	{ST_BOOTMEM, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_NODES64, 0, 64, 0, 0, -1, "setup_arch+0x31c/0x5e4",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_CMDLINE, 0, 64, 0, 0, -1, "start_kernel+0x1b4/0x790",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_CMDLINE, 0, 64, 0, 0, -1, "start_kernel+0x1e0/0x790",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 4096, 4096, 0, 0, -1,
	 "pcpu_build_alloc_info+0x398/0x50c", BS_PERCPU, 1, 1},
	{ST_TRY_NID, SZ_FIXED, 4096, 64, 0, 0, -1,
	 "pcpu_embed_first_chunk+0x80/0x2e4", BS_PERCPU, 2, 1},
	/* a chunk per node; from= is the vmemmap-from address */
	{ST_PCPU_GROUPS, SZ_FIXED, 0, 0x1000, 0, 0, 0,
	 "pcpu_fc_alloc+0x120/0x19c", BS_PERCPU, 3, 1},
	{ST_PCPU_TAILS, SZ_FIXED, 0, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x1f4/0x2e4", BS_PERCPU, 3, 1},
	{ST_PCPU_MSG, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_PERCPU, 3, 1},
	/* group offsets and sizes, unit map and offsets (the 2-node log:
	 * 16, 16, 16, 32 for 2 groups of 2 CPUs) */
	{ST_TRY_NID, SZ_GROUPS8, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x344/0x8a4", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_GROUPS8, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x36c/0x8a4", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_CPUS4, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x394/0x8a4", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_CPUS8, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x3bc/0x8a4", BS_PERCPU, 0, 1},
	A64(288, "pcpu_setup_first_chunk+0x758/0x8a4"),
	A64(144, "pcpu_alloc_first_chunk+0x84/0x2f0"),
	A64(384, "pcpu_alloc_first_chunk+0xc4/0x2f0"),
	A64(392, "pcpu_alloc_first_chunk+0x10c/0x2f0"),
	A64(96, "pcpu_alloc_first_chunk+0x134/0x2f0"),
	A64(144, "pcpu_alloc_first_chunk+0x84/0x2f0"),
	A64(1024, "pcpu_alloc_first_chunk+0xc4/0x2f0"),
	A64(1032, "pcpu_alloc_first_chunk+0x10c/0x2f0"),
	A64(256, "pcpu_alloc_first_chunk+0x134/0x2f0"),
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0, "pcpu_free_alloc_info+0x1c/0x28",
	 BS_PERCPU, 1, 1},
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x2c0/0x2e4", BS_PERCPU, 2, 1},
	{ST_END, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 0},
};
#define X86(sz_, cl, k) T6(sz_, 64, cl, k)

/* x86-64 6.1 after its second dump (x86_512M.log lines 84-203). */
static const struct st x86_v6[] = {
	{ST_BOOTMEM, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 1},
	T6(32768, 64, "sparse_init+0x9f/0x23c", BS_MEMMAP),
	{ST_TRY_NID, SZ_FIXED, 4096, 64, 0, 0, 0,
	 "sparse_index_alloc+0x40/0x65", BS_MEMMAP, 0, 1},
	{ST_TRY_NID, SZ_SECTIONS, 0, 64, 0, 0, 0, "sparse_init_nid+0x8d/0x34d",
	 BS_MEMMAP, 0, 1},
	{ST_EXACT_RAW, SZ_SPARSEMAP, 0, 0x200000, 0x1000000, 0, 0,
	 "sparse_init_nid+0x11f/0x34d", BS_MEMMAP, 0, 1},
	/* the vmemmap's page-table pages (x86_512M.log lines 92-95) */
	{ST_TRY_NID_RAW, SZ_FIXED, 4096, 4096, 0x1000000, 0, 0,
	 "vmemmap_alloc_block_zero.constprop.0+0xc/0x28", BS_PGDIR, 0, 2},
	X86(73, "acpi_parse_hpet+0xc3/0x132", BS_FIRMWARE),
	X86(75, "io_apic_init_mappings+0x37/0x1d9", BS_FIRMWARE),
	/* 64 bytes per entry of the final map: 8 x 64 for x86_512M, 14 x 64
	 * with x86_1G_memmap's three memmap= edits */
	{ST_TRY_NID, SZ_E820_RES, 0, 64, 0, 0, -1,
	 "e820__reserve_resources+0x2a/0x1b0", BS_FIRMWARE, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 104, 64, 0, 0, -1,
	 "firmware_map_add_early+0x29/0x53", BS_FIRMWARE, 0, REP_E820},
	{ST_TRY_NID, SZ_FIXED, 32, 64, 0, 0, -1,
	 "register_nosave_region+0x53/0xd5", BS_ALLOC, 0, REP_NOSAVE},
	{ST_TRY_NID, SZ_CMDLINE, 0, 64, 0, 0, -1, "start_kernel+0x14f/0x70f",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_CMDLINE, 0, 64, 0, 0, -1, "start_kernel+0x17c/0x70f",
	 BS_ALLOC, 0, 1},
	{ST_TRY_NID, SZ_FIXED, 4096, 4096, 0, 0, -1,
	 "pcpu_build_alloc_info+0x346/0x488", BS_PERCPU, 1, 1},
	{ST_TRY_NID, SZ_FIXED, 4096, 64, 0, 0, -1,
	 "pcpu_embed_first_chunk+0x69/0x70f", BS_PERCPU, 2, 1},
	{ST_TRY_NID, SZ_PCPU, 0, 0x200000, 0x1000000, 0, 0,
	 "pcpu_fc_alloc+0xf2/0x148", BS_PERCPU, 3, 1},
	{ST_PCPU_TAILS, SZ_FIXED, 0, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x216/0x70f", BS_PERCPU, 3, 1},
	{ST_PCPU_MSG, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_PERCPU, 3, 1},
	X86(8, "pcpu_setup_first_chunk+0x2ff/0x7af", BS_PERCPU),
	X86(8, "pcpu_setup_first_chunk+0x324/0x7af", BS_PERCPU),
	X86(8, "pcpu_setup_first_chunk+0x34d/0x7af", BS_PERCPU),
	X86(16, "pcpu_setup_first_chunk+0x38c/0x7af", BS_PERCPU),
	X86(352, "pcpu_setup_first_chunk+0x696/0x7af", BS_PERCPU),
	X86(144, "pcpu_alloc_first_chunk+0x80/0x251", BS_PERCPU),
	X86(256, "pcpu_alloc_first_chunk+0xf2/0x251", BS_PERCPU),
	X86(264, "pcpu_alloc_first_chunk+0x11b/0x251", BS_PERCPU),
	X86(64, "pcpu_alloc_first_chunk+0x141/0x251", BS_PERCPU),
	X86(144, "pcpu_alloc_first_chunk+0x80/0x251", BS_PERCPU),
	X86(896, "pcpu_alloc_first_chunk+0xf2/0x251", BS_PERCPU),
	X86(904, "pcpu_alloc_first_chunk+0x11b/0x251", BS_PERCPU),
	X86(224, "pcpu_alloc_first_chunk+0x141/0x251", BS_PERCPU),
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x285/0x70f", BS_PERCPU, 1, 1},
	{ST_FREE, SZ_FIXED, 4096, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x2cf/0x70f", BS_PERCPU, 2, 1},
	{ST_TRY_NID, SZ_FIXED, 8, 64, 0, 0, -1,
	 "alloc_bootmem_cpumask_var+0x28/0x5b", BS_ALLOC, 0, 5},
	{ST_END, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 0},
};

/* Per-cpu unit of each flavour (the logs' "u" figures). */
static mb_phys_t pcpu_unit(const struct boot *b)
{
	if (b->m.arch == BM_X86_64)
		return 0x100000; /* u1048576 */
	if (b->m.arch == BM_ARM64)
		return 126976;			    /* u126976 */
	return b->m.style == 4 ? 0x10000 : 0x12000; /* u65536 / u73728 */
}

/*
 * Per-cpu groups: one per node that has CPUs (arm64 with NUMA), else one
 * group of every CPU. Fills @nid / @cpus when non-NULL. Return: count.
 */
static unsigned pcpu_groups(const struct boot *b, int *nid, unsigned *cpus)
{
	unsigned n = 0;

	for (int i = 0; i < BOOT_MAX_NODES; i++) {
		if (!b->cpus_on_node[i])
			continue;
		if (nid)
			nid[n] = i;
		if (cpus)
			cpus[n] = b->cpus_on_node[i];
		n++;
	}
	if (!n) {
		if (nid)
			nid[0] = 0;
		if (cpus)
			cpus[0] = b->m.cpus;
		n = 1;
	}
	return n;
}

static mb_phys_t step_size(struct boot *b, const struct st *s)
{
	unsigned long pages;
	unsigned po;

	switch (s->sz) {
	case SZ_FIXED:
		return s->size;
	case SZ_MEMMAP:
		return mb_handover_mem_map_bytes(&b->mb, 0);
	case SZ_USEMAP:
	case SZ_USEMAP_HIGH: {
		/* a zone's pageblock flags: 4 bits per pageblock, in whole
		 * longs; pageblock order 10 on the seed's 4.x kernel (32768
		 * pages -> 16 bytes), 11 on 6.1 armmp (8 bytes for 128 MiB;
		 * 48 + 16 for the 768 + 256 MiB zones of the 1 GiB log) */
		mb_phys_t lo = mb_start_of_DRAM(&b->mb),
			  hi = mb_end_of_DRAM(&b->mb),
			  cut = b->mb.profile.lowmem_end;
		unsigned lb = b->mb.profile.phys_bits == 32 ? 32 : 64;
		unsigned long bits;

		if (cut && cut > lo && cut < hi) {
			if (s->sz == SZ_USEMAP)
				hi = cut;
			else
				lo = cut;
		}
		pages = (unsigned long)((hi - lo) >> 12);
		po = b->m.arch != BM_ARM32 ? 9 : b->m.style == 4 ? 10 : 11;
		bits = ((pages + (1ul << po) - 1) >> po) * 4;
		return ((bits + lb - 1) / lb) * (lb / 8);
	}
	case SZ_PCPU:
		return pcpu_unit(b) * b->m.cpus;
	case SZ_DT:
		/* the vexpress tree's sizes in the two logs; other trees:
		 * about three times the structure block */
		if (b->m.dt_unflatten)
			return b->m.dt_unflatten;
		if (strstr(b->m.dtb, "vexpress"))
			return b->m.style == 4 ? 43972 : 39928;
		return b->blob ? (mb_phys_t)fdt_size_dt_struct(b->blob) * 3 + 4
			       : 4096;
	case SZ_CPUS4:
		return 4 * (mb_phys_t)b->m.cpus;
	case SZ_E820_RES:
		return 64 * (mb_phys_t)b->x86_e820_entries;
	case SZ_CPUS8:
		return 8 * (mb_phys_t)b->m.cpus;
	case SZ_GROUPS8:
		return 8 * (mb_phys_t)pcpu_groups(b, NULL, NULL);
	case SZ_NODES64: {
		unsigned n = 0;

		for (int nid = 0; nid < BOOT_MAX_NODES; nid++)
			n += b->node_has_memory[nid];
		return 64 * (mb_phys_t)(n ? n : 1);
	}
	case SZ_CMDLINE:
		/* saved_command_line and static_command_line (6.1 logs: 51,
		 * 68, 76 and 49 bytes for their command lines) */
		return strlen(b->m.cmdline) + 1;
	case SZ_SECTIONS:
		/* 56 bytes each: the subsection map and 64 pageblocks' flags
		 * (224 bytes for 512 MiB in x86_512M.log and the arm64 log) */
		return ((mb_end_of_DRAM(&b->mb) - mb_start_of_DRAM(&b->mb) +
			 (128 << 20) - 1) >>
			27) *
		       56;
	case SZ_SPARSEMAP:
		/* whole 128 MiB sections of struct pages, 2 MiB aligned */
		pages = (unsigned long)(((mb_end_of_DRAM(&b->mb) + (128 << 20) -
					  1) &
					 ~(mb_phys_t)((128 << 20) - 1)) >>
					12);
		pages -= (unsigned long)(mb_start_of_DRAM(&b->mb) >> 12);
		return ((mb_phys_t)pages * b->mb.profile.page_struct_size +
			0x1fffff) &
		       ~(mb_phys_t)0x1fffff;
	}
	return 0;
}

/* One request through the memblock core (traced as the kernel does). */
/* A step's "from": PCPU_FROM stands for __pa(MAX_DMA_ADDRESS). */
static mb_phys_t step_min(struct boot *b, const struct st *s)
{
	if (s->min != PCPU_FROM)
		return s->min;
	return mb_start_of_DRAM(&b->mb) +
	       (b->m.style == 4 ? 0x7fffffffULL : 0x3fffffffULL);
}

static mb_phys_t via_memblock(struct boot *b, const struct st *s,
			      mb_phys_t size)
{
	struct memblock *mb = &b->mb;
	mb_phys_t min = step_min(b, s);
	void *p = NULL;

	switch (s->op) {
	case ST_MB_ALLOC:
		/* no request line: name the entry point for the records */
		snprintf(b->req_caller, sizeof(b->req_caller),
			 "memblock_alloc");
		return mb_phys_alloc_try_nid(mb, size, s->align,
					     MB_NUMA_NO_NODE);
	case ST_TRY_NID_NP:
	case ST_TRY_NID:
		mb_set_next_caller(mb, s->caller);
		if (s->sz == SZ_SECTIONS) {
			/* near the node's pgdat: the top section of RAM */
			mb_phys_t lo = (mb_end_of_DRAM(mb) - 1) &
				       ~(mb_phys_t)((128 << 20) - 1);

			p = mb_alloc_try_nid(mb, size, s->align, lo,
					     lo + (128 << 20), s->nid);
			break;
		}
		p = mb_alloc_try_nid(mb, size, s->align, min, s->max, s->nid);
		break;
	case ST_TRY_NID_RAW:
		mb_set_next_caller(mb, s->caller);
		p = mb_alloc_try_nid_raw(mb, size, s->align, min, s->max,
					 s->nid);
		break;
	case ST_EXACT_RAW:
		mb_set_next_caller(mb, s->caller);
		p = mb_alloc_exact_nid_raw(mb, size, s->align, min, s->max,
					   s->nid);
		break;
	default:
		break;
	}
	return (mb_phys_t)(uintptr_t)p;
}

/* The same request through the bitmap allocator (4.x bootmem wrappers). */
static mb_phys_t via_bootmem(struct boot *b, const struct st *s, mb_phys_t size)
{
	struct bootmem *bm = &b->res->bootmem;
	mb_phys_t a;
	unsigned fl = BOOTMEM_ALLOC_NOPANIC;

	if (s->nid >= 0)
		fl |= BOOTMEM_ALLOC_NODE;
	a = bootmem_alloc_phys(bm, s->nid < 0 ? 0 : s->nid, size, s->align,
			       s->min ? step_min(b, s) : bm->goal_default, 0,
			       fl);
	if (a)
		bs_recs_add(&b->recs, a, size, s->kind,
			    s->caller ? s->caller : "memblock_alloc");
	return a;
}

/* arm64 pcpu_fc_alloc: each group's chunk on its node, "from" the
 * vmemmap address the log prints. Return: the first chunk. */
static mb_phys_t pcpu_group_chunks(struct boot *b, const struct st *s)
{
	int nid[BOOT_MAX_NODES];
	unsigned cpus[BOOT_MAX_NODES];
	unsigned ng = pcpu_groups(b, nid, cpus);

	b->ngroup_base = ng;
	for (unsigned g = 0; g < ng; g++) {
		struct st one = *s;

		one.op = ST_TRY_NID;
		one.min = b->m.vmemmap_from;
		one.nid = nid[g];
		boot_hint(b, BS_PERCPU);
		b->group_base[g] =
			b->bootmem_up && b->backend == BOOTMEM_BACKEND_BITMAP
				? via_bootmem(b, &one, pcpu_unit(b) * cpus[g])
				: via_memblock(b, &one, pcpu_unit(b) * cpus[g]);
		boot_hint(b, BS__COUNT);
		if (!b->group_base[g])
			b->failed_allocs++;
	}
	return b->group_base[0];
}

static void do_free(struct boot *b, const char *caller, mb_phys_t base,
		    mb_phys_t size)
{
	if (b->bootmem_up && b->backend == BOOTMEM_BACKEND_BITMAP) {
		if (size)
			bootmem_free(&b->res->bootmem, base, size);
		bs_recs_sub(&b->recs, base, size);
		return;
	}
	mb_set_next_caller(&b->mb, caller);
	mb_phys_free(&b->mb, base, size);
}

/* static / reserved / dynamic sizes of each kernel's first chunk, as its
 * log prints them (they depend on the image, not on memory) */
static const unsigned long *pcpu_srd(const struct boot *b)
{
	static const unsigned long srd[4][3] = {
		{36428, 8192, 20916},  /* 4.x armv7 (the seed) */
		{45012, 8192, 20524},  /* 6.1 armmp */
		{87208, 8192, 31576},  /* 6.1 arm64 */
		{217088, 8192, 28672}, /* 6.1 amd64 */
	};
	return srd[b->m.arch == BM_X86_64  ? 3
		   : b->m.arch == BM_ARM64 ? 2
		   : b->m.style == 4	   ? 0
					   : 1];
}

/* Bytes of a unit in use: the pages of static + reserved + dynamic. */
static mb_phys_t pcpu_used(const struct boot *b)
{
	const unsigned long *z = pcpu_srd(b);

	return (mb_phys_t)((z[0] + z[1] + z[2] + 4095) / 4096) * 4096;
}

static void pcpu_message(struct boot *b, mb_phys_t chunk)
{
	const unsigned long *z = pcpu_srd(b);
	unsigned long pages = (unsigned long)(pcpu_used(b) >> 12);
	char line[160];
	mb_phys_t unit = pcpu_unit(b);

	if (b->m.style == 4)
		/* the seed's line: the chunk's virtual address, lowmem at
		 * 0x80000000 on that kernel (0x67eac000 -> @87eac000) */
		snprintf(
			line, sizeof(line),
			"percpu: Embedded %lu pages/cpu @%08llx s%lu r%lu d%lu "
			"u%llu",
			pages,
			(unsigned long long)(chunk - mb_start_of_DRAM(&b->mb) +
					     0x80000000ULL),
			z[0], z[1], z[2], (unsigned long long)unit);
	else
		snprintf(line, sizeof(line),
			 "percpu: Embedded %lu pages/cpu s%lu r%lu d%lu u%llu",
			 pages, z[0], z[1], z[2], (unsigned long long)unit);
	boot_line(b, line);
}

/*
 * of_alias_scan: a record for each /aliases entry that names a node and
 * ends in a number: struct alias_prop (20 bytes on 32-bit, 40 on 64-bit)
 * and the stem ("serial" of "serial0") with its NUL. Return: count.
 */
static unsigned alias_sizes(const struct boot *b, mb_phys_t *sizes,
			    unsigned max)
{
	unsigned n = 0;
	int node, prop;

	if (!b->blob)
		return 0;
	node = fdt_path_offset(b->blob, "/aliases");
	if (node < 0)
		return 0;
	fdt_for_each_property_offset(prop, b->blob, node)
	{
		const char *name, *val;
		int len;
		size_t stem;

		val = fdt_getprop_by_offset(b->blob, prop, &name, &len);
		if (!val || len < 1 || val[len - 1] || !strcmp(name, "name") ||
		    !strcmp(name, "phandle") || !strcmp(name, "linux,phandle"))
			continue;
		if (fdt_path_offset(b->blob, val) < 0)
			continue;
		stem = strlen(name);
		while (stem && name[stem - 1] >= '0' && name[stem - 1] <= '9')
			stem--;
		if (stem == strlen(name) || n == max)
			continue; /* no id: not an alias the kernel keeps */
		sizes[n++] =
			(b->mb.profile.phys_bits == 32 ? 20 : 40) + stem + 1;
	}
	return n;
}

/* How many times a step runs: fixed, or from the machine. */
static unsigned repeats(const struct boot *b, unsigned rep)
{
	mb_phys_t lowmem = b->mb.profile.lowmem_end;

	if (rep == REP_HIGHMEM)
		return lowmem && mb_end_of_DRAM(&b->mb) > lowmem ? 1 : 0;
	if (rep == REP_E820)
		return b->m.ne820;
	if (rep == REP_NOSAVE)
		return b->x86_nosave;
	if (rep == REP_CMA_PTE || rep == REP_CMA_ONE) {
		bool low =
			b->dt.cma_size && (!lowmem || b->dt.cma_base < lowmem);

		if (!low)
			return 0;
		return rep == REP_CMA_ONE ? 1
					  : (unsigned)(b->dt.cma_size >> 21);
	}
	return rep;
}

static const struct st *program(const struct boot *b)
{
	if (b->m.arch == BM_ARM32)
		return b->m.style == 4 ? arm32_v4 : arm32_v6;
	return b->m.arch == BM_X86_64 ? x86_v6 : arm64_v6;
}

/* Bootmem starts: the hand-over's first half (bitmap: ARM bootmem_init). */
static int start_bootmem(struct boot *b)
{
	int err;

	boot_hint(b, BS_TABLE);
	snprintf(b->req_caller, sizeof(b->req_caller), "bootmem_init");
	err = mb_handover_begin(&b->mb, b->backend, &b->info, b->res);
	b->req_caller[0] = '\0';
	boot_hint(b, BS__COUNT);
	if (err) {
		snprintf(b->err, sizeof(b->err), "bootmem init failed (%s)",
			 memblock_strerror(err));
		return -1;
	}
	b->bootmem_up = true;
	if (b->backend == BOOTMEM_BACKEND_BITMAP)
		b->bitmap_pages = b->res->bootmem.node[0].map_pages;
	return 0;
}

int boot_steps_run(struct boot *b)
{
	const struct st *prog = program(b);
	mb_phys_t res[8] = {0}; /* results by tag */
	size_t n = 0, i;

	while (prog[n].op != ST_END)
		n++;
	for (i = 0; i < n; i++) {
		const struct st *s = &prog[i];
		mb_phys_t size = step_size(b, s), a = 0;

		switch (s->op) {
		case ST_BOOTMEM:
			if (start_bootmem(b))
				return -1;
			continue;
		case ST_FREE:
			do_free(b, s->caller, res[s->ref & 7], size);
			continue;
		case ST_PCPU_GROUPS:
			res[s->ref & 7] = pcpu_group_chunks(b, s);
			continue;
		case ST_PCPU_TAILS: {
			/* the unused tail of every unit (0 bytes when the
			 * unit is all in use, as on the ARM kernels), group
			 * by group */
			mb_phys_t unit = pcpu_unit(b), used = pcpu_used(b);
			unsigned cpus[BOOT_MAX_NODES];
			unsigned ng = pcpu_groups(b, NULL, cpus);

			for (unsigned g = 0; g < ng; g++) {
				mb_phys_t base = b->ngroup_base
							 ? b->group_base[g]
							 : res[s->ref & 7];

				for (unsigned c = 0; c < cpus[g]; c++)
					do_free(b, s->caller,
						base + unit * c + used,
						unit - used);
			}
			continue;
		}
		case ST_PCPU_MSG:
			pcpu_message(b, res[s->ref & 7]);
			continue;
		default:
			break;
		}
		unsigned reps = repeats(b, s->repeat);
		mb_phys_t asz[64];

		if (s->repeat == REP_ALIASES)
			reps = alias_sizes(b, asz, 64);
		for (unsigned r = 0; r < reps; r++) {
			if (s->repeat == REP_ALIASES)
				size = asz[r];
			b->nopanic_next = s->op == ST_TRY_NID_NP;
			boot_hint(b, s->kind);
			if (b->bootmem_up &&
			    b->backend == BOOTMEM_BACKEND_BITMAP)
				a = via_bootmem(b, s, size);
			else
				a = via_memblock(b, s, size);
			boot_hint(b, BS__COUNT);
			b->nopanic_next = false;
			if (!a)
				b->failed_allocs++;
		}
		if (s->ref)
			res[s->ref & 7] = a;
	}
	return 0;
}
