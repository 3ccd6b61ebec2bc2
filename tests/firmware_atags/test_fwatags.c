/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ATAG lists built byte by byte as QEMU builds them for a 32-bit ARM
 * kernel (hw/arm/boot.c set_kernel_args: CORE, MEM, [INITRD2], CMDLINE,
 * NONE at loader_start + 0x100), malformed lists, the NR_BANKS limit, the
 * bank rules and the ARM mem= option.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>
#include <memblock/memblock.h>

#define MiB(x) ((mb_phys_t)(x) << 20)

struct fx {
	struct memblock mb;
	struct memblock_region mem[128], res[128];
	char lines[64][160];
	int nlines;
	uint32_t w[256]; /* the list being built */
	size_t nw;
};

static void fx_print(void *ctx, const char *line)
{
	struct fx *f = ctx;

	if (f->nlines < 64)
		snprintf(f->lines[f->nlines++], 160, "%s", line);
}

static struct fx *fx_new(void)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct mb_env env = {0};

	env.ctx = f;
	env.print = fx_print;
	assert_int_equal(mb_init(&f->mb, &mb_profile_arm32, &env, f->mem, 128,
				 f->res, 128, NULL, 0),
			 0);
	return f;
}

static void expect_line(struct fx *f, const char *s)
{
	for (int i = 0; i < f->nlines; i++)
		if (!strcmp(f->lines[i], s))
			return;
	for (int i = 0; i < f->nlines; i++)
		print_message("  printed: %s\n", f->lines[i]);
	fail_msg("not printed: %s", s);
}

static void put(struct fx *f, uint32_t v)
{
	assert_true(f->nw < 256);
	f->w[f->nw++] = v;
}

static void tag_core(struct fx *f)
{
	put(f, 5); /* header + flags, pagesize, rootdev */
	put(f, MB_ATAG_CORE);
	put(f, 1);
	put(f, 0x1000);
	put(f, 0);
}

static void tag_mem(struct fx *f, uint32_t start, uint32_t size)
{
	put(f, 4);
	put(f, MB_ATAG_MEM);
	put(f, size); /* struct tag_mem32: size first, then start */
	put(f, start);
}

/* QEMU: (len >> 2) + 1 payload words (room for the NUL), + 2 header. */
static void tag_cmdline(struct fx *f, const char *s)
{
	size_t len = strlen(s), words = (len >> 2) + 1 + 2;

	put(f, (uint32_t)words);
	put(f, MB_ATAG_CMDLINE);
	memset(&f->w[f->nw], 0, (words - 2) * 4);
	memcpy(&f->w[f->nw], s, len + 1);
	f->nw += words - 2;
}

static void tag_none(struct fx *f)
{
	put(f, 0);
	put(f, MB_ATAG_NONE);
}

static int parse(struct fx *f, struct mb_atags *a)
{
	return mb_atags_parse(&f->mb, f->w, f->nw * 4, a);
}

/* What QEMU leaves at 0x60000100 for vexpress -m 128M: memory becomes
 * the seed's [0x60000000-0x67ffffff]. */
static void qemu_vexpress_list(void **state)
{
	struct fx *f = fx_new();
	struct mb_atags a;

	(void)state;
	tag_core(f);
	tag_mem(f, 0x60000000, 0x08000000);
	tag_cmdline(f, "console=ttyAMA0 memblock=debug");
	tag_none(f);
	assert_int_equal(parse(f, &a), 0);
	assert_true(a.has_core);
	assert_int_equal(a.core_pagesize, 0x1000);
	assert_int_equal(a.ntags, 4);
	assert_int_equal(a.meminfo.nr_banks, 1);
	assert_int_equal(a.meminfo.bank[0].start, 0x60000000);
	assert_int_equal(a.meminfo.bank[0].size, 0x08000000);
	assert_string_equal(a.cmdline, "console=ttyAMA0 memblock=debug");
	assert_int_equal(mb_meminfo_register(&f->mb, &a.meminfo), 0);
	assert_int_equal(f->mb.memory.cnt, 1);
	assert_int_equal(f->mb.memory.regions[0].base, 0x60000000);
	assert_int_equal(f->mb.memory.regions[0].size, 0x08000000);
	free(f);
}

