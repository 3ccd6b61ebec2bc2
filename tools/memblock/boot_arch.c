/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_arch.c - each architecture's setup_arch, up to the first
 * "MEMBLOCK configuration:" dump: the firmware front ends of the library
 * (device tree, e820) with the kernel's own reservations between them.
 * Callers (%pS) are those the seed (4.x) and the 6.1 logs print.
 */
#include <string.h>

#include <memblock/firmware/atags.h>

#include "boot.h"
#include "machine_dtb.h"

/* Reserve with a caller symbol and a kind for the records. */
void boot_reserve(struct boot *b, mb_phys_t base, mb_phys_t size,
		  const char *caller, enum bs_kind kind)
{
	if (!size)
		return;
	boot_hint(b, kind);
	mb_set_next_caller(&b->mb, caller);
	mb_reserve(&b->mb, base, size);
	boot_hint(b, BS__COUNT);
}

/* Firmware reservations of the machine file ("reserve" lines; @early:
 * the "reserve-early" ones). */
void boot_reserve_lines(struct boot *b, const char *caller, bool early)
{
	for (unsigned i = 0; i < b->m.nrsv; i++) {
		const struct bm_range *r = &b->m.rsv[i];
		enum bs_kind k = !strcmp(r->label, "kernel")
					 ? BS_KERNEL
					 : bs_classify(r->label, r->size);

		if (r->early != early)
			continue;
		boot_reserve(b, r->base, r->size,
			     r->caller[0] ? r->caller : caller,
			     k == BS_ALLOC ? BS_FIRMWARE : k);
	}
}

/* The initrd, when it lies in memory; else the kernel's warning and no
 * reservation (the 6.1 kernel disables such an initrd). */
void boot_reserve_initrd(struct boot *b, const char *caller)
{
	char line[128];

	if (!b->m.initrd_size)
		return;
	if (mb_is_region_memory(&b->mb, b->m.initrd_base, b->m.initrd_size)) {
		boot_reserve(b, b->m.initrd_base, b->m.initrd_size, caller,
			     BS_INITRD);
		return;
	}
	snprintf(line, sizeof(line),
		 "INITRD: 0x%08llx+0x%08llx is not a memory region - "
		 "disabling initrd",
		 (unsigned long long)b->m.initrd_base,
		 (unsigned long long)b->m.initrd_size);
	boot_line(b, line);
}

static void reserve_firmware(struct boot *b, const char *caller)
{
	boot_reserve_lines(b, caller, true);
	boot_reserve_lines(b, caller, false);
}

static mb_phys_t arm32_lowmem_limit(struct boot *b)
{
	mb_phys_t end = mb_end_of_DRAM(&b->mb);
	mb_phys_t lim = b->mb.profile.lowmem_end;

	return lim && lim < end ? lim : end;
}

/* Default placements for a machine given only by its DTB or RAM. */
static void default_placement(struct boot *b)
{
	struct bm_machine *m = &b->m;
	mb_phys_t lo = m->nram ? m->ram[0].base : 0, size = 0;

	for (unsigned i = 0; i < m->nram; i++)
		size += m->ram[i].size;
	if (!m->dtb_phys && m->dtb[0]) {
		/* QEMU's arm loader: at most 128 MiB or half of RAM up */
		mb_phys_t off = size / 2 < (128u << 20) ? size / 2 : 128u << 20;

		m->dtb_phys = (lo + off) & ~(mb_phys_t)0xfff;
	}
	if (!m->kernel_size && m->arch == BM_ARM32) {
		m->kernel_base = lo + 0x100000;
		m->kernel_size = 0x996fb4; /* the seed's image */
		m->pgdir_base = lo + 0x4000;
		m->pgdir_size = 0x4000;
	} else if (!m->kernel_size && m->arch == BM_ARM64) {
		m->kernel_base = lo + 0x210000;
		m->kernel_size = 0x2000000;
	}
}

/* A tree whose /memory is a placeholder (size 0, filled in by the boot
 * loader) or absent gives no RAM: say so rather than fail later. */
