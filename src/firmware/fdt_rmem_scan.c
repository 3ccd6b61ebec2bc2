/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * /reserved-memory, first pass: reserve the static (reg) regions, mark the
 * no-map ones NOMAP, and remember every child for the second pass.
 */
#include "fdt_internal.h"

/* The node's #<what>-cells must equal the root's, and "ranges" must be
 * there (an identity mapping), or Linux ignores the whole node. */
static bool same_cells(const struct mb_fdt *dt, int node, const char *name,
		       int want)
{
	int len;
	const fdt32_t *p = fwdt_prop(dt, node, name, &len);

	return p && len >= 4 && fdt32_ld(p) == (uint32_t)want;
}

/* early_init_dt_reserve_memory: reserve, or NOMAP for no-map; a no-map
 * range that is memory and already reserved is refused (6.1). */
static int reserve_region(struct memblock *mb, mb_phys_t base, mb_phys_t size,
			  bool nomap)
{
	if (!nomap)
		return mb_reserve(mb, base, size);
	if (mb_overlaps_region(&mb->memory, base, size) &&
	    mb_is_region_reserved(mb, base, size))
		return -MB_EBUSY;
	return mb_mark_nomap(mb, base, size);
}

static void remember(struct memblock *mb, struct mb_fdt *dt, int node,
		     const char *name, mb_phys_t base, mb_phys_t size)
{
	struct mb_fdt_rmem *r;

	if (dt->rmem_count == MB_FDT_MAX_RESERVED_REGIONS) {
		mb_printf(mb, "OF: reserved mem: not enough space for all "
			      "defined regions.");
		return;
	}
	r = &dt->rmem[dt->rmem_count++];
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->offset = node;
	r->base = base;
	r->size = size;
	r->nomap = fwdt_has(dt, node, "no-map");
	r->reusable = fwdt_has(dt, node, "reusable");
	r->dynamic = size == 0;
	r->init_err = -MB_ENOENT;
}

/* One child with a reg property. Return -MB_ENOENT when it has none. */
static int reserve_reg(struct memblock *mb, struct mb_fdt *dt, int node,
		       const char *name)
{
	const int entry = dt->addr_cells + dt->size_cells;
	int len;
	const fdt32_t *p = fwdt_prop(dt, node, "reg", &len);
	bool nomap = fwdt_has(dt, node, "no-map");
	bool first = true;
	char b[20];

	if (!p)
		return -MB_ENOENT;
	if (len && !fwdt_whole_entries(len, entry)) {
		mb_printf(mb,
			  "OF: fdt: Reserved memory: invalid reg property "
			  "in '%s', skipping node.",
			  name);
		return -MB_EINVAL;
	}
	for (len /= 4; len >= entry; p += entry, len -= entry) {
		mb_phys_t base = fwdt_phys(mb, fwdt_cells(p, dt->addr_cells));
		mb_phys_t size = fwdt_phys(
			mb, fwdt_cells(p + dt->addr_cells, dt->size_cells));

		if (!size || reserve_region(mb, base, size, nomap) != 0)
			mb_printf(mb,
				  "OF: fdt: Reserved memory: failed to "
				  "reserve memory for node '%s': base %s, "
				  "size %lu MiB",
				  name, fwdt_pa(mb, base, b),
				  (unsigned long)(size >> 20));
		if (first) {
			/* Only the first entry describes the region. */
			remember(mb, dt, node, name, base, size);
			first = false;
		}
	}
	return 0;
}

int mb_fdt_scan_rmem(struct memblock *mb, struct mb_fdt *dt)
{
	int root, child;

	if (!dt->blob)
		return -MB_EINVAL;
	dt->rmem_count = 0;
	root = fdt_path_offset(dt->blob, "/reserved-memory");
	if (root < 0)
		return -MB_ENOENT;
	if (!same_cells(dt, root, "#size-cells", dt->size_cells) ||
	    !same_cells(dt, root, "#address-cells", dt->addr_cells) ||
	    !fwdt_has(dt, root, "ranges")) {
		mb_printf(mb, "OF: fdt: Reserved memory: unsupported node "
			      "format, ignoring");
		return -MB_EINVAL;
	}
	fdt_for_each_subnode(child, dt->blob, root)
	{
		const char *name = fdt_get_name(dt->blob, child, NULL);

		if (!name || !fwdt_available(dt, child))
			continue;
		if (reserve_reg(mb, dt, child, name) == -MB_ENOENT &&
		    fwdt_has(dt, child, "size"))
			remember(mb, dt, child, name, 0, 0);
	}
	return (int)dt->rmem_count;
}
