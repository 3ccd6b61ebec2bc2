/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Command-line parser. Expected values are hand-computed from the kernel's
 * syntax (memparse suffixes are powers of 1024) and the real command lines
 * of ../shared/logs (x86_1G_memmap.log, x86_1G_memmap130_double.log).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/firmware/cmdline.h>

#define MiB (1024ULL * 1024)
#define GiB (1024ULL * MiB)

static struct mb_memmap_op ops[256];
static struct mb_cmdline_range ranges[16];
static struct mb_cmdline cl;

static int parse(const char *line)
{
	mb_cmdline_init(&cl, ops, 256, ranges, 16);
	return mb_cmdline_parse(&cl, line);
}

static void memparse_ok(const char *s, uint64_t want, size_t want_used)
{
	size_t used;
	uint64_t v;

	assert_int_equal(mb_memparse(s, strlen(s), &used, &v), 0);
	assert_true(v == want);
	assert_int_equal(used, want_used);
}

static void test_memparse_suffixes(void **state)
{
	(void)state;
	memparse_ok("4K", 4096, 2);
	memparse_ok("4k", 4096, 2);
	memparse_ok("64M", 64 * MiB, 3);
	memparse_ok("3g", 3 * GiB, 2);
	memparse_ok("1T", 1ULL << 40, 2);
	memparse_ok("2P", 2ULL << 50, 2);
	memparse_ok("7E", 7ULL << 60, 2);
	memparse_ok("0x1000", 0x1000, 6);
	memparse_ok("0x10M", 16 * MiB, 5);
	/* hex 'E' is a digit, not the exa suffix: 0x1E = 30 */
	memparse_ok("0x1E", 30, 4);
	/* leading 0 is octal: 010 = 8 */
	memparse_ok("010", 8, 3);
	/* "0x" without a hex digit is the number 0, stopping before 'x' */
	memparse_ok("0xg", 0, 1);
	memparse_ok("18446744073709551615", UINT64_MAX, 20);
	memparse_ok("15E", 15ULL << 60, 3);
	/* a bounded slice: "12" of "123" */
	{
		size_t used;
		uint64_t v;

		assert_int_equal(mb_memparse("123", 2, &used, &v), 0);
		assert_true(v == 12);
	}
}

static void test_memparse_errors(void **state)
{
	size_t used;
	uint64_t v;

	(void)state;
	assert_int_equal(mb_memparse("M", 1, &used, &v), -MB_EINVAL);
	assert_int_equal(used, 0);
	assert_int_equal(mb_memparse("", 0, &used, &v), -MB_EINVAL);
	/* 2^64 does not fit */
	assert_int_equal(mb_memparse("18446744073709551616", 20, &used, &v),
			 -MB_ERANGE);
	assert_int_equal(mb_memparse("0x10000000000000000", 19, &used, &v),
			 -MB_ERANGE);
	/* 16E = 2^4 * 2^60 = 2^64: overflows through the suffix */
	assert_int_equal(mb_memparse("16E", 3, &used, &v), -MB_ERANGE);
	/* 2^54 K = 2^64 */
	assert_int_equal(mb_memparse("18014398509481984K", 18, &used, &v),
			 -MB_ERANGE);
}

static void test_real_memmap_line(void **state)
{
	(void)state;
	/* x86_1G_memmap.log's command line */
	assert_int_equal(
		parse("memblock=debug earlyprintk=serial,ttyS0,115200 "
		      "console=ttyS0 panic=-1 loglevel=8 memmap=64M$256M "
		      "memmap=16M#512M memmap=32M!768M"),
		0);
	assert_true(cl.memblock_debug);
	assert_int_equal(cl.memmap_cnt, 3);
	assert_int_equal(ops[0].kind, MB_MEMMAP_ADD);
	assert_true(ops[0].start == 256 * MiB && ops[0].size == 64 * MiB);
	assert_int_equal(ops[0].type, 2);
	assert_true(ops[1].start == 512 * MiB && ops[1].size == 16 * MiB);
	assert_int_equal(ops[1].type, 3);
	assert_true(ops[2].start == 768 * MiB && ops[2].size == 32 * MiB);
	assert_int_equal(ops[2].type, 12);
	assert_true(cl.memmap_seen);
	assert_int_equal(cl.nerrors, 0);
}

