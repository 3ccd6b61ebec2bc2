/* SPDX-License-Identifier: BSD-2-Clause */
/* machine_dtb - the device tree a simulated boot loader hands the kernel. */
#ifndef MEMBLOCK_TOOLS_MACHINE_DTB_H
#define MEMBLOCK_TOOLS_MACHINE_DTB_H

#include <stddef.h>

#include "machine.h"

/**
 * bm_machine_from_dtb - a machine made from a DTB file alone: 32-bit ARM
 * when the root has one address cell, else arm64; RAM from the tree.
 */
int bm_machine_from_dtb(const char *path, const char *blob, size_t len,
			struct bm_machine *m, char *err, size_t errlen);

/**
 * bm_dtb_prepare - load @m's DTB and edit it the way QEMU's loader does:
 * /chosen bootargs = the command line, /memory = the first ram line (when
 * dtb_set_memory), total size per dtb-size. *@blob is malloc'ed.
 * "shared:NAME" is $MEMBLOCK_SHARED_DIR/dtbs/NAME.dtb (else the build's
 * corpus); a missing shared vexpress tree is replaced by a minimal one.
 * Return: 0, or -1 with a one-line message in @err.
 */
int bm_dtb_prepare(const struct bm_machine *m, void **blob, size_t *size,
		   char *err, size_t errlen);

#endif
