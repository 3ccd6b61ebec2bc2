/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * logparse_fixture.c - shared by the log parser's unit test programs.
 */
#include <string.h>

#include "logparse_fixture.h"

bool lp_test_parse(const char *line, struct lp_record *r)
{
	const char *msg = lp_strip_prefix(line, strlen(line));

	return lp_parse_line(msg, strlen(msg), r);
}
