/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fwdt_rules_fixture.c - small device trees built with libfdt for the
 * rule-by-rule tests of the device-tree front end (test_fwdt_rules_*.c).
 */
#include "fwdt_rules_fixture.h"

/* An empty tree with root cells @ac/@sc (0 = leave the property out). */
void *tree(int ac, int sc)
{
	void *b = calloc(1, BLOB);

	assert_int_equal(fdt_create_empty_tree(b, BLOB), 0);
	if (ac)
		assert_int_equal(fdt_setprop_u32(b, 0, "#address-cells", ac),
				 0);
	if (sc)
		assert_int_equal(fdt_setprop_u32(b, 0, "#size-cells", sc), 0);
	return b;
}

int node(void *b, const char *parent, const char *name)
{
	int p = fdt_path_offset(b, parent), n;

	assert_true(p >= 0);
	n = fdt_add_subnode(b, p, name);
	assert_true(n >= 0);
	return n;
}

/* reg-style property of (base, size) pairs in 2/2 or 1/1 cells. */
void pairs(void *b, int n, const char *prop, int cells, const mb_phys_t *v,
	   int count)
{
	fdt32_t c[64];
	int k = 0;

	for (int i = 0; i < count; i++) {
		if (cells == 2)
			c[k++] = cpu_to_fdt32((uint32_t)(v[i] >> 32));
		c[k++] = cpu_to_fdt32((uint32_t)v[i]);
	}
	assert_int_equal(fdt_setprop(b, n, prop, c, k * 4), 0);
}

int memory_node(void *b, const char *name, int cells, mb_phys_t base,
		mb_phys_t size)
{
	int n = node(b, "/", name);
	mb_phys_t v[2] = {base, size};

	assert_int_equal(fdt_setprop_string(b, n, "device_type", "memory"), 0);
	pairs(b, n, "reg", cells, v, 2);
	return n;
}

void rmem_root(void *b, int cells)
{
	int n = node(b, "/", "reserved-memory");

	assert_int_equal(fdt_setprop_u32(b, n, "#address-cells", cells), 0);
	assert_int_equal(fdt_setprop_u32(b, n, "#size-cells", cells), 0);
	assert_int_equal(fdt_setprop(b, n, "ranges", NULL, 0), 0);
}

struct fx *with(const struct mb_profile *p, void *blob)
{
	struct fx *f = fx_new(p);

	f->blob = blob;
	f->blob_size = BLOB;
	fx_open(f, NULL);
	return f;
}
