/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Internal: the built-in profiles as initialiser macros, so that a
 * statically initialised instance (the Linux face's global `memblock`) can
 * embed a profile by value. profile.c explains every value.
 */
#ifndef MEMBLOCK_CORE_PROFILE_VALUES_H
#define MEMBLOCK_CORE_PROFILE_VALUES_H

#define MB_PROFILE_ARM32_INIT                                                  \
	{                                                                      \
		.name = "arm32", .phys_bits = 32, .page_size = 4096,           \
		.smp_cache_bytes = 64, .numa = false, .max_numnodes = 1,       \
		.init_memory_regions = 128, .init_reserved_regions = 128,      \
		.init_physmem_regions = 0, .alloc_low_limit = 0xffffffffULL,   \
		.page_struct_size = 36, .max_order = 12, .zone_dma_end = 0,    \
		.zone_dma32_end = 0, .lowmem_end = 0x90000000ULL,              \
		.bootmem_low_limit = 0x9fffffffULL,                            \
	}

#define MB_PROFILE_ARM64_INIT                                                  \
	{                                                                      \
		.name = "arm64", .phys_bits = 64, .page_size = 4096,           \
		.smp_cache_bytes = 64, .numa = true, .max_numnodes = 64,       \
		.init_memory_regions = 128, .init_reserved_regions = 128,      \
		.init_physmem_regions = 0, .alloc_low_limit = 0xffffffffULL,   \
		.page_struct_size = 64, .max_order = 11,                       \
		.zone_dma_end = 0x100000000ULL, .zone_dma32_end = 0,           \
		.lowmem_end = 0, .bootmem_low_limit = 0,                       \
	}

#define MB_PROFILE_X86_64_INIT                                                 \
	{                                                                      \
		.name = "x86_64", .phys_bits = 64, .page_size = 4096,          \
		.smp_cache_bytes = 64, .numa = true, .max_numnodes = 1024,     \
		.init_memory_regions = 128, .init_reserved_regions = 128,      \
		.init_physmem_regions = 0, .alloc_low_limit = 0xffffffffULL,   \
		.page_struct_size = 64, .max_order = 11,                       \
		.zone_dma_end = 0x1000000ULL,                                  \
		.zone_dma32_end = 0x100000000ULL, .lowmem_end = 0,             \
		.bootmem_low_limit = 0x1000000ULL,                             \
	}

#endif
