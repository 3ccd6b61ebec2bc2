/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hand-over against the real 32-bit ARM logs (../shared/logs/arm_*.log):
 * the memblock state is rebuilt from the log itself (its first "MEMBLOCK
 * configuration" dump, then every memblock_reserve / memblock_phys_free
 * line up to the "Memory:" line - on these boards nothing else changes the
 * tables after the dump), the hand-over runs through the memblock back end
 * (the log already holds the mem_map allocation; no new one is made), and the
 * two lines it prints must equal the log's "Built 1 zonelists ..." and "Memory:
 * ..." lines character for character - and so must the same state handed over
 * through the bitmap back end. CMA size from the log's "cma: Reserved N
 * MiB" line; the image sizes are the kernel's own (caller-supplied fields).
 */
#include <memblock/handover.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "harness.h"

static const char *logs_dir;

struct log_facts {
	char built[256], memory[256];
	unsigned long cma_mib;
};

/* The text after "] " of a kernel line, or NULL. */
static const char *body(const char *line)
{
	const char *p = strstr(line, "] ");

	return line[0] == '[' && p ? p + 2 : NULL;
}

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = 0;
}

static void reset_tables(struct harness *h)
{
	struct mb_profile p = h->mb.profile;
	struct mb_env env = h->mb.env;

	assert_int_equal(mb_init(&h->mb, &p, &env, h->mem, H_REGIONS, h->res,
				 H_REGIONS, NULL, 0),
			 0);
}

/* Rebuild the tables of @name into @h and collect the expected lines. */
static void load_log(struct harness *h, const char *name, struct log_facts *lf)
{
	char path[512], line[1024];
	bool in_dump = false, after_dump = false;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", logs_dir, name);
	f = fopen(path, "r");
	if (!f)
		fail_msg("cannot open %s", path);
	memset(lf, 0, sizeof(*lf));
	while (fgets(line, sizeof(line), f)) {
		const char *b = body(line);
		unsigned long long s, e;
		unsigned idx;

		chomp(line);
		if (!b)
			continue;
		if (sscanf(b, "cma: Reserved %lu MiB", &lf->cma_mib) == 1)
			continue;
		if (!strcmp(b, "MEMBLOCK configuration:")) {
			/* x86 dumps twice: the last dump is the state. */
			if (after_dump)
				reset_tables(h);
			in_dump = after_dump = true;
			continue;
		}
		if (in_dump) {
			const char *on = strstr(b, " on node ");
			int nid = on ? atoi(on + 9) : 0;

			const char *fl = strstr(b, "flags: 0x");
			unsigned flags =
				fl ? (unsigned)strtoul(fl + 9, NULL, 16) : 0;

			/* memory flags as dumped (EFI NOMAP: 0x4) */
			if (sscanf(b, " memory[0x%x]\t[0x%llx-0x%llx]", &idx,
				   &s, &e) == 3)
				assert_int_equal(
					mb_add_node(&h->mb, s, e - s + 1, nid,
						    (enum memblock_flags)flags),
					0);
			else if (sscanf(b, " reserved[0x%x]\t[0x%llx-0x%llx]",
					&idx, &s, &e) == 3)
				assert_int_equal(
					mb_reserve(&h->mb, s, e - s + 1), 0);
			else if (b[0] != ' ')
				in_dump = false;
		}
		if (!after_dump || in_dump)
			continue;
		if (sscanf(b, "memblock_reserve: [0x%llx-0x%llx]", &s, &e) == 2)
			assert_int_equal(mb_reserve(&h->mb, s, e - s + 1), 0);
		else if (sscanf(b, "memblock_phys_free: [0x%llx-0x%llx]", &s,
				&e) == 2)
			/* [a-(a-1)] is a zero-sized free: a no-op */
			assert_int_equal(mb_phys_free(&h->mb, s, e + 1 - s), 0);
		else if (!strncmp(b, "Built ", 6))
			snprintf(lf->built, sizeof(lf->built), "%s", b);
		else if (!strncmp(b, "Memory: ", 8)) {
			snprintf(lf->memory, sizeof(lf->memory), "%s", b);
			break;
		}
	}
	fclose(f);
	assert_true(after_dump);
	assert_true(lf->memory[0] != 0);
}

