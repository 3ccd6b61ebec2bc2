/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * map_model.c - the model a map or a report is drawn from: the final
 * memory and reserved tables plus labelled reservations, taken from a
 * simulated boot or rebuilt from a kernel log through the library.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "file_util.h"
#include "logparse.h"
#include "map.h"

static struct mp_region *copy_regions(const struct memblock_region *r, size_t n,
				      bool nids)
{
	struct mp_region *v = calloc(n + 1, sizeof(*v));

	for (size_t i = 0; v && i < n; i++) {
		v[i].base = r[i].base;
		v[i].size = r[i].size;
		v[i].flags = r[i].flags;
		v[i].nid = nids ? r[i].nid : -1;
	}
	return v;
}

static void zones_from_profile(struct mp_model *m, const struct mb_profile *p)
{
	m->phys_bits = p->phys_bits;
	m->dma_end = p->zone_dma_end;
	m->dma32_end = p->zone_dma32_end;
	m->lowmem_end = p->lowmem_end;
	m->page_shift = (unsigned)__builtin_ctzll(p->page_size);
}

int mp_from_boot(const struct boot *b, struct mp_model *m)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->title, sizeof(m->title), "%s (%s bootmem)", b->m.name,
		 b->backend == BOOTMEM_BACKEND_BITMAP ? "bitmap" : "memblock");
	zones_from_profile(m, &b->mb.profile);
	if (b->mb.profile.lowmem_end &&
	    b->mb.profile.lowmem_end >= mb_end_of_DRAM(&b->mb))
		m->lowmem_end = 0; /* all lowmem: no HighMem zone */
	m->mem = copy_regions(b->snap_mem, b->snap_nmem, b->mb.profile.numa);
	m->rsv = copy_regions(b->snap_rsv, b->snap_nrsv, b->mb.profile.numa);
	m->nmem = b->snap_nmem;
	m->nrsv = b->snap_nrsv;
	for (size_t i = 0; i < b->recs.n; i++)
		bs_recs_add(&m->recs, b->recs.v[i].base, b->recs.v[i].size,
			    b->recs.v[i].kind, b->recs.v[i].caller);
	bs_recs_sort(&m->recs);
	if (!m->mem || !m->rsv)
		return -1;
	/* bitmap back end: bootmem allocations are not in memblock's
	 * reserved table; the records carry them (shown by kind) */
	return 0;
}

void mp_free(struct mp_model *m)
{
	free(m->mem);
	free(m->rsv);
	bs_recs_free(&m->recs);
	memset(m, 0, sizeof(*m));
}

static char *slurp(const char *path, size_t *len, char *err, size_t errlen)
{
	enum fu_error why;
	char *buf = fu_read_file(path, (size_t)256 << 20, len, &why);

	if (buf)
		return buf;
	if (why == FU_OPEN)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	else if (why == FU_TOO_LARGE)
		snprintf(err, errlen, "%s: log too large", path);
	else if (why == FU_READ && errno == EISDIR)
		snprintf(err, errlen, "%s: cannot read (not a file?)", path);
	else
		snprintf(err, errlen, "%s: cannot read", path);
	return NULL;
}

static const char *rec_caller(const struct lp_log *log, size_t i)
{
	const struct lp_record *r = &log->recs[i];

	if ((strstr(r->caller, "memblock_alloc_range_nid") ||
	     strstr(r->caller, "memblock_virt_alloc_internal")) &&
	    i > 0 && log->recs[i - 1].kind == LP_ALLOC)
		return log->recs[i - 1].caller;
	return r->caller;
}

/* Replay the range lines after the last dump through the library. */
static int rebuild(const struct lp_log *log, size_t last_dump, size_t stop,
		   struct mp_model *m, const struct mb_profile *p)
{
	struct memblock mb;
	size_t cap = 8192;
	struct memblock_region *a = calloc(cap, sizeof(*a)),
			       *r = calloc(cap, sizeof(*r));
	int rc = -1;

