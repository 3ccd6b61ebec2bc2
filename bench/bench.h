/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared pieces of the benchmark: RNG, clock, checksum, instance setup. */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdint.h>

#include <memblock/memblock.h>

/** xorshift64 - the benchmark's only source of randomness (seed 42). */
uint64_t bench_rand(void);
void bench_seed(uint64_t seed);
/** bench_range - uniform-ish integer in [lo, hi]. */
uint64_t bench_range(uint64_t lo, uint64_t hi);

/** bench_now_ns - monotonic clock in nanoseconds. */
uint64_t bench_now_ns(void);

/** bench_mix - fold @v into the running checksum @cs (FNV-1a style). */
uint64_t bench_mix(uint64_t cs, uint64_t v);

/**
 * bench_instance - a fresh x86_64 instance whose tables may grow into
 * host memory (env.table_alloc); the simulated RAM is unbacked.
 */
struct memblock *bench_instance(void);
void bench_instance_free(struct memblock *mb);

/* Workloads: each prints one line per run. */
void bench_w1(void);
/* W2 leaves its instance for W4 (the caller frees it). */
struct memblock *bench_w2(unsigned long n);
void bench_w3(void);
void bench_w4(struct memblock *mb, unsigned long n);

#endif
