/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mb_format_event and mb__trace: every expected line is copied from a real
 * log (file:line given) or from the seed's 4.x log.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <memblock/memblock.h>

#include "trace.h"

static struct memblock make(const struct mb_profile *p,
			    enum mb_trace_style style)
{
	struct memblock mb;

	memset(&mb, 0, sizeof(mb));
	mb.profile = *p;
	mb.style = style;
	return mb;
}

static void check(const struct memblock *mb, const struct mb_event *ev,
		  const char *want)
{
	char buf[256];
	size_t n = mb_format_event(mb, ev, buf, sizeof(buf));

	assert_string_equal(buf, want);
	assert_int_equal(n, strlen(want));
}

#define SYM(s) .caller_kind = MB_CALLER_SYMBOL, .caller_sym = (s)

static void test_arm32_61(void **state)
{
	struct memblock mb = make(&mb_profile_arm32, MB_STYLE_LINUX_6);
	(void)state;

	/* arm_vexpress_128M.log:31 — 0x61607587 - 0x60300000 + 1 = 0x1307588 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x60300000,
				 .size = 0x1307588,
				 SYM("arm_memblock_init+0x30/0x74")},
	      "memblock_reserve: [0x60300000-0x61607587] "
	      "arm_memblock_init+0x30/0x74");
	/* :46 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ALLOC_TRY_NID,
				 .size = 40,
				 .align = 4,
				 .nid = -1,
				 SYM("iotable_init+0x40/0xf4")},
	      "memblock_alloc_try_nid: 40 bytes align=0x4 nid=-1 "
	      "from=0x00000000 max_addr=0x00000000 iotable_init+0x40/0xf4");
	/* :47 — the allocation's own reserve: 40 bytes ending at 0x66ffffff */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x66ffffd8,
				 .size = 40,
				 .caller_kind = MB_CALLER_ALLOC_RANGE},
	      "memblock_reserve: [0x66ffffd8-0x66ffffff] "
	      "memblock_alloc_range_nid+0xd0/0x168");
	/* :84 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ALLOC_TRY_NID_RAW,
				 .size = 1179648,
				 .align = 0x40,
				 .nid = 0,
				 SYM("free_area_init+0x948/0xe20")},
	      "memblock_alloc_try_nid_raw: 1179648 bytes align=0x40 nid=0 "
	      "from=0x00000000 max_addr=0x00000000 free_area_init+0x948/0xe20");
	/* :113 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ALLOC_TRY_NID,
				 .size = 294912,
				 .align = 0x1000,
				 .nid = -1,
				 .min = 0x9fffffff,
				 SYM("pcpu_embed_first_chunk+0x684/0x884")},
	      "memblock_alloc_try_nid: 294912 bytes align=0x1000 nid=-1 "
	      "from=0x9fffffff max_addr=0x00000000 "
	      "pcpu_embed_first_chunk+0x684/0x884");
	/* :115 — size 0: end = base - 1 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_PHYS_FREE,
				 .base = 0x66e8f000,
				 .size = 0,
				 SYM("pcpu_embed_first_chunk+0x780/0x884")},
	      "memblock_phys_free: [0x66e8f000-0x66e8efff] "
	      "pcpu_embed_first_chunk+0x780/0x884");
	/* a caller-set allocator symbol wins over the table */
	mb.alloc_caller_sym = "my_alloc+0x1/0x2";
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x1000,
				 .size = 0x1000,
				 .caller_kind = MB_CALLER_ALLOC_RANGE},
	      "memblock_reserve: [0x00001000-0x00001fff] my_alloc+0x1/0x2");
}

