/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Firmware hand-off to memblock for the example kernels (see setup.h).
 * Freestanding: it is compiled into the bare-metal images and into the
 * host reference tool alike.
 */
#include "setup.h"

#include <memblock/firmware/atags.h>
#include <memblock/firmware/e820.h>
#include <memblock/firmware/multiboot.h>

#include <string.h>

const struct mb_profile *setup_profile(enum setup_arch arch)
{
	return arch == SETUP_ARM32   ? &mb_profile_arm32
	       : arch == SETUP_ARM64 ? &mb_profile_arm64
				     : &mb_profile_x86_64;
}

int setup_init(struct memblock *mb, struct memblock_region *memory,
	       struct memblock_region *reserved, enum setup_arch arch,
	       const struct mb_env *env)
{
	return mb_init(mb, setup_profile(arch), env, memory, SETUP_REGIONS,
		       reserved, SETUP_REGIONS, NULL, 0);
}

/* memmap= edits and 32-bit ARM mem= banks of the one command line. */
static struct mb_memmap_op memmap_ops[32];
static struct mb_cmdline_range mem_ranges[8];

int setup_cmdline(struct memblock *mb, struct mb_cmdline *cl, const char *line)
{
	int err;

	mb_cmdline_init(cl, memmap_ops, 32, mem_ranges, 8);
	err = mb_cmdline_parse(cl, line ? line : "");
	if (cl->memblock_debug)
		mb_set_debug(mb, true);
	return err;
}

/*
 * 32-bit ARM: allocations stay below the start of HighMem (the kernel sets
 * memblock's current_limit to arm_lowmem_limit); the dump does not show it.
 */
static void arm32_lowmem_limit(struct memblock *mb)
{
	mb_phys_t low = mb->profile.lowmem_end;

	if (low && low < mb_end_of_DRAM(mb))
		mb_set_current_limit(mb, low);
}

int setup_reserve_kernel(struct memblock *mb, const struct kernel_layout *k)
{
	int err = mb_reserve(mb, k->image_start, k->image_end - k->image_start);

	if (err)
		return err;
	return mb_reserve(mb, k->stack_start, k->stack_end - k->stack_start);
}

/* The default CMA area only when cma= asks for one (the examples keep
 * their memory maps small and readable). */
static int reserve_cmdline_cma(struct memblock *mb, struct mb_fdt *dt,
			       const struct mb_cmdline *cl)
{
	if (!cl->cma_set || cl->cma_size == 0)
		return 0;
	/* Like the kernel, a CMA area that cannot be placed is reported
	 * ("cma: Failed to reserve ...") and the boot goes on without it. */
	(void)mb_fdt_cma_reserve(mb, dt, cl->cma_size, 0);
	return 0;
}

int setup_from_dt(struct memblock *mb, struct mb_fdt *dt, enum setup_arch arch,
		  const void *blob, size_t blob_size, mb_phys_t blob_phys,
		  const struct kernel_layout *k, struct mb_cmdline *cl)
{
	struct mb_fdt_config cfg;
	int err;

	mb_fdt_config_default(&cfg, mb);
	err = mb_fdt_open(dt, mb, blob, blob_size, &cfg);
	if (err)
		return err;
	if (arch == SETUP_ARM64) {
		/* arm64 reserves the blob before anything else. */
		err = mb_fdt_reserve_self(mb, dt, blob_phys);
		if (err)
			return err;
	}
	mb_fdt_scan_chosen(dt); /* -MB_ENOENT without /chosen is fine */
	err = mb_fdt_scan_memory(mb, dt);
	if (err < 0)
		return err;
	err = mb_fdt_apply_usable_range(mb, dt);
	if (err)
		return err;
	/* Early parameters are parsed once memory is known, as on ARM. */
	setup_cmdline(mb, cl, dt->chosen.bootargs);
	dt->cfg.cmdline_cma = cl->cma_set;
	if (arch == SETUP_ARM32) {
		struct mb_arm_mem_state st = {0};

		for (size_t i = 0; i < cl->mem_ranges_cnt; i++)
			mb_arm_early_mem(mb, &st, k->phys_offset,
					 &cl->mem_ranges[i]);
	} else if (cl->mem_count) {
		/* arm64 mem= (arm64_memblock_init): memory past the first
		 * mem_limit bytes goes, reservations there too (untraced). */
		mb_mem_limit_remove_map(mb, cl->mem_limit);
	}
	err = setup_reserve_kernel(mb, k);
	if (err)
		return err;
	if (arch == SETUP_ARM32) {
		arm32_lowmem_limit(mb);
		err = mb_fdt_reserve_self(mb, dt, blob_phys);
		if (err)
			return err;
	}
	err = mb_fdt_scan_reserved_mem(mb, dt);
	if (err)
		return err;
	if (arch == SETUP_ARM64) {
		err = mb_fdt_numa_scan(mb, dt);
		if (err < 0)
			return err;
		/* No numa-node-id anywhere: arm64 fakes one node 0. */
		if (err == 0)
			mb_set_node(mb, 0, mb_phys_addr_max(mb), &mb->memory,
				    0);
	}
	return reserve_cmdline_cma(mb, dt, cl);
}

