/* SPDX-License-Identifier: BSD-2-Clause */
/* mb_vsnprintf against hand-written expectations (kernel '#' semantics). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <memblock/memblock.h>

#define EXPECT(want, ...)                                                      \
	do {                                                                   \
		char b_[128];                                                  \
		int n_ = mb_snprintf(b_, sizeof(b_), __VA_ARGS__);             \
		assert_string_equal(b_, want);                                 \
		assert_int_equal(n_, (int)strlen(want));                       \
	} while (0)

/* No format attribute: lets a test pass an int to %h on purpose. */
static int unchecked(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = mb_vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

static void test_integers(void **state)
{
	(void)state;
	EXPECT("42 -7 0", "%d %i %u", 42, -7, 0u);
	EXPECT("-2147483648", "%d", (int)(-2147483647 - 1));
	EXPECT("18446744073709551615", "%llu", ~0ULL);
	EXPECT("-9223372036854775808", "%lld",
	       (long long)(-9223372036854775807LL - 1));
	EXPECT("4294967295", "%lu", 4294967295UL);
	/* Decimal conversion divides by ten without a divide instruction:
	 * check the quotient correction at every digit boundary. */
	EXPECT("9 10 99 100 999999999 1000000000", "%u %u %u %u %u %u", 9u, 10u,
	       99u, 100u, 999999999u, 1000000000u);
	EXPECT("9999999999999999999", "%llu", 9999999999999999999ULL);
	EXPECT("10000000000000000000", "%llu", 10000000000000000000ULL);
	EXPECT("18446744073709551610", "%llu", 18446744073709551610ULL);
	EXPECT("123", "%zu", (size_t)123);
	/* 'h' truncates to short: 0x12345 -> 0x2345 = 9029 */
	char b[32];

	unchecked(b, sizeof(b), "%hu", 0x12345);
	assert_string_equal(b, "9029");
	unchecked(b, sizeof(b), "%hd", 0xffff); /* (short)0xffff = -1 */
	assert_string_equal(b, "-1");
}

static void test_hex(void **state)
{
	(void)state;
	EXPECT("ff FF", "%x %X", 255u, 255u);
	EXPECT("deadbeefcafe", "%llx", 0xdeadbeefcafeULL);
	/* kernel: %#x of 0 is 0x0 (libc would print 0) */
	EXPECT("0x0", "%#x", 0u);
	EXPECT("0x1f", "%#x", 31u);
	EXPECT("0X1F", "%#X", 31u);
	/* width counts the prefix: 16 chars = "0x" + 14 digits */
	EXPECT("0x00000067ebc000", "%#016llx", 0x67ebc000ULL);
	EXPECT("0x00000067ebbfff", "%#016llx", 0x67ebbfffULL);
	EXPECT("0x00000000", "0x%08x", 0u);
	EXPECT("0x0000000060000000", "0x%016llx", 0x60000000ULL);
	EXPECT("0x%0*llx 0x00abc", "0x%%0*llx 0x%0*llx", 5, 0xabcULL);
}

static void test_width_flags(void **state)
{
	(void)state;
	EXPECT("   42", "%5d", 42);
	EXPECT("42   |", "%-5d|", 42);
	EXPECT("00042", "%05d", 42);
	EXPECT("-0042", "%05d", -42);
	EXPECT("  -42", "%5d", -42);
	EXPECT(" 0x1f", "%#5x", 31u);
	EXPECT("0x1f |", "%-#5x|", 31u);
	EXPECT("  ab", "%4s", "ab");
	EXPECT("ab  |", "%-4s|", "ab");
	EXPECT("abc", "%.3s", "abcdef");
	EXPECT("  abc", "%5.3s", "abcdef");
	EXPECT("x", "%c", 'x');
	EXPECT("  x", "%3c", 'x');
	EXPECT("100%", "%d%%", 100);
	const char *volatile nul = NULL; /* hide NULL from -Wformat */
	EXPECT("(null)", "%s", nul);
}

static void test_pointer(void **state)
{
	char want[32];
	(void)state;
	/* %p: "0x" + all hex digits of a pointer */
	if (sizeof(void *) == 8)
		strcpy(want, "0x0000000000001000");
	else
		strcpy(want, "0x00001000");
	EXPECT(want, "%p", (void *)(uintptr_t)0x1000);
}

static void test_truncation(void **state)
{
	char b[8];
	(void)state;
	memset(b, 'Z', sizeof(b));
	/* "hello world" is 11 chars: return 11, keep 7 + NUL */
	assert_int_equal(mb_snprintf(b, sizeof(b), "hello %s", "world"), 11);
	assert_string_equal(b, "hello w");
	assert_int_equal(mb_snprintf(b, 1, "abc"), 3);
	assert_int_equal(b[0], '\0');
	b[0] = 'Q';
	assert_int_equal(mb_snprintf(b, 0, "abc"), 3);
	assert_int_equal(b[0], 'Q'); /* len 0: nothing written */
	assert_int_equal(mb_snprintf(NULL, 0, "%d", 12345), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_width_flags),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_truncation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
