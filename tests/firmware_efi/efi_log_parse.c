/* SPDX-License-Identifier: BSD-2-Clause */
#include "efi_log_parse.h"

#include <string.h>

/* UEFI spec type numbers, by the names Linux prints. */
static const char *const names[] = {
	"Reserved",  "Loader Code",  "Loader Data",  "Boot Code",
	"Boot Data", "Runtime Code", "Runtime Data", "Conventional",
	"Unusable",  "ACPI Reclaim", "ACPI Mem NVS", "MMIO",
	"MMIO Port", "PAL Code",     "Persistent",
};

static const struct {
	const char *text;
	uint64_t bit;
} attrs[] = {
	{"RUN", 1ULL << 63}, {"MR", 1ULL << 16}, {"CC", 1ULL << 19},
	{"SP", 1ULL << 18},  {"NV", 1ULL << 15}, {"XP", 1ULL << 14},
	{"RP", 1ULL << 13},  {"WP", 1ULL << 12}, {"RO", 1ULL << 17},
	{"UCE", 1ULL << 4},  {"WB", 1ULL << 3},	 {"WT", 1ULL << 2},
	{"WC", 1ULL << 1},   {"UC", 1ULL << 0},
};

int parse_typeattr(const char *s, struct mb_efi_md *md)
{
	const char *bar, *p;
	size_t len;
	int found = -1;

	if (*s++ != '[')
		return -1;
	bar = strchr(s, '|');
	if (!bar)
		return -1;
	len = (size_t)(bar - s);
	while (len && s[len - 1] == ' ')
		len--;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len && !strncmp(names[i], s, len))
			found = (int)i;
	if (found < 0)
		return -1;
	md->type = (uint32_t)found;
	md->attribute = 0;
	for (p = bar; *p == '|';) {
		const char *end = p + 1;
		size_t n;

		while (*end && *end != '|' && *end != ']')
			end++;
		n = (size_t)(end - (p + 1));
		while (n && p[1 + n - 1] == ' ')
			n--;
		for (size_t i = 0; n && i < sizeof(attrs) / sizeof(attrs[0]);
		     i++)
			if (strlen(attrs[i].text) == n &&
			    !strncmp(attrs[i].text, p + 1, n))
				md->attribute |= attrs[i].bit;
		p = end;
	}
	return *p == ']' ? 0 : -1;
}
