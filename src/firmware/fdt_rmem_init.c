/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * /reserved-memory, second pass: overlap report, allocation of the dynamic
 * regions, and set-up of each region by its handler (CMA pool or coherent
 * DMA pool for "shared-dma-pool").
 */
#include "fdt_internal.h"

static bool rmem_before(const struct mb_fdt_rmem *a,
			const struct mb_fdt_rmem *b)
{
	if (a->base != b->base)
		return a->base < b->base;
	return a->size < b->size; /* dynamic (size 0) first */
}

static int report_overlap(struct memblock *mb, const struct mb_fdt_rmem *a,
			  const struct mb_fdt_rmem *b)
{
	char b1[20], b2[20], b3[20], b4[20];

	if (a->base + a->size <= b->base)
		return 0;
	mb_printf(mb, "OF: reserved mem: OVERLAP DETECTED!");
	mb_printf(mb, "%s (%s--%s) overlaps with %s (%s--%s)", a->name,
		  fwdt_pa(mb, a->base, b1), fwdt_pa(mb, a->base + a->size, b2),
		  b->name, fwdt_pa(mb, b->base, b3),
		  fwdt_pa(mb, b->base + b->size, b4));
	return 1;
}

int mb_fdt_check_rmem_overlaps(struct memblock *mb, struct mb_fdt *dt)
{
	int found = 0;

	/* Stable insertion sort: the table holds at most 64 entries. */
	for (unsigned i = 1; i < dt->rmem_count; i++) {
		struct mb_fdt_rmem cur = dt->rmem[i];
		unsigned j = i;

		for (; j > 0 && rmem_before(&cur, &dt->rmem[j - 1]); j--)
			dt->rmem[j] = dt->rmem[j - 1];
		dt->rmem[j] = cur;
	}
	/* Like Linux, only neighbours in that order are compared, unless
	 * every pair is asked for. */
	for (unsigned i = 0; i + 1 < dt->rmem_count; i++) {
		unsigned last =
			dt->cfg.report_all_overlaps ? dt->rmem_count : i + 2;

		for (unsigned j = i + 1; j < last; j++)
			found += report_overlap(mb, &dt->rmem[i], &dt->rmem[j]);
	}
	return found;
}

/* early_init_dt_alloc_reserved_memory_arch: allocate, then NOMAP. */
static int alloc_one(struct memblock *mb, mb_phys_t size, mb_phys_t align,
		     mb_phys_t start, mb_phys_t end, bool nomap, mb_phys_t *out)
{
	mb_phys_t base;

	if (!end)
		end = MB_ALLOC_ANYWHERE;
	if (!align)
		align = mb->profile.smp_cache_bytes;
	base = mb_phys_alloc_range(mb, size, align, start, end);
	if (!base)
		return -MB_ENOMEM;
	*out = base;
	if (nomap && mb_mark_nomap(mb, base, size) != 0) {
		mb_phys_free(mb, base, size);
		return -MB_ENOMEM;
	}
	return 0;
}

/* A dynamic region: size, optional alignment and alloc-ranges. */
static int alloc_dynamic(struct memblock *mb, struct mb_fdt *dt,
			 struct mb_fdt_rmem *r)
{
	const int entry = dt->addr_cells + dt->size_cells;
	mb_phys_t size, align = 0, base = 0;
	const fdt32_t *p;
	int len;

	p = fwdt_prop(dt, r->offset, "size", &len);
	if (!p)
		return -MB_EINVAL;
	if (len != 4 * dt->size_cells) {
		mb_printf(mb,
			  "OF: reserved mem: invalid size property in "
			  "'%s' node.",
			  r->name);
		return -MB_EINVAL;
	}
	size = fwdt_phys(mb, fwdt_cells(p, dt->size_cells));

	p = fwdt_prop(dt, r->offset, "alignment", &len);
	if (p) {
		if (len != 4 * dt->addr_cells) {
			mb_printf(mb,
				  "OF: reserved mem: invalid alignment "
				  "property in '%s' node.",
				  r->name);
			return -MB_EINVAL;
		}
		align = fwdt_phys(mb, fwdt_cells(p, dt->addr_cells));
	}
	/* A CMA pool must be made of whole pageblocks. */
	if (fwdt_compatible(dt, r->offset, "shared-dma-pool") && r->reusable &&
	    !r->nomap && align < dt->cfg.cma_min_align)
		align = dt->cfg.cma_min_align;

