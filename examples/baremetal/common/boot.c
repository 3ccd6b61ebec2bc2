/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The shared boot flow after firmware registration (see boot.h): memblock
 * allocations, bootmem, hand-over to the buddy allocator, page allocations,
 * summary, exit.
 */
#include "boot.h"

#include <memblock/bootmem.h>
#include <memblock/buddy.h>
#include <memblock/handover.h>
#include <string.h>

#include "symbols.h"

#include <memblock/linux.h>

static void env_print(void *ctx, const char *line)
{
	(void)ctx;
	console_puts(line);
	console_puts("\n");
}

static void env_panic(void *ctx, const char *msg)
{
	(void)ctx;
	panic(msg);
}

static const struct mb_env kernel_env = {
	.print = env_print,
	.panic = env_panic,
	.symbolize = symbols_lookup,
};

const struct mb_env *boot_env(void)
{
	return &kernel_env;
}

void boot_layout(struct kernel_layout *k)
{
	k->image_start = (uintptr_t)__image_start;
	k->image_end = (uintptr_t)__image_end;
	k->stack_start = (uintptr_t)__stack_start;
	k->stack_end = (uintptr_t)__stack_end;
	/* ARM's PHYS_OFFSET rule: load address rounded down to 128 MiB. */
	k->phys_offset = k->image_start & ~(mb_phys_t)(128 * 1024 * 1024 - 1);
}

void boot_print_layout(const struct kernel_layout *k)
{
	kprintf("baremetal: layout image 0x%llx 0x%llx stack 0x%llx 0x%llx "
		"phys_offset 0x%llx\n",
		(unsigned long long)k->image_start,
		(unsigned long long)k->image_end,
		(unsigned long long)k->stack_start,
		(unsigned long long)k->stack_end,
		(unsigned long long)k->phys_offset);
}

/* log2(PAGE_SIZE), without the __ctzdi2 call i386 compilers emit for
 * __builtin_ctzll. */
static unsigned page_shift(const struct memblock *mb)
{
	unsigned shift = 0;

	while (((mb_phys_t)1 << shift) < mb->profile.page_size)
		shift++;
	return shift;
}

static unsigned checks, failures;

void boot_check(bool ok, const char *what)
{
	checks++;
	if (!ok) {
		failures++;
		kprintf("baremetal: CHECK FAILED: %s\n", what);
	}
}

void print_hex(const char *tag, const void *data, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	const unsigned char *p = data;
	char line[2 * 32 + 1];

	for (size_t off = 0; off < len; off += 32) {
		size_t n = len - off < 32 ? len - off : 32;

		for (size_t i = 0; i < n; i++) {
			line[2 * i] = digits[p[off + i] >> 4];
			line[2 * i + 1] = digits[p[off + i] & 15];
		}
		line[2 * n] = '\0';
		kprintf("baremetal: input %s %s\n", tag, line);
	}
}

/* Every range handed out, to prove they never overlap one another. */
#define MAX_ALLOCS 32
static struct {
	mb_phys_t base, size;
} allocs[MAX_ALLOCS];
static unsigned nallocs;

static bool overlaps_earlier(mb_phys_t base, mb_phys_t size)
{
	for (unsigned i = 0; i < nallocs; i++)
		if (base < allocs[i].base + allocs[i].size &&
		    allocs[i].base < base + size)
			return true;
	return false;
}

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		if (*b++)
			return false;
	return true;
}

/* Fill the range with a pattern and read it back: it is real RAM. */
static bool touch(mb_phys_t base, mb_phys_t size)
{
	volatile uint32_t *w = (volatile uint32_t *)(uintptr_t)base;
	size_t n = (size_t)(size / 4);

	for (size_t i = 0; i < n; i++)
		w[i] = (uint32_t)(base + 4 * i) ^ 0x5a5aa5a5u;
	for (size_t i = 0; i < n; i++)
		if (w[i] != ((uint32_t)(base + 4 * i) ^ 0x5a5aa5a5u))
			return false;
	return true;
}

void boot_note_alloc(struct memblock *mb, const char *what, void *virt,
		     mb_phys_t phys, mb_phys_t size, bool zeroed)
{
	if (virt)
		phys = mb_virt_to_phys(mb, virt);
	kprintf("baremetal: alloc 0x%llx 0x%llx %s\n", (unsigned long long)phys,
		(unsigned long long)size, what);
	boot_check(phys != 0, what);
	if (!phys)
		return;
	boot_check(mb_is_region_memory(mb, phys, size), "allocation in RAM");
	boot_check(!overlaps_earlier(phys, size), "allocations disjoint");
	if (zeroed)
		boot_check(all_zero((void *)(uintptr_t)phys, (size_t)size),
			   "allocation zeroed");
	boot_check(touch(phys, size), "allocation writable");
	if (nallocs < MAX_ALLOCS) {
		allocs[nallocs].base = phys;
		allocs[nallocs].size = size;
		nallocs++;
	}
}

