/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * logparse_fixture.h - shared by the log parser's unit test programs.
 */
#ifndef MEMBLOCK_TEST_LOGPARSE_FIXTURE_H
#define MEMBLOCK_TEST_LOGPARSE_FIXTURE_H

#include <stdbool.h>

#include "logparse.h"

/**
 * lp_test_parse - parse one console line as the parser sees it in a log:
 * prefix (time stamp, syslog header, level) stripped, then the message
 * @line: NUL-terminated console line
 * @r: record filled in
 *
 * Return: true if the message is a line the parser knows.
 */
bool lp_test_parse(const char *line, struct lp_record *r);

#endif
