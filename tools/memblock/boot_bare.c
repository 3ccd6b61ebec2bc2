/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_bare.c - "reservations firmware-only" (`memblock boot --bare`): the
 * boot of a kernel that embeds the library (examples/baremetal), not of
 * Linux. Memory and the firmware's own reservations come through the
 * library's front ends (device tree, ATAG list, e820 map) in the order an
 * embedding kernel calls them (docs/embedding.md); then the machine's
 * kernel line and reserve lines are reserved, and nothing else: no page
 * tables, no page directory, no default CMA, no first MiB. memblock=debug
 * is taken from the command line, as the kernel takes it.
 *
 * Also here: reading a raw ATAG list ("atags FILE" / --atags), for both
 * kinds of boot.
 */
#include <stdlib.h>
#include <string.h>

#include <memblock/firmware/atags.h>
#include <memblock/firmware/e820.h>

#include "boot.h"

/* One parse of the machine's command line (memblock=debug, mem=, cma=,
 * memmap=), kept for the whole setup. */
static struct mb_memmap_op memmap_ops[64];
static struct mb_cmdline_range mem_ranges[16];

static void parse_cmdline(struct boot *b, struct mb_cmdline *cl,
			  const char *line)
{
	mb_cmdline_init(cl, memmap_ops, 64, mem_ranges, 16);
	mb_cmdline_parse(cl, line ? line : "");
	if (cl->memblock_debug)
		mb_set_debug(&b->mb, true);
}

/* The kernel line (image and stack) and the machine's reserve lines. */
static void reserve_listed(struct boot *b)
{
	boot_reserve(b, b->m.kernel_base, b->m.kernel_size,
		     "memblock_reserve+0x0/0x0", BS_KERNEL);
	boot_reserve_initrd(b, "memblock_reserve+0x0/0x0");
	boot_reserve_lines(b, "memblock_reserve+0x0/0x0", true);
	boot_reserve_lines(b, "memblock_reserve+0x0/0x0", false);
}

/* 32-bit ARM: allocations stay in lowmem (not visible in the dump). */
static void lowmem_limit(struct boot *b)
{
	mb_phys_t low = b->mb.profile.lowmem_end;

	if (b->m.arch == BM_ARM32 && low && low < mb_end_of_DRAM(&b->mb))
		mb_set_current_limit(&b->mb, low);
}

static unsigned char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 && n < (1L << 20) &&
	    !fseek(f, 0, SEEK_SET)) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

int boot_atags_load(struct boot *b)
{
	struct bm_machine *m = &b->m;
	int err;

	if (m->arch != BM_ARM32 || m->dtb[0]) {
		snprintf(b->err, sizeof(b->err),
			 "atags: only for arch arm32 without a dtb");
		return -1;
	}
	b->atag_buf = read_all(m->atags, &b->atag_len);
	if (!b->atag_buf) {
		snprintf(b->err, sizeof(b->err), "%.400s: cannot read",
			 m->atags);
		return -1;
	}
	err = mb_atags_parse(&b->mb, b->atag_buf, b->atag_len, &b->at);
	if (err) {
		snprintf(b->err, sizeof(b->err),
			 "%.400s: not an ATAG list (%s)", m->atags,
			 memblock_strerror(err));
		return -1;
	}
	/* What the machine file does not say, the list does. */
	if (!m->cmdline[0] && b->at.cmdline)
		snprintf(m->cmdline, sizeof(m->cmdline), "%.4000s",
			 b->at.cmdline);
	if (!m->initrd_size && b->at.has_initrd) {
		m->initrd_base = b->at.initrd_start;
		m->initrd_size = b->at.initrd_size;
	}
	if (!m->nram)
		for (int i = 0; i < b->at.meminfo.nr_banks; i++) {
			m->ram[m->nram].base = b->at.meminfo.bank[i].start;
			m->ram[m->nram++].size = b->at.meminfo.bank[i].size;
		}
	if (!m->nram) {
		snprintf(b->err, sizeof(b->err), "%.400s: no ATAG_MEM bank",
			 m->atags);
		return -1;
	}
	return 0;
}

/* ATAGs: mem= rewrites the banks, the banks are registered, then the
 * listed reservations. */
static int bare_atags(struct boot *b)
{
	struct mb_arm_mem_state st = {0};
	struct mb_cmdline cl;
	mb_phys_t phys_offset = b->at.meminfo.nr_banks
					? b->at.meminfo.bank[0].start
					: b->m.ram[0].base;
	int err;

	parse_cmdline(b, &cl, b->m.cmdline);
	for (size_t i = 0; i < cl.mem_ranges_cnt; i++)
		mb_meminfo_early_mem(&b->mb, &b->at.meminfo, &st, phys_offset,
				     &cl.mem_ranges[i]);
	err = mb_meminfo_register(&b->mb, &b->at.meminfo);
	if (err) {
		snprintf(b->err, sizeof(b->err), "ATAG banks refused (%s)",
			 memblock_strerror(err));
		return -1;
	}
	lowmem_limit(b);
	reserve_listed(b);
	return 0;
}

