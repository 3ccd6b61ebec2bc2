/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * UEFI map bytes and rules with hand-built descriptors. Expected values
 * come from the UEFI spec layout (type u32 at 0, physical start u64 at 8,
 * virtual start at 16, pages at 24, attributes at 32) and from the rules
 * written next to each case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/firmware/e820.h>
#include <memblock/firmware/efi.h>

#include "log_util.h"

#define WB MB_EFI_MEMORY_WB

static unsigned char buf[64 * 64];
static struct memblock_region mregs[64], rregs[64];
static struct lines out;

static size_t put(size_t i, size_t stride, uint32_t type, uint64_t addr,
		  uint64_t pages, uint64_t attr)
{
	struct mb_efi_md md = {type, addr, 0, pages, attr};

	mb_efi_md_encode(buf + i * stride, stride, &md);
	return i + 1;
}

static void test_map_validation(void **state)
{
	struct mb_efi_map map;

	(void)state;
	put(0, 40, MB_EFI_CONVENTIONAL_MEMORY, 0x1000, 1, WB);
	assert_int_equal(mb_efi_map_init(&map, buf, 40, 40, 1), 0);
	assert_int_equal(map.count, 1);
	/* descriptor smaller than its fields */
	assert_int_equal(mb_efi_map_init(&map, buf, 39, 39, 1), -MB_EINVAL);
	/* truncated: 2 descriptors of 48 bytes minus one byte */
	assert_int_equal(mb_efi_map_init(&map, buf, 95, 48, 1), -MB_EINVAL);
	assert_int_equal(mb_efi_map_init(&map, NULL, 48, 48, 1), -MB_EINVAL);
	/* empty map: valid, nothing in it */
	assert_int_equal(mb_efi_map_init(&map, NULL, 0, 48, 1), 0);
	assert_int_equal(map.count, 0);
	/* 0xfffffffffffff000 + 2 pages wraps past 2^64 */
	put(0, 48, MB_EFI_CONVENTIONAL_MEMORY, 0xfffffffffffff000ULL, 2, WB);
	assert_int_equal(mb_efi_map_init(&map, buf, 48, 48, 1), -MB_ERANGE);
	assert_int_equal(map.count, 0);
	/* 2^52 pages of 4 KiB = 2^64 bytes: does not fit */
	put(0, 48, MB_EFI_CONVENTIONAL_MEMORY, 0, 1ULL << 52, WB);
	assert_int_equal(mb_efi_map_init(&map, buf, 48, 48, 1), -MB_ERANGE);
	/* the last page of the address space: its end, 2^64, is not
	 * representable either; refused */
	put(0, 48, MB_EFI_RESERVED_TYPE, 0xfffffffffffff000ULL, 1, 0);
	assert_int_equal(mb_efi_map_init(&map, buf, 48, 48, 1), -MB_ERANGE);
}

static void test_stride_and_layout(void **state)
{
	struct mb_efi_map map;
	struct mb_efi_md md;

	(void)state;
	/* 56-byte descriptors with junk in the 16 bytes past the fields */
	memset(buf, 0xa5, sizeof(buf));
	for (size_t i = 0; i < 3; i++) {
		struct mb_efi_md m = {MB_EFI_LOADER_DATA, 0x100000 * (i + 1),
				      0xffff000000000000ULL, i + 1, WB};

		mb_efi_md_encode(buf + i * 56, 40, &m);
	}
	assert_int_equal(mb_efi_map_init(&map, buf, 3 * 56, 56, 1), 0);
	assert_int_equal(map.count, 3);
	mb_efi_map_get(&map, 2, &md);
	assert_int_equal(md.type, MB_EFI_LOADER_DATA);
	assert_true(md.phys_addr == 0x300000);
	assert_true(md.virt_addr == 0xffff000000000000ULL);
	assert_true(md.num_pages == 3);
	assert_true(md.attribute == WB);
	/* little-endian bytes: type 7 at offset 0, phys 0x12345000 at 8 */
	put(0, 40, 7, 0x12345000, 1, WB);
	assert_int_equal(buf[0], 7);
	assert_int_equal(buf[8], 0x00);
	assert_int_equal(buf[9], 0x50);
	assert_int_equal(buf[10], 0x34);
	assert_int_equal(buf[11], 0x12);
	assert_int_equal(buf[32], 0x08);
}

