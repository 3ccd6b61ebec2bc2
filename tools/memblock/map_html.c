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
	"#view{overflow:auto;height:calc(100vh - 90px)}\n"
	"#wrap{transform-origin:0 0}\n"
	"#info{font-family:monospace;font-size:12px;white-space:pre;"
	"min-height:2.6em;color:#222}\n"
	".seg:hover rect,.memregion:hover rect{stroke:#000;stroke-width:2}\n"
	"</style></head><body>\n<div id=\"bar\">"
	"<button id=\"zin\">zoom +</button><button id=\"zout\">zoom "
	"&minus;</button><button id=\"zreset\">1:1</button> "
	"<span id=\"count\"></span><div id=\"info\">hover a segment for "
	"details</div></div>\n<div id=\"view\"><div id=\"wrap\">\n";

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
	"var items=document.querySelectorAll('.seg,.memregion');\n"
	"items.forEach(function(g){g.addEventListener('mouseenter',"
	"function(){var t=g.querySelector('title');"
	"info.textContent=(t?t.textContent:'')+'\\n'+"
	"(g.getAttribute('data-region')||g.getAttribute('data-kind')||'');"
	"});});\n"
	"var mem=document.querySelectorAll('.memregion').length;\n"
	"var rsv=document.querySelectorAll('.seg.reserved').length;\n"
	"document.getElementById('count').textContent=mem+' memory regions, '+"
	"rsv+' reserved segments';\n"
	"document.body.setAttribute('data-memory-regions',mem);\n"
	"document.body.setAttribute('data-reserved-segments',rsv);\n"
	"})();\n</script>\n</body></html>\n";

int mp_write_html(const struct mp_model *m, FILE *f)
{
	fputs(head, f);
	if (mp_write_svg(m, f))
		return -1;
	fputs(tail, f);
	return ferror(f) ? -1 : 0;
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
