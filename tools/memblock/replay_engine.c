/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The forward walk. Every memblock operation of the log is re-run through
 * the library; what the library itself traces (its own reserve of an
 * allocation, a grown array and its reserve) is captured and compared
 * with the lines that follow in the log.
 */
#include <stdlib.h>
#include <string.h>

#include "replay.h"
#include "replay_engine.h"

static const enum mb_event_kind lp_to_ev[] = {
	[LP_ADD] = MB_EV_ADD,
	[LP_ADD_NODE] = MB_EV_ADD_NODE,
	[LP_REMOVE] = MB_EV_REMOVE,
	[LP_RESERVE] = MB_EV_RESERVE,
	[LP_PHYS_FREE] = MB_EV_PHYS_FREE,
	[LP_FREE_LATE] = MB_EV__COUNT,
	[LP_RANGE_OTHER] = MB_EV__COUNT,
	[LP_ALLOC] = MB_EV__COUNT,
	[LP_DOUBLED] = MB_EV_DOUBLED,
	[LP_DOUBLE_FAILED] = MB_EV_DOUBLE_FAILED,
};

/* ---- the event queue ---- */

static void queue_clear(struct rp_engine *e)
{
	e->qn = e->qhead = 0;
	e->inferred_more = false;
}

static struct rp_event *queue_head(struct rp_engine *e)
{
	return e->qhead < e->qn ? &e->q[e->qhead] : NULL;
}

/* Library events nobody matched: lines the kernel did not print. */
static void queue_flush(struct rp_engine *e, const struct lp_record *r)
{
	struct rp_event *q;

	while ((q = queue_head(e))) {
		e->st.other_mismatch++;
		rp_mismatch(e, r, "library traced an operation the log lacks",
			    false, 0, 0, true, q->base, q->size);
		e->qhead++;
	}
	queue_clear(e);
}

/* Does the queue head stand for log line @r? Pop it if so. */
static bool queue_take(struct rp_engine *e, const struct lp_record *r)
{
	struct rp_event *q = queue_head(e);

	if (!q || r->kind > LP_DOUBLE_FAILED || q->kind != lp_to_ev[r->kind])
		return false;
	if (r->kind != LP_DOUBLE_FAILED &&
	    (q->base != r->base || q->size != r->size))
		return false;
	e->qhead++;
	return true;
}

/* ---- the request whose result line is awaited ---- */

static void finish_pending(struct rp_engine *e, const struct lp_record *next)
{
	const struct lp_record *req;
	struct rp_event *q;

	if (e->pending_req == RP_NONE)
		return;
	req = &e->log->recs[e->pending_req];
	e->pending_req = RP_NONE;
	q = queue_head(e);
	if (q && q->kind == MB_EV_RESERVE) {
		/* the library placed it, the kernel printed no result */
		rp_mismatch(e, req, "allocation (no result in log)", false, 0,
			    0, true, q->base, q->size);
		e->qhead++;
		(void)next;
		return;
	}
	e->st.alloc_ok++; /* both failed */
	rp_verbose(e, req, "allocation failed in both");
}

/*
 * "** N printk messages dropped **": the lines in between are lost. A
 * request waiting for its result lost that result: the library's block is
 * released and the request is not counted (the next dump shows where the
 * kernel put it; the second pass reserves it there, see replay_untraced.c).
 */
static void dropped_gap(struct rp_engine *e, size_t i)
{
	const struct lp_record *r = &e->log->recs[i];
	struct rp_event *q;

	e->st.dropped += (unsigned)r->size;
	if (!e->st.gap_line)
		e->st.gap_line = r->line;
	e->after_gap = true;
	rp_untraced_gap(e, i);
	if (e->pending_req == RP_NONE) {
		rp_apply_untraced(e, i);
		return;
	}
	e->pending_req = RP_NONE;
	e->st.alloc_total--;
	e->st.gap_unchecked++;
	q = queue_head(e);
	if (q && q->kind == MB_EV_RESERVE) {
		mb_phys_free(&e->mb, q->base, q->size);
		e->qhead++;
	}
	/* whatever else the call did was lost with its lines */
	queue_clear(e);
	rp_apply_untraced(e, i);
}

/* ---- operations ---- */

/* A dynamic no-map region is flagged right after its reservation. */
static void reserved_nomap(struct rp_engine *e, size_t i, mb_phys_t base,
			   mb_phys_t size)
{
	size_t d = rp_next_dump(e->log, i);

	if (d != RP_NONE)
		e->st.nomap_after_reserve += rp_apply_reserved_nomap(
			e, &e->log->recs[d], base, size);
}

