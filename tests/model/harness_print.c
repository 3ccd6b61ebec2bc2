/* SPDX-License-Identifier: BSD-2-Clause */
/* Differential harness: operations and set-ups as C-like calls. */
#include "harness.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const char *const names[OP__COUNT] = {
	[OP_ADD] = "mb_add",
	[OP_ADD_NODE] = "mb_add_node",
	[OP_REMOVE] = "mb_remove",
	[OP_RESERVE] = "mb_reserve",
	[OP_PHYS_FREE] = "mb_phys_free",
	[OP_FREE_VIRT] = "mb_free",
	[OP_PHYSMEM_ADD] = "mb_physmem_add",
	[OP_MARK_HOTPLUG] = "mb_mark_hotplug",
	[OP_CLEAR_HOTPLUG] = "mb_clear_hotplug",
	[OP_MARK_MIRROR] = "mb_mark_mirror",
	[OP_MARK_NOMAP] = "mb_mark_nomap",
	[OP_CLEAR_NOMAP] = "mb_clear_nomap",
	[OP_SET_NODE_MEMORY] = "mb_set_node",
	[OP_SET_NODE_RESERVED] = "mb_set_node",
	[OP_FIND] = "mb_find_in_range_node",
	[OP_ALLOC_RANGE_NID] = "mb_alloc_range_nid",
	[OP_PHYS_ALLOC_RANGE] = "mb_phys_alloc_range",
	[OP_PHYS_ALLOC_TRY_NID] = "mb_phys_alloc_try_nid",
	[OP_PHYS_ALLOC] = "mb_phys_alloc",
	[OP_ALLOC_TRY_NID] = "mb_alloc_try_nid",
	[OP_ALLOC_TRY_NID_RAW] = "mb_alloc_try_nid_raw",
	[OP_ALLOC_EXACT_NID_RAW] = "mb_alloc_exact_nid_raw",
	[OP_ALLOC] = "mb_alloc",
	[OP_ALLOC_RAW] = "mb_alloc_raw",
	[OP_ALLOC_FROM] = "mb_alloc_from",
	[OP_ALLOC_LOW] = "mb_alloc_low",
	[OP_ALLOC_NODE] = "mb_alloc_node",
	[OP_ENFORCE_MEMORY_LIMIT] = "mb_enforce_memory_limit",
	[OP_CAP_MEMORY_RANGE] = "mb_cap_memory_range",
	[OP_MEM_LIMIT_REMOVE_MAP] = "mb_mem_limit_remove_map",
	[OP_TRIM_MEMORY] = "mb_trim_memory",
	[OP_SET_CURRENT_LIMIT] = "mb_set_current_limit",
	[OP_SET_BOTTOM_UP] = "mb_set_bottom_up",
	[OP_ALLOW_RESIZE] = "mb_allow_resize",
	[OP_SET_MOVABLE_NODE] = "movable_node =",
	[OP_SET_MIRRORED_KERNELCORE] = "mirrored_kernelcore =",
	[OP_SET_TRIM_FIX_TOTAL] = "trim_fix_total =",
	[OP_QUERY] = "queries",
	[OP_ITERATE] = "iterators",
};

const char *op_name(enum op_kind k)
{
	return k < OP__COUNT ? names[k] : "?";
}

