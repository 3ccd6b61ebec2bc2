/* SPDX-License-Identifier: BSD-2-Clause */
/* Snapshots of a harness's core instance: the struct and the contents of
 * every table array, restored into fresh host arrays. */
#ifndef MEMBLOCK_AON_SNAP_H
#define MEMBLOCK_AON_SNAP_H

#include "harness.h"

#include <stdbool.h>
#include <stddef.h>

struct snap {
	struct memblock mb;
	struct memblock_region *arr[3]; /* copies of max entries each */
};

void snap_take(struct harness *h, struct snap *s);
/** snap_restore - put @s back, giving grown tables fresh host arrays. */
void snap_restore(struct harness *h, const struct snap *s);
void snap_drop(struct snap *s);
/**
 * snap_equal - byte-for-byte equality of the instance with @before (the
 * struct as it was right before the call) and @s (array contents),
 * ignoring the growth knobs and counter the tests set.
 */
bool snap_equal(struct harness *h, const struct memblock *before,
		const struct snap *s, char *why, size_t len);

#endif
