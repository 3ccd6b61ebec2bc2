/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * machine_parse.c - the machine description format: one "key value..." per
 * line, '#' starts a comment. docs/boot.md lists every key.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"

bool bm_parse_size(const char *s, mb_phys_t *out)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	if (!s || !*s || *s == '-')
		return false;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (end == s || errno)
		return false;
	switch (*end) {
	case 'k':
	case 'K':
		shift = 10;
		end++;
		break;
	case 'm':
	case 'M':
		shift = 20;
		end++;
		break;
	case 'g':
	case 'G':
		shift = 30;
		end++;
		break;
	case 't':
	case 'T':
		shift = 40;
		end++;
		break;
	default:
		break;
	}
	if (*end)
		return false;
	if (shift && v > (~0ULL >> shift))
		return false;
	*out = (mb_phys_t)v << shift;
	return true;
}

static void reset(struct bm_machine *m)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "custom");
	m->arch = BM_ARM32;
	m->profile = mb_profile_arm32;
	m->style = 6;
	m->cpus = 1;
	m->dtb_size = 0;
	/* arm64: the vmemmap's virtual address that 6.1 prints as the
	 * from= of memmap and per-cpu requests (arm64_virt_512M_smp1.log) */
	m->vmemmap_from = 0xffffe45e80000000ULL;
}

static const struct {
	const char *name;
	unsigned type;
} e820_types[] = {
	{"usable", 1}, {"reserved", 2}, {"acpi", 3},
	{"nvs", 4},    {"unusable", 5}, {"pmem", 7},
};

static bool parse_e820_type(const char *s, unsigned *type)
{
	mb_phys_t v;

	for (size_t i = 0; i < sizeof(e820_types) / sizeof(e820_types[0]); i++)
		if (!strcmp(s, e820_types[i].name)) {
			*type = e820_types[i].type;
			return true;
		}
	if (bm_parse_size(s, &v) && v > 0 && v < 0x100000000ULL) {
		*type = (unsigned)v;
		return true;
	}
	return false;
}

/* "BASE SIZE [rest]" into @r; @rest gets what follows (may be NULL). */
static bool parse_range(char **argv, int argc, struct bm_range *r)
{
	if (argc < 2 || !bm_parse_size(argv[0], &r->base) ||
	    !bm_parse_size(argv[1], &r->size) || r->size == 0 ||
	    r->base + r->size - 1 < r->base)
		return false;
	return true;
}

static int set_arch(struct bm_machine *m, const char *a)
{
	if (!strcmp(a, "arm32") || !strcmp(a, "arm")) {
		m->arch = BM_ARM32;
		m->profile = mb_profile_arm32;
	} else if (!strcmp(a, "arm64") || !strcmp(a, "aarch64")) {
		m->arch = BM_ARM64;
		m->profile = mb_profile_arm64;
	} else if (!strcmp(a, "x86_64") || !strcmp(a, "x86")) {
		m->arch = BM_X86_64;
		m->profile = mb_profile_x86_64;
	} else {
		return -1;
	}
	return 0;
}

