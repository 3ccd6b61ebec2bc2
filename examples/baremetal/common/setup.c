/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Firmware hand-off to memblock for the example kernels (see setup.h).
 * Freestanding: it is compiled into the bare-metal images and into the
 * host reference tool alike.
 */
#include "setup.h"

#include <string.h>

int setup_init(struct memblock *mb, struct memblock_region *memory,
	       struct memblock_region *reserved, enum setup_arch arch,
	       const struct mb_env *env)
{
	const struct mb_profile *p = arch == SETUP_ARM32   ? &mb_profile_arm32
				     : arch == SETUP_ARM64 ? &mb_profile_arm64
							   : &mb_profile_x86_64;

	return mb_init(mb, p, env, memory, SETUP_REGIONS, reserved,
		       SETUP_REGIONS, NULL, 0);
}

int setup_cmdline(struct memblock *mb, struct mb_cmdline *cl,
		  const char *line)
{
	int err;

	mb_cmdline_init(cl, NULL, 0, NULL, 0);
	err = mb_cmdline_parse(cl, line ? line : "");
	if (cl->memblock_debug)
		mb_set_debug(mb, true);
	return err;
}

int setup_reserve_kernel(struct memblock *mb, const struct kernel_layout *k)
{
	int err = mb_reserve(mb, k->image_start, k->image_end - k->image_start);

	if (err)
		return err;
	return mb_reserve(mb, k->stack_start, k->stack_end - k->stack_start);
}

/* The default CMA area only when cma= asks for one (the examples keep
 * their memory maps small and readable). */
static int reserve_cmdline_cma(struct memblock *mb, struct mb_fdt *dt,
			       const struct mb_cmdline *cl)
{
	if (!cl->cma_set || cl->cma_size == 0)
		return 0;
	return mb_fdt_cma_reserve(mb, dt, cl->cma_size, 0);
}

int setup_from_dt(struct memblock *mb, struct mb_fdt *dt, enum setup_arch arch,
		  const void *blob, size_t blob_size, mb_phys_t blob_phys,
		  const struct kernel_layout *k, struct mb_cmdline *cl)
{
	struct mb_fdt_config cfg;
	int err;

	mb_fdt_config_default(&cfg, mb);
	err = mb_fdt_open(dt, mb, blob, blob_size, &cfg);
	if (err)
		return err;
	if (arch == SETUP_ARM64) {
		/* arm64 reserves the blob before anything else. */
		err = mb_fdt_reserve_self(mb, dt, blob_phys);
		if (err)
			return err;
	}
	mb_fdt_scan_chosen(dt); /* -MB_ENOENT without /chosen is fine */
	err = mb_fdt_scan_memory(mb, dt);
	if (err < 0)
		return err;
	err = mb_fdt_apply_usable_range(mb, dt);
	if (err)
		return err;
	/* Early parameters are parsed once memory is known, as on ARM. */
	setup_cmdline(mb, cl, dt->chosen.bootargs);
	dt->cfg.cmdline_cma = cl->cma_set;
	err = setup_reserve_kernel(mb, k);
	if (err)
		return err;
	if (arch == SETUP_ARM32) {
		err = mb_fdt_reserve_self(mb, dt, blob_phys);
		if (err)
			return err;
	}
	err = mb_fdt_scan_reserved_mem(mb, dt);
	if (err)
		return err;
	if (arch == SETUP_ARM64 && mb_fdt_numa_scan(mb, dt) < 0)
		return -MB_EINVAL;
	return reserve_cmdline_cma(mb, dt, cl);
}

/* ---- ATAGs (32-bit ARM without a device tree) ---- */
#define ATAG_NONE 0x00000000u
#define ATAG_CORE 0x54410001u
#define ATAG_MEM 0x54410002u
#define ATAG_CMDLINE 0x54410009u

static uint32_t get_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t get_le64(const unsigned char *p)
{
	return (uint64_t)get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

/* arm_add_memory(): the bank is trimmed to whole pages. */
static int add_arm_bank(struct memblock *mb, mb_phys_t start, mb_phys_t size)
{
	mb_phys_t page = mb->profile.page_size;
	mb_phys_t aligned = (start + page - 1) & ~(page - 1);

	if (aligned - start >= size)
		return 0;
	size -= aligned - start;
	size &= ~(page - 1);
	if (size == 0)
		return 0;
	return mb_add(mb, aligned, size);
}

int setup_from_atags(struct memblock *mb, const void *atags, size_t len,
		     const struct kernel_layout *k, struct mb_cmdline *cl,
		     char *cmdline, size_t cmdline_len)
{
	const unsigned char *p = atags, *end = p + len;
	int err;

	if (cmdline_len)
		cmdline[0] = '\0';
	if (len < 8 || get_le32(p + 4) != ATAG_CORE)
		return -MB_EINVAL;
	while (p + 8 <= end) {
		uint32_t words = get_le32(p), tag = get_le32(p + 4);
		size_t bytes = (size_t)words * 4;

		if (tag == ATAG_NONE || words < 2 || bytes > (size_t)(end - p))
			break;
		if (tag == ATAG_MEM && words >= 4) {
			err = add_arm_bank(mb, get_le32(p + 12),
					   get_le32(p + 8));
			if (err)
				return err;
		} else if (tag == ATAG_CMDLINE && cmdline_len) {
			size_t n = strnlen((const char *)p + 8, bytes - 8);

			if (n >= cmdline_len)
				n = cmdline_len - 1;
			memcpy(cmdline, p + 8, n);
			cmdline[n] = '\0';
		}
		p += bytes;
	}
	setup_cmdline(mb, cl, cmdline_len ? cmdline : "");
	return setup_reserve_kernel(mb, k);
}

/* ---- multiboot 1 memory map (x86) ---- */
#define E820_TYPE_RAM 1

int setup_from_multiboot_mmap(struct memblock *mb, const void *mmap,
			      size_t len, const char *cmdline,
			      const struct kernel_layout *k,
			      struct mb_cmdline *cl)
{
	const unsigned char *p = mmap, *end = p + len;
	int err;

	/* x86 parses early parameters before memblock sees the e820 map. */
	setup_cmdline(mb, cl, cmdline);
	while (p + 24 <= end) {
		uint32_t entry_size = get_le32(p);
		mb_phys_t base = get_le64(p + 4), size = get_le64(p + 12);
		uint32_t type = get_le32(p + 20);

		if (type == E820_TYPE_RAM && size && base + size > base) {
			err = mb_add(mb, base, size);
			if (err)
				return err;
		}
		if (entry_size < 20)
			break;
		p += entry_size + 4;
	}
	/* e820__memblock_setup: throw away partial pages. */
	mb_trim_memory(mb, mb->profile.page_size);
	/* The real-mode IVT and BIOS data area in page 0 stay untouched. */
	err = mb_reserve(mb, 0, mb->profile.page_size);
	if (err)
		return err;
	return setup_reserve_kernel(mb, k);
}
