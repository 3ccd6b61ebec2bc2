/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Every device tree in shared/dtbs through the front end, with the tables
 * expected from the .dts text (the line each value comes from is quoted)
 * and hand arithmetic. The DTB's own reservation is [phys, phys +
 * totalsize); dtc writes totalsize = the file's length (ls -l), and a blob
 * reopened with room to edit it has exactly the new buffer size.
 */
#include "fwdt_test.h"

#define N   MEMBLOCK_NOMAP
#define ANY -2

/* Load, optionally give the bootloader's memory, and run the steps a
 * 32-bit ARM boot runs (memory, self, reserved-memory). */
static struct fx *boot(const char *dtb, const struct mb_profile *p,
		       size_t total, const char *mem_path, mb_phys_t mem_base,
		       mb_phys_t mem_size, mb_phys_t dtb_phys,
		       const struct mb_fdt_config *cfg)
{
	struct fx *f = fx_new(p);
	int r;

	fx_load_dtb(f, dtb, total);
	if (mem_path)
		fx_set_reg(f, mem_path, mem_base, mem_size);
	fx_open(f, cfg);
	r = mb_fdt_scan_chosen(&f->dt);
	assert_true(r == 0 || r == -MB_ENOENT);
	assert_true(mb_fdt_scan_memory(&f->mb, &f->dt) >= 0);
	assert_int_equal(mb_fdt_reserve_self(&f->mb, &f->dt, dtb_phys), 0);
	assert_int_equal(mb_fdt_scan_reserved_mem(&f->mb, &f->dt), 0);
	fx_check(f);
	return f;
}

/* arm__vexpress-v2p-ca9.dts as compiled (no QEMU rewrite):
 *   memory@60000000 { reg = <0x60000000 0x40000000>; }  -> 1 GiB
 *   vram@4c000000 { compatible = "shared-dma-pool";
 *                   reg = <0x4c000000 0x800000>; no-map; }
 * vram is outside memory: NOMAP changes nothing, not reserved either. */
static void vexpress_as_compiled(void **state)
{
	struct fx *f = boot("arm__vexpress-v2p-ca9", &mb_profile_arm32, 0, NULL,
			    0, 0, 0x68000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0x60000000, 0x40000000, 0, ANY});
	EXPECT_RES(f, {0x68000000, 14081, 0, ANY});
	fx_expect_line(f, "Reserved memory: created DMA memory pool at "
			  "0x4c000000, size 8 MiB");
	fx_expect_line(f, "OF: reserved mem: initialized node vram@4c000000, "
			  "compatible id shared-dma-pool");
	assert_int_equal(f->dt.rmem_count, 1);
	assert_true(f->dt.rmem[0].dma_pool);
	fx_free(f);
}

/* The seed board at 128 MiB: QEMU rewrites /memory to <0x60000000
 * 0x8000000> and hands over (14081 + 10000) * 2 = 48162 = 0xbc22 bytes;
 * the seed dump's memory [0x60000000-0x67ffffff] and the 6.1 log's
 * reserved[0x2] [0x64000000-0x6400bc21]. */
static void vexpress_seed_128M(void **state)
{
	struct fx *f = boot("arm__vexpress-v2p-ca9", &mb_profile_arm32,
			    (14081 + 10000) * 2, "/memory@60000000", 0x60000000,
			    MiB(128), 0x64000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0x60000000, 0x08000000, 0, ANY});
	EXPECT_RES(f, {0x64000000, 0xbc22, 0, ANY});
	fx_free(f);
}

/* altera: "memory { device_type = "memory"; reg = <0 0 0 0>; }" is a
 * placeholder: no memory. svcbuffer@0 reg = <0 0 0 0x1000000>, no-map,
 * shared-dma-pool: a DMA pool of 16 MiB at 0. */
static void altera_placeholder(void **state)
{
	struct fx *f = boot("arm64__altera__socfpga_stratix10_socdk",
			    &mb_profile_arm64, 0, NULL, 0, 0, 0x8000000, NULL);

	(void)state;
	EXPECT_MEM_EMPTY(f);
	EXPECT_RES(f, {0x8000000, 14318, 0, ANY});
	fx_expect_line(f, "Reserved memory: created DMA memory pool at "
			  "0x0000000000000000, size 16 MiB");
	fx_free(f);
}

/* The same tree after a bootloader fills in 2 GiB at 0: svcbuffer [0,
 * 16M) becomes NOMAP memory. */