static void test_memmap_forms(void **state)
{
	(void)state;
	assert_int_equal(parse("memmap=exactmap memmap=640K@0,1G@1M "
			       "memmap=512M memmap=4K%0x1000-1+2 "
			       "memmap=8K%0x2000-12"),
			 0);
	assert_int_equal(cl.memmap_cnt, 6);
	assert_int_equal(ops[0].kind, MB_MEMMAP_EXACTMAP);
	/* 640K@0 = [0, 0xa0000) usable */
	assert_int_equal(ops[1].kind, MB_MEMMAP_ADD);
	assert_true(ops[1].start == 0 && ops[1].size == 0xa0000);
	assert_int_equal(ops[1].type, 1);
	assert_true(ops[2].start == MiB && ops[2].size == GiB);
	assert_int_equal(ops[3].kind, MB_MEMMAP_LIMIT);
	assert_true(ops[3].size == 512 * MiB);
	assert_false(ops[3].from_mem);
	assert_int_equal(ops[4].kind, MB_MEMMAP_UPDATE);
	assert_true(ops[4].start == 0x1000 && ops[4].size == 0x1000);
	assert_int_equal(ops[4].old_type, 1);
	assert_int_equal(ops[4].type, 2);
	assert_int_equal(ops[5].kind, MB_MEMMAP_REMOVE);
	assert_int_equal(ops[5].old_type, 12);
}

static void test_memmap_retype_add_and_any(void **state)
{
	(void)state;
	/* "%ss+n" alone adds; "%ss" alone removes any type */
	assert_int_equal(parse("memmap=1M%16M+7 memmap=2M%32M"), 0);
	assert_int_equal(ops[0].kind, MB_MEMMAP_ADD);
	assert_int_equal(ops[0].type, 7);
	assert_true(ops[0].start == 16 * MiB);
	assert_int_equal(ops[1].kind, MB_MEMMAP_REMOVE);
	assert_int_equal(ops[1].old_type, 0);
}

static void test_memmap_130(void **state)
{
	char line[4096];
	size_t n = 0;
	int i;

	(void)state;
	/* x86_1G_memmap130_double.log: memmap=4K$100M ... 4K$358M, step 2M */
	for (i = 0; i < 130; i++)
		n += (size_t)snprintf(line + n, sizeof(line) - n,
				      "memmap=4K$%dM ", 100 + 2 * i);
	assert_int_equal(parse(line), 0);
	assert_int_equal(cl.memmap_cnt, 130);
	assert_true(ops[129].start == 358 * MiB && ops[129].size == 4096);
	/* a 100-entry array overflows: a defined error, nothing dropped
	 * silently */
	mb_cmdline_init(&cl, ops, 100, NULL, 0);
	assert_int_equal(mb_cmdline_parse(&cl, line), -MB_ENOSPC);
	assert_int_equal(cl.memmap_cnt, 100);
	assert_int_equal(cl.error.status, MB_CMDLINE_ETOOMANY);
	/* the 101st parameter starts at 100 * strlen("memmap=4K$NNNM ") */
	assert_int_equal(cl.error.param_offset, 100 * 15);
	assert_int_equal(cl.nerrors, 30);
}

static void test_mem_limit_and_banks(void **state)
{
	(void)state;
	assert_int_equal(parse("mem=512M mem=256M@0x60000000 mem=1G@2G"), 0);
	assert_int_equal(cl.mem_count, 3);
	assert_true(cl.mem_limit == GiB); /* the last one wins */
	assert_int_equal(cl.mem_ranges_cnt, 3);
	assert_false(ranges[0].has_start);
	assert_true(ranges[0].size == 512 * MiB);
	assert_true(ranges[1].has_start && ranges[1].start == 0x60000000);
	assert_true(ranges[2].start == 2 * GiB && ranges[2].size == GiB);
	/* x86 order matters: mem= is recorded among the memmap edits */
	assert_int_equal(cl.memmap_cnt, 3);
	assert_int_equal(ops[0].kind, MB_MEMMAP_LIMIT);
	assert_true(ops[0].from_mem);
	assert_int_equal(parse("mem=nopentium"), 0);
	assert_true(cl.mem_nopentium);
	assert_int_equal(cl.mem_count, 0);
}

static void test_cma_initrd_crash_movable(void **state)
{
	(void)state;
	assert_int_equal(parse("cma=32M crashkernel=128M movable_node "
			       "initrd=0x48000000,8M"),
			 0);
	assert_true(cl.cma_set && cl.cma_size == 32 * MiB);
	assert_false(cl.cma_has_base);
	assert_true(cl.crash_set && cl.crash_size == 128 * MiB);
	assert_false(cl.crash_has_offset || cl.crash_high);
	assert_true(cl.movable_node);
	assert_true(cl.initrd_set && cl.initrd_start == 0x48000000);
	assert_true(cl.initrd_size == 8 * MiB);

	assert_int_equal(parse("cma=64M@0x40000000-0x80000000 "
			       "crashkernel=256M@16M"),
			 0);
	assert_true(cl.cma_has_base && cl.cma_base == 0x40000000);
	assert_true(cl.cma_has_limit && cl.cma_limit == 0x80000000);
	assert_true(cl.crash_has_offset && cl.crash_offset == 16 * MiB);

	assert_int_equal(parse("crashkernel=1G,high crashkernel=128M,low"), 0);
	assert_true(cl.crash_set && cl.crash_high && cl.crash_size == GiB);
	assert_true(cl.crash_low_set && cl.crash_low_size == 128 * MiB);
}