/* One line, split into words; returns an error text or NULL. */
static const char *parse_words(struct bm_machine *m, char *line, int argc,
			       char **argv)
{
	const char *k = argv[0];
	mb_phys_t v;
	struct bm_range r = {0};

	argv++;
	argc--;
	if (!strcmp(k, "name") && argc >= 1) {
		snprintf(m->name, sizeof(m->name), "%s", argv[0]);
	} else if (!strcmp(k, "arch") && argc == 1) {
		if (set_arch(m, argv[0]))
			return "arch must be arm32, arm64 or x86_64";
	} else if (!strcmp(k, "style") && argc == 1) {
		if (strcmp(argv[0], "4") && strcmp(argv[0], "6"))
			return "style must be 4 or 6";
		m->style = atoi(argv[0]);
	} else if (!strcmp(k, "struct-page") && argc == 1) {
		if (!bm_parse_size(argv[0], &v) || v < 8 || v > 256)
			return "struct-page must be 8..256";
		m->profile.page_struct_size = (unsigned)v;
	} else if (!strcmp(k, "cpus") && argc == 1) {
		if (!bm_parse_size(argv[0], &v) || v < 1 || v > 64)
			return "cpus must be 1..64";
		m->cpus = (unsigned)v;
	} else if (!strcmp(k, "ram")) {
		if (!parse_range(argv, argc, &r))
			return "ram needs BASE SIZE [node N]";
		if (argc >= 4 && !strcmp(argv[2], "node"))
			r.nid = atoi(argv[3]);
		if (m->nram >= BM_MAX_RANGES)
			return "too many ram lines";
		m->ram[m->nram++] = r;
	} else if (!strcmp(k, "e820")) {
		if (!parse_range(argv, argc, &r) || argc != 3 ||
		    !parse_e820_type(argv[2], &r.type))
			return "e820 needs BASE SIZE TYPE";
		if (m->ne820 >= BM_MAX_RANGES)
			return "too many e820 lines";
		m->e820[m->ne820++] = r;
		if (r.type == 1 && m->nram < BM_MAX_RANGES)
			m->ram[m->nram++] = r;
	} else if (!strcmp(k, "reserve") || !strcmp(k, "reserve-early")) {
		if (!parse_range(argv, argc, &r) || argc > 4)
			return "needs BASE SIZE [LABEL [CALLER]]";
		snprintf(r.label, sizeof(r.label), "%s",
			 argc >= 3 ? argv[2] : "firmware");
		if (argc == 4)
			snprintf(r.caller, sizeof(r.caller), "%s", argv[3]);
		r.early = k[7] == '-';
		if (m->nrsv >= BM_MAX_RANGES)
			return "too many reserve lines";
		m->rsv[m->nrsv++] = r;
	} else if (!strcmp(k, "numa")) {
		if (!parse_range(argv, argc, &r) || argc < 3 || argc > 4 ||
		    !bm_parse_size(argv[2], &v) || v >= BM_MAX_RANGES ||
		    (argc == 4 && strcmp(argv[3], "hotplug")))
			return "numa needs BASE SIZE NODE [hotplug]";
		r.nid = (int)v;
		r.type = argc == 4; /* hotplug */
		if (m->nnuma >= BM_MAX_RANGES)
			return "too many numa lines";
		m->numa[m->nnuma++] = r;
	} else if (!strcmp(k, "node-cpus") && argc == 2) {
		mb_phys_t n;

		if (!bm_parse_size(argv[0], &v) || v >= BM_MAX_RANGES ||
		    !bm_parse_size(argv[1], &n) || n > 64)
			return "node-cpus needs NODE COUNT";
		m->node_cpus[v] = (unsigned)n;
	} else if (!strcmp(k, "kernel") || !strcmp(k, "pgdir") ||
		   !strcmp(k, "initrd")) {
		if (!parse_range(argv, argc, &r) || argc != 2)
			return "needs BASE SIZE";
		if (k[0] == 'k') {
			m->kernel_base = r.base;
			m->kernel_size = r.size;
		} else if (k[0] == 'p') {
			m->pgdir_base = r.base;
			m->pgdir_size = r.size;
		} else {
			m->initrd_base = r.base;
			m->initrd_size = r.size;
		}
	} else if (!strcmp(k, "dtb") && argc == 1) {
		snprintf(m->dtb, sizeof(m->dtb), "%s", argv[0]);
	} else if (!strcmp(k, "atags") && argc == 1) {
		snprintf(m->atags, sizeof(m->atags), "%s", argv[0]);
	} else if (!strcmp(k, "reservations") && argc == 1) {
		if (!strcmp(argv[0], "firmware-only"))
			m->bare = true;
		else if (!strcmp(argv[0], "linux"))
			m->bare = false;
		else
			return "reservations must be linux or firmware-only";
	} else if (!strcmp(k, "dtb-at") && argc == 1) {
		if (!bm_parse_size(argv[0], &m->dtb_phys))
			return "dtb-at needs an address";
	} else if (!strcmp(k, "dtb-size") && argc == 1) {
		if (!strcmp(argv[0], "qemu"))
			m->dtb_size = -1;
		else if (bm_parse_size(argv[0], &v) && v < (1u << 30))
			m->dtb_size = (long long)v;
		else
			return "dtb-size must be a size or 'qemu'";
	} else if (!strcmp(k, "dtb-set-memory") && argc == 1) {
		m->dtb_set_memory = !strcmp(argv[0], "yes");
	} else if (!strcmp(k, "cmdline")) {
		/* the rest of the line, verbatim */
		const char *p = line + strlen("cmdline");

		while (*p == ' ' || *p == '\t')
			p++;
		snprintf(m->cmdline, sizeof(m->cmdline), "%.4000s", p);
	} else if (!strcmp(k, "vmemmap-from") && argc == 1) {
		if (!bm_parse_size(argv[0], &m->vmemmap_from))
			return "vmemmap-from needs an address";
	} else if (!strcmp(k, "dt-unflatten") && argc == 1) {
		if (!bm_parse_size(argv[0], &m->dt_unflatten))
			return "dt-unflatten needs a size";
	} else if (!strcmp(k, "cma") && argc == 1) {
		if (!bm_parse_size(argv[0], &m->cma_size))
			return "cma needs a size";
	} else if (!strcmp(k, "lowmem-end") && argc == 1) {
		if (!bm_parse_size(argv[0], &m->profile.lowmem_end))
			return "lowmem-end needs an address";
	} else if (!strcmp(k, "kernel-sizes") && argc == 5) {
		for (int i = 0; i < 5; i++) {
			if (!bm_parse_size(argv[i], &v))
				return "kernel-sizes needs 5 numbers (KiB)";
			m->sizes_k[i] = (unsigned long)v;
		}
	} else {
		return "unknown key or wrong number of values";
	}
	return NULL;
}

