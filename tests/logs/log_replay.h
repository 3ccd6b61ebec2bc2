/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A small replayer for the tests: reads a memblock=debug log, turns each
 * traced request (memblock_add, _reserve, _alloc_try_nid, ...) into the
 * core call that makes it, with the logged caller as a one-shot override,
 * and checks that the core prints back exactly the logged lines (the
 * requests and the allocator's own memblock_reserve results, and every
 * "MEMBLOCK configuration:" dump).
 */
#ifndef TESTS_LOGS_LOG_REPLAY_H
#define TESTS_LOGS_LOG_REPLAY_H

#include <memblock/memblock.h>

#define LOG_MAX_LINES 4096
#define LOG_LINE_LEN  320

/** struct log - a log file, one entry per line, timestamp prefix removed. */
struct log {
	int count;
	char (*line)[LOG_LINE_LEN]; /* line[0] is the file's line 1 */
};

/**
 * struct replay_hooks - what a log cannot show, supplied by the test.
 * @at_line: called before log line @n is replayed (may be NULL).
 * @orphan: an allocator result line ("memblock_reserve: [...]
 * memblock_alloc_range_nid+...") with no traced request before it; the
 * test makes the untraced allocation that produced it (may be NULL).
 * @fold_blanks: compare with runs of blanks folded (the seed's blog turned
 * TABs into spaces).
 */
struct replay_hooks {
	void (*at_line)(struct memblock *mb, int n);
	void (*orphan)(struct memblock *mb, mb_phys_t base, mb_phys_t size,
		       int n);
	bool fold_blanks;
};

/** log_load - read @path; false (and a message) when it cannot. */
bool log_load(struct log *log, const char *path);
void log_free(struct log *log);

/**
 * log_replay - replay lines @first..@last (1-based, inclusive) of @log on
 * @mb, whose env.print must be log_capture (installed by log_replay_env).
 * Return: the number of mismatching lines (0 = exact); each mismatch is
 * printed with its line number.
 */
int log_replay(struct memblock *mb, const struct log *log, int first, int last,
	       const struct replay_hooks *hooks);

/** log_replay_env - env hooks for a replay: capture print, no mapping of
 *  the simulated RAM, grown tables in host memory (malloc). */
struct mb_env log_replay_env(void);

/** log_replay_release - free grown tables (those not in @mem / @res). */
void log_replay_release(struct memblock *mb, struct memblock_region *mem,
			struct memblock_region *res);

#endif
