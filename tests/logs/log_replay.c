/* SPDX-License-Identifier: BSD-2-Clause */
#define _POSIX_C_SOURCE 200809L
#include "log_replay.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bounded copy of a line (long lines are cut, never overflow). */
static void copy_line(char *dst, const char *src)
{
	size_t n = strlen(src);

	if (n >= LOG_LINE_LEN)
		n = LOG_LINE_LEN - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

bool log_load(struct log *log, const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[1024];

	log->count = 0;
	log->line = calloc(LOG_MAX_LINES, LOG_LINE_LEN);
	if (!f || !log->line) {
		fprintf(stderr, "cannot read %s\n", path);
		if (f)
			fclose(f);
		return false;
	}
	while (log->count < LOG_MAX_LINES && fgets(buf, sizeof(buf), f)) {
		char *s = buf;

		buf[strcspn(buf, "\r\n")] = '\0';
		/* "[    0.000000] text" -> "text" */
		if (s[0] == '[') {
			char *close = strstr(s, "] ");

			if (close)
				s = close + 2;
		}
		copy_line(log->line[log->count++], s);
	}
	bool whole = fgets(buf, sizeof(buf), f) == NULL;

	fclose(f);
	if (!whole)
		fprintf(stderr, "%s: more than %d lines\n", path,
			LOG_MAX_LINES);
	return whole;
}

void log_free(struct log *log)
{
	free(log->line);
	log->line = NULL;
}

/* ---- capture of what the core prints ---- */
static char captured[LOG_MAX_LINES][LOG_LINE_LEN];
static int ncaptured;

static void capture(void *ctx, const char *line)
{
	(void)ctx;
	if (ncaptured < LOG_MAX_LINES)
		copy_line(captured[ncaptured++], line);
}

/* No host memory behind the simulated RAM: the core then hands back the
 * physical address as the pointer and touches nothing. */
static void *no_map(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	(void)phys;
	return NULL;
}

static struct memblock_region *table_alloc(void *ctx, mb_phys_t phys,
					   size_t entries)
{
	(void)ctx;
	(void)phys;
	return calloc(entries, sizeof(struct memblock_region));
}

static void table_free(void *ctx, struct memblock_region *regions,
		       size_t entries)
{
	(void)ctx;
	(void)entries;
	free(regions);
}

struct mb_env log_replay_env(void)
{
	return (struct mb_env){.print = capture,
			       .phys_to_virt = no_map,
			       .table_alloc = table_alloc,
			       .table_free = table_free};
}

void log_replay_release(struct memblock *mb, struct memblock_region *mem,
			struct memblock_region *res)
{
	if (mb->memory.regions != mem)
		free(mb->memory.regions);
	if (mb->reserved.regions != res)
		free(mb->reserved.regions);
}

/* ---- line classes ---- */
static bool is_dump_line(const char *s)
{
	return strcmp(s, "MEMBLOCK configuration:") == 0 ||
	       strncmp(s, " memory", 7) == 0 ||
	       strncmp(s, " reserved", 9) == 0 ||
	       strncmp(s, " physmem", 8) == 0;
}

static bool is_trace_line(const char *s)
{
	return strncmp(s, "memblock_", 9) == 0 ||
	       strncmp(s, "__memblock_free_early:", 22) == 0 ||
	       strncmp(s, "memblock: ", 10) == 0;
}

static bool is_allocator_caller(const char *caller)
{
	return strncmp(caller, "memblock_alloc_range_nid+", 25) == 0 ||
	       strncmp(caller, "memblock_virt_alloc_internal+", 29) == 0;
}

/* The caller is the last blank-separated word of a trace line. */
static const char *caller_of(const char *s)
{
	const char *sp = strrchr(s, ' ');

	return sp ? sp + 1 : s;
}

static void fold(const char *in, char *out)
{
	bool blank = false;

	for (; *in; in++) {
		if (*in == ' ' || *in == '\t') {
			blank = true;
			continue;
		}
		if (blank)
			*out++ = ' ';
		blank = false;
		*out++ = *in;
	}
	*out = '\0';
}

/* ---- turning one request line into a core call ---- */
static char caller_buf[LOG_LINE_LEN];

static void set_caller(struct memblock *mb, const char *s)
{
	copy_line(caller_buf, caller_of(s));
	mb_set_next_caller(mb, caller_buf);
}

/* Range requests: memblock_add/remove/reserve/phys_free (4.x free too). */
static bool range_call(struct memblock *mb, const char *s)
{
	static const struct {
		const char *name;
		int (*fn)(struct memblock *, mb_phys_t, mb_phys_t);
	} ops[] = {
		{"memblock_add: [", mb_add},
		{"memblock_remove: [", mb_remove},
		{"memblock_reserve: [", mb_reserve},
		{"memblock_phys_free: [", mb_phys_free},
		{"__memblock_free_early: [", mb_phys_free},
	};
	unsigned long long a, b;

	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t len = strlen(ops[i].name);

		if (strncmp(s, ops[i].name, len) != 0)
			continue;
		if (sscanf(s + len, "%llx-%llx", &a, &b) != 2)
			return false;
		set_caller(mb, s);
		/* the logged end is base + size - 1, wrapped: size 0 prints
		 * base - 1, so b - a + 1 recovers it */
		ops[i].fn(mb, a, b - a + 1);
		return true;
	}
	return false;
}

