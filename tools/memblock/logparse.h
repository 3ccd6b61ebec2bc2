/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * logparse - turn a kernel console log (memblock=debug) into typed records.
 *
 * Host library (libc). Accepts `[ time]` prefixes or none, CRLF, 32- and
 * 64-bit address widths, Linux 6.x and 4.x function names, garbage and
 * interleaved lines, markdown files that quote a log, and a last line cut
 * in the middle. It never reads outside the buffer it is given.
 */
#ifndef MEMBLOCK_TOOLS_LOGPARSE_H
#define MEMBLOCK_TOOLS_LOGPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** enum lp_kind - what one record is. */
enum lp_kind {
	/* memblock trace lines with a range [base-end] */
	LP_ADD,		/* memblock_add */
	LP_ADD_NODE,	/* memblock_add_node: nid= flags= */
	LP_REMOVE,	/* memblock_remove */
	LP_RESERVE,	/* memblock_reserve */
	LP_PHYS_FREE,	/* memblock_phys_free, memblock_free,
			   __memblock_free_early */
	LP_FREE_LATE,	/* memblock_free_late, __memblock_free_late */
	LP_RANGE_OTHER, /* any other "memblock_xxx: [..]" line */
	/* allocation requests: "<fn>: N bytes align=.. [nid=..] from=..
	   max_addr=.." */
	LP_ALLOC,
	LP_DOUBLED,	  /* memblock: <name> is doubled to <n> at [..] */
	LP_DOUBLE_FAILED, /* memblock: Failed to double <name> array ... */
	LP_DUMP,	  /* MEMBLOCK configuration: block, as a whole */
	/* context lines */
	LP_CTX_ZONE, /* "  DMA  [mem a-b]" / "  Normal empty" after Zone ranges:
		      */
	LP_CTX_NODE_RANGE, /* "  node   0: [mem a-b]" (Early memory node ranges)
			    */
	LP_CTX_E820,	   /* BIOS-e820: / user: / e820: [mem a-b] <type> */
	LP_CTX_SRAT,	   /* ACPI: SRAT: Node N PXM P [mem a-b] [hotplug] */
	LP_CTX_NUMA, /* NUMA: ..., No NUMA configuration found, Faking a node */
	LP_CTX_NODE_DATA, /* NODE_DATA(n) allocated [mem a-b] / NUMA: NODE_DATA
			     [mem a-b] */
	LP_CTX_CMDLINE,	  /* Kernel command line: / Command line: */
	LP_CTX_MEMORY,	  /* Memory: NK/MK available ... */
	LP_CTX_TOTAL_PAGES,   /* Built N zonelists ... Total pages: N */
	LP_CTX_CMA,	      /* cma: Reserved N MiB at 0x.. */
	LP_CTX_PERCPU,	      /* percpu: ... */
	LP_CTX_MACHINE,	      /* Machine model: ... / DMI: ... */
	LP_CTX_LAST_PFN,      /* last_pfn = 0x.. max_arch_pfn = 0x.. */
	LP_CTX_ACPI,	      /* other ACPI: lines */
	LP_CTX_EFI,	      /* efi: lines */
	LP_CTX_CRASHKERNEL,   /* crashkernel reserved: 0x.. - 0x.. */
	LP_CTX_LINUX_VERSION, /* Linux version ... */
	LP_CTX_HUGETLB_CMA,   /* hugetlb_cma: reserved N MiB on node X */
	LP_CTX_DROPPED,	      /* ** N printk messages dropped ** (size = N) */
	LP_KIND__COUNT
};

/** enum lp_alloc_fn - which request entry point printed an LP_ALLOC line. */
enum lp_alloc_fn {
	LP_FN_PHYS_ALLOC_RANGE,
	LP_FN_ALLOC_TRY_NID,
	LP_FN_ALLOC_TRY_NID_RAW,
	LP_FN_ALLOC_EXACT_NID_RAW,
	LP_FN_VIRT_ALLOC_TRY_NID,	  /* 4.x */
	LP_FN_VIRT_ALLOC_TRY_NID_NOPANIC, /* 4.x */
	LP_FN_OTHER,
};

