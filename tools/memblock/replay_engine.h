/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * replay_engine.h - private to the forward walk (replay_engine.c) and the
 * files it is split into.
 */
#ifndef MEMBLOCK_TOOL_REPLAY_ENGINE_H
#define MEMBLOCK_TOOL_REPLAY_ENGINE_H

#include <stddef.h>

#include "replay.h"

/**
 * rp_setup_instance - hook the library instance of @e to the replay and set
 * its style, limits and allocation direction from the log's context
 * @e: the replay, its memblock already seeded
 */
void rp_setup_instance(struct rp_engine *e);

/**
 * rp_run_inferred - run the untraced call that result line @i stands for
 * (NODE_DATA, CMA, hugetlb CMA or a plain memblock_alloc), capturing the
 * library's events
 * @e: the replay
 * @i: index of the result record in the log
 */
void rp_run_inferred(struct rp_engine *e, size_t i);

#endif
