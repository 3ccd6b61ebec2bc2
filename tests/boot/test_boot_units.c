/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Unit tests of the `memblock boot/map` building blocks: the machine
 * description parser, reservation records, caller classification and the
 * map's segment layout. Expected values are written down by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "map.h"

static void parse_ok(void **state)
{
	static const char text[] = "# a comment line\n"
				   "name board  # trailing comment\n"
				   "arch arm64\r\n"
				   "ram 0x80000000 1G node 1\n"
				   "ram 0x1_0000 4K\n";
	struct bm_machine m;
	char err[128];

	(void)state;
	/* "0x1_0000" is not a number: line 5 */
	assert_int_equal(
		bm_machine_parse(text, strlen(text), &m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "line 5"));

	static const char good[] =
		"name board\n"
		"arch arm64\n"
		"ram 0x80000000 1G node 1\n"
		"e820 0 0x9fc00 usable\n"
		"e820 0x9fc00 0x400 reserved\n"
		"reserve-early 0xf5ba0 16 mptable f+0x1/0x2\n"
		"cmdline a=b  c # not a comment here\n"
		"cma 32M\n"
		"dtb-size qemu\n";
	assert_int_equal(
		bm_machine_parse(good, strlen(good), &m, err, sizeof(err)), 0);
	assert_string_equal(m.name, "board");
	assert_int_equal(m.arch, BM_ARM64);
	assert_int_equal(m.profile.phys_bits, 64);
	/* the ram line and the usable e820 entry: 2 banks */
	assert_int_equal(m.nram, 2);
	assert_int_equal(m.ram[0].base, 0x80000000ULL);
	assert_int_equal(m.ram[0].size, 1ULL << 30);
	assert_int_equal(m.ram[0].nid, 1);
	assert_int_equal(m.ne820, 2);
	assert_int_equal(m.e820[1].type, 2);
	assert_int_equal(m.nrsv, 1);
	assert_true(m.rsv[0].early);
	assert_string_equal(m.rsv[0].label, "mptable");
	assert_string_equal(m.rsv[0].caller, "f+0x1/0x2");
	assert_string_equal(m.cmdline, "a=b  c # not a comment here");
	assert_int_equal(m.cma_size, 32ULL << 20);
	assert_int_equal(m.dtb_size, -1);
}

static void parse_errors(void **state)
{
	static const struct {
		const char *text, *want;
	} bad[] = {
		{"ram 0x1000\n", "line 1: ram"},
		{"name x\nram 0 0\n", "line 2: ram"},	   /* size 0 */
		{"ram 0xfffffffffffff000 8K\n", "line 1"}, /* wraps */
		{"arch sparc\n", "arch must be"},
		{"style 5\n", "style must be"},
		{"ram 0 1M\ne820 0 1M weird\n", "line 2: e820"},
		{"name only\n", "no ram, e820, dtb or atags"},
		{"ram 0 1M\ncpus 0\n", "cpus must be"},
		{"ram 0 1M\nflux 3\n", "line 2: flux: unknown key"},
	};
	struct bm_machine m;
	char err[160];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		assert_int_equal(bm_machine_parse(bad[i].text,
						  strlen(bad[i].text), &m, err,
						  sizeof(err)),
				 -1);
		if (!strstr(err, bad[i].want))
			fail_msg("case %zu: '%s' lacks '%s'", i, err,
				 bad[i].want);
		assert_null(strchr(err, '\n'));
	}
}

static void sizes(void **state)
{
	mb_phys_t v;

	(void)state;
	assert_true(bm_parse_size("16K", &v) && v == 16384);
	assert_true(bm_parse_size("0x10m", &v) && v == (16ULL << 20));
	assert_true(bm_parse_size("2G", &v) && v == (2ULL << 30));
	assert_true(bm_parse_size("1T", &v) && v == (1ULL << 40));
	assert_true(bm_parse_size("010", &v) && v == 8); /* octal, like C */
	assert_false(bm_parse_size("", &v));
	assert_false(bm_parse_size("-1", &v));
	assert_false(bm_parse_size("12Q", &v));
	/* 2^24 T = 2^64: does not fit */
	assert_false(bm_parse_size("16777216T", &v));
}

static void builtins(void **state)
{
	const char *const *n = bm_machine_names();
	struct bm_machine m;
	char err[256];
	size_t k = 0;

	(void)state;
	for (; n[k]; k++)
		assert_int_equal(bm_machine_load(n[k], &m, err, sizeof(err)),
				 0);
	assert_int_equal(k, 4);
	assert_int_equal(bm_machine_load("vexpress-a9", &m, err, sizeof(err)),
			 0);
	/* the seed's placements */
	assert_int_equal(m.kernel_base, 0x60100000ULL);
	assert_int_equal(m.kernel_size, 0x996fb4ULL);
	assert_int_equal(m.dtb_size, 0xc14a);
	assert_int_equal(m.style, 4);
	assert_int_equal(bm_machine_load("no-such-board", &m, err, sizeof(err)),
			 -1);
	assert_non_null(strstr(err, "unknown machine"));
}

