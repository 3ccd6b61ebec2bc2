/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * report.c - `memblock report LOG|--dtb FILE|MACHINE [--json]`: what a
 * person asks of a boot's memory: totals per node and zone, the largest
 * reservations, reserved bytes by caller, fragmentation, and what the
 * hand-over to the page allocator will release.
 */
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "map.h"

#define MAX_NODES 64
#define N_ZONES	  4
static const char *const zone_names[N_ZONES] = {"DMA", "DMA32", "Normal",
						"HighMem"};

struct tally {
	mb_phys_t total, reserved, free, nomap;
};

struct by_caller {
	char fn[96];
	mb_phys_t bytes;
	unsigned count;
};

struct report {
	struct tally z[MAX_NODES][N_ZONES];
	bool node_seen[MAX_NODES];
	struct tally all;
	unsigned long free_ranges;
	mb_phys_t largest_free, largest_free_base;
	unsigned long release_low, release_high; /* pages */
	struct by_caller *callers;
	size_t ncallers;
};

static int zone_of(const struct mp_model *m, mb_phys_t a)
{
	if (m->dma_end && a < m->dma_end)
		return 0;
	if (m->dma32_end && a < m->dma32_end)
		return 1;
	if (m->lowmem_end && a >= m->lowmem_end)
		return 3;
	return 2;
}

/* Next zone boundary above @a (or ~0). */
static mb_phys_t zone_cut(const struct mp_model *m, mb_phys_t a)
{
	mb_phys_t c = ~(mb_phys_t)0;
	mb_phys_t b[3] = {m->dma_end, m->dma32_end, m->lowmem_end};

	for (int i = 0; i < 3; i++)
		if (b[i] > a && b[i] < c)
			c = b[i];
	return c;
}

static void count(struct report *r, const struct mp_model *m,
		  const struct mp_seg *s)
{
	mb_phys_t a = s->base, end = s->base + s->size;
	int nid = s->nid < 0 ? 0 : s->nid % MAX_NODES;

	while (a < end) {
		mb_phys_t cut = zone_cut(m, a), e = cut < end ? cut : end;
		struct tally *t = &r->z[nid][zone_of(m, a)];
		mb_phys_t n = e - a;

		r->node_seen[nid] = true;
		t->total += n;
		r->all.total += n;
		if (s->type == MP_RESERVED) {
			t->reserved += n;
			r->all.reserved += n;
		} else if (s->type == MP_NOMAP) {
			t->nomap += n;
			r->all.nomap += n;
		} else {
			t->free += n;
			r->all.free += n;
		}
		a = e;
	}
}

static void add_caller(struct report *r, const char *caller, mb_phys_t bytes)
{
	char fn[96];
	size_t k = strcspn(caller, "+");

	snprintf(fn, sizeof(fn), "%.*s", (int)(k < 95 ? k : 95),
		 *caller ? caller : "(untraced)");
	if (!*caller)
		snprintf(fn, sizeof(fn), "(untraced)");
	for (size_t i = 0; i < r->ncallers; i++)
		if (!strcmp(r->callers[i].fn, fn)) {
			r->callers[i].bytes += bytes;
			r->callers[i].count++;
			return;
		}
	struct by_caller *v =
		realloc(r->callers, (r->ncallers + 1) * sizeof(*v));

	if (!v)
		return;
	r->callers = v;
	snprintf(v[r->ncallers].fn, sizeof(v[r->ncallers].fn), "%s", fn);
	v[r->ncallers].bytes = bytes;
	v[r->ncallers].count = 1;
	r->ncallers++;
}

static int cmp_caller(const void *a, const void *b)
{
	const struct by_caller *x = a, *y = b;

	return x->bytes < y->bytes ? 1 : x->bytes > y->bytes ? -1 : 0;
}

static int cmp_seg_size(const void *a, const void *b)
{
	const struct mp_seg *x = a, *y = b;

	return x->size < y->size ? 1 : x->size > y->size ? -1 : 0;
}

static void analyse(struct report *r, const struct mp_model *m,
		    struct mp_seg *seg, size_t n)
{
	mb_phys_t page = (mb_phys_t)1 << m->page_shift;