static void altera_filled(void **state)
{
	struct fx *f = boot("arm64__altera__socfpga_stratix10_socdk",
			    &mb_profile_arm64, 14318 + 4096, "/memory", 0,
			    GiB(2), 0x8000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0, MiB(16), N, ANY},
		   {MiB(16), GiB(2) - MiB(16), 0, ANY});
	EXPECT_RES(f, {0x8000000, 14318 + 4096, 0, ANY});
	fx_free(f);
}

/* 6.1's no-map rule: with the blob itself at 1 MiB, inside svcbuffer,
 * the range is memory and already reserved -> refused, flags unchanged,
 * the kernel's error line; the pool is still set up from the node. */
static void altera_nomap_refused(void **state)
{
	struct fx *f = boot("arm64__altera__socfpga_stratix10_socdk",
			    &mb_profile_arm64, 14318 + 4096, "/memory", 0,
			    GiB(2), MiB(1), NULL);

	(void)state;
	EXPECT_MEM(f, {0, GiB(2), 0, ANY});
	EXPECT_RES(f, {MiB(1), 14318 + 4096, 0, ANY});
	fx_expect_line(f, "OF: fdt: Reserved memory: failed to reserve memory "
			  "for node 'svcbuffer@0': base 0x0000000000000000, "
			  "size 16 MiB");
	fx_free(f);
}

/* rpi 4: "/memreserve/ 0x0 0x1000"; memory@0 reg = <0x00 0x00 0x00>
 * (placeholder); linux,cma { size = <0x4000000>; alloc-ranges = <0 0
 * 0x40000000>; reusable; } cannot be allocated without memory;
 * nvram@0 is status = "disabled": skipped. */
static void rpi4_placeholder(void **state)
{
	struct fx *f = boot("arm64__broadcom__bcm2711-rpi-4-b",
			    &mb_profile_arm64, 0, NULL, 0, 0, 0x2eff0000, NULL);
	bool saw_alloc = false;

	(void)state;
	EXPECT_MEM_EMPTY(f);
	EXPECT_RES(f, {0, 0x1000, 0, ANY}, {0x2eff0000, 27386, 0, ANY});
	fx_expect_line(f, "OF: reserved mem: failed to allocate memory for "
			  "node 'linux,cma'");
	for (int i = 0; i < f->nev; i++)
		if (f->ev[i].kind == MB_EV_PHYS_ALLOC_RANGE) {
			/* 64 MiB, CMA pageblock alignment 2 MiB, [0, 1G) */
			assert_int_equal(f->ev[i].size, MiB(64));
			assert_int_equal(f->ev[i].align, MiB(2));
			assert_int_equal(f->ev[i].min, 0);
			assert_int_equal(f->ev[i].max, GiB(1));
			saw_alloc = true;
		}
	assert_true(saw_alloc);
	assert_int_equal(f->dt.rmem_count, 1); /* nvram@0 not remembered */
	fx_free(f);
}

/* rpi 4 with the firmware's 0x3b400000 bytes of memory (2/1 cells):
 * CMA top-down in [0, 1G): 0x3b400000 - 64M = 0x37400000 (2M-aligned). */
static void rpi4_filled(void **state)
{
	struct fx *f = boot("arm64__broadcom__bcm2711-rpi-4-b",
			    &mb_profile_arm64, 27386 + 4096, "/memory@0", 0,
			    0x3b400000, 0x2eff0000, NULL);

	(void)state;
	EXPECT_MEM(f, {0, 0x3b400000, 0, ANY});
	EXPECT_RES(f, {0, 0x1000, 0, ANY}, {0x2eff0000, 27386 + 4096, 0, ANY},
		   {0x37400000, MiB(64), 0, ANY});
	fx_expect_line(f, "Reserved memory: created CMA memory pool at "
			  "0x0000000037400000, size 64 MiB");
	fx_expect_line(f, "OF: reserved mem: initialized node linux,cma, "
			  "compatible id shared-dma-pool");
	assert_true(f->dt.cma_default_from_dt);
	/* the default area is the node's: dma_contiguous_reserve skips */
	assert_int_equal(mb_fdt_cma_reserve(&f->mb, &f->dt, MiB(64), GiB(4)),
			 0);
	assert_int_equal(f->mb.reserved.cnt, 3);
	fx_free(f);
}

