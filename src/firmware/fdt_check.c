/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device-tree front end's own full check of an untrusted blob, used by
 * mb_fdt_open() instead of libfdt's fdt_check_full(): the Linux kernel's
 * libfdt copy has none, and Debian's libfdt 1.6.1 loops forever on a
 * property whose length wraps the tag offset back onto itself (found by
 * fuzz_dt). Over libfdt's public tag walker: the header is sane,
 * the blob fits in @bufsize, the /memreserve/ block is terminated inside
 * it, the structure block is a properly nested tree
 * that starts with the root node (whose name is empty) and ends with
 * FDT_END, and every property's name lies inside the strings block.
 */
#include <memblock/firmware/fdt.h>

#include <libfdt.h>

/** mb_fdt_check_blob - see fdt.h. */
int mb_fdt_check_blob(const void *fdt, size_t bufsize)
{
	int err, depth = 0, offset = 0, next;
	bool seen_root = false;

	if (bufsize < FDT_V1_SIZE)
		return -FDT_ERR_TRUNCATED;
	err = fdt_check_header(fdt);
	if (err)
		return err;
	if (fdt_totalsize(fdt) > bufsize)
		return -FDT_ERR_TRUNCATED;
	/* The memory reservation block ends inside the blob. */
	err = fdt_num_mem_rsv(fdt);
	if (err < 0)
		return err;

	for (;;) {
		uint32_t tag = fdt_next_tag(fdt, offset, &next);

		if (next < 0)
			return next;
		/* Every tag must move the walk forward: a property length
		 * that wraps (e.g. 0xfffffff4) gives next == offset. */
		if (next <= offset)
			return -FDT_ERR_BADSTRUCTURE;
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth == 0 && seen_root)
				return -FDT_ERR_BADSTRUCTURE; /* second root */
			if (depth == 0) {
				/* The root's name is empty. */
				int len;
				const char *name =
					fdt_get_name(fdt, offset, &len);

				if (!name || len != 0)
					return -FDT_ERR_BADSTRUCTURE;
			}
			seen_root = true;
			depth++;
			if (depth > 64)
				return -FDT_ERR_BADSTRUCTURE;
			break;
		case FDT_END_NODE:
			if (depth == 0)
				return -FDT_ERR_BADSTRUCTURE;
			depth--;
			break;
		case FDT_PROP: {
			const struct fdt_property *prop;
			int len;

			if (depth == 0)
				return -FDT_ERR_BADSTRUCTURE;
			prop = fdt_get_property_by_offset(fdt, offset, &len);
			if (!prop)
				return len;
			if (!fdt_get_string(fdt, fdt32_to_cpu(prop->nameoff),
					    &len))
				return len;
			break;
		}
		case FDT_NOP:
			break;
		case FDT_END:
			if (depth != 0 || !seen_root)
				return -FDT_ERR_BADSTRUCTURE;
			return 0;
		default:
			return -FDT_ERR_BADSTRUCTURE;
		}
		offset = next;
	}
}
