/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the log's own lines tell about the machine and its phases, read
 * from lines other than the ones being checked: the profile (address
 * width, x86 / arm64 markers, 4.x names), the x86 current_limit switch,
 * movable_node, the NUMA init point, HighMem and ZONE_DMA bounds, and the
 * kind of request behind each result-only reserve line.
 */
#include <string.h>

#include "replay.h"

static bool has_prefix(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}

bool rp_is_alloc_result(const struct lp_record *r)
{
	return r->kind == LP_RESERVE &&
	       (has_prefix(r->caller, "memblock_alloc_range_nid") ||
		has_prefix(r->caller, "memblock_virt_alloc_internal") ||
		has_prefix(r->caller, "memblock_alloc_internal"));
}

bool rp_is_double_reserve(const struct lp_record *r)
{
	return r->kind == LP_RESERVE &&
	       has_prefix(r->caller, "memblock_double_array");
}

size_t rp_next_dump(const struct lp_log *log, size_t from)
{
	size_t i;

	for (i = from; i < log->n; i++)
		if (log->recs[i].kind == LP_DUMP)
			return i;
	return RP_NONE;
}

static bool text_has(const struct lp_record *r, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= r->text_len; i++)
		if (!memcmp(r->text + i, s, n))
			return true;
	return false;
}

static bool is_x86_log(const struct lp_log *log)
{
	size_t i;

	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_CTX_E820 || r->kind == LP_CTX_LAST_PFN)
			return true;
		if (r->kind <= LP_ALLOC &&
		    (has_prefix(r->caller, "e820__") ||
		     has_prefix(r->caller, "reserve_real_mode") ||
		     has_prefix(r->caller, "smp_scan_config")))
			return true;
	}
	return false;
}

/* 32-bit ARM kernels name their own early callers; LPAE kernels print
 * 16-digit addresses, so the width alone cannot tell them from arm64. */
static bool is_arm32_log(const struct lp_log *log)
{
	static const char *const callers[] = {
		"arm_memblock_init", "arm_mm_memblock_reserve",
		"iotable_init",	     "vm_reserve_area_early",
		"arm_add_memory",    "early_alloc+",
	};
	size_t i, k;

	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind > LP_ALLOC)
			continue;
		for (k = 0; k < sizeof(callers) / sizeof(callers[0]); k++)
			if (has_prefix(r->caller, callers[k]))
				return true;
	}
	return false;
}

static bool is_4x_log(const struct lp_log *log)
{
	size_t i;

	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if ((r->kind == LP_ALLOC &&
		     (r->fn == LP_FN_VIRT_ALLOC_TRY_NID ||
		      r->fn == LP_FN_VIRT_ALLOC_TRY_NID_NOPANIC)) ||
		    (r->kind == LP_PHYS_FREE &&
		     !strcmp(r->func, "__memblock_free_early")))
			return true;
	}
	return false;
}

/* The NUMA init point: the first NUMA message, or the first NODE_DATA
 * result line (its "NODE_DATA(n) allocated" message comes after it). */
static size_t find_numa_point(const struct lp_log *log)
{
	size_t i;
	int nid;

	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_CTX_NUMA || r->kind == LP_CTX_NODE_DATA)
			return i;
		if (rp_is_alloc_result(r) &&
		    rp_infer_kind(log, i, &nid) == RP_INFER_NODE_DATA)
			return i;
	}
	return RP_NONE;
}

/*
 * x86 sets node ids (memory, and reserved by the node ranges) in
 * numa_register_memblks(), right before it allocates each NODE_DATA; what
 * numa_init() allocates before that (numa=fake's distance table) is
 * reserved without a node and only then gets one. So the ids take effect
 * at the first NODE_DATA allocation. Elsewhere: at the NUMA point.
 */
static size_t find_nid_point(const struct lp_log *log, bool x86,
			     size_t numa_point)
{
	size_t i;
	int nid;

	if (!x86 || numa_point == RP_NONE)
		return numa_point;
	for (i = numa_point; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_DUMP)
			break;
		if (r->kind == LP_CTX_NODE_DATA ||
		    (rp_is_alloc_result(r) &&
		     rp_infer_kind(log, i, &nid) == RP_INFER_NODE_DATA))
			return i;
	}
	return numa_point;
}

/* x86: current_limit is 1 MiB until init_mem_mapping() has mapped RAM;
 * the first line of the next phase (ACPI tables, NUMA, zones, or a
 * virtual allocation request) after the first dump marks the switch. */
static size_t find_x86_limit_point(const struct lp_log *log, size_t from)
{
	size_t i;

	for (i = from == RP_NONE ? 0 : from; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		switch (r->kind) {
		case LP_CTX_ACPI:
		case LP_CTX_SRAT:
		case LP_CTX_NUMA:
		case LP_CTX_NODE_DATA:
		case LP_CTX_ZONE:
			return i;
		case LP_ALLOC:
			if (r->fn != LP_FN_PHYS_ALLOC_RANGE)
				return i;
			break;
		default:
			break;
		}
	}
	return RP_NONE;
}

