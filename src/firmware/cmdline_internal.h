/* SPDX-License-Identifier: BSD-2-Clause */
/* Helpers shared by the command-line parser's files (not public). */
#ifndef MEMBLOCK_FW_CMDLINE_INTERNAL_H
#define MEMBLOCK_FW_CMDLINE_INTERNAL_H

#include <memblock/firmware/cmdline.h>

int mb_cl_parse_uint(const char *s, size_t len, size_t *consumed,
		     uint64_t *out);

/* A value being parsed: bytes [0, len) of s; s[0] is at line offset off. */
struct cursor {
	const char *s;
	size_t len, pos, off, param_off;
	struct mb_cmdline *cl;
};

static inline bool mb_cl_at_end(const struct cursor *c)
{
	return c->pos >= c->len;
}

static inline char mb_cl_peek(const struct cursor *c)
{
	return mb_cl_at_end(c) ? '\0' : c->s[c->pos];
}

/* Record @st at the cursor (the first error of the line is kept). */
int mb_cl_fail(struct cursor *c, enum mb_cmdline_status st);
/* memparse / plain number at the cursor; on error it points at the text */
int mb_cl_take_size(struct cursor *c, uint64_t *out);
int mb_cl_take_uint(struct cursor *c, uint64_t *out);
/* ETRAILING unless the whole value was used */
int mb_cl_expect_end(struct cursor *c);
int mb_cl_push_op(struct cursor *c, const struct mb_memmap_op *op);
bool mb_cl_value_is(const struct cursor *c, const char *word);

/* Handlers, one per parameter. */
int mb_cl_parse_mem(struct cursor *c);
int mb_cl_parse_memmap(struct cursor *c);
int mb_cl_parse_cma(struct cursor *c);
int mb_cl_parse_initrd(struct cursor *c);
int mb_cl_parse_crashkernel(struct cursor *c);

#endif
