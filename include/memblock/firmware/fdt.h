/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Device-tree front end: turns a flattened device tree (DTB) into memblock
 * calls the way Linux 6.1 does at boot (/memory, /chosen, /memreserve/, the
 * DTB itself, /reserved-memory, the default CMA area).
 *
 * Every boot step is its own public function so that a boot simulator can
 * interleave them with the caller's own reservations (kernel image, initrd,
 * page tables) in the order of the architecture being simulated:
 *
 *   32-bit ARM (setup_arch / arm_memblock_init):
 *     mb_fdt_open, mb_fdt_scan_chosen, mb_fdt_scan_memory,
 *     mb_fdt_apply_usable_range, [caller: kernel, initrd, page directory],
 *     mb_fdt_reserve_self, mb_fdt_scan_reserved_mem, mb_fdt_cma_reserve
 *   arm64 (setup_machine_fdt / arm64_memblock_init / bootmem_init):
 *     mb_fdt_open, mb_fdt_reserve_self, mb_fdt_scan_chosen,
 *     mb_fdt_scan_memory, mb_fdt_apply_usable_range, [caller: linear-map
 *     trimming, kernel, initrd], mb_fdt_scan_reserved_mem, [caller: page
 *     tables], mb_fdt_numa_scan, [caller: sparse init], mb_fdt_cma_reserve
 *
 * Freestanding: libfdt and the memblock core only. The blob is untrusted:
 * mb_fdt_open validates it completely (mb_fdt_check_blob) and every
 * later step re-checks what it reads. A step that fails validation returns
 * a negative MB_E* code before it changes the memblock instance.
 */
#ifndef MEMBLOCK_FIRMWARE_FDT_H
#define MEMBLOCK_FIRMWARE_FDT_H

#include <memblock/memblock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** MB_FDT_MAX_RESERVED_REGIONS - MAX_RESERVED_REGIONS: /reserved-memory
 *  children remembered (64 in Linux 6.1). */
#ifndef MB_FDT_MAX_RESERVED_REGIONS
#define MB_FDT_MAX_RESERVED_REGIONS 64
#endif

/** MB_FDT_MAX_USABLE_RANGES - entries of linux,usable-memory-range used. */
#define MB_FDT_MAX_USABLE_RANGES 2

/** Default CMA sizes of the Debian 6.1 kernels (CONFIG_CMA_SIZE_MBYTES),
 *  as the logs print them ("cma: Reserved 16 MiB" / "64 MiB"). */
#define MB_CMA_DEFAULT_SIZE_ARM32 (16ULL << 20)
#define MB_CMA_DEFAULT_SIZE_ARM64 (64ULL << 20)

/**
 * struct mb_fdt_config - kernel build/board facts the device-tree rules use.
 * mb_fdt_config_default() fills them from the instance's profile.
 */
struct mb_fdt_config {
	/* MIN_MEMBLOCK_ADDR (__pa(PAGE_OFFSET)): memory below is ignored. */
	mb_phys_t min_addr;
	/* MAX_MEMBLOCK_ADDR: memory above is ignored or clipped. */
	mb_phys_t max_addr;
	/* CMA_MIN_ALIGNMENT_BYTES: PAGE_SIZE * pageblock_nr_pages. */
	mb_phys_t cma_min_align;
	/* Start of HighMem (0 = none): CMA tries HighMem first. */
	mb_phys_t highmem_start;
	/* CONFIG_ARM (32-bit): a shared-dma-pool without no-map is refused. */
	bool dma_pool_needs_nomap;
	/* cma= was on the command line: the linux,cma-default node is
	 * bypassed ("using cmdline CMA params instead"). */
	bool cmdline_cma;
	/* Report every overlapping pair of /reserved-memory regions, not
	 * only neighbours after sorting (Linux 6.1 compares neighbours). */
	bool report_all_overlaps;
};

