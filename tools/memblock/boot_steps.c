/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_steps.c - runs the early allocations a kernel makes after the first
 * dump (page tables, mem_map, the unflattened device tree, per-cpu areas):
 * the programs of boot_tables.c, with every size that follows from the
 * machine computed here (mem_map, usemaps, per-cpu chunks, command-line
 * copies, /aliases records, e820 records).
 *
 * The bootmem start is a step: from there on, with the bitmap back end,
 * every request goes to the bitmap allocator (the 4.x wrappers did the
 * same); with the memblock back end the requests stay memblock calls.
 */
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "boot_steps.h"

static mb_phys_t pcpu_unit(const struct boot *b)
{
	mb_phys_t unit;
	unsigned upa;

	bp_layout(b, &unit, &upa);
	return unit;
}

static mb_phys_t step_size(struct boot *b, const struct st *s)
{
	unsigned long pages;
	unsigned po;

	switch (s->sz) {
	case SZ_FIXED:
		return s->size;
	case SZ_MEMMAP:
		return mb_handover_mem_map_bytes(&b->mb, 0);
	case SZ_USEMAP:
	case SZ_USEMAP_HIGH: {
		/* a zone's pageblock flags: 4 bits per pageblock, in whole
		 * longs; pageblock order 10 on the seed's 4.x kernel (32768
		 * pages -> 16 bytes), 11 on 6.1 armmp (8 bytes for 128 MiB;
		 * 48 + 16 for the 768 + 256 MiB zones of the 1 GiB log) */
		mb_phys_t lo = mb_start_of_DRAM(&b->mb),
			  hi = mb_end_of_DRAM(&b->mb),
			  cut = b->mb.profile.lowmem_end;
		unsigned lb = b->mb.profile.phys_bits == 32 ? 32 : 64;
		unsigned long bits;

		if (cut && cut > lo && cut < hi) {
			if (s->sz == SZ_USEMAP)
				hi = cut;
			else
				lo = cut;
		}
		pages = (unsigned long)((hi - lo) >> 12);
		po = b->m.arch != BM_ARM32 ? 9 : b->m.style == 4 ? 10 : 11;
		bits = ((pages + (1ul << po) - 1) >> po) * 4;
		return ((bits + lb - 1) / lb) * (lb / 8);
	}
	case SZ_PCPU:
		return bp_group_bytes(b, b->m.cpus);
	case SZ_DT:
		/* the vexpress tree's sizes in the two logs; other trees:
		 * about three times the structure block */
		if (b->m.dt_unflatten)
			return b->m.dt_unflatten;
		if (strstr(b->m.dtb, "vexpress"))
			return b->m.style == 4 ? 43972 : 39928;
		return b->blob ? (mb_phys_t)fdt_size_dt_struct(b->blob) * 3 + 4
			       : 4096;
	case SZ_CPUS4:
		return 4 * (mb_phys_t)b->m.cpus;
	case SZ_X86_SLOTS:
		return 336 + 16 * (mb_phys_t)bp_groups(b, NULL, NULL);
	case SZ_E820_RES:
		return 64 * (mb_phys_t)b->x86_e820_entries;
	case SZ_CPUS8:
		return 8 * (mb_phys_t)b->m.cpus;
	case SZ_GROUPS8:
		return 8 * (mb_phys_t)bp_groups(b, NULL, NULL);
	case SZ_NODES64: {
		unsigned n = 0;

		for (int nid = 0; nid < BOOT_MAX_NODES; nid++)
			n += b->node_has_memory[nid];
		return 64 * (mb_phys_t)(n ? n : 1);
	}
	case SZ_CMDLINE:
		/* saved_command_line and static_command_line (6.1 logs: 51,
		 * 68, 76 and 49 bytes for their command lines) */
		return strlen(b->m.cmdline) + 1;
	case SZ_SECTIONS:
		/* 56 bytes each: the subsection map and 64 pageblocks' flags
		 * (224 bytes for 512 MiB in x86_512M.log and the arm64 log) */
		return ((mb_end_of_DRAM(&b->mb) - mb_start_of_DRAM(&b->mb) +
			 (128 << 20) - 1) >>
			27) *
		       56;
	case SZ_SPARSEMAP:
		/* whole 128 MiB sections of struct pages, 2 MiB aligned */
		pages = (unsigned long)(((mb_end_of_DRAM(&b->mb) + (128 << 20) -
					  1) &
					 ~(mb_phys_t)((128 << 20) - 1)) >>
					12);
		pages -= (unsigned long)(mb_start_of_DRAM(&b->mb) >> 12);
		return ((mb_phys_t)pages * b->mb.profile.page_struct_size +
			0x1fffff) &
		       ~(mb_phys_t)0x1fffff;
	}
	return 0;
}

