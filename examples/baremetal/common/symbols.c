/* SPDX-License-Identifier: BSD-2-Clause */
/* %pS for the example kernels over the generated symbol table. */
#include "symbols.h"

#include <memblock/memblock.h>

bool symbols_lookup(void *ctx, uintptr_t addr, char *buf, size_t len)
{
	unsigned lo = 0, hi = nksyms;

	(void)ctx;
	/* Last symbol that starts at or below addr. */
	while (lo < hi) {
		unsigned mid = lo + (hi - lo) / 2;

		if (ksyms[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	const struct ksym *s = &ksyms[lo - 1];
	if (addr - s->addr >= s->size)
		return false;
	mb_snprintf(buf, len, "%s+0x%lx/0x%lx", s->name,
		    (unsigned long)(addr - s->addr), (unsigned long)s->size);
	return true;
}
