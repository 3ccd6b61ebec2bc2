/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * UEFI front end against the efi=debug logs in ../shared/logs.
 *
 * Input: the EFI memory map each log prints (its descriptors, written into
 * a byte buffer at the firmware's descriptor size), and on arm64 where the
 * map itself lies ("MemMap Address/Size/Desc. Size"). Expected, from the
 * same logs: arm64's memblock_add / memblock_reserve / memblock_remove
 * sequence of reserve_regions and efi_init, the NOMAP flags of the memory
 * table in the next dump; x86's BIOS-e820 map (built from the EFI map by
 * the EFI stub) and the memblock_reserve lines of
 * efi_reserve_boot_services.
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

#include "efi_log_parse.h"
#include "log_util.h"

static unsigned char mapbuf[256 * 64];
static struct memblock_region mregs[256], rregs[256];
static struct lines out;

static void new_mb(struct memblock *mb, const struct mb_profile *p)
{
	struct mb_env env = {.ctx = &out, .print = lines_print_hook};

	lines_clear(&out);
	assert_int_equal(mb_init(mb, p, &env, mregs, 256, rregs, 256, NULL, 0),
			 0);
	mb_set_debug(mb, true);
}

static int is_trace_or_efi(const char *s)
{
	return starts_with(s, "efi:") || starts_with(s, "memblock_add:") ||
	       starts_with(s, "memblock_remove:") ||
	       starts_with(s, "memblock_reserve:");
}

static void compare_seq(const char *what, const char **want, size_t nwant)
{
	size_t k = 0;

	for (size_t i = 0; i < out.n; i++) {
		if (!is_trace_or_efi(out.line[i]))
			continue;
		if (k >= nwant)
			fail_msg("%s: extra line '%s'", what, out.line[i]);
		if (strcmp(out.line[i], want[k]) != 0)
			fail_msg("%s: line %zu\n got: '%s'\nwant: '%s'", what,
				 k, out.line[i], want[k]);
		k++;
	}
	if (k != nwant)
		fail_msg("%s: %zu of %zu lines; next '%s'", what, k, nwant,
			 want[k]);
}

/* arm64: arm64_virt_efi_1G_smp2_efidebug.log */
static void test_arm64_reserve_regions(void **state)
{
	struct log log;
	struct mb_efi_map map;
	struct mb_efi_arm64_opts o = {
		.debug = true,
		.soft_reserve = true,
		.add_caller = "early_init_dt_add_memory_arch+0x5c/0x68",
		.remove_caller = "reserve_regions+0x64/0x1a0",
		.reserve_caller = "reserve_regions+0x15c/0x1a0",
		.map_reserve_caller = "efi_init+0x1f8/0x250",
	};
	struct memblock mb;
	unsigned long long map_phys = 0, map_size = 0, desc_size = 0;
	size_t n = 0, nwant = 0;
	const char *want[128];
	long start, end, dump;

	(void)state;
	log_load(&log, "arm64_virt_efi_1G_smp2_efidebug.log");
	start = log_find(&log, 0, "efi: Processing EFI memory map:");
	/* the next memblock change is arm64_memblock_init's own remove */
	end = log_find(&log, 0, "memblock_remove: [0x0001000000000000");
	assert_true(start > 0 && end > start);
	for (size_t i = 0; i < log.n; i++) {
		const char *s = log.line[i];
		unsigned long long a, b;
		struct mb_efi_md md = {0};
		const char *br;

		sscanf(s, "efi:   MemMap Address       : %llx", &map_phys);
		sscanf(s, "efi:   MemMap Size          : %llx", &map_size);
		sscanf(s, "efi:   MemMap Desc. Size    : %llx", &desc_size);
		if ((long)i > start && (long)i < end &&
		    sscanf(s, "efi:   0x%llx-0x%llx ", &a, &b) == 2) {
			br = strchr(s, '[');
			assert_non_null(br);
			assert_int_equal(parse_typeattr(br, &md), 0);
			md.phys_addr = a;
			md.num_pages = (b + 1 - a) >> 12;
			mb_efi_md_encode(mapbuf + n * desc_size, desc_size,
					 &md);
			n++;
		}
		if ((long)i >= start && (long)i < end && is_trace_or_efi(s))
			want[nwant++] = s;
	}
	/* the log's header: 0x5a0 bytes of 0x30-byte descriptors = 30 */
	assert_true(desc_size == 0x30);
	assert_true(n * desc_size == map_size);
	assert_int_equal(mb_efi_map_init(&map, mapbuf, map_size, desc_size, 1),
			 0);
	o.map_phys = map_phys;
	o.map_size = map_size;

	new_mb(&mb, &mb_profile_arm64);
	assert_int_equal(mb_efi_arm64_reserve_regions(&mb, &map, &o), 0);
	compare_seq("arm64 efi", want, nwant);

	/* NOMAP: the next dump's memory table (lines "memory[i]\t[a-b],
	 * size bytes on node 0 flags: f") */
	dump = log_find(&log, (size_t)end, "MEMBLOCK configuration:");
	assert_true(dump > 0);
	{
		size_t k = 0;

		for (size_t i = (size_t)dump + 1; i < log.n; i++) {
			unsigned long long a, b, sz;
			unsigned idx, fl;
			const char *s = log.line[i];

			if (!starts_with(s, " memory["))
				continue;
			if (sscanf(s,
				   " memory[%x]\t[%llx-%llx], %llx bytes on "
				   "node 0 flags: %x",
				   &idx, &a, &b, &sz, &fl) != 5)
				break;
			assert_int_equal(idx, k);
			assert_true(k < mb.memory.cnt);
			assert_true(mb.memory.regions[k].base == a);
			assert_true(mb.memory.regions[k].size == sz);
			assert_int_equal(mb.memory.regions[k].flags, fl);
			k++;
		}
		/* 6 regions, three of them NOMAP (0x4) */
		assert_int_equal(k, 6);
		assert_int_equal(mb.memory.cnt, 6);
	}
	log_free(&log);
}

