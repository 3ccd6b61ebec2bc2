/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The bootmem front: instance set-up, node set-up and every API call,
 * dispatched to the back end chosen at bootmem_init().
 */
#include "internal.h"

static bool is_bitmap(const struct bootmem *bm)
{
	return !MEMBLOCK_NO_BOOTMEM && bm->backend == BOOTMEM_BACKEND_BITMAP;
}

/** bootmem_backend_available - is @backend compiled into this library? */
bool bootmem_backend_available(enum bootmem_backend backend)
{
	if (backend == BOOTMEM_BACKEND_MEMBLOCK)
		return true;
	return backend == BOOTMEM_BACKEND_BITMAP && !MEMBLOCK_NO_BOOTMEM;
}

/** bootmem_init - bind @bm to @mb; defaults come from @mb's profile. */
int bootmem_init(struct bootmem *bm, struct memblock *mb,
		 enum bootmem_backend backend)
{
	if (!bm || !mb || !bootmem_backend_available(backend))
		return -MB_EINVAL;
	memset(bm, 0, sizeof(*bm));
	bm->mb = mb;
	bm->backend = backend;
	bm->page_shift = 0;
	while (((mb_phys_t)1 << bm->page_shift) < mb->profile.page_size)
		bm->page_shift++;
	bm->smp_cache_bytes = mb->profile.smp_cache_bytes;
	bm->goal_default = mb->profile.bootmem_low_limit;
	bm->low_limit = mb->profile.alloc_low_limit;
	/* The machine word: 32 bits on 32-bit kernels (phys_bits 32). */
	bm->bits_per_long = mb->profile.phys_bits <= 32 ? 32 : 64;
	return 0;
}

/** bootmem_map_bytes - one bit per page, rounded up to whole longs. */
size_t bootmem_map_bytes(const struct bootmem *bm, unsigned long pages)
{
	size_t word = bm->bits_per_long / 8;
	size_t bytes = (pages + 7) / 8;

	return (bytes + word - 1) & ~(word - 1); /* word: 4 or 8 */
}

/** bootmem_bootmap_pages - the map's bytes rounded up to whole pages. */
unsigned long bootmem_bootmap_pages(const struct bootmem *bm,
				    unsigned long pages)
{
	return bm_pfn_up(bm, bootmem_map_bytes(bm, pages));
}

/** bootmem_init_node - see bootmem.h: every page of the node reserved. */
long bootmem_init_node(struct bootmem *bm, int nid, unsigned long bitmap_pfn,
		       unsigned long start_pfn, unsigned long end_pfn,
		       void *buf, size_t buf_len)
{
	if (!is_bitmap(bm) || nid < 0 || nid >= BOOTMEM_MAX_NODES ||
	    end_pfn <= start_pfn)
		return -MB_EINVAL;
	struct bootmem_node *n = &bm->node[nid];
	size_t bytes = bootmem_map_bytes(bm, end_pfn - start_pfn);
	uint8_t *map = buf;

	if (map && buf_len < bytes)
		return -MB_EINVAL;
	if (!map)
		map = mb_phys_to_virt(bm->mb,
				      (mb_phys_t)bitmap_pfn << bm->page_shift);
	if (!map)
		return -MB_EINVAL;
	memset(n, 0, sizeof(*n));
	n->online = true;
	n->node_min_pfn = start_pfn;
	n->node_low_pfn = end_pfn;
	n->map = map;
	n->bitmap_pfn = bitmap_pfn;
	n->map_pages = bootmem_bootmap_pages(bm, end_pfn - start_pfn);
	memset(map, 0xff, bytes);
	return (long)bytes;
}

/** bootmem_init_single - init_bootmem(): node 0 over pfns [0, @pages). */
long bootmem_init_single(struct bootmem *bm, unsigned long start_pfn,
			 unsigned long pages, void *buf, size_t buf_len)
{
	return bootmem_init_node(bm, 0, start_pfn, 0, pages, buf, buf_len);
}

/* ---- freeing and reserving ---- */