/* ls1043a: memory@80000000 reg = <0 0x80000000 0 0x80000000>; three
 * dynamic no-map shared-dma-pools, allocated top-down in table order:
 *   bman-fbpr 16M align 16M: 0x100000000 - 16M        = 0xff000000
 *   qman-fqd   4M align  4M: below 0xff000000 - 4M    = 0xfec00000
 *   qman-pfdr 32M align 32M: round_down(0xfec00000 - 32M, 32M)
 *                            = round_down(0xfcc00000) = 0xfc000000 */
static void ls1043a_dynamic(void **state)
{
	struct fx *f = boot("arm64__freescale__fsl-ls1043a-rdb",
			    &mb_profile_arm64, 0, NULL, 0, 0, 0x90000000, NULL);
	int allocs = 0;

	(void)state;
	EXPECT_MEM(f, {0x80000000, 0x7c000000, 0, ANY},
		   {0xfc000000, MiB(32), N, ANY}, {0xfe000000, MiB(12), 0, ANY},
		   {0xfec00000, MiB(20), N, ANY});
	EXPECT_RES(f, {0x90000000, 28248, 0, ANY},
		   {0xfc000000, MiB(32), 0, ANY},
		   {0xfec00000, MiB(20), 0, ANY});
	fx_expect_line(f, "Reserved memory: created DMA memory pool at "
			  "0x00000000ff000000, size 16 MiB");
	fx_expect_line(f, "Reserved memory: created DMA memory pool at "
			  "0x00000000fec00000, size 4 MiB");
	fx_expect_line(f, "Reserved memory: created DMA memory pool at "
			  "0x00000000fc000000, size 32 MiB");
	fx_expect_line(f, "OF: reserved mem: initialized node qman-pfdr, "
			  "compatible id shared-dma-pool");
	for (int i = 0; i < f->nev; i++)
		if (f->ev[i].kind == MB_EV_PHYS_ALLOC_RANGE) {
			static const mb_phys_t align[] = {MiB(16), MiB(4),
							  MiB(32)};

			assert_true(allocs < 3);
			assert_int_equal(f->ev[i].align, align[allocs]);
			assert_int_equal(f->ev[i].size, align[allocs]);
			allocs++;
		}
	assert_int_equal(allocs, 3);
	fx_free(f);
}

/* hikey: memory@0 reg has 6 entries (base, size):
 *   0x0+0x5e00000, 0x5f00000+0x1000, 0x5f02000+0xefd000,
 *   0x6e00000+0x60f000, 0x7410000+0x1aaf0000, 0x22000000+0x1c000000
 * ends 0x5e00000, 0x5f01000, 0x6dff000, 0x740f000, 0x21f00000,
 * 0x3e000000: all separated by holes -> 6 regions.
 * ramoops@21f00000 reg = <0 0x21f00000 0 0x100000>: reserved, in the hole.
 * linux,cma { size = <0 0x8000000>; reusable; linux,cma-default; }:
 * 128M top-down, 2M-aligned: 0x3e000000 - 0x8000000 = 0x36000000. */
static void hikey_holes(void **state)
{
	struct fx *f = boot("arm64__hisilicon__hi6220-hikey", &mb_profile_arm64,
			    0, NULL, 0, 0, 0x5000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0x0, 0x5e00000, 0, ANY}, {0x5f00000, 0x1000, 0, ANY},
		   {0x5f02000, 0xefd000, 0, ANY}, {0x6e00000, 0x60f000, 0, ANY},
		   {0x7410000, 0x1aaf0000, 0, ANY},
		   {0x22000000, 0x1c000000, 0, ANY});
	EXPECT_RES(f, {0x5000000, 40839, 0, ANY},
		   {0x21f00000, 0x100000, 0, ANY},
		   {0x36000000, 0x8000000, 0, ANY});
	fx_expect_line(f, "Reserved memory: created CMA memory pool at "
			  "0x0000000036000000, size 128 MiB");
	assert_true(f->dt.cma_default_from_dt);
	assert_int_equal(f->dt.cma_base, 0x36000000);
	fx_free(f);
}

/* msm8998: memory@85800000 reg = <0 0x85800000 0 0x3700000> (ends
 * 0x88f00000) contains memory@85e00000, smem-mem@86000000 and
 * memory@86200000. Linux compares sorted neighbours only: one report. */
