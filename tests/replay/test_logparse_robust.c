/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Unit tests of the log parser. Every input line is verbatim from the
 * shared corpus (../shared/logs/<file>:<line> or the seed), so the
 * expected numbers are the ones the kernel printed.
 *
 * This program: garbage, truncated and interleaved input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "logparse.h"
#include "logparse_fixture.h"

/* ---- garbage and truncation ---- */

static void test_garbage_lines(void **state)
{
	struct lp_record r;
	struct lp_log log;
	char noise[512];
	size_t i;

	(void)state;
	/* arm_vexpress_128M.log:1 */
	assert_false(lp_test_parse(
		"ALSA lib confmisc.c:855:(parse_card) cannot find "
		"card '0'",
		&r));
	assert_false(lp_test_parse("memblock_reserve: [0xzz-0x1] x", &r));
	assert_false(lp_test_parse("memblock_reserve: ", &r));
	assert_false(lp_test_parse("[", &r));
	assert_false(lp_test_parse("[ 1.0]", &r));
	for (i = 0; i < sizeof(noise); i++)
		noise[i] = (char)(i * 131 + 7); /* includes NULs and '[' */
	assert_int_equal(lp_parse(noise, sizeof(noise), &log), 0);
	assert_int_equal(log.memblock_lines, 0);
	lp_free(&log);
	assert_int_equal(lp_parse("", 0, &log), 0);
	assert_int_equal(log.n, 0);
	lp_free(&log);
}

static void test_short_name_at_buffer_end(void **state)
{
	/* found by fuzz_replay: a 10-byte "__memblock" ending the buffer was
	 * compared as 11 bytes; an exact-size heap copy lets ASan see it */
	static const char text[] = "__memblock";
	char *buf = malloc(sizeof(text) - 1);
	struct lp_log log;

	(void)state;
	assert_non_null(buf);
	memcpy(buf, text, sizeof(text) - 1);
	assert_int_equal(lp_parse(buf, sizeof(text) - 1, &log), 0);
	assert_int_equal(log.n, 0);
	lp_free(&log);
	free(buf);
}

static void test_every_cut_of_a_request(void **state)
{
	/* arm_vexpress_128M.log:46: no prefix shorter than the caller's
	 * start may parse as a request */
	static const char line[] =
		"[    0.000000] memblock_alloc_try_nid: 40 bytes align=0x4 "
		"nid=-1 from=0x00000000 max_addr=0x00000000 "
		"iotable_init+0x40/0xf4";
	size_t caller = strlen(line) - strlen("iotable_init+0x40/0xf4");
	size_t n;
	struct lp_log log;

	(void)state;
	for (n = 0; n <= caller; n++) {
		lp_parse(line, n, &log);
		assert_true(log.n == 0 || log.recs[0].kind != LP_ALLOC);
		if (n > 15)
			assert_true(log.last_line_cut);
		lp_free(&log);
	}
	lp_parse(line, sizeof(line) - 1, &log);
	assert_int_equal(log.recs[0].kind, LP_ALLOC);
	lp_free(&log);
}

static void test_interleaved_noise(void **state)
{
	/* arm_vexpress_128M.log:46-47 with an ALSA line (log:1) between */
	static const char buf[] =
		"[    0.000000] memblock_alloc_try_nid: 40 bytes align=0x4 "
		"nid=-1"
		" from=0x00000000 max_addr=0x00000000 iotable_init+0x40/0xf4\n"
		"ALSA lib confmisc.c:855:(parse_card) cannot find card '0'\n"
		"[    0.000000] memblock_reserve: [0x66ffffd8-0x66ffffff] "
		"memblock_alloc_range_nid+0xd0/0x168\n";
	struct lp_log log;

	(void)state;
	lp_parse(buf, sizeof(buf) - 1, &log);
	assert_int_equal(log.n, 2);
	assert_int_equal(log.recs[1].kind, LP_RESERVE);
	assert_int_equal(log.recs[1].line, 3);
	assert_int_equal(log.memblock_lines, 2);
	lp_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_garbage_lines),
		cmocka_unit_test(test_short_name_at_buffer_end),
		cmocka_unit_test(test_every_cut_of_a_request),
		cmocka_unit_test(test_interleaved_noise),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