int boot_no_memory(struct boot *b)
{
	if (mb_phys_mem_size(&b->mb))
		return 0;
	snprintf(b->err, sizeof(b->err),
		 "%.400s: no memory (empty or placeholder /memory, or mem= "
		 "removed it: give RAM with a machine file's ram and "
		 "dtb-set-memory lines)",
		 b->m.dtb);
	return -1;
}

int boot_open_tree(struct boot *b)
{
	int err;

	if (bm_dtb_prepare(&b->m, &b->blob, &b->blob_size, b->err,
			   sizeof(b->err)))
		return -1;
	err = mb_fdt_open(&b->dt, &b->mb, b->blob, b->blob_size, NULL);
	if (err) {
		snprintf(b->err, sizeof(b->err),
			 "%.400s: corrupt device tree (%s)", b->m.dtb,
			 memblock_strerror(err));
		return -1;
	}
	return 0;
}

/* RAM of the tree: needed before the placements can default. */
void boot_ram_from_tree(struct boot *b)
{
	struct bm_machine *m = &b->m;

	if (m->nram)
		return;
	for (unsigned long i = 0; i < b->mb.memory.cnt && i < BM_MAX_RANGES;
	     i++) {
		if (!b->mb.memory.regions[i].size)
			continue;
		m->ram[m->nram].base = b->mb.memory.regions[i].base;
		m->ram[m->nram].size = b->mb.memory.regions[i].size;
		m->nram++;
	}
}

/* ---- 32-bit ARM ---- */

/* The 4.x path's early parameters: each mem=size[@start] replaces the
 * banks (traced removal and add), cma= sets the default CMA area. */
static int arm32_cmdline(struct boot *b)
{
	struct mb_cmdline_range ranges[16];
	struct mb_arm_mem_state st = {0};
	struct mb_cmdline cl;

	mb_cmdline_init(&cl, NULL, 0, ranges, 16);
	mb_cmdline_parse(&cl, b->m.cmdline);
	for (size_t i = 0; i < cl.mem_ranges_cnt; i++)
		mb_arm_early_mem(&b->mb, &st, b->m.nram ? b->m.ram[0].base : 0,
				 &ranges[i]);
	if (cl.cma_set)
		b->m.cma_size = cl.cma_size;
	if (!mb_phys_mem_size(&b->mb)) {
		snprintf(b->err, sizeof(b->err),
			 "mem= on the command line leaves no memory");
		return -1;
	}
	return 0;
}

/* 4.x (the seed): arm_memblock_init reserves the image, the initrd, the
 * page directory (arm_mm_memblock_reserve) and the DTB (traced), then
 * early_init_fdt_scan_reserved_mem. */
static int arm32_v4(struct boot *b)
{
	struct memblock *mb = &b->mb;
	int err = 0;

	if (b->m.dtb[0]) {
		if (boot_open_tree(b))
			return -1;
		err = mb_fdt_scan_chosen(&b->dt);
		if (err && err != -MB_ENOENT)
			goto bad;
		err = mb_fdt_scan_memory(mb, &b->dt);
		if (err < 0)
			goto bad;
		if (boot_no_memory(b))
			return -1;
	} else {
		for (unsigned i = 0; i < b->m.nram; i++)
			mb_add(mb, b->m.ram[i].base, b->m.ram[i].size);
	}
	boot_ram_from_tree(b);
	default_placement(b);
	mb_set_debug(mb, true);
	if (arm32_cmdline(b))
		return -1;
	mb_set_current_limit(mb, arm32_lowmem_limit(b));
	boot_reserve(b, b->m.kernel_base, b->m.kernel_size,
		     "arm_memblock_init+0x24/0x6c", BS_KERNEL);
	boot_reserve_initrd(b, "arm_memblock_init+0x58/0x6c");
	boot_reserve(b, b->m.pgdir_base, b->m.pgdir_size,
		     "arm_mm_memblock_reserve+0x18/0x1c", BS_PGDIR);
	if (b->m.dtb[0]) {
		boot_hint(b, BS_DTB);
		mb_set_next_caller(
			mb, "early_init_dt_reserve_memory_arch+0x18/0x1c");
		mb_reserve(mb, b->m.dtb_phys, b->blob_size);
		err = mb_fdt_scan_reserved_mem(mb, &b->dt);
		boot_hint(b, BS__COUNT);
		if (err)
			goto bad;
		if (b->m.cma_size)
			mb_fdt_cma_reserve(mb, &b->dt, b->m.cma_size,
					   0xffffffff);
	}
	reserve_firmware(b, "arm_memblock_init+0x4c/0x6c");
	mb_dump_all(mb);
	return 0;
bad:
	snprintf(b->err, sizeof(b->err), "%.400s: device tree refused (%s)",
		 b->m.dtb, memblock_strerror(err));
	return -1;
}

