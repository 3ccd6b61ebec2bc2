/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fwdt_logs_fixture.h - shared by the test programs that check the
 * device-tree front end against real boot logs (test_fwdt_logs_*.c).
 */
#ifndef MEMBLOCK_TESTS_FWDT_LOGS_FIXTURE_H
#define MEMBLOCK_TESTS_FWDT_LOGS_FIXTURE_H

#include "fwdt_test.h"

/** struct log - a boot log, one string per line, time stamps dropped */
struct log {
	char **line;
	int n;
};

/** struct boot - one real boot: its log, its tree as QEMU built it */
struct boot {
	const char *log, *dtb;
	const struct mb_profile *profile;
	size_t dtb_total;   /* 0 = QEMU's rule for -dtb files */
	mb_phys_t dtb_phys; /* where QEMU put the blob (the loader's choice) */
	mb_phys_t ram;	    /* !0: QEMU rewrites /memory to this size */
	const char *mem_node;  /* the node it rewrites; NULL: vexpress's */
	mb_phys_t ram_base;    /* with mem_node: the node's base */
	mb_phys_t highmem;     /* !0: HighMem start (the log's zone line) */
	mb_phys_t phys_offset; /* convenience boots; 0: vexpress 0x60000000 */
	void (*edit)(struct fx *f); /* !NULL: rebuild QEMU's tree further */
	const char *bootargs;	    /* !NULL: QEMU's -append into /chosen */
	mb_phys_t cma_default, cma_limit;
	bool arm64;
};

/**
 * log_load - load shared/logs/@name (or tests/corpus/logs/ for "corpus/...")
 * dropping each line's "[    0.000000] " stamp
 */
void log_load(struct log *lg, const char *name);
/** log_free - release what log_load() allocated */
void log_free(struct log *lg);
/** log_find - first line at or after @from that starts with @prefix, or -1 */
int log_find(const struct log *lg, int from, const char *prefix);
/**
 * expect_printed - compare the front end's lines since @mark with the log's
 * from *@i on (trace lines without their caller when @no_caller); advance *@i
 */
void expect_printed(struct fx *f, int mark, const struct log *lg, int *i,
		    bool no_caller);
/** replay - run one of the log's own trace lines (not the front end's) */
void replay(struct fx *f, const char *s);
/** cma_result_run - does line @i start the default CMA area's result lines? */
bool cma_result_run(const struct log *lg, int i, int end);
/**
 * run_boot - run the front end's steps for boot @b in the arch's order,
 * replaying the log's other lines; its printed lines and the first dump
 * must equal the log's
 */
void run_boot(const struct boot *b);

/* Boots that several test programs run (fwdt_logs_boots.c). */
extern const struct boot fx_boot_vexpress_128M;
extern const struct boot fx_boot_vexpress_mem256M_cma;
extern const struct boot fx_boot_vexpress_256M_cma12M;
extern const struct boot fx_boot_arm64_numa2;
extern const struct boot fx_boot_arm64_crashkernel_cma;

#endif
