/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * arm64 virt entry, in the arm64 Linux Image format: QEMU recognises the
 * 64-byte header (magic "ARM\x64"), loads the image at RAM + 2 MiB (text
 * offset 0 is below its boot stub) and enters it at EL1 with x0 = the DTB.
 */
	.section .text.start, "ax"
	.global _start
_start:
	b	1f			/* code0: jump over the header */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	__image_size		/* image_size: whole footprint */
	.quad	0xa			/* flags: LE, 4K pages, anywhere */
	.quad	0, 0, 0			/* res2-res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 (no PE header) */
1:
	mov	x19, x0
	ldr	x1, =__stack_end
	mov	sp, x1
	/* Allow FP/SIMD at EL1 in case the compiler uses it (CPACR.FPEN). */
	mov	x1, #(3 << 20)
	msr	cpacr_el1, x1
	isb
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
2:	cmp	x1, x2
	b.hs	3f
	str	xzr, [x1], #8
	b	2b
3:	mov	x0, x19
	bl	arm64_main
4:	wfi
	b	4b