/*
 * arm32 without a HighMem zone line: the default 3G/1G split with the
 * default vmalloc area leaves 768 MiB of lowmem above the start of RAM.
 */
static mb_phys_t default_lowmem_end(const struct lp_log *log, size_t d)
{
	const struct lp_record *dump;
	const struct lp_region *first, *last;
	mb_phys_t end;

	if (d == RP_NONE || !log->recs[d].n_mem)
		return 0;
	dump = &log->recs[d];
	first = lp_dump_region(log, dump, 0);
	last = lp_dump_region(log, dump, dump->n_mem - 1);
	end = last->base + last->size;
	return end - first->base > 0x30000000 ? first->base + 0x30000000 : 0;
}

/* arm64 kernels with 16 or 64 KiB pages: early page tables are one page
 * each, so early_pgtable_alloc's request size is PAGE_SIZE. */
static mb_phys_t arm64_page_size(const struct lp_log *log, mb_phys_t dflt)
{
	size_t i;

	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_ALLOC &&
		    has_prefix(r->caller, "early_pgtable_alloc") &&
		    (r->size == 4096 || r->size == 16384 || r->size == 65536))
			return r->size;
	}
	return dflt;
}

/* memparse(): a C number (0x.., 0.. octal, decimal) and an optional
 * binary suffix K M G T P E. */
static mb_phys_t parse_size(const char *p, const char *end)
{
	static const char suffix[] = "KMGTPE";
	unsigned base = 10, shift = 0, k;
	mb_phys_t v = 0;

	if (p + 1 < end && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p < end && p[0] == '0') {
		base = 8;
	}
	for (; p < end; p++) {
		unsigned d;

		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (base == 16 && *p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (base == 16 && *p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			break;
		if (d >= base)
			break;
		v = v * base + d;
	}
	for (k = 0; p < end && k < sizeof(suffix) - 1; k++)
		if ((*p & ~0x20) == suffix[k])
			shift = 10 * (k + 1);
	return v << shift;
}

/* The last "mem=" parameter of a command line (the last one wins). */
static mb_phys_t cmdline_mem(const struct lp_record *r)
{
	const char *t = r->text, *end = r->text + r->text_len;
	mb_phys_t v = 0;
	size_t i;

	for (i = 0; i + 4 <= r->text_len; i++)
		if (!memcmp(t + i, "mem=", 4) &&
		    (i == 0 || t[i - 1] == ' ' || t[i - 1] == ':'))
			v = parse_size(t + i + 4, end);
	return v;
}

/*
 * arm64 applies mem= in arm64_memblock_init() with the untraced
 * memblock_mem_limit_remove_map(), and only then (and only when a limit
 * is set) adds the kernel image back with a traced memblock_add: the cut
 * lies right before that add.
 */
static size_t find_arm64_limit_point(const struct lp_log *log)
{
	size_t i;

	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_ADD &&
		    has_prefix(r->caller, "arm64_memblock_init"))
			return i;
	}
	return RP_NONE;
}

/* Dominant address width of the memblock lines of this (part of a) log. */
static int view_width(const struct lp_log *log)
{
	size_t i, n8 = 0, n16 = 0;

	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind > LP_DUMP)
			continue;
		n8 += r->width == 8;
		n16 += r->width == 16;
	}
	if (!n8 && !n16)
		return log->width;
	return n16 > n8 ? 16 : 8;
}

int rp_context_scan(const struct lp_log *log, const struct mb_profile *forced,
		    struct rp_context *ctx)
{
	bool normal = false;
	size_t i;