static void initrd_and_unknown(void **state)
{
	struct fx *f = fx_new();
	struct mb_atags a;

	(void)state;
	tag_core(f);
	put(f, 4);
	put(f, MB_ATAG_INITRD2);
	put(f, 0x62000000); /* start */
	put(f, 0x00400000); /* size */
	put(f, 3);
	put(f, 0x54410003); /* ATAG_VIDEOTEXT-like: not handled */
	put(f, 0xdeadbeef);
	tag_none(f);
	assert_int_equal(parse(f, &a), 0);
	assert_true(a.has_initrd);
	assert_int_equal(a.initrd_start, 0x62000000);
	assert_int_equal(a.initrd_size, 0x00400000);
	assert_null(a.cmdline);
	expect_line(f, "Ignoring unrecognised tag 0x54410003");
	free(f);
}

/* Every cut of a valid list is refused, never read past. */
static void truncated_lists(void **state)
{
	struct fx *f = fx_new();
	struct mb_atags a;
	size_t full;

	(void)state;
	tag_core(f);
	tag_mem(f, 0x60000000, 0x08000000);
	tag_cmdline(f, "root=/dev/mmcblk0");
	tag_none(f);
	full = f->nw * 4;
	for (size_t len = 0; len < full; len++) {
		/* a heap copy of exactly len bytes: ASan sees any overread */
		void *cut = malloc(len ? len : 1);

		memcpy(cut, f->w, len);
		assert_int_equal(mb_atags_parse(&f->mb, cut, len, &a),
				 -MB_EINVAL);
		free(cut);
	}
	assert_int_equal(mb_atags_parse(&f->mb, f->w, full, &a), 0);
	free(f);
}

static void bad_sizes(void **state)
{
	struct fx *f = fx_new();
	struct mb_atags a;

	(void)state;
	/* ATAG_MEM with size 0: would point at itself forever */
	tag_core(f);
	put(f, 0);
	put(f, MB_ATAG_MEM);
	put(f, 0x1000);
	put(f, 0x60000000);
	tag_none(f);
	assert_int_equal(parse(f, &a), -MB_EINVAL);
	/* size 1: shorter than its own header */
	f->w[5] = 1;
	assert_int_equal(parse(f, &a), -MB_EINVAL);
	/* size 3: ATAG_MEM needs 4 words */
	f->w[5] = 3;
	assert_int_equal(parse(f, &a), -MB_EINVAL);
	/* size that runs past the buffer */
	f->w[5] = 0x40000000;
	assert_int_equal(parse(f, &a), -MB_EINVAL);
	/* command line without a NUL */
	f->nw = 0;
	tag_core(f);
	put(f, 3);
	put(f, MB_ATAG_CMDLINE);
	put(f, 0x41414141);
	tag_none(f);
	assert_int_equal(parse(f, &a), -MB_EINVAL);
	/* first tag is not ATAG_CORE */
	f->nw = 0;
	tag_mem(f, 0x60000000, 0x1000000);
	tag_none(f);
	assert_int_equal(parse(f, &a), -MB_ENOENT);
	/* no ATAG_NONE before the end */
	f->nw = 0;
	tag_core(f);
	tag_mem(f, 0x60000000, 0x1000000);
	assert_int_equal(parse(f, &a), -MB_EINVAL);
	free(f);
}

/* 18 ATAG_MEM tags: 16 banks kept, then "Ignoring memory bank"; the
 * registration sorts them (tags given in descending order). */
