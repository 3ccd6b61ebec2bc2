/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * map - a picture of physical memory (SVG or one self-contained HTML file)
 * and the model behind it, shared with `memblock report`:
 *   map_model.c   the model from a simulated boot or from a kernel log
 *   map_layout.c  segments: memory, reserved (by kind), free, holes
 *   map_svg.c     the SVG drawing;  map_html.c  the HTML page around it
 *   map.c         `memblock map` command line
 */
#ifndef MEMBLOCK_TOOLS_MAP_H
#define MEMBLOCK_TOOLS_MAP_H

#include <stdio.h>

#include "boot.h"

/** struct mp_region - a memory or reserved region of the final tables. */
struct mp_region {
	mb_phys_t base, size;
	int nid; /* -1: not printed / unknown */
	unsigned flags;
};

/** struct mp_model - what a picture or a report is made from. */
struct mp_model {
	char title[160];
	unsigned phys_bits;
	struct mp_region *mem, *rsv;
	size_t nmem, nrsv;
	struct bs_recs recs; /* labelled reservations (kind, caller) */
	mb_phys_t dma_end, dma32_end, lowmem_end; /* zone bounds, 0 none */
	unsigned page_shift;
};

/** enum mp_seg_type - what a segment of the picture shows. */
enum mp_seg_type { MP_HOLE, MP_FREE, MP_RESERVED, MP_NOMAP };

/** struct mp_seg - one drawn segment. */
struct mp_seg {
	enum mp_seg_type type;
	mb_phys_t base, size;
	int mem;	   /* memory region index, -1 in a hole */
	int rsv;	   /* reserved region index, -1 none */
	enum bs_kind kind; /* reserved: what it holds */
	const char *caller;
	int nid;
};

/** mp_from_boot - model of @b's tables just before the hand-over. */
int mp_from_boot(const struct boot *b, struct mp_model *m);
/**
 * mp_from_log - model of a memblock=debug log's final state: its last
 * dump, then every add/remove/reserve/free line after it (through the
 * library), reservations labelled by their callers.
 * Return: 0 or -1 with a one-line message in @err.
 */
int mp_from_log(const char *path, struct mp_model *m, char *err, size_t errlen);
/**
 * mp_log_frames - a timeline of a log: the state at each dump (every
 * k-th when there are more than @max - 1) and at its end, with a label
 * each. Return: frames made (0 on error, @err set); free each.
 */
size_t mp_log_frames(const char *path, struct mp_model *frames,
		     char (*labels)[96], size_t max, char *err, size_t errlen);
/** mp_is_log - does @path look like a kernel log (not a DTB)? */
bool mp_is_log(const char *path);
/**
 * mp_from_input - LOG file, DTB file, machine file or built-in name:
 * logs are read, everything else is booted silently. Return: 0 or -1.
 */
int mp_from_input(const char *what, const char *dtb, struct mp_model *m,
		  char *err, size_t errlen);
void mp_free(struct mp_model *m);

/** mp_layout - segments of @m in address order; caller frees *@segs. */
size_t mp_layout(const struct mp_model *m, struct mp_seg **segs);

/** mp_human - "16 KiB", "1.5 GiB" into @buf. */
const char *mp_human(mb_phys_t bytes, char *buf, size_t len);

int mp_write_svg(const struct mp_model *m, FILE *f);
/** mp_write_svg_frame - the same with ids made unique by @frame. */
int mp_write_svg_frame(const struct mp_model *m, FILE *f, int frame);
int mp_write_html(const struct mp_model *m, FILE *f);
/** mp_write_html_frames - one page, @n frames and a slider between them
 *  (the last frame shown first). */
int mp_write_html_frames(const struct mp_model *frames, char (*labels)[96],
			 size_t n, FILE *f);
/** mp_write_file - SVG or HTML by @path's extension. Return: 0 or -1. */
int mp_write_file(const struct mp_model *m, const char *path, char *err,
		  size_t errlen);

#endif
