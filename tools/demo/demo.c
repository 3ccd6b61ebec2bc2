/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * memblock-demo: the seed's boot on the seed's board (vexpress-a9, 32-bit
 * ARM, 128 MiB at 0x60000000), run on the host through the core, printing
 * the memblock=debug log in the seed's 4.x dialect on stdout. When the
 * bootmem/buddy layers are built, it goes on to the hand-over.
 *
 * Exit status: 0 when every allocation landed where the seed's log says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memblock/memblock.h>
#ifdef MEMBLOCK_DEMO_HANDOVER
#include <memblock/handover.h>
#endif

#include "seed_boot.h"

static void print_line(void *ctx, const char *line)
{
	(void)ctx;
	printf("%s\n", line);
}

/* The simulated RAM has no host memory behind it: the core returns the
 * physical address as the pointer and does not touch it. */
static void *no_map(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	(void)phys;
	return NULL;
}

static mb_phys_t run_step(struct memblock *mb, const struct seed_step *s)
{
	switch (s->op) {
	case SEED_RESERVE:
		mb_set_next_caller(mb, s->caller);
		mb_reserve(mb, s->base_or_size, s->size_or_align);
		return 0;
	case SEED_FREE:
		mb_set_next_caller(mb, s->caller);
		mb_phys_free(mb, s->base_or_size, s->size_or_align);
		return 0;
	case SEED_DUMP:
		mb_dump_all(mb);
		return 0;
	case SEED_MESSAGE:
		print_line(NULL, s->caller);
		return 0;
	case SEED_ALLOC:
		return mb_phys_alloc_try_nid(mb, s->base_or_size,
					     s->size_or_align, MB_NUMA_NO_NODE);
	case SEED_VIRT_NOPANIC:
		mb_set_next_caller(mb, s->caller);
		return (mb_phys_t)(uintptr_t)mb_alloc_try_nid_nopanic(
			mb, s->base_or_size, s->size_or_align, s->min, 0,
			s->nid);
	case SEED_VIRT:
		mb_set_next_caller(mb, s->caller);
		return (mb_phys_t)(uintptr_t)mb_alloc_try_nid(
			mb, s->base_or_size, s->size_or_align, s->min, 0,
			s->nid);
	}
	return 0;
}

#ifdef MEMBLOCK_DEMO_HANDOVER
/* bootmem (the CONFIG_NO_BOOTMEM shim over memblock) and the hand-over to
 * the buddy allocator: prints "Built 1 zonelists ..." and "Memory: ...". */
static int hand_over(struct memblock *mb)
{
	unsigned long start = (unsigned long)(SEED_RAM_BASE >> 12);
	unsigned long end =
		(unsigned long)((SEED_RAM_BASE + SEED_RAM_SIZE) >> 12);
	struct buddy_page *pages = calloc(end - start, sizeof(*pages));
	struct mb_handover_info info = {0};
	struct mb_handover_result *res = calloc(1, sizeof(*res));
	struct buddy b;
	int err = -MB_ENOMEM;

	if (pages && res &&
	    buddy_init(&b, &mb->profile, NULL, start, end, pages,
		       end - start) == 0) {
		/* the mem_map was allocated already (alloc_node_mem_map) */
		err = mb_handover_run(mb, &b, BOOTMEM_BACKEND_MEMBLOCK, &info,
				      res);
		if (!err)
			printf("# hand-over: %lu pages released to the buddy "
			       "allocator, %lu free\n",
			       res->released, b.free_pages);
	}
	free(pages);
	free(res);
	return err;
}
#endif

int main(void)
{
	static struct memblock_region memory[128], reserved[128];
	struct mb_env env = {.print = print_line, .phys_to_virt = no_map};
	struct memblock mb;
	int wrong = 0;

	if (mb_init(&mb, &mb_profile_arm32, &env, memory, 128, reserved, 128,
		    NULL, 0))
		return 2;
	mb.style = MB_STYLE_LINUX_4;
	/* the seed's 4.x kernel had a 32-byte struct page: alloc_node_mem_map
	 * asks 1048576 bytes for 32768 pages (6.1 armmp: 36) */
	mb.profile.page_struct_size = 32;
	/* RAM from the boot loader, added before memblock=debug is parsed */
	mb_add(&mb, SEED_RAM_BASE, SEED_RAM_SIZE);
	/* arm_lowmem_limit: all 128 MiB are lowmem */
	mb_set_current_limit(&mb, SEED_RAM_BASE + SEED_RAM_SIZE);
	mb_set_debug(&mb, true);

	for (unsigned i = 0; i < seed_nsteps; i++) {
		const struct seed_step *s = &seed_steps[i];
		mb_phys_t got = run_step(&mb, s);

		if (s->expect && got != s->expect) {
			fprintf(stderr,
				"step %u: got 0x%llx, the seed shows 0x%llx\n",
				i, (unsigned long long)got,
				(unsigned long long)s->expect);
			wrong++;
		}
	}
#ifdef MEMBLOCK_DEMO_HANDOVER
	if (hand_over(&mb))
		fprintf(stderr, "hand-over failed\n");
#endif
	return wrong ? 1 : 0;
}
