/* SPDX-License-Identifier: BSD-2-Clause */
/* The seed's boot as data: one step per line of its memblock=debug log. */
#ifndef TOOLS_DEMO_SEED_BOOT_H
#define TOOLS_DEMO_SEED_BOOT_H

#include <memblock/memblock.h>

enum seed_op {
	SEED_RESERVE, /* memblock_reserve(base, size) from caller */
	SEED_DUMP,    /* memblock_dump_all() */
	SEED_ALLOC,   /* 4.x memblock_alloc(size, align): untraced request */
	SEED_VIRT,    /* memblock_virt_alloc_try_nid */
	SEED_VIRT_NOPANIC, /* memblock_virt_alloc_try_nid_nopanic */
	SEED_FREE,	   /* __memblock_free_early(base, size) */
	SEED_MESSAGE,	   /* a kernel line between them */
};

/** struct seed_step - one step; @expect is the address the seed shows. */
struct seed_step {
	enum seed_op op;
	mb_phys_t base_or_size;	 /* RESERVE/FREE: base; allocations: size */
	mb_phys_t size_or_align; /* RESERVE/FREE: size; allocations: align */
	mb_phys_t min;		 /* VIRT*: from= */
	int nid;		 /* VIRT*: nid= */
	const char *caller;	 /* caller text or message */
	mb_phys_t expect;	 /* allocations: address in the seed's log */
};

extern const struct seed_step seed_steps[];
extern const unsigned seed_nsteps;

/* The board: vexpress-a9, 128 MiB of RAM at 0x60000000. */
#define SEED_RAM_BASE 0x60000000ULL
#define SEED_RAM_SIZE 0x08000000ULL

#endif
