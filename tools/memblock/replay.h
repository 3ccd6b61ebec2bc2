/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * replay - internal interface between the replay files:
 *   replay.c          command line, output (text / JSON), progress
 *   replay_context.c  what the log's own lines say (profile, phases,
 *                     limits, inferred requests)
 *   replay_state.c    seeding from the first dump, comparing and syncing
 *                     dumps, printing the state around an address
 *   replay_engine.c   the forward walk: every traced operation re-run
 *                     through the library and checked
 */
#ifndef MEMBLOCK_TOOLS_REPLAY_H
#define MEMBLOCK_TOOLS_REPLAY_H

#include <stdio.h>

#include <memblock/memblock.h>

#include "logparse.h"

#define RP_NONE	 ((size_t)-1)
#define RP_QUEUE 32

/** struct rp_event - a library event captured during one operation. */
struct rp_event {
	enum mb_event_kind kind;
	enum mb_caller_kind caller_kind;
	mb_phys_t base, size, align, min, max;
	int nid;
	char name[LP_NAME_LEN];
	unsigned long new_max;
};

/** struct rp_context - facts taken from the log's own non-checked lines. */
struct rp_context {
	const struct mb_profile *profile; /* == &prof */
	struct mb_profile prof; /* the built-in profile, adjusted by the log */
	enum mb_trace_style style;
	bool is_x86, is_arm32, is_arm64;
	size_t first_dump;    /* record index of the first dump */
	size_t numa_point;    /* record where NUMA init takes effect */
	size_t nid_point;     /* record where the dump's node ids are set */
	size_t limit_point;   /* x86: record where current_limit leaves 1 MiB */
	size_t trim_dump;     /* x86: dump preceded by trim_memory */
	bool movable_node;    /* "movable_node" on the command line */
	mb_phys_t lowmem_end; /* arm32: start of HighMem (0: none) */
	mb_phys_t dma_limit;  /* end of ZONE_DMA (CMA limit on arm64), 0 none */
	mb_phys_t mem_limit;  /* mem= on the command line (0: none) */
	mb_phys_t arm_dma_limit; /* arm32: limit passed to CMA (inclusive) */
	size_t mem_limit_point;	 /* arm64: record before which mem= cuts */
};

/** enum rp_infer - what kind of untraced request a result line stands for. */
enum rp_infer {
	RP_INFER_NONE,
	RP_INFER_NODE_DATA, /* memblock_phys_alloc_try_nid(size, cache, nid) */
	RP_INFER_CMA,	    /* cma_declare_contiguous_nid() placement rule */
	RP_INFER_HUGETLB_CMA, /* the same, per node, no arch limit */
	RP_INFER_GENERIC,     /* memblock_alloc(size, align by size) */
};

/** struct rp_stats - the figures of one log. */
struct rp_stats {
	unsigned alloc_total, alloc_ok;
	unsigned dump_total, dump_ok;
	unsigned double_total, double_ok;
	unsigned other_mismatch; /* unexpected library events, trace fields */
	/* what had to be inferred (docs/replay.md lists it per log) */
	unsigned undone_before_dump; /* traced changes undone to seed */
	unsigned inferred_node_data, inferred_cma, inferred_generic;
	unsigned flag_ranges;	      /* adds given the next dump's flags */
	unsigned nomap_after_reserve; /* no-map flagged after reservation */
	unsigned numa_line;  /* line where dump nids were applied (0 none) */
	unsigned limit_line; /* x86: line where current_limit left 1 MiB */
	unsigned trim_line;  /* x86: dump line preceded by trim_memory */
	unsigned mem_limit_line; /* arm64: line preceded by the mem= cut */
	unsigned untraced;	 /* reserved ranges only a later dump shows */
	/* "** N printk messages dropped **" gaps (PREEMPT_RT consoles) */
	unsigned dropped;	/* N summed over all markers */
	unsigned gap_line;	/* line of the first marker (0 none) */
	unsigned gap_unchecked; /* results whose request, or requests whose
				   result, fell into a gap: not checked */
};

/** struct rp_span - a range found reserved by a dump but by no line. */
struct rp_span {
	size_t at; /* record (dump or gap marker) after which to reserve it */
	mb_phys_t base, size;
};

/** struct rp_opts - command-line options. */
struct rp_opts {
	bool json, verbose, progress;
	const struct mb_profile *profile; /* NULL = detect */
	FILE *out;
};

