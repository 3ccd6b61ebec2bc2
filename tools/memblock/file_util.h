/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * file_util.h - read a whole file into memory (host tool only).
 */
#ifndef MEMBLOCK_TOOL_FILE_UTIL_H
#define MEMBLOCK_TOOL_FILE_UTIL_H

#include <stddef.h>

/** enum fu_error - which step of fu_read_file() failed */
enum fu_error {
	FU_OK = 0,
	FU_OPEN,      /* fopen failed (errno from fopen) */
	FU_TOO_LARGE, /* more than the caller's limit (errno EFBIG) */
	FU_READ,      /* read error, e.g. EISDIR for a directory */
	FU_NOMEM,     /* out of memory (errno ENOMEM) */
};

/**
 * fu_read_file - read all of @path (a file, pipe or device) into a buffer
 * @path: file to read
 * @max: largest size accepted in bytes (SIZE_MAX: no limit)
 * @len: set to the number of bytes read
 * @why: if not NULL, set to the failing step (FU_OK on success)
 *
 * The buffer holds one extra byte, set to '\0', after the @len bytes read.
 * Return: a malloc'd buffer the caller frees, or NULL with errno telling
 * why (an empty file gives a non-NULL buffer).
 */
char *fu_read_file(const char *path, size_t max, size_t *len,
		   enum fu_error *why);

#endif
