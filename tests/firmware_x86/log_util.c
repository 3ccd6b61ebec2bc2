/* SPDX-License-Identifier: BSD-2-Clause */
#include "log_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef MEMBLOCK_SHARED_DIR
#error "MEMBLOCK_SHARED_DIR must be defined"
#endif

static void die(const char *what, const char *name)
{
	fprintf(stderr, "log_util: %s: %s\n", what, name);
	abort();
}

void log_load(struct log *log, const char *name)
{
	char path[1024];
	FILE *f;
	long len;
	size_t cap = 1024;

	snprintf(path, sizeof(path), "%s/logs/%s", MEMBLOCK_SHARED_DIR, name);
	f = fopen(path, "rb");
	if (!f)
		die("cannot open", path);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	log->buf = malloc((size_t)len + 1);
	if (!log->buf || fread(log->buf, 1, (size_t)len, f) != (size_t)len)
		die("cannot read", path);
	fclose(f);
	log->buf[len] = '\0';
	log->line = malloc(cap * sizeof(char *));
	log->n = 0;
	for (char *p = log->buf; *p;) {
		char *nl = strchr(p, '\n');
		char *s = p;

		if (nl)
			*nl = '\0';
		if (nl && nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		/* "[    0.000000] text" -> "text" */
		if (s[0] == '[') {
			char *close = strstr(s, "] ");
			if (close)
				s = close + 2;
		}
		if (log->n == cap) {
			cap *= 2;
			log->line = realloc(log->line, cap * sizeof(char *));
		}
		log->line[log->n++] = s;
		if (!nl)
			break;
		p = nl + 1;
	}
}

void log_free(struct log *log)
{
	free(log->buf);
	free(log->line);
	log->buf = NULL;
	log->line = NULL;
	log->n = 0;
}

int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

long log_find(const struct log *log, size_t from, const char *prefix)
{
	for (size_t i = from; i < log->n; i++)
		if (starts_with(log->line[i], prefix))
			return (long)i;
	return -1;
}

static char *dup_string(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

void lines_add(struct lines *l, const char *s)
{
	if (l->n < sizeof(l->line) / sizeof(l->line[0]))
		l->line[l->n++] = dup_string(s);
}

void lines_clear(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->line[i]);
	l->n = 0;
}

void lines_print_hook(void *ctx, const char *line)
{
	lines_add(ctx, line);
}
