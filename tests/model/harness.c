/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Differential harness: set-up, one step on both sides, state comparison.
 */
#include "harness.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grown tables live in host memory; phys_to_virt says "not mapped" so the
 * core never writes to the simulated physical addresses. */
static struct memblock_region *h_table_alloc(void *ctx, mb_phys_t phys,
					     size_t entries)
{
	(void)ctx;
	(void)phys;
	return calloc(entries, sizeof(struct memblock_region));
}

static void h_table_free(void *ctx, struct memblock_region *r, size_t n)
{
	(void)ctx;
	(void)n;
	free(r);
}

static void *h_phys_to_virt(void *ctx, mb_phys_t phys)
{
	(void)ctx;
	(void)phys;
	return NULL;
}

uint64_t region_record_size(const struct mb_profile *p)
{
	/* kernel struct memblock_region: base, size (phys_addr_t), flags
	 * (an enum), nid (only with NUMA), padded to phys_addr_t */
	uint64_t w = p->phys_bits > 32 ? 8 : 4;
	uint64_t bytes = 2 * w + 4 + (p->numa ? 4 : 0);

	return (bytes + w - 1) / w * w;
}

void harness_start(struct harness *h, const struct hcfg *cfg)
{
	struct mb_env env = {0};

	memset(h, 0, sizeof(*h));
	h->cfg = *cfg;
	env.ctx = h;
	env.phys_to_virt = h_phys_to_virt;
	env.table_alloc = h_table_alloc;
	env.table_free = h_table_free;
	h->init_mem = calloc(cfg->nmem, sizeof(struct memblock_region));
	h->init_res = calloc(cfg->nres, sizeof(struct memblock_region));
	h->init_phys =
		cfg->nphys ? calloc(cfg->nphys, sizeof(struct memblock_region))
			   : NULL;
	if (mb_init(&h->mb, cfg->profile, &env, h->init_mem, cfg->nmem,
		    h->init_res, cfg->nres, h->init_phys, cfg->nphys))
		abort();
	h->mb.fail_growth_after = cfg->fail_growth_after;
	model_init(&h->m, cfg->profile, cfg->nmem, cfg->nres, cfg->nphys,
		   region_record_size(cfg->profile));
	h->m.fail_growth_after = cfg->fail_growth_after;
	h->m.core_pregrow = !cfg->strict;
}

void harness_end(struct harness *h)
{
	if (h->mb.memory.regions != h->init_mem)
		free(h->mb.memory.regions);
	if (h->mb.reserved.regions != h->init_res)
		free(h->mb.reserved.regions);
	if (h->init_phys && h->mb.physmem.regions != h->init_phys)
		free(h->mb.physmem.regions);
	free(h->init_mem);
	free(h->init_res);
	free(h->init_phys);
	model_free(&h->m);
}

bool harness_fail(struct harness *h, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(h->why, sizeof(h->why), fmt, ap);
	va_end(ap);
	return false;
}

static bool cmp_table(struct harness *h, const struct memblock_type *ct, int t)
{
	const struct model_table *mt = &h->m.t[t];
	const char *name = t == 0 ? "memory" : t == 1 ? "reserved" : "physmem";

	if (!mt->enabled)
		return true;
	if (ct->max != mt->max)
		return harness_fail(h, "%s.max core %lu model %" PRIu64, name,
				    ct->max, mt->max);
	if (ct->total_size != model_total(&h->m, t))
		return harness_fail(
			h, "%s.total_size core %#" PRIx64 " model %#" PRIx64,
			name, ct->total_size, model_total(&h->m, t));
	if (ct->cnt != model_count(mt))
		return harness_fail(h, "%s.cnt core %lu model %" PRIu64, name,
				    ct->cnt, model_count(mt));
	if (mt->n == 0) {
		const struct memblock_region *r = &ct->regions[0];
		if (r->base || r->size || r->flags || r->nid != mt->dummy_nid)
			return harness_fail(h,
					    "%s dummy core {%#" PRIx64
					    ",%#" PRIx64
					    ",%#x,nid %d} model nid %d",
					    name, r->base, r->size, r->flags,
					    r->nid, mt->dummy_nid);
		return true;
	}
	for (size_t i = 0; i < mt->n; i++) {
		const struct memblock_region *r = &ct->regions[i];
		const struct model_region *q = &mt->r[i];
		if (r->base != q->base || r->size != q->size ||
		    (unsigned)r->flags != q->flags || r->nid != q->nid)
			return harness_fail(
				h,
				"%s[%zu] core [%#" PRIx64 "+%#" PRIx64
				" f%#x n%d] model [%#" PRIx64 "+%#" PRIx64
				" f%#x n%d]",
				name, i, r->base, r->size, r->flags, r->nid,
				q->base, q->size, q->flags, q->nid);
	}
	return true;
}

/*
 * mb_check objections the model shows to be Linux behaviour: a grown array
 * whose reservation the caller freed, and the split that
 * cap_memory_range leaves in a NOMAP region straddling the cap (Linux
 * does not merge afterwards; the spec's "always merged" does not hold
 * there).
 */
static bool check_excused(const struct harness *h, const char *what)
{
	if (!what)
		return false;
	if (strstr(what, "grown array"))
		return !model_arrays_reserved(&h->m);
	if (strstr(what, "not merged"))
		return !model_is_minimal(&h->m, MODEL_MEMORY);
	return false;
}

bool harness_compare(struct harness *h)
{
	const char *what = NULL;

	/* mb_check may only object to a grown array that the caller itself
	 * freed (legal, as in Linux); the model knows when that happened. */
	if (mb_check(&h->mb, &what) && !check_excused(h, what))
		return harness_fail(h, "mb_check: %s", what ? what : "?");
	if (!cmp_table(h, &h->mb.memory, MODEL_MEMORY) ||
	    !cmp_table(h, &h->mb.reserved, MODEL_RESERVED) ||
	    !cmp_table(h, &h->mb.physmem, MODEL_PHYSMEM))
		return false;
	if (h->mb.bottom_up != h->m.bottom_up ||
	    h->mb.current_limit != h->m.current_limit ||
	    h->mb.system_has_some_mirror != h->m.has_mirror ||
	    h->mb.growth_count != h->m.growth_count)
		return harness_fail(
			h,
			"knobs: bottom_up %d/%d limit %#" PRIx64 "/%#" PRIx64
			" mirror %d/%d growths %lu/%lu",
			h->mb.bottom_up, h->m.bottom_up, h->mb.current_limit,
			h->m.current_limit, h->mb.system_has_some_mirror,
			h->m.has_mirror, h->mb.growth_count, h->m.growth_count);
	return true;
}
