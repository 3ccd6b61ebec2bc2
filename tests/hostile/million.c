/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock-million N: N separate reservations (stride 8K, 4K each) through
 * host-backed growth, then mb_check. Expected by hand: the reserved table
 * doubles from 128 to the first power of two >= N + 1 (the last array's
 * own region); cnt = N + 1; total = N * 4K + PAGE_ALIGN(max * 24).
 */
#include "harness.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	static struct harness h;
	struct hcfg cfg = {
		.profile = &mb_profile_x86_64, .nmem = 128, .nres = 128};
	unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 0) : 1048577;
	clock_t t0 = clock();

	harness_start(&h, &cfg);
	mb_allow_resize(&h.mb);
	/* RAM for the arrays: 2 GiB from 1 MiB */
	if (mb_add(&h.mb, 1 << 20, 2048ULL << 20))
		return 1;
	for (unsigned long i = 0; i < n; i++)
		if (mb_reserve(&h.mb, 0x100000000ULL + i * 0x2000, 0x1000)) {
			printf("million: reserve %lu failed\n", i);
			return 1;
		}
	unsigned long max = 128;
	while (max < n + 1)
		max *= 2;
	uint64_t bytes = ((uint64_t)max * 24 + 4095) / 4096 * 4096;
	const char *what = NULL;
	int ok = h.mb.reserved.max == max && h.mb.reserved.cnt == n + 1 &&
		 h.mb.reserved.total_size == n * 0x1000ULL + bytes &&
		 mb_check(&h.mb, &what) == 0;
	printf("million: %lu regions, max %lu, %.1f s, %s\n", h.mb.reserved.cnt,
	       h.mb.reserved.max, (double)(clock() - t0) / CLOCKS_PER_SEC,
	       ok ? "ok" : "WRONG");
	harness_end(&h);
	return ok ? 0 : 1;
}
