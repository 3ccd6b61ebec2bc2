/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fwdt_logs_boots.c - the real boots that more than one test program runs
 * (step by step in test_fwdt_logs_shared/corpus.c, through mb_fdt_boot_*
 * in test_fwdt_logs_boot.c), described once.
 */
#include "fwdt_logs_fixture.h"

const struct boot fx_boot_vexpress_128M = {
	.log = "arm_vexpress_128M.log",
	.dtb = "arm__vexpress-v2p-ca9",
	.profile = &mb_profile_arm32,
	.dtb_phys = 0x64000000,
	.ram = MiB(128),
	.bootargs = "console=ttyAMA0 memblock=debug panic=-1 loglevel=8",
	.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
	.cma_limit = 0xffffffff,
};

const struct boot fx_boot_vexpress_mem256M_cma = {
	.log = "arm_vexpress_512M_mem256M_cma.log",
	.dtb = "arm__vexpress-v2p-ca9",
	.profile = &mb_profile_arm32,
	.dtb_phys = 0x68000000,
	.ram = MiB(512),
	.bootargs = "memblock=debug console=ttyAMA0 panic=-1 loglevel=8 "
		    "mem=256M cma=32M",
	.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
	.cma_limit = 0xffffffff,
};

const struct boot fx_boot_vexpress_256M_cma12M = {
	.log = "corpus/arm_vexpress_256M_cma12M.log",
	.dtb = "arm__vexpress-v2p-ca9",
	.profile = &mb_profile_arm32,
	.dtb_phys = 0x68000000,
	.ram = MiB(256),
	.bootargs = "memblock=debug console=ttyAMA0 panic=-1 "
		    "loglevel=8 cma=12M",
	.cma_default = MB_CMA_DEFAULT_SIZE_ARM32,
	.cma_limit = 0xffffffff,
};

const struct boot fx_boot_arm64_numa2 = {
	.log = "arm64_virt_2G_numa2.log",
	.dtb = "qemu__arm64_virt_2G_numa2",
	.profile = &mb_profile_arm64,
	.dtb_total = 0x100000,
	.dtb_phys = 0x48000000,
	.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
	.cma_limit = GiB(4),
	.arm64 = true,
};

const struct boot fx_boot_arm64_crashkernel_cma = {
	.log = "arm64_virt_1G_crashkernel_cma.log",
	.dtb = "qemu__arm64_virt_1G_crashkernel_cma",
	.profile = &mb_profile_arm64,
	.dtb_total = 0x100000,
	.dtb_phys = 0x48000000,
	.cma_default = MB_CMA_DEFAULT_SIZE_ARM64,
	.cma_limit = GiB(4),
	.arm64 = true,
};