/* ---- ATAGs (32-bit ARM without a device tree) ---- */
int setup_from_atags(struct memblock *mb, const void *atags, size_t len,
		     const struct kernel_layout *k, struct mb_cmdline *cl,
		     char *cmdline, size_t cmdline_len)
{
	struct mb_arm_mem_state st = {0};
	struct mb_atags at;
	int err;

	if (cmdline_len)
		cmdline[0] = '\0';
	err = mb_atags_parse(mb, atags, len, &at);
	if (err)
		return err;
	if (at.cmdline && cmdline_len) {
		size_t n = strnlen(at.cmdline, cmdline_len - 1);

		memcpy(cmdline, at.cmdline, n);
		cmdline[n] = '\0';
	}
	/* parse_early_param: mem= rewrites the banks before registration. */
	setup_cmdline(mb, cl, cmdline_len ? cmdline : "");
	for (size_t i = 0; i < cl->mem_ranges_cnt; i++)
		mb_meminfo_early_mem(mb, &at.meminfo, &st, k->phys_offset,
				     &cl->mem_ranges[i]);
	/* arm_memblock_init: the banks, then the kernel. */
	err = mb_meminfo_register(mb, &at.meminfo);
	if (err)
		return err;
	arm32_lowmem_limit(mb);
	return setup_reserve_kernel(mb, k);
}

/* ---- multiboot 1 memory map (x86) ---- */
static struct mb_e820_entry e820_entries[128];
static uint64_t e820_scratch[MB_E820_SCRATCH_BYTES(128) / 8];

int setup_from_multiboot_mmap(struct memblock *mb, const void *mmap, size_t len,
			      const char *cmdline,
			      const struct kernel_layout *k,
			      struct mb_cmdline *cl)
{
	struct mb_e820_table t;
	int err;

	err = mb_e820_table_init(&t, e820_entries, 128, e820_scratch,
				 sizeof(e820_scratch));
	if (err)
		return err;
	/* The loader's map, entry by entry, as e820 ranges. */
	err = mb_multiboot1_mmap_to_e820(mmap, len, &t);
	if (err)
		return err;
	err = mb_e820_sanitize(&t);
	if (err)
		return err;
	/* setup_arch order: early parameters, user map, BIOS ranges. */
	setup_cmdline(mb, cl, cmdline);
	mb_e820_print(mb, &t, "BIOS-e820");
	err = mb_e820_apply_cmdline(mb, &t, cl);
	if (err)
		return err;
	err = mb_e820_trim_bios_range(mb, &t);
	if (err)
		return err;
	err = mb_e820_memblock_setup(mb, &t, NULL);
	if (err)
		return err;
	err = setup_reserve_kernel(mb, k);
	if (err)
		return err;
	/* 6.1 keeps the whole first MiB away from allocations. */
	err = mb_reserve(mb, 0, 1 << 20);
	if (err)
		return err;
	/* Paging is off and this kernel is 32-bit: only the low 4 GiB can
	 * be written, so nothing is allocated above it. */
	mb_set_current_limit(mb, (mb_phys_t)1 << 32);
	return 0;
}