static void test_x86_64(void **state)
{
	struct memblock mb = make(&mb_profile_x86_64, MB_STYLE_LINUX_6);
	(void)state;

	/* x86_512M.log:44 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_PHYS_ALLOC_RANGE,
				 .size = 28672,
				 .align = 0x1000,
				 .min = 0,
				 .max = 0x100000,
				 SYM("reserve_real_mode+0x50/0x89")},
	      "memblock_phys_alloc_range: 28672 bytes align=0x1000 "
	      "from=0x0000000000000000 max_addr=0x0000000000100000 "
	      "reserve_real_mode+0x50/0x89");
	/* :45 — 0x9efff - 0x98000 + 1 = 0x7000 = 28672 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x98000,
				 .size = 0x7000,
				 .caller_kind = MB_CALLER_ALLOC_RANGE},
	      "memblock_reserve: [0x0000000000098000-0x000000000009efff] "
	      "memblock_alloc_range_nid+0xb0/0x13d");
	/* 4.x-only kind in 6.x style: VIRT_ALLOC behaves as ALLOC_RANGE */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x98000,
				 .size = 0x7000,
				 .caller_kind = MB_CALLER_VIRT_ALLOC},
	      "memblock_reserve: [0x0000000000098000-0x000000000009efff] "
	      "memblock_alloc_range_nid+0xb0/0x13d");
	/* x86_2G_numa2_uneven.log (exact_nid_raw, sparse_init_nid) */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ALLOC_EXACT_NID_RAW,
				 .size = 16777216,
				 .align = 0x200000,
				 .nid = 1,
				 .min = 0x1000000,
				 SYM("sparse_init_nid+0x11f/0x34d")},
	      "memblock_alloc_exact_nid_raw: 16777216 bytes align=0x200000 "
	      "nid=1 from=0x0000000001000000 max_addr=0x0000000000000000 "
	      "sparse_init_nid+0x11f/0x34d");
	/* x86_1G_memmap130_double.log:432 — 256 entries * 24 bytes = 0x1800 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_DOUBLED,
				 .name = "memory",
				 .base = 0x9d000,
				 .size = 0x1800,
				 .old_max = 128,
				 .new_max = 256},
	      "memblock: memory is doubled to 256 at "
	      "[0x000000000009d000-0x000000000009e7ff]");
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_DOUBLE_FAILED,
				 .name = "reserved",
				 .old_max = 128,
				 .new_max = 256},
	      "memblock: Failed to double reserved array from 128 to 256 "
	      "entries !");
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ADD_NODE,
				 .base = 0x100000000,
				 .size = 0x40000000,
				 .nid = 1,
				 .flags = 1,
				 SYM("acpi_numa+0x1/0x2")},
	      "memblock_add_node: [0x0000000100000000-0x000000013fffffff] "
	      "nid=1 flags=1 acpi_numa+0x1/0x2");
	check(&mb, &(struct mb_event){.kind = MB_EV_MESSAGE, .name = "hello 1"},
	      "hello 1");
}

static void test_arm64(void **state)
{
	struct memblock mb = make(&mb_profile_arm64, MB_STYLE_LINUX_6);
	(void)state;

	/* arm64_virt_512M_smp1.log:8 — size (u64)-1 from 1<<48 wraps to
	 * end = base - 2 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_REMOVE,
				 .base = 0x0001000000000000ULL,
				 .size = ~0ULL,
				 SYM("arm64_memblock_init+0x38/0x260")},
	      "memblock_remove: [0x0001000000000000-0x0000fffffffffffe] "
	      "arm64_memblock_init+0x38/0x260");
	/* arm64_virt_efi_1G_smp2.log:24 */
	check(&mb,
	      &(struct mb_event){
		      .kind = MB_EV_ADD,
		      .base = 0x40000000,
		      .size = 0x4000000,
		      SYM("early_init_dt_add_memory_arch+0x5c/0x68")},
	      "memblock_add: [0x0000000040000000-0x0000000043ffffff] "
	      "early_init_dt_add_memory_arch+0x5c/0x68");
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x40000000,
				 .size = 0x1000,
				 .caller_kind = MB_CALLER_ALLOC_RANGE},
	      "memblock_reserve: [0x0000000040000000-0x0000000040000fff] "
	      "memblock_alloc_range_nid+0xe8/0x17c");
}

static void test_linux4_names(void **state)
{
	struct memblock mb = make(&mb_profile_arm32, MB_STYLE_LINUX_4);
	(void)state;

	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ALLOC_TRY_NID,
				 .size = 32,
				 .nid = -1,
				 SYM("setup_arch+0x814/0xb8c")},
	      "memblock_virt_alloc_try_nid: 32 bytes align=0x0 nid=-1 from=0x0 "
	      "max_addr=0x0 setup_arch+0x814/0xb8c");
	/* seed: "memblock_virt_alloc_try_nid_nopanic: 1048576 ..." */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ALLOC_TRY_NID,
				 .nopanic = true,
				 .size = 1048576,
				 .nid = 0,
				 SYM("alloc_node_mem_map+0x68/0xc0")},
	      "memblock_virt_alloc_try_nid_nopanic: 1048576 bytes align=0x0 "
	      "nid=0 from=0x0 max_addr=0x0 alloc_node_mem_map+0x68/0xc0");
	/* seed: 0x67ff8fff - 0x67ef9000 + 1 = 0x100000 */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x67ef9000,
				 .size = 0x100000,
				 .caller_kind = MB_CALLER_VIRT_ALLOC},
	      "memblock_reserve: [0x67ef9000-0x67ff8fff] "
	      "memblock_virt_alloc_internal+0xec/0x1cc");
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_ALLOC_TRY_NID,
				 .nopanic = true,
				 .size = 262144,
				 .align = 0x1000,
				 .nid = -1,
				 .min = 0xdfffffff,
				 SYM("pcpu_dfl_fc_alloc+0x24/0x2c")},
	      "memblock_virt_alloc_try_nid_nopanic: 262144 bytes align=0x1000 "
	      "nid=-1 from=0xdfffffff max_addr=0x0 "
	      "pcpu_dfl_fc_alloc+0x24/0x2c");
	/* seed: 4.x frees print %#016llx whatever the width */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_PHYS_FREE,
				 .base = 0x67ebc000,
				 .size = 0,
				 SYM("pcpu_dfl_fc_free+0xc/0x10")},
	      "__memblock_free_early: [0x00000067ebc000-0x00000067ebbfff] "
	      "pcpu_dfl_fc_free+0xc/0x10");
	/* seed: the range allocator's reserve in 4.x */
	check(&mb,
	      &(struct mb_event){.kind = MB_EV_RESERVE,
				 .base = 0x67ffe000,
				 .size = 0x2000,
				 .caller_kind = MB_CALLER_ALLOC_RANGE},
	      "memblock_reserve: [0x67ffe000-0x67ffffff] "
	      "memblock_alloc_range_nid+0x44/0x5c");
}