static void test_crashkernel_ranges(void **state)
{
	mb_phys_t size;

	(void)state;
	/* the kernel documentation's example:
	 * 512M-2G:64M,2G-:128M -> 64M for 1G of RAM, 128M for 4G, none
	 * below 512M */
	assert_int_equal(parse("crashkernel=512M-2G:64M,2G-:128M@16M"), 0);
	assert_true(cl.crash_set);
	assert_int_equal(cl.crash_nranges, 2);
	assert_true(cl.crash_ranges[1].start == 2 * GiB);
	assert_true(cl.crash_ranges[1].end == UINT64_MAX);
	assert_true(cl.crash_has_offset && cl.crash_offset == 16 * MiB);
	assert_int_equal(mb_cmdline_crash_size(&cl, GiB, &size), 0);
	assert_true(size == 64 * MiB);
	assert_int_equal(mb_cmdline_crash_size(&cl, 4 * GiB, &size), 0);
	assert_true(size == 128 * MiB);
	/* 2G exactly: [512M, 2G) excludes it, [2G, -) holds it */
	assert_int_equal(mb_cmdline_crash_size(&cl, 2 * GiB, &size), 0);
	assert_true(size == 128 * MiB);
	/* 256M of RAM: the first entry's 64M is fine but no range holds */
	assert_int_equal(mb_cmdline_crash_size(&cl, 256 * MiB, &size), 0);
	assert_true(size == 0);
	/* 64M of RAM: an entry asks for all of it: refused */
	assert_int_equal(mb_cmdline_crash_size(&cl, 64 * MiB, &size),
			 -MB_EINVAL);
	/* plain size: independent of RAM; a later plain form replaces the
	 * list */
	assert_int_equal(parse("crashkernel=1G-:64M crashkernel=256M"), 0);
	assert_int_equal(cl.crash_nranges, 0);
	assert_int_equal(mb_cmdline_crash_size(&cl, 8 * GiB, &size), 0);
	assert_true(size == 256 * MiB);
	assert_int_equal(parse("mem=1G"), 0);
	assert_int_equal(mb_cmdline_crash_size(&cl, 8 * GiB, &size), 0);
	assert_true(size == 0);
}

static void test_quotes_dashes_and_end(void **state)
{
	(void)state;
	/* quoted value, whole quoted param, '-' == '_' in names, "--" ends */
	assert_int_equal(parse("memmap=\"64M$256M\" \"mem=1G\" movable-node "
			       "-- memmap=junk memblock=debug"),
			 0);
	assert_int_equal(cl.memmap_cnt, 2);
	assert_true(ops[0].size == 64 * MiB && ops[0].start == 256 * MiB);
	assert_true(cl.mem_limit == GiB);
	assert_true(cl.movable_node);
	assert_false(cl.memblock_debug);
	/* memblock= takes "debug" anywhere in its value; other values: off */
	assert_int_equal(parse("memblock=nodebugx"), 0);
	assert_true(cl.memblock_debug);
	assert_int_equal(parse("memblock=on memblock"), 0);
	assert_false(cl.memblock_debug);
	/* unknown parameters are ignored, tabs and newlines separate */
	assert_int_equal(parse("\tfoo=bar\nmem=2G\r\n"), 0);
	assert_true(cl.mem_limit == 2 * GiB);
}

/* One malformed value: the code, the status and the offending offset. */
static void bad(const char *line, int code, enum mb_cmdline_status st,
		size_t offset)
{
	int err = parse(line);

	if (err != code || cl.error.status != st || cl.error.offset != offset)
		fail_msg("'%s': got %d/%d@%zu want %d/%d@%zu", line, err,
			 cl.error.status, cl.error.offset, code, st, offset);
}