/* Plain ram lines (no firmware input): added as they are. */
static int bare_ram(struct boot *b)
{
	struct mb_cmdline cl;

	parse_cmdline(b, &cl, b->m.cmdline);
	for (unsigned i = 0; i < b->m.nram; i++)
		mb_add(&b->mb, b->m.ram[i].base, b->m.ram[i].size);
	lowmem_limit(b);
	reserve_listed(b);
	return 0;
}

/* Device tree: arm64 reserves the blob first, 32-bit ARM after its image;
 * memory, usable-memory-range, early parameters, /reserved-memory, NUMA
 * (arm64: one fake node without numa-node-id), CMA only for cma=. */
static int bare_dt(struct boot *b)
{
	struct memblock *mb = &b->mb;
	struct mb_cmdline cl;
	bool arm64 = b->m.arch == BM_ARM64;
	int err;

	if (boot_open_tree(b))
		return -1;
	if (!b->m.dtb_phys) {
		snprintf(b->err, sizeof(b->err),
			 "reservations firmware-only: give dtb-at (where the "
			 "loader put the tree)");
		return -1;
	}
	if (arm64 && (err = mb_fdt_reserve_self(mb, &b->dt, b->m.dtb_phys)))
		goto bad;
	mb_fdt_scan_chosen(&b->dt); /* no /chosen is fine */
	err = mb_fdt_scan_memory(mb, &b->dt);
	if (err < 0)
		goto bad;
	if (boot_no_memory(b))
		return -1;
	if ((err = mb_fdt_apply_usable_range(mb, &b->dt)))
		goto bad;
	parse_cmdline(b, &cl, b->dt.chosen.bootargs);
	b->dt.cfg.cmdline_cma = cl.cma_set;
	if (b->m.arch == BM_ARM32) {
		struct mb_arm_mem_state st = {0};

		for (size_t i = 0; i < cl.mem_ranges_cnt; i++)
			mb_arm_early_mem(mb, &st, mb_start_of_DRAM(mb),
					 &cl.mem_ranges[i]);
	} else if (cl.mem_count) {
		mb_mem_limit_remove_map(mb, cl.mem_limit);
	}
	boot_ram_from_tree(b);
	reserve_listed(b);
	if (!arm64) {
		lowmem_limit(b);
		boot_hint(b, BS_DTB);
		err = mb_fdt_reserve_self(mb, &b->dt, b->m.dtb_phys);
		boot_hint(b, BS__COUNT);
		if (err)
			goto bad;
	}
	if ((err = mb_fdt_scan_reserved_mem(mb, &b->dt)))
		goto bad;
	if (arm64) {
		err = mb_fdt_numa_scan(mb, &b->dt);
		if (err < 0)
			goto bad;
		if (err == 0)
			mb_set_node(mb, 0, mb_phys_addr_max(mb), &mb->memory,
				    0);
	}
	/* a CMA area that cannot be placed is reported, the boot goes on */
	if (cl.cma_set && cl.cma_size)
		(void)mb_fdt_cma_reserve(mb, &b->dt, cl.cma_size, 0);
	return 0;
bad:
	snprintf(b->err, sizeof(b->err), "%.400s: device tree refused (%s)",
		 b->m.dtb, memblock_strerror(err));
	return -1;
}

/* e820: the firmware map sanitized and printed, memmap=/mem= edits, the
 * BIOS range trimmed, the usable entries registered. */
static int bare_e820(struct boot *b)
{
	static struct mb_e820_entry ent[256];
	static uint64_t scratch[MB_E820_SCRATCH_BYTES(256) / 8];
	struct mb_e820_table t;
	struct mb_cmdline cl;
	int err;

	if (mb_e820_table_init(&t, ent, 256, scratch, sizeof(scratch)))
		return -1;
	for (unsigned i = 0; i < b->m.ne820; i++)
		mb_e820_range_add(&t, b->m.e820[i].base, b->m.e820[i].size,
				  b->m.e820[i].type);
	if ((err = mb_e820_sanitize(&t)))
		goto bad;
	parse_cmdline(b, &cl, b->m.cmdline);
	mb_e820_print(&b->mb, &t, "BIOS-e820");
	if ((err = mb_e820_apply_cmdline(&b->mb, &t, &cl)) ||
	    (err = mb_e820_trim_bios_range(&b->mb, &t)) ||
	    (err = mb_e820_memblock_setup(&b->mb, &t, NULL)))
		goto bad;
	reserve_listed(b);
	return 0;
bad:
	snprintf(b->err, sizeof(b->err), "e820 map refused (%s)",
		 memblock_strerror(err));
	return -1;
}

int boot_bare_setup(struct boot *b)
{
	int rc;

	if (b->m.dtb[0])
		rc = bare_dt(b);
	else if (b->atag_buf)
		rc = bare_atags(b);
	else if (b->m.ne820)
		rc = bare_e820(b);
	else
		rc = bare_ram(b);
	if (rc)
		return rc;
	mb_dump_all(&b->mb);
	return 0;
}
