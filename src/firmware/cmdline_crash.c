/* SPDX-License-Identifier: BSD-2-Clause */
/* cma=, initrd= and crashkernel= (all its forms). */
#include <memblock/firmware/cmdline.h>

#include "cmdline_internal.h"

int mb_cl_parse_cma(struct cursor *c)
{
	struct mb_cmdline *cl = c->cl;
	uint64_t size, base = 0, limit = 0;
	bool has_base = false, has_limit = false;
	int err;

	if (mb_cl_at_end(c))
		return mb_cl_fail(c, MB_CMDLINE_ENOVALUE);
	err = mb_cl_take_size(c, &size);
	if (err)
		return err;
	if (mb_cl_peek(c) == '@') {
		c->pos++;
		err = mb_cl_take_size(c, &base);
		if (err)
			return err;
		has_base = true;
		if (mb_cl_peek(c) == '-') {
			c->pos++;
			err = mb_cl_take_size(c, &limit);
			if (err)
				return err;
			has_limit = true;
		}
	}
	err = mb_cl_expect_end(c);
	if (err)
		return err;
	cl->cma_set = true;
	cl->cma_size = size;
	cl->cma_base = base;
	cl->cma_limit = limit;
	cl->cma_has_base = has_base;
	cl->cma_has_limit = has_limit;
	return 0;
}

int mb_cl_parse_initrd(struct cursor *c)
{
	uint64_t start, size;
	int err;

	if (mb_cl_at_end(c))
		return mb_cl_fail(c, MB_CMDLINE_ENOVALUE);
	err = mb_cl_take_size(c, &start);
	if (err)
		return err;
	if (mb_cl_peek(c) != ',')
		return mb_cl_fail(c, MB_CMDLINE_ESYNTAX);
	c->pos++;
	err = mb_cl_take_size(c, &size);
	if (err)
		return err;
	if (start + size < start)
		return mb_cl_fail(c, MB_CMDLINE_EWRAP);
	err = mb_cl_expect_end(c);
	if (err)
		return err;
	c->cl->initrd_set = true;
	c->cl->initrd_start = start;
	c->cl->initrd_size = size;
	return 0;
}

/* crashkernel=start-[end]:size[,start-[end]:size...][@offset] */
static int parse_crash_ranges(struct cursor *c)
{
	struct mb_cmdline *cl = c->cl;
	struct mb_cmdline_crash_range r[MB_CMDLINE_CRASH_RANGES];
	unsigned n = 0;
	uint64_t offset = 0;
	bool has_offset = false;
	int err;

	for (;;) {
		if (n == MB_CMDLINE_CRASH_RANGES)
			return mb_cl_fail(c, MB_CMDLINE_ETOOMANY);
		err = mb_cl_take_size(c, &r[n].start);
		if (err)
			return err;
		if (mb_cl_peek(c) != '-')
			return mb_cl_fail(c, MB_CMDLINE_ESYNTAX);
		c->pos++;
		r[n].end = UINT64_MAX; /* "start-:size" is open-ended */
		if (mb_cl_peek(c) != ':') {
			size_t at = c->pos;

			err = mb_cl_take_size(c, &r[n].end);
			if (err)
				return err;
			if (r[n].end <= r[n].start) {
				c->pos = at;
				return mb_cl_fail(c, MB_CMDLINE_ESYNTAX);
			}
		}
		if (mb_cl_peek(c) != ':')
			return mb_cl_fail(c, MB_CMDLINE_ESYNTAX);
		c->pos++;
		err = mb_cl_take_size(c, &r[n].size);
		if (err)
			return err;
		n++;
		if (mb_cl_peek(c) != ',')
			break;
		c->pos++;
	}
	if (mb_cl_peek(c) == '@') {
		c->pos++;
		err = mb_cl_take_size(c, &offset);
		if (err)
			return err;
		has_offset = true;
	}
	err = mb_cl_expect_end(c);
	if (err)
		return err;
	for (unsigned i = 0; i < n; i++)
		cl->crash_ranges[i] = r[i];
	cl->crash_nranges = n;
	cl->crash_set = true;
	cl->crash_high = false;
	cl->crash_size = 0;
	cl->crash_offset = offset;
	cl->crash_has_offset = has_offset;
	return 0;
}

int mb_cmdline_crash_size(const struct mb_cmdline *cl, mb_phys_t system_ram,
			  mb_phys_t *size)
{
	*size = 0;
	if (!cl->crash_set)
		return 0;
	if (cl->crash_nranges == 0) {
		*size = cl->crash_size;
		return 0;
	}
	for (unsigned i = 0; i < cl->crash_nranges; i++) {
		const struct mb_cmdline_crash_range *r = &cl->crash_ranges[i];

		if (r->size >= system_ram)
			return -MB_EINVAL;
		if (system_ram >= r->start && system_ram < r->end) {
			*size = r->size;
			return 0;
		}
	}
	return 0;
}

int mb_cl_parse_crashkernel(struct cursor *c)
{
	struct mb_cmdline *cl = c->cl;
	uint64_t size, offset = 0;
	bool has_offset = false;
	int err;

	if (mb_cl_at_end(c))
		return mb_cl_fail(c, MB_CMDLINE_ENOVALUE);
	for (size_t i = 0; i < c->len; i++)
		if (c->s[i] == ':')
			return parse_crash_ranges(c);
	err = mb_cl_take_size(c, &size);
	if (err)
		return err;
	if (mb_cl_peek(c) == ',') {
		struct cursor rest = *c;

		rest.pos++;
		rest.s += rest.pos;
		rest.off += rest.pos;
		rest.len -= rest.pos;
		rest.pos = 0;
		if (mb_cl_value_is(&rest, "low")) {
			cl->crash_low_set = true;
			cl->crash_low_size = size;
			return 0;
		}
		if (mb_cl_value_is(&rest, "high")) {
			cl->crash_set = true;
			cl->crash_high = true;
			cl->crash_nranges = 0;
			cl->crash_has_offset = false;
			cl->crash_size = size;
			return 0;
		}
		return mb_cl_fail(&rest, MB_CMDLINE_ESYNTAX);
	}
	if (mb_cl_peek(c) == '@') {
		c->pos++;
		err = mb_cl_take_size(c, &offset);
		if (err)
			return err;
		if (offset + size < offset)
			return mb_cl_fail(c, MB_CMDLINE_EWRAP);
		has_offset = true;
	}
	err = mb_cl_expect_end(c);
	if (err)
		return err;
	cl->crash_set = true;
	cl->crash_nranges = 0;
	cl->crash_has_offset = has_offset;
	cl->crash_high = false;
	cl->crash_size = size;
	cl->crash_offset = offset;
	return 0;
}