	if (!a || !r || mb_init(&mb, p, NULL, a, cap, r, cap, NULL, 0))
		goto out;
	if (last_dump != (size_t)-1) {
		const struct lp_record *d = &log->recs[last_dump];

		for (size_t i = 0; i < d->n_mem + d->n_rsv; i++) {
			const struct lp_region *x = lp_dump_region(log, d, i);

			if (i < d->n_mem)
				mb_add_node(&mb, x->base, x->size,
					    x->nid < 0 ? 0 : x->nid,
					    (enum memblock_flags)x->flags);
			else
				mb_reserve(&mb, x->base, x->size);
		}
	}
	for (size_t i = last_dump == (size_t)-1 ? 0 : last_dump + 1; i < stop;
	     i++) {
		const struct lp_record *x = &log->recs[i];

		if (x->kind == LP_ADD || x->kind == LP_ADD_NODE)
			mb_add(&mb, x->base, x->size);
		else if (x->kind == LP_REMOVE)
			mb_remove(&mb, x->base, x->size);
		else if (x->kind == LP_RESERVE)
			mb_reserve(&mb, x->base, x->size);
		else if (x->kind == LP_PHYS_FREE)
			mb_phys_free(&mb, x->base, x->size);
	}
	m->nmem = mb.memory.regions[0].size ? mb.memory.cnt : 0;
	m->nrsv = mb.reserved.regions[0].size ? mb.reserved.cnt : 0;
	m->mem = copy_regions(mb.memory.regions, m->nmem, true);
	m->rsv = copy_regions(mb.reserved.regions, m->nrsv, true);
	rc = m->mem && m->rsv ? 0 : -1;
out:
	free(a);
	free(r);
	return rc;
}

/* Labels of the reservations traced before record @stop. */
static void label(const struct lp_log *log, size_t stop, struct mp_model *m)
{
	for (size_t i = 0; i < stop; i++) {
		const struct lp_record *x = &log->recs[i];
		const char *c;

		if (x->kind == LP_RESERVE) {
			c = rec_caller(log, i);
			bs_recs_add(&m->recs, x->base, x->size,
				    bs_classify(c, x->size), c);
		} else if (x->kind == LP_PHYS_FREE) {
			bs_recs_sub(&m->recs, x->base, x->size);
		} else if (x->kind == LP_CTX_CMA ||
			   x->kind == LP_CTX_NODE_DATA) {
			/* "cma: Reserved N MiB at B", "NODE_DATA(n) allocated
			 * [mem B-E]": name the untraced allocation at B */
			for (size_t k = 0; k < m->recs.n; k++)
				if (m->recs.v[k].base == x->base)
					m->recs.v[k].kind =
						x->kind == LP_CTX_CMA
							? BS_CMA
							: BS_MEMMAP;
		}
	}
	bs_recs_sort(&m->recs);
}

/* struct loaded_log - a parsed, checked log and what every frame shares. */
struct loaded_log {
	struct lp_log log;
	char *buf;
	const struct mb_profile *p;
	struct mp_model tmpl; /* title and zone edges */
};

static int load_log(const char *path, struct loaded_log *L, char *err,
		    size_t errlen)
{
	struct lp_log *log = &L->log;
	size_t len = 0, last_dump = (size_t)-1, ranges = 0;
	const char *base = strrchr(path, '/');

	memset(L, 0, sizeof(*L));
	L->buf = slurp(path, &len, err, errlen);
	if (!L->buf)
		return -1;
	if (lp_parse(L->buf, len, log)) {
		snprintf(err, errlen, "%s: out of memory while parsing", path);
		return -1;
	}
	for (size_t i = 0; i < log->n; i++) {
		if (log->recs[i].kind == LP_DUMP)
			last_dump = i;
		if (log->recs[i].kind <= LP_RANGE_OTHER)
			ranges++;
	}
	if (log->last_line_cut ||
	    (last_dump != (size_t)-1 && !log->recs[last_dump].complete)) {
		snprintf(err, errlen,
			 "%s: log is truncated (line %u cut short)", path,
			 log->lines);
		return -1;
	}
	if (!log->memblock_lines) {
		snprintf(err, errlen,
			 "%s: no memblock lines (boot with memblock=debug)",
			 path);
		return -1;
	}
	if (last_dump == (size_t)-1 && !ranges) {
		snprintf(err, errlen,
			 "%s: no MEMBLOCK configuration dump and no range "
			 "lines",
			 path);
		return -1;
	}
	L->p = log->width == 8 ? &mb_profile_arm32 : &mb_profile_x86_64;
	for (size_t i = 0; i < log->n; i++)
		if (strstr(log->recs[i].caller, "arm64") ||
		    strstr(log->recs[i].caller, "early_pgtable_alloc"))
			L->p = &mb_profile_arm64;
	zones_from_profile(&L->tmpl, L->p);
	L->tmpl.lowmem_end = 0;
	for (size_t i = 0; i < log->n; i++) {
		const struct lp_record *x = &log->recs[i];

		if (x->kind != LP_CTX_ZONE || x->empty)
			continue;
		if (!strcmp(x->name, "HighMem"))
			L->tmpl.lowmem_end = x->base;
		else if (!strcmp(x->name, "DMA32"))
			L->tmpl.dma32_end = x->end + 1;
		else if (!strcmp(x->name, "DMA"))
			L->tmpl.dma_end = x->end + 1;
	}
	snprintf(L->tmpl.title, sizeof(L->tmpl.title), "%s",
		 base ? base + 1 : path);
	return 0;
}

