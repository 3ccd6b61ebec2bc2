/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arm64 virt kernel: x0 holds the DTB QEMU generated (or the one given with
 * -dtb, with /memory replaced by QEMU). Memory, reservations and NUMA
 * nodes come from it through the library's device-tree front end.
 */
#include "boot.h"

#include "dtb.h"
#include <libfdt.h>
#include <memblock/linux.h>

void arm64_main(uint64_t x0);
void arm64_use_psci(const char *method);

/* Does @s contain @word? (No libc strstr here.) */
static bool strstr_simple(const char *s, const char *word)
{
	for (; *s; s++) {
		size_t i = 0;

		while (word[i] && s[i] == word[i])
			i++;
		if (!word[i])
			return true;
	}
	return false;
}

static struct mb_fdt dt;
static struct mb_cmdline cl;

void arm64_main(uint64_t x0)
{
	const void *blob = (const void *)(uintptr_t)x0;
	struct kernel_layout k;
	size_t size = dtb_size(blob);
	int err = -MB_EINVAL;

	boot_layout(&k);
	kprintf("baremetal: arch arm64 board virt x0 0x%llx\n",
		(unsigned long long)x0);
	boot_print_layout(&k);
	/* The instance is the Linux face's global `memblock` (its arrays
	 * hold 128 regions each, as SETUP_REGIONS). */
	memblock_linux_setup(setup_profile(SETUP_ARM64), boot_env());
	if (size) {
		kprintf("baremetal: input dtb 0x%llx size 0x%x fnv 0x%x\n",
			(unsigned long long)x0, (unsigned)size,
			(unsigned)dtb_fnv1a(blob, size));
		err = setup_from_dt(&memblock, &dt, SETUP_ARM64, blob, size, x0,
				    &k, &cl);
		if (err == 0 && dt.chosen.bootargs &&
		    strstr_simple(dt.chosen.bootargs, "baremetal.exit=psci"))
			arm64_use_psci(fdt_getprop(
				blob, fdt_path_offset(blob, "/psci"), "method",
				NULL));
	} else {
		kprintf("baremetal: no device tree in x0\n");
	}
	boot_run(&memblock, err);
}
