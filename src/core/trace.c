/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trace plumbing: every traced core call ends in mb__trace(), which hands
 * the raw event to env.event and, with memblock=debug on, the kernel's text
 * line (see format.c) to env.print.
 */
#include <memblock/memblock.h>

#include "trace.h"

void mb__print_line(const struct memblock *mb, const char *line)
{
	if (mb->env.print)
		mb->env.print(mb->env.ctx, line);
}

/* Lines the kernel prints with pr_info/pr_err (not memblock_dbg) appear
 * whether memblock=debug is given or not. */
static bool always_printed(enum mb_event_kind kind)
{
	return kind == MB_EV_MESSAGE || kind == MB_EV_DOUBLE_FAILED;
}

void mb__trace(struct memblock *mb, struct mb_event *ev)
{
	char line[256];

	if (ev->caller_kind == MB_CALLER_ADDR && mb->next_caller_sym) {
		ev->caller_kind = MB_CALLER_SYMBOL;
		ev->caller_sym = mb->next_caller_sym;
		mb->next_caller_sym = NULL;
	}
	if (mb->env.event)
		mb->env.event(mb->env.ctx, ev);
	if (!mb->env.print || !(mb->debug || always_printed(ev->kind)))
		return;
	mb_format_event(mb, ev, line, sizeof(line));
	mb__print_line(mb, line);
}

/** mb_set_debug - turn the memblock=debug trace on or off. */
void mb_set_debug(struct memblock *mb, bool on)
{
	mb->debug = on;
}

/**
 * mb_set_next_caller - make the next traced call whose caller is a return
 * address report @sym ("func+0xoff/0xlen") instead; used by replay and by
 * front ends that know their kernel-side caller name.
 */
void mb_set_next_caller(struct memblock *mb, const char *sym)
{
	mb->next_caller_sym = sym;
}
