/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock - one command, four subcommands: boot, replay, report, map.
 * boot/report/map have weak stand-ins here; their own files replace them.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

#ifndef MEMBLOCK_VERSION_STRING
#define MEMBLOCK_VERSION_STRING "0.0.0"
#endif

static int not_available(const char *sub)
{
	fprintf(stderr, "memblock: %s: not available in this build\n", sub);
	return 2;
}

__attribute__((weak)) int cmd_boot(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_available("boot");
}

__attribute__((weak)) int cmd_report(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_available("report");
}

__attribute__((weak)) int cmd_map(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return not_available("map");
}

static const struct {
	const char *name;
	int (*run)(int, char **);
	const char *what;
} subcommands[] = {
	{"boot", cmd_boot, "simulate a machine's boot, print its memblock log"},
	{"replay", cmd_replay,
	 "re-run real memblock=debug logs and check them"},
	{"report", cmd_report, "memory summary of a log, DTB or machine"},
	{"map", cmd_map, "draw physical memory as SVG or HTML"},
};

#define N_SUB (sizeof(subcommands) / sizeof(subcommands[0]))

static void usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: memblock [--help | --version] <command> [args]\n\n"
		   "commands:\n");
	for (i = 0; i < N_SUB; i++)
		fprintf(f, "  %-8s %s\n", subcommands[i].name,
			subcommands[i].what);
	fprintf(f, "\n'memblock <command> --help' describes a command; "
		   "see also memblock(1).\n");
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("memblock %s\n", MEMBLOCK_VERSION_STRING);
		return 0;
	}
	for (i = 0; i < N_SUB; i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "memblock: unknown command '%s' (try --help)\n",
		argv[1]);
	return 2;
}