/** struct rp_engine - one replay of one log. */
struct rp_engine {
	struct memblock mb;
	struct memblock_region *mem0, *rsv0; /* initial arrays */
	const struct lp_log *log;
	const char *path;
	struct rp_context ctx;
	const struct rp_opts *opts;
	struct rp_stats st;
	/* events captured during the current operation */
	bool capture;
	struct rp_event q[RP_QUEUE];
	unsigned qn, qhead;
	/* the request whose result line is awaited */
	size_t pending_req;
	bool inferred_more; /* the queue may hold an inferred call's results */
	bool after_gap; /* a dropped-messages marker, no memblock line yet */
	mb_phys_t pending_phys;
	unsigned node_data_seq; /* NODE_DATA results seen (arm64 prints no nid)
				 */
	bool json_first;	/* JSON: no mismatch printed yet */
	/* grown tables handed to the library */
	struct memblock_region *grown[64];
	unsigned ngrown;
	/* two passes: the first (quiet) finds untraced reservations */
	bool collecting, quiet;
	struct rp_span *untraced;
	size_t n_untraced, cap_untraced;
	size_t anchor; /* first pass: last dump or dropped-lines marker */
	struct rp_span *touched; /* reserve lines since the anchor */
	size_t n_touched, cap_touched;
};

/* replay_context.c */
/** rp_context_scan - derive profile, phases and limits from the log. */
int rp_context_scan(const struct lp_log *log, const struct mb_profile *forced,
		    struct rp_context *ctx);
/** rp_infer_kind - classify result line @i that has no request line. */
enum rp_infer rp_infer_kind(const struct lp_log *log, size_t i, int *nid);
/** rp_is_alloc_result - reserve line printed by an allocator for its result. */
bool rp_is_alloc_result(const struct lp_record *r);
/** rp_is_double_reserve - reserve line of a grown array. */
bool rp_is_double_reserve(const struct lp_record *r);
/** rp_next_dump - first dump record at or after @from (RP_NONE if none). */
size_t rp_next_dump(const struct lp_log *log, size_t from);

/* replay_state.c */
/** rp_seed - initial state: first dump minus the traced changes before it. */
int rp_seed(struct rp_engine *e);
/** rp_dump_matches - compare the state with dump @d; print differences. */
bool rp_dump_matches(struct rp_engine *e, const struct lp_record *d);
/** rp_sync_to_dump - make the state equal to dump @d. */
void rp_sync_to_dump(struct rp_engine *e, const struct lp_record *d);
/** rp_apply_nodes - nids (memory and reserved) of dump @d, onto the state. */
void rp_apply_nodes(struct rp_engine *e, const struct lp_record *d);
/** rp_print_free_near - free ranges around @addr, for mismatch reports. */
void rp_print_free_near(struct rp_engine *e, FILE *f, mb_phys_t addr,
			bool json);

/* replay_flags.c */
/** rp_apply_flags - flags of dump @d's memory inside [base, base+size),
 *  except NOMAP on parts @d shows reserved (see rp_apply_reserved_nomap);
 *  returns the number of flagged ranges applied. */
unsigned rp_apply_flags(struct rp_engine *e, const struct lp_record *d,
			mb_phys_t base, mb_phys_t size);
/** rp_apply_reserved_nomap - after a traced reservation of [base,
 *  base+size): NOMAP where dump @d shows it NOMAP and reserved. */
unsigned rp_apply_reserved_nomap(struct rp_engine *e, const struct lp_record *d,
				 mb_phys_t base, mb_phys_t size);
/** rp_seed_unflag_reserved_nomap - seeding from dump @d: clear NOMAP on
 *  its reserved NOMAP parts that @mb no longer has reserved. */
void rp_seed_unflag_reserved_nomap(const struct lp_log *log,
				   const struct lp_record *d,
				   struct memblock *mb);

/* replay_untraced.c */
/** rp_touch - note a range a reserve line of the log names. */
void rp_touch(struct rp_engine *e, mb_phys_t base, mb_phys_t size);
/** rp_collect_untraced - first pass, at dump @i: keep what it shows
 *  reserved that neither the state nor any line since the last dump has. */
void rp_collect_untraced(struct rp_engine *e, size_t i);
/** rp_apply_untraced - second pass, after dump or gap marker @i: reserve
 *  what the next dump will show untraced (placements only lose unchosen
 *  candidates). */
void rp_apply_untraced(struct rp_engine *e, size_t i);
/** rp_untraced_gap - first pass, at a dropped-messages marker @i: later
 *  untraced ranges are reserved there, and earlier lines explain none. */
void rp_untraced_gap(struct rp_engine *e, size_t i);
/** rp_untraced_free - release the two lists. */
void rp_untraced_free(struct rp_engine *e);

/* replay_engine.c */
/** rp_engine_run - replay one parsed log. Return: 0, or <0 on fatal error. */
int rp_engine_run(struct rp_engine *e);
/** rp_mismatch - report one failed check (text or JSON). */
void rp_mismatch(struct rp_engine *e, const struct lp_record *r,
		 const char *what, bool have_expected, mb_phys_t exp_base,
		 mb_phys_t exp_size, bool have_actual, mb_phys_t act_base,
		 mb_phys_t act_size);
/** rp_json_string - @n bytes of @s as a JSON string literal. */
void rp_json_string(FILE *f, const char *s, size_t n);
/** rp_verbose - one "-v" line for a passed check. */
void rp_verbose(struct rp_engine *e, const struct lp_record *r,
		const char *what);

#endif /* MEMBLOCK_TOOLS_REPLAY_H */
