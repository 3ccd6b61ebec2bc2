/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree front end against real Linux 6.1 boots (how: see
 * fwdt_logs_fixture.c).
 *
 * This program: CMA placement on the repo's unseen corpus
 * (tests/corpus/logs).
 */
#include "fwdt_logs_fixture.h"

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>

/* ---- CMA placement on the repo's unseen corpus (tests/corpus/logs) ---- */

/* cma=12M on armmp: rounded to whole 8 MiB pageblocks (MAX_ORDER 12,
 * 4 KiB << 11), 16 MiB; top of the 256 MiB: 0x70000000 - 16M =
 * 0x6f000000 (log lines 39-40). The blob is at 0x68000000 (dump). */
static void corpus_vexpress_256M_cma12M(void **state)
{
	(void)state;
	run_boot(&fx_boot_vexpress_256M_cma12M);
}

/* 32-bit virt, 3 GiB at 0x40000000 (QEMU's own tree, /memory rewritten;
 * the 32-bit kernel keeps [0x40000000-0xfffffffe]), HighMem from
 * 0x70000000 (zone line 38). limit 0xffffffff & ~(8M - 1) = 0xff800000;
 * HighMem first: 0xff800000 - 16M = 0xfe800000 (log line 12-13). */
static void corpus_arm_virt_3G(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "corpus/arm_virt_3G.log",
		.dtb = "qemu__arm_virt_512M_smp1",
		.profile = &mb_profile_arm32,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.ram = GiB(3),
		.mem_node = "/memory@40000000",
		.ram_base = 0x40000000,
		.highmem = 0x70000000,
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* LPAE (64-bit phys_addr_t, 2 MiB pageblocks), 4 GiB at 0x40000000,
 * HighMem from 0x70000000 (zone line 58). 6.1: HighMem try [0x70000000,
 * 0xffe00000) gives 0xfee00000 (line 12, stays reserved: dump's
 * reserved[0x4]); the 4 GiB bottom-up try over [4G, 0x70000000) finds
 * nothing and replaces it; [0, 0x70000000) gives 0x6f000000 (13-14). */
static void corpus_arm_virt_lpae_4G(void **state)
{
	struct mb_profile lpae = mb_profile_arm32;

	(void)state;
	lpae.phys_bits = 64;
	run_boot(&(struct boot){
		.log = "corpus/arm_virt_lpae_4G.log",
		.dtb = "qemu__arm_virt_512M_smp1",
		.profile = &lpae,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.ram = GiB(4),
		.mem_node = "/memory@40000000",
		.ram_base = 0x40000000,
		.highmem = 0x70000000,
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* A 32-bit QEMU virt boot of the corpus: QEMU's own tree with /memory
 * rewritten to @ram, HighMem from 0x70000000 (every log's zone line),
 * @lpae: a 64-bit phys_addr_t (2 MiB pageblocks, 4 GiB try). */
static void virt32(const char *log, mb_phys_t ram, bool lpae,
		   const char *bootargs)
{
	struct mb_profile p = mb_profile_arm32;

	if (lpae)
		p.phys_bits = 64;
	run_boot(&(struct boot){
		.log = log,
		.dtb = "qemu__arm_virt_512M_smp1",
		.profile = &p,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.ram = ram,
		.mem_node = "/memory@40000000",
		.ram_base = 0x40000000,
		.highmem = 0x70000000,
		.phys_offset = 0x40000000,
		.bootargs = bootargs,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* cma=64M, 1 GiB: HighMem [0x70000000, 0x80000000) has room:
 * 0x80000000 - 64M = 0x7c000000 (lines 12-13). */
static void corpus_arm_virt_1G_cma64M(void **state)
{
	(void)state;
	virt32("corpus/arm_virt_1G_cma64M_smp2.log", GiB(1), false,
	       "memblock=debug console=ttyAMA0 panic=-1 loglevel=8 cma=64M");
}

/* LPAE cma=384M, 1 GiB: HighMem is 256 MiB, the HighMem try fails
 * silently; RAM end 0x80000000 < 4G + 384M: no 4 GiB try; [0,
 * 0x70000000): 0x70000000 - 384M = 0x58000000 (lines 12-13). */
static void corpus_arm_virt_lpae_1G_cma384M(void **state)
{
	(void)state;
	virt32("corpus/arm_virt_lpae_1G_cma384M.log", GiB(1), true,
	       "memblock=debug console=ttyAMA0 panic=-1 loglevel=8 cma=384M");
}

/* LPAE cma=128M, 8 GiB: HighMem try [0x70000000, 0xffe00000):
 * 0xffe00000 - 128M = 0xf7e00000 stays reserved; the 4 GiB try over
 * [4G, 0x70000000) is empty; 0x70000000 - 128M = 0x68000000 (12-14). */
static void corpus_arm_virt_lpae_8G_cma128M(void **state)
{
	(void)state;
	virt32("corpus/arm_virt_lpae_8G_cma128M.log", GiB(8), true,
	       "memblock=debug console=ttyAMA0 panic=-1 loglevel=8 cma=128M");
}

/* More 32-bit virt boots of the corpus, default 16 MiB area:
 * - LPAE 2 GiB (RAM end 0xc0000000 < 4G + 16M, no 4 GiB try): HighMem
 *   [0x70000000, 0xc0000000): 0xc0000000 - 16M = 0xbf000000;
 * - LPAE 3 GiB (end 0x100000000 < 4G + 16M): limit 0xffffffff & ~(2M-1)
 *   = 0xffe00000, 0xffe00000 - 16M = 0xfee00000;
 * - LPAE 6 GiB cma=64M: HighMem 0xffe00000 - 64M = 0xfbe00000 (kept,
 *   unused), empty 4 GiB try, 0x70000000 - 64M = 0x6c000000;
 * - non-LPAE 2 GiB mem=1500M (traced remove + add from PHYS_OFFSET
 *   0x40000000: end 0x40000000 + 1500M = 0x9dc00000): limit capped at
 *   0x9dc00000 (not 8 MiB aligned), 0x9dc00000 - 16M = 0x9cc00000, down
 *   to 8 MiB: 0x9c800000;
 * - LPAE 4 GiB mem=3G: end 0x100000000, as LPAE 3 GiB: 0xfee00000. */
static void corpus_arm_virt_more(void **state)
{
	const char *args = "memblock=debug console=ttyAMA0 panic=-1 loglevel=8";

	(void)state;
	virt32("corpus/arm_virt_lpae_2G.log", GiB(2), true, args);
	virt32("corpus/arm_virt_lpae_3G.log", GiB(3), true, args);
	virt32("corpus/arm_virt_lpae_6G_cma64M.log", GiB(6), true,
	       "memblock=debug console=ttyAMA0 panic=-1 loglevel=8 cma=64M");
	virt32("corpus/arm_virt_2G_mem1500M.log", GiB(2), false,
	       "memblock=debug console=ttyAMA0 panic=-1 loglevel=8 "
	       "mem=1500M");
	virt32("corpus/arm_virt_lpae_4G_mem3G.log", GiB(4), true,
	       "memblock=debug console=ttyAMA0 panic=-1 loglevel=8 mem=3G");
}

/* vexpress 768 MiB: all lowmem (below 0x90000000), 0x90000000 - 16M =
 * 0x8f000000. */
static void corpus_vexpress_768M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "corpus/arm_vexpress_768M_smp2.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = MiB(768),
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* cma=8M, vexpress 256 MiB: one 8 MiB pageblock, 0x70000000 - 8M =
 * 0x6f800000 (lines 39-40). */
static void corpus_vexpress_256M_cma8M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "corpus/arm_vexpress_256M_cma8M.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = MiB(256),
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8 cma=8M",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* arm64, 1 GiB, cma=100M: 2 MiB pageblocks, 100M is a multiple; limit
 * ZONE_DMA end 4 GiB capped at RAM end 0x80000000; no HighMem, RAM below
 * 4 GiB + 100M so no bottom-up try: top-down below the page tables and
 * sparse blocks the log reserved before (line 1074: 0x78800000). */
static void corpus_arm64_virt_1G_cma100M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "corpus/arm64_virt_1G_cma100M.log",
		.dtb = "qemu__arm64_virt_512M_smp1",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.ram = GiB(1),
		.mem_node = "/memory@40000000",
		.ram_base = 0x40000000,
		.bootargs = "memblock=debug earlycon=pl011,0x9000000 "
			    "console=ttyAMA0 panic=-1 loglevel=8 cma=100M",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

/* A memory node at @base of @size on NUMA node @nid (new or rewritten). */
static void numa_memory(struct fx *f, const char *name, mb_phys_t base,
			mb_phys_t size, uint32_t nid)
{
	int node = fdt_subnode_offset(f->blob, 0, name);
	char path[64];

	if (node < 0)
		node = fdt_add_subnode(f->blob, 0, name);
	assert_true(node >= 0);
	assert_int_equal(
		fdt_setprop_string(f->blob, node, "device_type", "memory"), 0);
	assert_int_equal(fdt_setprop_u32(f->blob, node, "numa-node-id", nid),
			 0);
	snprintf(path, sizeof(path), "/%s", name);
	fx_set_reg(f, path, base, size);
}

/* QEMU's tree for -numa with 4 nodes of 512M+1G+1G+1.5G (the log's
 * "node N: [mem ...]" lines 4162-4165), built from the 2-node tree. */
static void edit_numa4(struct fx *f)
{
	numa_memory(f, "memory@40000000", 0x40000000, MiB(512), 0);
	numa_memory(f, "memory@80000000", 0x60000000, GiB(1), 1);
	numa_memory(f, "memory@a0000000", 0xa0000000, GiB(1), 2);
	numa_memory(f, "memory@e0000000", 0xe0000000, MiB(1536), 3);
}

/* arm64 with RAM past 4 GiB + 64M (end 0x140000000): the bottom-up try
 * over [4G, limit = ZONE_DMA end 4G) is empty; top-down in [0, 4G):
 * 4G - 64M = 0xfc000000 (line 4171); the dump's "on node N". */
static void corpus_arm64_virt_4G_numa4(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "corpus/arm64_virt_4G_numa4.log",
		.dtb = "qemu__arm64_virt_2G_numa2",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.edit = edit_numa4,
		.bootargs = "memblock=debug earlycon=pl011,0x9000000 "
			    "console=ttyAMA0 panic=-1 loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus_vexpress_256M_cma12M),
		cmocka_unit_test(corpus_arm_virt_3G),
		cmocka_unit_test(corpus_arm_virt_lpae_4G),
		cmocka_unit_test(corpus_arm64_virt_1G_cma100M),
		cmocka_unit_test(corpus_arm64_virt_4G_numa4),
		cmocka_unit_test(corpus_arm_virt_1G_cma64M),
		cmocka_unit_test(corpus_arm_virt_lpae_1G_cma384M),
		cmocka_unit_test(corpus_arm_virt_lpae_8G_cma128M),
		cmocka_unit_test(corpus_vexpress_256M_cma8M),
		cmocka_unit_test(corpus_arm_virt_more),
		cmocka_unit_test(corpus_vexpress_768M),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