static void memblock_allocations(struct memblock *mb)
{
	mb_phys_t page = mb->profile.page_size;

	boot_note_alloc(mb, "mb_alloc(page tables)",
			mb_alloc(mb, 4 * page, page), 0, 4 * page, true);
	boot_note_alloc(mb, "mb_alloc(small)", mb_alloc(mb, 100, 0), 0, 100,
			true);
	boot_note_alloc(mb, "mb_alloc_low", mb_alloc_low(mb, 8192, 64), 0, 8192,
			true);
	boot_note_alloc(mb, "mb_phys_alloc(1M aligned)", NULL,
			mb_phys_alloc(mb, 1 << 20, 1 << 20), 1 << 20, false);
	boot_note_alloc(mb, "mb_alloc_raw", mb_alloc_raw(mb, 3 * page, page), 0,
			3 * page, false);
	boot_note_alloc(mb, "mb_alloc_from(start of DRAM + 16M)",
			mb_alloc_from(mb, 2 * page, page,
				      mb_start_of_DRAM(mb) + (16 << 20)),
			0, 2 * page, true);
}

/* The hand-over (<memblock/handover.h>): bootmem set-up, then release. */
static struct mb_handover_info hinfo;
static struct mb_handover_result hres;
#define bm (hres.bootmem)

/* The image's sections in KiB for the "Memory:" line. */
static void kernel_sizes(struct mb_kernel_sizes *z)
{
	z->code_k = (unsigned long)(__text_end - __image_start) >> 10;
	z->rodata_k = (unsigned long)(__rodata_end - __text_end) >> 10;
	z->rwdata_k = (unsigned long)(__bss_start - __rodata_end) >> 10;
	z->init_k = 0;
	z->bss_k = (unsigned long)(__image_end - __bss_start) >> 10;
}

static void bootmem_steps(struct memblock *mb)
{
	mb_phys_t page = mb->profile.page_size;
	int err;

	kernel_sizes(&hinfo.sizes);
#ifdef BAREMETAL_BOOTMEM_SHIM
	err = mb_handover_begin(mb, BOOTMEM_BACKEND_MEMBLOCK, &hinfo, &hres);
#else
	/* Bitmap over lowmem, allocated from memblock (ARM bootmem_init). */
	err = mb_handover_begin(mb, BOOTMEM_BACKEND_BITMAP, &hinfo, &hres);
#endif
	boot_check(err == 0, "mb_handover_begin");
	boot_note_alloc(mb, "alloc_bootmem", alloc_bootmem(&bm, 3000), 0, 3000,
			true);
	boot_note_alloc(mb, "alloc_bootmem(packed)", alloc_bootmem(&bm, 200), 0,
			200, true);
	boot_note_alloc(mb, "alloc_bootmem_pages",
			alloc_bootmem_pages(&bm, 3 * page), 0, 3 * page, true);
	boot_note_alloc(mb, "alloc_bootmem_low", alloc_bootmem_low(&bm, 512), 0,
			512, true);
	boot_note_alloc(mb, "__alloc_bootmem(64K aligned)",
			__alloc_bootmem(&bm, 1 << 16, 1 << 16, 0), 0, 1 << 16,
			true);
}

static struct buddy buddy;

/* The descriptor array of the page allocator, from bootmem (mem_map). */
static bool buddy_setup(struct memblock *mb)
{
	unsigned shift = page_shift(mb);
	unsigned long start = (unsigned long)(mb_start_of_DRAM(mb) >> shift);
	unsigned long end = (unsigned long)(mb_end_of_DRAM(mb) >> shift);
	mb_phys_t bytes = (mb_phys_t)(end - start) * sizeof(struct buddy_page);
	struct buddy_page *pages = alloc_bootmem_pages(&bm, bytes);

	boot_note_alloc(mb, "mem_map", pages, 0, bytes, true);
	if (!pages)
		return false;
	return buddy_init(&buddy, &mb->profile, NULL, start, end, pages,
			  end - start) == 0;
}

/*
 * Does [base, base+size) avoid every memblock reservation? The bitmap back
 * end frees its own bitmap pages at hand-over although memblock still
 * lists them as reserved: the one reserved part a free page may contain.
 */
static bool outside_reservations(struct memblock *mb, mb_phys_t base,
				 mb_phys_t size, unsigned shift)
{
	const struct bootmem_node *n = &bm.node[0];
	mb_phys_t map = (mb_phys_t)n->bitmap_pfn << shift;
	mb_phys_t map_end = map + ((mb_phys_t)n->map_pages << shift);
	bool bitmap = bm.backend == BOOTMEM_BACKEND_BITMAP && n->map_pages;

	for (unsigned long i = 0; i < mb->reserved.cnt; i++) {
		const struct memblock_region *r = &mb->reserved.regions[i];
		mb_phys_t lo = r->base > base ? r->base : base;
		mb_phys_t hi = r->base + r->size < base + size
				       ? r->base + r->size
				       : base + size;

		if (r->size == 0 || lo >= hi)
			continue;
		if (!bitmap || lo < map || hi > map_end)
			return false;
	}
	return true;
}

