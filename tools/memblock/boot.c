/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot.c - `memblock boot [MACHINE] [--dtb FILE] [--cmdline "..."]
 * [--bootmem bitmap|memblock] [--map FILE.svg|.html] [--json]`.
 * Prints the memblock=debug console of the simulated boot (text), or a
 * JSON summary of the tables and the hand-over (--json).
 */
#include <stdlib.h>
#include <string.h>

#include <memblock/firmware/cmdline.h>

#include "commands.h"
#include "map.h"

static void usage(FILE *f)
{
	fputs("usage: memblock boot [MACHINE] [--dtb FILE] [--atags FILE] "
	      "[--bare]\n"
	      "                     [--cmdline \"...\"] "
	      "[--bootmem bitmap|memblock]\n"
	      "                     [--map FILE.svg|FILE.html] [--json]\n"
	      "\n"
	      "Simulate MACHINE's boot through the library and print the\n"
	      "memblock=debug console the kernel would: reservations, the\n"
	      "MEMBLOCK configuration dump, early allocations, bootmem and "
	      "the\n"
	      "hand-over lines (Built ... Total pages, Memory: ...).\n"
	      "\n"
	      "  MACHINE     built-in: vexpress-a9 (default, the seed's 4.x "
	      "board),\n"
	      "              vexpress-a9-6.1, virt-arm64, pc-x86_64; or a "
	      ".dtb file;\n"
	      "              or a machine description file (docs/boot.md)\n"
	      "  --dtb FILE  boot from this device tree and its /memory\n"
	      "  --atags FILE\n"
	      "              boot a 32-bit ARM machine from this raw ATAG "
	      "list (as the\n"
	      "              kernel gets it in r2): banks, command line, "
	      "initrd\n"
	      "  --bare      reservations firmware-only: an embedded "
	      "kernel, not Linux:\n"
	      "              the front ends' memory and reservations, the "
	      "machine's\n"
	      "              kernel and reserve lines, nothing else; "
	      "memblock=debug\n"
	      "              only from the command line\n"
	      "  --cmdline \"...\"\n"
	      "              kernel command line (mem=, memmap=, cma=, "
	      "crashkernel=, ...);\n"
	      "              memblock=debug is added when missing\n"
	      "  --bootmem bitmap|memblock\n"
	      "              bootmem back end: the classic bitmap allocator "
	      "or the\n"
	      "              CONFIG_NO_BOOTMEM memblock shim (default)\n"
	      "  --map FILE  also draw the tables before the hand-over "
	      "(.svg or .html)\n"
	      "  --json      print a JSON summary (tables, hand-over) "
	      "instead of the log\n"
	      "\n"
	      "Exit: 0 booted; 1 unusable machine or DTB, or an allocation "
	      "failed;\n"
	      "2 bad usage. Example:\n"
	      "  memblock boot virt-arm64 --cmdline \"mem=512M cma=32M\" "
	      "--map m.html\n",
	      f);
}

static void json_regions(FILE *f, const char *name,
			 const struct memblock_region *r, unsigned long n)
{
	fprintf(f, "  \"%s\": [", name);
	for (unsigned long i = 0; i < n; i++)
		fprintf(f,
			"%s\n    {\"base\": %llu, \"size\": %llu, \"nid\": %d, "
			"\"flags\": %u}",
			i ? "," : "", (unsigned long long)r[i].base,
			(unsigned long long)r[i].size, r[i].nid, r[i].flags);
	fprintf(f, "\n  ],\n");
}

static void json_out(const struct boot *b, FILE *f)
{
	const struct mb_handover_result *r = b->res;

	fprintf(f, "{\n  \"machine\": \"%s\",\n  \"bootmem\": \"%s\",\n",
		b->m.name,
		b->backend == BOOTMEM_BACKEND_BITMAP ? "bitmap" : "memblock");
	json_regions(f, "memory", b->snap_mem, b->snap_nmem);
	json_regions(f, "reserved", b->snap_rsv, b->snap_nrsv);
	fprintf(f, "  \"records\": [");
	for (size_t i = 0; i < b->recs.n; i++)
		fprintf(f,
			"%s\n    {\"base\": %llu, \"size\": %llu, \"kind\": "
			"\"%s\", \"caller\": \"%s\"}",
			i ? "," : "", (unsigned long long)b->recs.v[i].base,
			(unsigned long long)b->recs.v[i].size,
			bs_kind_name(b->recs.v[i].kind), b->recs.v[i].caller);
	fprintf(f, "\n  ],\n");
	fprintf(f,
		"  \"handover\": {\"ok\": %s, \"total_pages\": %lu, "
		"\"present_pages\": %lu, \"released\": %lu, "
		"\"released_highmem\": %lu, \"free_pages\": %lu, "
		"\"reserved_pages\": %lu, \"mem_map_bytes\": %llu, "
		"\"bitmap_pages\": %lu},\n",
		b->handover_ok ? "true" : "false", r->total_pages,
		r->present_pages, r->released, r->released_highmem,
		b->buddy_free, r->reserved_pages,
		(unsigned long long)r->mem_map_bytes, b->bitmap_pages);
	fprintf(f, "  \"failed_allocations\": %d\n}\n", b->failed_allocs);
}

