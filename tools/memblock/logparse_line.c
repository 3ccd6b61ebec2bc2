/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One console message -> one record. Every matcher works on a bounded
 * cursor so that a line cut anywhere simply fails to match.
 */
#include <string.h>

#include "logparse.h"
#include "logparse_scan.h"

static void copy_text(char *dst, size_t cap, const char *s, const char *e)
{
	size_t n = (size_t)(e - s);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Rest of the line after optional spaces, trimmed, as the caller text. */
static void take_caller(struct lp_cursor *c, struct lp_record *rec)
{
	const char *e = c->e;

	lp_skip_spaces(c);
	while (e > c->p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	copy_text(rec->caller, sizeof(rec->caller), c->p, e);
	c->p = c->e;
}

static const struct {
	const char *name;
	enum lp_kind kind;
} range_names[] = {
	{"memblock_add", LP_ADD},
	{"memblock_add_node", LP_ADD_NODE},
	{"memblock_remove", LP_REMOVE},
	{"memblock_reserve", LP_RESERVE},
	{"memblock_phys_free", LP_PHYS_FREE},
	{"memblock_free", LP_PHYS_FREE},
	{"__memblock_free_early", LP_PHYS_FREE},
	{"memblock_free_early", LP_PHYS_FREE},
	{"memblock_free_late", LP_FREE_LATE},
	{"__memblock_free_late", LP_FREE_LATE},
};

static const struct {
	const char *name;
	enum lp_alloc_fn fn;
} alloc_names[] = {
	{"memblock_phys_alloc_range", LP_FN_PHYS_ALLOC_RANGE},
	{"memblock_alloc_try_nid", LP_FN_ALLOC_TRY_NID},
	{"memblock_alloc_try_nid_raw", LP_FN_ALLOC_TRY_NID_RAW},
	{"memblock_alloc_exact_nid_raw", LP_FN_ALLOC_EXACT_NID_RAW},
	{"memblock_virt_alloc_try_nid", LP_FN_VIRT_ALLOC_TRY_NID},
	{"memblock_virt_alloc_try_nid_nopanic",
	 LP_FN_VIRT_ALLOC_TRY_NID_NOPANIC},
};

/* "[0x<a>-0x<b>]" */
static bool parse_bracket_range(struct lp_cursor *c, struct lp_record *rec)
{
	int w = 0;

	if (!lp_eat(c, "[") || !lp_hex(c, &rec->base, &w) || !lp_eat(c, "-") ||
	    !lp_hex(c, &rec->end, NULL) || !lp_eat(c, "]"))
		return false;
	rec->width = w;
	rec->size = rec->end - rec->base + 1; /* wraps like the kernel's */
	return true;
}

/* "<fn>: [a-b] [nid=N flags=0xF] caller" */
static bool parse_range_line(struct lp_cursor *c, const char *name, size_t nlen,
			     struct lp_record *rec)
{
	size_t i;

	rec->kind = LP_RANGE_OTHER;
	for (i = 0; i < sizeof(range_names) / sizeof(range_names[0]); i++)
		if (strlen(range_names[i].name) == nlen &&
		    !memcmp(range_names[i].name, name, nlen))
			rec->kind = range_names[i].kind;
	if (!parse_bracket_range(c, rec))
		return false;
	if (rec->kind == LP_ADD_NODE) {
		long nid;
		uint64_t fl;

		lp_skip_spaces(c);
		if (!lp_eat(c, "nid=") || !lp_dec(c, &nid))
			return false;
		lp_skip_spaces(c);
		if (!lp_eat(c, "flags=") || !lp_hex(c, &fl, NULL))
			return false;
		rec->nid = (int)nid;
		rec->flags = (unsigned)fl;
	} else {
		/* 3.x/4.x kernels printed "flags 0x0" after the range */
		struct lp_cursor t = *c;
		uint64_t fl;

		if (lp_eat(&t, " flags ") && lp_hex(&t, &fl, NULL)) {
			rec->flags = (unsigned)fl;
			*c = t;
		}
	}
	if (c->p >= c->e || *c->p != ' ')
		return false; /* a cut line: the caller is missing */
	take_caller(c, rec);
	return rec->caller[0] != '\0';
}

/* "<fn>: N bytes align=0x.. [nid=N] from=0x.. max_addr=0x.. caller" */
static bool parse_alloc_line(struct lp_cursor *c, const char *name, size_t nlen,
			     struct lp_record *rec)
{
	size_t i;
	long v;

	rec->kind = LP_ALLOC;
	rec->fn = LP_FN_OTHER;
	for (i = 0; i < sizeof(alloc_names) / sizeof(alloc_names[0]); i++)
		if (strlen(alloc_names[i].name) == nlen &&
		    !memcmp(alloc_names[i].name, name, nlen))
			rec->fn = alloc_names[i].fn;
	if (!lp_dec(c, &v) || v < 0)
		return false;
	rec->size = (uint64_t)v;
	if (!lp_eat(c, " bytes align=") || !lp_hex(c, &rec->align, NULL))
		return false;
	lp_skip_spaces(c);
	rec->nid = -1;
	if (lp_eat(c, "nid=")) {
		if (!lp_dec(c, &v))
			return false;
		rec->nid = (int)v;
		rec->has_nid = true;
		lp_skip_spaces(c);
	}
	if (!lp_eat(c, "from=") || !lp_hex(c, &rec->from, &rec->width))
		return false;
	lp_skip_spaces(c);
	if (!lp_eat(c, "max_addr=") || !lp_hex(c, &rec->max_addr, NULL))
		return false;
	if (c->p >= c->e || *c->p != ' ')
		return false;
	take_caller(c, rec);
	return rec->caller[0] != '\0';
}

/* "memblock: <name> is doubled to <n> at [a-b]" / "Failed to double ..." */
static bool parse_double_line(struct lp_cursor *c, struct lp_record *rec)
{
	const char *s = c->p;
	long n;

	if (lp_eat(c, "Failed to double ")) {
		s = c->p;
		if (!lp_word(c))
			return false;
		copy_text(rec->name, sizeof(rec->name), s, c->p);
		if (!lp_eat(c, " array from ") || !lp_dec(c, &n))
			return false;
		rec->old_max = (unsigned long)n;
		if (!lp_eat(c, " to ") || !lp_dec(c, &n))
			return false;
		rec->new_max = (unsigned long)n;
		rec->kind = LP_DOUBLE_FAILED;
		return true;
	}
	if (!lp_word(c))
		return false;
	copy_text(rec->name, sizeof(rec->name), s, c->p);
	if (!lp_eat(c, " is doubled to ") || !lp_dec(c, &n))
		return false;
	rec->new_max = (unsigned long)n;
	rec->old_max = rec->new_max / 2;
	if (!lp_eat(c, " at ") || !parse_bracket_range(c, rec))
		return false;
	rec->kind = LP_DOUBLED;
	return true;
}

/* "[mem 0x<a>-0x<b>]" with optional spaces before it. */
static bool parse_mem_range(struct lp_cursor *c, struct lp_record *rec)
{
	lp_skip_spaces(c);
	if (!lp_eat(c, "[mem ") || !lp_hex(c, &rec->base, &rec->width) ||
	    !lp_eat(c, "-") || !lp_hex(c, &rec->end, NULL) || !lp_eat(c, "]"))
		return false;
	rec->size = rec->end - rec->base + 1;
	return true;
}

static bool parse_zone_or_node(struct lp_cursor *c, struct lp_record *rec)
{
	const char *s;
	long nid;

	if (c->p >= c->e || *c->p != ' ')
		return false;
	lp_skip_spaces(c);
	if (lp_eat(c, "node ")) {
		lp_skip_spaces(c);
		if (!lp_dec(c, &nid) || !lp_eat(c, ":") ||
		    !parse_mem_range(c, rec))
			return false;
		rec->nid = (int)nid;
		rec->kind = LP_CTX_NODE_RANGE;
		return true;
	}
	s = c->p;
	if (!lp_word(c))
		return false;
	copy_text(rec->name, sizeof(rec->name), s, c->p);
	if (strcmp(rec->name, "DMA") && strcmp(rec->name, "DMA32") &&
	    strcmp(rec->name, "Normal") && strcmp(rec->name, "HighMem") &&
	    strcmp(rec->name, "Movable") && strcmp(rec->name, "Device"))
		return false;
	rec->kind = LP_CTX_ZONE;
	lp_skip_spaces(c);
	if (lp_eat(c, "empty")) {
		rec->empty = true;
		return true;
	}
	return parse_mem_range(c, rec);
}

static bool parse_srat(struct lp_cursor *c, struct lp_record *rec)
{
	long nid, pxm;

	if (!lp_dec(c, &nid) || !lp_eat(c, " PXM ") || !lp_dec(c, &pxm) ||
	    !parse_mem_range(c, rec))
		return false;
	rec->nid = (int)nid;
	rec->kind = LP_CTX_SRAT;
	rec->hotplug = lp_find(c, "hotplug");
	return true;
}

static bool parse_node_data(struct lp_cursor *c, struct lp_record *rec)
{
	long nid = -1;

	rec->kind = LP_CTX_NODE_DATA;
	if (lp_eat(c, "(")) {
		if (!lp_dec(c, &nid) || !lp_eat(c, ")"))
			return false;
		if (!lp_find(c, "allocated"))
			return false;
	}
	rec->nid = (int)nid;
	return parse_mem_range(c, rec);
}

static bool parse_cma(struct lp_cursor *c, struct lp_record *rec)
{
	long n;

	if (!lp_dec(c, &n) || n < 0)
		return false;
	lp_skip_spaces(c);
	if (lp_eat(c, "MiB"))
		rec->size = (uint64_t)n << 20;
	else if (lp_eat(c, "KiB"))
		rec->size = (uint64_t)n << 10;
	else
		return false;
	if (!lp_eat(c, " at ") || !lp_hex(c, &rec->base, &rec->width))
		return false;
	rec->end = rec->base + rec->size - 1;
	rec->kind = LP_CTX_CMA;
	return true;
}

/* "hugetlb_cma: reserved N MiB on node X": one per-node CMA area. */
static bool parse_hugetlb_cma(struct lp_cursor *c, struct lp_record *rec)
{
	long n, nid;

	if (!lp_dec(c, &n) || n < 0 || !lp_eat(c, " MiB on node ") ||
	    !lp_dec(c, &nid) || nid < 0)
		return false;
	rec->size = (uint64_t)n << 20;
	rec->nid = (int)nid;
	rec->kind = LP_CTX_HUGETLB_CMA;
	return true;
}

/* "** N printk messages dropped **": printk lost N records here (the
 * ring buffer wrapped before a console printed them, e.g. PREEMPT_RT). */
static bool parse_dropped(struct lp_cursor *c, struct lp_record *rec)
{
	long n;

	if (!lp_dec(c, &n) || n < 0 ||
	    !lp_eat(c, " printk messages dropped **"))
		return false;
	rec->size = (uint64_t)n;
	rec->kind = LP_CTX_DROPPED;
	return true;
}

/* Context lines identified by their start; a few also parse numbers. */
static bool parse_context(struct lp_cursor *c, struct lp_record *rec)
{
	struct lp_cursor t = *c;

	if (lp_eat(&t, "** "))
		return parse_dropped(&t, rec);
	if (lp_eat(&t, "Kernel command line: ") ||
	    lp_eat(&t, "Command line: ")) {
		rec->kind = LP_CTX_CMDLINE;
		return true;
	}
	if (lp_eat(&t, "BIOS-e820: ") || lp_eat(&t, "user: ") ||
	    lp_eat(&t, "e820: [mem")) {
		if (t.p[-1] == 'm')
			t.p -= 5;
		if (!parse_mem_range(&t, rec))
			return false;
		lp_skip_spaces(&t);
		copy_text(rec->name, sizeof(rec->name), t.p, t.e);
		rec->kind = LP_CTX_E820;
		return true;
	}
	if (lp_eat(&t, "ACPI: SRAT: Node "))
		return parse_srat(&t, rec);
	if (lp_eat(&t, "NUMA: NODE_DATA") || lp_eat(&t, "NODE_DATA"))
		return parse_node_data(&t, rec);
	if (lp_eat(&t, "NUMA: ") || lp_eat(&t, "No NUMA configuration found") ||
	    lp_eat(&t, "Faking a node at ")) {
		rec->kind = LP_CTX_NUMA;
		return true;
	}
	if (lp_eat(&t, "cma: Reserved "))
		return parse_cma(&t, rec);
	if (lp_eat(&t, "hugetlb_cma: reserved "))
		return parse_hugetlb_cma(&t, rec);
	if (lp_eat(&t, "Memory: ")) {
		rec->kind = LP_CTX_MEMORY;
		return true;
	}
	if (lp_eat(&t, "Built ") && lp_find(&t, "Total pages: ")) {
		long n;

		if (!lp_dec(&t, &n))
			return false;
		rec->size = (uint64_t)n;
		rec->kind = LP_CTX_TOTAL_PAGES;
		return true;
	}
	if (lp_eat(&t, "percpu: ")) {
		rec->kind = LP_CTX_PERCPU;
		return true;
	}
	if (lp_find(&t, "Machine model: ") || lp_eat(&t, "DMI: ")) {
		rec->kind = LP_CTX_MACHINE;
		return true;
	}
	t = *c;
	if (lp_eat(&t, "last_pfn = ") && lp_hex(&t, &rec->base, NULL)) {
		rec->kind = LP_CTX_LAST_PFN;
		return true;
	}
	t = *c;
	if (lp_eat(&t, "crashkernel reserved: ")) {
		if (!lp_hex(&t, &rec->base, &rec->width) ||
		    !lp_eat(&t, " - ") || !lp_hex(&t, &rec->end, NULL))
			return false;
		rec->size = rec->end - rec->base;
		rec->end -= 1;
		rec->kind = LP_CTX_CRASHKERNEL;
		return true;
	}
	if (lp_eat(&t, "ACPI: ")) {
		rec->kind = LP_CTX_ACPI;
		return true;
	}
	if (lp_eat(&t, "efi: ")) {
		rec->kind = LP_CTX_EFI;
		return true;
	}
	if (lp_eat(&t, "Linux version ")) {
		rec->kind = LP_CTX_LINUX_VERSION;
		return true;
	}
	return parse_zone_or_node(&t, rec);
}

bool lp_parse_line(const char *msg, size_t len, struct lp_record *rec)
{
	struct lp_cursor c = {msg, msg + len};
	const char *name;
	size_t nlen;

	memset(rec, 0, sizeof(*rec));
	rec->text = msg;
	rec->text_len = len;
	rec->nid = -1;
	if (lp_eat(&c, "memblock: "))
		return parse_double_line(&c, rec);
	name = c.p;
	if (lp_ident(&c) &&
	    ((c.p - name >= 9 && !memcmp(name, "memblock_", 9)) ||
	     (c.p - name >= 11 && !memcmp(name, "__memblock_", 11)))) {
		nlen = (size_t)(c.p - name);
		if (!lp_eat(&c, ": "))
			return false;
		copy_text(rec->func, sizeof(rec->func), name, c.p - 2);
		if (c.p < c.e && *c.p == '[')
			return parse_range_line(&c, name, nlen, rec);
		if (c.p < c.e && *c.p >= '0' && *c.p <= '9')
			return parse_alloc_line(&c, name, nlen, rec);
		return false;
	}
	c.p = msg;
	return parse_context(&c, rec);
}