/** struct mb_fdt_rmem - one remembered /reserved-memory child. */
struct mb_fdt_rmem {
	const char *name; /* node name with unit address, inside the blob */
	int offset;	  /* node offset in the blob */
	mb_phys_t base;	  /* first reg entry, or the allocation (dynamic) */
	mb_phys_t size;	  /* 0 until a dynamic region is allocated */
	bool nomap;
	bool reusable;
	bool dynamic; /* no reg, has size: allocated by mb_fdt_init_rmem */
	int init_err; /* 0 initialised, -MB_ENOENT no handler, else error */
	const char
		*compat_id; /* handler that accepted it ("shared-dma-pool") */
	bool cma_pool;	    /* accepted as a CMA pool */
	bool dma_pool;	    /* accepted as a coherent DMA pool */
};

/** struct mb_fdt_chosen - what /chosen says (pointers into the blob). */
struct mb_fdt_chosen {
	bool found;
	const char *bootargs; /* NUL-terminated inside the blob, or NULL */
	bool has_initrd;
	mb_phys_t initrd_start, initrd_end;
	unsigned n_usable; /* linux,usable-memory-range entries read */
	mb_phys_t usable_base[MB_FDT_MAX_USABLE_RANGES];
	mb_phys_t usable_size[MB_FDT_MAX_USABLE_RANGES];
};

/** struct mb_fdt - an opened, validated device tree and its boot state. */
struct mb_fdt {
	const void *blob;
	size_t bufsize;
	int addr_cells; /* root #address-cells (1 when absent, as Linux) */
	int size_cells; /* root #size-cells (1 when absent) */
	struct mb_fdt_config cfg;
	struct mb_fdt_chosen chosen;
	unsigned rmem_count;
	struct mb_fdt_rmem rmem[MB_FDT_MAX_RESERVED_REGIONS];
	/* linux,cma-default pool set up from the tree (skips the default). */
	bool cma_default_from_dt;
	mb_phys_t cma_base, cma_size; /* default CMA area, once reserved */
};

/**
 * mb_fdt_config_default - fill @cfg for @mb's profile: no min address,
 * max = PHYS_ADDR_MAX, CMA alignment PAGE_SIZE << (MAX_ORDER - 1) on 32-bit
 * and PAGE_SIZE << 9 (HugeTLB pageblocks) on 64-bit, HighMem from the
 * profile's lowmem_end, DMA pools need no-map on "arm32".
 */
void mb_fdt_config_default(struct mb_fdt_config *cfg,
			   const struct memblock *mb);

/**
 * mb_fdt_check_blob - full structural check of an untrusted blob of
 * @bufsize bytes: header, size, the /memreserve/ block, a properly nested
 * structure block starting with the root (empty name) and ending with
 * FDT_END, every tag advancing, every property name inside the strings
 * block. Freestanding (libfdt's tag walker only); at least as strict as
 * libfdt's fdt_check_full and it always terminates.
 * Return: 0 or a negative libfdt error (-FDT_ERR_*).
 */
int mb_fdt_check_blob(const void *fdt, size_t bufsize);

/**
 * mb_fdt_open - validate @blob (at most @bufsize bytes) and prepare @dt.
 * @cfg: NULL = mb_fdt_config_default(@mb)
 *
 * Checks the header, the whole structure block (mb_fdt_check_blob) and the
 * root's #address-cells / #size-cells (each must be 1 or 2).
 * Return: 0, or -MB_EINVAL for a malformed blob or bad cell counts.
 */
int mb_fdt_open(struct mb_fdt *dt, const struct memblock *mb, const void *blob,
		size_t bufsize, const struct mb_fdt_config *cfg);

/**
 * mb_fdt_add_memory_range - add one range with the kernel's rules for
 * device-tree memory (early_init_dt_add_memory_arch): page-align the base
 * up (a block smaller than the slack is ignored), size down to pages,
 * ignore/clip what lies above max_addr or below min_addr (with the
 * kernel's "OF: fdt: Ignoring memory ..." warnings), then mb_add.
 * Return: 1 added, 0 ignored, negative error from mb_add.
 */
int mb_fdt_add_memory_range(struct memblock *mb, const struct mb_fdt *dt,
			    mb_phys_t base, mb_phys_t size);

