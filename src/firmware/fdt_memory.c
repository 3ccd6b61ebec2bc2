/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * /memory nodes: the RAM a device tree declares, added with the kernel's
 * rules for device-tree memory (page trimming, address limits, hotplug).
 */
#include "fdt_internal.h"

static void ignored(const struct memblock *mb, const char *what, mb_phys_t from,
		    mb_phys_t to)
{
	mb_printf(mb, "OF: fdt: Ignoring memory %s 0x%llx - 0x%llx", what,
		  (unsigned long long)from, (unsigned long long)to);
}

int mb_fdt_add_memory_range(struct memblock *mb, const struct mb_fdt *dt,
			    mb_phys_t base, mb_phys_t size)
{
	const mb_phys_t page = mb->profile.page_size;
	const mb_phys_t lo = dt->cfg.min_addr;
	const mb_phys_t hi = dt->cfg.max_addr;
	mb_phys_t slack = page - (base & (page - 1));

	/* Shorter than the way to the next page boundary (a whole page when
	 * already aligned): nothing page-sized is left. */
	if (size < slack) {
		ignored(mb, "block", base, base + size);
		return 0;
	}
	if (base & (page - 1)) {
		if (base > ~(mb_phys_t)0 - slack) { /* no page boundary above */
			ignored(mb, "block", base, base + size);
			return 0;
		}
		size -= slack;
		base += slack;
	}
	size &= ~(page - 1);

	if (base > hi) {
		ignored(mb, "block", base, base + size);
		return 0;
	}
	/* Clip what runs past max_addr (also when base + size wraps). */
	if (size && size - 1 > hi - base) {
		ignored(mb, "range", hi + 1, base + size);
		size = hi - base + 1;
	}
	if (base + size < lo) {
		ignored(mb, "block", base, base + size);
		return 0;
	}
	if (base < lo) {
		ignored(mb, "range", base, lo);
		size -= lo - base;
		base = lo;
	}
	if (!size)
		return 0;
	{
		int err = mb_add(mb, base, size);

		return err ? err : 1;
	}
}

/* The property that lists a memory node's ranges, NULL when it has none. */
static const fdt32_t *memory_ranges(const struct mb_fdt *dt, int node,
				    int *ncells)
{
	int len;
	const fdt32_t *p = fwdt_prop(dt, node, "linux,usable-memory", &len);

	if (!p)
		p = fwdt_prop(dt, node, "reg", &len);
	*ncells = p ? len / 4 : 0;
	return p;
}

/* Count the non-empty ranges of all usable memory nodes. */
static unsigned long count_memory_ranges(const struct mb_fdt *dt)
{
	const int entry = dt->addr_cells + dt->size_cells;
	unsigned long n = 0;
	int node;

	fdt_for_each_subnode(node, dt->blob, 0)
	{
		int cells;
		const fdt32_t *p;

		if (!fwdt_is_memory_node(dt, node) || !fwdt_available(dt, node))
			continue;
		p = memory_ranges(dt, node, &cells);
		for (; p && cells >= entry; p += entry, cells -= entry)
			if (fwdt_cells(p + dt->addr_cells, dt->size_cells))
				n++;
	}
	return n;
}

int mb_fdt_scan_memory(struct memblock *mb, const struct mb_fdt *dt)
{
	const int entry = dt->addr_cells + dt->size_cells;
	int node, added = 0;

	if (!dt->blob)
		return -MB_EINVAL;
	/*
	 * All or nothing: the tables cannot grow this early (Linux would
	 * drop what does not fit without a word); refuse up front instead.
	 * Each range needs at most one new slot.
	 */
	if (!fwdt_room(mb, &mb->memory, count_memory_ranges(dt)))
		return -MB_ENOMEM;

	fdt_for_each_subnode(node, dt->blob, 0)
	{
		int cells;
		const fdt32_t *p;
		bool hotplug;

		if (!fwdt_is_memory_node(dt, node) || !fwdt_available(dt, node))
			continue;
		p = memory_ranges(dt, node, &cells);
		hotplug = fwdt_has(dt, node, "hotpluggable");
		for (; p && cells >= entry; p += entry, cells -= entry) {
			mb_phys_t base = fwdt_cells(p, dt->addr_cells);
			mb_phys_t size =
				fwdt_cells(p + dt->addr_cells, dt->size_cells);
			int r;

			if (!size)
				continue; /* placeholder for the bootloader */
			r = mb_fdt_add_memory_range(mb, dt, base, size);
			if (r < 0)
				return r;
			added += r;
			if (hotplug && mb_mark_hotplug(mb, base, size))
				mb_printf(mb,
					  "OF: fdt: failed to mark hotplug "
					  "range 0x%llx - 0x%llx",
					  (unsigned long long)base,
					  (unsigned long long)(base + size));
		}
	}
	return added;
}

/* numa-node-id of @node: 1 found (*nid set), 0 absent, <0 malformed. */
static int node_nid(const struct memblock *mb, const struct mb_fdt *dt,
		    int node, int *nid)
{
	int len;
	const fdt32_t *p = fwdt_prop(dt, node, "numa-node-id", &len);
	uint32_t v;

	if (!p)
		return 0;
	if (len < 4)
		return -MB_EINVAL;
	v = fdt32_ld(p);
	if (v >= (uint32_t)mb->profile.max_numnodes) {
		mb_printf(mb, "NUMA: Node id %u exceeds maximum value",
			  (unsigned)v);
		return -MB_EINVAL;
	}
	*nid = (int)v;
	return 1;
}

/* One pass over the memory nodes; @apply false only validates. */
static int numa_pass(struct memblock *mb, const struct mb_fdt *dt, bool apply)
{
	const int entry = dt->addr_cells + dt->size_cells;
	int node, n = 0;

	fdt_for_each_subnode(node, dt->blob, 0)
	{
		int len, nid = 0, r;
		const fdt32_t *p;

		if (!fwdt_is_memory_node(dt, node))
			continue;
		r = node_nid(mb, dt, node, &nid);
		if (r == 0)
			continue;
		p = fwdt_prop(dt, node, "reg", &len);
		if (r < 0 || !p || len / 4 < entry) {
			if (!apply)
				mb_printf(mb,
					  "NUMA: bad property in memory node");
			return -MB_EINVAL;
		}
		for (len /= 4; len >= entry; p += entry, len -= entry) {
			mb_phys_t base = fwdt_cells(p, dt->addr_cells);
			mb_phys_t size =
				fwdt_cells(p + dt->addr_cells, dt->size_cells);

			if (!size)
				continue;
			if (apply) {
				r = mb_set_node(mb, base, size, &mb->memory,
						nid);
				if (r)
					return r;
			}
			n++;
		}
	}
	return n;
}

int mb_fdt_numa_scan(struct memblock *mb, const struct mb_fdt *dt)
{
	int r;

	if (!dt->blob)
		return -MB_EINVAL;
	r = numa_pass(mb, dt, false);
	if (r <= 0)
		return r;
	return numa_pass(mb, dt, true);
}