	for (size_t i = 0; i < n; i++) {
		const struct mp_seg *s = &seg[i];

		if (s->type == MP_HOLE || s->mem < 0)
			continue;
		count(r, m, s);
		if (s->type != MP_FREE)
			continue;
		/* a free range continues across touching memory regions */
		if (!(i && seg[i - 1].type == MP_FREE &&
		      seg[i - 1].base + seg[i - 1].size == s->base))
			r->free_ranges++;
		if (s->size > r->largest_free) {
			r->largest_free = s->size;
			r->largest_free_base = s->base;
		}
		mb_phys_t a = (s->base + page - 1) & ~(page - 1);
		mb_phys_t e = (s->base + s->size) & ~(page - 1);

		for (; a < e;) {
			mb_phys_t cut = m->lowmem_end && a < m->lowmem_end
						? m->lowmem_end
						: ~(mb_phys_t)0;
			mb_phys_t x = cut < e ? cut : e;
			unsigned long pages =
				(unsigned long)((x - a) >> m->page_shift);

			if (m->lowmem_end && a >= m->lowmem_end)
				r->release_high += pages;
			else
				r->release_low += pages;
			a = x;
		}
	}
	for (size_t i = 0; i < m->recs.n; i++)
		add_caller(r, m->recs.v[i].caller, m->recs.v[i].size);
	if (r->ncallers)
		qsort(r->callers, r->ncallers, sizeof(r->callers[0]),
		      cmp_caller);
}

static void text_out(const struct report *r, const struct mp_model *m,
		     struct mp_seg *seg, size_t n, FILE *f)
{
	char a[32], b[32], c[32], d[32];

	fprintf(f, "memory report: %s\n\n", m->title);
	fprintf(f, "%-6s %-8s %12s %12s %12s %12s\n", "node", "zone", "total",
		"reserved", "free", "nomap");
	for (int nd = 0; nd < MAX_NODES; nd++)
		for (int z = 0; z < N_ZONES && r->node_seen[nd]; z++) {
			const struct tally *t = &r->z[nd][z];

			if (!t->total)
				continue;
			fprintf(f, "%-6d %-8s %12s %12s %12s %12s\n", nd,
				zone_names[z], mp_human(t->total, a, 32),
				mp_human(t->reserved, b, 32),
				mp_human(t->free, c, 32),
				mp_human(t->nomap, d, 32));
		}
	fprintf(f, "%-6s %-8s %12s %12s %12s %12s\n\n", "all", "",
		mp_human(r->all.total, a, 32), mp_human(r->all.reserved, b, 32),
		mp_human(r->all.free, c, 32), mp_human(r->all.nomap, d, 32));
	fprintf(f, "largest reservations:\n");
	for (size_t i = 0, shown = 0; i < n && shown < 10; i++) {
		if (seg[i].type != MP_RESERVED)
			continue;
		fprintf(f, "  0x%016llx %10s  %-15s %s\n",
			(unsigned long long)seg[i].base,
			mp_human(seg[i].size, a, 32), bs_kind_name(seg[i].kind),
			seg[i].caller ? seg[i].caller : "");
		shown++;
	}
	fprintf(f, "\nreserved bytes by caller:\n");
	for (size_t i = 0; i < r->ncallers && i < 20; i++)
		fprintf(f, "  %12llu  %4u x  %s\n",
			(unsigned long long)r->callers[i].bytes,
			r->callers[i].count, r->callers[i].fn);
	fprintf(f, "\nfragmentation: %lu free ranges, largest %s at 0x%llx\n",
		r->free_ranges, mp_human(r->largest_free, a, 32),
		(unsigned long long)r->largest_free_base);
	fprintf(f,
		"hand-over will release: %lu pages (%s) lowmem, %lu pages "
		"(%s) highmem\n",
		r->release_low,
		mp_human((mb_phys_t)r->release_low << m->page_shift, a, 32),
		r->release_high,
		mp_human((mb_phys_t)r->release_high << m->page_shift, b, 32));
}

static void json_out(const struct report *r, const struct mp_model *m,
		     struct mp_seg *seg, size_t n, FILE *f)
{
	bool first = true;