	p = fwdt_prop(dt, r->offset, "alloc-ranges", &len);
	if (p) {
		if (!fwdt_whole_entries(len, entry)) {
			mb_printf(mb,
				  "OF: reserved mem: invalid alloc-ranges "
				  "property in '%s', skipping node.",
				  r->name);
			return -MB_EINVAL;
		}
		for (len /= 4; len >= entry; p += entry, len -= entry) {
			mb_phys_t start =
				fwdt_phys(mb, fwdt_cells(p, dt->addr_cells));
			mb_phys_t end = fwdt_phys(
				mb, start + fwdt_cells(p + dt->addr_cells,
						       dt->size_cells));

			if (alloc_one(mb, size, align, start, end, r->nomap,
				      &base) == 0)
				break;
		}
	} else {
		alloc_one(mb, size, align, 0, 0, r->nomap, &base);
	}
	if (!base) {
		mb_printf(mb,
			  "OF: reserved mem: failed to allocate memory "
			  "for node '%s'",
			  r->name);
		return -MB_ENOMEM;
	}
	r->base = base;
	r->size = size;
	return 0;
}

/* rmem_cma_setup: a reusable shared-dma-pool becomes a CMA area. */
static int setup_cma(struct memblock *mb, struct mb_fdt *dt,
		     struct mb_fdt_rmem *r)
{
	bool is_default = fwdt_has(dt, r->offset, "linux,cma-default");
	mb_phys_t mask = dt->cfg.cma_min_align - 1;
	char b[20];

	if (!r->reusable || r->nomap)
		return -MB_EINVAL;
	if (dt->cfg.cmdline_cma && is_default) {
		mb_printf(mb,
			  "Reserved memory: bypass %s node, using cmdline "
			  "CMA params instead",
			  r->name);
		return -MB_EBUSY;
	}
	if ((r->base | r->size) & mask) {
		mb_printf(mb, "Reserved memory: incorrect alignment of CMA "
			      "region");
		return -MB_EINVAL;
	}
	if (is_default) {
		dt->cma_default_from_dt = true;
		dt->cma_base = r->base;
		dt->cma_size = r->size;
	}
	r->cma_pool = true;
	mb_printf(
		mb,
		"Reserved memory: created CMA memory pool at %s, size %ld MiB",
		fwdt_pa(mb, r->base, b), (long)(r->size >> 20));
	return 0;
}

/* rmem_dma_setup: any other shared-dma-pool is a coherent DMA pool. */
static int setup_dma(struct memblock *mb, struct mb_fdt *dt,
		     struct mb_fdt_rmem *r)
{
	char b[20];

	if (r->reusable)
		return -MB_EINVAL;
	if (dt->cfg.dma_pool_needs_nomap && !r->nomap) {
		mb_printf(mb, "Reserved memory: regions without no-map are not "
			      "yet supported");
		return -MB_EINVAL;
	}
	r->dma_pool = true;
	mb_printf(
		mb,
		"Reserved memory: created DMA memory pool at %s, size %ld MiB",
		fwdt_pa(mb, r->base, b), (long)(r->size >> 20));
	return 0;
}

struct rmem_handler {
	const char *compat;
	int (*setup)(struct memblock *, struct mb_fdt *, struct mb_fdt_rmem *);
};

/* The reserved-memory handlers of a Debian 6.1 kernel this front end
 * models, in the kernel's table order. */
static const struct rmem_handler handlers[] = {
	{"shared-dma-pool", setup_cma},
	{"shared-dma-pool", setup_dma},
};

static int init_node(struct memblock *mb, struct mb_fdt *dt,
		     struct mb_fdt_rmem *r)
{
	int ret = -MB_ENOENT;

	for (size_t i = 0; i < sizeof(handlers) / sizeof(handlers[0]); i++) {
		if (!fwdt_compatible(dt, r->offset, handlers[i].compat))
			continue;
		ret = handlers[i].setup(mb, dt, r);
		if (ret == 0) {
			r->compat_id = handlers[i].compat;
			mb_printf(mb,
				  "OF: reserved mem: initialized node %s, "
				  "compatible id %s",
				  r->name, handlers[i].compat);
			break;
		}
	}
	return ret;
}

void mb_fdt_init_rmem(struct memblock *mb, struct mb_fdt *dt)
{
	if (!dt->blob)
		return;
	mb_fdt_check_rmem_overlaps(mb, dt);
	for (unsigned i = 0; i < dt->rmem_count; i++) {
		struct mb_fdt_rmem *r = &dt->rmem[i];
		int err = 0;

		if (r->size == 0)
			err = alloc_dynamic(mb, dt, r);
		if (err) {
			r->init_err = err;
			continue;
		}
		err = init_node(mb, dt, r);
		r->init_err = err;
		if (err && err != -MB_ENOENT) {
			/* The handler refused it: give the memory back. */
			mb_printf(mb,
				  "OF: reserved mem: node %s compatible "
				  "matching fail",
				  r->name);
			if (r->nomap)
				mb_clear_nomap(mb, r->base, r->size);
			else
				mb_phys_free(mb, r->base, r->size);
		}
	}
}
