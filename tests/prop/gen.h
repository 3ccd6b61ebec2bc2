/* SPDX-License-Identifier: BSD-2-Clause */
/* Seeded random operation sequences for the differential property test. */
#ifndef MEMBLOCK_TEST_GEN_H
#define MEMBLOCK_TEST_GEN_H

#include "harness.h"

#include <stddef.h>
#include <stdint.h>

#define GEN_MAX_OPS 800

/**
 * gen_sequence - the set-up and operations of sequence @index of @seed.
 * Return: the number of operations written to @ops (<= GEN_MAX_OPS).
 */
size_t gen_sequence(uint64_t seed, uint64_t index, struct hcfg *cfg,
		    struct op *ops);

#endif
