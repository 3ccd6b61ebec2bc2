/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Whole-log driver: split lines, strip stamps, parse each message, gather
 * "MEMBLOCK configuration:" blocks into one record with all regions.
 */
#include <stdlib.h>
#include <string.h>

#include "logparse.h"
#include "logparse_scan.h"

static const char *const kind_names[LP_KIND__COUNT] = {
	[LP_ADD] = "add",
	[LP_ADD_NODE] = "add_node",
	[LP_REMOVE] = "remove",
	[LP_RESERVE] = "reserve",
	[LP_PHYS_FREE] = "phys_free",
	[LP_FREE_LATE] = "free_late",
	[LP_RANGE_OTHER] = "range_other",
	[LP_ALLOC] = "alloc",
	[LP_DOUBLED] = "doubled",
	[LP_DOUBLE_FAILED] = "double_failed",
	[LP_DUMP] = "dump",
	[LP_CTX_ZONE] = "zone",
	[LP_CTX_NODE_RANGE] = "node_range",
	[LP_CTX_E820] = "e820",
	[LP_CTX_SRAT] = "srat",
	[LP_CTX_NUMA] = "numa",
	[LP_CTX_NODE_DATA] = "node_data",
	[LP_CTX_CMDLINE] = "cmdline",
	[LP_CTX_MEMORY] = "memory",
	[LP_CTX_TOTAL_PAGES] = "total_pages",
	[LP_CTX_CMA] = "cma",
	[LP_CTX_PERCPU] = "percpu",
	[LP_CTX_MACHINE] = "machine",
	[LP_CTX_LAST_PFN] = "last_pfn",
	[LP_CTX_ACPI] = "acpi",
	[LP_CTX_EFI] = "efi",
	[LP_CTX_CRASHKERNEL] = "crashkernel",
	[LP_CTX_LINUX_VERSION] = "linux_version",
	[LP_CTX_HUGETLB_CMA] = "hugetlb_cma",
	[LP_CTX_DROPPED] = "dropped",
};

const char *lp_kind_name(enum lp_kind kind)
{
	if ((unsigned)kind >= LP_KIND__COUNT || !kind_names[kind])
		return "?";
	return kind_names[kind];
}

/* No stamp: "<6>" printk levels (raw kmsg) and "... kernel: " (syslog,
 * journalctl) come off too. */
static const char *strip_unstamped(const char *line, const char *e)
{
	const char *p = line, *q;
	static const char tag[] = "kernel: ";

	if (p < e && *p == '<') {
		for (q = p + 1; q < e && *q >= '0' && *q <= '9'; q++)
			;
		if (q > p + 1 && q < e && *q == '>')
			return q + 1;
	}
	for (q = p; e - q >= (long)sizeof(tag) - 1; q++)
		if (!memcmp(q, tag, sizeof(tag) - 1))
			return q + sizeof(tag) - 1;
	return line;
}

/* Match @pat at @p: 'a' a letter, '9' a digit, ' ' one or more spaces,
 * anything else itself. Return: the end of the match, or NULL. */
