/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The entries of the s390x vDSO that user space calls, around the C
 * functions of lib/vdso and s390.c.
 *
 * The C functions keep their registers in their caller's register save
 * area, as the ELF ABI allows; but a caller of the vDSO need not have
 * one (glibc's first callers did not), so each entry sets up a frame of
 * its own below the caller's stack pointer and calls the C function
 * from there. The frame is struct stack_frame_vdso_wrapper: the return
 * address above a register save area whose back chain is zero, which is
 * how the kernel's user stack walker (stacktrace.c) knows it.
 */
#include <asm/asm-offsets.h>

.macro	vdso_entry name
	.globl	__kernel_\name
	.type	__kernel_\name, @function
	.balign	8
__kernel_\name:
	.cfi_startproc
	aghi	%r15, -STACK_FRAME_VDSO_OVERHEAD
	.cfi_adjust_cfa_offset STACK_FRAME_VDSO_OVERHEAD
	stg	%r14, __SFVDSO_RETURN_ADDRESS(%r15)
	.cfi_rel_offset %r14, __SFVDSO_RETURN_ADDRESS
	xc	__SFUSER_BACKCHAIN(8, %r15), __SFUSER_BACKCHAIN(%r15)
	brasl	%r14, __c_kernel_\name
	lg	%r14, __SFVDSO_RETURN_ADDRESS(%r15)
	.cfi_restore %r14
	aghi	%r15, STACK_FRAME_VDSO_OVERHEAD
	.cfi_adjust_cfa_offset -STACK_FRAME_VDSO_OVERHEAD
	br	%r14
	.cfi_endproc
	.size	__kernel_\name, . - __kernel_\name
.endm

	.text
	vdso_entry gettimeofday
	vdso_entry clock_gettime
	vdso_entry clock_getres
	vdso_entry getcpu
	vdso_entry getrandom
