/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * machine - what `memblock boot` simulates: RAM, firmware map, the kernel's
 * placement, the device tree, the command line and the kernel flavour.
 * Built-in machines are written in the same text format as user files
 * (docs/boot.md), so the parser is the one way a machine comes to exist.
 */
#ifndef MEMBLOCK_TOOLS_MACHINE_H
#define MEMBLOCK_TOOLS_MACHINE_H

#include <stdbool.h>
#include <stddef.h>

#include <memblock/memblock.h>

#define BM_MAX_RANGES 64
#define BM_LABEL_LEN  32

/** enum bm_arch - which architecture's boot order is simulated. */
enum bm_arch { BM_ARM32, BM_ARM64, BM_X86_64 };

/** struct bm_range - a RAM bank, e820 entry or firmware reservation. */
struct bm_range {
	mb_phys_t base, size;
	unsigned type; /* e820 type (x86), 0 elsewhere */
	int nid;
	bool early; /* x86 "reserve-early": before e820 reaches memblock */
	char label[BM_LABEL_LEN];
	char caller[64]; /* %pS the reservation prints ("" = default) */
};

/** struct bm_machine - one machine, as its description file says. */
struct bm_machine {
	char name[64];
	enum bm_arch arch;
	struct mb_profile profile; /* built-in, adjusted by the file */
	int style;		   /* kernel dialect: 4 (seed) or 6 (6.1) */
	unsigned cpus;		   /* possible CPUs (percpu units) */
	struct bm_range ram[BM_MAX_RANGES];
	unsigned nram;
	struct bm_range e820[BM_MAX_RANGES]; /* x86 firmware map */
	unsigned ne820;
	struct bm_range rsv[BM_MAX_RANGES]; /* firmware reservations */
	unsigned nrsv;
	struct bm_range numa[BM_MAX_RANGES]; /* x86 SRAT memory affinity */
	unsigned nnuma;
	unsigned node_cpus[BM_MAX_RANGES]; /* x86 SRAT: CPUs per node */
	mb_phys_t kernel_base, kernel_size;
	mb_phys_t pgdir_base, pgdir_size;
	mb_phys_t initrd_base, initrd_size;
	char dtb[512];		/* path, "shared:NAME" or "" (none) */
	mb_phys_t dtb_phys;	/* where the loader put it (0: default) */
	long long dtb_size;	/* bytes reserved: 0 blob's own, -1 QEMU rule */
	bool dtb_set_memory;	/* rewrite /memory from the ram lines (QEMU) */
	char cmdline[4096];	/* x86 COMMAND_LINE_SIZE is 2048 */
	mb_phys_t cma_size;	/* default CMA area (CONFIG_CMA_SIZE_MBYTES) */
	mb_phys_t dt_unflatten; /* unflattened tree bytes (0: estimate) */
	mb_phys_t vmemmap_from; /* arm64: the virtual "from" logs print */
	unsigned long sizes_k[5]; /* Memory: line code rwdata rodata init bss */
	char atags[512]; /* raw ATAG list file (32-bit ARM), "" = none */
	/* "reservations firmware-only": an embedded kernel's boot, not
	 * Linux's: the front ends, the kernel line and the reserve lines,
	 * then bootmem and the hand-over (boot_bare.c) */
	bool bare;
};

/** bm_machine_names - NULL-terminated list of the built-in machine names. */
const char *const *bm_machine_names(void);

/**
 * bm_machine_parse - read a machine description (text) into @m.
 * @m is reset first. @err receives a one-line message on failure.
 * Return: 0, or -1 (bad line: @err says which and why).
 */
int bm_machine_parse(const char *text, size_t len, struct bm_machine *m,
		     char *err, size_t errlen);

/**
 * bm_machine_load - @what is a built-in name, a .dtb file or a text file.
 * A DTB becomes a machine whose RAM comes from its /memory nodes.
 * Return: 0 or -1 with a one-line message in @err.
 */
int bm_machine_load(const char *what, struct bm_machine *m, char *err,
		    size_t errlen);

/** bm_parse_size - memparse-like: number with optional K/M/G/T suffix. */
bool bm_parse_size(const char *s, mb_phys_t *out);

#endif