static uint8_t bitmap_buf[32768]; /* up to 262144 lowmem pages */

static void check_log_with(const char *name, enum bootmem_backend backend)
{
	struct harness *h = h_new(&mb_profile_arm32, 0, 0);
	struct log_facts lf;
	struct mb_handover_info info = {
		.sizes = {11264, 1700, 3732, 2048, 377},
		.bitmap_buf = bitmap_buf,
		.bitmap_buf_len = sizeof(bitmap_buf),
	};
	struct mb_handover_result res;
	struct buddy b;

	load_log(h, name, &lf);
	info.cma_pages = lf.cma_mib << 8; /* MiB -> 4 KiB pages */
	unsigned long start = (unsigned long)(mb_start_of_DRAM(&h->mb) >> 12);
	unsigned long end = (unsigned long)(mb_end_of_DRAM(&h->mb) >> 12);
	struct buddy_page *pages = calloc(end - start, sizeof(*pages));

	assert_int_equal(buddy_init(&b, &h->mb.profile, NULL, start, end, pages,
				    end - start),
			 0);
	h->nlines = 0;
	assert_int_equal(mb_handover_run(&h->mb, &b, backend, &info, &res), 0);
	assert_int_equal(h->nlines, 2);
	assert_string_equal(h->lines[0], lf.built);
	assert_string_equal(h->lines[1], lf.memory);
	const char *what = NULL;

	if (buddy_check(&b, &what))
		fail_msg("buddy_check: %s", what);
	free(pages);
	h_free(h);
}

/*
 * Both back ends must print the log's lines: the bitmap back end takes one
 * more page from memblock for its map, but gives it back at the end of
 * free_all_bootmem, so the released count is the same.
 */
/*
 * arm64 and x86 (Debian 6.1, deferred struct page init): the Memory:
 * line's free figure counts only the pages initialised so far (and x86
 * allocates more before printing), but memblock_free_all counts every page
 * it hands over, deferred ones included, into totalram. So present,
 * reserved (= present - totalram - cma) and the Built line must match the
 * log exactly. x86 tables come from the log's last dump (x86 dumps twice)
 * and its dma_reserve from mb_handover_x86_dma_reserve() on them.
 */
static void check_totals_log(const struct mb_profile *p, const char *name)
{
	struct harness *h = h_new(p, 0, 0);
	struct log_facts lf;
	struct mb_handover_info info = {.quiet = true};
	struct mb_handover_result res;
	unsigned long present_k, reserved_k, cma_k;
	struct buddy b;
	char built[256];

	load_log(h, name, &lf);
	info.cma_pages = lf.cma_mib << 8;
	/* Only x86 keeps a dma_reserve (memory below 16 MiB not free). */
	if (p == &mb_profile_x86_64)
		info.dma_reserve = mb_handover_x86_dma_reserve(&h->mb);
	assert_int_equal(sscanf(lf.memory,
				"Memory: %*uK/%luK available (%*uK kernel "
				"code, %*uK rwdata, %*uK rodata, %*uK init, "
				"%*uK bss, %luK reserved, %luK cma-reserved",
				&present_k, &reserved_k, &cma_k),
			 3);
	unsigned long start = (unsigned long)(mb_start_of_DRAM(&h->mb) >> 12);
	unsigned long end = (unsigned long)(mb_end_of_DRAM(&h->mb) >> 12);
	struct buddy_page *pages = calloc(end - start, sizeof(*pages));

	assert_int_equal(buddy_init(&b, &h->mb.profile, NULL, start, end, pages,
				    end - start),
			 0);
	assert_int_equal(mb_handover_run(&h->mb, &b, BOOTMEM_BACKEND_MEMBLOCK,
					 &info, &res),
			 0);
	snprintf(built, sizeof(built),
		 "Built %u zonelists, mobility grouping on.  Total pages: %lu",
		 res.nr_zonelists, res.total_pages);
	assert_string_equal(built, lf.built);
	assert_int_equal(res.present_pages * 4, present_k);
	assert_int_equal(info.cma_pages * 4, cma_k);
	assert_int_equal(res.reserved_pages * 4, reserved_k);
	free(pages);
	h_free(h);
}

