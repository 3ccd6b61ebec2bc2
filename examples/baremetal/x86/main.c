/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 multiboot 1 kernel: the boot loader's memory map (e820 types) and
 * command line become memblock tables, then the shared boot flow runs.
 */
#include "boot.h"

#include <memblock/linux.h>

#include <memblock/firmware/multiboot.h>

#include <string.h>

void x86_main(uint32_t magic, uint32_t mbi);

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002u
#define MBI_FLAG_CMDLINE	   (1u << 2)

static struct mb_cmdline cl;
/* The map and the command line are copied before memory is handed out. */
static unsigned char mmap[2048];
static char cmdline[1024];

static uint32_t mbi_word(uint32_t mbi, unsigned off)
{
	uint32_t v;

	memcpy(&v, (const void *)(uintptr_t)(mbi + off), 4);
	return v;
}

void x86_main(uint32_t magic, uint32_t mbi)
{
	struct kernel_layout k;
	struct mb_multiboot1_info mi;
	unsigned char info[MB_MULTIBOOT1_INFO_MIN_SIZE];
	uint32_t mmap_len = 0;
	int err = -MB_EINVAL;

	boot_layout(&k);
	kprintf("baremetal: arch x86 board pc magic 0x%x mbi 0x%x\n",
		(unsigned)magic, (unsigned)mbi);
	boot_print_layout(&k);
	/* The instance is the Linux face's global `memblock` (its arrays
	 * hold 128 regions each, as SETUP_REGIONS). */
	memblock_linux_setup(setup_profile(SETUP_X86), boot_env());
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
		kprintf("baremetal: not started by a multiboot loader\n");
		boot_run(&memblock, err);
	}
	/* The info block's memory fields through the multiboot front end;
	 * the command line (flag bit 2, offset 16) is read here. */
	memcpy(info, (const void *)(uintptr_t)mbi, sizeof(info));
	err = mb_multiboot1_parse_info(info, sizeof(info), &mi);
	if (err) {
		kprintf("baremetal: bad multiboot information\n");
		boot_run(&memblock, err);
	}
	if (mi.flags & MBI_FLAG_CMDLINE) {
		const char *s = (const char *)(uintptr_t)mbi_word(mbi, 16);
		size_t n = strnlen(s, sizeof(cmdline) - 1);

		memcpy(cmdline, s, n);
		cmdline[n] = '\0';
	}
	if (mi.flags & MB_MULTIBOOT1_INFO_MEM_MAP) {
		mmap_len = mi.mmap_length;
		if (mmap_len > sizeof(mmap))
			mmap_len = sizeof(mmap);
		memcpy(mmap, (const void *)(uintptr_t)mi.mmap_addr, mmap_len);
	}
	print_hex("cmdline", cmdline, strlen(cmdline));
	print_hex("mmap", mmap, mmap_len);
	err = setup_from_multiboot_mmap(&memblock, mmap, mmap_len, cmdline, &k,
					&cl);
	boot_run(&memblock, err);
}
