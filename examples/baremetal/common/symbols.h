/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A tiny kallsyms: the Makefile links each kernel twice, the second time
 * with a table of its own function symbols (generated from nm), so trace
 * lines show "func+0xoff/0xsize" like the kernel's %pS.
 */
#ifndef BAREMETAL_SYMBOLS_H
#define BAREMETAL_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ksym {
	uintptr_t addr;
	uint32_t size;
	const char *name;
};

/* Sorted by address; generated as symbols_table.c (empty in pass one). */
extern const struct ksym ksyms[];
extern const unsigned nksyms;

/** symbols_lookup - the mb_env symbolize hook: "name+0xoff/0xsize". */
bool symbols_lookup(void *ctx, uintptr_t addr, char *buf, size_t len);

#endif
