/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Untrusted blobs: every tree of shared/dtbs with random bytes changed
 * (deterministic LCG, so a failure reproduces) goes through every step.
 * mb_fdt_open either refuses it (-MB_EINVAL, nothing changed) or every
 * step returns a defined value and the tables stay consistent (mb_check).
 * The ASan/UBSan build checks that no read leaves the blob.
 */
#include "fwdt_test.h"

static const char *const trees[] = {
	"arm64__altera__socfpga_stratix10_socdk",
	"arm64__broadcom__bcm2711-rpi-4-b",
	"arm64__freescale__fsl-ls1043a-rdb",
	"arm64__hisilicon__hi6220-hikey",
	"arm64__qcom__msm8998-sony-xperia-yoshino-lilac",
	"arm64__qcom__sc7180-idp",
	"arm64__realtek__rtd1295-zidoo-x9s",
	"arm__berlin2cd-google-chromecast",
	"arm__imx6dl-b105v2",
	"arm__keystone-k2e-evm",
	"arm__qcom-sdx65-mtp",
	"arm__vexpress-v2p-ca9",
	"qemu__aarch64-virt-numa3-plus-memless",
	"qemu__arm64_virt_1G_crashkernel_cma",
	"qemu__arm64_virt_2G_numa2",
	"qemu__arm64_virt_512M_smp1",
	"qemu__arm_virt_512M_smp1",
};

static uint32_t lcg(uint32_t *x)
{
	*x = *x * 1664525u + 1013904223u;
	return *x >> 8;
}

/* Change a few bytes, mostly inside the structure block (property
 * values and lengths), sometimes anywhere (header, strings). */
static void mutate(unsigned char *b, size_t n, uint32_t *x)
{
	size_t off = fdt_off_dt_struct(b), len = fdt_size_dt_struct(b);
	int k = 1 + (int)(lcg(x) % 4);

	for (int i = 0; i < k; i++) {
		size_t at = (lcg(x) % 8) ? off + lcg(x) % len : lcg(x) % n;
		static const unsigned char pick[] = {0x00, 0x01, 0x02, 0x03,
						     0x7f, 0x80, 0xff};

		b[at] = (lcg(x) & 1) ? pick[lcg(x) % sizeof(pick)]
				     : (unsigned char)lcg(x);
	}
}

static void run_steps(struct fx *f)
{
	int r;

	r = mb_fdt_scan_chosen(&f->dt);
	assert_true(r == 0 || r == -MB_ENOENT || r == -MB_EINVAL);
	r = mb_fdt_scan_memory(&f->mb, &f->dt);
	assert_true(r >= 0 || r == -MB_ENOMEM || r == -MB_EINVAL);
	assert_true(mb_fdt_apply_usable_range(&f->mb, &f->dt) <= 0);
	assert_true(mb_fdt_reserve_self(&f->mb, &f->dt, 0x48000000) <= 0);
	assert_true(mb_fdt_scan_reserved_mem(&f->mb, &f->dt) <= 0);
	r = mb_fdt_numa_scan(&f->mb, &f->dt);
	assert_true(r >= 0 || r == -MB_EINVAL || r == -MB_ENOMEM);
	assert_true(mb_fdt_cma_reserve(&f->mb, &f->dt, MiB(16), 0) <= 0);
	fx_check(f);
}

static void mutated_trees(void **state)
{
	uint32_t x = 0x5eed;
	int opened = 0, refused = 0;

	(void)state;
	for (size_t t = 0; t < sizeof(trees) / sizeof(trees[0]); t++) {
		char path[512];
		size_t n;
		unsigned char *orig;

		snprintf(path, sizeof(path), "%s/dtbs/%s.dtb",
			 MEMBLOCK_SHARED_DIR, trees[t]);
		orig = fx_read_file(path, &n, 0);
		for (int it = 0; it < 120; it++) {
			const struct mb_profile *p =
				(it & 1) ? &mb_profile_arm64
					 : &mb_profile_arm32;
			struct fx *f = fx_new(p);
			unsigned char *b = malloc(n); /* exact size for ASan */
			int r;

			memcpy(b, orig, n);
			mutate(b, n, &x);
			r = mb_fdt_open(&f->dt, &f->mb, b, n, NULL);
			if (r == 0) {
				opened++;
				run_steps(f);
			} else {
				assert_int_equal(r, -MB_EINVAL);
				assert_int_equal(f->mb.memory.regions[0].size,
						 0);
				refused++;
			}
			free(b);
			fx_free(f);
		}
		free(orig);
	}
	print_message("opened %d, refused %d\n", opened, refused);
	/* both paths must have been exercised */
	assert_true(opened > 100);
	assert_true(refused > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mutated_trees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
