/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * file_util.c - read a whole file into memory, growing the buffer as it
 * goes so that pipes and files whose size is not known work too.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "file_util.h"

static char *fail(FILE *f, char *buf, enum fu_error e, int err,
		  enum fu_error *why)
{
	free(buf);
	if (f)
		fclose(f);
	if (why)
		*why = e;
	errno = err; /* after fclose, which may change it */
	return NULL;
}

char *fu_read_file(const char *path, size_t max, size_t *len,
		   enum fu_error *why)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *nb;
	size_t cap = 0, n = 0, got;

	if (!f)
		return fail(NULL, NULL, FU_OPEN, errno, why);
	errno = 0;
	for (;;) {
		/* keep one byte spare for the terminating '\0' */
		if (n + 1 >= cap) {
			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (!nb)
				return fail(f, buf, FU_NOMEM, ENOMEM, why);
			buf = nb;
		}
		got = fread(buf + n, 1, cap - 1 - n, f);
		n += got;
		if (n > max)
			return fail(f, buf, FU_TOO_LARGE, EFBIG, why);
		if (got == 0)
			break;
	}
	if (ferror(f)) /* EISDIR for a directory */
		return fail(f, buf, FU_READ, errno ? errno : EIO, why);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	if (why)
		*why = FU_OK;
	return buf;
}
