/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree front end against real Linux 6.1 boots: for each QEMU
 * boot in shared/logs whose device tree is in shared/dtbs, build the blob
 * exactly as QEMU handed it to the kernel, run the front end's steps in the
 * architecture's order, replay the log's own lines for everything that is
 * not the front end's (kernel image, page tables, allocations), and compare
 * - the front end's own printed lines (reserved-memory, mem=, CMA) with the
 *   log's lines at the same place, and
 * - the first "MEMBLOCK configuration:" dump, line for line.
 * The memory table and the DTB reservation come only from the front end:
 * the logs have no line for them (they happen before memblock=debug).
 */
#include "fwdt_test.h"

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>

struct log {
	char **line;
	int n;
};

/* Load a log, dropping the "[    0.000000] " timestamp of each line. */
static void log_load(struct log *lg, const char *name)
{
	char path[512];
	size_t size;
	char *text, *p;

	if (!strncmp(name, "corpus/", 7)) /* the repo's unseen real logs */
		snprintf(path, sizeof(path), "%s/%s", MEMBLOCK_CORPUS_LOGS,
			 name + 7);
	else
		snprintf(path, sizeof(path), "%s/logs/%s", MEMBLOCK_SHARED_DIR,
			 name);
	text = fx_read_file(path, &size, 0);
	lg->n = 0;
	lg->line = calloc(size / 2 + 2, sizeof(char *));
	for (p = text; *p;) {
		char *nl = strchr(p, '\n');
		char *s = p;

		if (nl)
			*nl = '\0';
		if (nl && nl > p && nl[-1] == '\r') /* serial console CRLF */
			nl[-1] = '\0';
		if (s[0] == '[') {
			char *close = strstr(s, "] ");

			if (close)
				s = close + 2;
		}
		lg->line[lg->n++] = fx_strdup(s);
		if (!nl)
			break;
		p = nl + 1;
	}
	free(text);
}

static void log_free(struct log *lg)
{
	for (int i = 0; i < lg->n; i++)
		free(lg->line[i]);
	free(lg->line);
}

static int log_find(const struct log *lg, int from, const char *prefix)
{
	for (int i = from; i < lg->n; i++)
		if (!strncmp(lg->line[i], prefix, strlen(prefix)))
			return i;
	return -1;
}

/* A trace line's text without its caller (the last word). */
static void strip_caller(const char *s, char *out, size_t len)
{
	const char *sp = strrchr(s, ' ');
	size_t n = sp ? (size_t)(sp - s) : strlen(s);

	if (n >= len)
		n = len - 1;
	memcpy(out, s, n);
	out[n] = '\0';
}

struct boot {
	const char *log, *dtb;
	const struct mb_profile *profile;
	size_t dtb_total;   /* 0 = QEMU's rule for -dtb files */
	mb_phys_t dtb_phys; /* where QEMU put the blob (the loader's choice) */
	mb_phys_t ram;	    /* !0: QEMU rewrites /memory to this size */
	const char *mem_node;  /* the node it rewrites; NULL: vexpress's */
	mb_phys_t ram_base;    /* with mem_node: the node's base */
	mb_phys_t highmem;     /* !0: HighMem start (the log's zone line) */
	mb_phys_t phys_offset; /* convenience boots; 0: vexpress 0x60000000 */
	void (*edit)(struct fx *f); /* !NULL: rebuild QEMU's tree further */
	const char *bootargs;	    /* !NULL: QEMU's -append into /chosen */
	mb_phys_t cma_default, cma_limit;
	bool arm64;
};

/* Compare the lines the front end printed since @mark with the log's
 * lines from *@i on; advance *@i past them. Trace lines are compared
 * without their caller when @no_caller. */