#define LP_NO_NODE    (-2) /* a dump region printed without "on node N" */
#define LP_CALLER_LEN 96
#define LP_NAME_LEN   32

/** struct lp_region - one region of a dump, as printed. */
struct lp_region {
	uint64_t base, size; /* size as printed */
	uint64_t end;	     /* inclusive end as printed */
	unsigned flags;
	int nid; /* LP_NO_NODE when not printed */
};

/** struct lp_record - one parsed line (or one whole dump). */
struct lp_record {
	enum lp_kind kind;
	unsigned line;	  /* 1-based line number of the (first) line */
	const char *text; /* the message, timestamp removed (in the buffer) */
	size_t text_len;
	int width; /* hex digits of the first address (8 or 16 ...) */
	/* ranges: base, inclusive end, size = end - base + 1 (mod 2^64) */
	uint64_t base, end, size;
	/* requests (size above), add_node (nid, flags) */
	uint64_t align, from, max_addr;
	int nid;
	unsigned flags;
	enum lp_alloc_fn fn;
	bool has_nid;		    /* request printed nid= */
	char func[LP_NAME_LEN];	    /* printed function name */
	char caller[LP_CALLER_LEN]; /* %pS text, "" if none */
	/* doubled / failed: table name, old and new capacity */
	char name[LP_NAME_LEN];
	unsigned long old_max, new_max;
	/* dump: totals, printed counts, regions in lp_log.regions */
	uint64_t mem_total, rsv_total;
	unsigned long mem_cnt, rsv_cnt;
	size_t first_region; /* memory regions first, then reserved */
	unsigned long n_mem, n_rsv;
	bool complete; /* dump: every promised region present */
	bool empty;    /* zone: printed "empty" */
	bool hotplug;  /* SRAT: hotplug range */
};

/** struct lp_log - a whole parsed log. */
struct lp_log {
	struct lp_record *recs;
	size_t n, cap;
	struct lp_region *regions;
	size_t nregions, regions_cap;
	unsigned lines;		 /* number of lines seen */
	unsigned memblock_lines; /* lines that are memblock trace or dump */
	bool last_line_cut; /* last line had no newline and was memblock-ish */
	bool oom;	    /* allocation failure while parsing */
	int width;	    /* dominant address width (8 or 16), 0 unknown */
};

/**
 * lp_parse - parse a log held in memory.
 * @buf: log bytes (need not be NUL terminated)
 * @len: their number
 * @log: result (initialised here; release with lp_free)
 * Return: 0, or -1 when memory ran out (log->oom set; partial records kept).
 */
int lp_parse(const char *buf, size_t len, struct lp_log *log);

/** lp_free - release what lp_parse allocated. */
void lp_free(struct lp_log *log);

/** lp_kind_name - short stable name of a record kind ("reserve", "dump"). */
const char *lp_kind_name(enum lp_kind kind);

/** lp_dump_region - region @i of dump @r (memory first, then reserved). */
const struct lp_region *lp_dump_region(const struct lp_log *log,
				       const struct lp_record *r, size_t i);

/* Line-level helpers, exposed for tests and other subcommands. */

/**
 * lp_strip_prefix - find the message of one line: skips leading garbage up
 * to and including a "[ seconds.micro]" stamp; without a stamp, a "<N>"
 * printk level or everything up to "kernel: " (syslog, journalctl).
 * Return: pointer to the message start inside [line, line + len).
 */
const char *lp_strip_prefix(const char *line, size_t len);

/**
 * lp_parse_line - parse one message (no dump blocks: those span lines).
 * @msg, @len: the message after lp_strip_prefix
 * @rec: filled when a record kind is recognised
 * Return: true when @rec holds a record.
 */
bool lp_parse_line(const char *msg, size_t len, struct lp_record *rec);

#endif /* MEMBLOCK_TOOLS_LOGPARSE_H */
