/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Multiboot 1 and 2: the loader's memory map, read defensively, into an
 * e820-style table. Nothing is appended unless the whole map is sound.
 */
#include <memblock/firmware/multiboot.h>

#define MB1_ENTRY_FIELDS 20 /* base u64, length u64, type u32 */
#define MB2_ENTRY_MIN	 24 /* base u64, length u64, type u32, reserved */

static uint64_t rd(const unsigned char *p, unsigned bytes)
{
	uint64_t v = 0;

	for (unsigned i = bytes; i-- > 0;)
		v = (v << 8) | p[i];
	return v;
}

static uint32_t e820_type_of(uint32_t mb_type)
{
	return mb_type >= 1 && mb_type <= 5 ? mb_type : MB_E820_RESERVED;
}

/* Append one range; on failure the caller rolls the table back. */
static int append(struct mb_e820_table *t, uint64_t base, uint64_t length,
		  uint32_t type)
{
	if (base + length < base)
		return -MB_ERANGE;
	return mb_e820_range_add(t, base, length, e820_type_of(type));
}

static int rollback(struct mb_e820_table *t, uint32_t nr, int err)
{
	t->nr_entries = nr;
	return err;
}

int mb_multiboot1_parse_info(const void *info, size_t len,
			     struct mb_multiboot1_info *out)
{
	const unsigned char *p = info;

	*out = (struct mb_multiboot1_info){0};
	if (!p || len < 4)
		return -MB_EINVAL;
	out->flags = (uint32_t)rd(p, 4);
	if (out->flags & MB_MULTIBOOT1_INFO_MEMORY) {
		if (len < 12)
			return -MB_EINVAL;
		out->mem_lower = (uint32_t)rd(p + 4, 4);
		out->mem_upper = (uint32_t)rd(p + 8, 4);
	}
	if (out->flags & MB_MULTIBOOT1_INFO_MEM_MAP) {
		if (len < MB_MULTIBOOT1_INFO_MIN_SIZE)
			return -MB_EINVAL;
		out->mmap_length = (uint32_t)rd(p + 44, 4);
		out->mmap_addr = (uint32_t)rd(p + 48, 4);
	}
	return 0;
}

int mb_multiboot1_mmap_to_e820(const void *mmap, size_t len,
			       struct mb_e820_table *t)
{
	const unsigned char *p = mmap;
	uint32_t nr = t->nr_entries;
	size_t off = 0;

	if (!p && len)
		return -MB_EINVAL;
	while (off < len) {
		uint32_t size;
		int err;

		if (len - off < 4)
			return rollback(t, nr, -MB_EINVAL);
		size = (uint32_t)rd(p + off, 4);
		/* the size field does not count itself */
		if (size < MB1_ENTRY_FIELDS || size > len - off - 4)
			return rollback(t, nr, -MB_EINVAL);
		err = append(t, rd(p + off + 4, 8), rd(p + off + 12, 8),
			     (uint32_t)rd(p + off + 20, 4));
		if (err)
			return rollback(t, nr, err);
		off += 4 + (size_t)size;
	}
	return 0;
}

static int meminfo_fallback(struct mb_e820_table *t, uint32_t lower_kib,
			    uint32_t upper_kib)
{
	uint32_t nr = t->nr_entries;
	int err;

	err = append(t, 0, (uint64_t)lower_kib << 10, 1);
	if (!err)
		err = append(t, 0x100000, (uint64_t)upper_kib << 10, 1);
	return err ? rollback(t, nr, err) : 0;
}

int mb_multiboot1_to_e820(const struct mb_multiboot1_info *info,
			  const void *mmap, size_t mmap_len,
			  struct mb_e820_table *t)
{
	if (info->flags & MB_MULTIBOOT1_INFO_MEM_MAP) {
		if (mmap_len > info->mmap_length)
			mmap_len = info->mmap_length;
		return mb_multiboot1_mmap_to_e820(mmap, mmap_len, t);
	}
	if (info->flags & MB_MULTIBOOT1_INFO_MEMORY)
		return meminfo_fallback(t, info->mem_lower, info->mem_upper);
	return -MB_ENOENT;
}

/* Multiboot 2: a tag walk shared by the e820 and EFI readers. */
struct mb2_tag {
	uint32_t type, size;
	const unsigned char *data; /* the tag, header included */
};

/* Find the first tag of @type; -MB_ENOENT when the walk ends without it. */
static int mb2_find(const void *mbi, size_t len, uint32_t type,
		    struct mb2_tag *tag)
{
	const unsigned char *p = mbi;
	size_t total, off = 8;

	if (!p || len < 8)
		return -MB_EINVAL;
	total = (size_t)rd(p, 4);
	if (total < 8 || total > len)
		return -MB_EINVAL;
	while (off < total) {
		if (total - off < 8)
			return -MB_EINVAL;
		tag->type = (uint32_t)rd(p + off, 4);
		tag->size = (uint32_t)rd(p + off + 4, 4);
		tag->data = p + off;
		if (tag->size < 8 || tag->size > total - off)
			return -MB_EINVAL;
		if (tag->type == type)
			return 0;
		if (tag->type == MB_MULTIBOOT2_TAG_END)
			return -MB_ENOENT;
		/* tags start on 8-byte boundaries */
		off += ((size_t)tag->size + 7) & ~(size_t)7;
	}
	return -MB_ENOENT;
}

static int mb2_mmap(const struct mb2_tag *tag, struct mb_e820_table *t)
{
	uint32_t nr = t->nr_entries, entry_size, body;

	if (tag->size < 16)
		return -MB_EINVAL;
	entry_size = (uint32_t)rd(tag->data + 8, 4);
	body = tag->size - 16;
	if (entry_size < MB2_ENTRY_MIN || body % entry_size)
		return -MB_EINVAL;
	for (uint32_t off = 0; off < body; off += entry_size) {
		const unsigned char *e = tag->data + 16 + off;
		int err = append(t, rd(e, 8), rd(e + 8, 8),
				 (uint32_t)rd(e + 16, 4));

		if (err)
			return rollback(t, nr, err);
	}
	return 0;
}

int mb_multiboot2_to_e820(const void *mbi, size_t len, struct mb_e820_table *t)
{
	struct mb2_tag tag;
	int err = mb2_find(mbi, len, MB_MULTIBOOT2_TAG_MMAP, &tag);

	if (!err)
		return mb2_mmap(&tag, t);
	if (err != -MB_ENOENT)
		return err;
	err = mb2_find(mbi, len, MB_MULTIBOOT2_TAG_BASIC_MEMINFO, &tag);
	if (err)
		return err;
	if (tag.size < 16)
		return -MB_EINVAL;
	return meminfo_fallback(t, (uint32_t)rd(tag.data + 8, 4),
				(uint32_t)rd(tag.data + 12, 4));
}

int mb_multiboot2_efi_mmap(const void *mbi, size_t len, struct mb_efi_map *map)
{
	struct mb2_tag tag;
	int err = mb2_find(mbi, len, MB_MULTIBOOT2_TAG_EFI_MMAP, &tag);

	if (err)
		return err;
	/* header, descr_size u32, descr_vers u32, then the descriptors */
	if (tag.size < 16)
		return -MB_EINVAL;
	return mb_efi_map_init(map, tag.data + 16, tag.size - 16,
			       (size_t)rd(tag.data + 8, 4),
			       (uint32_t)rd(tag.data + 12, 4));
}
