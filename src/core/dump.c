/* SPDX-License-Identifier: BSD-2-Clause */
/* memblock_dump_all(): the "MEMBLOCK configuration:" block, line for line. */
#include <memblock/memblock.h>

#include "trace.h"

static void dump_type(const struct memblock *mb,
		      const struct memblock_type *type)
{
	const int w = mb->profile.phys_bits <= 32 ? 8 : 16;
	const mb_phys_t m = w == 8 ? 0xffffffffULL : ~0ULL;

	mb_printf(mb, " %s.cnt  = 0x%lx", type->name ? type->name : "",
		  type->cnt);
	for (unsigned long i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];
		char node[24] = "";

		if (mb->profile.numa && r->nid != mb->profile.max_numnodes)
			mb_snprintf(node, sizeof(node), " on node %d", r->nid);
		mb_printf(mb,
			  " %s[%#x]\t[0x%0*llx-0x%0*llx], 0x%0*llx bytes%s "
			  "flags: %#x",
			  type->name ? type->name : "", (unsigned)i, w,
			  (unsigned long long)(r->base & m), w,
			  (unsigned long long)((r->base + r->size - 1) & m), w,
			  (unsigned long long)(r->size & m), node,
			  (unsigned)r->flags);
	}
}

/** mb_dump - print the tables (memory, reserved, physmem if enabled). */
void mb_dump(const struct memblock *mb)
{
	const int w = mb->profile.phys_bits <= 32 ? 8 : 16;
	const mb_phys_t m = w == 8 ? 0xffffffffULL : ~0ULL;

	mb__print_line(mb, "MEMBLOCK configuration:");
	mb_printf(mb, " memory size = 0x%0*llx reserved size = 0x%0*llx", w,
		  (unsigned long long)(mb->memory.total_size & m), w,
		  (unsigned long long)(mb->reserved.total_size & m));
	dump_type(mb, &mb->memory);
	dump_type(mb, &mb->reserved);
	if (mb->physmem.max != 0)
		dump_type(mb, &mb->physmem);
}

/** mb_dump_all - memblock_dump_all(): the dump, only with memblock=debug. */
void mb_dump_all(const struct memblock *mb)
{
	if (mb->debug)
		mb_dump(mb);
}
