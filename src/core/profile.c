/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Built-in machine profiles: the values of Debian 12's Linux 6.1 kernels
 * (armmp, arm64, amd64), each justified from the real logs in
 * shared/logs/ or from the kernel configuration.
 */
#include <memblock/memblock.h>

#include "profile_values.h"

/*
 * 32-bit ARM, Debian armmp (non-LPAE).
 * - phys_bits 32: non-LPAE phys_addr_t is 32 bits; the logs print 8 hex
 *   digits ([0x60000000-0x67ffffff]).
 * - smp_cache_bytes 64: requests with align 0 print align=0x40 in
 *   arm_vexpress_128M.log (e.g. setup_usemap, start_kernel).
 * - no NUMA: the dumps never print "on node"; MAX_NUMNODES is 1.
 * - alloc_low_limit 0xffffffff: arm32 has no ARCH_LOW_ADDRESS_LIMIT of its
 *   own, so the generic default (PHYS_ADDR_MAX) applies.
 * - page_struct_size 36: arm_vexpress_128M.log:84 asks free_area_init for
 *   1179648 bytes for 128 MiB = 32768 pages; 1179648 / 32768 = 36.
 * - max_order 12: ARCH_FORCE_MAX_ORDER defaults to 12 when SOC_AM33XX is
 *   in the kernel, which the multi-platform armmp kernel is. Seen through
 *   pageblock_order = MAX_ORDER - 1 (non-LPAE): CMA areas are 8 MiB
 *   aligned, cma=12M gives "Reserved 16 MiB"
 *   (tests/corpus/logs/arm_vexpress_256M_cma12M.log:40) and the 3 GiB virt
 *   area sits at 0xfe800000 (arm_virt_3G.log:13), 8 MiB but not 16 MiB
 *   aligned below the 8 MiB-aligned limit 0xff800000.
 * - lowmem_end 0x90000000: vexpress with 1 GiB has HighMem from
 *   0x90000000 (arm_vexpress_1G_smp4.log:38, "HighMem [mem
 *   0x90000000-...]"): a board default, the firmware layer may override.
 * - bootmem_low_limit 0x9fffffff: __pa(MAX_DMA_ADDRESS) for PHYS_OFFSET
 *   0x60000000 (arm_vexpress_128M.log:113 pcpu goal from=0x9fffffff);
 *   again a vexpress default (arm_virt_512M_smp1.log shows 0x7fffffff).
 */
const struct mb_profile mb_profile_arm32 = MB_PROFILE_ARM32_INIT;

/*
 * 64-bit ARM, Debian arm64.
 * - smp_cache_bytes 64: align=0x40 for align-0 requests (arm64 logs).
 * - NUMA on (arm64_virt_2G_numa2.log dumps print "on node 1").
 * - max_numnodes 64: CONFIG_NODES_SHIFT=6 assumed for Debian arm64. No
 *   log can confirm it (nid == MAX_NUMNODES only hides "on node" in the
 *   dumps before NUMA init, whatever the value). Documented choice.
 * - zone_dma_end 4 GiB: arm64 ZONE_DMA spans all memory below 4G on virt
 *   (arm64_virt_2G_numa2.log: "DMA [mem 0x40000000-0xbfffffff]",
 *   DMA32 empty).
 * - alloc_low_limit: arm64 defines no ARCH_LOW_ADDRESS_LIMIT of its own in
 *   6.1 beyond the generic 0xffffffff.
 * - page_struct_size 64: sizeof(struct page) on 64-bit kernels.
 */
const struct mb_profile mb_profile_arm64 = MB_PROFILE_ARM64_INIT;

/*
 * x86-64, Debian amd64.
 * - max_numnodes 1024: CONFIG_NODES_SHIFT=10; the first dump of
 *   x86_512M.log (line 38) has no "on node" because the regions still
 *   carry nid MAX_NUMNODES, the second (line 78) prints "on node 0".
 * - zone_dma_end 16 MiB and zone_dma32_end 4 GiB (x86_512M.log "Zone
 *   ranges": DMA ends at 0xffffff, DMA32 starts at 0x1000000).
 * - alloc_low_limit 0xffffffff: the generic ARCH_LOW_ADDRESS_LIMIT.
 * - bootmem_low_limit 16 MiB: __pa(MAX_DMA_ADDRESS); sparse_init_nid's
 *   goal prints from=0x0000000001000000 in the x86 logs.
 */
const struct mb_profile mb_profile_x86_64 = MB_PROFILE_X86_64_INIT;

static bool name_is(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/** mb_profile_by_name - a built-in profile by name; NULL if unknown. */
const struct mb_profile *mb_profile_by_name(const char *name)
{
	static const struct mb_profile *const all[] = {
		&mb_profile_arm32, &mb_profile_arm64, &mb_profile_x86_64};

	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (name_is(all[i]->name, name))
			return all[i];
	return NULL;
}