static void run_plain(struct rp_engine *e, size_t i)
{
	const struct lp_record *r = &e->log->recs[i];
	struct memblock *mb = &e->mb;
	size_t d;

	if (queue_take(e, r)) {
		rp_verbose(e, r, "library traced it too");
		return;
	}
	finish_pending(e, r);
	queue_flush(e, r);
	e->capture = true;
	switch (r->kind) {
	case LP_ADD:
		mb_add(mb, r->base, r->size);
		break;
	case LP_ADD_NODE:
		mb_add_node(mb, r->base, r->size, r->nid,
			    (enum memblock_flags)r->flags);
		break;
	case LP_REMOVE:
		mb_remove(mb, r->base, r->size);
		break;
	case LP_RESERVE:
		mb_reserve(mb, r->base, r->size);
		break;
	case LP_PHYS_FREE:
		mb_phys_free(mb, r->base, r->size);
		break;
	default:
		break;
	}
	e->capture = false;
	queue_take(e, r); /* the operation's own trace line */
	if (r->kind == LP_RESERVE)
		reserved_nomap(e, i, r->base, r->size);
	if (r->kind == LP_ADD || r->kind == LP_ADD_NODE) {
		d = rp_next_dump(e->log, i);
		if (d != RP_NONE)
			e->st.flag_ranges += rp_apply_flags(e, &e->log->recs[d],
							    r->base, r->size);
	}
}

static bool request_fields_match(const struct rp_event *q,
				 const struct lp_record *r)
{
	return q->size == r->size && q->align == r->align &&
	       q->min == r->from && q->max == r->max_addr &&
	       (!r->has_nid || q->nid == r->nid);
}

static void run_request(struct rp_engine *e, size_t i)
{
	const struct lp_record *r = &e->log->recs[i];
	struct memblock *mb = &e->mb;
	struct rp_event *q;

	finish_pending(e, r);
	queue_flush(e, r);
	e->st.alloc_total++;
	e->capture = true;
	switch (r->fn) {
	case LP_FN_PHYS_ALLOC_RANGE:
		mb_phys_alloc_range(mb, r->size, r->align, r->from,
				    r->max_addr);
		break;
	case LP_FN_ALLOC_TRY_NID_RAW:
		mb_alloc_try_nid_raw(mb, r->size, r->align, r->from,
				     r->max_addr, r->nid);
		break;
	case LP_FN_ALLOC_EXACT_NID_RAW:
		mb_alloc_exact_nid_raw(mb, r->size, r->align, r->from,
				       r->max_addr, r->nid);
		break;
	default: /* try_nid, 4.x virt_alloc_try_nid[_nopanic] */
		mb_alloc_try_nid(mb, r->size, r->align, r->from, r->max_addr,
				 r->nid);
		break;
	}
	e->capture = false;
	q = queue_head(e);
	if (q && q->kind != MB_EV_RESERVE && q->kind != MB_EV_DOUBLED) {
		if (!request_fields_match(q, r)) {
			e->st.other_mismatch++;
			rp_mismatch(e, r, "request trace fields", false, 0, 0,
				    true, q->size, 0);
		}
		e->qhead++;
	}
	e->pending_req = i;
}

static void check_result(struct rp_engine *e, size_t i)
{
	const struct lp_record *r = &e->log->recs[i];
	struct rp_event *q;
	bool have = false;
	mb_phys_t base = 0, size = 0;

	if (e->pending_req == RP_NONE && e->after_gap) {
		/* its request line was dropped: nothing says what was asked
		 * for, so the block is taken as printed and not checked */
		e->st.gap_unchecked++;
		mb_reserve(&e->mb, r->base, r->size);
		reserved_nomap(e, i, r->base, r->size);
		return;
	}
	if (e->pending_req == RP_NONE) {
		e->st.alloc_total++;
		/* an inferred call may print several results (CMA tries):
		 * the next one is still queued */
		q = queue_head(e);
		if (!e->inferred_more || !q || q->kind != MB_EV_RESERVE) {
			queue_flush(e, r);
			rp_run_inferred(e, i);
		}
		e->inferred_more = true;
	}
	e->pending_req = RP_NONE;
	q = queue_head(e);
	if (q && q->kind == MB_EV_RESERVE) {
		have = true;
		base = q->base;
		size = q->size;
		e->qhead++;
	}
	if (have && base == r->base && size == r->size) {
		e->st.alloc_ok++;
		rp_verbose(e, r, "allocation");
		reserved_nomap(e, i, base, size);
		return;
	}
	rp_mismatch(e, r, "allocation", true, r->base, r->size, have, base,
		    size);
	/* follow the log from here on; the library's own wrong block is not
	 * "explained": if the next dump shows it reserved, a lost line took it
	 * (a "printk messages dropped" gap) and the second pass reserves it */
	if (have)
		mb_phys_free(&e->mb, base, size);
	mb_reserve(&e->mb, r->base, r->size);
	reserved_nomap(e, i, r->base, r->size);
}

