/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock-prop: differential property test. Seeded random sequences of
 * every operation run through the core and the reference model
 * (tests/model); return values, the whole state and mb_check() are
 * compared after every step. A divergence is shrunk to the shortest
 * failing sequence found and printed as C-like calls.
 *
 *   memblock-prop [--seed N] [--count M | --seconds S] [--strict]
 *                 [--no-fork] [--quiet]
 *
 * Every sequence runs in a forked child (a crash is a divergence and gets
 * shrunk) unless --no-fork. --strict drops the model's mimicry of the
 * core's documented growth-order choice (see docs/testing.md).
 *
 * Last line: "prop: <m> sequences, <k> operations, <d> divergences";
 * exit status 1 when d > 0.
 */
#include "gen.h"
#include "harness.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Runs @ops; returns the index of the diverging op or -1 (why in @why). */
static long run_ops_dump(const struct hcfg *cfg, const struct op *ops, size_t n,
			 unsigned long *count, char *why, size_t whylen,
			 bool dump)
{
	static struct harness h;
	long bad = -1;

	harness_start(&h, cfg);
	for (size_t i = 0; i < n; i++) {
		if (!harness_step(&h, &ops[i])) {
			bad = (long)i;
			if (why)
				snprintf(why, whylen, "%s", h.why);
			if (dump)
				harness_dump(&h, stdout);
			break;
		}
	}
	if (count)
		*count += h.ops;
	harness_end(&h);
	return bad;
}

static long run_ops(const struct hcfg *cfg, const struct op *ops, size_t n,
		    unsigned long *count, char *why, size_t whylen)
{
	return run_ops_dump(cfg, ops, n, count, why, whylen, false);
}

/* Result of one sequence run in a child process. */
struct child_result {
	long bad;
	unsigned long ops;
	char why[512];
};

/*
 * Runs @ops in a forked child so that a crash of the core (ASan, trap,
 * segfault) is a divergence too instead of the end of the run. With
 * @show_stderr false the child's diagnostics are discarded.
 */
static long run_isolated(const struct hcfg *cfg, const struct op *ops, size_t n,
			 unsigned long *count, char *why, size_t whylen,
			 bool show_stderr)
{
	struct child_result res = {.bad = -1};
	int fd[2];

	fflush(stdout);
	if (pipe(fd))
		return run_ops(cfg, ops, n, count, why, whylen);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		if (!show_stderr) {
			int null = open("/dev/null", O_WRONLY);
			if (null >= 0)
				dup2(null, 2);
		}
		unsigned long c = 0;
		res.bad = run_ops(cfg, ops, n, &c, res.why, sizeof(res.why));
		res.ops = c;
		if (write(fd[1], &res, sizeof(res)) != (ssize_t)sizeof(res))
			_exit(3);
		_exit(0);
	}
	close(fd[1]);
	ssize_t got = read(fd[0], &res, sizeof(res));
	close(fd[0]);
	int status = 0;
	waitpid(pid, &status, 0);
	if (got != (ssize_t)sizeof(res) || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		res.bad = (long)n - 1;
		res.ops = n;
		snprintf(res.why, sizeof(res.why),
			 "the process crashed (status %#x) - the core "
			 "corrupted memory or trapped",
			 status);
	}
	if (count)
		*count += res.ops;
	if (why)
		snprintf(why, whylen, "%s", res.why);
	return res.bad;
}

/* After removal: try simpler arguments (0, then page-rounded, then halved)
 * one field at a time, keeping each change that still diverges. */
static size_t simplify(const struct hcfg *cfg, struct op *ops, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t *f[4] = {&ops[i].a, &ops[i].b, &ops[i].c, &ops[i].d};
		for (int k = 0; k < 4; k++) {
			for (int tries = 0; tries < 3 && *f[k]; tries++) {
				uint64_t was = *f[k];
				uint64_t cand = tries == 0   ? 0
						: tries == 1 ? was & ~0xfffULL
							     : was / 2;
				if (cand == was)
					continue;
				*f[k] = cand;
				long b = run_isolated(cfg, ops, n, NULL, NULL,
						      0, false);
				if (b < 0)
					*f[k] = was;
				else
					n = (size_t)b + 1;
				if (i >= n)
					return n;
			}
		}
	}
	return n;
}

