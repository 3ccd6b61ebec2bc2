/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The default CMA area: where Linux 6.1 puts a contiguous area of a given
 * size (cma_declare_contiguous_nid's rules), and dma_contiguous_reserve.
 */
#include "fdt_internal.h"

#define SZ_4G (1ULL << 32)

static mb_phys_t alloc_area(struct memblock *mb, mb_phys_t size,
			    mb_phys_t align, mb_phys_t start, mb_phys_t end)
{
	return mb_alloc_range_nid(mb, size, align, start, end, MB_NUMA_NO_NODE,
				  true);
}

static int place_area(struct memblock *mb, const struct mb_fdt_config *cfg,
		      mb_phys_t *base, mb_phys_t *size, mb_phys_t limit,
		      mb_phys_t align, bool fixed)
{
	const mb_phys_t dram_end = mb_end_of_DRAM(mb);
	mb_phys_t highmem = dram_end, addr = 0;
	char b1[20], b2[20], b3[20];

	if (cfg->highmem_start && cfg->highmem_start < dram_end)
		highmem = cfg->highmem_start;
	if (align < cfg->cma_min_align)
		align = cfg->cma_min_align;
	if (fixed && (*base & (align - 1)))
		return -MB_EINVAL;
	/* rounding up must not wrap past 2^64 (untrusted sizes) */
	if (*base > ~(mb_phys_t)0 - align || *size > ~(mb_phys_t)0 - align ||
	    *base + *size < *base)
		return -MB_EINVAL;
	*base = (*base + align - 1) & ~(align - 1);
	*size = (*size + align - 1) & ~(align - 1);
	limit &= ~(align - 1);
	if (*base + *size < *base)
		return -MB_EINVAL;
	if (!*base)
		fixed = false;
	if (fixed && *base<highmem && * base + *size> highmem) {
		mb_printf(mb,
			  "cma: Region at %s defined on low/high memory "
			  "boundary (%s)",
			  fwdt_pa(mb, *base, b1), fwdt_pa(mb, highmem, b2));
		return -MB_EINVAL;
	}
	if (!limit || limit > dram_end)
		limit = dram_end;
	if (*base + *size > limit) {
		mb_printf(mb,
			  "cma: Size (%s) of region at %s exceeds limit (%s)",
			  fwdt_pa(mb, *size, b1), fwdt_pa(mb, *base, b2),
			  fwdt_pa(mb, limit, b3));
		return -MB_EINVAL;
	}
	if (fixed) {
		if (mb_is_region_reserved(mb, *base, *size) ||
		    mb_reserve(mb, *base, *size) < 0)
			return -MB_EBUSY;
		return 0;
	}
	/*
	 * Linux 6.1's order. An area must not straddle HighMem, so when the
	 * range crosses it the HighMem part is tried first, top-down, and the
	 * rest of the search stays below it. Then, with a 64-bit phys_addr_t
	 * (LPAE, arm64) and RAM reaching past 4 GiB + size, a bottom-up try
	 * from 4 GiB whose result replaces the HighMem one even when it
	 * failed: 6.1 does not look at the HighMem result first, so that
	 * block stays reserved, unused (arm_virt_lpae_4G.log lines 12-14:
	 * 0xfee00000 reserved, then the area at 0x6f000000). Last, with
	 * nothing found yet, [base, limit).
	 */
	if (*base < highmem && limit > highmem) {
		addr = alloc_area(mb, *size, align, highmem, limit);
		limit = highmem;
	}
	if (mb->profile.phys_bits > 32 && !mb_bottom_up(mb) &&
	    dram_end >= SZ_4G + *size) {
		mb_set_bottom_up(mb, true);
		addr = alloc_area(mb, *size, align, SZ_4G, limit);
		mb_set_bottom_up(mb, false);
	}
	if (!addr)
		addr = alloc_area(mb, *size, align, *base, limit);
	if (!addr)
		return -MB_ENOMEM;
	*base = addr;
	return 0;
}

int mb_cma_declare(struct memblock *mb, const struct mb_fdt_config *cfg,
		   mb_phys_t base, mb_phys_t size, mb_phys_t limit,
		   mb_phys_t align, bool fixed, mb_phys_t *out_base)
{
	char b[20];
	int err;

	if (!size || (align & (align - 1)) || !cfg->cma_min_align ||
	    (cfg->cma_min_align & (cfg->cma_min_align - 1)))
		return -MB_EINVAL;
	err = place_area(mb, cfg, &base, &size, limit, align, fixed);
	if (err) {
		mb_printf(mb, "cma: Failed to reserve %ld MiB",
			  (long)(size >> 20));
		return err;
	}
	if (out_base)
		*out_base = base;
	mb_printf(mb, "cma: Reserved %ld MiB at %s", (long)(size >> 20),
		  fwdt_pa(mb, base, b));
	return 0;
}

int mb_fdt_cma_reserve(struct memblock *mb, struct mb_fdt *dt, mb_phys_t size,
		       mb_phys_t limit)
{
	mb_phys_t base = 0;
	int err;

	if (!size || dt->cma_default_from_dt)
		return 0;
	err = mb_cma_declare(mb, &dt->cfg, 0, size, limit, 0, false, &base);
	if (err)
		return err;
	dt->cma_base = base;
	/* the area's size after rounding to whole pageblocks */
	dt->cma_size = (size + dt->cfg.cma_min_align - 1) &
		       ~(dt->cfg.cma_min_align - 1);
	return 0;
}
