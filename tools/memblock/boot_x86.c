/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_x86.c - x86-64 setup_arch up to its second dump, in the order of
 * shared/logs/x86_512M.log: the e820 map through the library's front end
 * (sanitised, printed, trimmed, edited by mem=/memmap=), the reservations
 * made before memblock=debug, e820__memblock_setup, the real-mode
 * trampoline, init_mem_mapping's scratch block, ACPI tables, one fake NUMA
 * node and NODE_DATA.
 */
#include <string.h>

#include <memblock/firmware/e820.h>

#include "boot.h"

/* RAM top below 4 GiB from the e820 table (max_low_pfn). */
static mb_phys_t x86_low_top(const struct mb_e820_table *t)
{
	mb_phys_t top = 0;

	for (uint32_t i = 0; i < t->nr_entries; i++)
		if (t->entries[i].type == MB_E820_RAM &&
		    t->entries[i].addr + t->entries[i].size <= 0x100000000ULL)
			top = t->entries[i].addr + t->entries[i].size;
	return top;
}

/* e820__register_nosave_regions: the holes and non-RAM entries below the
 * end of RAM, neighbours merged; each new region is one 32-byte record. */
static unsigned x86_nosave_regions(const struct mb_e820_table *t,
				   unsigned long limit_pfn)
{
	unsigned long pfn = 0, last_end = 0;
	unsigned n = 0;

	for (uint32_t i = 0; i < t->nr_entries; i++) {
		const struct mb_e820_entry *e = &t->entries[i];
		unsigned long up = (unsigned long)((e->addr + 4095) >> 12);
		unsigned long span[2][2] = {{pfn, up}, {up, 0}};

		pfn = (unsigned long)((e->addr + e->size) >> 12);
		span[1][1] = e->type != MB_E820_RAM &&
					     e->type != MB_E820_RESERVED_KERN
				     ? pfn
				     : up;
		for (int k = 0; k < 2; k++) {
			if (span[k][0] >= span[k][1])
				continue;
			if (!n || last_end != span[k][0])
				n++;
			last_end = span[k][1];
		}
		if (pfn >= limit_pfn)
			break;
	}
	return n;
}

/* setup_arch, 6.1 order: e820 (printed, page 0 and 640K-1M trimmed),
 * the reservations before memblock_add, e820__memblock_setup, dump; the
 * real-mode trampoline and the first MiB, init_mem_mapping's scratch
 * block, ACPI tables, NUMA (one fake node) and NODE_DATA, dump. */
/*
 * numa_init: the SRAT's memory ranges (machine "numa" lines) trimmed to
 * the end of RAM and merged per node, or one fake node; memory and then
 * the reservations inside each node's span take its id
 * (numa_clear_kernel_node_hotplug); then NODE_DATA of every node, an
 * untraced request on the node (x86_2G_numa2_uneven.log lines).
 */
static void x86_numa(struct boot *b)
{
	struct memblock *mb = &b->mb;
	mb_phys_t end = mb_end_of_DRAM(mb), lo[BOOT_MAX_NODES],
		  hi[BOOT_MAX_NODES];
	bool any[BOOT_MAX_NODES] = {false};
	char line[128];

	for (unsigned i = 0; i < b->m.nnuma; i++) {
		const struct bm_range *r = &b->m.numa[i];
		mb_phys_t e = r->base + r->size < end ? r->base + r->size : end;
		int nid = r->nid;

		snprintf(line, sizeof(line),
			 "ACPI: SRAT: Node %d PXM %d [mem %#010llx-%#010llx]%s",
			 nid, nid, (unsigned long long)r->base,
			 (unsigned long long)(r->base + r->size - 1),
			 r->type ? " hotplug" : "");
		boot_line(b, line);
		if (r->type && r->base < end)
			mb_mark_hotplug(mb, r->base, e - r->base);
		if (nid < 0 || nid >= BOOT_MAX_NODES || r->base >= e)
			continue;
		if (!any[nid] || r->base < lo[nid])
			lo[nid] = r->base;
		if (!any[nid] || e > hi[nid])
			hi[nid] = e;
		any[nid] = true;
	}
	if (!b->m.nnuma) {
		boot_line(b, "No NUMA configuration found");
		snprintf(line, sizeof(line),
			 "Faking a node at [mem %#018llx-%#018llx]", 0ULL,
			 (unsigned long long)end - 1);
		boot_line(b, line);
		lo[0] = 0;
		hi[0] = end;
		any[0] = true;
	}
	/* movable_node: bottom-up only until the SRAT is known */
	mb_set_bottom_up(mb, false);
	for (int nid = 0; nid < BOOT_MAX_NODES; nid++)
		if (any[nid])
			mb_set_node(mb, lo[nid], hi[nid] - lo[nid], &mb->memory,
				    nid);
	for (int nid = 0; nid < BOOT_MAX_NODES; nid++)
		if (any[nid])
			mb_set_node(mb, lo[nid], hi[nid] - lo[nid],
				    &mb->reserved, nid);
	for (int nid = 0; nid < BOOT_MAX_NODES; nid++) {
		mb_phys_t nd;

		if (!any[nid])
			continue;
		b->cpus_on_node[nid] = b->m.nnuma ? b->m.node_cpus[nid] : 0;
		boot_hint(b, BS_MEMMAP);
		snprintf(b->req_caller, sizeof(b->req_caller),
			 "alloc_node_data");
		nd = mb_phys_alloc_try_nid(mb, 0x2b000, 64, nid);
		b->req_caller[0] = '\0';
		boot_hint(b, BS__COUNT);
		if (nd) {
			snprintf(line, sizeof(line),
				 "NODE_DATA(%d) allocated [mem "
				 "%#010llx-%#010llx]",
				 nid, (unsigned long long)nd,
				 (unsigned long long)(nd + 0x2b000 - 1));
			boot_line(b, line);
		}
	}
}