static void expect_printed(struct fx *f, int mark, const struct log *lg, int *i,
			   bool no_caller)
{
	for (int k = mark; k < f->nlines; k++, (*i)++) {
		char a[256], b[256];

		assert_true(*i < lg->n);
		if (no_caller && !strncmp(f->lines[k], "memblock_", 9)) {
			strip_caller(f->lines[k], a, sizeof(a));
			strip_caller(lg->line[*i], b, sizeof(b));
		} else {
			snprintf(a, sizeof(a), "%s", f->lines[k]);
			snprintf(b, sizeof(b), "%s", lg->line[*i]);
		}
		assert_string_equal(a, b);
	}
}

/* Replay one of the log's own trace lines (not the front end's). */
static void replay(struct fx *f, const char *s)
{
	unsigned long long lo, hi;
	char kind[64], caller[256];
	static char sym[256];
	mb_phys_t size;

	if (sscanf(s, "%63[^:]: [0x%llx-0x%llx] %255s", kind, &lo, &hi,
		   caller) != 4)
		return; /* requests: their reserve line follows */
	size = (mb_phys_t)hi - (mb_phys_t)lo + 1;
	snprintf(sym, sizeof(sym), "%s", caller);
	mb_set_next_caller(&f->mb, sym);
	if (!strcmp(kind, "memblock_reserve"))
		assert_int_equal(mb_reserve(&f->mb, lo, size), 0);
	else if (!strcmp(kind, "memblock_phys_free"))
		assert_int_equal(mb_phys_free(&f->mb, lo, size), 0);
	else if (!strcmp(kind, "memblock_remove"))
		assert_int_equal(mb_remove(&f->mb, lo, size), 0);
	else if (!strcmp(kind, "memblock_add"))
		assert_int_equal(mb_add(&f->mb, lo, size), 0);
	else
		mb_set_next_caller(&f->mb, NULL);
}

/* arm64 NUMA init: numa-node-id from the tree, else one fake node 0. */
static void numa_init(struct fx *f)
{
	int n = mb_fdt_numa_scan(&f->mb, &f->dt);

	assert_true(n >= 0);
	if (n == 0) {
		mb_phys_t lo = mb_start_of_DRAM(&f->mb);

		assert_int_equal(mb_set_node(&f->mb, lo,
					     mb_end_of_DRAM(&f->mb) - lo,
					     &f->mb.memory, 0),
				 0);
	}
}

/* Line @i starts the default CMA area's result lines: one or more
 * memblock_alloc_range_nid reserve lines (6.1 can print two: a HighMem
 * block that is then dropped, arm_virt_lpae_4G.log:12-13) followed by
 * "cma: Reserved". */
static bool cma_result_run(const struct log *lg, int i, int end)
{
	if (!strstr(lg->line[i], " memblock_alloc_range_nid+"))
		return false;
	while (i + 1 < end &&
	       strstr(lg->line[i + 1], " memblock_alloc_range_nid+") &&
	       !strncmp(lg->line[i + 1], "memblock_reserve:", 17))
		i++;
	return i + 1 < end && !strncmp(lg->line[i + 1], "cma: Reserved", 13);
}

