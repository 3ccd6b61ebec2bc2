/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * machine.c - the built-in machines (in the description-file format of
 * docs/boot.md) and loading a machine from a name, a DTB or a text file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "machine_dtb.h"

/*
 * vexpress-a9: the seed's board and kernel (4.x, memblock=debug log in
 * shared/seed): 128 MiB at 0x60000000, kernel image [0x60100000-0x60a96fb3],
 * page directory [0x60004000-0x60007fff], DTB at 0x64000000 reserved with
 * 0xc14a bytes (the size the seed's dump shows), 32-byte struct page
 * (alloc_node_mem_map asks 1048576 bytes for 32768 pages), 4 possible CPUs
 * (the seed's first percpu chunk is 4 units of 64 KiB), no CMA.
 */
static const char vexpress_a9[] = "name vexpress-a9\n"
				  "arch arm32\n"
				  "style 4\n"
				  "struct-page 32\n"
				  "cpus 4\n"
				  "ram 0x60000000 128M\n"
				  "dtb shared:arm__vexpress-v2p-ca9\n"
				  "dtb-at 0x64000000\n"
				  "dtb-size 0xc14a\n"
				  "dtb-set-memory yes\n"
				  "kernel 0x60100000 0x996fb4\n"
				  "pgdir 0x60004000 0x4000\n"
				  "cma 0\n"
				  "cmdline console=ttyAMA0 memblock=debug\n";

/*
 * vexpress-a9-6.1: the same board under Debian's 6.1 armmp kernel
 * (shared/logs/arm_vexpress_128M.log): kernel [0x60300000-0x61607587],
 * pgdir [0x60204000-0x60207fff], DTB of QEMU's size rule (file + 10000) * 2,
 * CMA 16 MiB, 36-byte struct page, Memory: line section sizes of that log.
 */
static const char vexpress_a9_61[] =
	"name vexpress-a9-6.1\n"
	"arch arm32\n"
	"style 6\n"
	"cpus 4\n"
	"ram 0x60000000 128M\n"
	"dtb shared:arm__vexpress-v2p-ca9\n"
	"dtb-at 0x64000000\n"
	"dtb-size qemu\n"
	"dtb-set-memory yes\n"
	"kernel 0x60300000 0x1307588\n"
	"pgdir 0x60204000 0x4000\n"
	"cma 16M\n"
	"kernel-sizes 11264 1700 3732 2048 377\n"
	"cmdline console=ttyAMA0 memblock=debug panic=-1 loglevel=8\n";

/* virt-arm64: QEMU -M virt -m 512M with the DTB QEMU generated
 * (shared/logs/arm64_virt_512M_smp1.log): kernel [0x40210000-0x4220ffff],
 * QEMU's 1 MiB device-tree buffer at 0x48000000, CMA 64 MiB, the
 * unflattened tree's size of that log (39868 bytes). */
static const char virt_arm64[] =
	"name virt-arm64\n"
	"arch arm64\n"
	"style 6\n"
	"cpus 1\n"
	"ram 0x40000000 512M\n"
	"dtb shared:qemu__arm64_virt_512M_smp1\n"
	"dtb-at 0x48000000\n"
	"dtb-size 0x100000\n"
	"kernel 0x40210000 0x2000000\n"
	"cma 64M\n"
	"dt-unflatten 39868\n"
	"kernel-sizes 13248 2806 9504 6464 627\n"
	"cmdline memblock=debug earlycon=pl011,0x9000000 console=ttyAMA0 "
	"panic=-1 loglevel=8\n";

/* pc-x86_64: QEMU's SeaBIOS e820 map for -m 512M (shared/logs/x86_512M.log
 * BIOS-e820 lines), that log's kernel image [0xd200000-0x10610fff], its
 * MP-table and ACPI table reservations (lines 30-32, 60-70). */
