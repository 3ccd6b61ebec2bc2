/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Early-boot code as a Linux developer writes it: only <linux/memblock.h>
 * names, through the library's Linux face (<memblock/linux.h>), on the
 * same global instance the rest of the example uses.
 */
#include "boot.h"

#include <memblock/linux.h>

void linux_face_allocations(void)
{
	phys_addr_t phys, start, end;
	uint64_t i;
	unsigned ranges = 0;
	void *p;

	p = memblock_alloc(1024, 64);
	boot_note_alloc(&memblock, "memblock_alloc", p, 0, 1024, true);
	phys = memblock_phys_alloc(PFN_PHYS(2), PFN_PHYS(1));
	boot_note_alloc(&memblock, "memblock_phys_alloc", NULL, phys,
			PFN_PHYS(2), false);
	boot_check(phys && memblock_is_region_reserved(phys, PFN_PHYS(2)),
		   "memblock_is_region_reserved");
	for_each_free_mem_range (i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end,
				 NULL) {
		boot_check(start < end && memblock_is_region_memory(
						  start, end - start),
			   "for_each_free_mem_range");
		ranges++;
	}
	boot_check(ranges > 0, "free ranges");
	kprintf("baremetal: linux face: %u free ranges, DRAM 0x%llx-0x%llx\n",
		ranges, (unsigned long long)memblock_start_of_DRAM(),
		(unsigned long long)memblock_end_of_DRAM());
}
