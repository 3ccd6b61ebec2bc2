/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The Linux face: one global instance and the 6.1 API by its kernel names,
 * each a thin call into the core.
 *
 * Callers: the core records its own return address, which here would be
 * inside this file. When the environment can symbolize addresses, the
 * traced entry points symbolize their own caller instead and pass it as a
 * one-shot caller override, so the trace shows the kernel-style caller.
 */
#include <memblock/linux.h>

#include "profile_values.h"

#if defined(MEMBLOCK_LINUX_PROFILE_ARM32)
#define LINUX_PROFILE MB_PROFILE_ARM32_INIT
#elif defined(MEMBLOCK_LINUX_PROFILE_ARM64)
#define LINUX_PROFILE MB_PROFILE_ARM64_INIT
#else
#define LINUX_PROFILE MB_PROFILE_X86_64_INIT
#endif

#define INIT_REGIONS 128

static struct memblock_region memory_init_regions[INIT_REGIONS];
static struct memblock_region reserved_init_regions[INIT_REGIONS];

/* Like the kernel's: both tables hold one empty dummy entry (cnt 1). */
struct memblock memblock = {
	.bottom_up = false,
	.current_limit = MB_ALLOC_ANYWHERE,
	.memory = {.cnt = 1,
		   .max = INIT_REGIONS,
		   .regions = memory_init_regions,
		   .name = "memory"},
	.reserved = {.cnt = 1,
		     .max = INIT_REGIONS,
		     .regions = reserved_init_regions,
		     .name = "reserved"},
	.profile = LINUX_PROFILE,
};

int memblock_linux_setup(const struct mb_profile *profile,
			 const struct mb_env *env)
{
	struct mb_profile keep = memblock.profile;

	return mb_init(&memblock, profile ? profile : &keep, env,
		       memory_init_regions, INIT_REGIONS, reserved_init_regions,
		       INIT_REGIONS, NULL, 0);
}

/* Text of the caller's caller, kept until the next traced call uses it. */
static char caller_text[128];

static void name_caller(void *ret)
{
	const struct mb_env *env = &memblock.env;

	if (env->symbolize && env->symbolize(env->ctx, (uintptr_t)ret,
					     caller_text, sizeof(caller_text)))
		mb_set_next_caller(&memblock, caller_text);
}

/* Drop an override the call did not consume (an untraced early exit). */
static void forget_caller(void)
{
	if (memblock.next_caller_sym == caller_text)
		memblock.next_caller_sym = NULL;
}

#define TRACED(expr)                                                           \
	do {                                                                   \
		name_caller(__builtin_return_address(0));                      \
		__auto_type r_ = (expr);                                       \
		forget_caller();                                               \
		return r_;                                                     \
	} while (0)

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	TRACED(mb_add(&memblock, base, size));
}

int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid,
		      enum memblock_flags flags)
{
	TRACED(mb_add_node(&memblock, base, size, nid, flags));
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	TRACED(mb_remove(&memblock, base, size));
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	TRACED(mb_reserve(&memblock, base, size));
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	TRACED(mb_phys_free(&memblock, base, size));
}

void memblock_free(void *ptr, size_t size)
{
	name_caller(__builtin_return_address(0));
	mb_free(&memblock, ptr, size);
	forget_caller();
}

int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return mb_mark_hotplug(&memblock, base, size);
}

int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return mb_clear_hotplug(&memblock, base, size);
}

int memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	return mb_mark_mirror(&memblock, base, size);
}

int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return mb_mark_nomap(&memblock, base, size);
}

int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return mb_clear_nomap(&memblock, base, size);
}

int memblock_set_node(phys_addr_t base, phys_addr_t size,
		      struct memblock_type *type, int nid)
{
	return mb_set_node(&memblock, base, size, type, nid);
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	TRACED(mb_phys_alloc_range(&memblock, size, align, start, end));
}

phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align,
					int nid)
{
	return mb_phys_alloc_try_nid(&memblock, size, align, nid);
}

void *memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align,
			     phys_addr_t min_addr, phys_addr_t max_addr,
			     int nid)
{
	TRACED(mb_alloc_try_nid(&memblock, size, align, min_addr, max_addr,
				nid));
}

void *memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				 phys_addr_t min_addr, phys_addr_t max_addr,
				 int nid)
{
	TRACED(mb_alloc_try_nid_raw(&memblock, size, align, min_addr, max_addr,
				    nid));
}

void *memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
				   phys_addr_t min_addr, phys_addr_t max_addr,
				   int nid)
{
	TRACED(mb_alloc_exact_nid_raw(&memblock, size, align, min_addr,
				      max_addr, nid));
}

void memblock_set_bottom_up(bool enable)
{
	mb_set_bottom_up(&memblock, enable);
}

bool memblock_bottom_up(void)
{
	return mb_bottom_up(&memblock);
}

void memblock_set_current_limit(phys_addr_t limit)
{
	mb_set_current_limit(&memblock, limit);
}

phys_addr_t memblock_get_current_limit(void)
{
	return mb_get_current_limit(&memblock);
}

void memblock_allow_resize(void)
{
	mb_allow_resize(&memblock);
}

phys_addr_t memblock_phys_mem_size(void)
{
	return mb_phys_mem_size(&memblock);
}

phys_addr_t memblock_reserved_size(void)
{
	return mb_reserved_size(&memblock);
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return mb_start_of_DRAM(&memblock);
}

phys_addr_t memblock_end_of_DRAM(void)
{
	return mb_end_of_DRAM(&memblock);
}

bool memblock_is_memory(phys_addr_t addr)
{
	return mb_is_memory(&memblock, addr);
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return mb_is_reserved(&memblock, addr);
}

bool memblock_is_map_memory(phys_addr_t addr)
{
	return mb_is_map_memory(&memblock, addr);
}

bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	return mb_is_region_memory(&memblock, base, size);
}

bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return mb_is_region_reserved(&memblock, base, size);
}

bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	return mb_overlaps_region(type, base, size);
}

int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn,
			    unsigned long *end_pfn)
{
	return mb_search_pfn_nid(&memblock, pfn, start_pfn, end_pfn);
}

void memblock_enforce_memory_limit(phys_addr_t limit)
{
	mb_enforce_memory_limit(&memblock, limit);
}

void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	mb_cap_memory_range(&memblock, base, size);
}

void memblock_mem_limit_remove_map(phys_addr_t limit)
{
	mb_mem_limit_remove_map(&memblock, limit);
}

void memblock_trim_memory(phys_addr_t align)
{
	mb_trim_memory(&memblock, align);
}

void memblock_dump_all(void)
{
	mb_dump_all(&memblock);
}

void __next_mem_range(uint64_t *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a,
		      struct memblock_type *type_b, phys_addr_t *out_start,
		      phys_addr_t *out_end, int *out_nid)
{
	mb_next_mem_range(&memblock, idx, nid, flags, type_a, type_b, out_start,
			  out_end, out_nid);
}

void __next_mem_range_rev(uint64_t *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a,
			  struct memblock_type *type_b, phys_addr_t *out_start,
			  phys_addr_t *out_end, int *out_nid)
{
	mb_next_mem_range_rev(&memblock, idx, nid, flags, type_a, type_b,
			      out_start, out_end, out_nid);
}

void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid)
{
	mb_next_mem_pfn_range(&memblock, idx, nid, out_start_pfn, out_end_pfn,
			      out_nid);
}