static void records(void **state)
{
	struct bs_recs r = {0};

	(void)state;
	bs_recs_add(&r, 0x1000, 0x3000, BS_KERNEL, "a+0x1/0x2");
	bs_recs_add(&r, 0x8000, 0x1000, BS_DTB, "b");
	bs_recs_add(&r, 0x9000, 0, BS_DTB, "empty"); /* ignored */
	assert_int_equal(r.n, 2);
	/* free the middle page of [0x1000, 0x4000): two pieces remain,
	 * [0x1000, 0x2000) and [0x3000, 0x4000), same kind and caller */
	bs_recs_sub(&r, 0x2000, 0x1000);
	bs_recs_sort(&r);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.v[0].base, 0x1000);
	assert_int_equal(r.v[0].size, 0x1000);
	assert_int_equal(r.v[1].base, 0x3000);
	assert_int_equal(r.v[1].size, 0x1000);
	assert_int_equal(r.v[1].kind, BS_KERNEL);
	assert_string_equal(r.v[1].caller, "a+0x1/0x2");
	/* a free over [0x3800, 0x8800) trims one and the other */
	bs_recs_sub(&r, 0x3800, 0x5000);
	bs_recs_sort(&r);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.v[1].size, 0x800);
	assert_int_equal(r.v[2].base, 0x8800);
	assert_int_equal(r.v[2].size, 0x800);
	/* a free of everything empties the list */
	bs_recs_sub(&r, 0, 0x10000);
	assert_int_equal(r.n, 0);
	bs_recs_add(&r, 0x5000, 0x1000, BS_ALLOC, "x");
	bs_recs_relabel(&r, 0x5000, 0x1000, BS_CMA);
	bs_recs_relabel(&r, 0x5000, 0x2000, BS_NOMAP); /* size differs */
	assert_int_equal(r.v[0].kind, BS_CMA);
	bs_recs_free(&r);
}

static void classify(void **state)
{
	(void)state;
	/* callers as the logs print them */
	assert_int_equal(bs_classify("arm_memblock_init+0x24/0x6c", 0x996fb4),
			 BS_KERNEL);
	assert_int_equal(bs_classify("arm_memblock_init+0x38/0x74", 0x4000),
			 BS_PGDIR);
	assert_int_equal(
		bs_classify("arm_mm_memblock_reserve+0x18/0x1c", 0x4000),
		BS_PGDIR);
	assert_int_equal(
		bs_classify("early_init_dt_reserve_memory_arch+0x18/0x1c", 1),
		BS_DTB);
	assert_int_equal(bs_classify("early_pgtable_alloc+0x2c/0xb0", 4096),
			 BS_PGDIR);
	assert_int_equal(bs_classify("free_area_init+0x948/0xe20", 1),
			 BS_MEMMAP);
	assert_int_equal(bs_classify("pcpu_dfl_fc_alloc+0x24/0x2c", 1),
			 BS_PERCPU);
	assert_int_equal(
		bs_classify("acpi_reserve_initial_tables+0x51/0x61", 1),
		BS_FIRMWARE);
	assert_int_equal(bs_classify("start_kernel+0xa4/0x36c", 78), BS_ALLOC);
	assert_int_equal(bs_classify(NULL, 1), BS_ALLOC);
	assert_string_equal(bs_kind_name(BS_CMA), "cma");
}

/* A hand-made model: RAM [0x1000, 0xa0000) and [0x100000, 0x4000000),
 * reserved [0x0, 0x10000) (page 0 is not RAM), a DTB record at 0x200000,
 * the DMA zone ending at 0x1000000. */
static void layout(void **state)
{
	struct mp_region mem[2] = {{0x1000, 0x9f000, 0, 0},
				   {0x100000, 0x3f00000, 0, 0}};
	struct mp_region rsv[2] = {{0x0, 0x10000, -1, 0},
				   {0x200000, 0x1000, -1, 0}};
	struct mp_model m;
	struct mp_seg *seg;
	size_t n;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.mem = mem;
	m.rsv = rsv;
	m.nmem = 2;
	m.nrsv = 2;
	m.dma_end = 0x1000000;
	m.page_shift = 12;
	bs_recs_add(&m.recs, 0x200000, 0x1000, BS_DTB, "dt");
	n = mp_layout(&m, &seg);
	/* expected pieces, in order:
	 *  [0x0, 0x1000)          reserved, not memory (untraced)
	 *  [0x1000, 0x10000)      reserved in memory[0]
	 *  [0x10000, 0xa0000)     free
	 *  [0xa0000, 0x100000)    hole (0x60000 bytes)
	 *  [0x100000, 0x200000)   free
	 *  [0x200000, 0x201000)   dtb
	 *  [0x201000, 0x1000000)  free, up to the zone edge
	 *  [0x1000000, 0x4000000) free (cut at the zone edge) */
	assert_int_equal(n, 8);
	assert_int_equal(seg[0].type, MP_RESERVED);
	assert_int_equal(seg[0].mem, -1);
	assert_int_equal(seg[0].kind, BS_UNKNOWN);
	assert_int_equal(seg[1].base, 0x1000);
	assert_int_equal(seg[1].mem, 0);
	assert_int_equal(seg[2].type, MP_FREE);
	assert_int_equal(seg[3].type, MP_HOLE);
	assert_int_equal(seg[3].size, 0x60000);
	assert_int_equal(seg[5].kind, BS_DTB);
	assert_string_equal(seg[5].caller, "dt");
	assert_int_equal(seg[6].base + seg[6].size, 0x1000000);
	assert_int_equal(seg[7].base, 0x1000000);
	assert_int_equal(seg[7].size, 0x3000000);
	free(seg);
	bs_recs_free(&m.recs);
}

static void human(void **state)
{
	char b[32];

	(void)state;
	assert_string_equal(mp_human(4096, b, sizeof(b)), "4 KiB");
	assert_string_equal(mp_human(0x996fb4, b, sizeof(b)), "9.6 MiB");
	assert_string_equal(mp_human(64ULL << 30, b, sizeof(b)), "64 GiB");
	assert_string_equal(mp_human(78, b, sizeof(b)), "78 B");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_ok), cmocka_unit_test(parse_errors),
		cmocka_unit_test(sizes),    cmocka_unit_test(builtins),
		cmocka_unit_test(records),  cmocka_unit_test(classify),
		cmocka_unit_test(layout),   cmocka_unit_test(human),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
