/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_tables.c - the early allocations each kernel makes after its
 * first dump, as data: request sizes, alignments and callers as the seed
 * (4.x) and the 6.1 logs print them; sizes that follow from the machine
 * are SZ_* / REP_* markers resolved by boot_steps.c.
 */
#include "boot_steps.h"

#define PT(n, sz_, al)                                                         \
	{                                                                      \
		ST_MB_ALLOC, SZ_FIXED, sz_, al, 0, 0, -1, NULL, BS_PGDIR, 0, n \
	}
#define DTA(sz_)                                                               \
	{                                                                      \
		ST_MB_ALLOC, SZ_FIXED, sz_, 4, 0, 0, -1, NULL, BS_DTB, 0, 1    \
	}

/* The seed (4.x, shared/seed lines 130-194). */
const struct st bt_arm32_v4[] = {
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
const struct st bt_arm32_v6[] = {
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
const struct st bt_arm64_v6[] = {
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
const struct st bt_x86_v6[] = {
	{ST_BOOTMEM, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 1},
	T6(32768, 64, "sparse_init+0x9f/0x23c", BS_MEMMAP),
	/* per node: section index (first node), usage map, struct pages,
	 * vmemmap page tables (first node) */
	{ST_X86_SPARSE, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_MEMMAP, 0, 1},
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
	{ST_PCPU_GROUPS, SZ_FIXED, 0, 0x200000, 0x1000000, 0, 0,
	 "pcpu_fc_alloc+0xf2/0x148", BS_PERCPU, 3, 1},
	{ST_PCPU_TAILS, SZ_FIXED, 0, 0, 0, 0, 0,
	 "pcpu_embed_first_chunk+0x216/0x70f", BS_PERCPU, 3, 1},
	{ST_PCPU_MSG, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_PERCPU, 3, 1},
	/* group offsets and sizes, unit map and offsets, then 336 bytes
	 * + 16 per group (352 for one group, 368 for two in the logs) */
	{ST_TRY_NID, SZ_GROUPS8, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x2ff/0x7af", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_GROUPS8, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x324/0x7af", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_CPUS4, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x34d/0x7af", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_CPUS8, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x38c/0x7af", BS_PERCPU, 0, 1},
	{ST_TRY_NID, SZ_X86_SLOTS, 0, 64, 0, 0, -1,
	 "pcpu_setup_first_chunk+0x696/0x7af", BS_PERCPU, 0, 1},
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
	/* four cpumasks and one per node (node_to_cpumask_map): 5 in
	 * x86_512M.log, 6 with two nodes */
	{ST_TRY_NID, SZ_FIXED, 8, 64, 0, 0, -1,
	 "alloc_bootmem_cpumask_var+0x28/0x5b", BS_ALLOC, 0, REP_CPUMASK},
	{ST_END, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 0},
};