static void report_bitmap(struct memblock *mb)
{
	unsigned shift = page_shift(mb);
	const struct bootmem_node *n = &bm.node[0];

	if (bm.backend != BOOTMEM_BACKEND_BITMAP)
		return;
	kprintf("baremetal: bootmem bitmap 0x%llx 0x%llx\n",
		(unsigned long long)((mb_phys_t)n->bitmap_pfn << shift),
		(unsigned long long)((mb_phys_t)n->map_pages << shift));
}

/* Allocate blocks of several orders, prove each is free RAM, free them. */
static void buddy_exercise(struct memblock *mb)
{
	static const unsigned orders[] = {0, 0, 1, 2, 3, 5, 8, 10};
	unsigned long pfn[sizeof(orders) / sizeof(orders[0])];
	unsigned shift = page_shift(mb);
	unsigned long free_before = buddy.free_pages;
	const char *what = NULL;

	for (unsigned i = 0; i < sizeof(orders) / sizeof(orders[0]); i++) {
		mb_phys_t base, size = mb->profile.page_size << orders[i];

		pfn[i] = buddy_alloc_pages(&buddy, BUDDY_ZONES_ALL, orders[i]);
		boot_check(pfn[i] != BUDDY_NO_PAGE, "buddy_alloc_pages");
		if (pfn[i] == BUDDY_NO_PAGE)
			continue;
		base = (mb_phys_t)pfn[i] << shift;
		kprintf("baremetal: page 0x%llx 0x%llx order %u\n",
			(unsigned long long)base, (unsigned long long)size,
			orders[i]);
		boot_check(mb_is_region_memory(mb, base, size), "page in RAM");
		boot_check(outside_reservations(mb, base, size, shift),
			   "page not reserved");
		boot_check(!overlaps_earlier(base, size),
			   "page outside boot allocations");
		boot_check(touch(base, size), "page writable");
	}
	for (unsigned i = 0; i < sizeof(orders) / sizeof(orders[0]); i++)
		if (pfn[i] != BUDDY_NO_PAGE)
			boot_check(buddy_free_pages(&buddy, pfn[i],
						    orders[i]) == 0,
				   "buddy_free_pages");
	boot_check(buddy.free_pages == free_before, "free count restored");
	boot_check(buddy_check(&buddy, &what) == 0,
		   what ? what : "buddy_check");
}

void boot_run(struct memblock *mb, int setup_err)
{
	const char *what = NULL;
	unsigned long released;

	boot_check(setup_err == 0, "firmware registration");
	boot_check(mb_check(mb, &what) == 0, what ? what : "mb_check");
	kprintf("baremetal: dump firmware\n");
	mb_dump_all(mb);

	memblock_allocations(mb);
	if (mb == &memblock)
		linux_face_allocations();
	bootmem_steps(mb);
	report_bitmap(mb);
	boot_check(buddy_setup(mb), "buddy_init");
	boot_check(mb_check(mb, &what) == 0, what ? what : "mb_check");

	kprintf("baremetal: dump handover\n");
	mb_dump_all(mb);
	/* free_all_bootmem, then HighMem page by page (ARM free_highpages);
	 * prints "Built N zonelists ..." and "Memory: ..." like the kernel. */
	boot_check(mb_handover_finish(mb, &buddy, &hinfo, &hres) == 0,
		   "mb_handover_finish");
	released = hres.released;
	kprintf("baremetal: handover %lu pages backend %s\n", released,
		bm.backend == BOOTMEM_BACKEND_BITMAP ? "bitmap" : "memblock");
	kprintf("baremetal: buddy free %lu managed %lu\n", buddy.free_pages,
		buddy.managed_pages);
	boot_check(released == buddy.free_pages, "handover == buddy free");
	boot_check(buddy.bad_releases == 0, "no refused releases");
	boot_check(buddy_check(&buddy, &what) == 0,
		   what ? what : "buddy_check");

	buddy_exercise(mb);

	kprintf("baremetal: summary target %s memory 0x%llx reserved 0x%llx "
		"allocs %u handover %lu buddy-free %lu checks %u failed %u "
		"result %s\n",
		BAREMETAL_TARGET, (unsigned long long)mb_phys_mem_size(mb),
		(unsigned long long)mb_reserved_size(mb), nallocs, released,
		buddy.free_pages, checks, failures, failures ? "FAIL" : "PASS");
	arch_exit(failures ? 1 : 0);
}
