/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The seed's boot, step by step, transcribed from the memblock=debug log
 * in shared/seed/memblock-and-bootmem.md (lines 119-195; its last line, "Built
 * 1 zonelists...", is the hand-over's). Reservations carry their logged
 * callers; allocations carry the request as logged and the address the seed
 * shows (checked by the demo).
 *
 * SEED_ALLOC rows are 4.x memblock_alloc() calls, which print only their
 * result (a memblock_reserve from memblock_alloc_range_nid). Their size is
 * the printed range; the alignment is inferred: page-multiple sizes are ARM
 * page-table pages (early_alloc, PAGE_SIZE aligned), the others device-tree
 * and io-table records (4-byte aligned).
 */
#include "seed_boot.h"

const struct seed_step seed_steps[] = {
	{SEED_RESERVE, 0x60100000, 0x996fb4, 0, 0,
	 "arm_memblock_init+0x24/0x6c", 0},
	{SEED_RESERVE, 0x60004000, 0x4000, 0, 0,
	 "arm_mm_memblock_reserve+0x18/0x1c", 0},
	{SEED_RESERVE, 0x64000000, 0xc14a, 0, 0,
	 "early_init_dt_reserve_memory_arch+0x18/0x1c", 0},
	{SEED_DUMP, 0, 0, 0, 0, NULL, 0},
	{SEED_ALLOC, 8192, 4096, 0, 0, NULL, 0x67ffe000},
	{SEED_ALLOC, 4096, 4096, 0, 0, NULL, 0x67ffd000},
	{SEED_ALLOC, 40, 4, 0, 0, NULL, 0x67ffcfd8},
	{SEED_ALLOC, 4096, 4096, 0, 0, NULL, 0x67ffb000},
	{SEED_ALLOC, 4096, 4096, 0, 0, NULL, 0x67ffa000},
	{SEED_ALLOC, 4096, 4096, 0, 0, NULL, 0x67ff9000},
	{SEED_VIRT_NOPANIC, 1048576, 0x0, 0x0, 0,
	 "alloc_node_mem_map+0x68/0xc0", 0x67ef9000},
	{SEED_VIRT_NOPANIC, 16, 0x0, 0x0, 0, "free_area_init_node+0x2d8/0x334",
	 0x67ffcfc0},
	{SEED_VIRT, 32, 0x0, 0x0, -1, "setup_arch+0x814/0xb8c", 0x67ffcf80},
	{SEED_ALLOC, 43972, 4, 0, 0, NULL, 0x67eee43c},
	{SEED_ALLOC, 27, 4, 0, 0, NULL, 0x67ffcfa4},
	{SEED_ALLOC, 27, 4, 0, 0, NULL, 0x67ffcf64},
	{SEED_ALLOC, 27, 4, 0, 0, NULL, 0x67ffcf48},
	{SEED_ALLOC, 27, 4, 0, 0, NULL, 0x67ffcf2c},
	{SEED_ALLOC, 24, 4, 0, 0, NULL, 0x67ffcf14},
	{SEED_ALLOC, 24, 4, 0, 0, NULL, 0x67ffcefc},
	{SEED_MESSAGE, 0, 0, 0, 0, "CPU: All CPU(s) started in SVC mode.", 0},
	{SEED_MESSAGE, 0, 0, 0, 0, "random: fast init done", 0},
	{SEED_VIRT, 78, 0x0, 0x0, -1, "start_kernel+0xa4/0x36c", 0x67ffce80},
	{SEED_VIRT, 78, 0x0, 0x0, -1, "start_kernel+0xd0/0x36c", 0x67ffce00},
	{SEED_VIRT, 78, 0x0, 0x0, -1, "start_kernel+0xf4/0x36c", 0x67ffcd80},
	{SEED_VIRT_NOPANIC, 4096, 0x0, 0x0, -1,
	 "pcpu_alloc_alloc_info+0x4c/0x94", 0x67eed400},
	{SEED_VIRT_NOPANIC, 4096, 0x0, 0x0, -1,
	 "pcpu_embed_first_chunk+0x488/0x728", 0x67eec400},
	{SEED_VIRT_NOPANIC, 262144, 0x1000, 0xdfffffff, -1,
	 "pcpu_dfl_fc_alloc+0x24/0x2c", 0x67eac000},
	{SEED_FREE, 0x67ebc000, 0x0, 0, 0, "pcpu_dfl_fc_free+0xc/0x10", 0},
	{SEED_FREE, 0x67ecc000, 0x0, 0, 0, "pcpu_dfl_fc_free+0xc/0x10", 0},
	{SEED_FREE, 0x67edc000, 0x0, 0, 0, "pcpu_dfl_fc_free+0xc/0x10", 0},
	{SEED_FREE, 0x67eec000, 0x0, 0, 0, "pcpu_dfl_fc_free+0xc/0x10", 0},
	{SEED_MESSAGE, 0, 0, 0, 0,
	 "percpu: Embedded 16 pages/cpu @87eac000 s36428 r8192 d20916 u65536",
	 0},
	{SEED_VIRT, 4, 0x0, 0x0, -1, "pcpu_setup_first_chunk+0x3d4/0x998",
	 0x67ffcd40},
	{SEED_VIRT, 4, 0x0, 0x0, -1, "pcpu_setup_first_chunk+0x3f4/0x998",
	 0x67ffcd00},
	{SEED_VIRT, 16, 0x0, 0x0, -1, "pcpu_setup_first_chunk+0x41c/0x998",
	 0x67ffccc0},
	{SEED_VIRT, 16, 0x0, 0x0, -1, "pcpu_setup_first_chunk+0x43c/0x998",
	 0x67ffcc80},
	{SEED_VIRT, 128, 0x0, 0x0, -1, "pcpu_setup_first_chunk+0x84c/0x998",
	 0x67ffcc00},
	{SEED_VIRT, 69, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0x60/0x278",
	 0x67ffcb80},
	{SEED_VIRT, 384, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0xa4/0x278",
	 0x67ffca00},
	{SEED_VIRT, 388, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0xc4/0x278",
	 0x67ffc840},
	{SEED_VIRT, 60, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0xec/0x278",
	 0x67ffc800},
	{SEED_VIRT, 69, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0x60/0x278",
	 0x67ffc780},
	{SEED_VIRT, 768, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0xa4/0x278",
	 0x67ffc480},
	{SEED_VIRT, 772, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0xc4/0x278",
	 0x67ffc140},
	{SEED_VIRT, 120, 0x0, 0x0, -1, "pcpu_alloc_first_chunk+0xec/0x278",
	 0x67ffc0c0},
	{SEED_FREE, 0x67eed400, 0x1000, 0, 0, "pcpu_free_alloc_info+0x14/0x18",
	 0},
	{SEED_FREE, 0x67eec400, 0x1000, 0, 0,
	 "pcpu_embed_first_chunk+0x714/0x728", 0},
};

const unsigned seed_nsteps = sizeof(seed_steps) / sizeof(seed_steps[0]);