static void test_malformed(void **state)
{
	(void)state;
	bad("mem=", -MB_EINVAL, MB_CMDLINE_ENOVALUE, 4);
	bad("mem", -MB_EINVAL, MB_CMDLINE_ENOVALUE, 3);
	bad("mem=M", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 4);
	bad("mem=0", -MB_EINVAL, MB_CMDLINE_EZEROSIZE, 4);
	bad("mem=1Gx", -MB_EINVAL, MB_CMDLINE_ETRAILING, 6);
	bad("mem=99999999999999999999", -MB_ERANGE, MB_CMDLINE_EOVERFLOW, 4);
	bad("mem=16E", -MB_ERANGE, MB_CMDLINE_EOVERFLOW, 4);
	bad("mem=1G@", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 7);
	/* 0xffffffffffffffff + 2 wraps */
	bad("mem=2@0xffffffffffffffff", -MB_ERANGE, MB_CMDLINE_EWRAP, 24);
	bad("memmap=64M*1G", -MB_EINVAL, MB_CMDLINE_ESYNTAX, 10);
	bad("memmap=64M$", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 11);
	bad("memmap=64M$1Gq", -MB_EINVAL, MB_CMDLINE_ETRAILING, 13);
	bad("memmap=", -MB_EINVAL, MB_CMDLINE_ENOVALUE, 7);
	/* the second item of a comma list is empty: offset of its start */
	bad("memmap=4K$1M,", -MB_EINVAL, MB_CMDLINE_ENOVALUE, 13);
	bad("memmap=4K%1M-x", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 13);
	bad("memmap=4K%1M-0x100000000", -MB_ERANGE, MB_CMDLINE_EOVERFLOW, 24);
	bad("memmap=1E@15E", -MB_ERANGE, MB_CMDLINE_EWRAP, 13);
	bad("cma=", -MB_EINVAL, MB_CMDLINE_ENOVALUE, 4);
	bad("cma=32M@", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 8);
	bad("cma=32M@1G-", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 11);
	bad("cma=32M@1G-2G+", -MB_EINVAL, MB_CMDLINE_ETRAILING, 13);
	bad("initrd=0x1000", -MB_EINVAL, MB_CMDLINE_ESYNTAX, 13);
	bad("initrd=0x1000,", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 14);
	bad("crashkernel=128M,middle", -MB_EINVAL, MB_CMDLINE_ESYNTAX, 17);
	/* range list: start > end, missing ':', missing size, 9 entries */
	bad("crashkernel=2G-1G:64M", -MB_EINVAL, MB_CMDLINE_ESYNTAX, 15);
	/* no colon at all: the plain form, "-2G" is junk after 1G */
	bad("crashkernel=1G-2G", -MB_EINVAL, MB_CMDLINE_ETRAILING, 14);
	bad("crashkernel=1G-2G:", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 18);
	bad("crashkernel=1G:64M", -MB_EINVAL, MB_CMDLINE_ESYNTAX, 14);
	bad("crashkernel=0-1:1,1-2:1,2-3:1,3-4:1,4-5:1,5-6:1,6-7:1,7-8:1,"
	    "8-9:1",
	    -MB_ENOSPC, MB_CMDLINE_ETOOMANY, 60);
	bad("crashkernel=128M@", -MB_EINVAL, MB_CMDLINE_ENONUMBER, 17);
	bad("mem=1G memmap=\"64M$256M", -MB_EINVAL, MB_CMDLINE_EQUOTE, 23);
	/* a bad value does not stop the rest of the line */
	assert_int_equal(parse("mem=x memmap=4K$1M mem=1G"), -MB_EINVAL);
	assert_int_equal(cl.nerrors, 1);
	assert_int_equal(cl.error.param_offset, 0);
	assert_true(cl.mem_limit == GiB);
	assert_int_equal(cl.memmap_cnt, 2);
}

static void test_null_and_bounded(void **state)
{
	(void)state;
	mb_cmdline_init(&cl, NULL, 0, NULL, 0);
	assert_int_equal(mb_cmdline_parse(&cl, NULL), 0);
	assert_int_equal(mb_cmdline_parse(NULL, "mem=1G"), -MB_EINVAL);
	/* memmap= without an array: an error; mem= still gives its limit */
	assert_int_equal(mb_cmdline_parse(&cl, "mem=1G memmap=4K$1M"),
			 -MB_ENOSPC);
	assert_true(cl.mem_limit == GiB);
	/* parse_n stops at its length: "mem=1G" of "mem=1Gjunk" */
	mb_cmdline_init(&cl, NULL, 0, NULL, 0);
	assert_int_equal(mb_cmdline_parse_n(&cl, "mem=1Gjunk", 6), 0);
	assert_true(cl.mem_limit == GiB);
	assert_string_equal(mb_cmdline_strerror(MB_CMDLINE_EOVERFLOW),
			    "number overflows 64 bits");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memparse_suffixes),
		cmocka_unit_test(test_memparse_errors),
		cmocka_unit_test(test_real_memmap_line),
		cmocka_unit_test(test_memmap_forms),
		cmocka_unit_test(test_memmap_retype_add_and_any),
		cmocka_unit_test(test_memmap_130),
		cmocka_unit_test(test_mem_limit_and_banks),
		cmocka_unit_test(test_cma_initrd_crash_movable),
		cmocka_unit_test(test_crashkernel_ranges),
		cmocka_unit_test(test_quotes_dashes_and_end),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_null_and_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