static void msm8998_overlaps_linux(void **state)
{
	struct fx *f = boot("arm64__qcom__msm8998-sony-xperia-yoshino-lilac",
			    &mb_profile_arm64, 0, NULL, 0, 0, 0x83000000, NULL);
	int n = 0;

	(void)state;
	EXPECT_MEM_EMPTY(f); /* reg = <0 0x80000000 0 0>: placeholder */
	/* ramoops@ffc00000 reg = <0 0xffc00000 0 0x100000>: reserved */
	EXPECT_RES(f, {0x83000000, 51610, 0, ANY},
		   {0xffc00000, 0x100000, 0, ANY});
	fx_expect_line(f, "memory@85800000 (0x0000000085800000--"
			  "0x0000000088f00000) overlaps with memory@85e00000 "
			  "(0x0000000085e00000--0x0000000085f00000)");
	for (int i = 0; i < f->nlines; i++)
		n += !strcmp(f->lines[i],
			     "OF: reserved mem: OVERLAP DETECTED!");
	assert_int_equal(n, 1);
	/* memory@f6400000 { shared-dma-pool; reg = <.. 0x2000>; no-map } */
	fx_expect_line(f, "Reserved memory: created DMA memory pool at "
			  "0x00000000f6400000, size 0 MiB");
	fx_free(f);
}

/* The same with every pair reported: the big region against all three. */
static void msm8998_overlaps_all(void **state)
{
	struct mb_fdt_config cfg;
	struct fx *tmp = fx_new(&mb_profile_arm64);
	struct fx *f;
	int n = 0;

	(void)state;
	mb_fdt_config_default(&cfg, &tmp->mb);
	fx_free(tmp);
	cfg.report_all_overlaps = true;
	f = boot("arm64__qcom__msm8998-sony-xperia-yoshino-lilac",
		 &mb_profile_arm64, 0, NULL, 0, 0, 0x83000000, &cfg);
	for (int i = 0; i < f->nlines; i++)
		n += !strcmp(f->lines[i],
			     "OF: reserved mem: OVERLAP DETECTED!");
	assert_int_equal(n, 3);
	fx_expect_line(f, "memory@85800000 (0x0000000085800000--"
			  "0x0000000088f00000) overlaps with smem-mem@86000000 "
			  "(0x0000000086000000--0x0000000086200000)");
	fx_expect_line(f, "memory@85800000 (0x0000000085800000--"
			  "0x0000000088f00000) overlaps with memory@86200000 "
			  "(0x0000000086200000--0x0000000088f00000)");
	fx_free(f);
}

/* msm8998 with 4 GiB filled in at 0x80000000: the no-map regions (hand
 * union of the .dts reg values, merged where they touch) become NOMAP:
 *   85800000+3700000, 88f00000+200000             -> [85800000, 89100000)
 *   8ab00000+700000 .. 95210000+5000 (touching)   -> [8ab00000, 95215000)
 *   95600000+100000, 95700000+100000              -> [95600000, 95800000)
 *   9d400000+2400000                              -> [9d400000, 9f800000)
 *   f6400000+2000                                 -> [f6400000, f6402000)
 *   fe000000+800000, fe800000+1400000             -> [fe000000, ffc00000) */
static void msm8998_filled(void **state)
{
	struct fx *f = boot("arm64__qcom__msm8998-sony-xperia-yoshino-lilac",
			    &mb_profile_arm64, 51610 + 4096, "/memory@80000000",
			    0x80000000, GiB(4), 0x83000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0x80000000, 0x05800000, 0, ANY},
		   {0x85800000, 0x03900000, N, ANY},
		   {0x89100000, 0x01a00000, 0, ANY},
		   {0x8ab00000, 0x0a715000, N, ANY},
		   {0x95215000, 0x003eb000, 0, ANY},
		   {0x95600000, 0x00200000, N, ANY},
		   {0x95800000, 0x07c00000, 0, ANY},
		   {0x9d400000, 0x02400000, N, ANY},
		   {0x9f800000, 0x56c00000, 0, ANY},
		   {0xf6400000, 0x00002000, N, ANY},
		   {0xf6402000, 0x07bfe000, 0, ANY},
		   {0xfe000000, 0x01c00000, N, ANY},
		   {0xffc00000, 0x80400000, 0, ANY});
	fx_free(f);
}

/* sc7180: memory@86000000 reg = <0 0x86000000 0 0x8c00000> (ends
 * 0x8ec00000) overlaps memory@8b700000 reg = <0 0x8b700000 0 0x10000>;
 * no other pair overlaps (80900000+200000 ends at 80b00000, touching). */