static void test_typeattr_text(void **state)
{
	char text[80];
	struct mb_efi_md md = {MB_EFI_RUNTIME_SERVICES_CODE, 0, 0, 1,
			       MB_EFI_MEMORY_RUNTIME | WB};

	(void)state;
	/* arm64_virt_efi_1G_smp2_efidebug.log line 67 */
	assert_string_equal(mb_efi_md_typeattr_format(text, sizeof(text), &md),
			    "[Runtime Code|RUN|  |  |  |  |  |  |  |  |  |   "
			    "|WB|  |  |  ]");
	md.type = MB_EFI_MEMORY_MAPPED_IO;
	md.attribute = MB_EFI_MEMORY_RUNTIME | MB_EFI_MEMORY_UC;
	/* the same log, line 91 */
	assert_string_equal(mb_efi_md_typeattr_format(text, sizeof(text), &md),
			    "[MMIO        |RUN|  |  |  |  |  |  |  |  |  |   | "
			    " |  |  |UC]");
	md.type = MB_EFI_CONVENTIONAL_MEMORY;
	md.attribute = MB_EFI_MEMORY_UCE | MB_EFI_MEMORY_WT;
	assert_string_equal(mb_efi_md_typeattr_format(text, sizeof(text), &md),
			    "[Conventional|   |  |  |  |  |  |  |  |  |  |UCE| "
			    " |WT|  |  ]");
	/* an attribute bit Linux does not know: the raw value instead */
	md.attribute = (1ULL << 40) | WB;
	assert_string_equal(mb_efi_md_typeattr_format(text, sizeof(text), &md),
			    "[Conventional|attr=0x0000010000000008]");
	/* a type past the table: its number */
	md.type = 0x70000000;
	md.attribute = WB;
	assert_true(strncmp(mb_efi_md_typeattr_format(text, sizeof(text), &md),
			    "[type=1879048192|", 17) == 0);
	/* a short buffer is cut, never overrun */
	memset(text, 'x', sizeof(text));
	mb_efi_md_typeattr_format(text, 8, &md);
	assert_int_equal(strlen(text), 7);
	assert_int_equal(text[9], 'x');
}

static void test_arm64_rules(void **state)
{
	struct mb_efi_md md = {MB_EFI_CONVENTIONAL_MEMORY, 0, 0, 1, WB};

	(void)state;
	assert_true(mb_efi_is_memory(&md));
	assert_true(mb_efi_is_usable_memory(&md, true));
	/* soft reserved: memory, but not for the kernel when enabled */
	md.attribute = WB | MB_EFI_MEMORY_SP;
	assert_false(mb_efi_is_usable_memory(&md, true));
	assert_true(mb_efi_is_usable_memory(&md, false));
	/* conventional without WB: memory (WT), not usable */
	md.attribute = MB_EFI_MEMORY_WT;
	assert_true(mb_efi_is_memory(&md));
	assert_false(mb_efi_is_usable_memory(&md, true));
	/* uncached only: not memory at all */
	md.attribute = MB_EFI_MEMORY_UC;
	assert_false(mb_efi_is_memory(&md));
	/* runtime data with WB: memory, not usable (NOMAP) */
	md.type = MB_EFI_RUNTIME_SERVICES_DATA;
	md.attribute = WB | MB_EFI_MEMORY_RUNTIME;
	assert_true(mb_efi_is_memory(&md));
	assert_false(mb_efi_is_usable_memory(&md, true));
	md.type = MB_EFI_PERSISTENT_MEMORY;
	md.attribute = WB;
	assert_true(mb_efi_is_usable_memory(&md, true));
	md.type = MB_EFI_ACPI_MEMORY_NVS;
	assert_false(mb_efi_is_usable_memory(&md, true));
}

static void new_mb(struct memblock *mb, const struct mb_profile *p)
{
	struct mb_env env = {.ctx = &out, .print = lines_print_hook};

	lines_clear(&out);
	assert_int_equal(mb_init(mb, p, &env, mregs, 64, rregs, 64, NULL, 0),
			 0);
}