/*
 * A value the kernel would refuse ("mem=abc", "memmap=64M$") is ignored by
 * the boot, as the kernel ignores a bad early parameter; say so once on
 * stderr so that a typo does not pass silently.
 */
static void warn_bad_cmdline(const char *line)
{
	static struct mb_memmap_op ops[512];
	static struct mb_cmdline_range ranges[64];
	struct mb_cmdline cl;
	size_t p, n;

	mb_cmdline_init(&cl, ops, sizeof(ops) / sizeof(ops[0]), ranges,
			sizeof(ranges) / sizeof(ranges[0]));
	if (mb_cmdline_parse(&cl, line) >= 0)
		return;
	p = cl.error.param_offset < strlen(line) ? cl.error.param_offset : 0;
	n = strcspn(line + p, " \t");
	fprintf(stderr,
		"memblock boot: warning: command line: '%.*s': %s at offset "
		"%zu; the value is ignored\n",
		(int)n, line + p, mb_cmdline_strerror(cl.error.status),
		cl.error.offset);
}

int cmd_boot(int argc, char **argv)
{
	const char *machine = NULL, *dtb = NULL, *cmdline = NULL, *map = NULL;
	const char *atags = NULL;
	bool json = false, bare = false;
	enum bootmem_backend backend = BOOTMEM_BACKEND_MEMBLOCK;
	struct boot *b;
	int rc = 1;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--json")) {
			json = true;
		} else if (!strcmp(a, "--bare")) {
			bare = true;
		} else if (!strcmp(a, "--atags") && i + 1 < argc) {
			atags = argv[++i];
		} else if ((!strcmp(a, "--dtb") || !strcmp(a, "--cmdline") ||
			    !strcmp(a, "--bootmem") || !strcmp(a, "--map")) &&
			   i + 1 < argc) {
			const char *v = argv[++i];

			if (a[2] == 'd')
				dtb = v;
			else if (a[2] == 'c')
				cmdline = v;
			else if (a[2] == 'm')
				map = v;
			else if (!strcmp(v, "bitmap"))
				backend = BOOTMEM_BACKEND_BITMAP;
			else if (!strcmp(v, "memblock"))
				backend = BOOTMEM_BACKEND_MEMBLOCK;
			else {
				fprintf(stderr,
					"memblock boot: --bootmem must be "
					"bitmap or memblock\n");
				return 2;
			}
		} else if (a[0] == '-' || machine) {
			fprintf(stderr,
				"memblock boot: bad argument '%s' "
				"(try --help)\n",
				a);
			return 2;
		} else {
			machine = a;
		}
	}
	if (dtb && atags) {
		fprintf(stderr, "memblock boot: --dtb and --atags exclude each "
				"other (a boot loader hands over one)\n");
		return 2;
	}
	b = calloc(1, sizeof(*b));
	if (!b)
		return 1;
	if (bm_machine_load(machine ? machine : "vexpress-a9", &b->m, b->err,
			    sizeof(b->err)))
		goto fail;
	if (dtb) {
		snprintf(b->m.dtb, sizeof(b->m.dtb), "%s", dtb);
		b->m.dtb_set_memory = false; /* the file's /memory counts */
		b->m.dtb_size = 0;
		b->m.nram = 0;
	}
	if (atags) {
		snprintf(b->m.atags, sizeof(b->m.atags), "%s", atags);
		b->m.arch = BM_ARM32;
		b->m.profile = mb_profile_arm32;
		b->m.dtb[0] = '\0';
		b->m.nram = 0;
		if (!cmdline)
			b->m.cmdline[0] = '\0'; /* the list's own */
	}
	if (bare)
		b->m.bare = true;
	if (cmdline) {
		snprintf(b->m.cmdline, sizeof(b->m.cmdline), "%s", cmdline);
		if (!strstr(cmdline, "memblock=debug") &&
		    strlen(b->m.cmdline) + 16 < sizeof(b->m.cmdline))
			strcat(b->m.cmdline, " memblock=debug");
	}
	warn_bad_cmdline(b->m.cmdline);
	b->backend = backend;
	b->out = json ? NULL : stdout;
	if (boot_run(b))
		goto fail;
	if (json)
		json_out(b, stdout);
	if (map) {
		struct mp_model m;

		if (mp_from_boot(b, &m) ||
		    mp_write_file(&m, map, b->err, sizeof(b->err))) {
			mp_free(&m);
			goto fail;
		}
		mp_free(&m);
	}
	rc = b->failed_allocs ? 1 : 0;
	if (b->failed_allocs)
		fprintf(stderr, "memblock boot: %d allocation(s) failed\n",
			b->failed_allocs);
	boot_free(b);
	free(b);
	return rc;
fail:
	fflush(stdout);
	fprintf(stderr, "memblock boot: %s\n", b->err[0] ? b->err : "failed");
	boot_free(b);
	free(b);
	return 1;
}
