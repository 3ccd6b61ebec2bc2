/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Multiboot 1 and 2 memory maps from hand-built buffers, laid out as the
 * specifications say (all little-endian):
 *  MB1 mmap entry: u32 size (of the rest), u64 base, u64 length, u32 type
 *  MB2 block: u32 total_size, u32 reserved, then 8-aligned tags
 *  (u32 type, u32 size, ...); tag 6: u32 entry_size, u32 entry_version,
 *  entries of u64 base, u64 length, u32 type, u32 reserved; tag 4: u32
 *  mem_lower, u32 mem_upper (KiB); tag 17: u32 descr_size, u32 descr_vers,
 *  EFI descriptors; tag 0 ends the list.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <memblock/firmware/multiboot.h>

static unsigned char b[1024];
static struct mb_e820_entry entries[16];
static uint64_t scratch[MB_E820_SCRATCH_BYTES(16) / 8];
static struct mb_e820_table t;

static void w32(size_t off, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		b[off + i] = (unsigned char)(v >> (8 * i));
}

static void w64(size_t off, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		b[off + i] = (unsigned char)(v >> (8 * i));
}

static void table(uint32_t cap)
{
	assert_int_equal(
		mb_e820_table_init(&t, entries, cap, scratch, sizeof(scratch)),
		0);
}

static size_t mb1_entry(size_t off, uint32_t size, uint64_t base, uint64_t len,
			uint32_t type)
{
	w32(off, size);
	w64(off + 4, base);
	w64(off + 12, len);
	w32(off + 20, type);
	return off + 4 + size;
}

/* A QEMU-like map: [0,0x9fc00) usable, [0x9fc00,0xa0000) reserved, then
 * an entry with 4 spare bytes (size 24), [1M,128M-128K) usable, and a
 * type-9 range that must come out reserved. */
static size_t mb1_map(void)
{
	size_t off = 0;

	memset(b, 0xee, sizeof(b));
	off = mb1_entry(off, 20, 0, 0x9fc00, 1);
	off = mb1_entry(off, 20, 0x9fc00, 0x400, 2);
	off = mb1_entry(off, 24, 0x100000, 0x7ee0000, 1);
	off = mb1_entry(off, 20, 0xfffc0000, 0x40000, 9);
	return off; /* 24 + 24 + 28 + 24 = 100 bytes */
}

static void test_mb1_mmap(void **state)
{
	size_t len = mb1_map();

	(void)state;
	assert_int_equal(len, 100);
	table(16);
	assert_int_equal(mb_multiboot1_mmap_to_e820(b, len, &t), 0);
	assert_int_equal(t.nr_entries, 4);
	assert_true(entries[2].addr == 0x100000 &&
		    entries[2].size == 0x7ee0000);
	assert_int_equal(entries[2].type, MB_E820_RAM);
	assert_int_equal(entries[3].type, MB_E820_RESERVED);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, 4);
}

static void test_mb1_mmap_bad(void **state)
{
	size_t len = mb1_map();

	(void)state;
	table(16);
	assert_int_equal(mb_e820_range_add(&t, 0x1000, 0x1000, 1), 0);
	/* cut one byte off the last entry: refused, table as it was */
	assert_int_equal(mb_multiboot1_mmap_to_e820(b, len - 1, &t),
			 -MB_EINVAL);
	assert_int_equal(t.nr_entries, 1);
	/* a dangling size field (2 bytes) */
	assert_int_equal(mb_multiboot1_mmap_to_e820(b, 26, &t), -MB_EINVAL);
	/* an entry claiming 19 bytes cannot hold its fields */
	mb1_entry(0, 19, 0, 0x1000, 1);
	assert_int_equal(mb_multiboot1_mmap_to_e820(b, 23, &t), -MB_EINVAL);
	/* size 0xffffffff: runs past the buffer, no overflow */
	mb1_entry(0, 0xffffffffu, 0, 0x1000, 1);
	assert_int_equal(mb_multiboot1_mmap_to_e820(b, 100, &t), -MB_EINVAL);
	/* wrapping range */
	mb1_entry(0, 20, 0xfffffffffffff000ULL, 0x2000, 1);
	assert_int_equal(mb_multiboot1_mmap_to_e820(b, 24, &t), -MB_ERANGE);
	assert_int_equal(t.nr_entries, 1);
	/* table of 3 with 1 used: the 4-entry map does not fit */
	len = mb1_map();
	table(3);
	assert_int_equal(mb_e820_range_add(&t, 0x1000, 0x1000, 1), 0);
	assert_int_equal(mb_multiboot1_mmap_to_e820(b, len, &t), -MB_ENOSPC);
	assert_int_equal(t.nr_entries, 1);
	/* empty map: nothing, fine */
	assert_int_equal(mb_multiboot1_mmap_to_e820(NULL, 0, &t), 0);
}