static int free_range(struct bootmem *bm, int nid, mb_phys_t addr,
		      mb_phys_t size)
{
	if (!bm || bm->released)
		return -MB_EINVAL;
	if (!is_bitmap(bm))
		return shim_free(bm, addr, size);
#if !MEMBLOCK_NO_BOOTMEM
	unsigned long start = bm_pfn_up(bm, addr);
	unsigned long end = bm_pfn_down(bm, addr + size);

	if (end <= start)
		return 0;
	return bitmap_mark(bm, nid, start, end, false, 0);
#else
	(void)nid;
	return -MB_EINVAL;
#endif
}

static int reserve_range(struct bootmem *bm, int nid, mb_phys_t addr,
			 mb_phys_t size, int flags)
{
	if (!bm || bm->released)
		return -MB_EINVAL;
	if (!is_bitmap(bm))
		return shim_reserve(bm, addr, size, flags);
#if !MEMBLOCK_NO_BOOTMEM
	unsigned long start = bm_pfn_down(bm, addr);
	unsigned long end = bm_pfn_up(bm, addr + size);

	return bitmap_mark(bm, nid, start, end, true, flags);
#else
	(void)nid;
	return -MB_EINVAL;
#endif
}

/** bootmem_free - free_bootmem(). */
int bootmem_free(struct bootmem *bm, mb_phys_t addr, mb_phys_t size)
{
	return free_range(bm, -1, addr, size);
}

/** bootmem_free_node - free_bootmem_node(). */
int bootmem_free_node(struct bootmem *bm, int nid, mb_phys_t addr,
		      mb_phys_t size)
{
	if (nid < 0)
		return -MB_EINVAL;
	return free_range(bm, nid, addr, size);
}

/** bootmem_reserve - reserve_bootmem(). */
int bootmem_reserve(struct bootmem *bm, mb_phys_t addr, mb_phys_t size,
		    int flags)
{
	return reserve_range(bm, -1, addr, size, flags);
}

/** bootmem_reserve_node - reserve_bootmem_node(). */
int bootmem_reserve_node(struct bootmem *bm, int nid, mb_phys_t addr,
			 mb_phys_t size, int flags)
{
	if (nid < 0)
		return -MB_EINVAL;
	return reserve_range(bm, nid, addr, size, flags);
}

/** bootmem_is_reserved - see bootmem.h. */
bool bootmem_is_reserved(const struct bootmem *bm, unsigned long pfn)
{
#if !MEMBLOCK_NO_BOOTMEM
	if (is_bitmap(bm))
		return bitmap_is_reserved(bm, pfn);
#endif
	mb_phys_t a = (mb_phys_t)pfn << bm->page_shift;

	return !mb_is_memory(bm->mb, a) || mb_is_reserved(bm->mb, a);
}

/* ---- allocation ---- */

static void out_of_memory(struct bootmem *bm, mb_phys_t size)
{
	const struct mb_env *env = &bm->mb->env;

	mb_printf(bm->mb, "bootmem alloc of %llu bytes failed!",
		  (unsigned long long)size);
	if (env->panic)
		env->panic(env->ctx, "Out of memory");
	else
		__builtin_trap();
}

/** bootmem_alloc_phys - the engine behind every allocation variant. */
mb_phys_t bootmem_alloc_phys(struct bootmem *bm, int nid, mb_phys_t size,
			     mb_phys_t align, mb_phys_t goal, mb_phys_t limit,
			     unsigned flags)
{
	mb_phys_t a = 0;

	if (!align)
		align = bm->smp_cache_bytes;
	/* size 0 and a non-power-of-two align are kernel BUGs: refuse. */
	if (size && !(align & (align - 1)) && !bm->released) {
		if (is_bitmap(bm)) {
#if !MEMBLOCK_NO_BOOTMEM
			a = bitmap_alloc(bm, nid, size, align, goal, limit,
					 flags);
#endif
		} else {
			a = shim_alloc(bm, nid, size, align, goal, limit,
				       flags);
		}
	}
	if (a) {
		void *p = mb_phys_to_virt(bm->mb, a);

		if (p)
			memset(p, 0, (size_t)size);
		return a;
	}
	if (!(flags & BOOTMEM_ALLOC_NOPANIC))
		out_of_memory(bm, size);
	return 0;
}

