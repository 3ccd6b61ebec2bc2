/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Whole device-tree boots: the front end's steps in the order 32-bit ARM
 * and arm64 Linux 6.1 run them, with the caller's reservations between.
 */
#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>

#include "fdt_internal.h"

#define MAX_MEM_RANGES 16

struct boot_args {
	struct mb_cmdline cl;
	struct mb_cmdline_range ranges[MAX_MEM_RANGES];
};

/* /chosen and its bootargs; a tree without /chosen boots all the same. */
static int read_chosen(struct mb_fdt *dt, struct boot_args *a)
{
	int err = mb_fdt_scan_chosen(dt);

	if (err && err != -MB_ENOENT)
		return err;
	mb_cmdline_init(&a->cl, NULL, 0, a->ranges, MAX_MEM_RANGES);
	if (dt->chosen.bootargs)
		/* bad parameters are skipped, as the kernel does */
		mb_cmdline_parse(&a->cl, dt->chosen.bootargs);
	dt->cfg.cmdline_cma = a->cl.cma_set;
	return 0;
}

static int scan_ram(struct memblock *mb, struct mb_fdt *dt)
{
	int err = mb_fdt_scan_memory(mb, dt);

	if (err < 0)
		return err;
	return mb_fdt_apply_usable_range(mb, dt);
}

/*
 * dma_contiguous_reserve with the command line's cma= if any. A failure is
 * not a boot failure: the kernel prints "cma: Failed to reserve N MiB" and
 * carries on without the area (corpus arm_vexpress_512M_cma16M_fixed.log,
 * a fixed base on the blob). dt->cma_size stays 0 then.
 */
static int default_cma(struct memblock *mb, struct mb_fdt *dt,
		       const struct boot_args *a, const struct mb_fdt_boot *b)
{
	const struct mb_cmdline *cl = &a->cl;
	mb_phys_t size = cl->cma_set ? cl->cma_size : b->cma_default;
	mb_phys_t base = 0, align = dt->cfg.cma_min_align;

	if (!cl->cma_has_base) {
		(void)mb_fdt_cma_reserve(mb, dt, size, b->dma_limit);
		return 0;
	}
	if (!size || dt->cma_default_from_dt)
		return 0;
	if (!mb_cma_declare(mb, &dt->cfg, cl->cma_base, size,
			    cl->cma_has_limit ? cl->cma_limit : b->dma_limit, 0,
			    true, &base)) {
		dt->cma_base = base;
		/* whole pageblocks, as placed (size < 2^64 - align there) */
		dt->cma_size = (size + align - 1) & ~(align - 1);
	}
	return 0;
}

int mb_fdt_boot_arm32(struct memblock *mb, struct mb_fdt *dt,
		      const struct mb_fdt_boot *b)
{
	struct boot_args a;
	struct mb_arm_mem_state st = {0};
	int err;

	if (!dt->blob || !b)
		return -MB_EINVAL;
	/* MIN_MEMBLOCK_ADDR is __pa(PAGE_OFFSET), i.e. PHYS_OFFSET on arm */
	if (!dt->cfg.min_addr)
		dt->cfg.min_addr = b->phys_offset;
	err = read_chosen(dt, &a);
	if (!err)
		err = scan_ram(mb, dt);
	if (!err)
		err = mb_fdt_reserve_self(mb, dt, b->dtb_phys);
	if (err)
		return err;
	if (a.cl.memblock_debug)
		mb_set_debug(mb, true);
	for (size_t i = 0; i < a.cl.mem_ranges_cnt; i++)
		mb_arm_early_mem(mb, &st, b->phys_offset, &a.ranges[i]);
	if (b->arch_reserve)
		b->arch_reserve(mb, b->ctx);
	err = mb_fdt_scan_reserved_mem(mb, dt);
	if (err)
		return err;
	return default_cma(mb, dt, &a, b);
}

int mb_fdt_boot_arm64(struct memblock *mb, struct mb_fdt *dt,
		      const struct mb_fdt_boot *b)
{
	struct boot_args a;
	int err, nodes;

	if (!dt->blob || !b)
		return -MB_EINVAL;
	err = mb_fdt_reserve_self(mb, dt, b->dtb_phys);
	if (!err)
		err = read_chosen(dt, &a);
	if (!err)
		err = scan_ram(mb, dt);
	if (err)
		return err;
	if (a.cl.memblock_debug)
		mb_set_debug(mb, true);
	if (a.cl.mem_count)
		mb_mem_limit_remove_map(mb, a.cl.mem_limit);
	if (b->arch_reserve)
		b->arch_reserve(mb, b->ctx);
	err = mb_fdt_scan_reserved_mem(mb, dt);
	if (err)
		return err;
	if (b->arch_late)
		b->arch_late(mb, b->ctx);
	nodes = mb_fdt_numa_scan(mb, dt);
	if (nodes < 0)
		return nodes;
	if (nodes == 0 && mb_end_of_DRAM(mb)) {
		mb_phys_t lo = mb_start_of_DRAM(mb);

		/* "NUMA: Faking a node at [mem ...]" */
		mb_set_node(mb, lo, mb_end_of_DRAM(mb) - lo, &mb->memory, 0);
	}
	return default_cma(mb, dt, &a, b);
}
