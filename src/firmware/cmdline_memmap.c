/* SPDX-License-Identifier: BSD-2-Clause */
/* mem= and memmap=: the x86 map edits (and 32-bit ARM banks). */
#include <memblock/firmware/cmdline.h>

#include "cmdline_internal.h"

int mb_cl_parse_mem(struct cursor *c)
{
	struct mb_cmdline *cl = c->cl;
	struct mb_cmdline_range r = {0};
	int err;

	if (mb_cl_at_end(c))
		return mb_cl_fail(c, MB_CMDLINE_ENOVALUE);
	if (mb_cl_value_is(c, "nopentium")) {
		cl->mem_nopentium = true;
		return 0;
	}
	err = mb_cl_take_size(c, &r.size);
	if (err)
		return err;
	if (r.size == 0) {
		c->pos = 0;
		return mb_cl_fail(c, MB_CMDLINE_EZEROSIZE);
	}
	if (mb_cl_peek(c) == '@') {
		c->pos++;
		err = mb_cl_take_size(c, &r.start);
		if (err)
			return err;
		if (r.start + r.size < r.start)
			return mb_cl_fail(c, MB_CMDLINE_EWRAP);
		r.has_start = true;
	}
	err = mb_cl_expect_end(c);
	if (err)
		return err;
	if (cl->mem_ranges) {
		if (cl->mem_ranges_cnt >= cl->mem_ranges_cap) {
			c->pos = 0;
			return mb_cl_fail(c, MB_CMDLINE_ETOOMANY);
		}
		cl->mem_ranges[cl->mem_ranges_cnt++] = r;
	}
	cl->mem_count++;
	cl->mem_limit = r.size;
	if (cl->memmap_cap) {
		struct mb_memmap_op op = {.kind = MB_MEMMAP_LIMIT,
					  .size = r.size,
					  .from_mem = true};
		return mb_cl_push_op(c, &op);
	}
	return 0;
}

/* The nn%ss-old+new form (start already parsed into op). */
static int parse_memmap_retype(struct cursor *c, struct mb_memmap_op *op)
{
	uint64_t from = 0, to = 0;
	int err;

	if (mb_cl_peek(c) == '-') {
		c->pos++;
		err = mb_cl_take_uint(c, &from);
		if (err)
			return err;
	}
	if (mb_cl_peek(c) == '+') {
		c->pos++;
		err = mb_cl_take_uint(c, &to);
		if (err)
			return err;
	}
	if (from > UINT32_MAX || to > UINT32_MAX)
		return mb_cl_fail(c, MB_CMDLINE_EOVERFLOW);
	err = mb_cl_expect_end(c);
	if (err)
		return err;
	op->old_type = (uint32_t)from;
	op->type = (uint32_t)to;
	if (from && to)
		op->kind = MB_MEMMAP_UPDATE;
	else if (to)
		op->kind = MB_MEMMAP_ADD;
	else
		op->kind = MB_MEMMAP_REMOVE; /* old_type 0: any type */
	return 0;
}

/* One comma-separated memmap= item: see the header for the forms. */
static int parse_memmap_one(struct cursor *c)
{
	struct mb_memmap_op op = {.kind = MB_MEMMAP_ADD};
	char sep;
	int err;

	if (mb_cl_at_end(c))
		return mb_cl_fail(c, MB_CMDLINE_ENOVALUE);
	if (mb_cl_value_is(c, "exactmap")) {
		op.kind = MB_MEMMAP_EXACTMAP;
		return mb_cl_push_op(c, &op);
	}
	err = mb_cl_take_size(c, &op.size);
	if (err)
		return err;
	sep = mb_cl_peek(c);
	switch (sep) {
	case '\0':
		op.kind = MB_MEMMAP_LIMIT;
		return mb_cl_at_end(c) ? mb_cl_push_op(c, &op)
				       : mb_cl_fail(c, MB_CMDLINE_ESYNTAX);
	case '@':
		op.type = 1; /* usable RAM */
		break;
	case '$':
		op.type = 2; /* reserved */
		break;
	case '#':
		op.type = 3; /* ACPI data */
		break;
	case '!':
		op.type = 12; /* persistent (PRAM) */
		break;
	case '%':
		break;
	default:
		return mb_cl_fail(c, MB_CMDLINE_ESYNTAX);
	}
	c->pos++;
	err = mb_cl_take_size(c, &op.start);
	if (err)
		return err;
	if (op.start + op.size < op.start)
		return mb_cl_fail(c, MB_CMDLINE_EWRAP);
	err = sep == '%' ? parse_memmap_retype(c, &op) : mb_cl_expect_end(c);
	if (err)
		return err;
	return mb_cl_push_op(c, &op);
}

int mb_cl_parse_memmap(struct cursor *c)
{
	int first_err = 0;
	size_t start = 0;

	/* Items are split on ',' first, as the kernel does. */
	for (;;) {
		size_t end = start;
		struct cursor item;
		int err;

		while (end < c->len && c->s[end] != ',')
			end++;
		item = *c;
		item.s = c->s + start;
		item.len = end - start;
		item.off = c->off + start;
		item.pos = 0;
		err = parse_memmap_one(&item);
		if (err && !first_err)
			first_err = err;
		if (!err)
			c->cl->memmap_seen = true;
		if (end >= c->len)
			break;
		start = end + 1;
	}
	return first_err;
}
