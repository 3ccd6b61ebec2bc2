/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fwdt_rules_fixture.h - small device trees built with libfdt for the
 * rule-by-rule tests of the device-tree front end (test_fwdt_rules_*.c).
 */
#ifndef MEMBLOCK_TESTS_FWDT_RULES_FIXTURE_H
#define MEMBLOCK_TESTS_FWDT_RULES_FIXTURE_H

#include "fwdt_test.h"

/* size of every blob tree() makes */
#define BLOB 16384

/** tree - an empty tree with root cells @ac/@sc (0: property left out) */
void *tree(int ac, int sc);
/** node - add node @name under @parent; returns its offset */
int node(void *b, const char *parent, const char *name);
/** pairs - reg-style property of @count values in 2/2 or 1/1 cells */
void pairs(void *b, int n, const char *prop, int cells, const mb_phys_t *v,
	   int count);
/** memory_node - add a device_type "memory" node with one (base, size) */
int memory_node(void *b, const char *name, int cells, mb_phys_t base,
		mb_phys_t size);
/** rmem_root - add /reserved-memory with @cells cells and empty ranges */
void rmem_root(void *b, int cells);
/** with - a fixture for profile @p on @blob (BLOB bytes), opened */
struct fx *with(const struct mb_profile *p, void *blob);

#endif
