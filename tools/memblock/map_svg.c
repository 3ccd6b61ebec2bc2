/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * map_svg.c - physical memory as an SVG drawing, addresses growing
 * downwards. Segment heights grow with log2 of their size, so a 4 KiB page
 * and a 1 GiB bank are both readable; holes between memory regions are
 * drawn at a fixed small height and labelled with their true size.
 */
#include <stdlib.h>
#include <string.h>

#include "map.h"

#define W	1100
#define X_ADDR	10
#define X_NODE	190
#define X_SEG	215
#define W_SEG	250
#define X_LABEL 480
#define TOP	112

static const char *kind_colour(enum bs_kind k)
{
	static const char *const c[BS__COUNT] = {
		[BS_ALLOC] = "#f4a261",	   [BS_KERNEL] = "#e63946",
		[BS_PGDIR] = "#9b5de5",	   [BS_DTB] = "#2a9d8f",
		[BS_INITRD] = "#f15bb5",   [BS_CMA] = "#00bbf9",
		[BS_NOMAP] = "#6c757d",	   [BS_RMEM] = "#8d99ae",
		[BS_MEMMAP] = "#fee440",   [BS_PERCPU] = "#06d6a0",
		[BS_FIRMWARE] = "#bc6c25", [BS_TABLE] = "#3a0ca3",
		[BS_UNKNOWN] = "#b5838d",
	};
	return (unsigned)k < BS__COUNT ? c[k] : "#000";
}

static void esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '&':
			fputs("&amp;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			if ((unsigned char)*s >= 0x20)
				fputc(*s, f);
		}
	}
}

static int seg_height(const struct mp_seg *s)
{
	mb_phys_t pages = s->size >> 12;
	int l, h;

	if (s->type == MP_HOLE)
		return 26;
	l = pages ? 63 - __builtin_clzll(pages) : 0; /* floor(log2) */
	h = 16 + l * 5;
	return h > 110 ? 110 : h;
}

static const char *type_name(const struct mp_seg *s)
{
	switch (s->type) {
	case MP_HOLE:
		return "hole";
	case MP_FREE:
		return "free";
	case MP_NOMAP:
		return "nomap";
	case MP_RESERVED:
		return bs_kind_name(s->kind);
	}
	return "?";
}

static void addr(FILE *f, const struct mp_model *m, mb_phys_t a)
{
	fprintf(f, "0x%0*llx", m->phys_bits == 32 ? 8 : 16,
		(unsigned long long)a);
}

static void legend(FILE *f)
{
	static const enum bs_kind shown[] = {
		BS_KERNEL, BS_PGDIR, BS_DTB,	 BS_INITRD, BS_CMA,
		BS_NOMAP,  BS_RMEM,  BS_MEMMAP,	 BS_PERCPU, BS_FIRMWARE,
		BS_TABLE,  BS_ALLOC, BS_UNKNOWN,
	};
	int x = X_ADDR, y = 50;

	for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++) {
		fprintf(f,
			"<rect class=\"legend\" x=\"%d\" y=\"%d\" width=\"12\" "
			"height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" "
			"font-size=\"11\">%s</text>\n",
			x, y, kind_colour(shown[i]), x + 16, y + 10,
			bs_kind_name(shown[i]));
		x += 16 + 7 * (int)strlen(bs_kind_name(shown[i])) + 22;
		if (x > W - 140) {
			x = X_ADDR;
			y += 18;
		}
	}
	fprintf(f,
		"<rect class=\"legend\" x=\"%d\" y=\"%d\" width=\"12\" "
		"height=\"12\" fill=\"#e9ecef\" stroke=\"#999\"/><text "
		"x=\"%d\" y=\"%d\" font-size=\"11\">free</text>\n",
		x, y, x + 16, y + 10);
}