/* Split @s in place at blanks; at most @max words. Return: the count. */
static int split_words(char *s, char **argv, int max)
{
	int n = 0;

	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			*s++ = '\0';
		if (!*s)
			break;
		argv[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
	}
	return n;
}

int bm_machine_parse(const char *text, size_t len, struct bm_machine *m,
		     char *err, size_t errlen)
{
	unsigned lineno = 0;
	size_t i = 0;

	reset(m);
	while (i < len) {
		char line[4200], copy[4200], *argv[16];
		size_t n = 0;
		int argc = 0;
		const char *why;

		lineno++;
		while (i < len && text[i] != '\n') {
			if (n + 1 < sizeof(line))
				line[n++] = text[i];
			i++;
		}
		i++;
		while (n && (line[n - 1] == '\r' ||
			     isspace((unsigned char)line[n - 1])))
			n--;
		line[n] = '\0';
		if (memchr(line, '\0', n)) {
			snprintf(err, errlen, "line %u: binary data", lineno);
			return -1;
		}
		char *hash = strchr(line, '#');

		if (hash && strncmp(line, "cmdline", 7))
			*hash = '\0';
		snprintf(copy, sizeof(copy), "%s", line);
		argc = split_words(copy, argv, 16);
		if (!argc)
			continue;
		why = parse_words(m, line, argc, argv);
		if (why) {
			snprintf(err, errlen, "line %u: %s: %s", lineno,
				 argv[0], why);
			return -1;
		}
	}
	if (!m->nram && !m->dtb[0] && !m->atags[0]) {
		snprintf(err, errlen,
			 "machine has no ram, e820, dtb or atags line");
		return -1;
	}
	return 0;
}
