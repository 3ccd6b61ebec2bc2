/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared helpers of the libFuzzer targets: a host-backed instance and the
 * invariant check that turns a broken table into a crash. */
#ifndef MEMBLOCK_FUZZ_UTIL_H
#define MEMBLOCK_FUZZ_UTIL_H

#include "harness.h"

#include <stdio.h>
#include <stdlib.h>

/** fuzz_instance - @h set up for @profile with growth allowed. */
static inline void fuzz_instance(struct harness *h,
				 const struct mb_profile *profile)
{
	struct hcfg cfg = {.profile = profile, .nmem = 128, .nres = 128};

	harness_start(h, &cfg);
	mb_allow_resize(&h->mb);
}

/** fuzz_check - abort (a libFuzzer crash) when mb_check objects. */
static inline void fuzz_check(const struct memblock *mb, const char *who)
{
	const char *what = NULL;

	if (mb_check(mb, &what)) {
		fprintf(stderr, "%s: mb_check: %s\n", who, what ? what : "?");
		abort();
	}
}

#endif
