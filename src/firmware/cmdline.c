/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Kernel command line: split into parameters (whitespace, double quotes,
 * "--" ends the kernel's part) and hand each known one to its handler.
 */
#include <memblock/firmware/cmdline.h>

#include "fw_mem.h"

#include "cmdline_internal.h"

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

int mb_cl_fail(struct cursor *c, enum mb_cmdline_status st)
{
	struct mb_cmdline *cl = c->cl;

	if (cl->nerrors++ == 0) {
		cl->error.status = st;
		cl->error.offset = c->off + c->pos;
		cl->error.param_offset = c->param_off;
	}
	return status_to_code(st);
}

/* memparse at the cursor; on error the cursor points at the bad text. */
int mb_cl_take_size(struct cursor *c, uint64_t *out)
{
	size_t used;
	int err = mb_memparse(c->s + c->pos, c->len - c->pos, &used, out);

	if (err == -MB_EINVAL)
		return mb_cl_fail(c, MB_CMDLINE_ENONUMBER);
	if (err)
		return mb_cl_fail(c, MB_CMDLINE_EOVERFLOW);
	c->pos += used;
	return 0;
}

int mb_cl_take_uint(struct cursor *c, uint64_t *out)
{
	size_t used;
	int err = mb_cl_parse_uint(c->s + c->pos, c->len - c->pos, &used, out);

	if (err == -MB_EINVAL)
		return mb_cl_fail(c, MB_CMDLINE_ENONUMBER);
	if (err)
		return mb_cl_fail(c, MB_CMDLINE_EOVERFLOW);
	c->pos += used;
	return 0;
}

int mb_cl_expect_end(struct cursor *c)
{
	return mb_cl_at_end(c) ? 0 : mb_cl_fail(c, MB_CMDLINE_ETRAILING);
}

int mb_cl_push_op(struct cursor *c, const struct mb_memmap_op *op)
{
	struct mb_cmdline *cl = c->cl;

	if (cl->memmap_cnt >= cl->memmap_cap) {
		c->pos = 0;
		return mb_cl_fail(c, MB_CMDLINE_ETOOMANY);
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

bool mb_cl_value_is(const struct cursor *c, const char *word)
{
	size_t n = str_len(word);

	return c->len == n && memcmp(c->s, word, n) == 0;
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
		return mb_cl_parse_mem(val);
	if (key_is(key, klen, "memmap"))
		return mb_cl_parse_memmap(val);
	if (key_is(key, klen, "cma"))
		return mb_cl_parse_cma(val);
	if (key_is(key, klen, "initrd"))
		return mb_cl_parse_initrd(val);
	if (key_is(key, klen, "crashkernel"))
		return mb_cl_parse_crashkernel(val);
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
		return mb_cl_fail(&val, MB_CMDLINE_EQUOTE);
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