/* One request through the memblock core (traced as the kernel does). */
/* A step's "from": PCPU_FROM stands for __pa(MAX_DMA_ADDRESS). */
static mb_phys_t step_min(struct boot *b, const struct st *s)
{
	if (s->min != PCPU_FROM)
		return s->min;
	return mb_start_of_DRAM(&b->mb) +
	       (b->m.style == 4 ? 0x7fffffffULL : 0x3fffffffULL);
}

static mb_phys_t via_memblock(struct boot *b, const struct st *s,
			      mb_phys_t size)
{
	struct memblock *mb = &b->mb;
	mb_phys_t min = step_min(b, s);
	void *p = NULL;

	switch (s->op) {
	case ST_MB_ALLOC:
		/* no request line: name the entry point for the records */
		snprintf(b->req_caller, sizeof(b->req_caller),
			 "memblock_alloc");
		return mb_phys_alloc_try_nid(mb, size, s->align,
					     MB_NUMA_NO_NODE);
	case ST_TRY_NID_NP:
	case ST_TRY_NID:
		mb_set_next_caller(mb, s->caller);
		if (s->sz == SZ_SECTIONS) {
			/* near the node's pgdat: the top section of RAM */
			mb_phys_t lo = (mb_end_of_DRAM(mb) - 1) &
				       ~(mb_phys_t)((128 << 20) - 1);

			p = mb_alloc_try_nid(mb, size, s->align, lo,
					     lo + (128 << 20), s->nid);
			break;
		}
		p = mb_alloc_try_nid(mb, size, s->align, min, s->max, s->nid);
		break;
	case ST_TRY_NID_RAW:
		mb_set_next_caller(mb, s->caller);
		p = mb_alloc_try_nid_raw(mb, size, s->align, min, s->max,
					 s->nid);
		break;
	case ST_EXACT_RAW:
		mb_set_next_caller(mb, s->caller);
		p = mb_alloc_exact_nid_raw(mb, size, s->align, min, s->max,
					   s->nid);
		break;
	default:
		break;
	}
	return (mb_phys_t)(uintptr_t)p;
}

/* The same request through the bitmap allocator (4.x bootmem wrappers). */
static mb_phys_t via_bootmem(struct boot *b, const struct st *s, mb_phys_t size)
{
	struct bootmem *bm = &b->res->bootmem;
	mb_phys_t a;
	unsigned fl = BOOTMEM_ALLOC_NOPANIC;

	if (s->nid >= 0)
		fl |= BOOTMEM_ALLOC_NODE;
	a = bootmem_alloc_phys(bm, s->nid < 0 ? 0 : s->nid, size, s->align,
			       s->min ? step_min(b, s) : bm->goal_default, 0,
			       fl);
	if (a)
		bs_recs_add(&b->recs, a, size, s->kind,
			    s->caller ? s->caller : "memblock_alloc");
	return a;
}

/* pcpu_fc_alloc: each group's chunk on its node; arm64 prints the
 * vmemmap address as "from". Return: the first chunk. */
