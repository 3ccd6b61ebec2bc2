/* SPDX-License-Identifier: BSD-2-Clause */
/* Bounded cursor helpers shared by the log parser's files. */
#ifndef MEMBLOCK_TOOLS_LOGPARSE_SCAN_H
#define MEMBLOCK_TOOLS_LOGPARSE_SCAN_H

#include <stdbool.h>
#include <stdint.h>

/** struct lp_cursor - [p, e) of one message; never read at or past e. */
struct lp_cursor {
	const char *p, *e;
};

/** lp_eat - consume literal @s if the cursor starts with it. */
bool lp_eat(struct lp_cursor *c, const char *s);
/** lp_skip_spaces - skip blanks and tabs. */
void lp_skip_spaces(struct lp_cursor *c);
/** lp_hex - "0x" then hex digits (at most 16); @digits gets their count. */
bool lp_hex(struct lp_cursor *c, uint64_t *v, int *digits);
/** lp_dec - optional '-' then decimal digits. */
bool lp_dec(struct lp_cursor *c, long *v);
/** lp_ident - [A-Za-z0-9_]+ */
bool lp_ident(struct lp_cursor *c);
/** lp_word - a run of non-blank characters. */
bool lp_word(struct lp_cursor *c);
/** lp_find - move just past the next occurrence of @s; false if none. */
bool lp_find(struct lp_cursor *c, const char *s);

#endif
