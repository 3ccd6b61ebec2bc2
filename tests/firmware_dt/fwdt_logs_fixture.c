/* SPDX-License-Identifier: BSD-2-Clause */
#include "fwdt_logs_fixture.h"

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>

/* Load a log, dropping the "[    0.000000] " timestamp of each line. */
void log_load(struct log *lg, const char *name)
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

void log_free(struct log *lg)
{
	for (int i = 0; i < lg->n; i++)
		free(lg->line[i]);
	free(lg->line);
}

int log_find(const struct log *lg, int from, const char *prefix)
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

/* Compare the lines the front end printed since @mark with the log's
 * lines from *@i on; advance *@i past them. Trace lines are compared
 * without their caller when @no_caller. */
void expect_printed(struct fx *f, int mark, const struct log *lg, int *i,
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
void replay(struct fx *f, const char *s)
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
bool cma_result_run(const struct log *lg, int i, int end)
{
	if (!strstr(lg->line[i], " memblock_alloc_range_nid+"))
		return false;
	while (i + 1 < end &&
	       strstr(lg->line[i + 1], " memblock_alloc_range_nid+") &&
	       !strncmp(lg->line[i + 1], "memblock_reserve:", 17))
		i++;
	return i + 1 < end && !strncmp(lg->line[i + 1], "cma: Reserved", 13);
}

void run_boot(const struct boot *b)
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
