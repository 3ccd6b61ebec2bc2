/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_pcpu.c - the first per-cpu chunk's geometry, as the kernel's
 * pcpu_build_alloc_info works it out: the bytes a CPU uses (static +
 * reserved + dynamic, from each kernel's log), the allocation atom (2 MiB
 * on x86-64, a page elsewhere), the units per allocation that waste the
 * fewest CPUs' worth, and one group of CPUs per node.
 */
#include "boot_steps.h"

#define PCPU_MIN_UNIT 32768ULL /* PCPU_MIN_UNIT_SIZE */

const unsigned long *bp_srd(const struct boot *b)
{
	static const unsigned long srd[4][3] = {
		{36428, 8192, 20916},  /* 4.x armv7 (the seed) */
		{45012, 8192, 20524},  /* 6.1 armmp */
		{87208, 8192, 31576},  /* 6.1 arm64 */
		{217088, 8192, 28672}, /* 6.1 amd64 */
	};
	return srd[b->m.arch == BM_X86_64  ? 3
		   : b->m.arch == BM_ARM64 ? 2
		   : b->m.style == 4	   ? 0
					   : 1];
}

mb_phys_t bp_used(const struct boot *b)
{
	const unsigned long *z = bp_srd(b);

	return (mb_phys_t)((z[0] + z[1] + z[2] + 4095) / 4096) * 4096;
}

unsigned bp_groups(const struct boot *b, int *nid, unsigned *cpus)
{
	unsigned n = 0;

	for (int i = 0; i < BOOT_MAX_NODES; i++) {
		if (!b->cpus_on_node[i])
			continue;
		if (nid)
			nid[n] = i;
		if (cpus)
			cpus[n] = b->cpus_on_node[i];
		n++;
	}
	if (!n) {
		if (nid)
			nid[0] = 0;
		if (cpus)
			cpus[0] = b->m.cpus;
		n = 1;
	}
	return n;
}

/*
 * Units per allocation: the largest count that divides the allocation
 * into page-aligned units and wastes at most a third of the CPUs, while
 * not needing more allocations than a larger count (x86_512M: 2 units of
 * 1 MiB in one 2 MiB allocation; two single-CPU nodes: 1 unit of 2 MiB).
 */
static unsigned units_per_alloc(const struct boot *b, mb_phys_t alloc_size,
				mb_phys_t min_unit)
{
	unsigned cpus[BOOT_MAX_NODES], ng = bp_groups(b, NULL, cpus);
	unsigned upa = (unsigned)(alloc_size / min_unit), best = 1;
	unsigned long last = ~0ul;

	while (upa > 1 && (alloc_size % upa || (alloc_size / upa) % 4096))
		upa--;
	for (; upa; upa--) {
		unsigned long allocs = 0, wasted;

		if (alloc_size % upa || (alloc_size / upa) % 4096)
			continue;
		for (unsigned g = 0; g < ng; g++)
			allocs += (cpus[g] + upa - 1) / upa;
		wasted = allocs * upa - b->m.cpus;
		if (wasted > b->m.cpus / 3)
			continue;
		if (allocs > last)
			break;
		last = allocs;
		best = upa;
	}
	return best;
}

void bp_layout(const struct boot *b, mb_phys_t *unit, unsigned *upa)
{
	mb_phys_t atom = b->m.arch == BM_X86_64 ? 0x200000 : 4096;
	mb_phys_t min_unit =
		bp_used(b) > PCPU_MIN_UNIT ? bp_used(b) : PCPU_MIN_UNIT;
	mb_phys_t alloc = (min_unit + atom - 1) / atom * atom;
	unsigned u = units_per_alloc(b, alloc, min_unit);

	*unit = alloc / u;
	*upa = u;
}

mb_phys_t bp_group_bytes(const struct boot *b, unsigned cpus)
{
	mb_phys_t unit;
	unsigned upa;

	bp_layout(b, &unit, &upa);
	return (mb_phys_t)((cpus + upa - 1) / upa * upa) * unit;
}
