/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * boot_record.c - reservation records: what each reserved byte is for.
 * Kept as a list of disjoint-or-not ranges; a free subtracts its range from
 * every record, so at any point the records cover what is still reserved.
 */
#include <stdlib.h>
#include <string.h>

#include "boot.h"

static const char *const kind_names[BS__COUNT] = {
	[BS_ALLOC] = "alloc",	    [BS_KERNEL] = "kernel",
	[BS_PGDIR] = "pagetable",   [BS_DTB] = "dtb",
	[BS_INITRD] = "initrd",	    [BS_CMA] = "cma",
	[BS_NOMAP] = "nomap",	    [BS_RMEM] = "reserved-memory",
	[BS_MEMMAP] = "memmap",	    [BS_PERCPU] = "percpu",
	[BS_FIRMWARE] = "firmware", [BS_TABLE] = "memblock-table",
	[BS_UNKNOWN] = "reserved",
};

const char *bs_kind_name(enum bs_kind k)
{
	return (unsigned)k < BS__COUNT ? kind_names[k] : "?";
}

/* Caller substrings and the kind they mean; first match wins. The names
 * are those the 4.x seed and the 6.1 logs print. */
static const struct {
	const char *sub;
	enum bs_kind kind;
} by_caller[] = {
	{"memblock_double_array", BS_TABLE},
	{"initrd", BS_INITRD},
	{"early_init_dt_reserve_memory", BS_DTB},
	{"fdt_reserve", BS_DTB},
	{"early_init_dt_alloc_memory", BS_DTB},
	{"unflatten", BS_DTB},
	{"mm_memblock_reserve", BS_PGDIR},
	{"pgtable", BS_PGDIR},
	{"early_alloc", BS_PGDIR},
	{"early_pte_alloc", BS_PGDIR},
	{"init_mem_mapping", BS_PGDIR},
	{"alloc_low_page", BS_PGDIR},
	{"iotable_init", BS_PGDIR},
	{"vm_reserve_area_early", BS_PGDIR},
	{"mem_map", BS_MEMMAP},
	{"free_area_init", BS_MEMMAP},
	{"usemap", BS_MEMMAP},
	{"sparse", BS_MEMMAP},
	{"vmemmap", BS_MEMMAP},
	{"pcpu", BS_PERCPU},
	{"percpu", BS_PERCPU},
	{"cma", BS_CMA},
	{"acpi", BS_FIRMWARE},
	{"smp_scan_config", BS_FIRMWARE},
	{"e820", BS_FIRMWARE},
	{"efi", BS_FIRMWARE},
	{"reserve_bios", BS_FIRMWARE},
	{"reserve_real_mode", BS_FIRMWARE},
	{"dma_contiguous", BS_CMA},
};

enum bs_kind bs_classify(const char *caller, mb_phys_t size)
{
	if (!caller || !*caller)
		return BS_ALLOC;
	for (size_t i = 0; i < sizeof(by_caller) / sizeof(by_caller[0]); i++)
		if (strstr(caller, by_caller[i].sub))
			return by_caller[i].kind;
	/* arm_memblock_init / arm64_memblock_init reserve the image
	 * (megabytes) and, on 32-bit ARM, the page directory (16 KiB) */
	if (strstr(caller, "memblock_init"))
		return size >= (1u << 20) ? BS_KERNEL : BS_PGDIR;
	return BS_ALLOC;
}

void bs_recs_add(struct bs_recs *r, mb_phys_t base, mb_phys_t size,
		 enum bs_kind kind, const char *caller)
{
	if (!size)
		return;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct bs_rec *v = realloc(r->v, cap * sizeof(*v));

		if (!v)
			return; /* records are for display; losing one is ok */
		r->v = v;
		r->cap = cap;
	}
	r->v[r->n].base = base;
	r->v[r->n].size = size;
	r->v[r->n].kind = kind;
	snprintf(r->v[r->n].caller, sizeof(r->v[r->n].caller), "%s",
		 caller ? caller : "");
	r->n++;
}

void bs_recs_sub(struct bs_recs *r, mb_phys_t base, mb_phys_t size)
{
	mb_phys_t end = base + size;
	size_t n = r->n;

	if (!size)
		return;
	for (size_t i = 0; i < n; i++) {
		struct bs_rec *x = &r->v[i];
		mb_phys_t xe = x->base + x->size;

		if (xe <= base || x->base >= end)
			continue;
		if (x->base < base && xe > end) { /* split in two */
			struct bs_rec tail = *x;

			x->size = base - x->base;
			tail.base = end;
			tail.size = xe - end;
			bs_recs_add(r, tail.base, tail.size, tail.kind,
				    tail.caller);
			x = &r->v[i];
		} else if (x->base < base) {
			x->size = base - x->base;
		} else if (xe > end) {
			x->size = xe - end;
			x->base = end;
		} else {
			x->size = 0;
		}
	}
	/* drop emptied records */
	size_t k = 0;

	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].size)
			r->v[k++] = r->v[i];
	r->n = k;
}

void bs_recs_relabel(struct bs_recs *r, mb_phys_t base, mb_phys_t size,
		     enum bs_kind kind)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].base == base && r->v[i].size == size)
			r->v[i].kind = kind;
}

static int cmp_rec(const void *a, const void *b)
{
	const struct bs_rec *x = a, *y = b;

	if (x->base != y->base)
		return x->base < y->base ? -1 : 1;
	return x->size < y->size ? -1 : x->size > y->size;
}

void bs_recs_sort(struct bs_recs *r)
{
	if (r->n)
		qsort(r->v, r->n, sizeof(r->v[0]), cmp_rec);
}

void bs_recs_free(struct bs_recs *r)
{
	free(r->v);
	memset(r, 0, sizeof(*r));
}
