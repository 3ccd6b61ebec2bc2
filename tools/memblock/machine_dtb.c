/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * machine_dtb.c - find, check and edit the device tree of a simulated boot
 * (what QEMU's -dtb / -append loader does before the kernel runs).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "file_util.h"
#include "machine_dtb.h"

int bm_machine_from_dtb(const char *path, const char *blob, size_t len,
			struct bm_machine *m, char *err, size_t errlen)
{
	const char *base;
	int ac;

	if (len < sizeof(struct fdt_header) || fdt_check_header(blob) ||
	    fdt_totalsize(blob) > len || fdt_check_full(blob, len)) {
		snprintf(err, errlen, "%s: corrupt device tree", path);
		return -1;
	}
	bm_machine_parse("", 0, m, err, errlen); /* defaults only */
	base = strrchr(path, '/');
	snprintf(m->name, sizeof(m->name), "%s", base ? base + 1 : path);
	ac = fdt_address_cells(blob, 0);
	if (ac == 2) {
		m->arch = BM_ARM64;
		m->profile = mb_profile_arm64;
		m->cma_size = 64ULL << 20;
	} else {
		m->arch = BM_ARM32;
		m->profile = mb_profile_arm32;
		m->cma_size = 16ULL << 20;
	}
	m->style = 6;
	snprintf(m->dtb, sizeof(m->dtb), "%s", path);
	m->dtb_size = 0;
	snprintf(m->cmdline, sizeof(m->cmdline), "memblock=debug");
	return 0;
}

/* Device trees larger than this are refused (a real one is under 1 MiB). */
#define DTB_MAX_BYTES (16u << 20)

static void *read_file(const char *path, size_t *len)
{
	return fu_read_file(path, DTB_MAX_BYTES, len, NULL);
}

/* A minimal vexpress-like tree for when the shared corpus is absent. */
static void *minimal_tree(size_t *len)
{
	size_t sz = 4096;
	void *b = calloc(1, sz);
	int root, n;
	fdt32_t reg[2] = {cpu_to_fdt32(0x60000000), cpu_to_fdt32(0x8000000)};

	if (!b || fdt_create_empty_tree(b, (int)sz)) {
		free(b);
		return NULL;
	}
	root = 0;
	fdt_setprop_u32(b, root, "#address-cells", 1);
	fdt_setprop_u32(b, root, "#size-cells", 1);
	fdt_setprop_string(b, root, "model", "V2P-CA9");
	n = fdt_add_subnode(b, root, "memory@60000000");
	if (n >= 0) {
		fdt_setprop_string(b, n, "device_type", "memory");
		fdt_setprop(b, n, "reg", reg, sizeof(reg));
	}
	fdt_add_subnode(b, root, "chosen");
	fdt_pack(b);
	*len = fdt_totalsize(b);
	return b;
}

static void *load_named(const struct bm_machine *m, size_t *len, char *path,
			size_t pathlen)
{
	const char *name = m->dtb;
	const char *dir = getenv("MEMBLOCK_SHARED_DIR");
	void *b;

	if (strncmp(name, "shared:", 7)) {
		snprintf(path, pathlen, "%s", name);
		return read_file(name, len);
	}
	name += 7;
#ifdef MEMBLOCK_SHARED_DIR
	if (!dir)
		dir = MEMBLOCK_SHARED_DIR;
#endif
	snprintf(path, pathlen, "%s/dtbs/%s.dtb", dir ? dir : ".", name);
	b = read_file(path, len);
	if (!b && strstr(name, "vexpress"))
		b = minimal_tree(len);
	return b;
}

static int set_memory(void *b, const struct bm_machine *m)
{
	int ac = fdt_address_cells(b, 0), sc = fdt_size_cells(b, 0);
	int node, n = 0;
	fdt32_t cells[4];

	if (!m->nram)
		return 0;
	fdt_for_each_subnode(node, b, 0)
	{
		const char *t = fdt_getprop(b, node, "device_type", NULL);

		if (t && !strcmp(t, "memory"))
			break;
	}
	if (node < 0)
		return 0;
	if (ac == 2)
		cells[n++] = cpu_to_fdt32((uint32_t)(m->ram[0].base >> 32));
	cells[n++] = cpu_to_fdt32((uint32_t)m->ram[0].base);
	if (sc == 2)
		cells[n++] = cpu_to_fdt32((uint32_t)(m->ram[0].size >> 32));
	cells[n++] = cpu_to_fdt32((uint32_t)m->ram[0].size);
	return fdt_setprop(b, node, "reg", cells, (int)(n * sizeof(cells[0])));
}

int bm_dtb_prepare(const struct bm_machine *m, void **blob, size_t *size,
		   char *err, size_t errlen)
{
	char path[600];
	size_t len = 0, total;
	void *raw = load_named(m, &len, path, sizeof(path)), *b;
	int chosen;

	*blob = NULL;
	if (!raw) {
		snprintf(err, errlen, "%s: cannot read device tree", path);
		return -1;
	}
	if (len < sizeof(struct fdt_header) || fdt_check_header(raw) ||
	    fdt_totalsize(raw) > len || fdt_check_full(raw, len)) {
		free(raw);
		snprintf(err, errlen, "%s: corrupt device tree", path);
		return -1;
	}
	if (m->dtb_size > 0)
		total = (size_t)m->dtb_size;
	else if (m->dtb_size < 0)
		total = (len + 10000) * 2; /* QEMU's load_device_tree rule */
	else
		total = len + 4096 + strlen(m->cmdline); /* packed below */
	b = calloc(1, total);
	if (!b || fdt_open_into(raw, b, (int)total)) {
		free(raw);
		free(b);
		snprintf(err, errlen, "%s: does not fit in dtb-size %zu bytes",
			 path, total);
		return -1;
	}
	free(raw);
	chosen = fdt_path_offset(b, "/chosen");
	if (chosen < 0)
		chosen = fdt_add_subnode(b, 0, "chosen");
	if (chosen < 0 ||
	    (m->cmdline[0] &&
	     fdt_setprop_string(b, chosen, "bootargs", m->cmdline)) ||
	    (m->dtb_set_memory && set_memory(b, m))) {
		free(b);
		snprintf(err, errlen, "%s: cannot edit the tree (dtb-size?)",
			 path);
		return -1;
	}
	if (m->dtb_size == 0)
		fdt_pack(b);
	*blob = b;
	*size = fdt_totalsize(b);
	return 0;
}
