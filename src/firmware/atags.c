/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ATAG list parser. A tag is a header of two 32-bit words (size in words,
 * header included; tag value) followed by its payload; the list ends with
 * ATAG_NONE (size 0). Words are in the CPU's byte order.
 */
#include <memblock/firmware/atags.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

#define HDR_WORDS 2u

static uint32_t word(const unsigned char *p, size_t i)
{
	uint32_t v;

	memcpy(&v, p + 4 * i, 4);
	return v;
}

/* Payload words each known tag needs at least. */
static uint32_t min_payload(uint32_t tag)
{
	switch (tag) {
	case MB_ATAG_MEM:
	case MB_ATAG_INITRD2:
		return 2;
	case MB_ATAG_CMDLINE:
		return 1;
	default:
		return 0; /* ATAG_CORE may be bare (size 2) */
	}
}

static bool has_nul(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i])
			return true;
	return false;
}

/* First pass: the list is well formed from CORE to NONE inside @len. */
static int validate(const unsigned char *p, size_t len)
{
	size_t words = len / 4, pos = 0;
	bool first = true;

	for (;;) {
		uint32_t size, tag;

		if (words - pos < HDR_WORDS)
			return -MB_EINVAL; /* ran past the end, no ATAG_NONE */
		size = word(p, pos);
		tag = word(p, pos + 1);
		if (first && tag != MB_ATAG_CORE)
			return -MB_ENOENT;
		first = false;
		if (size == 0)
			/* Only ATAG_NONE may have size 0: anything else would
			 * point at itself forever. */
			return tag == MB_ATAG_NONE ? 0 : -MB_EINVAL;
		if (size < HDR_WORDS + min_payload(tag) || size > words - pos)
			return -MB_EINVAL;
		if (tag == MB_ATAG_CMDLINE &&
		    !has_nul(p + 4 * (pos + HDR_WORDS),
			     4 * (size_t)(size - HDR_WORDS)))
			return -MB_EINVAL;
		pos += size;
	}
}

int mb_atags_parse(const struct memblock *mb, const void *buf, size_t len,
		   struct mb_atags *out)
{
	const unsigned char *p = buf;
	struct mb_atags a;
	size_t pos = 0;
	int err;

	if (!mb || !buf || !out)
		return -MB_EINVAL;
	err = validate(p, len);
	if (err)
		return err;
	memset(&a, 0, sizeof(a));
	for (;;) {
		uint32_t size = word(p, pos), tag = word(p, pos + 1);
		size_t d = pos + HDR_WORDS;

		a.ntags++;
		if (size == 0)
			break;
		switch (tag) {
		case MB_ATAG_CORE:
			a.has_core = true;
			if (size >= HDR_WORDS + 3) {
				a.core_flags = word(p, d);
				a.core_pagesize = word(p, d + 1);
				a.core_rootdev = word(p, d + 2);
			}
			break;
		case MB_ATAG_MEM: /* payload: size, start */
			a.mem_tags++;
			mb_meminfo_add(mb, &a.meminfo, word(p, d + 1),
				       word(p, d));
			break;
		case MB_ATAG_INITRD2: /* payload: start, size */
			a.has_initrd = true;
			a.initrd_start = word(p, d);
			a.initrd_size = word(p, d + 1);
			break;
		case MB_ATAG_CMDLINE:
			a.cmdline = (const char *)(p + 4 * d);
			break;
		default:
			mb_printf(mb, "Ignoring unrecognised tag 0x%08x",
				  (unsigned)tag);
			break;
		}
		pos += size;
	}
	*out = a;
	return 0;
}
