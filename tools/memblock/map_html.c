/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * map_html.c - the SVG map inside one self-contained HTML page (no
 * network): zoom buttons and Ctrl+wheel, a details panel that follows the
 * pointer, and a count of the regions drawn.
 */
#include <errno.h>
#include <string.h>

#include "map.h"

static const char head[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	"<title>memblock map</title>\n<style>\n"
	"body{font-family:sans-serif;margin:0;background:#fafafa}\n"
	"#bar{position:sticky;top:0;background:#fff;padding:6px 10px;"
	"border-bottom:1px solid #ccc;z-index:2}\n"
	"#bar button{margin-right:4px}\n"
	"#view{overflow:auto;height:calc(100vh - 110px)}\n"
	"#wrap{transform-origin:0 0}\n"
	".frame{display:none}.frame.on{display:block}\n"
	"#info{font-family:monospace;font-size:12px;white-space:pre;"
	"min-height:2.6em;color:#222}\n"
	".seg:hover rect,.memregion:hover rect{stroke:#000;stroke-width:2}\n"
	"</style></head><body>\n<div id=\"bar\">"
	"<button id=\"zin\">zoom +</button><button id=\"zout\">zoom "
	"&minus;</button><button id=\"zreset\">1:1</button> "
	"<span id=\"count\"></span>";

/* The slider is only there when there is more than one frame. */
static const char slider[] =
	"<div id=\"timeline\">step <input type=\"range\" id=\"step\" "
	"min=\"0\" max=\"%zu\" value=\"%zu\"> <span id=\"steplabel\">"
	"</span></div>";

static const char head2[] =
	"<div id=\"info\">hover a segment for details</div></div>\n"
	"<div id=\"view\"><div id=\"wrap\">\n";

static const char tail[] =
	"</div></div>\n<script>\n"
	"(function(){\n"
	"var scale=1,wrap=document.getElementById('wrap');\n"
	"function zoom(f){scale=Math.min(8,Math.max(0.25,scale*f));"
	"wrap.style.transform='scale('+scale+')';}\n"
	"document.getElementById('zin').onclick=function(){zoom(1.25);};\n"
	"document.getElementById('zout').onclick=function(){zoom(0.8);};\n"
	"document.getElementById('zreset').onclick=function(){scale=1;"
	"zoom(1);};\n"
	"document.getElementById('view').addEventListener('wheel',"
	"function(e){if(e.ctrlKey){e.preventDefault();"
	"zoom(e.deltaY<0?1.1:0.9);}},{passive:false});\n"
	"var info=document.getElementById('info');\n"
	"document.querySelectorAll('.seg,.memregion').forEach(function(g){"
	"g.addEventListener('mouseenter',function(){"
	"var t=g.querySelector('title');"
	"info.textContent=(t?t.textContent:'')+'\\n'+"
	"(g.getAttribute('data-region')||g.getAttribute('data-kind')||'');"
	"});});\n"
	"var frames=document.querySelectorAll('.frame');\n"
	"function show(k){frames.forEach(function(fr,i){"
	"fr.classList.toggle('on',i==k);});\n"
	"var cur=frames[k];\n"
	"var mem=cur.querySelectorAll('.memregion').length;\n"
	"var rsv=cur.querySelectorAll('.seg.reserved').length;\n"
	"document.getElementById('count').textContent=mem+' memory regions, '+"
	"rsv+' reserved segments';\n"
	"var lab=document.getElementById('steplabel');\n"
	"if(lab)lab.textContent=(k+1)+'/'+frames.length+': '+"
	"cur.getAttribute('data-label');\n"
	"document.body.setAttribute('data-memory-regions',mem);\n"
	"document.body.setAttribute('data-reserved-segments',rsv);\n"
	"document.body.setAttribute('data-frames',frames.length);}\n"
	"var step=document.getElementById('step');\n"
	"if(step)step.addEventListener('input',function(){show(+step.value);});"
	"\n"
	"show(frames.length-1);\n"
	"})();\n</script>\n</body></html>\n";

static void esc_attr(FILE *f, const char *s)
{
	for (; *s; s++)
		if (*s == '"' || *s == '<' || *s == '>' || *s == '&')
			fprintf(f, "&#%d;", *s);
		else
			fputc(*s, f);
}

int mp_write_html_frames(const struct mp_model *frames, char (*labels)[96],
			 size_t n, FILE *f)
{
	fputs(head, f);
	if (n > 1)
		fprintf(f, slider, n - 1, n - 1);
	fputs(head2, f);
	for (size_t i = 0; i < n; i++) {
		fprintf(f, "<div class=\"frame%s\" data-label=\"",
			i + 1 == n ? " on" : "");
		esc_attr(f, labels ? labels[i] : "");
		fprintf(f, "\">\n");
		if (mp_write_svg_frame(&frames[i], f, (int)i))
			return -1;
		fprintf(f, "</div>\n");
	}
	fputs(tail, f);
	return ferror(f) ? -1 : 0;
}

int mp_write_html(const struct mp_model *m, FILE *f)
{
	return mp_write_html_frames(m, NULL, 1, f);
}

int mp_write_file(const struct mp_model *m, const char *path, char *err,
		  size_t errlen)
{
	size_t n = strlen(path);
	bool html = n > 5 && (!strcmp(path + n - 5, ".html") ||
			      !strcmp(path + n - 4, ".htm"));
	bool svg = n > 4 && !strcmp(path + n - 4, ".svg");
	FILE *f;
	int rc;

	if (!html && !svg) {
		snprintf(err, errlen, "%s: map file must end in .svg or .html",
			 path);
		return -1;
	}
	f = fopen(path, "w");
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	rc = html ? mp_write_html(m, f) : mp_write_svg(m, f);
	if (fclose(f) || rc) {
		snprintf(err, errlen, "%s: write failed", path);
		return -1;
	}
	return 0;
}
