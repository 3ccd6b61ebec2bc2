/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fdt_check_full() for kernels whose libfdt is the Linux kernel's copy
 * (scripts/dtc/libfdt has no fdt_check.c: the kernel never needs it). The
 * library's device-tree front end validates every blob with it before use.
 *
 * Own implementation over libfdt's public tag walker: the header is sane,
 * the blob fits in @bufsize, the /memreserve/ block is terminated inside
 * it, the structure block is a properly nested tree
 * that starts with the root node (whose name is empty) and ends with
 * FDT_END, and every property's name lies inside the strings block.
 */
#include <libfdt.h>

int fdt_check_full(const void *fdt, size_t bufsize)
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
