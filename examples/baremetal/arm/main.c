/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vexpress-a9 kernel: r2 holds a DTB (QEMU -dtb) or the ATAG list QEMU
 * builds at RAM + 0x100. Either becomes memblock tables through the
 * library's front end, then the shared boot flow runs.
 */
#include "boot.h"

#include "dtb.h"
#include <memblock/linux.h>

#include <string.h>

void arm_main(uint32_t r0, uint32_t machine, uint32_t r2);

static struct mb_fdt dt;
static struct mb_cmdline cl;
/* ATAGs and the command line are copied before memory is handed out. */
static unsigned char atags[4096];
static char cmdline[1024];

/* Length of the ATAG list at @p up to and including ATAG_NONE. */
static size_t atag_list_len(const unsigned char *p, size_t max)
{
	size_t off = 0;

	while (off + 8 <= max) {
		uint32_t words, tag;

		memcpy(&words, p + off, 4);
		memcpy(&tag, p + off + 4, 4);
		if (tag == 0 || words < 2 || words * 4 > max - off)
			return off + 8 <= max ? off + 8 : off;
		off += words * 4;
	}
	return off;
}

void arm_main(uint32_t r0, uint32_t machine, uint32_t r2)
{
	const void *handoff = (const void *)(uintptr_t)r2;
	struct kernel_layout k;
	size_t size = dtb_size(handoff);
	int err;

	(void)r0;
	boot_layout(&k);
	kprintf("baremetal: arch arm32 board vexpress-a9 machine 0x%x r2 "
		"0x%x\n",
		(unsigned)machine, (unsigned)r2);
	boot_print_layout(&k);
	/* The instance is the Linux face's global `memblock` (its arrays
	 * hold 128 regions each, as SETUP_REGIONS). */
	memblock_linux_setup(setup_profile(SETUP_ARM32), boot_env());
	if (size) {
		kprintf("baremetal: input dtb 0x%x size 0x%x fnv 0x%x\n",
			(unsigned)r2, (unsigned)size,
			(unsigned)dtb_fnv1a(handoff, size));
		err = setup_from_dt(&memblock, &dt, SETUP_ARM32, handoff, size,
				    r2, &k, &cl);
	} else {
		size_t len = atag_list_len(handoff, sizeof(atags));

		memcpy(atags, handoff, len);
		print_hex("atags", atags, len);
		err = setup_from_atags(&memblock, atags, len, &k, &cl, cmdline,
				       sizeof(cmdline));
	}
	boot_run(&memblock, err);
}
