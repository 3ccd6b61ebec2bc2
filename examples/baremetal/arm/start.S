/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vexpress-a9 entry. QEMU loads this raw image at RAM + 0x10000 and enters
 * it the way a boot loader enters a zImage: r0 = 0, r1 = machine number,
 * r2 = the DTB (with -dtb) or the ATAG list (at RAM + 0x100).
 * MMU and caches are off; we run in SVC mode on the boot stack.
 */
	.syntax unified
	.arm
	.section .text.start, "ax"
	.global _start
_start:
	cpsid	if
	ldr	sp, =__stack_end
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	/* Clear .bss (word aligned by the linker script). */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b
	mov	r0, r4
	mov	r1, r5
	mov	r2, r6
	bl	arm_main
2:	wfi
	b	2b
