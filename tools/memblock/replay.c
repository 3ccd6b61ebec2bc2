/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock replay LOG... [--json] [-v] [--profile arm32|arm64|x86_64]
 *
 * Command line, input checks and the summary. Exit status: 0 when every
 * allocation, dump and doubling matched; 1 on a mismatch; 2 on bad usage
 * or input that cannot be replayed (unreadable, no memblock lines,
 * truncated).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "file_util.h"
#include "replay.h"

static void replay_usage(FILE *f)
{
	fprintf(f,
		"usage: memblock replay LOG... [--json] [-v] "
		"[--profile arm32|arm64|x86_64]\n\n"
		"Re-run every memblock operation of Linux memblock=debug "
		"console logs through\nthe library and check each allocation's "
		"placement and each MEMBLOCK\nconfiguration dump. A markdown "
		"file quoting a log is accepted.\n\n"
		"  --json      machine-readable result on stdout\n"
		"  -v          print every check, not only mismatches\n"
		"  --profile   force the machine profile (default: "
		"detected)\n\n"
		"Last line: replay: A/B allocations matched, D/E dumps "
		"matched\nExit: 0 all matched, 1 mismatch, 2 bad input.\n");
}

/* Why a parsed log cannot be replayed, or NULL. */
static const char *unusable(const struct lp_log *log, unsigned *line)
{
	size_t i;

	*line = log->lines;
	if (log->oom)
		return "out of memory";
	if (!log->memblock_lines)
		return "no memblock lines (boot with memblock=debug)";
	if (log->last_line_cut)
		return "truncated log (last line cut)";
	for (i = 0; i < log->n; i++)
		if (log->recs[i].kind == LP_DUMP && !log->recs[i].complete) {
			*line = log->recs[i].line;
			return "truncated log (incomplete MEMBLOCK dump)";
		}
	for (i = log->n; i-- > 0;) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind > LP_DUMP)
			continue;
		if (r->kind == LP_ALLOC) {
			*line = r->line;
			return "truncated log (request without its result)";
		}
		break;
	}
	return NULL;
}

/* What the replay had to infer: always in JSON, with -v in text. */
static void print_inferences(const struct rp_opts *o, const struct rp_engine *e)
{
	const struct rp_stats *s = &e->st;
	const struct rp_context *c = &e->ctx;

	if (o->json) {
		fprintf(o->out,
			",\"inferences\":{\"undone_before_first_dump\":%u,"
			"\"node_data\":%u,\"cma\":%u,\"result_only\":%u,"
			"\"flag_ranges\":%u,\"nomap_after_reserve\":%u,"
			"\"untraced_reserves\":%u,"
			"\"numa_line\":%u,\"mem_limit_line\":%u,"
			"\"x86_limit_line\":%u,\"trim_before_dump_line\":%u,"
			"\"movable_node\":%s,\"lowmem_end\":\"0x%llx\","
			"\"printk_dropped\":%u,\"first_gap_line\":%u,"
			"\"gap_unchecked\":%u}",
			s->undone_before_dump, s->inferred_node_data,
			s->inferred_cma, s->inferred_generic, s->flag_ranges,
			s->nomap_after_reserve, s->untraced, s->numa_line,
			s->mem_limit_line, s->limit_line, s->trim_line,
			c->movable_node ? "true" : "false",
			(unsigned long long)c->lowmem_end, s->dropped,
			s->gap_line, s->gap_unchecked);
		return;
	}
	if (!o->verbose)
		return;
	fprintf(o->out,
		"%s: inferred: seed undid %u traced changes before the first "
		"dump; NODE_DATA %u, CMA %u, other result-only %u; flags on %u "
		"ranges; no-map after reservation on %u; %u untraced reserves "
		"from later dumps; dump nids at line %u; mem= cut before line "
		"%u; x86 limit 1 MiB -> top at "
		"line %u; trim before dump at line %u; movable_node %s; "
		"lowmem end 0x%llx; %u printk messages dropped (first gap "
		"at line %u), %u allocations cut by a gap not checked\n",
		e->path, s->undone_before_dump, s->inferred_node_data,
		s->inferred_cma, s->inferred_generic, s->flag_ranges,
		s->nomap_after_reserve, s->untraced, s->numa_line,
		s->mem_limit_line, s->limit_line, s->trim_line,
		c->movable_node ? "on" : "off",
		(unsigned long long)c->lowmem_end, s->dropped, s->gap_line,
		s->gap_unchecked);
}

