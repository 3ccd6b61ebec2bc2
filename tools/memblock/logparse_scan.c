/* SPDX-License-Identifier: BSD-2-Clause */
/* Bounded cursor helpers: every read checks the end first. */
#include <limits.h>
#include <string.h>

#include "logparse_scan.h"

bool lp_eat(struct lp_cursor *c, const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(c->e - c->p) < n || memcmp(c->p, s, n))
		return false;
	c->p += n;
	return true;
}

void lp_skip_spaces(struct lp_cursor *c)
{
	while (c->p < c->e && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

bool lp_hex(struct lp_cursor *c, uint64_t *v, int *digits)
{
	struct lp_cursor t = *c;
	uint64_t x = 0;
	int n = 0, d;

	if (!lp_eat(&t, "0x") && !lp_eat(&t, "0X"))
		return false;
	while (t.p < t.e && (d = hexval(*t.p)) >= 0) {
		if (n == 16 && x >> 60)
			return false; /* more than 64 bits */
		x = x << 4 | (uint64_t)d;
		t.p++;
		n++;
	}
	if (!n)
		return false;
	*v = x;
	if (digits)
		*digits = n;
	*c = t;
	return true;
}

bool lp_dec(struct lp_cursor *c, long *v)
{
	struct lp_cursor t = *c;
	bool neg = lp_eat(&t, "-");
	long x = 0;
	int n = 0;

	while (t.p < t.e && *t.p >= '0' && *t.p <= '9') {
		if (x > (LONG_MAX - 9) / 10)
			return false;
		x = x * 10 + (*t.p - '0');
		t.p++;
		n++;
	}
	if (!n)
		return false;
	*v = neg ? -x : x;
	*c = t;
	return true;
}

bool lp_ident(struct lp_cursor *c)
{
	const char *s = c->p;

	while (c->p < c->e && ((*c->p >= 'a' && *c->p <= 'z') ||
			       (*c->p >= 'A' && *c->p <= 'Z') ||
			       (*c->p >= '0' && *c->p <= '9') || *c->p == '_'))
		c->p++;
	return c->p > s;
}

bool lp_word(struct lp_cursor *c)
{
	const char *s = c->p;

	while (c->p < c->e && *c->p != ' ' && *c->p != '\t')
		c->p++;
	return c->p > s;
}

bool lp_find(struct lp_cursor *c, const char *s)
{
	size_t n = strlen(s);
	const char *q;

	for (q = c->p; (size_t)(c->e - q) >= n; q++)
		if (!memcmp(q, s, n)) {
			c->p = q + n;
			return true;
		}
	return false;
}
