/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Hostile inputs to the firmware front ends (issue 6): device trees whose
 * root has 0 or 3 address cells, self-referencing and truncated ATAG
 * lists, memmap=/mem= values that overflow 64 bits or wrap. Each must be
 * refused with a defined error and leave the memblock instance untouched.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>
#include <memblock/firmware/fdt.h>

#include "harness.h"

static const char *data_dir = ".";
static struct harness h;

static struct memblock *fresh(const struct mb_profile *p)
{
	struct hcfg cfg = {.profile = p, .nmem = 128, .nres = 128};

	harness_start(&h, &cfg);
	return &h.mb;
}

static void *load(const char *name, size_t *len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", data_dir, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	void *buf = malloc(1 << 16);
	*len = fread(buf, 1, 1 << 16, f);
	fclose(f);
	return buf;
}

static void dtb_cells(const char *name)
{
	struct memblock *mb = fresh(&mb_profile_arm64);
	static struct mb_fdt dt;
	size_t len;
	void *blob = load(name, &len);

	assert_true(len > 40);
	/* fdt.h: root #address-cells / #size-cells must be 1 or 2 */
	assert_int_equal(mb_fdt_open(&dt, mb, blob, len, NULL), -MB_EINVAL);
	assert_int_equal(mb->memory.regions[0].size, 0);
	free(blob);
	harness_end(&h);
}

static void dtb_zero_cells(void **state)
{
	(void)state;
	dtb_cells("cells0.dtb");
}

static void dtb_three_cells(void **state)
{
	(void)state;
	dtb_cells("cells3.dtb");
}

#define CORE 0x54410001u
#define MEM  0x54410002u

static int parse_words(const uint32_t *w, size_t words)
{
	struct memblock *mb = fresh(&mb_profile_arm32);
	static struct mb_atags at;
	int ret = mb_atags_parse(mb, w, words * 4, &at);

	assert_int_equal(mb->memory.regions[0].size, 0);
	harness_end(&h);
	return ret;
}

static void atags_hostile(void **state)
{
	(void)state;
	/* a well-formed list first: CORE(5 words), MEM(4), NONE(2) */
	const uint32_t good[] = {5,   CORE,	 0,	     4096, 0, 4,
				 MEM, 0x8000000, 0x60000000, 0,	   0};
	assert_int_equal(parse_words(good, 11), 0);
	/* self-referencing: a tag of size 0 points at itself */
	const uint32_t self_core[] = {0, CORE, 0, 4096, 0, 0, 0};
	assert_int_equal(parse_words(self_core, 7), -MB_EINVAL);
	const uint32_t self_mem[] = {5, CORE, 0, 4096, 0, 0, MEM, 0, 0, 0, 0};
	assert_int_equal(parse_words(self_mem, 11), -MB_EINVAL);
	/* size 1: shorter than its own header */
	const uint32_t short_mem[] = {5, CORE, 0, 4096, 0, 1, MEM, 0, 0};
	assert_int_equal(parse_words(short_mem, 9), -MB_EINVAL);
	/* truncated: MEM claims 4 words, the buffer ends after 2 of them */
	const uint32_t cut[] = {5, CORE, 0, 4096, 0, 4, MEM};
	assert_int_equal(parse_words(cut, 7), -MB_EINVAL);
	/* a size that would run 16 GiB past the buffer */
	const uint32_t huge[] = {5, CORE, 0, 4096, 0, 0xffffffffu, MEM, 0, 0};
	assert_int_equal(parse_words(huge, 9), -MB_EINVAL);
	/* no ATAG_NONE before the end */
	const uint32_t no_end[] = {5, CORE, 0, 4096, 0};
	assert_int_equal(parse_words(no_end, 5), -MB_EINVAL);
	/* the first tag must be ATAG_CORE */
	const uint32_t no_core[] = {4, MEM, 0x8000000, 0x60000000, 0, 0};
	assert_int_equal(parse_words(no_core, 6), -MB_ENOENT);
}

static int cmdline(const char *line, enum mb_cmdline_status *st)
{
	static struct mb_cmdline cl;
	static struct mb_memmap_op ops[8];
	static struct mb_cmdline_range ranges[8];

	mb_cmdline_init(&cl, ops, 8, ranges, 8);
	int ret = mb_cmdline_parse(&cl, line);
	*st = cl.error.status;
	return ret;
}

static void memmap_overflow(void **state)
{
	(void)state;
	enum mb_cmdline_status st;

	/* 99999999999999999999 > 2^64 - 1 before the suffix even applies */
	assert_int_equal(cmdline("memmap=99999999999999999999G@0", &st),
			 -MB_ERANGE);
	assert_int_equal(st, MB_CMDLINE_EOVERFLOW);
	/* 16E = 16 << 60 = 2^64: one past the largest value */
	assert_int_equal(cmdline("mem=16E", &st), -MB_ERANGE);
	assert_int_equal(st, MB_CMDLINE_EOVERFLOW);
	/* 0xffffffffffffffff bytes at 2: the end wraps past 2^64 */
	assert_int_equal(cmdline("memmap=0xffffffffffffffff@2", &st),
			 -MB_ERANGE);
	assert_int_equal(st, MB_CMDLINE_EWRAP);
	/* 1K reserved at 2^64 - 1023: wraps too */
	assert_int_equal(cmdline("memmap=1K$0xfffffffffffffc01", &st),
			 -MB_ERANGE);
	assert_int_equal(st, MB_CMDLINE_EWRAP);
	/* the largest value that fits is fine: 15E = 15 << 60 */
	assert_int_equal(cmdline("mem=15E", &st), 0);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		data_dir = argv[1];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dtb_zero_cells),
		cmocka_unit_test(dtb_three_cells),
		cmocka_unit_test(atags_hostile),
		cmocka_unit_test(memmap_overflow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
