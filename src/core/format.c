/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The text of one memblock=debug line, exactly as Linux prints it (6.1
 * names by default, 4.x names with MB_STYLE_LINUX_4).
 */
#include <memblock/memblock.h>

/* Width of %pa: 8 hex digits for a 32-bit phys_addr_t, 16 for 64-bit. */
static int pa_digits(const struct memblock *mb)
{
	return mb->profile.phys_bits <= 32 ? 8 : 16;
}

static mb_phys_t pa_mask(const struct memblock *mb)
{
	return mb->profile.phys_bits <= 32 ? 0xffffffffULL : ~0ULL;
}

/* The last byte of [base, base+size): wraps like the kernel's phys_addr_t
 * arithmetic, so size 0 prints base - 1. */
static unsigned long long range_end(const struct memblock *mb,
				    const struct mb_event *ev)
{
	return (ev->base + ev->size - 1) & pa_mask(mb);
}

/*
 * %pS text of the internal allocator's own memblock_reserve, per kernel
 * build. Each entry is taken from a real log:
 *  arm32 6.1: shared/logs/arm_vexpress_*.log, arm_virt_512M_smp1.log
 *  arm64 6.1: shared/logs/arm64_virt_*.log
 *  x86_64 6.1: shared/logs/x86_*.log
 *  arm32 4.x: the seed's log (memblock-and-bootmem.md)
 */
struct alloc_caller {
	const char *profile;
	enum mb_trace_style style;
	const char *sym;
};

static const struct alloc_caller alloc_callers[] = {
	{"arm32", MB_STYLE_LINUX_6, "memblock_alloc_range_nid+0xd0/0x168"},
	{"arm64", MB_STYLE_LINUX_6, "memblock_alloc_range_nid+0xe8/0x17c"},
	{"x86_64", MB_STYLE_LINUX_6, "memblock_alloc_range_nid+0xb0/0x13d"},
	{"arm32", MB_STYLE_LINUX_4, "memblock_alloc_range_nid+0x44/0x5c"},
};

