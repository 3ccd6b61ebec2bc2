/* SPDX-License-Identifier: BSD-2-Clause */
/* Internal: how core operations report a traced call. */
#ifndef MEMBLOCK_CORE_TRACE_H
#define MEMBLOCK_CORE_TRACE_H

#include <memblock/memblock.h>

/**
 * mb__trace - report one traced call. Applies the one-shot caller override
 * (mb->next_caller_sym) to MB_CALLER_ADDR events and clears it, passes the
 * event to env.event, and when mb->debug is on formats the kernel line with
 * mb_format_event() and sends it to env.print.
 */
void mb__trace(struct memblock *mb, struct mb_event *ev);

/** mb__print_line - send a finished line to env.print (if any). */
void mb__print_line(const struct memblock *mb, const char *line);

#endif