static void free_engine(struct rp_engine *e)
{
	unsigned i;

	for (i = 0; i < e->ngrown; i++)
		free(e->grown[i]);
	free(e->mem0);
	free(e->rsv0);
	rp_untraced_free(e);
}

static void add_stats(struct rp_stats *sum, const struct rp_stats *s)
{
	sum->alloc_ok += s->alloc_ok;
	sum->alloc_total += s->alloc_total;
	sum->dump_ok += s->dump_ok;
	sum->dump_total += s->dump_total;
	sum->double_ok += s->double_ok;
	sum->double_total += s->double_total;
	sum->other_mismatch += s->other_mismatch;
}

static void print_figures(const struct rp_opts *o, const struct rp_engine *e,
			  int rc)
{
	const struct rp_stats *s = &e->st;

	if (o->json) {
		fprintf(o->out,
			",\"allocations\":{\"matched\":%u,\"total\":%u},"
			"\"dumps\":{\"matched\":%u,\"total\":%u},"
			"\"doublings\":{\"matched\":%u,\"total\":%u},"
			"\"other_mismatches\":%u,\"ok\":%s}\n",
			s->alloc_ok, s->alloc_total, s->dump_ok, s->dump_total,
			s->double_ok, s->double_total, s->other_mismatch,
			rc ? "false" : "true");
		return;
	}
	fprintf(o->out,
		"%s: %u/%u allocations matched, %u/%u dumps matched, %u/%u "
		"doublings, profile %s%s",
		e->path, s->alloc_ok, s->alloc_total, s->dump_ok, s->dump_total,
		s->double_ok, s->double_total, e->ctx.profile->name,
		e->ctx.style == MB_STYLE_LINUX_4 ? " (4.x names)" : "");
	/* an incomplete log says so: its figures cover what survived */
	if (s->dropped)
		fprintf(o->out,
			"; log incomplete: %u printk messages dropped "
			"(first at line %u)",
			s->dropped, s->gap_line);
	fprintf(o->out, "\n");
}

/* Replay one boot (@view: a slice of the parsed file). Return: 0, 1, 2. */
static int replay_boot(const struct lp_log *view, const char *label,
		       const struct rp_opts *o, struct rp_stats *sum,
		       bool *first)
{
	struct rp_engine *e = calloc(1, sizeof(*e));
	int rc;

	if (!e) {
		fprintf(stderr, "memblock replay: out of memory\n");
		return 2;
	}
	e->log = view;
	e->path = label;
	e->opts = o;
	rp_context_scan(view, o->profile, &e->ctx);
	if (o->json) {
		fprintf(o->out, "%s{\"file\":", *first ? "" : ",");
		rp_json_string(o->out, label, strlen(label));
		fprintf(o->out,
			",\"profile\":\"%s\",\"style\":%d,\"mismatches\":[\n",
			e->ctx.profile->name,
			e->ctx.style == MB_STYLE_LINUX_4 ? 4 : 6);
		*first = false;
	}
	rc = rp_engine_run(e);
	if (rc < 0) {
		fprintf(stderr, "memblock replay: %s: cannot seed the state\n",
			label);
		rc = 2;
	} else {
		const struct rp_stats *s = &e->st;

		rc = s->alloc_ok == s->alloc_total &&
				     s->dump_ok == s->dump_total &&
				     s->double_ok == s->double_total &&
				     !s->other_mismatch
			     ? 0
			     : 1;
		if (o->json)
			fprintf(o->out, "]");
		print_inferences(o, e);
		print_figures(o, e, rc);
		add_stats(sum, s);
	}
	free_engine(e);
	free(e);
	return rc;
}