static const char pc_x86_64[] =
	"name pc-x86_64\n"
	"arch x86_64\n"
	"style 6\n"
	"cpus 2\n"
	"e820 0x0000000000000000 0x9fc00 usable\n"
	"e820 0x000000000009fc00 0x400 reserved\n"
	"e820 0x00000000000f0000 0x10000 reserved\n"
	"e820 0x0000000000100000 0x1fee0000 usable\n"
	"e820 0x000000001ffe0000 0x20000 reserved\n"
	"e820 0x00000000fffc0000 0x40000 reserved\n"
	"e820 0x000000fd00000000 0x300000000 reserved\n"
	"reserve-early 0xf5ba0 0x10 mptable smp_scan_config+0xa7/0xff\n"
	"reserve-early 0xf5bb0 0xd0 mptable smp_scan_config+0xbe/0xff\n"
	"reserve-early 0x10600000 0x11000 kernel setup_arch+0x797/0xd4f\n"
	"reserve 0x1ffe19df 0x74 acpi-FACP\n"
	"reserve 0x1ffe0040 0x199f acpi-DSDT\n"
	"reserve 0x1ffe0000 0x40 acpi-FACS\n"
	"reserve 0x1ffe1a53 0x80 acpi-APIC\n"
	"reserve 0x1ffe1ad3 0x38 acpi-HPET\n"
	"reserve 0x1ffe1b0b 0x28 acpi-WAET\n"
	"kernel 0xd200000 0x3411000\n"
	"kernel-sizes 14343 2338 9132 2824 17344\n"
	"cmdline console=ttyS0 memblock=debug panic=-1 loglevel=8\n";

static const struct {
	const char *name, *text;
} builtins[] = {
	{"vexpress-a9", vexpress_a9},
	{"vexpress-a9-6.1", vexpress_a9_61},
	{"virt-arm64", virt_arm64},
	{"pc-x86_64", pc_x86_64},
};

#define N_BUILTIN (sizeof(builtins) / sizeof(builtins[0]))

const char *const *bm_machine_names(void)
{
	static const char *names[N_BUILTIN + 1];

	for (size_t i = 0; i < N_BUILTIN; i++)
		names[i] = builtins[i].name;
	return names;
}

static char *read_all(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (n + 4096 + 1 > cap) {
			char *nb;

			cap = cap ? cap * 2 : 65536;
			if (cap > (64u << 20)) {
				snprintf(err, errlen, "%s: file too large",
					 path);
				break;
			}
			nb = realloc(buf, cap);
			if (!nb) {
				snprintf(err, errlen, "%s: out of memory",
					 path);
				break;
			}
			buf = nb;
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);

		n += got;
		if (got == 0) {
			fclose(f);
			buf[n] = '\0';
			*len = n;
			return buf;
		}
	}
	fclose(f);
	free(buf);
	return NULL;
}

int bm_machine_load(const char *what, struct bm_machine *m, char *err,
		    size_t errlen)
{
	size_t len = 0;
	char *buf;
	int rc;

	for (size_t i = 0; i < N_BUILTIN; i++)
		if (!strcmp(what, builtins[i].name))
			return bm_machine_parse(builtins[i].text,
						strlen(builtins[i].text), m,
						err, errlen);
	buf = read_all(what, &len, err, errlen);
	if (!buf) {
		if (!strchr(what, '/') && !strchr(what, '.')) {
			snprintf(err, errlen,
				 "unknown machine '%s' (built-in: "
				 "vexpress-a9, vexpress-a9-6.1, virt-arm64, "
				 "pc-x86_64; or a .dtb / description file)",
				 what);
		}
		return -1;
	}
	if (len >= 4 && (unsigned char)buf[0] == 0xd0 &&
	    (unsigned char)buf[1] == 0x0d && (unsigned char)buf[2] == 0xfe &&
	    (unsigned char)buf[3] == 0xed)
		rc = bm_machine_from_dtb(what, buf, len, m, err, errlen);
	else
		rc = bm_machine_parse(buf, len, m, err, errlen);
	free(buf);
	return rc;
}
