/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 board support: COM1 (16550 at I/O port 0x3f8) and QEMU's
 * isa-debug-exit device at port 0xf4, which ends QEMU with exit code
 * (value << 1) | 1. We write 0x10 + status, so success is exit code 33.
 */
#include "kernel.h"

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

#define COM1	 0x3f8
#define LSR_THRE 0x20

void arch_putc(char c)
{
	while (!(inb(COM1 + 5) & LSR_THRE))
		;
	outb(COM1, (uint8_t)c);
}

#define DEBUG_EXIT_PORT 0xf4

void arch_exit(int status)
{
	outb(DEBUG_EXIT_PORT, (uint8_t)(0x10 + (status & 0x7f)));
	for (;;)
		__asm__ volatile("cli; hlt");
}