	fprintf(f, "{\n  \"title\": \"%s\",\n  \"zones\": [", m->title);
	for (int nd = 0; nd < MAX_NODES; nd++)
		for (int z = 0; z < N_ZONES && r->node_seen[nd]; z++) {
			const struct tally *t = &r->z[nd][z];

			if (!t->total)
				continue;
			fprintf(f,
				"%s\n    {\"node\": %d, \"zone\": \"%s\", "
				"\"total\": %llu, \"reserved\": %llu, "
				"\"free\": %llu, \"nomap\": %llu}",
				first ? "" : ",", nd, zone_names[z],
				(unsigned long long)t->total,
				(unsigned long long)t->reserved,
				(unsigned long long)t->free,
				(unsigned long long)t->nomap);
			first = false;
		}
	fprintf(f,
		"\n  ],\n  \"total\": %llu,\n  \"reserved\": %llu,\n  "
		"\"free\": "
		"%llu,\n  \"nomap\": %llu,\n  \"largest_reservations\": [",
		(unsigned long long)r->all.total,
		(unsigned long long)r->all.reserved,
		(unsigned long long)r->all.free,
		(unsigned long long)r->all.nomap);
	first = true;
	for (size_t i = 0, shown = 0; i < n && shown < 10; i++) {
		if (seg[i].type != MP_RESERVED)
			continue;
		fprintf(f,
			"%s\n    {\"base\": %llu, \"size\": %llu, \"kind\": "
			"\"%s\", \"caller\": \"%s\"}",
			first ? "" : ",", (unsigned long long)seg[i].base,
			(unsigned long long)seg[i].size,
			bs_kind_name(seg[i].kind),
			seg[i].caller ? seg[i].caller : "");
		first = false;
		shown++;
	}
	fprintf(f, "\n  ],\n  \"by_caller\": [");
	for (size_t i = 0; i < r->ncallers; i++)
		fprintf(f,
			"%s\n    {\"function\": \"%s\", \"bytes\": %llu, "
			"\"count\": %u}",
			i ? "," : "", r->callers[i].fn,
			(unsigned long long)r->callers[i].bytes,
			r->callers[i].count);
	fprintf(f,
		"\n  ],\n  \"free_ranges\": %lu,\n  \"largest_free\": %llu,\n"
		"  \"release_pages_lowmem\": %lu,\n  "
		"\"release_pages_highmem\": "
		"%lu\n}\n",
		r->free_ranges, (unsigned long long)r->largest_free,
		r->release_low, r->release_high);
}

int cmd_report(int argc, char **argv)
{
	const char *in = NULL, *dtb = NULL;
	bool json = false;
	struct mp_model m;
	struct mp_seg *seg;
	struct report *r;
	char err[300] = "";
	size_t n;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs("usage: memblock report LOG|--dtb FILE|MACHINE "
			      "[--json]\n\n"
			      "What a boot did with memory: total, reserved, "
			      "free and NOMAP\n"
			      "bytes per node and zone; the largest "
			      "reservations; reserved bytes\n"
			      "by caller function (from the log's %pS "
			      "symbols); fragmentation\n"
			      "(free-range count, largest free range); the "
			      "pages the hand-over\n"
			      "will release.\n\n"
			      "  LOG         a memblock=debug kernel log, "
			      "rebuilt from its last dump\n"
			      "  MACHINE     a built-in name or description "
			      "file, booted silently\n"
			      "  --dtb FILE  boot this device tree silently\n"
			      "  --json      the same as one JSON document\n\n"
			      "Exit: 0 done; 1 unreadable or bad input (one "
			      "error line); 2 bad usage.\n",
			      stdout);
			return 0;
		} else if (!strcmp(a, "--json")) {
			json = true;
		} else if (!strcmp(a, "--dtb") && i + 1 < argc) {
			dtb = argv[++i];
		} else if (a[0] == '-' || in) {
			fprintf(stderr,
				"memblock report: bad argument '%s' "
				"(try --help)\n",
				a);
			return 2;
		} else {
			in = a;
		}
	}
	if (!in && !dtb) {
		fprintf(stderr, "memblock report: need LOG, MACHINE or --dtb "
				"FILE (try --help)\n");
		return 2;
	}
	if (mp_from_input(in, dtb, &m, err, sizeof(err))) {
		fprintf(stderr, "memblock report: %s\n", err);
		return 1;
	}
	r = calloc(1, sizeof(*r));
	n = mp_layout(&m, &seg);
	if (!r) {
		mp_free(&m);
		free(seg);
		return 1;
	}
	analyse(r, &m, seg, n);
	/* largest first for the listing (after the address-order walk) */
	qsort(seg, n, sizeof(*seg), cmp_seg_size);
	if (json)
		json_out(r, &m, seg, n, stdout);
	else
		text_out(r, &m, seg, n, stdout);
	free(r->callers);
	free(r);
	free(seg);
	mp_free(&m);
	return 0;
}