/*
 * arm64_virt_efi_1G_smp2.log is the same boot without efi=debug: the map
 * (taken from the efidebug log, same firmware) must give its memblock
 * lines too, and no "efi:" text.
 */
static void test_arm64_without_efi_debug(void **state)
{
	struct log dbg, log;
	struct mb_efi_map map;
	struct mb_efi_arm64_opts o = {
		.soft_reserve = true,
		.add_caller = "early_init_dt_add_memory_arch+0x5c/0x68",
		.remove_caller = "reserve_regions+0x64/0x1a0",
		.reserve_caller = "reserve_regions+0x15c/0x1a0",
		.map_reserve_caller = "efi_init+0x1f8/0x250",
		.map_phys = 0x7c43d9c0, /* the efidebug log's MemMap Address */
		.map_size = 0x5a0,
	};
	struct memblock mb;
	size_t n = 0, nwant = 0;
	const char *want[128];
	long start, end;

	(void)state;
	log_load(&dbg, "arm64_virt_efi_1G_smp2_efidebug.log");
	for (size_t i = 0; i < dbg.n; i++) {
		unsigned long long a, b;
		struct mb_efi_md md = {0};

		if (sscanf(dbg.line[i], "efi:   0x%llx-0x%llx ", &a, &b) != 2)
			continue;
		assert_int_equal(parse_typeattr(strchr(dbg.line[i], '['), &md),
				 0);
		md.phys_addr = a;
		md.num_pages = (b + 1 - a) >> 12;
		mb_efi_md_encode(mapbuf + n * 48, 48, &md);
		n++;
	}
	assert_int_equal(n, 30);
	assert_int_equal(mb_efi_map_init(&map, mapbuf, n * 48, 48, 1), 0);

	log_load(&log, "arm64_virt_efi_1G_smp2.log");
	start = log_find(&log, 0,
			 "memblock_remove: [0x0000000000000000-"
			 "0xfffffffffffffffe]");
	end = log_find(&log, 0, "memblock_remove: [0x0001000000000000");
	assert_true(start > 0 && end > start);
	for (long i = start; i < end; i++)
		if (is_trace_or_efi(log.line[i]))
			want[nwant++] = log.line[i];
	assert_int_equal(nwant, 1 + 29 + 1 + 1); /* remove, adds, 2 reserves */
	new_mb(&mb, &mb_profile_arm64);
	assert_int_equal(mb_efi_arm64_reserve_regions(&mb, &map, &o), 0);
	compare_seq("arm64 efi (no efi=debug)", want, nwant);
	log_free(&log);
	log_free(&dbg);
}

/* x86: x86_ovmf_1G_smp2_efidebug.log, descriptors "efi: memNN: ..." */
static size_t x86_map(const struct log *log, size_t desc_size,
		      const char **efi_lines)
{
	size_t n = 0;

	for (size_t i = 0; i < log->n; i++) {
		const char *s = log->line[i];
		unsigned idx;
		unsigned long long a, b;
		struct mb_efi_md md = {0};
		const char *br, *range;

		if (sscanf(s, "efi: mem%u: ", &idx) != 1)
			continue;
		if (idx == 0 && n > 0)
			break; /* the runtime map, printed later again */
		br = strchr(s, '[');
		range = strstr(s, "range=[");
		assert_non_null(br);
		assert_non_null(range);
		assert_int_equal(idx, n);
		assert_int_equal(parse_typeattr(br, &md), 0);
		assert_int_equal(sscanf(range, "range=[0x%llx-0x%llx]", &a, &b),
				 2);
		md.phys_addr = a;
		md.num_pages = (b + 1 - a) >> 12;
		mb_efi_md_encode(mapbuf + n * desc_size, desc_size, &md);
		efi_lines[n++] = s;
	}
	return n;
}

