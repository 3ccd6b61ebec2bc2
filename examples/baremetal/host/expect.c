/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * expect - the host side of the QEMU tests: replay a bare-metal kernel's
 * firmware registration on the host, with the same library and the same
 * input, and print the memblock dump the kernel must have printed.
 *
 *   expect UART.log [DTB]
 *
 * The kernel's UART log names the architecture, its own layout and its
 * input ("baremetal: input ..." lines: the ATAG list or the multiboot map
 * and command line in hex; for device-tree boots the blob's address, size
 * and FNV-1a hash, the blob itself coming from QEMU's -machine dumpdtb=).
 * Output: the trace and messages of the registration (memblock=debug
 * comes from the same command line), "baremetal: dump firmware", then the
 * dump.
 * Exit status: 0 dump printed; 1 registration failed; 2 bad input (log
 * without the lines, DTB whose hash differs from the one the kernel saw).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtb.h"
#include "setup.h"

static void print_line(void *ctx, const char *line)
{
	(void)ctx;
	printf("%s\n", line);
}

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

/* Append the hex digits of @hex to @buf (capacity @cap) at *@len. */
static void append_hex(unsigned char *buf, size_t cap, size_t *len,
		       const char *hex)
{
	while (hex[0] && hex[1] && *len < cap) {
		unsigned v;

		if (sscanf(hex, "%2x", &v) != 1)
			break;
		buf[(*len)++] = (unsigned char)v;
		hex += 2;
	}
}

struct input {
	char arch[16];
	struct kernel_layout k;
	bool have_layout, have_dtb;
	unsigned long long dtb_phys;
	unsigned dtb_size, dtb_fnv;
	unsigned char atags[8192], mmap[8192];
	char cmdline[2048];
	size_t atags_len, mmap_len, cmdline_len;
};

static void parse_log(FILE *f, struct input *in)
{
	char line[4096], hex[4096];
	unsigned long long a, b, c, d, e;

	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (sscanf(line, "baremetal: arch %15s", in->arch) == 1)
			continue;
		if (sscanf(line,
			   "baremetal: layout image %llx %llx stack %llx %llx "
			   "phys_offset %llx",
			   &a, &b, &c, &d, &e) == 5) {
			in->k = (struct kernel_layout){a, b, c, d, e};
			in->have_layout = true;
		} else if (sscanf(line,
				  "baremetal: input dtb %llx size %x fnv %x",
				  &in->dtb_phys, &in->dtb_size,
				  &in->dtb_fnv) == 3) {
			in->have_dtb = true;
		} else if (sscanf(line, "baremetal: input atags %4095s", hex) ==
			   1) {
			append_hex(in->atags, sizeof(in->atags), &in->atags_len,
				   hex);
		} else if (sscanf(line, "baremetal: input mmap %4095s", hex) ==
			   1) {
			append_hex(in->mmap, sizeof(in->mmap), &in->mmap_len,
				   hex);
		} else if (sscanf(line, "baremetal: input cmdline %4095s",
				  hex) == 1) {
			append_hex((unsigned char *)in->cmdline,
				   sizeof(in->cmdline) - 1, &in->cmdline_len,
				   hex);
		}
	}
}

int main(int argc, char **argv)
{
	static struct input in;
	static struct memblock mb;
	static struct memblock_region memory[SETUP_REGIONS],
		reserved[SETUP_REGIONS];
	static struct mb_fdt dt;
	static char cmdline[2048];
	struct mb_cmdline cl;
	struct mb_env env = {.print = print_line};
	enum setup_arch arch;
	FILE *f;
	int err;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: expect UART.log [DTB]\n");
		return 2;
	}
	f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	parse_log(f, &in);
	fclose(f);
	if (!in.have_layout || !in.arch[0]) {
		fprintf(stderr, "expect: %s has no arch/layout lines\n",
			argv[1]);
		return 2;
	}
	arch = !strcmp(in.arch, "arm32")   ? SETUP_ARM32
	       : !strcmp(in.arch, "arm64") ? SETUP_ARM64
					   : SETUP_X86;
	setup_init(&mb, memory, reserved, arch, &env);

	if (in.have_dtb) {
		size_t len = 0;
		unsigned char *blob =
			argc == 3 ? read_file(argv[2], &len) : NULL;

		if (!blob || len < in.dtb_size ||
		    dtb_fnv1a(blob, in.dtb_size) != in.dtb_fnv) {
			fprintf(stderr,
				"expect: DTB %s is not the blob the kernel "
				"received (size 0x%x fnv 0x%x)\n",
				argc == 3 ? argv[2] : "(none)", in.dtb_size,
				in.dtb_fnv);
			return 2;
		}
		err = setup_from_dt(&mb, &dt, arch, blob, in.dtb_size,
				    in.dtb_phys, &in.k, &cl);
	} else if (in.atags_len) {
		err = setup_from_atags(&mb, in.atags, in.atags_len, &in.k, &cl,
				       cmdline, sizeof(cmdline));
	} else if (in.mmap_len) {
		err = setup_from_multiboot_mmap(&mb, in.mmap, in.mmap_len,
						in.cmdline, &in.k, &cl);
	} else {
		fprintf(stderr, "expect: no firmware input in %s\n", argv[1]);
		return 2;
	}
	if (err) {
		fprintf(stderr, "expect: registration failed: %s\n",
			memblock_strerror(err));
		return 1;
	}
	printf("baremetal: dump firmware\n");
	mb_dump(&mb);
	return 0;
}
