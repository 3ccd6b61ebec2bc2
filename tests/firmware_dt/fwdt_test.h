/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Fixture of the device-tree front-end tests: an instance that records
 * every printed line and traced event, blob loading from the shared
 * corpus, QEMU's way of handing a blob to a kernel, and table checks.
 */
#ifndef MEMBLOCK_TESTS_FWDT_TEST_H
#define MEMBLOCK_TESTS_FWDT_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include <memblock/firmware/fdt.h>
#include <memblock/memblock.h>

#ifndef MEMBLOCK_SHARED_DIR
#error "MEMBLOCK_SHARED_DIR must be defined by the build"
#endif

#define KiB(x) ((mb_phys_t)(x) << 10)
#define MiB(x) ((mb_phys_t)(x) << 20)
#define GiB(x) ((mb_phys_t)(x) << 30)

#define FX_LINES  8192
#define FX_EVENTS 8192

struct fx {
	struct memblock mb;
	struct memblock_region mem[128];
	struct memblock_region res[128];
	char *lines[FX_LINES];
	int nlines;
	struct mb_event ev[FX_EVENTS];
	int nev;
	void *blob;
	size_t blob_size;
	struct mb_fdt dt;
};

static inline char *fx_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	assert_non_null(d);
	memcpy(d, s, n);
	return d;
}

static inline void fx_print(void *ctx, const char *line)
{
	struct fx *f = ctx;

	if (f->nlines < FX_LINES)
		f->lines[f->nlines++] = fx_strdup(line);
}

static inline void fx_event(void *ctx, const struct mb_event *ev)
{
	struct fx *f = ctx;

	if (f->nev < FX_EVENTS)
		f->ev[f->nev++] = *ev;
}

static inline struct fx *fx_new(const struct mb_profile *p)
{
	struct fx *f = calloc(1, sizeof(*f));
	struct mb_env env = {0};

	assert_non_null(f);
	env.ctx = f;
	env.print = fx_print;
	env.event = fx_event;
	assert_int_equal(
		mb_init(&f->mb, p, &env, f->mem, 128, f->res, 128, NULL, 0), 0);
	return f;
}

static inline void fx_free(struct fx *f)
{
	for (int i = 0; i < f->nlines; i++)
		free(f->lines[i]);
	free(f->blob);
	free(f);
}

