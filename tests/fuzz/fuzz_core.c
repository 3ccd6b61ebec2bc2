/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_core: the input is a set-up byte and a stream of operations; each
 * runs on the core and on the reference model, and the harness compares
 * return values, the whole state and mb_check() after every step. Any
 * divergence aborts.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader {
	const uint8_t *p;
	size_t left;
};

static uint64_t take(struct reader *r, size_t bytes)
{
	uint64_t v = 0;

	for (size_t i = 0; i < bytes; i++) {
		v = (v << 8) | (r->left ? *r->p : 0);
		if (r->left) {
			r->p++;
			r->left--;
		}
	}
	return v;
}

/* An address or size: a width byte picks 1..8 bytes, scaled to pages for
 * the short forms so that small inputs make overlapping ranges. */
static uint64_t value(struct reader *r)
{
	uint64_t w = take(r, 1);

	switch (w & 7) {
	case 0:
		return take(r, 1) << 12;
	case 1:
		return take(r, 2) << 12;
	case 2:
		return take(r, 2);
	case 3:
		return take(r, 3) << 8;
	case 4:
		return take(r, 4);
	case 5:
		return ~(uint64_t)0 - take(r, 2);
	case 6:
		return (uint64_t)1 << (take(r, 1) & 63);
	default:
		return take(r, 8);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct mb_profile *const profiles[] = {
		&mb_profile_x86_64, &mb_profile_arm64, &mb_profile_arm32};
	static const unsigned caps[] = {1, 2, 4, 128};
	static struct harness h;
	struct reader r = {data, size};
	uint64_t setup = take(&r, 1);
	struct hcfg cfg = {
		.profile = profiles[(setup & 3) % 3],
		.nmem = caps[(setup >> 2) & 3],
		.nres = caps[(setup >> 4) & 3],
		.nphys = (setup & 0x40) ? 4 : 0,
		.fail_growth_after = (setup & 0x80) ? take(&r, 1) & 7 : 0,
	};

	harness_start(&h, &cfg);
	for (unsigned n = 0; r.left && n < 400; n++) {
		struct op o = {0};
		o.kind = (enum op_kind)(take(&r, 1) % OP__COUNT);
		o.a = value(&r);
		o.b = value(&r);
		if (o.kind >= OP_FIND && o.kind <= OP_ALLOC_NODE) {
			o.c = value(&r);
			o.d = value(&r);
		}
		o.nid = (int)(int8_t)take(&r, 1);
		o.flags = (unsigned)take(&r, 1) & 0x1f;
		if (!harness_step(&h, &o)) {
			char buf[256];
			op_print(&o, buf, sizeof(buf));
			fprintf(stderr, "fuzz_core: divergence after %s: %s\n",
				buf, h.why);
			abort();
		}
	}
	harness_end(&h);
	return 0;
}
