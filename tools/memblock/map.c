/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * map.c - `memblock map LOG|MACHINE|--dtb FILE -o FILE.svg|FILE.html`.
 */
#include <errno.h>
#include <string.h>

#include "commands.h"
#include "map.h"

static void usage(FILE *f)
{
	fputs("usage: memblock map LOG|MACHINE|--dtb FILE -o "
	      "FILE.svg|FILE.html\n"
	      "\n"
	      "Draw physical memory: memory regions by node, reserved ranges\n"
	      "coloured by kind (kernel, DTB, initrd, page tables, CMA, "
	      "no-map,\n"
	      "allocations, ...), free space, and holes drawn small with "
	      "their size.\n"
	      "\n"
	      "  LOG         a memblock=debug kernel log: its final state; "
	      "drawn as\n"
	      "              HTML, one frame per MEMBLOCK configuration dump "
	      "and a\n"
	      "              slider to step through them\n"
	      "  MACHINE     a built-in name or description file, booted "
	      "silently\n"
	      "              (see memblock boot --help)\n"
	      "  --dtb FILE  boot this device tree silently and draw it\n"
	      "  -o FILE     output; the suffix picks the format: .svg, or "
	      ".html\n"
	      "              (one self-contained page: zoom, hover details)\n"
	      "\n"
	      "Exit: 0 written; 1 unreadable or bad input (one error line); "
	      "2 bad usage.\n"
	      "Example: memblock map dmesg.log -o map.html\n",
	      f);
}

#define MAX_FRAMES 33

static bool is_html(const char *path)
{
	size_t n = strlen(path);

	return (n > 5 && !strcmp(path + n - 5, ".html")) ||
	       (n > 4 && !strcmp(path + n - 4, ".htm"));
}

/* A log drawn as HTML: one frame per dump (at most 32) and the end. */
static int log_timeline(const char *in, const char *out)
{
	static struct mp_model frames[MAX_FRAMES];
	static char labels[MAX_FRAMES][96];
	char err[300] = "";
	size_t n =
		mp_log_frames(in, frames, labels, MAX_FRAMES, err, sizeof(err));
	FILE *f;
	int rc = 1;

	if (!n) {
		fprintf(stderr, "memblock map: %s\n", err[0] ? err : in);
		return 1;
	}
	f = fopen(out, "w");
	if (!f) {
		fprintf(stderr, "memblock map: %s: %s\n", out, strerror(errno));
	} else {
		rc = mp_write_html_frames(frames, labels, n, f) ? 1 : 0;
		if (fclose(f) || rc) {
			fprintf(stderr, "memblock map: %s: write failed\n",
				out);
			rc = 1;
		}
	}
	for (size_t i = 0; i < n; i++)
		mp_free(&frames[i]);
	return rc;
}

int cmd_map(int argc, char **argv)
{
	const char *in = NULL, *dtb = NULL, *out = NULL;
	struct mp_model m;
	char err[300] = "";

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "-o") && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(a, "--dtb") && i + 1 < argc) {
			dtb = argv[++i];
		} else if (a[0] == '-' || in) {
			fprintf(stderr,
				"memblock map: bad argument '%s' "
				"(try --help)\n",
				a);
			return 2;
		} else {
			in = a;
		}
	}
	if (!out || (!in && !dtb)) {
		fprintf(stderr, "memblock map: need an input and -o FILE "
				"(try --help)\n");
		return 2;
	}
	if (in && !dtb && mp_is_log(in) && is_html(out))
		return log_timeline(in, out);
	if (mp_from_input(in, dtb, &m, err, sizeof(err))) {
		fprintf(stderr, "memblock map: %s\n", err);
		return 1;
	}
	if (mp_write_file(&m, out, err, sizeof(err))) {
		fprintf(stderr, "memblock map: %s\n", err);
		mp_free(&m);
		return 1;
	}
	mp_free(&m);
	return 0;
}