/** fx_read_file - whole file into a fresh buffer with @extra spare bytes. */
static inline void *fx_read_file(const char *path, size_t *size, size_t extra)
{
	FILE *fp = fopen(path, "rb");
	long n;
	void *buf;

	if (!fp)
		fail_msg("cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + extra + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*size = (size_t)n;
	return buf;
}

/**
 * fx_load_dtb - load shared/dtbs/@name.dtb; @totalsize != 0 re-opens it
 * into a buffer of that many bytes (fdt_open_into), which is what QEMU
 * hands the kernel: vexpress (from -dtb) gets (file size + 10000) * 2,
 * the virt machines 1 MiB.
 */
static inline void fx_load_dtb(struct fx *f, const char *name, size_t totalsize)
{
	char path[512];
	size_t n;
	void *raw;

	snprintf(path, sizeof(path), "%s/dtbs/%s.dtb", MEMBLOCK_SHARED_DIR,
		 name);
	raw = fx_read_file(path, &n, 0);
	if (!totalsize) {
		f->blob = raw;
		f->blob_size = n;
		return;
	}
	f->blob = calloc(1, totalsize);
	assert_non_null(f->blob);
	assert_int_equal(fdt_open_into(raw, f->blob, (int)totalsize), 0);
	f->blob_size = totalsize;
	free(raw);
}

/** fx_qemu_totalsize_from_file - QEMU's load_device_tree size rule. */
static inline size_t fx_qemu_file_dtb_size(const char *name)
{
	char path[512];
	size_t n;

	snprintf(path, sizeof(path), "%s/dtbs/%s.dtb", MEMBLOCK_SHARED_DIR,
		 name);
	free(fx_read_file(path, &n, 0));
	return (n + 10000) * 2;
}

/** fx_set_reg - replace @path's reg with (base, size) in the root's cells. */
static inline void fx_set_reg(struct fx *f, const char *path, mb_phys_t base,
			      mb_phys_t size)
{
	int node = fdt_path_offset(f->blob, path);
	int ac = fdt_address_cells(f->blob, 0), sc = fdt_size_cells(f->blob, 0);
	fdt32_t cells[4];
	int n = 0;

	assert_true(node >= 0);
	if (ac == 2)
		cells[n++] = cpu_to_fdt32((uint32_t)(base >> 32));
	cells[n++] = cpu_to_fdt32((uint32_t)base);
	if (sc == 2)
		cells[n++] = cpu_to_fdt32((uint32_t)(size >> 32));
	cells[n++] = cpu_to_fdt32((uint32_t)size);
	assert_int_equal(fdt_setprop(f->blob, node, "reg", cells,
				     (int)(n * sizeof(cells[0]))),
			 0);
}

static inline void fx_open(struct fx *f, const struct mb_fdt_config *cfg)
{
	assert_int_equal(
		mb_fdt_open(&f->dt, &f->mb, f->blob, f->blob_size, cfg), 0);
}

/** struct rg - an expected region. */
struct rg {
	mb_phys_t base, size;
	unsigned flags;
	int nid; /* -2: don't care */
};

static inline void fx_expect_type(const struct memblock_type *t,
				  const struct rg *want, unsigned long n)
{
	if (n == 0) {
		assert_int_equal(t->cnt, 1);
		assert_int_equal(t->regions[0].size, 0);
		return;
	}
	if (t->cnt != n) {
		for (unsigned long i = 0; i < t->cnt; i++)
			print_message("  %s[%lu] %#llx+%#llx f%x n%d\n",
				      t->name, i,
				      (unsigned long long)t->regions[i].base,
				      (unsigned long long)t->regions[i].size,
				      t->regions[i].flags, t->regions[i].nid);
	}
	assert_int_equal(t->cnt, n);
	for (unsigned long i = 0; i < n; i++) {
		assert_int_equal(t->regions[i].base, want[i].base);
		assert_int_equal(t->regions[i].size, want[i].size);
		assert_int_equal(t->regions[i].flags, want[i].flags);
		if (want[i].nid != -2)
			assert_int_equal(t->regions[i].nid, want[i].nid);
	}
}

#define EXPECT_MEM(f, ...)                                                     \
	do {                                                                   \
		static const struct rg w_[] = {__VA_ARGS__};                   \
		fx_expect_type(&(f)->mb.memory, w_,                            \
			       sizeof(w_) / sizeof(w_[0]));                    \
	} while (0)
#define EXPECT_RES(f, ...)                                                     \
	do {                                                                   \
		static const struct rg w_[] = {__VA_ARGS__};                   \
		fx_expect_type(&(f)->mb.reserved, w_,                          \
			       sizeof(w_) / sizeof(w_[0]));                    \
	} while (0)
#define EXPECT_MEM_EMPTY(f) fx_expect_type(&(f)->mb.memory, NULL, 0)

/** fx_has_line - index of the first printed line equal to @s, or -1. */
static inline int fx_find_line(const struct fx *f, const char *s)
{
	for (int i = 0; i < f->nlines; i++)
		if (!strcmp(f->lines[i], s))
			return i;
	return -1;
}

static inline void fx_expect_line(const struct fx *f, const char *s)
{
	if (fx_find_line(f, s) < 0) {
		for (int i = 0; i < f->nlines; i++)
			print_message("  printed: %s\n", f->lines[i]);
		fail_msg("line not printed: %s", s);
	}
}

static inline void fx_check(const struct fx *f)
{
	const char *what = NULL;

	if (mb_check(&f->mb, &what) != 0)
		fail_msg("mb_check: %s", what ? what : "?");
}

#endif
