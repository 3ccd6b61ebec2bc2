/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x86 multiboot 1 entry. QEMU's -kernel loads this 32-bit ELF, enters it in
 * flat 32-bit protected mode, paging off, with eax = 0x2BADB002 and
 * ebx = the multiboot information structure.
 */
	.section .text.start, "ax"
	.code32
	.align 4
multiboot_header:
	.long	0x1BADB002		/* magic */
	.long	0x00000003		/* flags: page-align modules, want mem info */
	.long	-(0x1BADB002 + 0x00000003)	/* checksum */

	.global _start
_start:
	cli
	movl	$__stack_end, %esp
	movl	%eax, %esi
	movl	%ebx, %edi
	/* Clear .bss. */
	movl	$__bss_start, %ecx
1:	cmpl	$__bss_end, %ecx
	jae	2f
	movl	$0, (%ecx)
	addl	$4, %ecx
	jmp	1b
2:	cld
	pushl	%edi
	pushl	%esi
	call	x86_main
3:	hlt
	jmp	3b