static void seg_title(FILE *f, const struct mp_model *m, const struct mp_seg *s)
{
	char h[32];

	fprintf(f, "<title>");
	addr(f, m, s->base);
	fputc('-', f);
	addr(f, m, s->base + s->size - 1);
	fprintf(f, " %s %s", mp_human(s->size, h, sizeof(h)), type_name(s));
	if (s->caller && *s->caller) {
		fputc(' ', f);
		esc(f, s->caller);
	}
	if (s->rsv >= 0)
		fprintf(f, " (reserved[%d])", s->rsv);
	if (s->nid >= 0)
		fprintf(f, " node %d", s->nid);
	fprintf(f, "</title>");
}

static void seg_label(FILE *f, const struct mp_seg *s, int y, int h)
{
	char hs[32];

	fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"11\">", X_LABEL,
		y + h / 2 + 4);
	if (s->type == MP_HOLE)
		fprintf(f, "hole of %s (not to scale)",
			mp_human(s->size, hs, sizeof(hs)));
	else
		fprintf(f, "%s %s", type_name(s),
			mp_human(s->size, hs, sizeof(hs)));
	if (s->caller && *s->caller) {
		fputs(" \xe2\x80\x94 ", f);
		esc(f, s->caller);
	}
	fprintf(f, "</text>");
}

static void segment(FILE *f, const struct mp_model *m, const struct mp_seg *s,
		    int y, int h, int frame)
{
	char hole[32];
	const char *fill = s->type == MP_RESERVED ? kind_colour(s->kind)
			   : s->type == MP_NOMAP  ? kind_colour(BS_NOMAP)
			   : s->type == MP_FREE	  ? "#e9ecef"
						  : hole;

	snprintf(hole, sizeof(hole), "url(#hole%d)", frame);

	fprintf(f, "<g class=\"seg %s\" data-kind=\"%s\"",
		s->type == MP_HOLE   ? "hole"
		: s->type == MP_FREE ? "free"
				     : "reserved",
		type_name(s));
	if (s->rsv >= 0)
		fprintf(f, " data-region=\"reserved[%d]\"", s->rsv);
	else if (s->type == MP_RESERVED)
		fprintf(f, " data-region=\"bootmem\"");
	fprintf(f, " data-base=\"0x%llx\" data-size=\"0x%llx\"",
		(unsigned long long)s->base, (unsigned long long)s->size);
	if (s->caller && *s->caller) {
		fprintf(f, " data-caller=\"");
		esc(f, s->caller);
		fputc('"', f);
	}
	fprintf(f, ">");
	seg_title(f, m, s);
	fprintf(f,
		"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
		"fill=\"%s\" stroke=\"#fff\" stroke-width=\"1\"/>",
		X_SEG, y, W_SEG, h, fill);
	fprintf(f,
		"<text x=\"%d\" y=\"%d\" font-size=\"11\" "
		"font-family=\"monospace\">",
		X_ADDR, y + 11);
	addr(f, m, s->base);
	fprintf(f, "</text>");
	seg_label(f, s, y, h);
	fprintf(f, "</g>\n");
}

static void memory_bars(FILE *f, const struct mp_model *m,
			const struct mp_seg *seg, const int *ys, size_t n)
{
	char h[32];

	for (size_t r = 0; r < m->nmem; r++) {
		int y0 = -1, y1 = -1;

		for (size_t i = 0; i < n; i++)
			if (seg[i].mem == (int)r) {
				if (y0 < 0)
					y0 = ys[i];
				y1 = ys[i + 1];
			}
		if (y0 < 0)
			continue;
		fprintf(f,
			"<g class=\"memregion\" data-region=\"memory[%zu]\" "
			"data-base=\"0x%llx\" data-size=\"0x%llx\"><title>"
			"memory[%zu] ",
			r, (unsigned long long)m->mem[r].base,
			(unsigned long long)m->mem[r].size, r);
		addr(f, m, m->mem[r].base);
		fputc('-', f);
		addr(f, m, m->mem[r].base + m->mem[r].size - 1);
		fprintf(f, " %s", mp_human(m->mem[r].size, h, sizeof(h)));
		if (m->mem[r].nid >= 0)
			fprintf(f, " node %d", m->mem[r].nid);
		fprintf(f, " flags 0x%x</title>", m->mem[r].flags);
		fprintf(f,
			"<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"%d\" "
			"fill=\"%s\"/>",
			X_NODE, y0, y1 - y0,
			m->mem[r].nid > 0 && m->mem[r].nid % 2 ? "#457b9d"
							       : "#1d3557");
		fprintf(f,
			"<text x=\"%d\" y=\"%d\" font-size=\"10\" "
			"fill=\"#fff\" "
			"transform=\"rotate(90 %d %d)\">memory[%zu]%s</text>",
			X_NODE + 5, y0 + 4, X_NODE + 5, y0 + 4, r,
			m->mem[r].nid >= 0 ? "" : "");
		fprintf(f, "</g>\n");
	}
}