/* strcmp is not among the freestanding functions the core may use. */
static bool same_name(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static const char *default_alloc_caller(const struct memblock *mb)
{
	const char *name = mb->profile.name ? mb->profile.name : "";

	for (size_t i = 0; i < sizeof(alloc_callers) / sizeof(alloc_callers[0]);
	     i++) {
		if (alloc_callers[i].style == mb->style &&
		    same_name(alloc_callers[i].profile, name))
			return alloc_callers[i].sym;
	}
	return "memblock_alloc_range_nid";
}

static const char *caller_text(const struct memblock *mb,
			       const struct mb_event *ev, char *buf, size_t len)
{
	switch (ev->caller_kind) {
	case MB_CALLER_SYMBOL:
		if (ev->caller_sym)
			return ev->caller_sym;
		break;
	case MB_CALLER_VIRT_ALLOC:
		if (mb->style == MB_STYLE_LINUX_4)
			return mb->virt_alloc_caller_sym
				       ? mb->virt_alloc_caller_sym
				       : "memblock_virt_alloc_internal+0xec/"
					 "0x1cc";
		/* 6.x has no virt allocator: same as the range allocator */
		/* fall through */
	case MB_CALLER_ALLOC_RANGE:
		return mb->alloc_caller_sym ? mb->alloc_caller_sym
					    : default_alloc_caller(mb);
	case MB_CALLER_ADDR:
		break;
	}
	if (ev->caller_sym)
		return ev->caller_sym;
	if (mb->env.symbolize &&
	    mb->env.symbolize(mb->env.ctx, ev->caller, buf, len))
		return buf;
	mb_snprintf(buf, len, "0x%llx", (unsigned long long)ev->caller);
	return buf;
}

static const char *request_name(const struct memblock *mb,
				const struct mb_event *ev)
{
	if (mb->style == MB_STYLE_LINUX_4)
		return ev->nopanic ? "memblock_virt_alloc_try_nid_nopanic"
				   : "memblock_virt_alloc_try_nid";
	switch (ev->kind) {
	case MB_EV_ALLOC_TRY_NID_RAW:
		return "memblock_alloc_try_nid_raw";
	case MB_EV_ALLOC_EXACT_NID_RAW:
		return "memblock_alloc_exact_nid_raw";
	default:
		return "memblock_alloc_try_nid";
	}
}

static const char *range_name(const struct memblock *mb,
			      enum mb_event_kind kind)
{
	switch (kind) {
	case MB_EV_ADD:
		return "memblock_add";
	case MB_EV_REMOVE:
		return "memblock_remove";
	case MB_EV_RESERVE:
		return "memblock_reserve";
	default:
		return mb->style == MB_STYLE_LINUX_4 ? "__memblock_free_early"
						     : "memblock_phys_free";
	}
}

size_t mb_format_event(const struct memblock *mb, const struct mb_event *ev,
		       char *buf, size_t len)
{
	char sym[128];
	const int w = pa_digits(mb);
	const mb_phys_t m = pa_mask(mb);
	const unsigned long long base = ev->base & m, end = range_end(mb, ev);
	int n = 0;

	switch (ev->kind) {
	case MB_EV_ADD:
	case MB_EV_REMOVE:
	case MB_EV_RESERVE:
	case MB_EV_PHYS_FREE:
		if (ev->kind == MB_EV_PHYS_FREE &&
		    mb->style == MB_STYLE_LINUX_4)
			/* 4.x printed this one with %#016llx, not %pa */
			n = mb_snprintf(buf, len, "%s: [%#016llx-%#016llx] %s",
					range_name(mb, ev->kind), base, end,
					caller_text(mb, ev, sym, sizeof(sym)));
		else
			n = mb_snprintf(buf, len, "%s: [0x%0*llx-0x%0*llx] %s",
					range_name(mb, ev->kind), w, base, w,
					end,
					caller_text(mb, ev, sym, sizeof(sym)));
		break;
	case MB_EV_ADD_NODE:
		n = mb_snprintf(buf, len,
				"memblock_add_node: [0x%0*llx-0x%0*llx] nid=%d "
				"flags=%x %s",
				w, base, w, end, ev->nid, ev->flags,
				caller_text(mb, ev, sym, sizeof(sym)));
		break;
	case MB_EV_PHYS_ALLOC_RANGE:
		n = mb_snprintf(
			buf, len,
			"memblock_phys_alloc_range: %llu bytes align=0x%llx "
			"from=0x%0*llx max_addr=0x%0*llx %s",
			(unsigned long long)ev->size,
			(unsigned long long)ev->align, w,
			(unsigned long long)(ev->min & m), w,
			(unsigned long long)(ev->max & m),
			caller_text(mb, ev, sym, sizeof(sym)));
		break;
	case MB_EV_ALLOC_TRY_NID:
	case MB_EV_ALLOC_TRY_NID_RAW:
	case MB_EV_ALLOC_EXACT_NID_RAW:
		if (mb->style == MB_STYLE_LINUX_4)
			/* 4.x printed from/max_addr with plain %llx */
			n = mb_snprintf(buf, len,
					"%s: %llu bytes align=0x%llx nid=%d "
					"from=0x%llx max_addr=0x%llx %s",
					request_name(mb, ev),
					(unsigned long long)ev->size,
					(unsigned long long)ev->align, ev->nid,
					(unsigned long long)(ev->min & m),
					(unsigned long long)(ev->max & m),
					caller_text(mb, ev, sym, sizeof(sym)));
		else
			n = mb_snprintf(buf, len,
					"%s: %llu bytes align=0x%llx nid=%d "
					"from=0x%0*llx max_addr=0x%0*llx %s",
					request_name(mb, ev),
					(unsigned long long)ev->size,
					(unsigned long long)ev->align, ev->nid,
					w, (unsigned long long)(ev->min & m), w,
					(unsigned long long)(ev->max & m),
					caller_text(mb, ev, sym, sizeof(sym)));
		break;
	case MB_EV_DOUBLED:
		/* base/size: the new array's physical range */
		n = mb_snprintf(
			buf, len,
			"memblock: %s is doubled to %ld at [0x%0*llx-0x%0*llx]",
			ev->name ? ev->name : "", (long)ev->new_max, w, base, w,
			end);
		break;
	case MB_EV_DOUBLE_FAILED:
		n = mb_snprintf(buf, len,
				"memblock: Failed to double %s array from %ld "
				"to %ld entries !",
				ev->name ? ev->name : "", (long)ev->old_max,
				(long)ev->new_max);
		break;
	case MB_EV_MESSAGE:
	default:
		n = mb_snprintf(buf, len, "%s", ev->name ? ev->name : "");
		break;
	}
	if (len == 0)
		return 0;
	return (size_t)n < len ? (size_t)n : len - 1;
}
