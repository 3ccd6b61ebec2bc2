/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree front end against real Linux 6.1 boots (how: see
 * fwdt_logs_fixture.c).
 *
 * This program: the convenience boots (mb_fdt_boot_*) give the same dumps.
 */
#include "fwdt_logs_fixture.h"

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>

/* ---- the convenience boots: same dumps through mb_fdt_boot_* ---- */

struct replay_ctx {
	struct fx *f;
	const struct log *lg;
	int early_from, early_to; /* arch_reserve: log lines [from, to) */
	int late_from, late_to;	  /* arch_late */
};

static void replay_lines(struct replay_ctx *c, int from, int to)
{
	for (int i = from; i < to; i++)
		replay(c->f, c->lg->line[i]);
}

static void cb_early(struct memblock *mb, void *ctx)
{
	struct replay_ctx *c = ctx;

	(void)mb;
	replay_lines(c, c->early_from, c->early_to);
}

static void cb_late(struct memblock *mb, void *ctx)
{
	struct replay_ctx *c = ctx;

	(void)mb;
	replay_lines(c, c->late_from, c->late_to);
}

/*
 * Run mb_fdt_boot_<arch> on the blob QEMU built; the caller's part is the
 * log's own lines: the arch's reservations (up to the last
 * "memblock_init+" line) and, on arm64, everything after them up to the
 * CMA area. Then the first dump must match the log.
 */
static void run_convenience(const struct boot *b)
{
	struct fx *f = fx_new(b->profile);
	struct log lg;
	struct replay_ctx c = {0};
	struct mb_fdt_boot fb = {0};
	static char alloc_sym[256];
	int dump, cma, first, last_init = -1, mark, i;

	log_load(&lg, b->log);
	fx_load_dtb(f, b->dtb,
		    b->dtb_total ? b->dtb_total
				 : fx_qemu_file_dtb_size(b->dtb));
	if (b->ram)
		fx_set_reg(f, b->mem_node ? b->mem_node : "/memory@60000000",
			   b->mem_node ? b->ram_base : 0x60000000, b->ram);
	if (b->bootargs)
		assert_int_equal(
			fdt_setprop_string(f->blob,
					   fdt_path_offset(f->blob, "/chosen"),
					   "bootargs", b->bootargs),
			0);
	fx_open(f, NULL);
	if (b->highmem)
		f->dt.cfg.highmem_start = b->highmem;
	dump = log_find(&lg, 0, "MEMBLOCK configuration:");
	cma = log_find(&lg, 0, "cma: "); /* Reserved ... or Failed ... */
	assert_true(cma > 0 && cma < dump);
	for (i = 0; i < dump; i++)
		if (strstr(lg.line[i], "memblock_init+"))
			last_init = i;
	assert_true(last_init > 0);
	c.f = f;
	c.lg = &lg;
	c.early_from = 0;
	c.early_to = last_init + 1;
	c.late_from = last_init + 1;
	/* the CMA area's own reserve lines (one, or two with a dropped
	 * HighMem block) are the front end's */
	for (first = cma;
	     first - 1 > last_init && cma_result_run(&lg, first - 1, dump);)
		first--;
	/* no result line only when the area could not be placed */
	assert_true(first < cma || !strncmp(lg.line[cma], "cma: Failed", 11));
	c.late_to = first;
	snprintf(alloc_sym, sizeof(alloc_sym), "%s",
		 strrchr(lg.line[first], ' ') + 1);
	if (first < cma)
		f->mb.alloc_caller_sym = alloc_sym;
	fb.dtb_phys = b->dtb_phys;
	fb.phys_offset = b->phys_offset ? b->phys_offset : 0x60000000;
	fb.cma_default = b->cma_default;
	fb.dma_limit = b->cma_limit;
	fb.arch_reserve = cb_early;
	fb.arch_late = b->arm64 ? cb_late : NULL;
	fb.ctx = &c;
	if (b->arm64)
		assert_int_equal(mb_fdt_boot_arm64(&f->mb, &f->dt, &fb), 0);
	else
		assert_int_equal(mb_fdt_boot_arm32(&f->mb, &f->dt, &fb), 0);
	/* after the CMA area (arm64: crashkernel) is the caller's again */
	replay_lines(&c, cma + 1, dump);
	assert_true(f->mb.debug); /* memblock=debug from the tree's bootargs */
	for (i = first; i <= cma; i++)
		fx_expect_line(f, lg.line[i]);
	fx_check(f);
	mark = f->nlines;
	mb_dump(&f->mb);
	i = dump;
	expect_printed(f, mark, &lg, &i, false);
	log_free(&lg);
	fx_free(f);
}

static void boot_arm32_vexpress_128M(void **state)
{
	(void)state;
	run_convenience(&fx_boot_vexpress_128M);
}

static void boot_arm32_mem256M_cma(void **state)
{
	(void)state;
	run_convenience(&fx_boot_vexpress_mem256M_cma);
}

/* The corpus's cma=12M boot through mb_fdt_boot_arm32: cma= from the
 * tree's bootargs, 16 MiB (two 8 MiB pageblocks) at 0x6f000000. */
static void boot_arm32_corpus_cma12M(void **state)
{
	(void)state;
	run_convenience(&fx_boot_vexpress_256M_cma12M);
}

/* LPAE 4 GiB through mb_fdt_boot_arm32: both result lines (0xfee00000,
 * then 0x6f000000; see corpus_arm_virt_lpae_4G) and the dump's five
 * reserved regions. */
static void boot_arm32_corpus_lpae_4G(void **state)
{
	struct mb_profile lpae = mb_profile_arm32;

	(void)state;
	lpae.phys_bits = 64;
	run_convenience(&(struct boot){
		.log = "corpus/arm_virt_lpae_4G.log",
		.dtb = "qemu__arm_virt_512M_smp1",
		.profile = &lpae,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.ram = GiB(4),
		.mem_node = "/memory@40000000",
		.ram_base = 0x40000000,
		.highmem = 0x70000000,
		.phys_offset = 0x40000000,
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* cma=16M@0x68000000 on vexpress 512M: the fixed base is the blob's
 * reservation [0x68000000-0x6800bc21], so 6.1 prints "cma: Failed to
 * reserve 16 MiB" and boots on (log line 39); the boot returns 0 and the
 * dump has no CMA block (line 44: reserved.cnt 3). */
static void boot_arm32_corpus_cma_fixed_busy(void **state)
{
	(void)state;
	run_convenience(&(struct boot){
		.log = "corpus/arm_vexpress_512M_cma16M_fixed.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = MiB(512),
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8 cma=16M@0x68000000",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

static void boot_arm64_numa2(void **state)
{
	(void)state;
	run_convenience(&fx_boot_arm64_numa2);
}

static void boot_arm64_crashkernel_cma(void **state)
{
	(void)state;
	run_convenience(&fx_boot_arm64_crashkernel_cma);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(boot_arm32_vexpress_128M),
		cmocka_unit_test(boot_arm32_mem256M_cma),
		cmocka_unit_test(boot_arm32_corpus_cma12M),
		cmocka_unit_test(boot_arm32_corpus_lpae_4G),
		cmocka_unit_test(boot_arm32_corpus_cma_fixed_busy),
		cmocka_unit_test(boot_arm64_numa2),
		cmocka_unit_test(boot_arm64_crashkernel_cma),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
