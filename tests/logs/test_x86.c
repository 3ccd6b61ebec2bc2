/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86_512M.log (Linux 6.1 amd64, 512 MiB): from the e820 memory adds
 * (line 33) through the first dump (35-43), the real-mode and page-table
 * allocations, ACPI reservations, NUMA faking, NODE_DATA and the second
 * dump (75-83), and on through every sparse, pcpu and hash-table
 * allocation to the log's last memblock line (218), the core must print
 * exactly the kernel's lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "log_replay.h"

#define LOG MEMBLOCK_SHARED_DIR "/logs/x86_512M.log"

/* What the log cannot show, at the line where it happens. */
static void at_line(struct memblock *mb, int n)
{
	switch (n) {
	case 35:
		/* e820__memblock_setup ends with
		 * memblock_trim_memory(PAGE_SIZE) (untraced): [0x1000, 0x9fc00)
		 * -> [0x1000, 0x9f000); 6.1 leaves total_size 0xc00 too high
		 * (dump: 0x1ff7ec00) */
		mb_trim_memory(mb, 4096);
		break;
	case 50:
		/* after init_mem_mapping: current_limit = top of RAM
		 * (logs/README.md), memory ends at 0x1ffdffff */
		mb_set_current_limit(mb, 0x1ffe0000);
		break;
	case 71:
		/* "Faking a node at [mem 0-0x1ffdffff]": x86 numa init puts
		 * memory and the reservations below the node's end on node 0
		 * (untraced memblock_set_node); the second dump shows it */
		mb_set_node(mb, 0, 0x1ffe0000, &mb->memory, 0);
		mb_set_node(mb, 0, 0x1ffe0000, &mb->reserved, 0);
		break;
	default:
		break;
	}
}

/*
 * Line 72, [0x1ffb5000-0x1ffdffff]: NODE_DATA(0), allocated with
 * memblock_phys_alloc_try_nid(size, SMP_CACHE_BYTES, nid 0), untraced:
 * 0x1ffe0000 - 0x2b000 = 0x1ffb5000.
 */
static void orphan(struct memblock *mb, mb_phys_t base, mb_phys_t size, int n)
{
	mb_phys_t got = mb_phys_alloc_try_nid(mb, size, 64, 0);

	if (got != base)
		printf("line %d: got 0x%llx, log shows 0x%llx\n", n,
		       (unsigned long long)got, (unsigned long long)base);
}

static void test_x86_512M(void **state)
{
	static struct memblock_region mem[128], res[128];
	struct memblock mb;
	struct log log;
	struct mb_env env = log_replay_env();
	struct replay_hooks hooks = {.at_line = at_line, .orphan = orphan};
	(void)state;

	assert_true(log_load(&log, LOG));
	assert_int_equal(mb_init(&mb, &mb_profile_x86_64, &env, mem, 128, res,
				 128, NULL, 0),
			 0);
	/* Reservations made before memblock=debug is parsed, as the first
	 * dump shows them (lines 41-43) minus the traced ones of lines
	 * 30-32: page 0 .. 64K, the BIOS area [0x9f000, 0x100000), and the
	 * kernel image [0xd200000, 0x10600000) (line 32 adds the rest up to
	 * 0x10610fff). */
	mb_reserve(&mb, 0, 0x10000);
	mb_reserve(&mb, 0x9f000, 0x61000);
	mb_reserve(&mb, 0xd200000, 0x3400000);
	/* x86: 1 MiB until the early page tables are mapped */
	mb_set_current_limit(&mb, 0x100000);
	mb_set_debug(&mb, true);

	assert_int_equal(log_replay(&mb, &log, 30, log.count, &hooks), 0);
	assert_int_equal(mb_check(&mb, NULL), 0);
	log_free(&log);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x86_512M),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
