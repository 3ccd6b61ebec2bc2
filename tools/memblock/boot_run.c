/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_run.c - one simulated boot: the instance and its hooks (console,
 * records, fake physical memory, grown tables), the architecture's setup,
 * the early allocations, then bootmem and the hand-over to the buddy
 * allocator.
 *
 * Simulated memory: phys_to_virt returns NULL, so neither the core nor
 * bootmem ever writes to a host address made from a fake physical one;
 * grown tables get host storage from table_alloc.
 */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

#include "boot.h"

static jmp_buf *panic_jump;

void boot_hint(struct boot *b, enum bs_kind kind)
{
	b->hint_set = kind != BS__COUNT;
	b->hint = kind;
}

void boot_line(struct boot *b, const char *text)
{
	if (b->out)
		fprintf(b->out, "%s\n", text);
}

static void on_print(void *ctx, const char *line)
{
	struct boot *b = ctx;
	static const char plain[] = "memblock_virt_alloc_try_nid: ";

	if (!b->out)
		return;
	/* the core has no 4.x _nopanic entry point: restore the suffix */
	if (b->nopanic_next && !strncmp(line, plain, sizeof(plain) - 1)) {
		fprintf(b->out, "memblock_virt_alloc_try_nid_nopanic: %s\n",
			line + sizeof(plain) - 1);
		return;
	}
	fprintf(b->out, "%s\n", line);
}

static void on_event(void *ctx, const struct mb_event *ev)
{
	struct boot *b = ctx;
	const char *caller = ev->caller_sym;
	enum bs_kind kind;

	b->last_event = ev->kind;
	switch (ev->kind) {
	case MB_EV_PHYS_ALLOC_RANGE:
	case MB_EV_ALLOC_TRY_NID:
	case MB_EV_ALLOC_TRY_NID_RAW:
	case MB_EV_ALLOC_EXACT_NID_RAW:
		snprintf(b->req_caller, sizeof(b->req_caller), "%s",
			 caller ? caller : "");
		break;
	case MB_EV_RESERVE:
		if (ev->caller_kind == MB_CALLER_ALLOC_RANGE ||
		    ev->caller_kind == MB_CALLER_VIRT_ALLOC)
			caller = b->req_caller[0] ? b->req_caller : caller;
		kind = b->hint_set ? b->hint : bs_classify(caller, ev->size);
		bs_recs_add(&b->recs, ev->base, ev->size, kind, caller);
		if (ev->caller_kind != MB_CALLER_SYMBOL)
			b->req_caller[0] = '\0';
		break;
	case MB_EV_PHYS_FREE:
		bs_recs_sub(&b->recs, ev->base, ev->size);
		break;
	default:
		break;
	}
}

/*
 * %pS of a call the library made on its own (no caller given): the host
 * return address means nothing, so name the kernel function that makes
 * this call. 32-bit ARM mem= (mb_arm_early_mem) as arm_vexpress_512M_
 * mem256M_cma.log prints it; other cases by name only (+0x0/0x0).
 */
static bool symbolize(void *ctx, uintptr_t addr, char *buf, size_t len)
{
	struct boot *b = ctx;
	const char *name;

	(void)addr;
	switch (b->last_event) {
	case MB_EV_REMOVE:
		name = b->m.arch == BM_ARM32
			       ? "early_mem+0x6c/0xe4"
			       : "memblock_mem_limit_remove_map+0x0/0x0";
		break;
	case MB_EV_ADD:
	case MB_EV_ADD_NODE:
		name = b->m.arch == BM_ARM32 ? "arm_add_memory+0x168/0x174"
					     : "memblock_add+0x0/0x0";
		break;
	case MB_EV_RESERVE:
		name = "memblock_reserve+0x0/0x0";
		break;
	default:
		name = "memblock_boot+0x0/0x0";
		break;
	}
	snprintf(buf, len, "%s", name);
	return true;
}

static void *no_phys_map(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	(void)phys;
	return NULL;
}

static struct memblock_region *table_alloc(void *ctx, mb_phys_t phys,
					   size_t entries)
{
	struct boot *b = ctx;
	void *p;

	(void)phys;
	if (b->ngrown == sizeof(b->grown) / sizeof(b->grown[0]))
		return NULL;
	p = calloc(entries, sizeof(struct memblock_region));
	if (p)
		b->grown[b->ngrown++] = p;
	return p;
}

static void table_free(void *ctx, struct memblock_region *r, size_t n)
{
	(void)ctx;
	(void)r;
	(void)n; /* kept until boot_free: the core may still read it */
}

static void on_panic(void *ctx, const char *msg)
{
	struct boot *b = ctx;

	snprintf(b->err, sizeof(b->err), "kernel panic: %s", msg);
	if (panic_jump)
		longjmp(*panic_jump, 1);
	abort();
}

static void snapshot(struct boot *b)
{
	struct memblock *mb = &b->mb;

	b->snap_nmem = mb->memory.cnt;
	b->snap_nrsv = mb->reserved.cnt;
	b->snap_mem = calloc(b->snap_nmem + 1, sizeof(*b->snap_mem));
	b->snap_rsv = calloc(b->snap_nrsv + 1, sizeof(*b->snap_rsv));
	if (b->snap_mem)
		memcpy(b->snap_mem, mb->memory.regions,
		       b->snap_nmem * sizeof(*b->snap_mem));
	if (b->snap_rsv)
		memcpy(b->snap_rsv, mb->reserved.regions,
		       b->snap_nrsv * sizeof(*b->snap_rsv));
	if (mb->memory.cnt == 1 && !mb->memory.regions[0].size)
		b->snap_nmem = 0;
	if (mb->reserved.cnt == 1 && !mb->reserved.regions[0].size)
		b->snap_nrsv = 0;
}

