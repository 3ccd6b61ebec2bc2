/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arm64 virt board support: PL011 at 0x09000000 and semihosting SYS_EXIT
 * (A64 form: parameter block with the exit status; needs -semihosting).
 */
#include "kernel.h"

#define UART0_BASE   0x09000000ul
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

#define SEMIHOST_SYS_EXIT	     0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026

void arch_exit(int status)
{
	static volatile uint64_t block[2];
	register uint64_t x0 __asm__("x0") = SEMIHOST_SYS_EXIT;
	register volatile uint64_t *x1 __asm__("x1") = block;

	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = (uint64_t)(unsigned)status;
	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	for (;;)
		__asm__ volatile("wfi");
}
