/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared test harness for tests/bootmem, tests/buddy and tests/handover:
 * a memblock instance with static tables, an "arena" that backs one
 * physical window with host memory (phys_to_virt gives NULL elsewhere, like
 * the simulator's fake memory), captured printed lines and a panic hook
 * that longjmps back into the test.
 */
#ifndef BOOTMEM_TEST_HARNESS_H
#define BOOTMEM_TEST_HARNESS_H

#include <memblock/memblock.h>

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#define H_REGIONS 256
#define H_LINES	  64

struct harness {
	struct memblock mb;
	struct memblock_region mem[H_REGIONS], res[H_REGIONS];
	mb_phys_t arena_base, arena_size;
	unsigned char *arena;
	char lines[H_LINES][256];
	int nlines;
	jmp_buf panic_jmp;
	bool panic_armed;
	bool panicked;
	char panic_msg[128];
};

static inline void *h_phys_to_virt(void *ctx, mb_phys_t phys)
{
	struct harness *h = ctx;

	if (!h->arena || phys < h->arena_base ||
	    phys - h->arena_base >= h->arena_size)
		return NULL;
	return h->arena + (phys - h->arena_base);
}

static inline mb_phys_t h_virt_to_phys(void *ctx, const void *virt)
{
	struct harness *h = ctx;

	return h->arena_base +
	       (mb_phys_t)((const unsigned char *)virt - h->arena);
}

static inline void h_print(void *ctx, const char *line)
{
	struct harness *h = ctx;

	if (h->nlines < H_LINES) {
		strncpy(h->lines[h->nlines], line, sizeof(h->lines[0]) - 1);
		h->lines[h->nlines][sizeof(h->lines[0]) - 1] = 0;
		h->nlines++;
	}
}

static inline void h_panic(void *ctx, const char *msg)
{
	struct harness *h = ctx;

	strncpy(h->panic_msg, msg, sizeof(h->panic_msg) - 1);
	if (h->panic_armed) {
		h->panic_armed = false;
		longjmp(h->panic_jmp, 1);
	}
	abort();
}

/* A fresh instance; @arena_size 0 = no host backing at all. */
static inline struct harness *h_new(const struct mb_profile *p,
				    mb_phys_t arena_base, mb_phys_t arena_size)
{
	struct harness *h = calloc(1, sizeof(*h));
	struct mb_env env = {0};

	env.ctx = h;
	env.phys_to_virt = h_phys_to_virt;
	env.virt_to_phys = h_virt_to_phys;
	env.print = h_print;
	env.panic = h_panic;
	h->arena_base = arena_base;
	h->arena_size = arena_size;
	if (arena_size) {
		h->arena = malloc((size_t)arena_size);
		memset(h->arena, 0xaa, (size_t)arena_size);
	}
	mb_init(&h->mb, p, &env, h->mem, H_REGIONS, h->res, H_REGIONS, NULL, 0);
	return h;
}

static inline void h_free(struct harness *h)
{
	free(h->arena);
	free(h);
}

/* Did some captured line equal @s? */
static inline bool h_printed(const struct harness *h, const char *s)
{
	for (int i = 0; i < h->nlines; i++)
		if (!strcmp(h->lines[i], s))
			return true;
	return false;
}

/* Run @stmt expecting a panic; (h)->panicked tells whether the hook fired. */
#define H_EXPECT_PANIC(h, stmt)                                                \
	do {                                                                   \
		(h)->panicked = false;                                         \
		(h)->panic_armed = true;                                       \
		if (setjmp((h)->panic_jmp) == 0) {                             \
			stmt;                                                  \
		} else {                                                       \
			(h)->panicked = true;                                  \
		}                                                              \
		(h)->panic_armed = false;                                      \
	} while (0)

#endif