/* Like the core: unmapped memory (phys_to_virt NULL) comes back as the
 * physical address in the pointer, so that simulators can follow it. */
static void *as_virt(struct bootmem *bm, mb_phys_t a)
{
	void *p;

	if (!a)
		return NULL;
	p = mb_phys_to_virt(bm->mb, a);
	return p ? p : (void *)(uintptr_t)a;
}

/** __alloc_bootmem - any node, [goal, -), panics when nothing fits. */
void *__alloc_bootmem(struct bootmem *bm, mb_phys_t size, mb_phys_t align,
		      mb_phys_t goal)
{
	return as_virt(bm, bootmem_alloc_phys(bm, MB_NUMA_NO_NODE, size, align,
					      goal, 0, 0));
}

/** __alloc_bootmem_nopanic - as __alloc_bootmem, NULL when nothing fits. */
void *__alloc_bootmem_nopanic(struct bootmem *bm, mb_phys_t size,
			      mb_phys_t align, mb_phys_t goal)
{
	return as_virt(bm, bootmem_alloc_phys(bm, MB_NUMA_NO_NODE, size, align,
					      goal, 0, BOOTMEM_ALLOC_NOPANIC));
}

/** __alloc_bootmem_node - node @nid first, then any node; panics. */
void *__alloc_bootmem_node(struct bootmem *bm, int nid, mb_phys_t size,
			   mb_phys_t align, mb_phys_t goal)
{
	return as_virt(bm, bootmem_alloc_phys(bm, nid, size, align, goal, 0,
					      BOOTMEM_ALLOC_NODE));
}

/** __alloc_bootmem_node_nopanic - as __alloc_bootmem_node, or NULL. */
void *__alloc_bootmem_node_nopanic(struct bootmem *bm, int nid, mb_phys_t size,
				   mb_phys_t align, mb_phys_t goal)
{
	return as_virt(bm, bootmem_alloc_phys(bm, nid, size, align, goal, 0,
					      BOOTMEM_ALLOC_NODE |
						      BOOTMEM_ALLOC_NOPANIC));
}

/** __alloc_bootmem_node_high - bitmap: above DMA32 first on big nodes. */
void *__alloc_bootmem_node_high(struct bootmem *bm, int nid, mb_phys_t size,
				mb_phys_t align, mb_phys_t goal)
{
	return as_virt(bm, bootmem_alloc_phys(bm, nid, size, align, goal, 0,
					      BOOTMEM_ALLOC_NODE |
						      BOOTMEM_ALLOC_HIGH));
}

/** __alloc_bootmem_low - below ARCH_LOW_ADDRESS_LIMIT; panics. */
void *__alloc_bootmem_low(struct bootmem *bm, mb_phys_t size, mb_phys_t align,
			  mb_phys_t goal)
{
	return as_virt(bm, bootmem_alloc_phys(bm, MB_NUMA_NO_NODE, size, align,
					      goal, bm->low_limit, 0));
}

/** __alloc_bootmem_low_nopanic - as __alloc_bootmem_low, or NULL. */
void *__alloc_bootmem_low_nopanic(struct bootmem *bm, mb_phys_t size,
				  mb_phys_t align, mb_phys_t goal)
{
	return as_virt(bm, bootmem_alloc_phys(bm, MB_NUMA_NO_NODE, size, align,
					      goal, bm->low_limit,
					      BOOTMEM_ALLOC_NOPANIC));
}

/** __alloc_bootmem_low_node - node @nid first, below the low limit. */
void *__alloc_bootmem_low_node(struct bootmem *bm, int nid, mb_phys_t size,
			       mb_phys_t align, mb_phys_t goal)
{
	return as_virt(bm,
		       bootmem_alloc_phys(bm, nid, size, align, goal,
					  bm->low_limit, BOOTMEM_ALLOC_NODE));
}