/* Delta debugging by removal: drop chunks of ever smaller size while the
 * sequence still diverges. */
static size_t shrink(const struct hcfg *cfg, struct op *ops, size_t n)
{
	static struct op trial[GEN_MAX_OPS];
	long bad = run_isolated(cfg, ops, n, NULL, NULL, 0, false);

	if (bad < 0)
		return n;
	n = (size_t)bad + 1; /* nothing after the divergence matters */
	for (size_t chunk = n / 2; chunk >= 1; chunk /= 2) {
		size_t start = 0;
		while (start < n) {
			size_t end = start + chunk < n ? start + chunk : n;
			size_t k = 0;
			for (size_t i = 0; i < n; i++)
				if (i < start || i >= end)
					trial[k++] = ops[i];
			long b = run_isolated(cfg, trial, k, NULL, NULL, 0,
					      false);
			if (b >= 0) {
				n = (size_t)b + 1;
				memcpy(ops, trial, n * sizeof(*ops));
			} else {
				start = end;
			}
		}
		if (chunk == 1)
			break;
	}
	return simplify(cfg, ops, n);
}

/* The dump (and any sanitizer report) of a shrunk sequence, in a child. */
static void run_isolated_dump(const struct hcfg *cfg, const struct op *ops,
			      size_t n)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		run_ops_dump(cfg, ops, n, NULL, NULL, 0, true);
		fflush(stdout);
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
}

static void report(uint64_t seed, uint64_t index, const struct hcfg *cfg,
		   struct op *ops, size_t n)
{
	char buf[512], why[512];

	n = shrink(cfg, ops, n);
	run_isolated(cfg, ops, n, NULL, why, sizeof(why), false);
	printf("DIVERGENCE seed %" PRIu64 " sequence %" PRIu64
	       " (shrunk to %zu calls): %s\n",
	       seed, index, n, why);
	cfg_print(cfg, buf, sizeof(buf));
	printf("  %s\n", buf);
	for (size_t i = 0; i < n; i++) {
		op_print(&ops[i], buf, sizeof(buf));
		printf("  %s%s\n", buf,
		       i + 1 == n ? "  /* <- diverges */" : "");
	}
	if (getenv("PROP_DUMP"))
		run_isolated_dump(cfg, ops, n);
}

static void usage(void)
{
	fprintf(stderr, "usage: memblock-prop [--seed N] [--count M | "
			"--seconds S] [--strict] [--no-fork] [--quiet]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	uint64_t seed = 1, count = 1000;
	double seconds = 0;
	bool quiet = false, strict = false, no_fork = false;
	static struct op ops[GEN_MAX_OPS];

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--count") && i + 1 < argc)
			count = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
			seconds = strtod(argv[++i], NULL);
		else if (!strcmp(argv[i], "--no-fork"))
			no_fork = true;
		else if (!strcmp(argv[i], "--strict"))
			strict = true;
		else if (!strcmp(argv[i], "--quiet"))
			quiet = true;
		else
			usage();
	}
	time_t t0 = time(NULL);
	uint64_t seqs = 0, divergences = 0;
	unsigned long opcount = 0;
	for (uint64_t idx = 0;; idx++) {
		if (seconds > 0 ? difftime(time(NULL), t0) >= seconds
				: idx >= count)
			break;
		struct hcfg cfg;
		size_t n = gen_sequence(seed, idx, &cfg, ops);
		cfg.strict = strict;
		seqs++;
		long bad = no_fork ? run_ops(&cfg, ops, n, &opcount, NULL, 0)
				   : run_isolated(&cfg, ops, n, &opcount, NULL,
						  0, false);
		if (bad >= 0) {
			divergences++;
			if (!quiet && divergences <= 3)
				report(seed, idx, &cfg, ops, n);
		}
	}
	printf("prop: %" PRIu64 " sequences, %lu operations, %" PRIu64
	       " divergences\n",
	       seqs, opcount, divergences);
	return divergences ? 1 : 0;
}
