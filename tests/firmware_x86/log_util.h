/* SPDX-License-Identifier: BSD-2-Clause */
/* Test helper: a real boot log as lines without their "[ time] " prefix,
 * and a line collector for the memblock print hook. */
#ifndef FW_TEST_LOG_UTIL_H
#define FW_TEST_LOG_UTIL_H

#include <stddef.h>
#include <stdint.h>

struct log {
	char *buf;
	char **line;
	size_t n;
};

/* Load ${MEMBLOCK_SHARED_DIR}/logs/<name>; aborts the test on failure. */
void log_load(struct log *log, const char *name);
void log_free(struct log *log);
/* Index of the first line at or after @from starting with @prefix, or -1. */
long log_find(const struct log *log, size_t from, const char *prefix);
/* Does @s start with @prefix? */
int starts_with(const char *s, const char *prefix);

/* Collected output lines (the memblock print hook appends here). */
struct lines {
	char *line[8192];
	size_t n;
};
void lines_add(struct lines *l, const char *s);
void lines_clear(struct lines *l);
/* Print hook for struct mb_env: ctx is a struct lines. */
void lines_print_hook(void *ctx, const char *line);

#endif
