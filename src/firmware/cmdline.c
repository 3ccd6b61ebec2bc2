/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel command line: split into parameters (whitespace, double quotes,
 * "--" ends the kernel's part) and hand each known one to its handler.
 */
#include <memblock/firmware/cmdline.h>

#include <string.h>

#include "cmdline_internal.h"

/* A value being parsed: bytes [0, len) of s; s[0] is at line offset off. */
struct cursor {
	const char *s;
	size_t len, pos, off, param_off;
	struct mb_cmdline *cl;
};

static int status_to_code(enum mb_cmdline_status st)
{
	switch (st) {
	case MB_CMDLINE_OK:
		return 0;
	case MB_CMDLINE_EOVERFLOW:
	case MB_CMDLINE_EWRAP:
		return -MB_ERANGE;
	case MB_CMDLINE_ETOOMANY:
		return -MB_ENOSPC;
	default:
		return -MB_EINVAL;
	}
}

static int fail(struct cursor *c, enum mb_cmdline_status st)
{
	struct mb_cmdline *cl = c->cl;

	if (cl->nerrors++ == 0) {
		cl->error.status = st;
		cl->error.offset = c->off + c->pos;
		cl->error.param_offset = c->param_off;
	}
	return status_to_code(st);
}

static bool at_end(const struct cursor *c)
{
	return c->pos >= c->len;
}

static char peek(const struct cursor *c)
{
	return at_end(c) ? '\0' : c->s[c->pos];
}

/* memparse at the cursor; on error the cursor points at the bad text. */
static int take_size(struct cursor *c, uint64_t *out)
{
	size_t used;
	int err = mb_memparse(c->s + c->pos, c->len - c->pos, &used, out);

	if (err == -MB_EINVAL)
		return fail(c, MB_CMDLINE_ENONUMBER);
	if (err)
		return fail(c, MB_CMDLINE_EOVERFLOW);
	c->pos += used;
	return 0;
}

static int take_uint(struct cursor *c, uint64_t *out)
{
	size_t used;
	int err = mb_cl_parse_uint(c->s + c->pos, c->len - c->pos, &used, out);

	if (err == -MB_EINVAL)
		return fail(c, MB_CMDLINE_ENONUMBER);
	if (err)
		return fail(c, MB_CMDLINE_EOVERFLOW);
	c->pos += used;
	return 0;
}

static int expect_end(struct cursor *c)
{
	return at_end(c) ? 0 : fail(c, MB_CMDLINE_ETRAILING);
}

static int push_op(struct cursor *c, const struct mb_memmap_op *op)
{
	struct mb_cmdline *cl = c->cl;

	if (cl->memmap_cnt >= cl->memmap_cap) {
		c->pos = 0;
		return fail(c, MB_CMDLINE_ETOOMANY);
	}
	cl->memmap[cl->memmap_cnt++] = *op;
	return 0;
}

static size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static bool value_is(const struct cursor *c, const char *word)
{
	size_t n = str_len(word);

	return c->len == n && memcmp(c->s, word, n) == 0;
}

static int parse_mem(struct cursor *c)
{
	struct mb_cmdline *cl = c->cl;
	struct mb_cmdline_range r = {0};
	int err;

	if (at_end(c))
		return fail(c, MB_CMDLINE_ENOVALUE);
	if (value_is(c, "nopentium")) {
		cl->mem_nopentium = true;
		return 0;
	}
	err = take_size(c, &r.size);
	if (err)
		return err;
	if (r.size == 0) {
		c->pos = 0;
		return fail(c, MB_CMDLINE_EZEROSIZE);
	}
	if (peek(c) == '@') {
		c->pos++;
		err = take_size(c, &r.start);
		if (err)
			return err;
		if (r.start + r.size < r.start)
			return fail(c, MB_CMDLINE_EWRAP);
		r.has_start = true;
	}
	err = expect_end(c);
	if (err)
		return err;
	if (cl->mem_ranges) {
		if (cl->mem_ranges_cnt >= cl->mem_ranges_cap) {
			c->pos = 0;
			return fail(c, MB_CMDLINE_ETOOMANY);
		}
		cl->mem_ranges[cl->mem_ranges_cnt++] = r;
	}
	cl->mem_count++;
	cl->mem_limit = r.size;
	if (cl->memmap_cap) {
		struct mb_memmap_op op = {.kind = MB_MEMMAP_LIMIT,
					  .size = r.size,
					  .from_mem = true};
		return push_op(c, &op);
	}
	return 0;
}

/* The nn%ss-old+new form (start already parsed into op). */
static int parse_memmap_retype(struct cursor *c, struct mb_memmap_op *op)
{
	uint64_t from = 0, to = 0;
	int err;

	if (peek(c) == '-') {
		c->pos++;
		err = take_uint(c, &from);
		if (err)
			return err;
	}
	if (peek(c) == '+') {
		c->pos++;
		err = take_uint(c, &to);
		if (err)
			return err;
	}
	if (from > UINT32_MAX || to > UINT32_MAX)
		return fail(c, MB_CMDLINE_EOVERFLOW);
	err = expect_end(c);
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

	if (at_end(c))
		return fail(c, MB_CMDLINE_ENOVALUE);
	if (value_is(c, "exactmap")) {
		op.kind = MB_MEMMAP_EXACTMAP;
		return push_op(c, &op);
	}
	err = take_size(c, &op.size);
	if (err)
		return err;
	sep = peek(c);
	switch (sep) {
	case '\0':
		op.kind = MB_MEMMAP_LIMIT;
		return at_end(c) ? push_op(c, &op)
				 : fail(c, MB_CMDLINE_ESYNTAX);
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
		return fail(c, MB_CMDLINE_ESYNTAX);
	}
	c->pos++;
	err = take_size(c, &op.start);
	if (err)
		return err;
	if (op.start + op.size < op.start)
		return fail(c, MB_CMDLINE_EWRAP);
	err = sep == '%' ? parse_memmap_retype(c, &op) : expect_end(c);
	if (err)
		return err;
	return push_op(c, &op);
}

static int parse_memmap(struct cursor *c)
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

static int parse_cma(struct cursor *c)
{
	struct mb_cmdline *cl = c->cl;
	uint64_t size, base = 0, limit = 0;
	bool has_base = false, has_limit = false;
	int err;

	if (at_end(c))
		return fail(c, MB_CMDLINE_ENOVALUE);
	err = take_size(c, &size);
	if (err)
		return err;
	if (peek(c) == '@') {
		c->pos++;
		err = take_size(c, &base);
		if (err)
			return err;
		has_base = true;
		if (peek(c) == '-') {
			c->pos++;
			err = take_size(c, &limit);
			if (err)
				return err;
			has_limit = true;
		}
	}
	err = expect_end(c);
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

static int parse_initrd(struct cursor *c)
{
	uint64_t start, size;
	int err;

	if (at_end(c))
		return fail(c, MB_CMDLINE_ENOVALUE);
	err = take_size(c, &start);
	if (err)
		return err;
	if (peek(c) != ',')
		return fail(c, MB_CMDLINE_ESYNTAX);
	c->pos++;
	err = take_size(c, &size);
	if (err)
		return err;
	if (start + size < start)
		return fail(c, MB_CMDLINE_EWRAP);
	err = expect_end(c);
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
			return fail(c, MB_CMDLINE_ETOOMANY);
		err = take_size(c, &r[n].start);
		if (err)
			return err;
		if (peek(c) != '-')
			return fail(c, MB_CMDLINE_ESYNTAX);
		c->pos++;
		r[n].end = UINT64_MAX; /* "start-:size" is open-ended */
		if (peek(c) != ':') {
			size_t at = c->pos;

			err = take_size(c, &r[n].end);
			if (err)
				return err;
			if (r[n].end <= r[n].start) {
				c->pos = at;
				return fail(c, MB_CMDLINE_ESYNTAX);
			}
		}
		if (peek(c) != ':')
			return fail(c, MB_CMDLINE_ESYNTAX);
		c->pos++;
		err = take_size(c, &r[n].size);
		if (err)
			return err;
		n++;
		if (peek(c) != ',')
			break;
		c->pos++;
	}
	if (peek(c) == '@') {
		c->pos++;
		err = take_size(c, &offset);
		if (err)
			return err;
		has_offset = true;
	}
	err = expect_end(c);
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

static int parse_crashkernel(struct cursor *c)
{
	struct mb_cmdline *cl = c->cl;
	uint64_t size, offset = 0;
	bool has_offset = false;
	int err;

	if (at_end(c))
		return fail(c, MB_CMDLINE_ENOVALUE);
	for (size_t i = 0; i < c->len; i++)
		if (c->s[i] == ':')
			return parse_crash_ranges(c);
	err = take_size(c, &size);
	if (err)
		return err;
	if (peek(c) == ',') {
		struct cursor rest = *c;

		rest.pos++;
		rest.s += rest.pos;
		rest.off += rest.pos;
		rest.len -= rest.pos;
		rest.pos = 0;
		if (value_is(&rest, "low")) {
			cl->crash_low_set = true;
			cl->crash_low_size = size;
			return 0;
		}
		if (value_is(&rest, "high")) {
			cl->crash_set = true;
			cl->crash_high = true;
			cl->crash_nranges = 0;
			cl->crash_has_offset = false;
			cl->crash_size = size;
			return 0;
		}
		return fail(&rest, MB_CMDLINE_ESYNTAX);
	}
	if (peek(c) == '@') {
		c->pos++;
		err = take_size(c, &offset);
		if (err)
			return err;
		if (offset + size < offset)
			return fail(c, MB_CMDLINE_EWRAP);
		has_offset = true;
	}
	err = expect_end(c);
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

/* Parameter names compare with '-' and '_' equal, as the kernel's do. */
static bool key_is(const char *key, size_t klen, const char *name)
{
	size_t i;

	for (i = 0; i < klen; i++) {
		char a = key[i] == '-' ? '_' : key[i];
		char b = name[i] == '-' ? '_' : name[i];

		if (b == '\0' || a != b)
			return false;
	}
	return name[klen] == '\0';
}

static int dispatch(struct mb_cmdline *cl, const char *key, size_t klen,
		    struct cursor *val, bool has_value)
{
	if (key_is(key, klen, "memblock")) {
		/* any value mentioning "debug" switches tracing on */
		size_t i;

		for (i = 0; has_value && i + 5 <= val->len; i++)
			if (memcmp(val->s + i, "debug", 5) == 0)
				cl->memblock_debug = true;
		return 0;
	}
	if (key_is(key, klen, "movable_node")) {
		cl->movable_node = true;
		return 0;
	}
	if (key_is(key, klen, "mem"))
		return parse_mem(val);
	if (key_is(key, klen, "memmap"))
		return parse_memmap(val);
	if (key_is(key, klen, "cma"))
		return parse_cma(val);
	if (key_is(key, klen, "initrd"))
		return parse_initrd(val);
	if (key_is(key, klen, "crashkernel"))
		return parse_crashkernel(val);
	return 0; /* not a memory parameter */
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
	       ch == '\v' || ch == '\f';
}

void mb_cmdline_init(struct mb_cmdline *cl, struct mb_memmap_op *memmap,
		     size_t memmap_cap, struct mb_cmdline_range *mem_ranges,
		     size_t mem_ranges_cap)
{
	memset(cl, 0, sizeof(*cl));
	cl->memmap = memmap;
	cl->memmap_cap = memmap ? memmap_cap : 0;
	cl->mem_ranges = mem_ranges;
	cl->mem_ranges_cap = mem_ranges ? mem_ranges_cap : 0;
}

/* Handle the parameter in line[start, end); in_quote: a quote was left
 * open (the token ran to the end of the line). */
static int parse_param(struct mb_cmdline *cl, const char *line, size_t start,
		       size_t end, bool open_quote)
{
	struct cursor val = {.cl = cl, .param_off = start};
	size_t key_start = start, key_end, eq = end, i;

	if (open_quote) {
		val.off = end;
		return fail(&val, MB_CMDLINE_EQUOTE);
	}
	/* "param=value" quoted whole: drop the outer quotes */
	if (line[start] == '"') {
		key_start++;
		if (end > key_start && line[end - 1] == '"')
			end--;
	}
	for (i = key_start; i < end; i++) {
		if (line[i] == '=') {
			eq = i;
			break;
		}
	}
	key_end = eq;
	if (eq < end) {
		size_t vs = eq + 1, ve = end;

		if (vs < ve && line[vs] == '"') {
			vs++;
			if (ve > vs && line[ve - 1] == '"')
				ve--;
		}
		val.s = line + vs;
		val.len = ve - vs;
		val.off = vs;
	} else {
		val.s = line + end;
		val.off = end;
	}
	return dispatch(cl, line + key_start, key_end - key_start, &val,
			eq < end);
}

int mb_cmdline_parse_n(struct mb_cmdline *cl, const char *line, size_t len)
{
	size_t i = 0;
	int first_err = 0;

	if (!cl)
		return -MB_EINVAL;
	if (!line)
		return 0;
	for (;;) {
		size_t start;
		bool in_quote = false;
		int err;

		while (i < len && line[i] != '\0' && is_space(line[i]))
			i++;
		if (i >= len || line[i] == '\0')
			break;
		start = i;
		for (; i < len && line[i] != '\0'; i++) {
			if (line[i] == '"')
				in_quote = !in_quote;
			else if (!in_quote && is_space(line[i]))
				break;
		}
		if (i - start == 2 && line[start] == '-' &&
		    line[start + 1] == '-')
			break; /* the rest is for init */
		err = parse_param(cl, line, start, i, in_quote);
		if (err && !first_err)
			first_err = err;
	}
	return first_err;
}

int mb_cmdline_parse(struct mb_cmdline *cl, const char *line)
{
	return mb_cmdline_parse_n(cl, line, (size_t)-1);
}

const char *mb_cmdline_strerror(enum mb_cmdline_status status)
{
	switch (status) {
	case MB_CMDLINE_OK:
		return "ok";
	case MB_CMDLINE_ENOVALUE:
		return "missing value";
	case MB_CMDLINE_ENONUMBER:
		return "number expected";
	case MB_CMDLINE_EOVERFLOW:
		return "number overflows 64 bits";
	case MB_CMDLINE_ETRAILING:
		return "unexpected text after the value";
	case MB_CMDLINE_ESYNTAX:
		return "unexpected separator";
	case MB_CMDLINE_EZEROSIZE:
		return "size must not be zero";
	case MB_CMDLINE_EQUOTE:
		return "unterminated quote";
	case MB_CMDLINE_ETOOMANY:
		return "too many values for the caller's array";
	case MB_CMDLINE_EWRAP:
		return "range wraps past the top of the address space";
	case MB_CMDLINE_EUNSUPPORTED:
		return "form not supported";
	}
	return "unknown error";
}