static void run_boot(const struct boot *b)
{
	struct fx *f = fx_new(b->profile);
	struct log lg;
	struct mb_cmdline cl;
	struct mb_cmdline_range ranges[8];
	struct mb_arm_mem_state ms = {0};
	static char alloc_sym[256];
	int i, dump, mark;
	bool rmem_done = false, numa_done = false, after_init = false;
	mb_phys_t cma_size = b->cma_default;

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
	if (b->edit)
		b->edit(f);
	fx_open(f, NULL);
	if (b->highmem)
		f->dt.cfg.highmem_start = b->highmem;
	assert_int_equal(mb_fdt_scan_chosen(&f->dt), 0);
	assert_non_null(f->dt.chosen.bootargs);
	mb_cmdline_init(&cl, NULL, 0, ranges, 8);
	mb_cmdline_parse(&cl, f->dt.chosen.bootargs);
	if (cl.cma_set) {
		cma_size = cl.cma_size;
		f->dt.cfg.cmdline_cma = true;
	}

	/* Before memblock=debug is parsed: no lines in the log. */
	if (b->arm64)
		assert_int_equal(
			mb_fdt_reserve_self(&f->mb, &f->dt, b->dtb_phys), 0);
	assert_true(mb_fdt_scan_memory(&f->mb, &f->dt) > 0);
	assert_int_equal(mb_fdt_apply_usable_range(&f->mb, &f->dt), 0);
	if (!b->arm64)
		/* arm: early_init_fdt_reserve_self in arm_memblock_init;
		 * the logs show no line for it either. */
		assert_int_equal(
			mb_fdt_reserve_self(&f->mb, &f->dt, b->dtb_phys), 0);
	mb_set_debug(&f->mb, true);

	dump = log_find(&lg, 0, "MEMBLOCK configuration:");
	assert_true(dump > 0);
	for (i = log_find(&lg, 0, "Booting Linux"); i < dump;) {
		const char *s = lg.line[i];
		bool from_init = strstr(s, "memblock_init+") != NULL;

		/* reserved memory right after the arch's own reservations */
		if (after_init && !from_init && !rmem_done) {
			mark = f->nlines;
			assert_int_equal(
				mb_fdt_scan_reserved_mem(&f->mb, &f->dt), 0);
			expect_printed(f, mark, &lg, &i, false);
			rmem_done = true;
			continue;
		}
		after_init |= from_init;
		if (strstr(s, " early_mem+")) { /* 32-bit ARM mem= */
			mark = f->nlines;
			for (size_t k = 0; k < cl.mem_ranges_cnt; k++)
				mb_arm_early_mem(&f->mb, &ms,
						 b->phys_offset ? b->phys_offset
								: 0x60000000,
						 &ranges[k]);
			expect_printed(f, mark, &lg, &i, true);
			continue;
		}
		if (b->arm64 && !numa_done &&
		    (strstr(s, "numa_init+") || !strncmp(s, "NUMA:", 5))) {
			numa_init(f);
			numa_done = true;
		}
		if (cma_result_run(&lg, i, dump)) {
			/* the default CMA area: the front end places it */
			const char *sp = strrchr(s, ' ');

			assert_true(rmem_done);
			snprintf(alloc_sym, sizeof(alloc_sym), "%s", sp + 1);
			f->mb.alloc_caller_sym = alloc_sym;
			mark = f->nlines;
			assert_int_equal(mb_fdt_cma_reserve(&f->mb, &f->dt,
							    cma_size,
							    b->cma_limit),
					 0);
			expect_printed(f, mark, &lg, &i, false);
			continue;
		}
		replay(f, s);
		i++;
	}
	if (b->arm64 && !numa_done)
		numa_init(f);
	fx_check(f);

	mark = f->nlines;
	mb_dump(&f->mb);
	/* header, 2 counts, at least one region each */
	assert_true(f->nlines - mark >= 6);
	i = dump;
	expect_printed(f, mark, &lg, &i, false);
	assert_true(rmem_done);
	log_free(&lg);
	fx_free(f);
}

/* The seed's board at 128 MiB: memory [0x60000000-0x67ffffff] from the
 * rewritten /memory node, DTB at 0x64000000 of (14081 + 10000) * 2 =
 * 0xbc22 bytes: the dump's reserved[0x2] [0x64000000-0x6400bc21]; the
 * vram@4c000000 pool lies outside memory (NOMAP changes nothing) and is
 * announced; CMA 16 MiB at the top of lowmem. */
static void vexpress_128M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm_vexpress_128M.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x64000000,
		.ram = MiB(128),
		.bootargs =
			"console=ttyAMA0 memblock=debug panic=-1 loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* 1 GiB: HighMem from 0x90000000, so CMA goes to the top of HighMem
 * (0x9f000000) rather than below 0x90000000. */
