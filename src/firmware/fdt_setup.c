/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Opening a device tree: validation of the untrusted blob and the root's
 * cell sizes, and the configuration derived from the machine profile.
 */
#include "fdt_internal.h"

void mb_fdt_config_default(struct mb_fdt_config *cfg, const struct memblock *mb)
{
	const struct mb_profile *p = &mb->profile;
	unsigned order;

	memset(cfg, 0, sizeof(*cfg));
	cfg->min_addr = 0;
	cfg->max_addr = mb_phys_addr_max(mb);
	/*
	 * CMA alignment: one pageblock (Linux 6.1). pageblock_order is
	 * HUGETLB_PAGE_ORDER (9 with 4 KiB pages) with a 64-bit phys_addr_t
	 * (arm64, LPAE), MAX_ORDER - 1 on non-LPAE armmp, whose MAX_ORDER is
	 * 12 (the profile's value): 8 MiB. The logs agree: arm64 CMA at
	 * 0x5b600000 (2 MiB aligned only); armmp cma=12M gives a 16 MiB area
	 * and the 3 GiB virt area is at 0xfe800000 (corpus
	 * arm_vexpress_256M_cma12M.log, arm_virt_3G.log).
	 */
	if (p->phys_bits > 32)
		order = 9;
	else
		order = p->max_order ? p->max_order - 1 : 10;
	cfg->cma_min_align = p->page_size << order;
	cfg->highmem_start = p->lowmem_end;
	cfg->dma_pool_needs_nomap = p->name && fwdt_streq(p->name, "arm32");
	cfg->cmdline_cma = false;
}

/* Root #address-cells / #size-cells: 1 when absent (Linux's
 * OF_ROOT_NODE_*_CELLS_DEFAULT); only 1 or 2 are accepted. */
static int root_cells(const struct mb_fdt *dt, const char *name, int *out)
{
	int len;
	const fdt32_t *p = fwdt_prop(dt, 0, name, &len);
	uint32_t v;

	if (!p) {
		*out = 1;
		return 0;
	}
	if (len != 4)
		return -MB_EINVAL;
	v = fdt32_ld(p);
	if (v < 1 || v > 2)
		return -MB_EINVAL;
	*out = (int)v;
	return 0;
}

int mb_fdt_open(struct mb_fdt *dt, const struct memblock *mb, const void *blob,
		size_t bufsize, const struct mb_fdt_config *cfg)
{
	int err;

	if (!dt || !mb || !blob)
		return -MB_EINVAL;
	memset(dt, 0, sizeof(*dt));
	if (bufsize < sizeof(struct fdt_header) || bufsize > 0x7fffffff)
		return -MB_EINVAL;
	if (fdt_check_header(blob) != 0 || fdt_totalsize(blob) > bufsize)
		return -MB_EINVAL;
	if (mb_fdt_check_blob(blob, bufsize) != 0)
		return -MB_EINVAL;
	dt->blob = blob;
	dt->bufsize = bufsize;
	err = root_cells(dt, "#address-cells", &dt->addr_cells);
	if (!err)
		err = root_cells(dt, "#size-cells", &dt->size_cells);
	if (err) {
		dt->blob = NULL;
		return err;
	}
	if (cfg)
		dt->cfg = *cfg;
	else
		mb_fdt_config_default(&dt->cfg, mb);
	return 0;
}
