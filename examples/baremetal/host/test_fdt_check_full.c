/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The front end's blob check, mb_fdt_check_blob() (src/firmware/fdt_check.c,
 * what the bare-metal kernels rely on: the Linux kernel's libfdt copy has no
 * fdt_check_full), against libfdt's own: every real tree of the corpus
 * passes; every single-bit corruption that ours accepts, libfdt accepts
 * too (ours is at least as strict: the front end relies on it); and
 * hand-made broken blobs fail with the error libfdt's documentation gives.
 */
/* cmocka.h needs these four headers first. */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <dirent.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memblock/firmware/fdt.h>

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Calls @fn for every .dtb of the corpus; returns how many. */
static int for_each_dtb(void (*fn)(const char *path))
{
	char path[4096];
	const char *dir = MEMBLOCK_SHARED_DIR "/dtbs";
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);

		if (l < 4 || strcmp(e->d_name + l - 4, ".dtb"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		fn(path);
		n++;
	}
	closedir(d);
	return n;
}

static void accepts_real_tree(const char *path)
{
	size_t len;
	unsigned char *blob = read_file(path, &len);

	assert_int_equal(fdt_check_full(blob, len), 0);
	assert_int_equal(mb_fdt_check_blob(blob, len), 0);
	/* One byte short of totalsize is a truncated buffer. */
	assert_int_equal(mb_fdt_check_blob(blob, fdt_totalsize(blob) - 1),
			 -FDT_ERR_TRUNCATED);
	free(blob);
}

static void corpus_accepted(void **state)
{
	(void)state;
	/* 33 trees in ../shared/dtbs when this test was written. */
	assert_true(for_each_dtb(accepts_real_tree) >= 17);
}

static unsigned long flips, rejected;

static void no_weaker_than_libfdt(const char *path)
{
	size_t len;
	unsigned char *blob = read_file(path, &len);
	unsigned char *copy = malloc(len);
	size_t end = fdt_off_dt_struct(blob) + fdt_size_dt_struct(blob);

	assert_non_null(copy);
	/* Header and reservation map byte by byte, the structure block at
	 * about 400 spread offsets (each check walks the whole blob): bits
	 * 0, 3 and 6 of each byte visited. */
	size_t step = end > 128 + 400 ? (end - 128) / 400 : 1;

	for (size_t off = 0; off < end; off += off < 128 ? 1 : step) {
		for (int bit = 0; bit < 8; bit += 3) {
			memcpy(copy, blob, len);
			copy[off] ^= (unsigned char)(1u << bit);
			int ours = mb_fdt_check_blob(copy, len);

			flips++;
			if (ours == 0) {
				if (fdt_check_full(copy, len) != 0)
					fail_msg("%s: bit %d of byte %zu: ours "
						 "accepts, libfdt rejects",
						 path, bit, off);
			} else {
				rejected++;
			}
		}
	}
	free(copy);
	free(blob);
}

static void corruptions_no_weaker(void **state)
{
	(void)state;
	flips = rejected = 0;
	for_each_dtb(no_weaker_than_libfdt);
	/* Plenty of the flips must have been caught at all. */
	assert_true(flips > 20000);
	assert_true(rejected > flips / 20);
}

/* A small valid tree: / { a = <1>; n { }; }; */
static void build_tree(unsigned char *buf, size_t len)
{
	assert_int_equal(fdt_create(buf, (int)len), 0);
	assert_int_equal(fdt_add_reservemap_entry(buf, 0x1000, 0x2000), 0);
	assert_int_equal(fdt_finish_reservemap(buf), 0);
	assert_int_equal(fdt_begin_node(buf, ""), 0);
	assert_int_equal(fdt_property_u32(buf, "a", 1), 0);
	assert_int_equal(fdt_begin_node(buf, "n"), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_finish(buf), 0);
}

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void broken_blobs(void **state)
{
	unsigned char buf[512];
	unsigned char *s;

	(void)state;
	build_tree(buf, sizeof(buf));
	assert_int_equal(mb_fdt_check_blob(buf, sizeof(buf)), 0);
	s = buf + fdt_off_dt_struct(buf);
	/* Structure: BEGIN_NODE "" (4 + 4), PROP (12) "a" value (4),
	 * BEGIN_NODE "n" (4 + 4), END_NODE, END_NODE, END. */

	/* Bad magic. */
	build_tree(buf, sizeof(buf));
	buf[0] ^= 1;
	assert_int_equal(mb_fdt_check_blob(buf, sizeof(buf)),
			 -FDT_ERR_BADMAGIC);

	/* Buffer smaller than a v1 header. */
	build_tree(buf, sizeof(buf));
	assert_int_equal(mb_fdt_check_blob(buf, 16), -FDT_ERR_TRUNCATED);

	/* The root node named "x" instead of "". */
	build_tree(buf, sizeof(buf));
	s[4] = 'x';
	assert_int_equal(mb_fdt_check_blob(buf, sizeof(buf)),
			 -FDT_ERR_BADSTRUCTURE);

	/* Property name offset past the strings block. */
	build_tree(buf, sizeof(buf));
	put_be32(s + 8 + 8, fdt_size_dt_strings(buf) + 100);
	assert_true(mb_fdt_check_blob(buf, sizeof(buf)) < 0);
	assert_true(fdt_check_full(buf, sizeof(buf)) < 0);

	/* Property length 0xfffffff4: the tag walk would come back to the
	 * same offset (12 + len wraps to 0) and loop forever (libfdt 1.6.1's
	 * own fdt_check_full does; fuzz_dt found it). Refused, and returns. */
	build_tree(buf, sizeof(buf));
	put_be32(s + 8 + 4, 0xfffffff4u);
	assert_int_equal(mb_fdt_check_blob(buf, sizeof(buf)),
			 -FDT_ERR_BADSTRUCTURE);

	/* One END_NODE too many: the second END_NODE becomes... the node
	 * "n" closes twice when its BEGIN_NODE turns into END_NODE + NOP. */
	build_tree(buf, sizeof(buf));
	put_be32(s + 24, FDT_END_NODE);
	put_be32(s + 28, FDT_NOP);
	assert_int_equal(mb_fdt_check_blob(buf, sizeof(buf)),
			 -FDT_ERR_BADSTRUCTURE);

	/* FDT_END inside the root (depth 1). */
	build_tree(buf, sizeof(buf));
	put_be32(s + 24, FDT_END);
	assert_int_equal(mb_fdt_check_blob(buf, sizeof(buf)),
			 -FDT_ERR_BADSTRUCTURE);

	/* No root at all: libfdt accepts an empty structure block, ours
	 * does not (the front end needs "/"). */
	build_tree(buf, sizeof(buf));
	put_be32(s, FDT_END);
	assert_int_equal(mb_fdt_check_blob(buf, sizeof(buf)),
			 -FDT_ERR_BADSTRUCTURE);

	/* Reservation map without its terminating entry inside the blob:
	 * point it at the last 8 bytes, where no 16-byte entry fits. */
	build_tree(buf, sizeof(buf));
	put_be32(buf + 16, fdt_totalsize(buf) - 8);
	assert_true(mb_fdt_check_blob(buf, sizeof(buf)) < 0);
	assert_true(fdt_check_full(buf, sizeof(buf)) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(corpus_accepted),
		cmocka_unit_test(corruptions_no_weaker),
		cmocka_unit_test(broken_blobs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