static void vexpress_1G(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm_vexpress_1G_smp4.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = GiB(1),
		.bootargs =
			"memblock=debug console=ttyAMA0 panic=-1 loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* mem=256M: the traced memblock_remove of all DRAM and memblock_add of
 * [0x60000000-0x6fffffff]; cma=32M at 0x6e000000. */
static void vexpress_mem256M_cma(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm_vexpress_512M_mem256M_cma.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = MiB(512),
		.bootargs =
			"memblock=debug console=ttyAMA0 panic=-1 loglevel=8 "
			"mem=256M cma=32M",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* QEMU virt (32-bit): its own 1 MiB blob at 0x48000000. */
static void arm_virt_512M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm_virt_512M_smp1.log",
		.dtb = "qemu__arm_virt_512M_smp1",
		.profile = &mb_profile_arm32,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* arm64 virt: the CMA limit is the DMA zone's end, 4 GiB. */
static void arm64_virt_512M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm64_virt_512M_smp1.log",
		.dtb = "qemu__arm64_virt_512M_smp1",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

static void arm64_virt_crashkernel_cma(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm64_virt_1G_crashkernel_cma.log",
		.dtb = "qemu__arm64_virt_1G_crashkernel_cma",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

/* Two memory nodes with numa-node-id: the dump's "on node 0/1". */
static void arm64_virt_numa2(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm64_virt_2G_numa2.log",
		.dtb = "qemu__arm64_virt_2G_numa2",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

/* ---- CMA placement on the repo's unseen corpus (tests/corpus/logs) ---- */

/* cma=12M on armmp: rounded to whole 8 MiB pageblocks (MAX_ORDER 12,
 * 4 KiB << 11), 16 MiB; top of the 256 MiB: 0x70000000 - 16M =
 * 0x6f000000 (log lines 39-40). The blob is at 0x68000000 (dump). */
static void corpus_vexpress_256M_cma12M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "corpus/arm_vexpress_256M_cma12M.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = MiB(256),
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8 cma=12M",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
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
	run_convenience(&(struct boot){
		.log = "arm_vexpress_128M.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x64000000,
		.ram = MiB(128),
		.bootargs =
			"console=ttyAMA0 memblock=debug panic=-1 loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

static void boot_arm32_mem256M_cma(void **state)
{
	(void)state;
	run_convenience(&(struct boot){
		.log = "arm_vexpress_512M_mem256M_cma.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = MiB(512),
		.bootargs =
			"memblock=debug console=ttyAMA0 panic=-1 loglevel=8 "
			"mem=256M cma=32M",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* The corpus's cma=12M boot through mb_fdt_boot_arm32: cma= from the
 * tree's bootargs, 16 MiB (two 8 MiB pageblocks) at 0x6f000000. */
static void boot_arm32_corpus_cma12M(void **state)
{
	(void)state;
	run_convenience(&(struct boot){
		.log = "corpus/arm_vexpress_256M_cma12M.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = MiB(256),
		.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
			    "loglevel=8 cma=12M",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
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
	run_convenience(&(struct boot){
		.log = "arm64_virt_2G_numa2.log",
		.dtb = "qemu__arm64_virt_2G_numa2",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

static void boot_arm64_crashkernel_cma(void **state)
{
	(void)state;
	run_convenience(&(struct boot){
		.log = "arm64_virt_1G_crashkernel_cma.log",
		.dtb = "qemu__arm64_virt_1G_crashkernel_cma",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vexpress_128M),
		cmocka_unit_test(vexpress_1G),
		cmocka_unit_test(vexpress_mem256M_cma),
		cmocka_unit_test(arm_virt_512M),
		cmocka_unit_test(arm64_virt_512M),
		cmocka_unit_test(arm64_virt_crashkernel_cma),
		cmocka_unit_test(arm64_virt_numa2),
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