/**
 * mb_fdt_scan_memory - add every /memory node (top-level node whose
 * device_type is "memory", status okay): linux,usable-memory overrides
 * reg; size-0 entries skipped; hotpluggable -> mb_mark_hotplug.
 * Return: number of ranges added, or negative error (blob unchanged
 * instance on validation error or when the table could not take them).
 */
int mb_fdt_scan_memory(struct memblock *mb, const struct mb_fdt *dt);

/**
 * mb_fdt_numa_scan - arm64 NUMA init pass: mb_set_node on memory for every
 * reg range of memory nodes that carry numa-node-id.
 * Return: number of ranges given a node (0: no NUMA information, the
 * caller fakes node 0), or -MB_EINVAL ("NUMA: bad property in memory
 * node"; nothing changed).
 */
int mb_fdt_numa_scan(struct memblock *mb, const struct mb_fdt *dt);

/**
 * mb_fdt_scan_chosen - read /chosen (or /chosen@0) into @dt->chosen:
 * bootargs, linux,initrd-start/-end (1 or 2 cells each),
 * linux,usable-memory-range.
 * Return: 0, -MB_ENOENT without /chosen, -MB_EINVAL for malformed props.
 */
int mb_fdt_scan_chosen(struct mb_fdt *dt);

/**
 * mb_fdt_apply_usable_range - linux,usable-memory-range: cap memory to the
 * first range (mb_cap_memory_range), add the second. No-op without it.
 * Return: 0 or a negative error from mb_add.
 */
int mb_fdt_apply_usable_range(struct memblock *mb, const struct mb_fdt *dt);

/**
 * mb_fdt_reserve_self - reserve the blob itself: [@phys, @phys +
 * fdt_totalsize) (early_init_fdt_reserve_self).
 */
int mb_fdt_reserve_self(struct memblock *mb, const struct mb_fdt *dt,
			mb_phys_t phys);

/**
 * mb_fdt_reserve_memreserve - reserve every /memreserve/ entry.
 * Return: number reserved or negative error.
 */
int mb_fdt_reserve_memreserve(struct memblock *mb, const struct mb_fdt *dt);

/**
 * mb_fdt_scan_rmem - first pass over /reserved-memory: static reg regions
 * reserved (or NOMAP with no-map, refused with -EBUSY when the range is
 * memory and already reserved), every region remembered in @dt->rmem.
 * Return: number remembered; -MB_ENOENT without /reserved-memory;
 * -MB_EINVAL when its cells differ from the root's or ranges is missing.
 */
int mb_fdt_scan_rmem(struct memblock *mb, struct mb_fdt *dt);

/**
 * mb_fdt_check_rmem_overlaps - sort the remembered regions by base (then
 * size) and print the kernel's OVERLAP DETECTED report for each
 * neighbouring pair that overlaps (every overlapping pair with
 * cfg.report_all_overlaps). Both regions stay reserved.
 * Return: number of overlaps reported.
 */
int mb_fdt_check_rmem_overlaps(struct memblock *mb, struct mb_fdt *dt);

/**
 * mb_fdt_init_rmem - second pass (fdt_init_reserved_mem): overlap report,
 * dynamic regions allocated with mb_phys_alloc_range (traced), then each
 * region handed to its handler (shared-dma-pool: CMA pool or coherent DMA
 * pool; restricted-dma-pool) with the kernel's messages. A handler that
 * refuses a region undoes its reservation (NOMAP cleared or freed).
 */
void mb_fdt_init_rmem(struct memblock *mb, struct mb_fdt *dt);

/**
 * mb_fdt_scan_reserved_mem - early_init_fdt_scan_reserved_mem in 6.1
 * order: mb_fdt_scan_rmem, mb_fdt_reserve_memreserve, mb_fdt_init_rmem.
 * Return: 0 or a negative error of the memreserve step.
 */
int mb_fdt_scan_reserved_mem(struct memblock *mb, struct mb_fdt *dt);

