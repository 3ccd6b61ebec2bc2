/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * replay_output.c - how one check of a replay is printed: a mismatch (text
 * or JSON) and, with -v, every check that passed.
 */
#include <inttypes.h>
#include <string.h>

#include "replay.h"

static void print_place(FILE *f, bool json, const char *key, bool have,
			mb_phys_t base, mb_phys_t size)
{
	if (json) {
		if (!have)
			fprintf(f, ",\"%s\":null", key);
		else if (size)
			fprintf(f,
				",\"%s\":{\"base\":\"0x%" PRIx64
				"\",\"end\":\"0x%" PRIx64 "\"}",
				key, base, base + size - 1);
		else
			fprintf(f, ",\"%s\":\"0x%" PRIx64 "\"", key, base);
		return;
	}
	if (!have)
		fprintf(f, " %s none", key);
	else if (size)
		fprintf(f, " %s [0x%" PRIx64 "-0x%" PRIx64 "]", key, base,
			base + size - 1);
	else
		fprintf(f, " %s 0x%" PRIx64, key, base);
}

void rp_json_string(FILE *f, const char *s, size_t n)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch < 0x20 || ch >= 0x7f)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

void rp_mismatch(struct rp_engine *e, const struct lp_record *r,
		 const char *what, bool have_expected, mb_phys_t exp_base,
		 mb_phys_t exp_size, bool have_actual, mb_phys_t act_base,
		 mb_phys_t act_size)
{
	FILE *f = e->opts->out;
	mb_phys_t near = have_expected ? exp_base : act_base;

	if (e->quiet)
		return;
	if (e->opts->json) {
		fprintf(f,
			"%s{\"line\":%u,\"check\":", e->json_first ? "" : ",",
			r->line);
		e->json_first = false;
		rp_json_string(f, what, strlen(what));
		fprintf(f, ",\"text\":");
		rp_json_string(f, r->text, r->text_len);
		print_place(f, true, "expected", have_expected, exp_base,
			    exp_size);
		print_place(f, true, "actual", have_actual, act_base, act_size);
		fprintf(f, ",\"free_near\":[");
		rp_print_free_near(e, f, near, true);
		fprintf(f, "]}\n");
		return;
	}
	fprintf(f, "%s:%u: MISMATCH %s:", e->path, r->line, what);
	print_place(f, false, "expected", have_expected, exp_base, exp_size);
	print_place(f, false, "actual", have_actual, act_base, act_size);
	fprintf(f, "\n    %.*s\n", (int)r->text_len, r->text);
	fprintf(f, "    state: current_limit 0x%" PRIx64 ", %s\n",
		e->mb.current_limit,
		e->mb.bottom_up ? "bottom-up" : "top-down");
	rp_print_free_near(e, f, near, false);
}

void rp_verbose(struct rp_engine *e, const struct lp_record *r,
		const char *what)
{
	if (!e->opts->verbose || e->opts->json || e->quiet)
		return;
	fprintf(e->opts->out, "%s:%u: ok %s: %.*s\n", e->path, r->line, what,
		(int)r->text_len, r->text);
}