static bool has_memblock(const struct lp_log *log, size_t from, size_t to)
{
	for (; from < to; from++)
		if (log->recs[from].kind <= LP_DUMP)
			return true;
	return false;
}

/*
 * Replay one file; a capture holding several boots ("Linux version" again
 * after memblock lines) is replayed boot by boot. Return: 0, 1 or 2.
 */
static int replay_file(const char *path, const struct rp_opts *o,
		       struct rp_stats *sum, bool *first)
{
	struct lp_log log, view;
	const char *why;
	char label[4096];
	unsigned line, boot = 0;
	size_t len, start = 0, i;
	char *buf = fu_read_file(path, SIZE_MAX, &len, NULL);
	int rc = 0, r;

	if (!buf) {
		fprintf(stderr, "memblock replay: %s: cannot read: %s\n", path,
			strerror(errno));
		return 2;
	}
	lp_parse(buf, len, &log);
	why = unusable(&log, &line);
	if (why) {
		fprintf(stderr, "memblock replay: %s:%u: %s\n", path, line,
			why);
		lp_free(&log);
		free(buf);
		return 2;
	}
	for (i = 0; i <= log.n; i++) {
		if (i < log.n && (log.recs[i].kind != LP_CTX_LINUX_VERSION ||
				  !has_memblock(&log, start, i)))
			continue;
		if (!has_memblock(&log, start, i))
			break;
		view = log;
		view.recs = log.recs + start;
		view.n = i - start;
		boot++;
		if (boot > 1 || i < log.n)
			snprintf(label, sizeof(label), "%s#boot%u", path, boot);
		else
			snprintf(label, sizeof(label), "%s", path);
		r = replay_boot(&view, label, o, sum, first);
		if (r > rc)
			rc = r;
		start = i;
	}
	lp_free(&log);
	free(buf);
	return rc;
}

int cmd_replay(int argc, char **argv)
{
	struct rp_opts o = {0};
	struct rp_stats sum = {0};
	int i, nfiles = 0, rc = 0, r;
	bool first = true;

	o.out = stdout;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			replay_usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "--json")) {
			o.json = true;
		} else if (!strcmp(argv[i], "-v") ||
			   !strcmp(argv[i], "--verbose")) {
			o.verbose = true;
		} else if (!strcmp(argv[i], "--profile")) {
			if (i + 1 >= argc ||
			    !(o.profile = mb_profile_by_name(argv[++i]))) {
				fprintf(stderr,
					"memblock replay: --profile "
					"needs arm32, arm64 or x86_64\n");
				return 2;
			}
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr,
				"memblock replay: unknown option '%s' "
				"(try --help)\n",
				argv[i]);
			return 2;
		} else {
			nfiles++;
		}
	}
	if (!nfiles) {
		replay_usage(stderr);
		return 2;
	}
	o.progress = isatty(2) && !o.json;
	if (o.json)
		fprintf(o.out, "{\"logs\":[\n");
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--profile")) {
			i++;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		r = replay_file(argv[i], &o, &sum, &first);
		if (r > rc)
			rc = r;
	}
	if (rc == 2 && !sum.alloc_total && !sum.dump_total && !o.json)
		return rc; /* nothing replayed: the error line says why */
	if (o.json)
		fprintf(o.out,
			"],\"summary\":\"replay: %u/%u allocations matched, "
			"%u/%u dumps matched\",\"ok\":%s}\n",
			sum.alloc_ok, sum.alloc_total, sum.dump_ok,
			sum.dump_total, rc ? "false" : "true");
	else
		fprintf(o.out,
			"replay: %u/%u allocations matched, %u/%u dumps "
			"matched\n",
			sum.alloc_ok, sum.alloc_total, sum.dump_ok,
			sum.dump_total);
	return rc;
}
