/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Shared fixture of the core unit tests: an instance over host arrays, an
 * event recorder, host storage for grown tables, and helpers that run
 * mb_check after every operation.
 */
#ifndef MEMBLOCK_TESTS_CORE_TEST_H
#define MEMBLOCK_TESTS_CORE_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/memblock.h>

#define KiB(x) ((mb_phys_t)(x) << 10)
#define MiB(x) ((mb_phys_t)(x) << 20)
#define GiB(x) ((mb_phys_t)(x) << 30)

#define MAX_EVENTS 4096
#define MAX_TABLES 64

struct tctx {
	struct memblock mb;
	struct memblock_region mem[128];
	struct memblock_region res[128];
	struct memblock_region phys[4];
	struct mb_event ev[MAX_EVENTS];
	int nev;
	char lines[64][160];
	int nlines;
	/* host arrays handed out by table_alloc (freed at teardown) */
	struct memblock_region *tables[MAX_TABLES];
	int ntables;
	int table_frees;
	/* optional RAM window mapped by phys_to_virt */
	unsigned char *ram;
	mb_phys_t ram_base, ram_size;
};

static inline void tc_event(void *ctx, const struct mb_event *ev)
{
	struct tctx *t = ctx;

	if (t->nev < MAX_EVENTS)
		t->ev[t->nev++] = *ev;
}

static inline void tc_print(void *ctx, const char *line)
{
	struct tctx *t = ctx;

	if (t->nlines < 64)
		snprintf(t->lines[t->nlines++], sizeof(t->lines[0]), "%s",
			 line);
}

/* Only the optional RAM window is mapped; anything else is "not mapped". */
static inline void *tc_p2v(void *ctx, mb_phys_t phys)
{
	struct tctx *t = ctx;

	if (t->ram && phys >= t->ram_base && phys < t->ram_base + t->ram_size)
		return t->ram + (phys - t->ram_base);
	return NULL;
}

static inline mb_phys_t tc_v2p(void *ctx, const void *virt)
{
	struct tctx *t = ctx;
	const unsigned char *p = virt;

	if (t->ram && p >= t->ram && p < t->ram + t->ram_size)
		return t->ram_base + (mb_phys_t)(p - t->ram);
	return (mb_phys_t)(uintptr_t)virt;
}

static inline struct memblock_region *tc_table_alloc(void *ctx, mb_phys_t phys,
						     size_t entries)
{
	struct tctx *t = ctx;
	struct memblock_region *a;

	(void)phys;
	if (t->ntables >= MAX_TABLES)
		return NULL;
	a = calloc(entries, sizeof(*a));
	t->tables[t->ntables++] = a;
	return a;
}

static inline void tc_table_free(void *ctx, struct memblock_region *r, size_t n)
{
	struct tctx *t = ctx;

	(void)r;
	(void)n;
	t->table_frees++;
}

static inline struct tctx *tc_new(const struct mb_profile *p)
{
	struct tctx *t = calloc(1, sizeof(*t));
	struct mb_env env = {0};

	env.ctx = t;
	env.event = tc_event;
	env.print = tc_print;
	env.phys_to_virt = tc_p2v;
	env.virt_to_phys = tc_v2p;
	env.table_alloc = tc_table_alloc;
	env.table_free = tc_table_free;
	assert_int_equal(
		mb_init(&t->mb, p, &env, t->mem, 128, t->res, 128, NULL, 0), 0);
	return t;
}

static inline void tc_free(struct tctx *t)
{
	for (int i = 0; i < t->ntables; i++)
		free(t->tables[i]);
	free(t->ram);
	free(t);
}

/* Assert the invariants hold; print which one broke. */
#define CHECK(t)                                                               \
	do {                                                                   \
		const char *what_ = NULL;                                      \
		int rc_ = mb_check(&(t)->mb, &what_);                          \
		if (rc_)                                                       \
			fail_msg("mb_check: %s", what_ ? what_ : "?");         \
	} while (0)

/* Assert region @i of @type is [base, base+size) with flags/nid. */
#define REGION(type, i, b, s, f, n)                                            \
	do {                                                                   \
		assert_true((unsigned long)(i) < (type).cnt);                  \
		assert_int_equal((type).regions[i].base, (b));                 \
		assert_int_equal((type).regions[i].size, (s));                 \
		assert_int_equal((type).regions[i].flags, (f));                \
		assert_int_equal((type).regions[i].nid, (n));                  \
	} while (0)

#endif
