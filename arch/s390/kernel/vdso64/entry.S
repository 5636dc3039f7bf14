/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The entries of the s390x vDSO that user space calls, around the C
 * functions of lib/vdso, and getcpu().
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
	vdso_entry getrandom

/*
 * getcpu(cpu, node, cache), whole here, with no C function to call. The
 * kernel keeps each CPU's number in that CPU's TOD programmable field
 * (vdso_getcpu_init()), which STORE CLOCK EXTENDED stores in the last
 * two of its sixteen bytes: one instruction, so the number is the CPU
 * the thread is on at that instant, however often it migrates. The
 * frame is the other entries' (for the user stack walker); the clock
 * goes into its register save area, above the back chain, which nothing
 * here saves registers to. s390 has no NUMA nodes: the node is 0, as the
 * system call says. Either pointer may be NULL; the cache is not used.
 */
#define GETCPU_CLOCK	(__SFUSER_BACKCHAIN + 8)

	.globl	__kernel_getcpu
	.type	__kernel_getcpu, @function
	.balign	8
__kernel_getcpu:
	.cfi_startproc
	aghi	%r15, -STACK_FRAME_VDSO_OVERHEAD
	.cfi_adjust_cfa_offset STACK_FRAME_VDSO_OVERHEAD
	stg	%r14, __SFVDSO_RETURN_ADDRESS(%r15)
	xc	__SFUSER_BACKCHAIN(8, %r15), __SFUSER_BACKCHAIN(%r15)
	stcke	GETCPU_CLOCK(%r15)
	ltgr	%r2, %r2
	je	1f
	llgh	%r1, GETCPU_CLOCK + 14(%r15)
	st	%r1, 0(%r2)
1:	ltgr	%r3, %r3
	je	2f
	mvhi	0(%r3), 0
2:	lghi	%r2, 0
	aghi	%r15, STACK_FRAME_VDSO_OVERHEAD
	.cfi_adjust_cfa_offset -STACK_FRAME_VDSO_OVERHEAD
	br	%r14
	.cfi_endproc
	.size	__kernel_getcpu, . - __kernel_getcpu
