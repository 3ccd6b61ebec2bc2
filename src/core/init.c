/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Instance set-up, error texts and the address-translation hooks.
 */
#include "internal.h"

static char memory_name[] = "memory";
static char reserved_name[] = "reserved";
static char physmem_name[] = "physmem";

/* An empty table: one zeroed dummy region, like the kernel's static
 * arrays before the first add. */
static void init_type(struct memblock_type *type,
		      struct memblock_region *regions, unsigned long max,
		      char *name)
{
	memset(regions, 0, max * sizeof(*regions));
	type->regions = regions;
	type->max = max;
	type->cnt = 1;
	type->total_size = 0;
	type->name = name;
}

/**
 * mb_init - set up an instance over caller-provided initial arrays.
 *
 * See the header for the parameters. The arrays are zeroed; physmem is
 * optional (NULL/0: the table has cnt 0 and max 0).
 */
int mb_init(struct memblock *mb, const struct mb_profile *profile,
	    const struct mb_env *env, struct memblock_region *memory,
	    unsigned long nmemory, struct memblock_region *reserved,
	    unsigned long nreserved, struct memblock_region *physmem,
	    unsigned long nphysmem)
{
	if (!mb || !memory || !nmemory || !reserved || !nreserved)
		return -MB_EINVAL;
	if ((physmem == NULL) != (nphysmem == 0))
		return -MB_EINVAL;

	memset(mb, 0, sizeof(*mb));
	mb->profile = profile ? *profile : mb_profile_x86_64;
	if (env)
		mb->env = *env;
	mb->bottom_up = false;
	mb->current_limit = MB_ALLOC_ANYWHERE;
	init_type(&mb->memory, memory, nmemory, memory_name);
	init_type(&mb->reserved, reserved, nreserved, reserved_name);
	if (physmem)
		init_type(&mb->physmem, physmem, nphysmem, physmem_name);
	else
		mb->physmem.name = physmem_name;
	return 0;
}

/** mb_phys_addr_max - PHYS_ADDR_MAX of the instance's profile. */
mb_phys_t mb_phys_addr_max(const struct memblock *mb)
{
	return mbi_addr_max(mb);
}

/** memblock_strerror - text for a negative MB_E* code (or 0). */
const char *memblock_strerror(int err)
{
	switch (err) {
	case 0:
		return "success";
	case -MB_ENOMEM:
		return "out of memory (table full and cannot grow)";
	case -MB_EBUSY:
		return "busy";
	case -MB_EINVAL:
		return "invalid argument";
	case -MB_ERANGE:
		return "out of range";
	case -MB_ENOSPC:
		return "no space";
	case -MB_ENOENT:
		return "not found";
	default:
		return "unknown error";
	}
}

/** mb_allow_resize - let the tables grow (memblock_allow_resize). */
void mb_allow_resize(struct memblock *mb)
{
	mb->can_resize = true;
}

/** mb_phys_to_virt - env.phys_to_virt, identity when the hook is absent. */
void *mb_phys_to_virt(const struct memblock *mb, mb_phys_t phys)
{
	if (mb->env.phys_to_virt)
		return mb->env.phys_to_virt(mb->env.ctx, phys);
	return (void *)(uintptr_t)phys;
}

/** mb_virt_to_phys - env.virt_to_phys, identity when the hook is absent. */
mb_phys_t mb_virt_to_phys(const struct memblock *mb, const void *virt)
{
	if (mb->env.virt_to_phys)
		return mb->env.virt_to_phys(mb->env.ctx, virt);
	return (mb_phys_t)(uintptr_t)virt;
}

mb_phys_t mbi_region_record_size(const struct memblock *mb)
{
	mb_phys_t addr = mb->profile.phys_bits > 32 ? 8 : 4;
	mb_phys_t bytes = 2 * addr + 4 + (mb->profile.numa ? 4 : 0);

	return mbi_round_up(bytes, addr);
}