static void test_arm64_512M(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_arm64, "arm64_virt_512M_smp1.log");
}

static void test_arm64_1G_crashkernel_cma(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_arm64,
			 "arm64_virt_1G_crashkernel_cma.log");
}

static void test_arm64_2G_numa2(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_arm64, "arm64_virt_2G_numa2.log");
}

static void test_x86_512M(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_x86_64, "x86_512M.log");
}

static void test_x86_4G(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_x86_64, "x86_4G_smp4.log");
}

static void test_x86_2G_numa2_uneven(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_x86_64, "x86_2G_numa2_uneven.log");
}

static void test_x86_1G_memmap(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_x86_64, "x86_1G_memmap.log");
}

static void test_x86_ovmf_1G(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_x86_64, "x86_ovmf_1G_smp2.log");
}

static void test_x86_memmap130_double(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_x86_64, "x86_1G_memmap130_double.log");
}

static void test_x86_movable_node(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_x86_64, "x86_2G_numa2_movable_node.log");
}

/* UEFI: NOMAP memory (dump flags 0x4, 18128 pages) stays out. */
static void test_arm64_efi(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_arm64, "arm64_virt_efi_1G_smp2.log");
}

/* The same UEFI boots with efi=debug (more lines, same tables). */
static void test_efidebug(void **state)
{
	(void)state;
	check_totals_log(&mb_profile_arm64,
			 "arm64_virt_efi_1G_smp2_efidebug.log");
	check_totals_log(&mb_profile_x86_64, "x86_ovmf_1G_smp2_efidebug.log");
}

static void check_log(const char *name)
{
	check_log_with(name, BOOTMEM_BACKEND_MEMBLOCK);
	check_log_with(name, BOOTMEM_BACKEND_BITMAP);
}

/* 93500K free, 21188K reserved, 16384K CMA, Total pages 32480. */
static void test_vexpress_128M(void **state)
{
	(void)state;
	check_log("arm_vexpress_128M.log");
}

/* HighMem from 0x90000000, CMA inside HighMem: 245760K highmem. */
static void test_vexpress_1G(void **state)
{
	(void)state;
	check_log("arm_vexpress_1G_smp4.log");
}

/* mem=256M (the dump is after the traced remove/add) and cma=32M. */
static void test_vexpress_mem256M_cma(void **state)
{
	(void)state;
	check_log("arm_vexpress_512M_mem256M_cma.log");
}

/* RAM at 0x40000000 (QEMU virt). */
static void test_arm_virt_512M(void **state)
{
	(void)state;
	check_log("arm_virt_512M_smp1.log");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vexpress_128M),
		cmocka_unit_test(test_vexpress_1G),
		cmocka_unit_test(test_vexpress_mem256M_cma),
		cmocka_unit_test(test_arm_virt_512M),
		cmocka_unit_test(test_arm64_512M),
		cmocka_unit_test(test_arm64_1G_crashkernel_cma),
		cmocka_unit_test(test_arm64_2G_numa2),
		cmocka_unit_test(test_x86_512M),
		cmocka_unit_test(test_x86_4G),
		cmocka_unit_test(test_x86_2G_numa2_uneven),
		cmocka_unit_test(test_x86_1G_memmap),
		cmocka_unit_test(test_x86_ovmf_1G),
		cmocka_unit_test(test_x86_memmap130_double),
		cmocka_unit_test(test_x86_movable_node),
		cmocka_unit_test(test_arm64_efi),
		cmocka_unit_test(test_efidebug),
	};
	logs_dir = argc > 1 ? argv[1] : "../shared/logs";
	return cmocka_run_group_tests(tests, NULL, NULL);
}