static void test_mb1_info(void **state)
{
	struct mb_multiboot1_info info;
	size_t len;

	(void)state;
	memset(b, 0, sizeof(b));
	/* flags = MEMORY: mem_lower 639 KiB, mem_upper 130048 KiB:
	 * [0, 639*1024 = 0x9fc00), [1M, 1M + 130048*1024 = 0x8000000) */
	w32(0, 0x1);
	w32(4, 639);
	w32(8, 130048);
	assert_int_equal(mb_multiboot1_parse_info(b, 12, &info), 0);
	table(16);
	assert_int_equal(mb_multiboot1_to_e820(&info, NULL, 0, &t), 0);
	assert_int_equal(t.nr_entries, 2);
	assert_true(entries[0].addr == 0 && entries[0].size == 0x9fc00);
	assert_true(entries[1].addr == 0x100000 &&
		    entries[1].size == 0x7f00000);
	/* too short for what the flags promise */
	assert_int_equal(mb_multiboot1_parse_info(b, 11, &info), -MB_EINVAL);
	w32(0, 0x41);
	w32(44, 100);
	w32(48, 0x9000);
	assert_int_equal(mb_multiboot1_parse_info(b, 51, &info), -MB_EINVAL);
	assert_int_equal(mb_multiboot1_parse_info(b, 52, &info), 0);
	assert_int_equal(info.mmap_length, 100);
	assert_int_equal(info.mmap_addr, 0x9000);
	/* with a map, the map wins over mem_lower/upper; the caller's
	 * buffer is longer than mmap_length: only 100 bytes are read */
	len = mb1_map();
	table(16);
	assert_int_equal(mb_multiboot1_to_e820(&info, b, len + 200, &t), 0);
	assert_int_equal(t.nr_entries, 4);
	/* neither */
	info.flags = 0;
	assert_int_equal(mb_multiboot1_to_e820(&info, NULL, 0, &t), -MB_ENOENT);
	assert_int_equal(mb_multiboot1_parse_info(NULL, 0, &info), -MB_EINVAL);
}

/* MB2 block: meminfo tag at 8 (16 bytes), mmap tag at 24 with 3 entries
 * of 24 bytes (16 + 72 = 88 bytes), end tag at 24 + 88 = 112; total 120 */
static size_t mb2_block(bool with_mmap)
{
	size_t off = 8;

	memset(b, 0, sizeof(b));
	w32(off, MB_MULTIBOOT2_TAG_BASIC_MEMINFO);
	w32(off + 4, 16);
	w32(off + 8, 639);
	w32(off + 12, 523136); /* KiB above 1M: 511 MiB - 128 KiB */
	off += 16;
	if (with_mmap) {
		static const uint64_t e[3][3] = {
			{0, 0x9fc00, 1},
			{0x100000, 0x1fee0000, 1},
			{0x1ffe0000, 0x20000, 2},
		};
		w32(off, MB_MULTIBOOT2_TAG_MMAP);
		w32(off + 4, 16 + 3 * 24);
		w32(off + 8, 24);
		w32(off + 12, 0);
		for (int i = 0; i < 3; i++) {
			w64(off + 16 + 24 * i, e[i][0]);
			w64(off + 24 + 24 * i, e[i][1]);
			w32(off + 32 + 24 * i, (uint32_t)e[i][2]);
		}
		off += 88;
	}
	w32(off, MB_MULTIBOOT2_TAG_END);
	w32(off + 4, 8);
	off += 8;
	w32(0, (uint32_t)off);
	return off;
}