static const char *match_shape(const char *p, const char *e, const char *pat)
{
	for (; *pat; pat++) {
		if (p >= e)
			return NULL;
		if (*pat == 'a' && ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			p++;
		else if (*pat == '9' && *p >= '0' && *p <= '9')
			p++;
		else if (*pat == ' ' && *p == ' ')
			while (p < e && *p == ' ')
				p++;
		else if (*pat != 'a' && *pat != '9' && *pat != ' ' &&
			 *p == *pat)
			p++;
		else
			return NULL;
	}
	return p;
}

/* dmesg -T: "[Mon Nov 30 03:00:00 2026] " (day of month 1 or 2 digits). */
static const char *ctime_stamp_end(const char *p, const char *e)
{
	const char *q = match_shape(p, e, "[aaa aaa 9");

	if (q && q < e && *q >= '0' && *q <= '9')
		q++;
	if (q)
		q = match_shape(q, e, " 99:99:99 9999]");
	if (q && q < e && *q == ' ')
		q++;
	return q;
}

/* dmesg --time-format iso: "2026-11-30T03:00:00,123456+00:00 " */
static const char *iso_stamp_end(const char *p, const char *e)
{
	const char *q = match_shape(p, e, "9999-99-99T99:99:99");

	if (!q)
		return NULL;
	while (q < e && *q != ' ')
		q++;
	return q < e ? q + 1 : q;
}

const char *lp_strip_prefix(const char *line, size_t len)
{
	const char *e = line + len, *p;

	for (p = line; p < e; p++) {
		const char *q = p + 1;
		int digits = 0;

		if (*p != '[' && *p >= '0' && *p <= '9' && iso_stamp_end(p, e))
			return iso_stamp_end(p, e);
		if (*p != '[')
			continue;
		if (ctime_stamp_end(p, e))
			return ctime_stamp_end(p, e);
		while (q < e && *q == ' ')
			q++;
		while (q < e && ((*q >= '0' && *q <= '9') || *q == '.')) {
			q++;
			digits++;
		}
		if (digits && q < e && *q == ']') {
			q++;
			if (q < e && *q == ' ')
				q++;
			return q;
		}
	}
	return strip_unstamped(line, e);
}

static struct lp_record *push_record(struct lp_log *log)
{
	if (log->n == log->cap) {
		size_t cap = log->cap ? log->cap * 2 : 256;
		struct lp_record *r = realloc(log->recs, cap * sizeof(*r));

		if (!r) {
			log->oom = true;
			return NULL;
		}
		log->recs = r;
		log->cap = cap;
	}
	return &log->recs[log->n++];
}

static struct lp_region *push_region(struct lp_log *log)
{
	if (log->nregions == log->regions_cap) {
		size_t cap = log->regions_cap ? log->regions_cap * 2 : 256;
		struct lp_region *r = realloc(log->regions, cap * sizeof(*r));

		if (!r) {
			log->oom = true;
			return NULL;
		}
		log->regions = r;
		log->regions_cap = cap;
	}
	return &log->regions[log->nregions++];
}

/* " memory[0x3]\t[0x..-0x..], 0x.. bytes [on node N] flags: 0x.." */
static bool parse_dump_region(struct lp_cursor *c, struct lp_region *r)
{
	uint64_t idx, fl;
	long nid;

	if (!lp_hex(c, &idx, NULL) || !lp_eat(c, "]"))
		return false;
	lp_skip_spaces(c);
	if (!lp_eat(c, "[") || !lp_hex(c, &r->base, NULL) || !lp_eat(c, "-") ||
	    !lp_hex(c, &r->end, NULL) || !lp_eat(c, "],"))
		return false;
	lp_skip_spaces(c);
	if (!lp_hex(c, &r->size, NULL) || !lp_eat(c, " bytes"))
		return false;
	lp_skip_spaces(c);
	r->nid = LP_NO_NODE;
	if (lp_eat(c, "on node ")) {
		if (!lp_dec(c, &nid))
			return false;
		r->nid = (int)nid;
		lp_skip_spaces(c);
	}
	if (!lp_eat(c, "flags: ") || !lp_hex(c, &fl, NULL))
		return false;
	r->flags = (unsigned)fl;
	return true;
}

/* One line inside a dump block; false ends the block. */
static bool dump_line(struct lp_log *log, struct lp_record *d,
		      struct lp_cursor c)
{
	uint64_t v;
	struct lp_region reg, *slot;
	bool is_mem;

	lp_skip_spaces(&c);
	if (lp_eat(&c, "memory size = ")) {
		if (!lp_hex(&c, &d->mem_total, NULL) ||
		    !lp_eat(&c, " reserved size = ") ||
		    !lp_hex(&c, &d->rsv_total, NULL))
			return false;
		return true;
	}
	is_mem = lp_eat(&c, "memory.cnt");
	if (is_mem || lp_eat(&c, "reserved.cnt")) {
		lp_skip_spaces(&c);
		if (!lp_eat(&c, "=") ||
		    (lp_skip_spaces(&c), !lp_hex(&c, &v, NULL)))
			return false;
		if (is_mem)
			d->mem_cnt = (unsigned long)v;
		else
			d->rsv_cnt = (unsigned long)v;
		return true;
	}
	if (lp_eat(&c, "memory[")) {
		is_mem = true;
	} else if (lp_eat(&c, "reserved[")) {
		is_mem = false;
	} else {
		return false;
	}
	if (!parse_dump_region(&c, &reg))
		return false;
	slot = push_region(log);
	if (!slot)
		return false;
	*slot = reg;
	if (is_mem) {
		if (d->n_rsv)
			return false; /* memory after reserved: not a dump */
		d->n_mem++;
	} else {
		d->n_rsv++;
	}
	return true;
}

static bool memblockish(const char *msg, size_t len)
{
	struct lp_cursor c = {msg, msg + len};

	return lp_find(&c, "memblock") ||
	       (c.p = msg, lp_find(&c, "MEMBLOCK")) ||
	       (c.p = msg, lp_find(&c, "memory[")) ||
	       (c.p = msg, lp_find(&c, "reserved["));
}

int lp_parse(const char *buf, size_t len, struct lp_log *log)
{
	const char *p = buf, *e = buf + len;
	struct lp_record *dump = NULL;
	unsigned width_count[2] = {0, 0};

	memset(log, 0, sizeof(*log));
	while (p < e && !log->oom) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *end = nl ? nl : e, *msg;
		struct lp_record rec, *slot;
		size_t mlen;

		log->lines++;
		while (end > p && (end[-1] == '\r' || end[-1] == '\0'))
			end--;
		msg = lp_strip_prefix(p, (size_t)(end - p));
		mlen = (size_t)(end - msg);
		if (dump) {
			struct lp_cursor c = {msg, end};

			if (dump_line(log, dump, c)) {
				log->memblock_lines++;
				goto next;
			}
			dump->complete = dump->n_mem == dump->mem_cnt &&
					 dump->n_rsv == dump->rsv_cnt &&
					 dump->mem_cnt;
			dump = NULL;
		}
		{
			struct lp_cursor c = {msg, end};

			lp_skip_spaces(&c);
			if (lp_eat(&c, "MEMBLOCK configuration:")) {
				dump = push_record(log);
				if (!dump)
					break;
				memset(dump, 0, sizeof(*dump));
				dump->kind = LP_DUMP;
				dump->line = log->lines;
				dump->text = msg;
				dump->text_len = mlen;
				dump->nid = -1;
				dump->first_region = log->nregions;
				log->memblock_lines++;
				goto next;
			}
		}
		if (lp_parse_line(msg, mlen, &rec)) {
			rec.line = log->lines;
			if (rec.kind <= LP_DUMP) {
				log->memblock_lines++;
				if (rec.width == 8 || rec.width == 16)
					width_count[rec.width == 16]++;
			}
			slot = push_record(log);
			if (!slot)
				break;
			*slot = rec;
		}
		/* no newline after a kernel line: the file was cut there */
		if (!nl && (memblockish(msg, mlen) || msg != p || *p == '['))
			log->last_line_cut = true;
	next:
		if (!nl)
			break;
		p = nl + 1;
	}
	if (dump) {
		dump->complete = dump->n_mem == dump->mem_cnt &&
				 dump->n_rsv == dump->rsv_cnt && dump->mem_cnt;
		if (!dump->complete && !(len && buf[len - 1] == '\n'))
			log->last_line_cut = true;
	}
	if (width_count[0] || width_count[1])
		log->width = width_count[1] > width_count[0] ? 16 : 8;
	return log->oom ? -1 : 0;
}

void lp_free(struct lp_log *log)
{
	free(log->recs);
	free(log->regions);
	memset(log, 0, sizeof(*log));
}

const struct lp_region *lp_dump_region(const struct lp_log *log,
				       const struct lp_record *r, size_t i)
{
	if (r->kind != LP_DUMP || i >= r->n_mem + r->n_rsv ||
	    r->first_region + i >= log->nregions)
		return NULL;
	return &log->regions[r->first_region + i];
}