static void sc7180_overlap(void **state)
{
	struct fx *f = boot("arm64__qcom__sc7180-idp", &mb_profile_arm64, 0,
			    NULL, 0, 0, 0x83000000, NULL);
	int n = 0;

	(void)state;
	EXPECT_MEM_EMPTY(f);
	EXPECT_RES(f, {0x83000000, 79278, 0, ANY});
	for (int i = 0; i < f->nlines; i++)
		n += !strcmp(f->lines[i],
			     "OF: reserved mem: OVERLAP DETECTED!");
	assert_int_equal(n, 1);
	fx_expect_line(f, "memory@86000000 (0x0000000086000000--"
			  "0x000000008ec00000) overlaps with memory@8b700000 "
			  "(0x000000008b700000--0x000000008b710000)");
	assert_int_equal(f->dt.rmem_count, 10);
	fx_free(f);
}

/* rtd1295: memory@1f000 reg = <0x1f000 0x7ffe1000> -> [0x1f000,
 * 0x80000000); /memreserve/ 0x0+0x1f000, 0x1f000+0xe1000,
 * 0x1b00000+0x4be000; rpc@1f000 <0x1f000 0x1000> and rpc@1ffe000
 * <0x1ffe000 0x4000> reserved; tee@10100000 <0x10100000 0xf00000> no-map.
 * Reserved merges to [0, 0x100000), [0x1b00000, 0x1fbe000),
 * [0x1ffe000, 0x2002000); tee is NOMAP (not refused: /reserved-memory
 * is scanned before /memreserve/ and nothing reserved covers it). */
static void rtd1295_memreserve(void **state)
{
	struct fx *f = boot("arm64__realtek__rtd1295-zidoo-x9s",
			    &mb_profile_arm64, 0, NULL, 0, 0, 0x3000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0x1f000, 0x10100000 - 0x1f000, 0, ANY},
		   {0x10100000, 0xf00000, N, ANY},
		   {0x11000000, 0x6f000000, 0, ANY});
	EXPECT_RES(f, {0, 0x100000, 0, ANY}, {0x1b00000, 0x4be000, 0, ANY},
		   {0x1ffe000, 0x4000, 0, ANY}, {0x3000000, 4085, 0, ANY});
	fx_free(f);
}

/* chromecast: memory@0 { linux,usable-memory = <0x00 0x20000000>; } and
 * no reg: usable-memory is used. */
static void chromecast_usable(void **state)
{
	struct fx *f = boot("arm__berlin2cd-google-chromecast",
			    &mb_profile_arm32, 0, NULL, 0, 0, 0x1000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0, 0x20000000, 0, ANY});
	EXPECT_RES(f, {0x1000000, 10313, 0, ANY});
	assert_string_equal(f->dt.chosen.bootargs, "earlyprintk");
	fx_free(f);
}

/* imx6dl-b105v2: memory@10000000 has reg <0x10000000 0x40000000> but no
 * device_type: ignored as Linux 6.1 does. */
static void imx6dl_no_device_type(void **state)
{
	struct fx *f = boot("arm__imx6dl-b105v2", &mb_profile_arm32, 0, NULL, 0,
			    0, 0x12000000, NULL);

	(void)state;
	EXPECT_MEM_EMPTY(f);
	EXPECT_RES(f, {0x12000000, 44741, 0, ANY});
	fx_free(f);
}

/* keystone-k2e (2/2 cells) on the non-LPAE armmp kernel: memory@80000000
 * <0 0x80000000 0 0x40000000> fits; dsp-common-memory@81f800000 reg =
 * <0x08 0x1f800000 0 0x800000> keeps only its low 32 bits in a 32-bit
 * phys_addr_t: reserved at 0x1f800000, a CMA pool there (4M-aligned). */
static void keystone_non_lpae(void **state)
{
	struct fx *f = boot("arm__keystone-k2e-evm", &mb_profile_arm32, 0, NULL,
			    0, 0, 0x88000000, NULL);

	(void)state;
	EXPECT_MEM(f, {0x80000000, 0x40000000, 0, ANY});
	EXPECT_RES(f, {0x1f800000, 0x800000, 0, ANY},
		   {0x88000000, 24852, 0, ANY});
	fx_expect_line(f, "Reserved memory: created CMA memory pool at "
			  "0x1f800000, size 8 MiB");
	fx_expect_line(f, "OF: reserved mem: initialized node "
			  "dsp-common-memory@81f800000, compatible id "
			  "shared-dma-pool");
	fx_free(f);
}

/* The same tree on an LPAE kernel (64-bit phys_addr_t): the pool stays
 * at 0x81f800000. */
