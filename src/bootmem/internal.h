/* SPDX-License-Identifier: BSD-2-Clause */
/* Internal: what the bootmem front (bootmem.c) asks of each back end. */
#ifndef MEMBLOCK_BOOTMEM_INTERNAL_H
#define MEMBLOCK_BOOTMEM_INTERNAL_H

#include <memblock/bootmem.h>

/* Freestanding: the only libc functions used, declared here (no <string.h>). */
void *memset(void *dst, int c, size_t n);

#ifndef MEMBLOCK_NO_BOOTMEM
#define MEMBLOCK_NO_BOOTMEM 0
#endif

static inline mb_phys_t bm_page_size(const struct bootmem *bm)
{
	return (mb_phys_t)1 << bm->page_shift;
}

static inline unsigned long bm_pfn_up(const struct bootmem *bm, mb_phys_t a)
{
	return (unsigned long)((a + bm_page_size(bm) - 1) >> bm->page_shift);
}

static inline unsigned long bm_pfn_down(const struct bootmem *bm, mb_phys_t a)
{
	return (unsigned long)(a >> bm->page_shift);
}

/* Bitmap back end (bitmap.c); absent when MEMBLOCK_NO_BOOTMEM=1. */
int bitmap_mark(struct bootmem *bm, int nid, unsigned long start,
		unsigned long end, bool reserve, int flags);
mb_phys_t bitmap_alloc(struct bootmem *bm, int nid, mb_phys_t size,
		       mb_phys_t align, mb_phys_t goal, mb_phys_t limit,
		       unsigned flags);
unsigned long bitmap_free_all(struct bootmem *bm, bootmem_release_fn release,
			      void *ctx);
bool bitmap_is_reserved(const struct bootmem *bm, unsigned long pfn);

/* memblock shim (shim.c). */
int shim_free(struct bootmem *bm, mb_phys_t addr, mb_phys_t size);
int shim_reserve(struct bootmem *bm, mb_phys_t addr, mb_phys_t size, int flags);
mb_phys_t shim_alloc(struct bootmem *bm, int nid, mb_phys_t size,
		     mb_phys_t align, mb_phys_t goal, mb_phys_t limit,
		     unsigned flags);

#endif
