/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The few things a board port provides to the shared boot flow: a character
 * sink, a way to stop the machine with a status, and where its image lies.
 */
#ifndef BAREMETAL_KERNEL_H
#define BAREMETAL_KERNEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** arch_putc - send one byte to the board's console UART. */
void arch_putc(char c);

/** arch_exit - stop the emulator; @status 0 is success. */
void arch_exit(int status) __attribute__((noreturn));

/* Linker-script symbols: the loaded image (text to end of bss) and the
 * boot stack, which sits right after the image. */
extern char __image_start[], __image_end[];
extern char __text_end[], __rodata_end[], __bss_start[];
extern char __stack_start[], __stack_end[];

/** console_puts - write a NUL-terminated string (adds \r before \n). */
void console_puts(const char *s);

/** kprintf - formatted output through the core's freestanding printf. */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** panic - print "baremetal: PANIC: <msg>" and exit with status 1. */
void panic(const char *msg) __attribute__((noreturn));

#endif