static void too_many_banks(void **state)
{
	struct fx *f = fx_new();
	struct mb_atags a;

	(void)state;
	tag_core(f);
	for (uint32_t i = 0; i < 18; i++)
		tag_mem(f, 0x80000000u - i * 0x02000000u, 0x01000000);
	tag_none(f);
	assert_int_equal(parse(f, &a), 0);
	assert_int_equal(a.mem_tags, 18);
	assert_int_equal(a.meminfo.nr_banks, MB_NR_BANKS);
	/* tag 16: 0x80000000 - 16 * 0x2000000 = 0x60000000; 16 MiB = 16384KB */
	expect_line(f, "Ignoring memory bank 0x60000000 size 16384KB");
	expect_line(f, "Ignoring memory bank 0x5e000000 size 16384KB");
	assert_int_equal(mb_meminfo_register(&f->mb, &a.meminfo), 0);
	assert_int_equal(f->mb.memory.cnt, 16);
	/* lowest kept: tag 15 at 0x80000000 - 15 * 0x2000000 = 0x62000000 */
	assert_int_equal(f->mb.memory.regions[0].base, 0x62000000);
	assert_int_equal(f->mb.memory.regions[15].base, 0x80000000);
	free(f);
}

static void bank_rules(void **state)
{
	struct fx *f = fx_new();
	struct meminfo mi = {0};

	(void)state;
	/* 0x60000800 + 1 MiB: start up to 0x60001000, size 0x100000 - 0x800
	 * = 0xff800, down to pages: 0xff000 */
	assert_int_equal(mb_meminfo_add(&f->mb, &mi, 0x60000800, 0x100000), 0);
	assert_int_equal(mi.bank[0].start, 0x60001000);
	assert_int_equal(mi.bank[0].size, 0xff000);
	/* less than the way to a page boundary: dropped */
	assert_int_equal(mb_meminfo_add(&f->mb, &mi, 0x70000800, 0x800),
			 -MB_EINVAL);
	/* 0xf0000000 + 512 MiB passes 4 GiB: 0xffffffff - 0xf0000000 =
	 * 0x0fffffff, down to pages 0x0ffff000 */
	assert_int_equal(mb_meminfo_add(&f->mb, &mi, 0xf0000000, 0x20000000),
			 0);
	expect_line(f, "Truncating memory at 0xf0000000 to fit in 32-bit "
		       "physical address space");
	assert_int_equal(mi.bank[1].size, 0x0ffff000);
	assert_int_equal(mb_meminfo_add(&f->mb, &mi, 0x100000000ULL, 0x1000),
			 -MB_EINVAL);
	expect_line(f, "Ignoring memory at 0x100000000 outside 32-bit physical "
		       "address space");
	assert_int_equal(mi.nr_banks, 2);
	free(f);
}

/* ARM mem= on ATAG banks: the first clears, each adds (default start is
 * PHYS_OFFSET). Values from the command-line parser. */
static void mem_option_banks(void **state)
{
	struct fx *f = fx_new();
	struct meminfo mi = {0};
	struct mb_arm_mem_state st = {0};
	struct mb_cmdline cl;
	struct mb_cmdline_range r[4];

	(void)state;
	assert_int_equal(mb_meminfo_add(&f->mb, &mi, 0x60000000, MiB(128)), 0);
	mb_cmdline_init(&cl, NULL, 0, r, 4);
	mb_cmdline_parse(&cl, "console=ttyAMA0 mem=64M mem=32M@0x70000000");
	assert_int_equal(cl.mem_ranges_cnt, 2);
	for (size_t i = 0; i < cl.mem_ranges_cnt; i++)
		assert_int_equal(mb_meminfo_early_mem(&f->mb, &mi, &st,
						      0x60000000, &r[i]),
				 0);
	assert_int_equal(mi.nr_banks, 2);
	assert_int_equal(mi.bank[0].start, 0x60000000);
	assert_int_equal(mi.bank[0].size, MiB(64));
	assert_int_equal(mi.bank[1].start, 0x70000000);
	assert_int_equal(mi.bank[1].size, MiB(32));
	free(f);
}