/* Allocation requests of both dialects. */
static bool alloc_call(struct memblock *mb, const char *s)
{
	unsigned long long size, align, from, max;
	int nid;
	const char *p;

	if ((p = strstr(s, ": ")) == NULL)
		return false;
	if (strncmp(s, "memblock_phys_alloc_range:", 26) == 0) {
		if (sscanf(p + 2,
			   "%llu bytes align=0x%llx from=0x%llx "
			   "max_addr=0x%llx",
			   &size, &align, &from, &max) != 4)
			return false;
		set_caller(mb, s);
		mb_phys_alloc_range(mb, size, align, from, max);
		return true;
	}
	if (sscanf(p + 2,
		   "%llu bytes align=0x%llx nid=%d from=0x%llx max_addr=0x%llx",
		   &size, &align, &nid, &from, &max) != 5)
		return false;
	set_caller(mb, s);
	if (strncmp(s, "memblock_alloc_try_nid_raw:", 27) == 0)
		mb_alloc_try_nid_raw(mb, size, align, from, max, nid);
	else if (strncmp(s, "memblock_alloc_exact_nid_raw:", 29) == 0)
		mb_alloc_exact_nid_raw(mb, size, align, from, max, nid);
	else if (strstr(s, "_nopanic:")) /* 4.x */
		mb_alloc_try_nid_nopanic(mb, size, align, from, max, nid);
	else /* memblock_alloc_try_nid, memblock_virt_alloc_try_nid */
		mb_alloc_try_nid(mb, size, align, from, max, nid);
	return true;
}

int log_replay(struct memblock *mb, const struct log *log, int first, int last,
	       const struct replay_hooks *hooks)
{
	static char expected[LOG_MAX_LINES][LOG_LINE_LEN];
	static int expected_line[LOG_MAX_LINES];
	int nexpected = 0, bad = 0;

	ncaptured = 0;
	for (int n = first; n <= last && n <= log->count; n++) {
		const char *s = log->line[n - 1];

		if (hooks->at_line)
			hooks->at_line(mb, n);
		if (!is_trace_line(s) && !is_dump_line(s))
			continue;
		int idx = nexpected++;

		copy_line(expected[idx], s);
		expected_line[idx] = n;
		if (ncaptured > idx)
			continue; /* already printed by an earlier call */
		if (strcmp(s, "MEMBLOCK configuration:") == 0) {
			mb_dump_all(mb);
		} else if (is_dump_line(s) ||
			   strncmp(s, "memblock: ", 10) == 0) {
			continue; /* produced as a side effect, or missing */
		} else if (strncmp(s, "memblock_reserve: [", 19) == 0 &&
			   is_allocator_caller(caller_of(s))) {
			/* a result whose request left no trace line */
			unsigned long long a, b;

			if (hooks->orphan &&
			    sscanf(s + 19, "%llx-%llx", &a, &b) == 2)
				hooks->orphan(mb, a, b - a + 1, n);
		} else if (!range_call(mb, s) && !alloc_call(mb, s)) {
			printf("line %d: cannot replay: %s\n", n, s);
			bad++;
		}
		mb->next_caller_sym = NULL; /* never leak to the next call */
	}
	for (int i = 0; i < nexpected || i < ncaptured; i++) {
		char want[LOG_LINE_LEN * 2], got[LOG_LINE_LEN * 2];
		const char *w = i < nexpected ? expected[i] : "(nothing)";
		const char *g = i < ncaptured ? captured[i] : "(nothing)";

		if (hooks->fold_blanks) {
			fold(w, want);
			fold(g, got);
			w = want;
			g = got;
		}
		if (strcmp(w, g) != 0) {
			printf("line %d:\n  log:  %s\n  core: %s\n",
			       i < nexpected ? expected_line[i] : -1, w, g);
			if (++bad > 10)
				break;
		}
	}
	printf("compared %d logged lines with %d printed lines, %d bad\n",
	       nexpected, ncaptured, bad);
	return bad;
}