static mb_phys_t pcpu_group_chunks(struct boot *b, const struct st *s)
{
	int nid[BOOT_MAX_NODES];
	unsigned cpus[BOOT_MAX_NODES];
	unsigned ng = bp_groups(b, nid, cpus);

	b->ngroup_base = ng;
	for (unsigned g = 0; g < ng; g++) {
		struct st one = *s;
		mb_phys_t size = bp_group_bytes(b, cpus[g]);

		one.op = ST_TRY_NID;
		one.min = b->m.arch == BM_ARM64 ? b->m.vmemmap_from : s->min;
		one.nid = nid[g];
		boot_hint(b, BS_PERCPU);
		b->group_base[g] =
			b->bootmem_up && b->backend == BOOTMEM_BACKEND_BITMAP
				? via_bootmem(b, &one, size)
				: via_memblock(b, &one, size);
		boot_hint(b, BS__COUNT);
		if (!b->group_base[g])
			b->failed_allocs++;
	}
	return b->group_base[0];
}

/* One request of a computed step through the allocator in use. */
static mb_phys_t run_one(struct boot *b, const struct st *s, mb_phys_t size)
{
	mb_phys_t a;

	boot_hint(b, s->kind);
	a = b->bootmem_up && b->backend == BOOTMEM_BACKEND_BITMAP
		    ? via_bootmem(b, s, size)
		    : via_memblock(b, s, size);
	boot_hint(b, BS__COUNT);
	if (!a)
		b->failed_allocs++;
	return a;
}

/*
 * x86 sparse_init_nid for every node with memory: the first node also
 * makes the section index and the vmemmap's two page-table pages; each
 * node its usage map (56 bytes a 128 MiB section, next to its pgdat: the
 * node's top section) and its struct pages (64 bytes a page of its
 * sections, 2 MiB aligned) — x86_512M and x86_2G_numa2_uneven logs.
 */
static void x86_sparse(struct boot *b)
{
	const mb_phys_t sec = 128ULL << 20;
	bool first = true;

	for (int nid = 0; nid < BOOT_MAX_NODES; nid++) {
		mb_phys_t lo = 0, hi = 0, top, map;
		bool any = false;

		for (unsigned long i = 0; i < b->mb.memory.cnt; i++) {
			const struct memblock_region *r =
				&b->mb.memory.regions[i];

			if (!r->size || r->nid != nid)
				continue;
			if (!any || r->base < lo)
				lo = r->base;
			if (!any || r->base + r->size > hi)
				hi = r->base + r->size;
			any = true;
		}
		if (!any)
			continue;
		top = (hi - 1) & ~(sec - 1);
		lo &= ~(sec - 1);
		hi = (hi + sec - 1) & ~(sec - 1);
		map = ((hi - lo) >> 12) * b->mb.profile.page_struct_size;
		if (first) {
			struct st ix = {
				ST_TRY_NID, SZ_FIXED,
				4096,	    64,
				0,	    0,
				nid,	    "sparse_index_alloc+0x40/0x65",
				BS_MEMMAP,  0,
				1};

			run_one(b, &ix, 4096);
		}
		struct st us = {ST_TRY_NID, SZ_FIXED,
				0,	    64,
				top,	    top + sec,
				nid,	    "sparse_init_nid+0x8d/0x34d",
				BS_MEMMAP,  0,
				1};
		struct st mm = {ST_EXACT_RAW,
				SZ_FIXED,
				0,
				0x200000,
				0x1000000,
				0,
				nid,
				"sparse_init_nid+0x11f/0x34d",
				BS_MEMMAP,
				0,
				1};
		struct st vm = {ST_TRY_NID_RAW,
				SZ_FIXED,
				4096,
				4096,
				0x1000000,
				0,
				nid,
				"vmemmap_alloc_block_zero.constprop.0+0xc/0x28",
				BS_PGDIR,
				0,
				1};

		run_one(b, &us, ((hi - lo) / sec) * 56);
		run_one(b, &mm, (map + 0x1fffff) & ~(mb_phys_t)0x1fffff);
		for (int k = 0; first && k < 2; k++)
			run_one(b, &vm, 4096);
		first = false;
	}
}

static void do_free(struct boot *b, const char *caller, mb_phys_t base,
		    mb_phys_t size)
{
	if (b->bootmem_up && b->backend == BOOTMEM_BACKEND_BITMAP) {
		if (size)
			bootmem_free(&b->res->bootmem, base, size);
		bs_recs_sub(&b->recs, base, size);
		return;
	}
	mb_set_next_caller(&b->mb, caller);
	mb_phys_free(&b->mb, base, size);
}

