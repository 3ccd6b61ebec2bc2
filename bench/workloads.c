/* SPDX-License-Identifier: BSD-2-Clause */
/* The four workloads. Sizes and counts are fixed by docs/bench.md. */
#include "bench.h"

#include <stdio.h>
#include <stdlib.h>

#define KiB 1024ULL
#define MiB (1024 * KiB)
#define GiB (1024 * MiB)

static double per_op(uint64_t ns, unsigned long ops)
{
	return ops ? (double)ns / (double)ops : 0.0;
}

/* A power of two in [2^lo, 2^hi]. */
static uint64_t pow2_between(unsigned lo, unsigned hi)
{
	return 1ULL << bench_range(lo, hi);
}

/*
 * W1: a typical boot. Memory [1 MiB, 2 GiB) and [4 GiB, 8 GiB); 200
 * reservations of 1 byte..1 MiB anywhere in the first region; 2000
 * allocations of 8..4096 bytes aligned 8..4096; 50 frees of earlier
 * allocations.
 */
void bench_w1(void)
{
	struct memblock *mb = bench_instance();
	static mb_phys_t addr[2000], size[2000];
	uint64_t cs = 0xcbf29ce484222325ULL, t0, t_res, t_alloc, t_free;

	bench_seed(42);
	mb_add(mb, 1 * MiB, 2 * GiB - 1 * MiB);
	mb_add(mb, 4 * GiB, 4 * GiB);

	t0 = bench_now_ns();
	for (int i = 0; i < 200; i++)
		mb_reserve(mb, bench_range(1 * MiB, 2 * GiB - 2 * MiB),
			   bench_range(1, 1 * MiB));
	t_res = bench_now_ns() - t0;

	t0 = bench_now_ns();
	for (int i = 0; i < 2000; i++) {
		size[i] = bench_range(8, 4096);
		addr[i] = mb_phys_alloc(mb, size[i], pow2_between(3, 12));
		cs = bench_mix(cs, addr[i]);
	}
	t_alloc = bench_now_ns() - t0;

	t0 = bench_now_ns();
	for (int i = 0; i < 50; i++) {
		int k = (int)bench_range(0, 1999);

		mb_phys_free(mb, addr[k], size[k]);
	}
	t_free = bench_now_ns() - t0;
	cs = bench_mix(cs, mb_reserved_size(mb));
	printf("W1 reserve=%.1f alloc=%.1f free=%.1f ns/op reserved.cnt=%lu "
	       "checksum=0x%016llx\n",
	       per_op(t_res, 200), per_op(t_alloc, 2000), per_op(t_free, 50),
	       mb->reserved.cnt, (unsigned long long)cs);
	bench_instance_free(mb);
}

/*
 * W2: a fragmented reserved table. 64 GiB of memory, @n random 4 KiB
 * reservations, then 1000 top-down page allocations, 1000 is_reserved and
 * 1000 is_region_reserved(64 KiB) queries at random addresses.
 */
struct memblock *bench_w2(unsigned long n)
{
	struct memblock *mb = bench_instance();
	uint64_t cs = 0xcbf29ce484222325ULL, t0, t_res, t_alloc, t_is, t_isr;

	bench_seed(42);
	mb_add(mb, 0, 64 * GiB);

	t0 = bench_now_ns();
	for (unsigned long i = 0; i < n; i++)
		mb_reserve(mb,
			   bench_range(1, 64 * GiB / (4 * KiB) - 1) * 4 * KiB,
			   4 * KiB);
	t_res = bench_now_ns() - t0;

	t0 = bench_now_ns();
	for (int i = 0; i < 1000; i++)
		cs = bench_mix(cs, mb_phys_alloc(mb, 4 * KiB, 4 * KiB));
	t_alloc = bench_now_ns() - t0;

	unsigned hits = 0;

	t0 = bench_now_ns();
	for (int i = 0; i < 1000; i++)
		hits += mb_is_reserved(mb, bench_range(0, 64 * GiB - 1));
	t_is = bench_now_ns() - t0;
	t0 = bench_now_ns();
	for (int i = 0; i < 1000; i++)
		hits += mb_is_region_reserved(
			mb,
			bench_range(0, 64 * GiB / (64 * KiB) - 1) * 64 * KiB,
			64 * KiB);
	t_isr = bench_now_ns() - t0;
	cs = bench_mix(cs, hits);
	cs = bench_mix(cs, mb->reserved.cnt);
	printf("W2 N=%lu reserve=%.1f alloc=%.1f is_reserved=%.1f "
	       "is_region_reserved=%.1f ns/op reserved.cnt=%lu "
	       "checksum=0x%016llx\n",
	       n, per_op(t_res, n), per_op(t_alloc, 1000), per_op(t_is, 1000),
	       per_op(t_isr, 1000), mb->reserved.cnt, (unsigned long long)cs);
	return mb;
}

/*
 * W3: NUMA. 64 memory regions of 1 GiB on 8 nodes (region i on node i / 8,
 * 1 GiB holes between regions), 10000 node-specific allocations of
 * 64 B..64 KiB aligned 64..4096.
 */
void bench_w3(void)
{
	struct memblock *mb = bench_instance();
	uint64_t cs = 0xcbf29ce484222325ULL, t0, t_alloc;

	bench_seed(42);
	for (int i = 0; i < 64; i++)
		mb_add_node(mb, (mb_phys_t)(2 * i + 1) * GiB, GiB, i / 8,
			    MEMBLOCK_NONE);
	t0 = bench_now_ns();
	for (int i = 0; i < 10000; i++) {
		int nid = (int)bench_range(0, 7);

		cs = bench_mix(cs,
			       mb_phys_alloc_try_nid(mb, bench_range(64, 65536),
						     pow2_between(6, 12), nid));
	}
	t_alloc = bench_now_ns() - t0;
	printf("W3 alloc_try_nid=%.1f ns/op reserved.cnt=%lu "
	       "checksum=0x%016llx\n",
	       per_op(t_alloc, 10000), mb->reserved.cnt,
	       (unsigned long long)cs);
	bench_instance_free(mb);
}

/* W4: one full walk of the free ranges of W2's end state. */
void bench_w4(struct memblock *mb, unsigned long n)
{
	uint64_t cs = 0xcbf29ce484222325ULL, t0, t_walk, i;
	mb_phys_t start, end;
	unsigned long ranges = 0;

	t0 = bench_now_ns();
	mb_for_each_free_range (mb, i, MB_NUMA_NO_NODE, MEMBLOCK_NONE, &start,
				&end, NULL) {
		cs = bench_mix(cs, start);
		cs = bench_mix(cs, end);
		ranges++;
	}
	t_walk = bench_now_ns() - t0;
	printf("W4 N=%lu walk=%.1f ns/range ranges=%lu checksum=0x%016llx\n", n,
	       per_op(t_walk, ranges), ranges, (unsigned long long)cs);
}
