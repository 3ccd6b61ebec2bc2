/* SPDX-License-Identifier: BSD-2-Clause */
/* Snapshots of a harness's core instance (see aon_snap.h). */
#include "aon_snap.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct memblock_type *table(struct memblock *mb, int t)
{
	return t == 0 ? &mb->memory : t == 1 ? &mb->reserved : &mb->physmem;
}

static struct memblock_region *init_array(struct harness *h, int t)
{
	return t == 0 ? h->init_mem : t == 1 ? h->init_res : h->init_phys;
}

void snap_take(struct harness *h, struct snap *s)
{
	s->mb = h->mb;
	for (int t = 0; t < 3; t++) {
		struct memblock_type *ty = table(&h->mb, t);
		s->arr[t] = NULL;
		if (!ty->max)
			continue;
		s->arr[t] = malloc(ty->max * sizeof(*ty->regions));
		memcpy(s->arr[t], ty->regions, ty->max * sizeof(*ty->regions));
	}
}

/* Put the snapshot back, giving grown tables fresh host arrays. */
void snap_restore(struct harness *h, const struct snap *s)
{
	for (int t = 0; t < 3; t++) {
		struct memblock_type *cur = table(&h->mb, t);
		if (cur->regions && cur->regions != init_array(h, t))
			free(cur->regions);
	}
	h->mb = s->mb;
	for (int t = 0; t < 3; t++) {
		struct memblock_type *ty = table(&h->mb, t);
		const struct memblock_type *was =
			table((struct memblock *)&s->mb, t);
		if (!ty->max)
			continue;
		if (was->regions != init_array(h, t))
			ty->regions = calloc(ty->max, sizeof(*ty->regions));
		memcpy(ty->regions, s->arr[t], ty->max * sizeof(*ty->regions));
	}
}

void snap_drop(struct snap *s)
{
	for (int t = 0; t < 3; t++)
		free(s->arr[t]);
}

#define FIELD(f)                                                               \
	{                                                                      \
		offsetof(struct memblock, f),                                  \
			sizeof(((struct memblock *)0)->f), #f                  \
	}
/* Names the field holding byte @off of struct memblock (reports). */
static const char *field_at(size_t off)
{
	static const struct {
		size_t off, len;
		const char *name;
	} f[] = {
		FIELD(bottom_up),
		FIELD(current_limit),
		FIELD(memory),
		FIELD(reserved),
		FIELD(physmem),
		FIELD(profile),
		FIELD(env),
		FIELD(debug),
		FIELD(can_resize),
		FIELD(mirrored_kernelcore),
		FIELD(system_has_some_mirror),
		FIELD(movable_node),
		FIELD(memory_array_phys),
		FIELD(reserved_array_phys),
		FIELD(physmem_array_phys),
		FIELD(memory_total_slack),
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (off >= f[i].off && off < f[i].off + f[i].len)
			return f[i].name;
	return "padding or another field";
}

/* Byte-for-byte equality with the snapshot, ignoring the knobs the test
 * set and the growth counter. */
bool snap_equal(struct harness *h, const struct memblock *before,
		const struct snap *s, char *why, size_t len)
{
	struct memblock now = h->mb, then = *before;

	now.can_resize = then.can_resize;
	now.fail_growth_after = then.fail_growth_after;
	now.growth_count = then.growth_count;
	/* Known and reported: mb_mark_mirror sets system_has_some_mirror
	 * before it isolates (as Linux 6.1 does), so a mark that fails for
	 * want of table room still leaves it set. */
	now.system_has_some_mirror = then.system_has_some_mirror;
	if (memcmp(&now, &then, sizeof(now))) {
		const unsigned char *p = (const void *)&now,
				    *q = (const void *)&then;
		size_t off = 0;
		while (p[off] == q[off])
			off++;
		snprintf(why, len, "struct memblock changed (byte %zu: %s)",
			 off, field_at(off));
		return false;
	}
	for (int t = 0; t < 3; t++) {
		struct memblock_type *ty = table(&h->mb, t);
		if (ty->max && memcmp(ty->regions, s->arr[t],
				      ty->max * sizeof(*ty->regions))) {
			snprintf(why, len, "%s array changed", ty->name);
			return false;
		}
	}
	return true;
}