/* Relabel what the front ends reserved by range: the DTB, CMA, and each
 * /reserved-memory child. */
static void relabel(struct boot *b)
{
	if (b->blob)
		bs_recs_relabel(&b->recs, b->m.dtb_phys, b->blob_size, BS_DTB);
	if (b->dt.cma_size)
		bs_recs_relabel(&b->recs, b->dt.cma_base, b->dt.cma_size,
				BS_CMA);
	for (unsigned i = 0; i < b->dt.rmem_count; i++) {
		const struct mb_fdt_rmem *r = &b->dt.rmem[i];

		bs_recs_relabel(&b->recs, r->base, r->size,
				r->cma_pool ? BS_CMA
				: r->nomap  ? BS_NOMAP
					    : BS_RMEM);
	}
}

static int hand_over(struct boot *b)
{
	struct memblock *mb = &b->mb;
	unsigned shift = (unsigned)__builtin_ctzll(mb->profile.page_size);
	unsigned long start = (unsigned long)(mb_start_of_DRAM(mb) >> shift);
	unsigned long end = (unsigned long)(mb_end_of_DRAM(mb) >> shift);
	struct buddy_page *pages;
	struct buddy bd;
	int err;

	if (end <= start || end - start > (64ul << 20)) {
		snprintf(b->err, sizeof(b->err),
			 "hand-over: memory span too large to simulate");
		return -1;
	}
	pages = calloc(end - start, sizeof(*pages));
	if (!pages || buddy_init(&bd, &mb->profile, NULL, start, end, pages,
				 end - start)) {
		free(pages);
		snprintf(b->err, sizeof(b->err), "hand-over: no buddy");
		return -1;
	}
	if (b->m.arch == BM_X86_64)
		b->info.dma_reserve = mb_handover_x86_dma_reserve(mb);
	err = mb_handover_finish(mb, &bd, &b->info, b->res);
	b->buddy_free = bd.free_pages;
	free(pages);
	if (err) {
		snprintf(b->err, sizeof(b->err), "hand-over failed (%s)",
			 memblock_strerror(err));
		return -1;
	}
	b->handover_ok = true;
	return 0;
}

static void setup_info(struct boot *b)
{
	struct memblock *mb = &b->mb;
	mb_phys_t lo = 0, hi = 0;
	size_t bytes;

	for (unsigned i = 0; i < b->m.nram; i++) {
		if (!i || b->m.ram[i].base < lo)
			lo = b->m.ram[i].base;
		if (b->m.ram[i].base + b->m.ram[i].size > hi)
			hi = b->m.ram[i].base + b->m.ram[i].size;
	}
	if (!hi) {
		lo = mb_start_of_DRAM(mb);
		hi = mb_end_of_DRAM(mb);
	}
	for (int i = 0; i < 5; i++)
		(&b->info.sizes.code_k)[i] = b->m.sizes_k[i];
	b->info.cma_pages = (unsigned long)(b->dt.cma_size >> 12);
	for (unsigned i = 0; i < b->dt.rmem_count; i++)
		if (b->dt.rmem[i].cma_pool && b->dt.rmem[i].init_err == 0)
			b->info.cma_pages +=
				(unsigned long)(b->dt.rmem[i].size >> 12);
	b->info.alloc_mem_map = false; /* the step tables allocate it */
	bytes = (size_t)(((hi - lo) >> 12) / 8) + 2 * 4096 + 64;
	b->info.bitmap_buf = calloc(1, bytes);
	b->info.bitmap_buf_len = bytes;
}

int boot_run(struct boot *b)
{
	struct mb_env env = {0};
	jmp_buf jb;
	int rc = -1;

	env.ctx = b;
	env.print = on_print;
	env.event = on_event;
	env.phys_to_virt = no_phys_map;
	env.panic = on_panic;
	env.table_alloc = table_alloc;
	env.table_free = table_free;
	env.symbolize = symbolize;
	b->res = calloc(1, sizeof(*b->res));
	if (!b->res || mb_init(&b->mb, &b->m.profile, &env, b->mem0, 128,
			       b->rsv0, 128, NULL, 0)) {
		snprintf(b->err, sizeof(b->err), "out of memory");
		return -1;
	}
	if (b->m.style == 4)
		b->mb.style = MB_STYLE_LINUX_4;
	mb_allow_resize(&b->mb);
	panic_jump = &jb;
	if (setjmp(jb)) {
		panic_jump = NULL;
		return -1;
	}
	if (boot_arch_setup(b))
		goto out;
	setup_info(b);
	if (boot_steps_run(b))
		goto out;
	relabel(b);
	snapshot(b);
	rc = hand_over(b);
out:
	panic_jump = NULL;
	return rc;
}

void boot_free(struct boot *b)
{
	for (unsigned i = 0; i < b->ngrown; i++)
		free(b->grown[i]);
	b->ngrown = 0;
	free(b->blob);
	free(b->res);
	free(b->snap_mem);
	free(b->snap_rsv);
	free(b->info.bitmap_buf);
	free(b->atag_buf);
	b->atag_buf = NULL;
	bs_recs_free(&b->recs);
	b->blob = NULL;
	b->res = NULL;
	b->snap_mem = b->snap_rsv = NULL;
	b->info.bitmap_buf = NULL;
}
