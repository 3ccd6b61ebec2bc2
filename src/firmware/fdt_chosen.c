/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * /chosen: kernel command line, initrd location and the crash kernel's
 * linux,usable-memory-range.
 */
#include "fdt_internal.h"

static int find_chosen(const struct mb_fdt *dt)
{
	int node = fdt_path_offset(dt->blob, "/chosen");

	if (node < 0)
		node = fdt_path_offset(dt->blob, "/chosen@0");
	return node;
}

/* linux,initrd-start / -end: one number of whatever cell length (1 or 2
 * in practice). */
static int read_number(const struct mb_fdt *dt, int node, const char *name,
		       mb_phys_t *out)
{
	int len;
	const fdt32_t *p = fwdt_prop(dt, node, name, &len);

	if (!p)
		return 0;
	if (len != 4 && len != 8)
		return -MB_EINVAL;
	*out = fwdt_cells(p, len / 4);
	return 1;
}

int mb_fdt_scan_chosen(struct mb_fdt *dt)
{
	struct mb_fdt_chosen c;
	const int entry = dt->addr_cells + dt->size_cells;
	const fdt32_t *p;
	const char *args;
	int node, len, rs, re;

	if (!dt->blob)
		return -MB_EINVAL;
	memset(&c, 0, sizeof(c));
	node = find_chosen(dt);
	if (node < 0) {
		dt->chosen = c;
		return -MB_ENOENT;
	}
	c.found = true;

	rs = read_number(dt, node, "linux,initrd-start", &c.initrd_start);
	re = read_number(dt, node, "linux,initrd-end", &c.initrd_end);
	if (rs < 0 || re < 0)
		return -MB_EINVAL;
	/* Linux ignores an initrd that ends before it starts. */
	c.has_initrd = rs && re && c.initrd_start <= c.initrd_end;

	args = (const char *)fwdt_prop(dt, node, "bootargs", &len);
	if (args) {
		if (len < 1 || args[len - 1] != '\0')
			return -MB_EINVAL;
		c.bootargs = args;
	}

	p = fwdt_prop(dt, node, "linux,usable-memory-range", &len);
	if (p) {
		int cells = len / 4;

		if (!fwdt_whole_entries(len, entry))
			return -MB_EINVAL;
		for (; cells >= entry && c.n_usable < MB_FDT_MAX_USABLE_RANGES;
		     p += entry, cells -= entry, c.n_usable++) {
			c.usable_base[c.n_usable] =
				fwdt_cells(p, dt->addr_cells);
			c.usable_size[c.n_usable] =
				fwdt_cells(p + dt->addr_cells, dt->size_cells);
		}
	}
	dt->chosen = c;
	return 0;
}

int mb_fdt_apply_usable_range(struct memblock *mb, const struct mb_fdt *dt)
{
	const struct mb_fdt_chosen *c = &dt->chosen;

	if (!c->n_usable)
		return 0;
	mb_cap_memory_range(mb, c->usable_base[0], c->usable_size[0]);
	for (unsigned i = 1; i < c->n_usable && c->usable_size[i]; i++) {
		int err = mb_add(mb, c->usable_base[i], c->usable_size[i]);

		if (err)
			return err;
	}
	return 0;
}