static void arm32_reserve_cb(struct memblock *mb, void *ctx)
{
	struct boot *b = ctx;

	(void)mb;
	boot_ram_from_tree(b);
	mb_set_current_limit(&b->mb, arm32_lowmem_limit(b));
	boot_reserve(b, b->m.kernel_base, b->m.kernel_size,
		     "arm_memblock_init+0x30/0x74", BS_KERNEL);
	boot_reserve_initrd(b, "arm_memblock_init+0x5c/0x74");
	boot_reserve(b, b->m.pgdir_base, b->m.pgdir_size,
		     "arm_memblock_init+0x38/0x74", BS_PGDIR);
	reserve_firmware(b, "arm_memblock_init+0x4c/0x74");
}

/* 6.1: the library's whole 32-bit ARM device-tree boot (DTB reserved
 * before memblock=debug is parsed, so untraced, as the 6.1 logs show). */
static int arm32_v6(struct boot *b)
{
	struct mb_fdt_boot fb = {0};
	int err;

	if (!b->m.dtb[0])
		return arm32_v4(b); /* no tree: the same steps */
	if (boot_open_tree(b))
		return -1;
	/* the placements need the RAM: read it from a scratch scan */
	if (!b->m.nram) {
		struct memblock scratch;
		struct memblock_region a[128], r[8];
		struct mb_fdt sdt;

		mb_init(&scratch, &b->mb.profile, NULL, a, 128, r, 8, NULL, 0);
		if (!mb_fdt_open(&sdt, &scratch, b->blob, b->blob_size, NULL) &&
		    mb_fdt_scan_memory(&scratch, &sdt) > 0) {
			for (unsigned long i = 0;
			     i < scratch.memory.cnt && i < BM_MAX_RANGES; i++) {
				b->m.ram[b->m.nram].base = a[i].base;
				b->m.ram[b->m.nram++].size = a[i].size;
			}
		}
	}
	default_placement(b);
	fb.dtb_phys = b->m.dtb_phys;
	fb.phys_offset = b->m.nram ? b->m.ram[0].base : 0;
	fb.cma_default = b->m.cma_size;
	fb.dma_limit = 0xffffffff;
	fb.arch_reserve = arm32_reserve_cb;
	fb.ctx = b;
	boot_hint(b, BS_DTB); /* the blob's own, untraced reservation */
	err = mb_fdt_boot_arm32(&b->mb, &b->dt, &fb);
	boot_hint(b, BS__COUNT);
	if (boot_no_memory(b))
		return -1;
	if (err) {
		snprintf(b->err, sizeof(b->err),
			 "%.400s: device tree refused (%s)", b->m.dtb,
			 memblock_strerror(err));
		return -1;
	}
	mb_set_debug(&b->mb, true);
	mb_dump_all(&b->mb);
	return 0;
}

int boot_arch_setup(struct boot *b)
{
	if (b->m.atags[0] && boot_atags_load(b))
		return -1;
	if (b->m.bare)
		return boot_bare_setup(b);
	switch (b->m.arch) {
	case BM_ARM32:
		return b->m.style == 4 ? arm32_v4(b) : arm32_v6(b);
	case BM_ARM64:
		return boot_arm64_setup(b);
	case BM_X86_64:
		return boot_x86_setup(b);
	}
	return -1;
}
