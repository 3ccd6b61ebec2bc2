/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock-bench: W1 typical boot, W2 fragmented reserved table (N = 1e3,
 * 1e4, 1e5), W3 NUMA allocations, W4 free-range walks of W2's end states.
 * One line per run: name, ns/op per operation kind, checksum of every
 * returned address. The RNG is xorshift64 seeded 42 at the start of each
 * workload, so checksums are reproducible across machines.
 */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t rng_state = 42;

void bench_seed(uint64_t seed)
{
	rng_state = seed;
}

uint64_t bench_rand(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return x;
}

uint64_t bench_range(uint64_t lo, uint64_t hi)
{
	return lo + bench_rand() % (hi - lo + 1);
}

uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

uint64_t bench_mix(uint64_t cs, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		cs ^= (v >> (8 * i)) & 0xff;
		cs *= 0x100000001b3ULL;
	}
	return cs;
}

static void *unbacked(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	(void)phys;
	return NULL;
}

static struct memblock_region *table_alloc(void *ctx, mb_phys_t phys,
					   size_t entries)
{
	(void)ctx;
	(void)phys;
	return calloc(entries, sizeof(struct memblock_region));
}

static void table_free(void *ctx, struct memblock_region *regions,
		       size_t entries)
{
	(void)ctx;
	(void)entries;
	free(regions);
}

struct bench_box {
	struct memblock mb;
	struct memblock_region memory[128], reserved[128];
};

struct memblock *bench_instance(void)
{
	struct bench_box *box = calloc(1, sizeof(*box));
	struct mb_env env = {.phys_to_virt = unbacked,
			     .table_alloc = table_alloc,
			     .table_free = table_free};

	if (!box || mb_init(&box->mb, &mb_profile_x86_64, &env, box->memory,
			    128, box->reserved, 128, NULL, 0)) {
		fprintf(stderr, "memblock-bench: cannot set up an instance\n");
		exit(2);
	}
	mb_allow_resize(&box->mb);
	return &box->mb;
}

void bench_instance_free(struct memblock *mb)
{
	struct bench_box *box = (struct bench_box *)mb;

	if (mb->memory.regions != box->memory)
		free(mb->memory.regions);
	if (mb->reserved.regions != box->reserved)
		free(mb->reserved.regions);
	free(box);
}

int main(void)
{
	static const unsigned long sizes[] = {1000, 10000, 100000};

	bench_w1();
	for (unsigned i = 0; i < 3; i++) {
		struct memblock *mb = bench_w2(sizes[i]);

		bench_w4(mb, sizes[i]);
		bench_instance_free(mb);
	}
	bench_w3();
	return 0;
}