/* Zone boundaries as dashed lines at their place inside a segment. */
static void zone_lines(FILE *f, const struct mp_model *m,
		       const struct mp_seg *seg, const int *ys, size_t n)
{
	const struct {
		mb_phys_t at;
		const char *name;
	} z[] = {{m->dma_end, "end of ZONE_DMA"},
		 {m->dma32_end, "end of ZONE_DMA32"},
		 {m->lowmem_end, "HighMem starts"}};

	for (size_t k = 0; k < 3; k++) {
		if (!z[k].at)
			continue;
		for (size_t i = 0; i < n; i++) {
			mb_phys_t b = seg[i].base, e = b + seg[i].size;

			int y;

			if (z[k].at < b || z[k].at >= e)
				continue;
			/* mp_layout cuts segments at zone edges */
			y = ys[i];

			fprintf(f,
				"<g class=\"zone\"><line x1=\"%d\" x2=\"%d\" "
				"y1=\"%d\" y2=\"%d\" stroke=\"#d00\" "
				"stroke-dasharray=\"4 3\"/><text x=\"%d\" "
				"y=\"%d\" font-size=\"10\" fill=\"#d00\">%s"
				"</text></g>\n",
				X_NODE - 10, X_SEG + W_SEG + 10, y, y,
				X_SEG + W_SEG - 90, y - 2, z[k].name);
			break;
		}
	}
}

int mp_write_svg(const struct mp_model *m, FILE *f)
{
	return mp_write_svg_frame(m, f, 0);
}

int mp_write_svg_frame(const struct mp_model *m, FILE *f, int frame)
{
	struct mp_seg *seg;
	size_t n = mp_layout(m, &seg);
	int *ys = calloc(n + 1, sizeof(*ys));
	int y = TOP;

	if (!ys) {
		free(seg);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		ys[i] = y;
		y += seg_height(&seg[i]);
	}
	ys[n] = y;
	fprintf(f,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"memmap%d\" "
		"width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		"font-family=\"sans-serif\">\n",
		frame, W, y + 20, W, y + 20);
	fprintf(f,
		"<defs><pattern id=\"hole%d\" width=\"8\" height=\"8\" "
		"patternUnits=\"userSpaceOnUse\"><rect width=\"8\" "
		"height=\"8\" fill=\"#fff\"/><path d=\"M0 8 L8 0\" "
		"stroke=\"#bbb\"/></pattern></defs>\n",
		frame);
	fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n");
	fprintf(f, "<text x=\"%d\" y=\"28\" font-size=\"18\">Physical memory: ",
		X_ADDR);
	esc(f, m->title);
	fprintf(f, "</text>\n");
	legend(f);
	fprintf(f,
		"<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">"
		"address</text><text x=\"%d\" y=\"%d\" font-size=\"11\" "
		"fill=\"#555\">what (height grows with log2 of the size)"
		"</text>\n",
		X_ADDR, TOP - 6, X_LABEL, TOP - 6);
	memory_bars(f, m, seg, ys, n);
	for (size_t i = 0; i < n; i++)
		segment(f, m, &seg[i], ys[i], ys[i + 1] - ys[i], frame);
	zone_lines(f, m, seg, ys, n);
	fprintf(f, "</svg>\n");
	free(ys);
	free(seg);
	return ferror(f) ? -1 : 0;
}
