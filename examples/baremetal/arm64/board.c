/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arm64 virt board support: PL011 at 0x09000000; exit through semihosting
 * SYS_EXIT (A64 form: parameter block with the exit status; needs
 * -semihosting), or, with "baremetal.exit=psci" on the command line, PSCI
 * SYSTEM_OFF through the conduit the DTB's /psci names (success only: it
 * carries no status; a failure still goes to semihosting).
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

/* PSCI conduit from the DTB's /psci "method" (0: none, use semihosting). */
static char psci_conduit;

void arm64_use_psci(const char *method)
{
	if (method && method[0] == 'h' && method[1] == 'v' && method[2] == 'c')
		psci_conduit = 'h';
	else if (method && method[0] == 's' && method[1] == 'm' &&
		 method[2] == 'c')
		psci_conduit = 's';
}

#define PSCI_SYSTEM_OFF 0x84000008u

/* PSCI SYSTEM_OFF: QEMU powers the machine down and exits with status 0,
 * so it is used only for a successful run. */
static void psci_system_off(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;

	if (psci_conduit == 'h')
		__asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
	else
		__asm__ volatile("smc #0" : "+r"(x0) : : "memory");
}

void arch_exit(int status)
{
	if (psci_conduit && status == 0)
		psci_system_off();

	static volatile uint64_t block[2];
	register uint64_t x0 __asm__("x0") = SEMIHOST_SYS_EXIT;
	register volatile uint64_t *x1 __asm__("x1") = block;

	block[0] = ADP_STOPPED_APPLICATION_EXIT;
	block[1] = (uint64_t)(unsigned)status;
	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	for (;;)
		__asm__ volatile("wfi");
}