/**
 * mb_cma_declare - cma_declare_contiguous_nid's placement rules.
 * @base: 0 = anywhere, else requested start (@fixed: exactly there)
 * @limit: highest end (0 = end of DRAM)
 * @align: 0 = cfg->cma_min_align, else raised to it (power of two)
 * @out_base: where the area went
 *
 * Alignment raised to CMA_MIN_ALIGNMENT_BYTES, base/size rounded up and
 * limit down to it, limit capped at the end of DRAM; 64-bit profiles first
 * try bottom-up above 4 GiB; an area crossing into HighMem is taken from
 * HighMem first; then top-down in [base, limit] through the untraced
 * mb_alloc_range_nid (its reserve line names memblock_alloc_range_nid).
 * Prints "cma: Reserved %ld MiB at %pa" or "cma: Failed to reserve ...".
 * Return: 0, -MB_EINVAL (bad size/alignment/limit), -MB_EBUSY (fixed
 * base taken), -MB_ENOMEM (no room).
 */
int mb_cma_declare(struct memblock *mb, const struct mb_fdt_config *cfg,
		   mb_phys_t base, mb_phys_t size, mb_phys_t limit,
		   mb_phys_t align, bool fixed, mb_phys_t *out_base);

/**
 * mb_fdt_cma_reserve - dma_contiguous_reserve: the default CMA area of
 * @size bytes below @limit, unless a linux,cma-default node already made
 * one or @size is 0.
 * Return: 0 (also when skipped) or a negative error of mb_cma_declare.
 */
int mb_fdt_cma_reserve(struct memblock *mb, struct mb_fdt *dt, mb_phys_t size,
		       mb_phys_t limit);

/**
 * struct mb_fdt_boot - the caller's part of a whole device-tree boot
 * (mb_fdt_boot_arm32 / mb_fdt_boot_arm64).
 */
struct mb_fdt_boot {
	mb_phys_t dtb_phys;    /* where the loader put the blob */
	mb_phys_t phys_offset; /* 32-bit ARM PHYS_OFFSET: mem= default start */
	mb_phys_t cma_default; /* CONFIG_CMA_SIZE_MBYTES in bytes; cma= wins */
	mb_phys_t dma_limit;   /* arm_dma_limit / arm64_dma_phys_limit */
	/* Reservations of the caller, in the architecture's order; either
	 * may be NULL. arch_reserve: kernel image, initrd, page directory
	 * (arm64: also re-adding the kernel after a mem= limit). arch_late
	 * (arm64): page tables and sparse/NODE_DATA allocations that come
	 * before the CMA area. */
	void (*arch_reserve)(struct memblock *mb, void *ctx);
	void (*arch_late)(struct memblock *mb, void *ctx);
	void *ctx;
};

/**
 * mb_fdt_boot_arm32 - the device-tree part of a 32-bit ARM boot, in
 * setup_arch / arm_memblock_init order: /chosen (bootargs parsed with
 * mb_cmdline_parse), /memory, usable range and the blob's reservation
 * (untraced, as in the 6.1 logs; memory below @b->phys_offset is cut
 * unless cfg.min_addr was set), debug on if memblock=debug, each mem=
 * (mb_arm_early_mem), arch_reserve, reserved memory, default CMA area
 * (cma=size[@base] honoured).
 * Return: 0 or the first error of a step. A default CMA area that cannot
 * be placed is no error (Linux prints "cma: Failed to reserve" and boots
 * on): dt->cma_size is 0 then.
 */
int mb_fdt_boot_arm32(struct memblock *mb, struct mb_fdt *dt,
		      const struct mb_fdt_boot *b);

/**
 * mb_fdt_boot_arm64 - the same for arm64: blob reservation, /chosen,
 * /memory, usable range (untraced), debug, mem= as a limit
 * (mb_mem_limit_remove_map), arch_reserve, reserved memory, arch_late,
 * NUMA from numa-node-id (else one node 0 over all memory), CMA.
 * Return: 0 or the first error of a step.
 */
int mb_fdt_boot_arm64(struct memblock *mb, struct mb_fdt *dt,
		      const struct mb_fdt_boot *b);

#ifdef __cplusplus
}
#endif
#endif /* MEMBLOCK_FIRMWARE_FDT_H */