	memset(ctx, 0, sizeof(*ctx));
	ctx->is_x86 = is_x86_log(log);
	if (forced) {
		ctx->profile = forced;
	} else if (view_width(log) == 8 ||
		   (!ctx->is_x86 && is_arm32_log(log))) {
		ctx->profile = &mb_profile_arm32;
	} else {
		ctx->profile =
			ctx->is_x86 ? &mb_profile_x86_64 : &mb_profile_arm64;
	}
	ctx->prof = *ctx->profile;
	ctx->profile = &ctx->prof;
	if (!forced && ctx->prof.phys_bits == 32 && view_width(log) == 16)
		ctx->prof.phys_bits = 64; /* arm32 LPAE: 64-bit phys_addr_t */
	ctx->is_x86 = !strcmp(ctx->profile->name, "x86_64");
	ctx->is_arm32 = !strcmp(ctx->profile->name, "arm32");
	ctx->is_arm64 = !ctx->is_x86 && !ctx->is_arm32;
	ctx->style = is_4x_log(log) ? MB_STYLE_LINUX_4 : MB_STYLE_LINUX_6;
	if (ctx->is_arm64 && !forced)
		ctx->prof.page_size = arm64_page_size(log, ctx->prof.page_size);
	ctx->first_dump = rp_next_dump(log, 0);
	ctx->numa_point = find_numa_point(log);
	ctx->nid_point = find_nid_point(log, ctx->is_x86, ctx->numa_point);
	ctx->limit_point = ctx->is_x86
				   ? find_x86_limit_point(log, ctx->first_dump)
				   : RP_NONE;
	ctx->trim_dump = RP_NONE;
	for (i = 0; i < log->n; i++) {
		const struct lp_record *r = &log->recs[i];

		if (r->kind == LP_CTX_CMDLINE && text_has(r, "movable_node"))
			ctx->movable_node = true;
		if (r->kind == LP_CTX_CMDLINE && cmdline_mem(r))
			ctx->mem_limit = cmdline_mem(r);
		if (r->kind == LP_CTX_ZONE && !r->empty &&
		    !strcmp(r->name, "HighMem") && !ctx->lowmem_end)
			ctx->lowmem_end = r->base;
		if (r->kind == LP_CTX_ZONE && !r->empty &&
		    !strcmp(r->name, "DMA") && !ctx->dma_limit)
			ctx->dma_limit = r->end + 1;
		if (r->kind == LP_CTX_ZONE && !r->empty &&
		    !strcmp(r->name, "Normal"))
			normal = true;
		/* x86 trims memory to pages at the end of e820 setup */
		if (ctx->is_x86 && ctx->trim_dump == RP_NONE &&
		    r->kind == LP_ADD && has_prefix(r->caller, "e820__"))
			ctx->trim_dump = rp_next_dump(log, i);
	}
	if (ctx->is_x86 && ctx->trim_dump == RP_NONE)
		ctx->trim_dump = ctx->first_dump;
	ctx->mem_limit_point = RP_NONE;
	if (ctx->is_arm64 && ctx->mem_limit)
		ctx->mem_limit_point = find_arm64_limit_point(log);
	/*
	 * arm32 hands CMA its arm_dma_limit: the end of ZONE_DMA when the
	 * machine sizes one (ZONE_Normal then starts above it), else
	 * 0xffffffff; without ZONE_DMA it is ~0 (no limit).
	 */
	if (ctx->is_arm32)
		ctx->arm_dma_limit = !ctx->dma_limit ? ~(mb_phys_t)0
				     : normal	     ? ctx->dma_limit - 1
						     : 0xffffffffu;
	if (ctx->is_arm32 && !ctx->lowmem_end)
		ctx->lowmem_end = default_lowmem_end(log, ctx->first_dump);
	return 0;
}

/*
 * The CMA line at @j: hugetlb_cma's per-node areas say so right after it
 * ("hugetlb_cma: reserved N MiB on node X"): node X exactly, and no arch
 * limit (hugetlb_cma_reserve() passes 0). Otherwise the arch's area.
 */
static enum rp_infer cma_kind(const struct lp_log *log, size_t j, int *nid)
{
	size_t k;

	for (k = j + 1; k < log->n && k <= j + 2; k++) {
		const struct lp_record *n = &log->recs[k];

		if (n->kind <= LP_DUMP)
			break;
		if (n->kind == LP_CTX_HUGETLB_CMA &&
		    n->size == log->recs[j].size) {
			*nid = n->nid;
			return RP_INFER_HUGETLB_CMA;
		}
	}
	return RP_INFER_CMA;
}

/* Look at the few context lines after result line @i. */
enum rp_infer rp_infer_kind(const struct lp_log *log, size_t i, int *nid)
{
	const struct lp_record *r = &log->recs[i];
	bool cma_run;
	size_t j;

	*nid = MB_NUMA_NO_NODE;
	/* 6.1's CMA can print two results for one area (a HighMem try that
	 * stays reserved, then the area): look past same-size results. */
	for (j = i + 1; j < log->n && rp_is_alloc_result(&log->recs[j]) &&
			log->recs[j].size == r->size;
	     j++)
		;
	cma_run = j < log->n && log->recs[j].kind == LP_CTX_CMA &&
		  log->recs[j].size == r->size && j - i <= 3;
	if (cma_run)
		return cma_kind(log, j, nid);
	for (j = i + 1; j < log->n && j <= i + 3; j++) {
		const struct lp_record *n = &log->recs[j];

		if (n->kind <= LP_DUMP && n->kind != LP_DOUBLED &&
		    !rp_is_double_reserve(n))
			break; /* the next memblock operation */
		if (n->kind == LP_CTX_NODE_DATA) {
			*nid = n->nid;
			return RP_INFER_NODE_DATA;
		}
		if (n->kind == LP_CTX_CMA && n->size == r->size)
			return cma_kind(log, j, nid);
	}
	return RP_INFER_GENERIC;
}