static bool fake_symbolize(void *ctx, uintptr_t addr, char *buf, size_t len)
{
	(void)ctx;
	if (addr != 0xc0101234)
		return false;
	snprintf(buf, len, "setup_arch+0x34/0x100");
	return true;
}

static void test_caller_addr(void **state)
{
	struct memblock mb = make(&mb_profile_arm32, MB_STYLE_LINUX_6);
	struct mb_event ev = {.kind = MB_EV_ADD,
			      .base = 0x60000000,
			      .size = 0x8000000,
			      .caller_kind = MB_CALLER_ADDR,
			      .caller = 0xc0101234};
	(void)state;

	check(&mb, &ev, "memblock_add: [0x60000000-0x67ffffff] 0xc0101234");
	mb.env.symbolize = fake_symbolize;
	check(&mb, &ev,
	      "memblock_add: [0x60000000-0x67ffffff] setup_arch+0x34/0x100");
	ev.caller = 0x10; /* the hook declines: fall back to hex */
	check(&mb, &ev, "memblock_add: [0x60000000-0x67ffffff] 0x10");
}

static void test_truncated_buffer(void **state)
{
	struct memblock mb = make(&mb_profile_arm32, MB_STYLE_LINUX_6);
	struct mb_event ev = {.kind = MB_EV_MESSAGE, .name = "0123456789"};
	char buf[5];
	(void)state;

	assert_int_equal(mb_format_event(&mb, &ev, buf, sizeof(buf)), 4);
	assert_string_equal(buf, "0123");
}

/* ---- mb__trace: override, event hook, debug gating ---- */
struct sink {
	int events;
	int lines;
	char last[256];
	const char *last_sym;
};

static void on_event(void *ctx, const struct mb_event *ev)
{
	struct sink *s = ctx;

	s->events++;
	s->last_sym = ev->caller_sym;
}

static void on_print(void *ctx, const char *line)
{
	struct sink *s = ctx;

	s->lines++;
	snprintf(s->last, sizeof(s->last), "%s", line);
}

static void test_trace_dispatch(void **state)
{
	struct sink s = {0};
	struct memblock mb = make(&mb_profile_arm32, MB_STYLE_LINUX_6);
	struct mb_event ev = {.kind = MB_EV_RESERVE,
			      .base = 0x60204000,
			      .size = 0x4000,
			      .caller_kind = MB_CALLER_ADDR,
			      .caller = 0x1};
	(void)state;

	mb.env.ctx = &s;
	mb.env.event = on_event;
	mb.env.print = on_print;

	mb__trace(&mb, &ev); /* debug off: event only */
	assert_int_equal(s.events, 1);
	assert_int_equal(s.lines, 0);

	mb_set_debug(&mb, true);
	mb_set_next_caller(&mb, "arm_memblock_init+0x38/0x74");
	ev.caller_kind = MB_CALLER_ADDR;
	mb__trace(&mb, &ev);
	assert_int_equal(s.events, 2);
	assert_int_equal(s.lines, 1);
	assert_string_equal(s.last_sym, "arm_memblock_init+0x38/0x74");
	/* arm_vexpress_128M.log:32 */
	assert_string_equal(s.last, "memblock_reserve: [0x60204000-0x60207fff] "
				    "arm_memblock_init+0x38/0x74");
	assert_null(mb.next_caller_sym); /* one-shot */

	/* the override is not applied to an allocator's own reserve */
	mb_set_next_caller(&mb, "x+0x1/0x2");
	struct mb_event r = {.kind = MB_EV_RESERVE,
			     .base = 0x66ffe000,
			     .size = 0x1000,
			     .caller_kind = MB_CALLER_ALLOC_RANGE};
	mb__trace(&mb, &r);
	assert_string_equal(s.last, "memblock_reserve: [0x66ffe000-0x66ffefff] "
				    "memblock_alloc_range_nid+0xd0/0x168");
	assert_non_null(mb.next_caller_sym);

	/* pr_err / kernel messages print without memblock=debug */
	mb_set_debug(&mb, false);
	struct mb_event msg = {.kind = MB_EV_MESSAGE, .name = "Memory: x"};
	mb__trace(&mb, &msg);
	assert_string_equal(s.last, "Memory: x");
	assert_int_equal(s.lines, 3);

	/* mb_printf goes to env.print */
	mb_printf(&mb, "%s=%d", "n", 7);
	assert_string_equal(s.last, "n=7");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arm32_61),
		cmocka_unit_test(test_x86_64),
		cmocka_unit_test(test_arm64),
		cmocka_unit_test(test_linux4_names),
		cmocka_unit_test(test_caller_addr),
		cmocka_unit_test(test_truncated_buffer),
		cmocka_unit_test(test_trace_dispatch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