static void check_double(struct rp_engine *e, size_t i)
{
	const struct lp_record *r = &e->log->recs[i];
	struct rp_event *q = queue_head(e);

	e->st.double_total++;
	if (q && q->kind == lp_to_ev[r->kind] && !strcmp(q->name, r->name) &&
	    (r->kind == LP_DOUBLE_FAILED ||
	     (q->base == r->base && q->size == r->size &&
	      q->new_max == r->new_max))) {
		e->qhead++;
		e->st.double_ok++;
		rp_verbose(e, r, "doubling");
		return;
	}
	rp_mismatch(e, r, "table doubling", true, r->base, r->size, q != NULL,
		    q ? q->base : 0, q ? q->size : 0);
}

static void check_dump(struct rp_engine *e, size_t i)
{
	const struct lp_record *d = &e->log->recs[i];

	finish_pending(e, d);
	queue_flush(e, d);
	if (i == e->ctx.trim_dump) {
		mb_trim_memory(&e->mb, e->ctx.profile->page_size);
		e->st.trim_line = d->line;
	}
	e->st.dump_total++;
	if (rp_dump_matches(e, d)) {
		e->st.dump_ok++;
		rp_verbose(e, d, "dump");
	}
	rp_collect_untraced(e, i);
	rp_sync_to_dump(e, d);
	rp_apply_untraced(e, i);
}

static void numa_init(struct rp_engine *e, size_t i)
{
	size_t d = rp_next_dump(e->log, i);

	if (e->ctx.movable_node)
		mb_set_bottom_up(&e->mb, false);
	/* SRAT hotplug / mirror marks are made here too */
	if (d != RP_NONE)
		e->st.flag_ranges += rp_apply_flags(e, &e->log->recs[d], 0,
						    mb_end_of_DRAM(&e->mb));
}

static void set_nids(struct rp_engine *e, size_t i)
{
	size_t d = rp_next_dump(e->log, i);

	if (d != RP_NONE)
		rp_apply_nodes(e, &e->log->recs[d]);
	e->st.numa_line = e->log->recs[i].line;
}

static void progress(struct rp_engine *e, size_t i)
{
	if (e->opts->progress && !e->quiet && !(i & 255))
		fprintf(stderr, "\rreplay: %s: %zu/%zu records", e->path, i,
			e->log->n);
}

static void progress_done(struct rp_engine *e)
{
	if (e->opts->progress)
		fprintf(stderr, "\r\033[K");
}

static int run_pass(struct rp_engine *e)
{
	size_t i;

	e->pending_req = RP_NONE;
	e->anchor = RP_NONE;
	e->json_first = true;
	if (rp_seed(e) < 0)
		return -1;
	rp_setup_instance(e);
	for (i = 0; i < e->log->n; i++) {
		const struct lp_record *r = &e->log->recs[i];

		progress(e, i);
		if (r->kind == LP_RESERVE)
			rp_touch(e, r->base, r->size);
		if (i == e->ctx.numa_point)
			numa_init(e, i);
		if (i == e->ctx.nid_point)
			set_nids(e, i);
		if (i == e->ctx.mem_limit_point) {
			/* a no-op when the state is already cut (seeded) */
			mb_mem_limit_remove_map(&e->mb, e->ctx.mem_limit);
			e->st.mem_limit_line = r->line;
		}
		if (i == e->ctx.limit_point) {
			mb_set_current_limit(&e->mb, mb_end_of_DRAM(&e->mb));
			e->st.limit_line = r->line;
		}
		switch (r->kind) {
		case LP_DUMP:
			check_dump(e, i);
			break;
		case LP_DOUBLED:
		case LP_DOUBLE_FAILED:
			check_double(e, i);
			break;
		case LP_RESERVE:
			if (rp_is_alloc_result(r))
				check_result(e, i);
			else if (rp_is_double_reserve(r) && queue_take(e, r))
				rp_verbose(e, r, "grown array reserve");
			else
				run_plain(e, i);
			break;
		case LP_ADD:
		case LP_ADD_NODE:
		case LP_REMOVE:
		case LP_PHYS_FREE:
			run_plain(e, i);
			break;
		case LP_ALLOC:
			run_request(e, i);
			break;
		case LP_CTX_DROPPED:
			dropped_gap(e, i);
			break;
		default:
			break;
		}
		if (r->kind <= LP_DUMP)
			e->after_gap = false;
	}
	if (e->log->n)
		finish_pending(e, &e->log->recs[e->log->n - 1]);
	progress_done(e);
	return 0;
}

/* Everything but the context and the untraced list, for the next pass. */
static void reset(struct rp_engine *e)
{
	unsigned i;

	for (i = 0; i < e->ngrown; i++)
		free(e->grown[i]);
	e->ngrown = 0;
	free(e->mem0);
	free(e->rsv0);
	e->mem0 = e->rsv0 = NULL;
	memset(&e->st, 0, sizeof(e->st));
	queue_clear(e);
	e->node_data_seq = 0;
	e->capture = false;
	e->after_gap = false;
}

int rp_engine_run(struct rp_engine *e)
{
	int rc;

	e->collecting = e->quiet = true;
	rc = run_pass(e);
	reset(e);
	e->collecting = e->quiet = false;
	if (rc < 0)
		return rc;
	return run_pass(e);
}