/* 6.1 form straight into memblock: memory below PHYS_OFFSET is cut. */
static void arm_add_memory_phys_offset(void **state)
{
	struct fx *f = fx_new();
	struct mb_arm_mem_state st = {0};
	struct mb_cmdline_range r = {.size = MiB(256)};

	(void)state;
	assert_int_equal(
		mb_arm_add_memory(&f->mb, 0x60000000, 0x50000000, 0x20000000),
		0);
	expect_line(f,
		    "Ignoring memory below PHYS_OFFSET: 0x50000000-0x60000000");
	assert_int_equal(f->mb.memory.regions[0].base, 0x60000000);
	assert_int_equal(f->mb.memory.regions[0].size, 0x10000000);
	assert_int_equal(
		mb_arm_add_memory(&f->mb, 0x60000000, 0x40000000, 0x1000000),
		-MB_EINVAL);
	expect_line(f,
		    "Ignoring memory below PHYS_OFFSET: 0x40000000-0x41000000");
	/* mem=256M: all memory removed, [0x60000000, +256M) added */
	assert_int_equal(mb_add(&f->mb, 0x70000000, 0x10000000), 0);
	assert_int_equal(mb_arm_early_mem(&f->mb, &st, 0x60000000, &r), 0);
	assert_int_equal(f->mb.memory.cnt, 1);
	assert_int_equal(f->mb.memory.regions[0].size, MiB(256));
	free(f);
}

/* A memory table that cannot take all banks refuses before changing. */
static void register_refuses_when_full(void **state)
{
	struct memblock mb;
	struct memblock_region mem[2], res[2];
	struct meminfo mi = {0};

	(void)state;
	assert_int_equal(
		mb_init(&mb, &mb_profile_arm32, NULL, mem, 2, res, 2, NULL, 0),
		0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(mb_meminfo_add(&mb, &mi,
						0x60000000 + 0x2000000 * i,
						0x1000000),
				 0);
	assert_int_equal(mb_meminfo_register(&mb, &mi), -MB_ENOMEM);
	assert_int_equal(mb.memory.cnt, 1);
	assert_int_equal(mb.memory.regions[0].size, 0);
}

/* Random buffers: always a defined answer (ASan/UBSan build checks the
 * reads). Deterministic LCG, so failures reproduce. */
static void random_lists(void **state)
{
	struct fx *f = fx_new();
	struct mb_atags a;
	uint32_t x = 12345;

	(void)state;
	for (int it = 0; it < 20000; it++) {
		size_t words = 2 + (x % 24);
		uint32_t *buf = malloc(words * 4);
		int r;

		for (size_t i = 0; i < words; i++) {
			x = x * 1103515245u + 12345u;
			/* small sizes and real tag values most of the time */
			buf[i] = (i % 2 == 0) ? (x >> 16) % 8
				 : (x & 1)    ? MB_ATAG_MEM
					      : x;
		}
		buf[1] = MB_ATAG_CORE;
		r = mb_atags_parse(&f->mb, buf, words * 4, &a);
		assert_true(r == 0 || r == -MB_EINVAL || r == -MB_ENOENT);
		if (r == 0)
			assert_true(a.meminfo.nr_banks <= MB_NR_BANKS);
		free(buf);
		f->nlines = 0;
	}
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(qemu_vexpress_list),
		cmocka_unit_test(initrd_and_unknown),
		cmocka_unit_test(truncated_lists),
		cmocka_unit_test(bad_sizes),
		cmocka_unit_test(too_many_banks),
		cmocka_unit_test(bank_rules),
		cmocka_unit_test(mem_option_banks),
		cmocka_unit_test(arm_add_memory_phys_offset),
		cmocka_unit_test(register_refuses_when_full),
		cmocka_unit_test(random_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
