/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree front end against real Linux 6.1 boots (how: see
 * fwdt_logs_fixture.c).
 *
 * This program: the QEMU boots of shared/logs with their shared/dtbs tree.
 */
#include "fwdt_logs_fixture.h"

#include <memblock/firmware/atags.h>
#include <memblock/firmware/cmdline.h>

/* The seed's board at 128 MiB: memory [0x60000000-0x67ffffff] from the
 * rewritten /memory node, DTB at 0x64000000 of (14081 + 10000) * 2 =
 * 0xbc22 bytes: the dump's reserved[0x2] [0x64000000-0x6400bc21]; the
 * vram@4c000000 pool lies outside memory (NOMAP changes nothing) and is
 * announced; CMA 16 MiB at the top of lowmem. */
static void vexpress_128M(void **state)
{
	(void)state;
	run_boot(&fx_boot_vexpress_128M);
}

/* 1 GiB: HighMem from 0x90000000, so CMA goes to the top of HighMem
 * (0x9f000000) rather than below 0x90000000. */
static void vexpress_1G(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm_vexpress_1G_smp4.log",
		.dtb = "arm__vexpress-v2p-ca9",
		.profile = &mb_profile_arm32,
		.dtb_phys = 0x68000000,
		.ram = GiB(1),
		.bootargs =
			"memblock=debug console=ttyAMA0 panic=-1 loglevel=8",
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* mem=256M: the traced memblock_remove of all DRAM and memblock_add of
 * [0x60000000-0x6fffffff]; cma=32M at 0x6e000000. */
static void vexpress_mem256M_cma(void **state)
{
	(void)state;
	run_boot(&fx_boot_vexpress_mem256M_cma);
}

/* QEMU virt (32-bit): its own 1 MiB blob at 0x48000000. */
static void arm_virt_512M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm_virt_512M_smp1.log",
		.dtb = "qemu__arm_virt_512M_smp1",
		.profile = &mb_profile_arm32,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
		.cma_limit = 0xffffffff,
	});
}

/* arm64 virt: the CMA limit is the DMA zone's end, 4 GiB. */
static void arm64_virt_512M(void **state)
{
	(void)state;
	run_boot(&(struct boot){
		.log = "arm64_virt_512M_smp1.log",
		.dtb = "qemu__arm64_virt_512M_smp1",
		.profile = &mb_profile_arm64,
		.dtb_total = 0x100000,
		.dtb_phys = 0x48000000,
		.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
		.cma_limit = GiB(4),
		.arm64 = true,
	});
}

static void arm64_virt_crashkernel_cma(void **state)
{
	(void)state;
	run_boot(&fx_boot_arm64_crashkernel_cma);
}

/* Two memory nodes with numa-node-id: the dump's "on node 0/1". */
static void arm64_virt_numa2(void **state)
{
	(void)state;
	run_boot(&fx_boot_arm64_numa2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vexpress_128M),
		cmocka_unit_test(vexpress_1G),
		cmocka_unit_test(vexpress_mem256M_cma),
		cmocka_unit_test(arm_virt_512M),
		cmocka_unit_test(arm64_virt_512M),
		cmocka_unit_test(arm64_virt_crashkernel_cma),
		cmocka_unit_test(arm64_virt_numa2),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