static void test_mb2(void **state)
{
	size_t len = mb2_block(true);

	(void)state;
	assert_int_equal(len, 120);
	table(16);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), 0);
	assert_int_equal(t.nr_entries, 3);
	assert_true(entries[1].addr == 0x100000 &&
		    entries[1].size == 0x1fee0000);
	assert_int_equal(entries[2].type, MB_E820_RESERVED);
	/* without the mmap tag: basic meminfo, [0,0x9fc00) and
	 * [1M, 1M + 523136 KiB = 0x1ff20000) */
	len = mb2_block(false);
	table(16);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), 0);
	assert_int_equal(t.nr_entries, 2);
	assert_true(entries[1].size == 523136ULL * 1024);
	/* neither tag */
	w32(8, 99);
	table(16);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), -MB_ENOENT);
}

static void test_mb2_malformed(void **state)
{
	size_t len;

	(void)state;
	table(16);
	len = mb2_block(true);
	/* total_size larger than the buffer */
	assert_int_equal(mb_multiboot2_to_e820(b, len - 1, &t), -MB_EINVAL);
	assert_int_equal(mb_multiboot2_to_e820(b, 4, &t), -MB_EINVAL);
	assert_int_equal(mb_multiboot2_to_e820(NULL, 0, &t), -MB_EINVAL);
	/* a tag of size 4 (smaller than its header) */
	w32(12, 4);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), -MB_EINVAL);
	/* a tag running past total_size */
	len = mb2_block(true);
	w32(12, 0x10000);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), -MB_EINVAL);
	/* entry_size 20 < 24 */
	len = mb2_block(true);
	w32(24 + 8, 20);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), -MB_EINVAL);
	/* entry_size 32 does not divide the 72-byte body */
	w32(24 + 8, 32);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), -MB_EINVAL);
	/* wrapping entry: nothing appended */
	len = mb2_block(true);
	w64(24 + 16 + 48, 0xffffffffffff0000ULL);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), -MB_ERANGE);
	assert_int_equal(t.nr_entries, 0);
	/* no end tag, tags simply stop at total_size: fine */
	len = mb2_block(true);
	w32(0, 112);
	assert_int_equal(mb_multiboot2_to_e820(b, len, &t), 0);
	assert_int_equal(t.nr_entries, 3);
}

static void test_mb2_efi_mmap(void **state)
{
	struct mb_efi_map map;
	struct mb_efi_md md = {MB_EFI_CONVENTIONAL_MEMORY, 0x100000, 0, 16,
			       MB_EFI_MEMORY_WB};
	size_t off = 8;

	(void)state;
	memset(b, 0, sizeof(b));
	/* tag 17 with two 48-byte descriptors: 16 + 96 = 112 bytes */
	w32(off, MB_MULTIBOOT2_TAG_EFI_MMAP);
	w32(off + 4, 16 + 2 * 48);
	w32(off + 8, 48);
	w32(off + 12, 1);
	mb_efi_md_encode(b + off + 16, 48, &md);
	md.phys_addr = 0x200000;
	mb_efi_md_encode(b + off + 16 + 48, 48, &md);
	off += 112;
	w32(off, 0);
	w32(off + 4, 8);
	w32(0, (uint32_t)(off + 8));
	assert_int_equal(mb_multiboot2_efi_mmap(b, off + 8, &map), 0);
	assert_int_equal(map.count, 2);
	mb_efi_map_get(&map, 1, &md);
	assert_true(md.phys_addr == 0x200000 && md.num_pages == 16);
	/* descriptor size 30: invalid */
	w32(8 + 8, 30);
	assert_int_equal(mb_multiboot2_efi_mmap(b, off + 8, &map), -MB_EINVAL);
	/* no such tag */
	w32(8, 5);
	assert_int_equal(mb_multiboot2_efi_mmap(b, off + 8, &map), -MB_ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mb1_mmap),
		cmocka_unit_test(test_mb1_mmap_bad),
		cmocka_unit_test(test_mb1_info),
		cmocka_unit_test(test_mb2),
		cmocka_unit_test(test_mb2_malformed),
		cmocka_unit_test(test_mb2_efi_mmap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