static void unload_log(struct loaded_log *L)
{
	lp_free(&L->log);
	free(L->buf);
}

/* The state after the records before @stop: the last dump before it,
 * then the range lines up to it. */
static int model_upto(const struct loaded_log *L, size_t stop,
		      struct mp_model *m)
{
	size_t dump = (size_t)-1;

	for (size_t i = 0; i < stop; i++)
		if (L->log.recs[i].kind == LP_DUMP)
			dump = i;
	*m = L->tmpl;
	m->mem = m->rsv = NULL;
	memset(&m->recs, 0, sizeof(m->recs));
	if (rebuild(&L->log, dump, stop, m, L->p)) {
		mp_free(m);
		return -1;
	}
	label(&L->log, stop, m);
	return 0;
}

int mp_from_log(const char *path, struct mp_model *m, char *err, size_t errlen)
{
	struct loaded_log L;
	int rc = -1;

	memset(m, 0, sizeof(*m));
	if (!load_log(path, &L, err, errlen)) {
		rc = model_upto(&L, L.log.n, m);
		if (rc)
			snprintf(err, errlen, "%s: out of memory", path);
	}
	unload_log(&L);
	return rc;
}

size_t mp_log_frames(const char *path, struct mp_model *frames,
		     char (*labels)[96], size_t max, char *err, size_t errlen)
{
	struct loaded_log L;
	size_t n = 0, dumps = 0, every = 1, k = 0;

	if (max < 2 || load_log(path, &L, err, errlen)) {
		if (max >= 2)
			unload_log(&L);
		return 0;
	}
	for (size_t i = 0; i < L.log.n; i++)
		dumps += L.log.recs[i].kind == LP_DUMP;
	while (dumps / every + 1 > max)
		every++;
	for (size_t i = 0; i < L.log.n && n + 1 < max; i++) {
		if (L.log.recs[i].kind != LP_DUMP || k++ % every)
			continue;
		if (model_upto(&L, i + 1, &frames[n]))
			break;
		snprintf(labels[n], 96, "dump at line %u", L.log.recs[i].line);
		n++;
	}
	if (!model_upto(&L, L.log.n, &frames[n])) {
		snprintf(labels[n], 96, "end of the log (line %u)",
			 L.log.lines);
		n++;
	}
	unload_log(&L);
	return n;
}

bool mp_is_log(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char h[4] = {0};
	size_t n;

	if (!f)
		return false;
	n = fread(h, 1, 4, f);
	fclose(f);
	if (n == 4 && h[0] == 0xd0 && h[1] == 0x0d && h[2] == 0xfe &&
	    h[3] == 0xed)
		return false; /* a DTB */
	return strstr(path, ".log") || strstr(path, ".txt") ||
	       strstr(path, ".md");
}

int mp_from_input(const char *what, const char *dtb, struct mp_model *m,
		  char *err, size_t errlen)
{
	struct boot *b;
	int rc;

	if (what && !dtb && mp_is_log(what))
		return mp_from_log(what, m, err, errlen);
	b = calloc(1, sizeof(*b));
	if (!b)
		return -1;
	rc = bm_machine_load(what  ? what
			     : dtb ? dtb
				   : "vexpress-a9",
			     &b->m, err, errlen);
	if (!rc && dtb && what) {
		snprintf(b->m.dtb, sizeof(b->m.dtb), "%s", dtb);
		b->m.dtb_set_memory = false;
		b->m.nram = 0;
	}
	if (!rc) {
		b->backend = BOOTMEM_BACKEND_MEMBLOCK;
		rc = boot_run(b);
		if (rc)
			snprintf(err, errlen, "%s", b->err);
		else
			rc = mp_from_boot(b, m);
	}
	boot_free(b);
	free(b);
	return rc;
}