static void pcpu_message(struct boot *b, mb_phys_t chunk)
{
	const unsigned long *z = bp_srd(b);
	unsigned long pages = (unsigned long)(bp_used(b) >> 12);
	char line[160];
	mb_phys_t unit = pcpu_unit(b);

	if (b->m.style == 4)
		/* the seed's line: the chunk's virtual address, lowmem at
		 * 0x80000000 on that kernel (0x67eac000 -> @87eac000) */
		snprintf(
			line, sizeof(line),
			"percpu: Embedded %lu pages/cpu @%08llx s%lu r%lu d%lu "
			"u%llu",
			pages,
			(unsigned long long)(chunk - mb_start_of_DRAM(&b->mb) +
					     0x80000000ULL),
			z[0], z[1], z[2], (unsigned long long)unit);
	else
		snprintf(line, sizeof(line),
			 "percpu: Embedded %lu pages/cpu s%lu r%lu d%lu u%llu",
			 pages, z[0], z[1], z[2], (unsigned long long)unit);
	boot_line(b, line);
}

/*
 * of_alias_scan: a record for each /aliases entry that names a node and
 * ends in a number: struct alias_prop (20 bytes on 32-bit, 40 on 64-bit)
 * and the stem ("serial" of "serial0") with its NUL. Return: count.
 */
static unsigned alias_sizes(const struct boot *b, mb_phys_t *sizes,
			    unsigned max)
{
	unsigned n = 0;
	int node, prop;

	if (!b->blob)
		return 0;
	node = fdt_path_offset(b->blob, "/aliases");
	if (node < 0)
		return 0;
	fdt_for_each_property_offset(prop, b->blob, node)
	{
		const char *name, *val;
		int len;
		size_t stem;

		val = fdt_getprop_by_offset(b->blob, prop, &name, &len);
		if (!val || len < 1 || val[len - 1] || !strcmp(name, "name") ||
		    !strcmp(name, "phandle") || !strcmp(name, "linux,phandle"))
			continue;
		if (fdt_path_offset(b->blob, val) < 0)
			continue;
		stem = strlen(name);
		while (stem && name[stem - 1] >= '0' && name[stem - 1] <= '9')
			stem--;
		if (stem == strlen(name) || n == max)
			continue; /* no id: not an alias the kernel keeps */
		sizes[n++] =
			(b->mb.profile.phys_bits == 32 ? 20 : 40) + stem + 1;
	}
	return n;
}

/* How many times a step runs: fixed, or from the machine. */
static unsigned repeats(const struct boot *b, unsigned rep)
{
	mb_phys_t lowmem = b->mb.profile.lowmem_end;

	if (rep == REP_HIGHMEM)
		return lowmem && mb_end_of_DRAM(&b->mb) > lowmem ? 1 : 0;
	if (rep == REP_CPUMASK) {
		unsigned nodes = 0;

		for (unsigned long i = 0; i < b->mb.memory.cnt; i++) {
			int nid = b->mb.memory.regions[i].nid;
			bool seen = false;

			for (unsigned long k = 0; k < i; k++)
				seen |= b->mb.memory.regions[k].nid == nid;
			nodes += !seen;
		}
		return 4 + (nodes ? nodes : 1);
	}
	if (rep == REP_E820)
		return b->m.ne820;
	if (rep == REP_NOSAVE)
		return b->x86_nosave;
	if (rep == REP_CMA_PTE || rep == REP_CMA_ONE) {
		bool low =
			b->dt.cma_size && (!lowmem || b->dt.cma_base < lowmem);

		if (!low)
			return 0;
		return rep == REP_CMA_ONE ? 1
					  : (unsigned)(b->dt.cma_size >> 21);
	}
	return rep;
}

/* An embedded kernel (reservations firmware-only) makes no Linux early
 * allocations: bootmem starts right after the first dump. */