int boot_x86_setup(struct boot *b)
{
	/* E820_MAX_ENTRIES of a NUMA kernel: 128 + 3 * MAX_NUMNODES (1024) */
	static struct mb_e820_entry ent[3200];
	static uint64_t scratch[3200 * 8];
	static struct mb_memmap_op ops[256];
	struct mb_cmdline cl;
	struct mb_e820_table t;
	struct memblock *mb = &b->mb;
	mb_phys_t top, bios_lo = 0x9f000, pt;

	if (mb_e820_table_init(&t, ent, 3200, scratch, sizeof(scratch)))
		return -1;
	for (unsigned i = 0; i < b->m.ne820; i++)
		mb_e820_range_add(&t, b->m.e820[i].base, b->m.e820[i].size,
				  b->m.e820[i].type);
	if (!b->m.ne820)
		for (unsigned i = 0; i < b->m.nram; i++)
			mb_e820_range_add(&t, b->m.ram[i].base,
					  b->m.ram[i].size, MB_E820_RAM);
	mb_e820_sanitize(&t);
	mb_e820_print(mb, &t, "BIOS-e820");
	/* mem= and memmap= edit the map ("user-defined physical RAM map") */
	mb_cmdline_init(&cl, ops, sizeof(ops) / sizeof(ops[0]), NULL, 0);
	mb_cmdline_parse(&cl, b->m.cmdline);
	if (mb_e820_apply_cmdline(mb, &t, &cl)) {
		snprintf(b->err, sizeof(b->err),
			 "the command line's memmap= does not fit the map");
		return -1;
	}
	/* before memblock=debug: the image, the first 64 KiB and the BIOS
	 * area below 1 MiB (the first dump shows them, no line does) */
	for (uint32_t i = 0; i < t.nr_entries; i++)
		if (t.entries[i].type == MB_E820_RAM &&
		    t.entries[i].addr < 0x100000)
			bios_lo = (t.entries[i].addr + t.entries[i].size) &
				  ~(mb_phys_t)0xfff;
	boot_reserve(b, b->m.kernel_base, b->m.kernel_size, "setup_arch",
		     BS_KERNEL);
	boot_reserve(b, 0, 0x10000, "reserve_bios_regions", BS_FIRMWARE);
	boot_reserve(b, bios_lo, 0x100000 - bios_lo, "reserve_bios_regions",
		     BS_FIRMWARE);
	mb_set_debug(mb, true);
	/* page 0 becomes reserved, 640 KiB - 1 MiB leaves the map */
	mb_e820_trim_bios_range(mb, &t);
	boot_reserve_initrd(b, "early_reserve_initrd+0x5e/0x91");
	boot_reserve_lines(b, "setup_arch+0x797/0xd4f", true);
	/* movable_node: allocate bottom-up (near the kernel) until the SRAT
	 * says which memory is hotpluggable */
	if (cl.movable_node) {
		mb->movable_node = true;
		mb_set_bottom_up(mb, true);
	}
	/* until the direct map exists, allocations stay below 1 MiB */
	mb_set_current_limit(mb, 0x100000);
	/* e820__memblock_setup ends with the first dump itself */
	if (mb_e820_memblock_setup(mb, &t, "e820__memblock_setup+0x65/0x7d"))
		return -1;
	boot_hint(b, BS_FIRMWARE);
	mb_set_next_caller(mb, "reserve_real_mode+0x50/0x89");
	mb_phys_alloc_range(mb, 28672, 4096, 0, 0x100000);
	boot_reserve(b, 0, 0x100000, "setup_arch+0x7e0/0xd4f", BS_FIRMWARE);
	top = x86_low_top(&t);
	b->x86_nosave = x86_nosave_regions(&t, (unsigned long)(top >> 12));
	b->x86_e820_entries = t.nr_entries;
	/* init_mem_mapping: a 2 MiB scratch block for the first page
	 * tables, below max_pfn (x86_4G_smp4.log: 0x140000000), given back */
	boot_hint(b, BS_PGDIR);
	pt = 0;
	if (!mb_bottom_up(mb)) { /* bottom-up mapping needs no scratch */
		mb_set_next_caller(mb, "init_mem_mapping+0x1ee/0x31f");
		pt = mb_phys_alloc_range(mb, 0x200000, 0x200000, 0x100000,
					 mb_end_of_DRAM(mb));
	}
	if (pt) {
		mb_set_next_caller(mb, "init_mem_mapping+0x22e/0x31f");
		mb_phys_free(mb, pt, 0x200000);
	}
	boot_hint(b, BS__COUNT);
	mb_set_current_limit(mb, top ? top : MB_ALLOC_ANYWHERE);
	boot_reserve_lines(b, "acpi_reserve_initial_tables+0x51/0x61", false);
	x86_numa(b);
	mb_dump_all(mb);
	return 0;
}
