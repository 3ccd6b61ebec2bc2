/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memparse: the kernel's size syntax, over a bounded slice, with overflow
 * refused instead of wrapped.
 */
#include <memblock/firmware/cmdline.h>

#include "cmdline_internal.h"

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/**
 * mb_cl_parse_uint - a C-style unsigned number (0x hex, 0 octal, decimal)
 * over at most @len bytes, like simple_strtoull with base 0.
 * Return: 0, -MB_EINVAL (no digit), -MB_ERANGE (past 2^64 - 1; *@consumed
 * still covers every digit so the caller can point past the number).
 */
int mb_cl_parse_uint(const char *s, size_t len, size_t *consumed, uint64_t *out)
{
	unsigned base = 10;
	size_t i = 0, first;
	uint64_t v = 0;
	bool overflow = false;

	*consumed = 0;
	*out = 0;
	if (len == 0)
		return -MB_EINVAL;
	/* "0x" only means hex when a hex digit follows, else "0" is octal */
	if (len >= 3 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
	    digit_value(s[2]) < 16) {
		base = 16;
		i = 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	first = i;
	for (; i < len; i++) {
		int d = digit_value(s[i]);

		if (d >= (int)base)
			break;
		/* Checked multiply-add: no 64-bit division, which a 32-bit
		 * target would take from libgcc (__aeabi_uldivmod). */
		uint64_t next;

		if (__builtin_mul_overflow(v, (uint64_t)base, &next) ||
		    __builtin_add_overflow(next, (uint64_t)d, &next))
			overflow = true;
		else
			v = next;
	}
	if (i == first)
		return -MB_EINVAL;
	*consumed = i;
	if (overflow)
		return -MB_ERANGE;
	*out = v;
	return 0;
}

static unsigned suffix_shift(char c)
{
	switch (c) {
	case 'K':
	case 'k':
		return 10;
	case 'M':
	case 'm':
		return 20;
	case 'G':
	case 'g':
		return 30;
	case 'T':
	case 't':
		return 40;
	case 'P':
	case 'p':
		return 50;
	case 'E':
	case 'e':
		return 60;
	default:
		return 0;
	}
}

int mb_memparse(const char *s, size_t len, size_t *consumed, uint64_t *out)
{
	size_t used;
	uint64_t v;
	unsigned shift;
	int err = mb_cl_parse_uint(s, len, &used, &v);

	*out = 0;
	*consumed = used;
	if (err == -MB_EINVAL)
		return err;
	shift = used < len ? suffix_shift(s[used]) : 0;
	if (shift)
		*consumed = ++used;
	if (err)
		return err;
	if (shift && v > (UINT64_MAX >> shift))
		return -MB_ERANGE;
	*out = v << shift;
	return 0;
}
