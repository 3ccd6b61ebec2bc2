/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Parser + replay engine on arbitrary bytes: never crash, never read out
 * of bounds. Built as a libFuzzer target (MEMBLOCK_FUZZ) and, always, as a
 * smoke test that replays deterministic mutations of real logs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "replay.h"

static FILE *sink(void)
{
	static FILE *f;

	if (!f)
		f = fopen("/dev/null", "w");
	return f ? f : stdout;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_opts o = {0};
	struct rp_engine *e;
	struct lp_log log;
	unsigned i;

	lp_parse((const char *)data, size, &log);
	if (!log.memblock_lines || log.oom) {
		lp_free(&log);
		return 0;
	}
	e = calloc(1, sizeof(*e));
	if (!e) {
		lp_free(&log);
		return 0;
	}
	o.out = sink();
	o.verbose = size & 1; /* exercise both output paths */
	o.json = size & 2;
	e->log = &log;
	e->path = "fuzz";
	e->opts = &o;
	rp_context_scan(&log, NULL, &e->ctx);
	rp_engine_run(e);
	for (i = 0; i < e->ngrown; i++)
		free(e->grown[i]);
	free(e->mem0);
	free(e->rsv0);
	rp_untraced_free(e);
	free(e);
	lp_free(&log);
	return 0;
}

#ifndef MEMBLOCK_LIBFUZZER
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* One mutation: flip bytes, cut, duplicate or drop a slice. */
static size_t mutate(char *buf, size_t len, size_t cap)
{
	size_t a, b, n;

	if (!len)
		return 0;
	a = next() % len;
	b = a + next() % (len - a);
	switch (next() % 4) {
	case 0:
		for (n = 0; n < 8; n++)
			buf[next() % len] = (char)next();
		return len;
	case 1:
		return b; /* truncate */
	case 2:
		n = b - a;
		if (len + n > cap)
			return len;
		memmove(buf + b + n, buf + b, len - b);
		memcpy(buf + b, buf + a, n);
		return len + n;
	default:
		memmove(buf + a, buf + b, len - b);
		return len - (b - a);
	}
}

int main(int argc, char **argv)
{
	int i, k;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		char *orig, *buf;
		long len;

		if (!f) {
			fprintf(stderr, "%s: cannot open\n", argv[i]);
			return 1;
		}
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		fseek(f, 0, SEEK_SET);
		orig = malloc((size_t)len + 1);
		buf = malloc((size_t)len * 2 + 1);
		if (!orig || !buf ||
		    fread(orig, 1, (size_t)len, f) != (size_t)len)
			return 1;
		fclose(f);
		LLVMFuzzerTestOneInput((const uint8_t *)orig, (size_t)len);
		for (k = 0; k < 40; k++) {
			size_t n = (size_t)len;
			int m, times = 1 + (int)(next() % 6);

			memcpy(buf, orig, n);
			for (m = 0; m < times; m++)
				n = mutate(buf, n, (size_t)len * 2);
			LLVMFuzzerTestOneInput((const uint8_t *)buf, n);
		}
		free(orig);
		free(buf);
	}
	printf("replay mutation smoke: %d files, no crash\n", argc - 1);
	return 0;
}
#endif