static void test_arm64_small_map_64k_pages(void **state)
{
	struct mb_efi_map map;
	struct memblock mb;
	struct mb_profile p = mb_profile_arm64;
	const struct mb_efi_arm64_opts soft = {.soft_reserve = true};
	size_t n = 0;

	(void)state;
	p.page_size = 0x10000;
	/* conventional [0x40001000, +3 pages) rounds out to the 64K page
	 * [0x40000000, 0x40010000); runtime code [0x40010000, +16 pages) is
	 * one 64K page, NOMAP; ACPI reclaim [0x40020000, +16 pages) added
	 * and reserved; UC MMIO skipped; SP conventional added, NOMAP */
	n = put(n, 40, MB_EFI_CONVENTIONAL_MEMORY, 0x40001000, 3, WB);
	n = put(n, 40, MB_EFI_RUNTIME_SERVICES_CODE, 0x40010000, 16,
		WB | MB_EFI_MEMORY_RUNTIME);
	n = put(n, 40, MB_EFI_ACPI_RECLAIM_MEMORY, 0x40020000, 16, WB);
	n = put(n, 40, MB_EFI_MEMORY_MAPPED_IO, 0x9000000, 1,
		MB_EFI_MEMORY_UC | MB_EFI_MEMORY_RUNTIME);
	n = put(n, 40, MB_EFI_CONVENTIONAL_MEMORY, 0x80000000, 0x10000,
		WB | MB_EFI_MEMORY_SP);
	assert_int_equal(mb_efi_map_init(&map, buf, n * 40, 40, 1), 0);
	new_mb(&mb, &p);
	mb_add(&mb, 0x1000000, 0x1000000); /* DT memory: dropped */
	assert_int_equal(mb_efi_arm64_reserve_regions(&mb, &map, &soft), 0);
	/* memory: [0x40000000,0x40010000) none, [..0x40020000) NOMAP,
	 * [..0x40030000) none, [0x80000000, +256M) NOMAP */
	assert_int_equal(mb.memory.cnt, 4);
	assert_true(mb.memory.regions[0].base == 0x40000000);
	assert_true(mb.memory.regions[0].size == 0x10000);
	assert_int_equal(mb.memory.regions[1].flags, MEMBLOCK_NOMAP);
	assert_int_equal(mb.memory.regions[2].flags, MEMBLOCK_NONE);
	assert_true(mb.memory.regions[3].base == 0x80000000);
	assert_true(mb.memory.regions[3].size == 0x10000000);
	assert_int_equal(mb.memory.regions[3].flags, MEMBLOCK_NOMAP);
	assert_int_equal(mb.reserved.cnt, 1);
	assert_true(mb.reserved.regions[0].base == 0x40020000);
	assert_true(mb.reserved.regions[0].size == 0x10000);
	assert_int_equal(out.n, 0); /* debug off: silent */
}

static void test_x86_types(void **state)
{
	struct mb_efi_md md = {0, 0, 0, 1, WB};
	/* stub rules, per EFI type 0..14 (UEFI numbering) */
	static const uint32_t stub[15] = {
		2, 1, 1, 1, 1, 2, 2, 1, 5, 3, 4, 2, 2, 2, 7,
	};

	(void)state;
	for (uint32_t t = 0; t < 15; t++) {
		md.type = t;
		assert_int_equal(
			mb_efi_x86_e820_type(&md, MB_EFI_X86_STUB, true),
			stub[t]);
		assert_int_equal(mb_efi_x86_e820_type(
					 &md, MB_EFI_X86_ADD_EFI_MEMMAP, true),
				 stub[t]);
	}
	/* RAM types without WB: the stub keeps RAM, add_efi_memmap says
	 * reserved */
	md.type = MB_EFI_BOOT_SERVICES_DATA;
	md.attribute = MB_EFI_MEMORY_UC;
	assert_int_equal(mb_efi_x86_e820_type(&md, MB_EFI_X86_STUB, true), 1);
	assert_int_equal(
		mb_efi_x86_e820_type(&md, MB_EFI_X86_ADD_EFI_MEMMAP, true), 2);
	/* special purpose: soft reserved when enabled */
	md.attribute = WB | MB_EFI_MEMORY_SP;
	assert_true(mb_efi_x86_e820_type(&md, MB_EFI_X86_STUB, true) ==
		    MB_E820_SOFT_RESERVED);
	assert_int_equal(mb_efi_x86_e820_type(&md, MB_EFI_X86_STUB, false), 1);
	/* unknown type: skipped by the stub, reserved by add_efi_memmap */
	md.type = 99;
	assert_int_equal(mb_efi_x86_e820_type(&md, MB_EFI_X86_STUB, true), 0);
	assert_int_equal(
		mb_efi_x86_e820_type(&md, MB_EFI_X86_ADD_EFI_MEMMAP, true), 2);
}