void op_print(const struct op *o, char *buf, size_t len)
{
	const char *n = op_name(o->kind);
	uint64_t a = o->a, b = o->b, c = o->c, d = o->d;

	switch (o->kind) {
	case OP_ADD_NODE:
		snprintf(buf, len,
			 "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", %d, %#x);", n, a,
			 b, o->nid, o->flags);
		break;
	case OP_FREE_VIRT:
		snprintf(buf, len,
			 "%s(&mb, (void *)%#" PRIx64 ", %#" PRIx64 ");", n, a,
			 b);
		break;
	case OP_SET_NODE_MEMORY:
	case OP_SET_NODE_RESERVED:
		snprintf(buf, len,
			 "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", &mb.%s, %d);", n,
			 a, b,
			 o->kind == OP_SET_NODE_MEMORY ? "memory" : "reserved",
			 o->nid);
		break;
	case OP_FIND:
		snprintf(buf, len,
			 "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", %#" PRIx64
			 ", %#" PRIx64 ", %d, %#x);",
			 n, a, b, c, d, o->nid, o->flags);
		break;
	case OP_ALLOC_RANGE_NID:
		snprintf(buf, len,
			 "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", %#" PRIx64
			 ", %#" PRIx64 ", %d, %s);",
			 n, a, b, c, d, o->nid,
			 (o->flags & 1) ? "true" : "false");
		break;
	case OP_PHYS_ALLOC_RANGE:
		snprintf(buf, len,
			 "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", %#" PRIx64
			 ", %#" PRIx64 ");",
			 n, a, b, c, d);
		break;
	case OP_ALLOC_TRY_NID:
	case OP_ALLOC_TRY_NID_RAW:
	case OP_ALLOC_EXACT_NID_RAW:
		snprintf(buf, len,
			 "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", %#" PRIx64
			 ", %#" PRIx64 ", %d);",
			 n, a, b, c, d, o->nid);
		break;
	case OP_PHYS_ALLOC_TRY_NID:
	case OP_ALLOC_NODE:
		snprintf(buf, len, "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", %d);",
			 n, a, b, o->nid);
		break;
	case OP_ALLOC_FROM:
		snprintf(buf, len,
			 "%s(&mb, %#" PRIx64 ", %#" PRIx64 ", %#" PRIx64 ");",
			 n, a, b, c);
		break;
	case OP_ENFORCE_MEMORY_LIMIT:
	case OP_MEM_LIMIT_REMOVE_MAP:
	case OP_TRIM_MEMORY:
	case OP_SET_CURRENT_LIMIT:
		snprintf(buf, len, "%s(&mb, %#" PRIx64 ");", n, a);
		break;
	case OP_SET_BOTTOM_UP:
		snprintf(buf, len, "%s(&mb, %s);", n,
			 (o->flags & 1) ? "true" : "false");
		break;
	case OP_ALLOW_RESIZE:
		snprintf(buf, len, "%s(&mb);", n);
		break;
	case OP_SET_MOVABLE_NODE:
	case OP_SET_MIRRORED_KERNELCORE:
	case OP_SET_TRIM_FIX_TOTAL:
		snprintf(buf, len, "mb.%.*s = %s;", (int)(strlen(n) - 2), n,
			 (o->flags & 1) ? "true" : "false");
		break;
	case OP_QUERY:
		snprintf(buf, len,
			 "/* every query at %#" PRIx64 " size %#" PRIx64 " */",
			 a, b);
		break;
	case OP_ITERATE:
		snprintf(buf, len, "/* every iterator, nid %d flags %#x */",
			 o->nid, o->flags);
		break;
	default:
		snprintf(buf, len, "%s(&mb, %#" PRIx64 ", %#" PRIx64 ");", n, a,
			 b);
		break;
	}
}

void cfg_print(const struct hcfg *cfg, char *buf, size_t len)
{
	snprintf(buf, len,
		 "struct memblock_region mem[%u], res[%u]%s; /* profile %s */\n"
		 "  mb_init(&mb, &mb_profile_%s, &host_env, mem, %u, res, %u, "
		 "%s, %u);%s",
		 cfg->nmem, cfg->nres, cfg->nphys ? ", phys[4]" : "",
		 cfg->profile->name, cfg->profile->name, cfg->nmem, cfg->nres,
		 cfg->nphys ? "phys" : "NULL", cfg->nphys,
		 cfg->fail_growth_after ? "\n  mb.fail_growth_after = ..."
					: "");
	if (cfg->fail_growth_after) {
		size_t l = strlen(buf);
		snprintf(buf + l - 3, len - l + 3, "%lu;",
			 cfg->fail_growth_after);
	}
}

/** harness_dump - both sides' tables, for a divergence report. */
void harness_dump(const struct harness *h, FILE *f)
{
	const struct memblock_type *ct[3] = {&h->mb.memory, &h->mb.reserved,
					     &h->mb.physmem};
	for (int t = 0; t < 3; t++) {
		const struct model_table *mt = &h->m.t[t];
		if (!mt->enabled)
			continue;
		fprintf(f, "    core %s: cnt %lu max %lu total %#" PRIx64 "\n",
			ct[t]->name, ct[t]->cnt, ct[t]->max, ct[t]->total_size);
		for (unsigned long i = 0; i < ct[t]->cnt; i++)
			fprintf(f,
				"      [%#" PRIx64 "-%#" PRIx64 ") f%#x n%d\n",
				ct[t]->regions[i].base,
				ct[t]->regions[i].base + ct[t]->regions[i].size,
				ct[t]->regions[i].flags, ct[t]->regions[i].nid);
		fprintf(f,
			"    model %s: n %zu max %" PRIu64 " total %#" PRIx64
			"\n",
			ct[t]->name, mt->n, mt->max, model_total(&h->m, t));
		for (size_t i = 0; i < mt->n; i++)
			fprintf(f,
				"      [%#" PRIx64 "-%#" PRIx64 ") f%#x n%d\n",
				mt->r[i].base, mt->r[i].base + mt->r[i].size,
				mt->r[i].flags, mt->r[i].nid);
	}
}
