/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * replay_instance.c - the library instance a replay runs on: its hooks
 * (events captured for comparison, no memory mapped, grown tables on the
 * heap) and the limits and modes the log's context asks for.
 */
#include <stdlib.h>
#include <string.h>

#include "replay.h"
#include "replay_engine.h"

static void on_event(void *ctx, const struct mb_event *ev)
{
	struct rp_engine *e = ctx;
	struct rp_event *q;

	if (!e->capture || ev->kind == MB_EV_MESSAGE || e->qn >= RP_QUEUE)
		return;
	q = &e->q[e->qn++];
	memset(q, 0, sizeof(*q));
	q->kind = ev->kind;
	q->caller_kind = ev->caller_kind;
	q->base = ev->base;
	q->size = ev->size;
	q->align = ev->align;
	q->min = ev->min;
	q->max = ev->max;
	q->nid = ev->nid;
	q->new_max = ev->new_max;
	if (ev->name)
		snprintf(q->name, sizeof(q->name), "%s", ev->name);
}

/* Nothing is mapped: the library touches no memory of the machine. */
static void *no_mapping(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	(void)phys;
	return NULL;
}

static struct memblock_region *table_alloc(void *ctx, mb_phys_t phys,
					   size_t entries)
{
	struct rp_engine *e = ctx;
	struct memblock_region *r;

	(void)phys;
	if (e->ngrown == sizeof(e->grown) / sizeof(e->grown[0]))
		return NULL;
	r = calloc(entries, sizeof(*r));
	if (r)
		e->grown[e->ngrown++] = r;
	return r;
}

static void table_free(void *ctx, struct memblock_region *regions,
		       size_t entries)
{
	struct rp_engine *e = ctx;
	unsigned i;

	(void)entries;
	for (i = 0; i < e->ngrown; i++)
		if (e->grown[i] == regions) {
			free(regions);
			e->grown[i] = e->grown[--e->ngrown];
			return;
		}
}

void rp_setup_instance(struct rp_engine *e)
{
	struct memblock *mb = &e->mb;

	mb->env.ctx = e;
	mb->env.event = on_event;
	mb->env.phys_to_virt = no_mapping;
	mb->env.table_alloc = table_alloc;
	mb->env.table_free = table_free;
	mb->style = e->ctx.style;
	mb_set_debug(mb, true);
	mb_allow_resize(mb);
	mb->movable_node = e->ctx.movable_node;
	if (e->ctx.movable_node && e->ctx.numa_point != RP_NONE)
		mb_set_bottom_up(mb, true);
	if (e->ctx.is_x86)
		mb_set_current_limit(mb, 0x100000); /* ISA_END_ADDRESS */
	else if (e->ctx.is_arm32 && e->ctx.lowmem_end)
		mb_set_current_limit(mb, e->ctx.lowmem_end);
}