static void keystone_lpae(void **state)
{
	struct mb_profile lpae = mb_profile_arm32;
	struct fx *f;

	(void)state;
	lpae.phys_bits = 64;
	f = boot("arm__keystone-k2e-evm", &lpae, 0, NULL, 0, 0, 0x88000000,
		 NULL);
	EXPECT_RES(f, {0x88000000, 24852, 0, ANY},
		   {0x81f800000ULL, 0x800000, 0, ANY});
	fx_expect_line(f, "Reserved memory: created CMA memory pool at "
			  "0x000000081f800000, size 8 MiB");
	fx_free(f);
}

/* keystone's real memory lives at 0x800000000: a non-LPAE kernel cannot
 * reach it ("Ignoring memory block 0x800000000 - 0x880000000"). */
static void keystone_high_memory_ignored(void **state)
{
	struct fx *f = boot("arm__keystone-k2e-evm", &mb_profile_arm32,
			    24852 + 4096, "/memory@80000000", 0x800000000ULL,
			    GiB(2), 0x88000000, NULL);

	(void)state;
	EXPECT_MEM_EMPTY(f);
	fx_expect_line(f, "OF: fdt: Ignoring memory block 0x800000000 - "
			  "0x880000000");
	fx_free(f);
}

/* sdx65 (1/1 cells): "memory { reg = <0x00 0x00>; }" placeholder; 13
 * no-map children, none overlapping (8fcad000+40000 ends at 8fced000,
 * touching memory@8fced000): nothing printed, nothing reserved. */
static void sdx65_many(void **state)
{
	struct fx *f = boot("arm__qcom-sdx65-mtp", &mb_profile_arm32, 0, NULL,
			    0, 0, 0x80000000, NULL);

	(void)state;
	EXPECT_MEM_EMPTY(f);
	EXPECT_RES(f, {0x80000000, 18243, 0, ANY});
	assert_int_equal(f->dt.rmem_count, 13);
	assert_int_equal(f->nlines, 0);
	fx_free(f);
}

/* QEMU NUMA: memory@c0000000 numa-node-id 2, memory@80000000 1,
 * memory@40000000 0 (each 1 GiB). The plain add merges them into one
 * region; the NUMA pass splits them by node. Node 3 has no memory. */
static void numa3_memless(void **state)
{
	struct fx *f = boot("qemu__aarch64-virt-numa3-plus-memless",
			    &mb_profile_arm64, 0, NULL, 0, 0, 0x48000000, NULL);

	(void)state;
	EXPECT_MEM(f, {GiB(1), GiB(3), 0, ANY});
	assert_int_equal(mb_fdt_numa_scan(&f->mb, &f->dt), 3);
	EXPECT_MEM(f, {GiB(1), GiB(1), 0, 0}, {GiB(2), GiB(1), 0, 1},
		   {GiB(3), GiB(1), 0, 2});
	fx_check(f);
	fx_free(f);
}

/* crashkernel tree: bootargs from the QEMU command line in the README. */
static void crashkernel_bootargs(void **state)
{
	struct fx *f = boot("qemu__arm64_virt_1G_crashkernel_cma",
			    &mb_profile_arm64, 0, NULL, 0, 0, 0x48000000, NULL);

	(void)state;
	assert_non_null(
		strstr(f->dt.chosen.bootargs, "crashkernel=128M cma=32M"));
	EXPECT_MEM(f, {GiB(1), GiB(1), 0, ANY});
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vexpress_as_compiled),
		cmocka_unit_test(vexpress_seed_128M),
		cmocka_unit_test(altera_placeholder),
		cmocka_unit_test(altera_filled),
		cmocka_unit_test(altera_nomap_refused),
		cmocka_unit_test(rpi4_placeholder),
		cmocka_unit_test(rpi4_filled),
		cmocka_unit_test(ls1043a_dynamic),
		cmocka_unit_test(hikey_holes),
		cmocka_unit_test(msm8998_overlaps_linux),
		cmocka_unit_test(msm8998_overlaps_all),
		cmocka_unit_test(msm8998_filled),
		cmocka_unit_test(sc7180_overlap),
		cmocka_unit_test(rtd1295_memreserve),
		cmocka_unit_test(chromecast_usable),
		cmocka_unit_test(imx6dl_no_device_type),
		cmocka_unit_test(keystone_non_lpae),
		cmocka_unit_test(keystone_lpae),
		cmocka_unit_test(keystone_high_memory_ignored),
		cmocka_unit_test(sdx65_many),
		cmocka_unit_test(numa3_memless),
		cmocka_unit_test(crashkernel_bootargs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
