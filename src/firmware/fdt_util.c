/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Property access helpers for the device-tree front end. Every read goes
 * through libfdt with the blob's real length, so a property never reads
 * past the structure block.
 */
#include "fdt_internal.h"

bool fwdt_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

const fdt32_t *fwdt_prop(const struct mb_fdt *dt, int node, const char *name,
			 int *len)
{
	int l = 0;
	const void *p = fdt_getprop(dt->blob, node, name, &l);

	if (!p || l < 0) {
		*len = 0;
		return NULL;
	}
	*len = l;
	return p;
}

bool fwdt_has(const struct mb_fdt *dt, int node, const char *name)
{
	return fdt_getprop(dt->blob, node, name, NULL) != NULL;
}

/* A string property is usable only when it is NUL-terminated inside its
 * own length (the blob is untrusted). */
static const char *string_prop(const struct mb_fdt *dt, int node,
			       const char *name)
{
	int len;
	const char *s = (const char *)fwdt_prop(dt, node, name, &len);

	if (!s || len < 1 || s[len - 1] != '\0')
		return NULL;
	return s;
}

bool fwdt_available(const struct mb_fdt *dt, int node)
{
	int len;
	const char *s = (const char *)fwdt_prop(dt, node, "status", &len);

	if (!s)
		return true;
	if (len < 1 || s[len - 1] != '\0')
		return false;
	return fwdt_streq(s, "okay") || fwdt_streq(s, "ok");
}

bool fwdt_compatible(const struct mb_fdt *dt, int node, const char *compat)
{
	return fdt_node_check_compatible(dt->blob, node, compat) == 0;
}

bool fwdt_is_memory_node(const struct mb_fdt *dt, int node)
{
	const char *type = string_prop(dt, node, "device_type");

	return type && fwdt_streq(type, "memory");
}

const char *fwdt_pa(const struct memblock *mb, mb_phys_t v, char buf[20])
{
	if (mb->profile.phys_bits <= 32)
		mb_snprintf(buf, 20, "0x%08llx", (unsigned long long)v);
	else
		mb_snprintf(buf, 20, "0x%016llx", (unsigned long long)v);
	return buf;
}

bool fwdt_room(const struct memblock *mb, const struct memblock_type *t,
	       unsigned long n)
{
	unsigned long used =
		(t->cnt == 1 && t->regions[0].size == 0) ? 0 : t->cnt;

	return mb->can_resize || used + n <= t->max;
}
