/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vexpress-a9 board support: PL011 UART0 at 0x10009000 (the legacy
 * motherboard map QEMU uses for the A9 daughterboard) and semihosting
 * SYS_EXIT_EXTENDED to leave QEMU with a status (needs -semihosting).
 */
#include "kernel.h"

#define UART0_BASE   0x10009000u
#define UART_DR	     0x00
#define UART_FR	     0x18
#define UART_FR_TXFF (1u << 5)

void arch_putc(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)UART0_BASE;

	while (uart[UART_FR / 4] & UART_FR_TXFF)
		;
	uart[UART_DR / 4] = (uint32_t)(unsigned char)c;
}

#define SEMIHOST_SYS_EXIT_EXTENDED   0x20
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

void arch_exit(int status)
{
	/* A32 semihosting: r0 = operation, r1 = parameter block. */
	static volatile uint32_t block[2];
	register uint32_t r0 __asm__("r0") = SEMIHOST_SYS_EXIT_EXTENDED;
	register volatile uint32_t *r1 __asm__("r1") = block;

	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = (uint32_t)status;
	__asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
	for (;;)
		__asm__ volatile("wfi");
}