static const struct st bt_bare[] = {
	{ST_BOOTMEM, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 1},
	{ST_END, SZ_FIXED, 0, 0, 0, 0, 0, NULL, BS_ALLOC, 0, 0},
};

static const struct st *program(const struct boot *b)
{
	if (b->m.bare)
		return bt_bare;
	if (b->m.arch == BM_ARM32)
		return b->m.style == 4 ? bt_arm32_v4 : bt_arm32_v6;
	return b->m.arch == BM_X86_64 ? bt_x86_v6 : bt_arm64_v6;
}

/* Bootmem starts: the hand-over's first half (bitmap: ARM bootmem_init). */
static int start_bootmem(struct boot *b)
{
	int err;

	boot_hint(b, BS_TABLE);
	snprintf(b->req_caller, sizeof(b->req_caller), "bootmem_init");
	err = mb_handover_begin(&b->mb, b->backend, &b->info, b->res);
	b->req_caller[0] = '\0';
	boot_hint(b, BS__COUNT);
	if (err) {
		snprintf(b->err, sizeof(b->err), "bootmem init failed (%s)",
			 memblock_strerror(err));
		return -1;
	}
	b->bootmem_up = true;
	if (b->backend == BOOTMEM_BACKEND_BITMAP)
		b->bitmap_pages = b->res->bootmem.node[0].map_pages;
	return 0;
}

int boot_steps_run(struct boot *b)
{
	const struct st *prog = program(b);
	mb_phys_t res[8] = {0}; /* results by tag */
	size_t n = 0, i;

	while (prog[n].op != ST_END)
		n++;
	for (i = 0; i < n; i++) {
		const struct st *s = &prog[i];
		mb_phys_t size = step_size(b, s), a = 0;

		switch (s->op) {
		case ST_BOOTMEM:
			if (start_bootmem(b))
				return -1;
			continue;
		case ST_FREE:
			do_free(b, s->caller, res[s->ref & 7], size);
			continue;
		case ST_X86_SPARSE:
			x86_sparse(b);
			continue;
		case ST_PCPU_GROUPS:
			res[s->ref & 7] = pcpu_group_chunks(b, s);
			continue;
		case ST_PCPU_TAILS: {
			/* per unit of each group's chunk: the unused tail
			 * (0 bytes when the unit is all in use, as on the ARM
			 * kernels), or the whole unit when no CPU has it */
			mb_phys_t unit, used = bp_used(b);
			unsigned upa, cpus[BOOT_MAX_NODES];
			unsigned ng = bp_groups(b, NULL, cpus);

			bp_layout(b, &unit, &upa);
			for (unsigned g = 0; g < ng; g++) {
				mb_phys_t base = b->ngroup_base
							 ? b->group_base[g]
							 : res[s->ref & 7];
				unsigned units =
					(cpus[g] + upa - 1) / upa * upa;

				for (unsigned c = 0; c < units; c++)
					do_free(b, s->caller,
						base + unit * c +
							(c < cpus[g] ? used
								     : 0),
						c < cpus[g] ? unit - used
							    : unit);
			}
			continue;
		}
		case ST_PCPU_MSG:
			pcpu_message(b, res[s->ref & 7]);
			continue;
		default:
			break;
		}
		unsigned reps = repeats(b, s->repeat);
		mb_phys_t asz[64];

		if (s->repeat == REP_ALIASES)
			reps = alias_sizes(b, asz, 64);
		for (unsigned r = 0; r < reps; r++) {
			if (s->repeat == REP_ALIASES)
				size = asz[r];
			b->nopanic_next = s->op == ST_TRY_NID_NP;
			boot_hint(b, s->kind);
			if (b->bootmem_up &&
			    b->backend == BOOTMEM_BACKEND_BITMAP)
				a = via_bootmem(b, s, size);
			else
				a = via_memblock(b, s, size);
			boot_hint(b, BS__COUNT);
			b->nopanic_next = false;
			if (!a)
				b->failed_allocs++;
		}
		if (s->ref)
			res[s->ref & 7] = a;
	}
	return 0;
}