static void test_x86_stub_merge_and_full(void **state)
{
	static struct mb_e820_entry e[4];
	struct mb_e820_table t;
	struct mb_efi_map map;
	size_t n = 0;

	(void)state;
	/* boot code [0,4K) + conventional [4K,8K) -> one usable [0,8K);
	 * conventional at 16K (gap) -> new entry; ACPI NVS right after ->
	 * new entry (type differs); unknown type 99 skipped */
	n = put(n, 40, MB_EFI_BOOT_SERVICES_CODE, 0, 1, WB);
	n = put(n, 40, MB_EFI_CONVENTIONAL_MEMORY, 0x1000, 1, WB);
	n = put(n, 40, MB_EFI_CONVENTIONAL_MEMORY, 0x4000, 1, WB);
	n = put(n, 40, 99, 0x5000, 1, WB);
	n = put(n, 40, MB_EFI_ACPI_MEMORY_NVS, 0x5000, 1, WB);
	assert_int_equal(mb_efi_map_init(&map, buf, n * 40, 40, 1), 0);
	assert_int_equal(mb_e820_table_init(&t, e, 4, NULL, 0), 0);
	assert_int_equal(mb_efi_x86_to_e820(&map, &t, MB_EFI_X86_STUB, true),
			 0);
	assert_int_equal(t.nr_entries, 3);
	assert_true(e[0].addr == 0 && e[0].size == 0x2000 && e[0].type == 1);
	assert_true(e[1].addr == 0x4000 && e[1].size == 0x1000);
	assert_int_equal(e[2].type, MB_E820_NVS);
	/* add_efi_memmap: no merging, unknown reserved: 5 > 4 -> full, and
	 * the table keeps its 3 entries */
	assert_int_equal(
		mb_efi_x86_to_e820(&map, &t, MB_EFI_X86_ADD_EFI_MEMMAP, true),
		-MB_ENOSPC);
	assert_int_equal(t.nr_entries, 3);
}

static void test_x86_boot_services_keep(void **state)
{
	static struct mb_e820_entry e[4];
	struct mb_e820_table t;
	struct mb_efi_map map;
	struct memblock mb;
	uint8_t keep[4];
	size_t n = 0;

	(void)state;
	/* four boot-services ranges: [1M,+1p) free; [2M,+1p) overlaps the
	 * kernel [2M,3M); [4M,+1p) not RAM in e820; [0x1000,+1p) already
	 * reserved. Only the first three get reserved; only the first is
	 * freeable later. */
	n = put(n, 40, MB_EFI_BOOT_SERVICES_CODE, 0x100000, 1, WB);
	n = put(n, 40, MB_EFI_BOOT_SERVICES_DATA, 0x200000, 1, WB);
	n = put(n, 40, MB_EFI_BOOT_SERVICES_DATA, 0x400000, 1, WB);
	n = put(n, 40, MB_EFI_BOOT_SERVICES_CODE, 0x1000, 1, WB);
	assert_int_equal(mb_efi_map_init(&map, buf, n * 40, 40, 1), 0);
	assert_int_equal(mb_e820_table_init(&t, e, 4, NULL, 0), 0);
	mb_e820_range_add(&t, 0, 0x400000, MB_E820_RAM);
	mb_e820_range_add(&t, 0x400000, 0x1000, MB_E820_RESERVED);
	new_mb(&mb, &mb_profile_x86_64);
	mb_reserve(&mb, 0, 0x2000);
	assert_int_equal(mb_efi_x86_reserve_boot_services(
				 &mb, &map, &t, 0x200000, 0x2fffff, NULL, keep),
			 0);
	assert_int_equal(keep[0], 0);
	assert_int_equal(keep[1], 1);
	assert_int_equal(keep[2], 1);
	assert_int_equal(keep[3], 1);
	/* reserved: [0,0x2000) + three new pages */
	assert_int_equal(mb.reserved.cnt, 4);
	assert_true(mb.reserved.total_size == 0x2000 + 3 * 0x1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_validation),
		cmocka_unit_test(test_stride_and_layout),
		cmocka_unit_test(test_typeattr_text),
		cmocka_unit_test(test_arm64_rules),
		cmocka_unit_test(test_arm64_small_map_64k_pages),
		cmocka_unit_test(test_x86_types),
		cmocka_unit_test(test_x86_stub_merge_and_full),
		cmocka_unit_test(test_x86_boot_services_keep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