static void test_x86_efi_to_e820(void **state)
{
	struct log log;
	struct mb_efi_map map;
	struct memblock mb;
	static struct mb_e820_entry entries[256];
	static uint64_t scratch[MB_E820_SCRATCH_BYTES(256) / 8];
	struct mb_e820_table t;
	const char *efi_lines[256], *bios[64];
	size_t n, nbios = 0, k = 0;
	/* OVMF's descriptors are 48 bytes: a stride other than 40 */
	const size_t desc_size = 48;

	(void)state;
	log_load(&log, "x86_ovmf_1G_smp2_efidebug.log");
	n = x86_map(&log, desc_size, efi_lines);
	assert_int_equal(n, 138); /* mem00 .. mem137 */
	assert_int_equal(
		mb_efi_map_init(&map, mapbuf, n * desc_size, desc_size, 1), 0);
	for (size_t i = 0; i < log.n; i++)
		if (starts_with(log.line[i], "BIOS-e820:"))
			bios[nbios++] = log.line[i];

	new_mb(&mb, &mb_profile_x86_64);
	/* efi=debug's own text, line for line */
	mb_efi_print_memmap(&mb, &map);
	assert_int_equal(out.n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(out.line[i], efi_lines[i]);

	/* EFI map -> e820 (stub rules) -> sanitize = the BIOS-e820 lines */
	lines_clear(&out);
	assert_int_equal(
		mb_e820_table_init(&t, entries, 256, scratch, sizeof(scratch)),
		0);
	assert_int_equal(mb_efi_x86_to_e820(&map, &t, MB_EFI_X86_STUB, true),
			 0);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	mb_e820_print(&mb, &t, "BIOS-e820");
	assert_int_equal(out.n, nbios);
	for (size_t i = 0; i < nbios; i++)
		assert_string_equal(out.line[i], bios[i]);
	/* add_efi_memmap's rules give the same map here: all RAM is WB */
	assert_int_equal(
		mb_e820_table_init(&t, entries, 256, scratch, sizeof(scratch)),
		0);
	assert_int_equal(
		mb_efi_x86_to_e820(&map, &t, MB_EFI_X86_ADD_EFI_MEMMAP, true),
		0);
	assert_int_equal(mb_e820_sanitize(&t), 0);
	assert_int_equal(t.nr_entries, nbios);
	(void)k;
	log_free(&log);
}

static void test_x86_reserve_boot_services(void **state)
{
	struct log log;
	struct mb_efi_map map;
	struct memblock mb;
	const char *efi_lines[256], *want[256];
	size_t n, nwant = 0;
	long dump, i;
	static uint8_t keep[256];
	const size_t desc_size = 48;

	(void)state;
	log_load(&log, "x86_ovmf_1G_smp2_efidebug.log");
	n = x86_map(&log, desc_size, efi_lines);
	assert_int_equal(
		mb_efi_map_init(&map, mapbuf, n * desc_size, desc_size, 1), 0);
	new_mb(&mb, &mb_profile_x86_64);
	/* Context: the reserved table of the dump printed just before
	 * efi_reserve_boot_services runs (memblock_reserve merges, so the
	 * reservations can be replayed region by region). */
	dump = log_find(&log, 0, "MEMBLOCK configuration:");
	assert_true(dump > 0);
	for (i = dump + 1; i < (long)log.n && log.line[i][0] == ' '; i++) {
		unsigned idx;
		unsigned long long a, b;

		if (sscanf(log.line[i], " reserved[%x]\t[%llx-%llx]", &idx, &a,
			   &b) == 3)
			assert_int_equal(mb_reserve(&mb, a, b - a + 1), 0);
	}
	for (; i < (long)log.n; i++)
		if (starts_with(log.line[i], "memblock_reserve:") &&
		    strstr(log.line[i], "efi_reserve_boot_services"))
			want[nwant++] = log.line[i];
	assert_true(nwant > 50);
	lines_clear(&out);
	/* kernel image: the reserved [0x23c00000-0x27010fff] of that dump */
	assert_int_equal(mb_efi_x86_reserve_boot_services(
				 &mb, &map, NULL, 0x23c00000, 0x27010fff,
				 "efi_reserve_boot_services+0x7d/0xcf", keep),
			 0);
	compare_seq("x86 boot services", want, nwant);
	/* mem00 (Boot Code at page 0) was already reserved: kept, not
	 * reserved again; mem02 (Boot Data at 0x87000) is freeable */
	assert_int_equal(keep[0], 1);
	assert_int_equal(keep[2], 0);
	log_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arm64_reserve_regions),
		cmocka_unit_test(test_arm64_without_efi_debug),
		cmocka_unit_test(test_x86_efi_to_e820),
		cmocka_unit_test(test_x86_reserve_boot_services),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
