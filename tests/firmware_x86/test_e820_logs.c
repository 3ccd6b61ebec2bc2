/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * e820 front end against the real x86 logs in ../shared/logs.
 *
 * Input, taken from each log: the firmware map (its "BIOS-e820:" lines),
 * the "Command line:", and the setup_data blobs (the paired
 * "e820: update [mem A-B] usable ==> usable" lines before "extended
 * physical RAM map:"). Expected, also from the log and never from this
 * code: every "user:", "reserve setup_data:", "e820: update/remove",
 * "memblock_add:" and "memblock: ... doubled" line up to the first
 * MEMBLOCK dump, and that dump's memory table and memory size.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/firmware/cmdline.h>
#include <memblock/firmware/e820.h>

#include "log_util.h"

#define CAP 512

static struct mb_e820_entry entries[CAP], kexec_entries[CAP];
static uint64_t scratch[MB_E820_SCRATCH_BYTES(CAP) / 8];
static uint64_t kexec_scratch[MB_E820_SCRATCH_BYTES(CAP) / 8];
static struct memblock_region mem_regions[128], res_regions[128];
static struct mb_memmap_op ops[512];
static unsigned char low_ram[0x100000]; /* what lies below 1 MiB */
static struct lines out;

static void *low_phys_to_virt(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	return phys < sizeof(low_ram) ? low_ram + phys : NULL;
}

/* Type names as the kernel prints them (e820_print_type). */
static uint32_t type_from_name(const char *name)
{
	unsigned n;

	if (starts_with(name, "usable"))
		return MB_E820_RAM;
	if (starts_with(name, "reserved"))
		return MB_E820_RESERVED;
	if (starts_with(name, "ACPI data"))
		return MB_E820_ACPI;
	if (starts_with(name, "ACPI NVS"))
		return MB_E820_NVS;
	if (starts_with(name, "unusable"))
		return MB_E820_UNUSABLE;
	if (starts_with(name, "soft reserved"))
		return MB_E820_SOFT_RESERVED;
	if (sscanf(name, "persistent (type %u)", &n) == 1)
		return n;
	fail_msg("unknown e820 type '%s'", name);
	return 0;
}

/* Is this line one the comparison covers? */
static int compared(const char *s)
{
	static const char *const prefixes[] = {
		"BIOS-e820:",
		"extended physical RAM map:",
		"reserve setup_data:",
		"user-defined physical RAM map:",
		"user: ",
		"e820: update ",
		"e820: remove ",
		"memblock_add:",
		"memblock: memory is doubled",
		"MEMBLOCK configuration:",
		" memory size = ",
		" memory.cnt",
		" memory[",
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (starts_with(s, prefixes[i]))
			return 1;
	return 0;
}

/* The dump's "memory size = X reserved size = Y": only X is ours. */
static void normalise(const char *in, char *buf, size_t len)
{
	const char *cut;

	snprintf(buf, len, "%s", in);
	if (starts_with(in, " memory size = ")) {
		cut = strstr(buf, " reserved size");
		if (cut)
			buf[cut - buf] = '\0';
	}
}

/* The log's compared lines up to the end of the first MEMBLOCK dump. */
static size_t expected_lines(const struct log *log, const char **want,
			     size_t max)
{
	size_t n = 0;
	int in_dump = 0;

	for (size_t i = 0; i < log->n && n < max; i++) {
		const char *s = log->line[i];

		if (in_dump && s[0] != ' ')
			break;
		if (starts_with(s, "MEMBLOCK configuration:"))
			in_dump = 1;
		if (compared(s))
			want[n++] = s;
	}
	return n;
}

struct x86_case {
	const char *log;
	/* the log's "Command line:" is cut by printk's line limit: take the
	 * -append string of the QEMU command in ../shared/logs/README.md */
	int cmdline_from_readme;
	/* reservations the kernel made, untraced, before e820 registration
	 * (only needed where a table doubles: the new array's place) */
	const uint64_t (*pre_reserved)[2];
	size_t npre;
};

/*
 * x86_1G_memmap130_double.log: the first dump's reserved table is
 * [0-0xffff], [0x9d000-0xfffff], [0x2c800000-0x2fc10fff]; the doubled
 * memory array's own reservation [0x9d000-0x9efff] is traced, so what was
 * there before is [0-0xffff], [0x9f000-0xfffff], [0x2c800000-0x2fc10fff].
 */
static const uint64_t memmap130_pre[][2] = {
	{0x0, 0x10000},
	{0x9f000, 0x100000 - 0x9f000},
	{0x2c800000, 0x2fc11000 - 0x2c800000},
};

/* Parse the -append '...' string of @logname's row in the README. */
static void readme_cmdline(struct mb_cmdline *cl, const char *logname)
{
	struct log readme;
	char *start, *end;

	log_load(&readme, "README.md");
	for (size_t i = 0; i < readme.n; i++) {
		char *s = readme.line[i];

		if (!starts_with(s, "| `") || !strstr(s, logname))
			continue;
		start = strstr(s, "-append '");
		assert_non_null(start);
		start += strlen("-append '");
		end = strchr(start, '\'');
		assert_non_null(end);
		*end = '\0';
		assert_int_equal(mb_cmdline_parse(cl, start), 0);
		/* 130 memmap= values: 100M, 102M, ... 358M */
		assert_int_equal(cl->memmap_cnt, 130);
		log_free(&readme);
		return;
	}
	fail_msg("no README row for %s", logname);
}

static void run_case(const struct x86_case *c)
{
	struct log log;
	struct mb_e820_table t, kexec;
	struct mb_cmdline cl;
	struct mb_e820_entry blobs[16];
	size_t nblobs = 0;
	int have_cmdline = 0;
	struct memblock mb;
	struct mb_env env = {.ctx = &out,
			     .print = lines_print_hook,
			     .phys_to_virt = low_phys_to_virt};
	const char **want = calloc(4096, sizeof(*want));
	size_t nwant, ngot = 0;
	long ext;

	lines_clear(&out);
	log_load(&log, c->log);
	assert_int_equal(
		mb_e820_table_init(&t, entries, CAP, scratch, sizeof(scratch)),
		0);
	assert_int_equal(mb_e820_table_init(&kexec, kexec_entries, CAP,
					    kexec_scratch,
					    sizeof(kexec_scratch)),
			 0);
	mb_cmdline_init(&cl, ops, 512, NULL, 0);

	/* inputs */
	ext = log_find(&log, 0, "extended physical RAM map:");
	for (size_t i = 0; i < log.n; i++) {
		const char *s = log.line[i];
		unsigned long long a, b;
		char type[64];

		if (sscanf(s, "BIOS-e820: [mem %llx-%llx] %63[^\n]", &a, &b,
			   type) == 3)
			assert_int_equal(
				mb_e820_range_add(&t, a, b - a + 1,
						  type_from_name(type)),
				0);
		if (starts_with(s, "Command line: ") && !have_cmdline++ &&
		    !c->cmdline_from_readme)
			mb_cmdline_parse(&cl, s + strlen("Command line: "));
		/* setup_data: each blob's update is printed twice (the
		 * table and its kexec copy) */
		if (ext > 0 && (long)i < ext &&
		    sscanf(s, "e820: update [mem %llx-%llx] usable ==> usable",
			   &a, &b) == 2 &&
		    strcmp(s, log.line[i - 1]) != 0) {
			blobs[nblobs].addr = a;
			blobs[nblobs++].size = b - a + 1;
		}
	}
	if (c->cmdline_from_readme)
		readme_cmdline(&cl, c->log);
	assert_int_equal(cl.nerrors, 0);
	assert_true(cl.memblock_debug);
	memcpy(kexec_entries, entries, sizeof(entries));
	kexec.nr_entries = t.nr_entries;

	/* the boot, in setup_arch's order */
	assert_int_equal(mb_init(&mb, &mb_profile_x86_64, &env, mem_regions,
				 128, res_regions, 128, NULL, 0),
			 0);
	mb_set_debug(&mb, cl.memblock_debug);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	mb_e820_print(&mb, &t, "BIOS-e820");
	assert_int_equal(mb_e820_sanitize(&kexec), 0);
	assert_int_equal(
		mb_e820_reserve_setup_data(&mb, &t, &kexec, blobs, nblobs), 0);
	assert_int_equal(mb_e820_apply_cmdline(&mb, &t, &cl), 0);
	assert_int_equal(mb_e820_trim_bios_range(&mb, &t), 0);
	for (size_t i = 0; i < c->npre; i++)
		assert_int_equal(mb_reserve(&mb, c->pre_reserved[i][0],
					    c->pre_reserved[i][1]),
				 0);
	mb_set_current_limit(&mb, 0x100000); /* ISA_END_ADDRESS */
	assert_int_equal(mb_e820_memblock_setup(
				 &mb, &t, "e820__memblock_setup+0x65/0x7d"),
			 0);

	/* compare */
	nwant = expected_lines(&log, want, 4096);
	assert_true(nwant > 5);
	for (size_t i = 0; i < out.n; i++) {
		char g[256], w[256];

		if (!compared(out.line[i]))
			continue;
		if (ngot >= nwant)
			fail_msg("%s: extra line '%s'", c->log, out.line[i]);
		normalise(out.line[i], g, sizeof(g));
		normalise(want[ngot], w, sizeof(w));
		if (strcmp(g, w) != 0)
			fail_msg("%s: line %zu\n got: '%s'\nwant: '%s'", c->log,
				 ngot, g, w);
		ngot++;
		/* only the first dump is compared */
		if (starts_with(out.line[i], " memory[") && ngot == nwant)
			break;
	}
	if (ngot != nwant)
		fail_msg("%s: %zu of %zu lines, next wanted '%s'", c->log, ngot,
			 nwant, want[ngot]);
	assert_int_equal(mb_check(&mb, NULL), 0);
	free(want);
	lines_clear(&out);
	log_free(&log);
}

#define CASE(name, file, readme, pre, npre)                                    \
	static void name(void **state)                                         \
	{                                                                      \
		static const struct x86_case c = {file, readme, pre, npre};    \
		(void)state;                                                   \
		run_case(&c);                                                  \
	}

CASE(test_x86_512M, "x86_512M.log", 0, NULL, 0)
CASE(test_x86_4G_smp4, "x86_4G_smp4.log", 0, NULL, 0)
CASE(test_x86_1G_memmap, "x86_1G_memmap.log", 0, NULL, 0)
CASE(test_x86_memmap130_double, "x86_1G_memmap130_double.log", 1, memmap130_pre,
     3)
CASE(test_x86_numa_uneven, "x86_2G_numa2_uneven.log", 0, NULL, 0)
CASE(test_x86_movable_node, "x86_2G_numa2_movable_node.log", 0, NULL, 0)
CASE(test_x86_ovmf, "x86_ovmf_1G_smp2.log", 0, NULL, 0)
CASE(test_x86_ovmf_efidebug, "x86_ovmf_1G_smp2_efidebug.log", 0, NULL, 0)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x86_512M),
		cmocka_unit_test(test_x86_4G_smp4),
		cmocka_unit_test(test_x86_1G_memmap),
		cmocka_unit_test(test_x86_memmap130_double),
		cmocka_unit_test(test_x86_numa_uneven),
		cmocka_unit_test(test_x86_movable_node),
		cmocka_unit_test(test_x86_ovmf),
		cmocka_unit_test(test_x86_ovmf_efidebug),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
