/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A small freestanding printf: %s %c %d %i %u %x %X %p %% with the flags
 * '#', '0', '-', a field width, a precision for %s and the length
 * modifiers 'h', 'l', 'll', 'z'.
 *
 * The '#' flag follows the kernel's vsprintf rather than libc: the "0x"
 * prefix is printed for zero too, and it counts towards the field width,
 * so "%#016llx" of 0x67ebc000 is "0x00000067ebc000" (16 characters).
 */
#include <memblock/memblock.h>

#include "trace.h"

/** struct out - a bounded output cursor that still counts what overflows. */
struct out {
	char *buf;
	size_t len;
	size_t pos;
};

static void put(struct out *o, char c)
{
	if (o->pos + 1 < o->len)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

struct spec {
	bool alt;  /* '#' */
	bool zero; /* '0' */
	bool left; /* '-' */
	int width;
	int precision; /* -1: none */
};

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	int n = 0;

	if (!s)
		s = "(null)";
	while (s[n] && (sp->precision < 0 || n < sp->precision))
		n++;
	if (!sp->left)
		put_repeat(o, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		put_repeat(o, ' ', sp->width - n);
}

/*
 * Divide by ten with shifts and one multiply: a 32-bit target would
 * otherwise call libgcc's 64-bit division (__aeabi_uldivmod), which a
 * freestanding core must not need.
 */
static unsigned long long div10(unsigned long long n, unsigned *rem)
{
	unsigned long long q = (n >> 1) + (n >> 2);
	unsigned long long r;

	q += q >> 4;
	q += q >> 8;
	q += q >> 16;
	q += q >> 32;
	q >>= 3;
	r = n - q * 10;
	if (r > 9) {
		q++;
		r -= 10;
	}
	*rem = (unsigned)r;
	return q;
}

/* Digits of @v in @base (10 or 16), most significant first, into @d. */
static int to_digits(unsigned long long v, unsigned base, bool upper,
		     char d[24])
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;
	unsigned digit;

	do {
		if (base == 16) {
			digit = (unsigned)(v & 0xf);
			v >>= 4;
		} else {
			v = div10(v, &digit);
		}
		tmp[n++] = digits[digit];
	} while (v);
	for (int i = 0; i < n; i++)
		d[i] = tmp[n - 1 - i];
	return n;
}

static void put_number(struct out *o, unsigned long long v, bool negative,
		       unsigned base, bool upper, const struct spec *sp)
{
	char d[24];
	int nd = to_digits(v, base, upper, d);
	const char *prefix = "";
	int np = 0;

	if (negative) {
		prefix = "-";
		np = 1;
	} else if (sp->alt && base == 16) {
		prefix = upper ? "0X" : "0x";
		np = 2;
	}
	int pad = sp->width - nd - np;

	if (sp->left) {
		for (int i = 0; i < np; i++)
			put(o, prefix[i]);
		for (int i = 0; i < nd; i++)
			put(o, d[i]);
		put_repeat(o, ' ', pad);
		return;
	}
	if (sp->zero) {
		for (int i = 0; i < np; i++)
			put(o, prefix[i]);
		put_repeat(o, '0', pad);
	} else {
		put_repeat(o, ' ', pad);
		for (int i = 0; i < np; i++)
			put(o, prefix[i]);
	}
	for (int i = 0; i < nd; i++)
		put(o, d[i]);
}

enum length { LEN_INT, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static unsigned long long get_unsigned(va_list *ap, enum length l)
{
	switch (l) {
	case LEN_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_LONG:
		return va_arg(*ap, unsigned long);
	case LEN_LLONG:
		return va_arg(*ap, unsigned long long);
	case LEN_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static long long get_signed(va_list *ap, enum length l)
{
	switch (l) {
	case LEN_SHORT:
		return (short)va_arg(*ap, int);
	case LEN_LONG:
		return va_arg(*ap, long);
	case LEN_LLONG:
		return va_arg(*ap, long long);
	case LEN_SIZE:
		/* %zd: the signed type of size_t's width */
		return (long long)(ptrdiff_t)va_arg(*ap, size_t);
	default:
		return va_arg(*ap, int);
	}
}

/* Parse flags, width, precision and length at *@pf (just past '%'). */
static enum length parse_spec(const char **pf, struct spec *sp, va_list *ap)
{
	const char *f = *pf;
	enum length l = LEN_INT;

	*sp = (struct spec){.precision = -1};
	for (;; f++) {
		if (*f == '#')
			sp->alt = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '-')
			sp->left = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (*f++ - '0');
	if (*f == '.') {
		f++;
		sp->precision = 0;
		if (*f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			sp->precision = sp->precision * 10 + (*f++ - '0');
	}
	if (*f == 'h') {
		l = LEN_SHORT;
		f++;
		if (*f == 'h')
			f++; /* %hh treated as %h: the value is still promoted
			      */
	} else if (*f == 'l') {
		l = LEN_LONG;
		f++;
		if (*f == 'l') {
			l = LEN_LLONG;
			f++;
		}
	} else if (*f == 'z') {
		l = LEN_SIZE;
		f++;
	}
	*pf = f;
	return l;
}

/**
 * mb_vsnprintf - format @fmt with @ap into @buf (at most @len bytes).
 *
 * Return: the length the full output would have (like C99 vsnprintf); the
 * buffer is always NUL-terminated when @len > 0.
 */
int mb_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
{
	struct out o = {.buf = buf, .len = len, .pos = 0};
	va_list args;

	va_copy(args, ap);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			put(&o, *f);
			continue;
		}
		f++;
		struct spec sp;
		enum length l = parse_spec(&f, &sp, &args);

		switch (*f) {
		case '%':
			put(&o, '%');
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			put_repeat(&o, ' ', sp.left ? 0 : sp.width - 1);
			put(&o, c);
			put_repeat(&o, ' ', sp.left ? sp.width - 1 : 0);
			break;
		}
		case 's':
			put_string(&o, va_arg(args, const char *), &sp);
			break;
		case 'd':
		case 'i': {
			long long v = get_signed(&args, l);
			unsigned long long mag =
				v < 0 ? 0ULL - (unsigned long long)v
				      : (unsigned long long)v;

			put_number(&o, mag, v < 0, 10, false, &sp);
			break;
		}
		case 'u':
			put_number(&o, get_unsigned(&args, l), false, 10, false,
				   &sp);
			break;
		case 'x':
		case 'X':
			put_number(&o, get_unsigned(&args, l), false, 16,
				   *f == 'X', &sp);
			break;
		case 'p': {
			/* Plain pointer: 0x + full-width hex of a uintptr_t. */
			struct spec ps = {.alt = true,
					  .zero = true,
					  .width = 2 + 2 * (int)sizeof(void *),
					  .precision = -1};

			put_number(&o, (uintptr_t)va_arg(args, void *), false,
				   16, false, &ps);
			break;
		}
		case '\0':
			f--; /* lone '%' at the end: stop */
			break;
		default: /* unknown conversion: print it literally */
			put(&o, '%');
			put(&o, *f);
			break;
		}
	}
	va_end(args);
	if (len > 0)
		buf[o.pos < len ? o.pos : len - 1] = '\0';
	return (int)o.pos;
}

/** mb_snprintf - mb_vsnprintf with variadic arguments. */
int mb_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = mb_vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

/** mb_printf - format a line and send it to the instance's env.print. */
void mb_printf(const struct memblock *mb, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	mb_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	mb__print_line(mb, line);
}
