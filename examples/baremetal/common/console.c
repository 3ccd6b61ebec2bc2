/* SPDX-License-Identifier: BSD-2-Clause */
/* Console output over the board's UART, formatted by the core's printf. */
#include "kernel.h"

#include <memblock/memblock.h>

void console_puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			arch_putc('\r');
		arch_putc(*s);
	}
}

void kprintf(const char *fmt, ...)
{
	/* Long enough for any trace or dump line; longer output is cut. */
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	mb_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_puts(buf);
}

void panic(const char *msg)
{
	kprintf("baremetal: PANIC: %s\n", msg);
	arch_exit(1);
}
