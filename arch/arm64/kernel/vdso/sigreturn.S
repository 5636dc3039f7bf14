/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The return from a signal handler: the kernel points the handler's link
 * register here (VDSO_SYMBOL(.., sigtramp)).
 *
 * Unwinders (libgcc, gdb) know a signal frame by these two instructions
 * at the return address, so they must stay exactly these (no BTI landing
 * pad: the kernel branches here with the return). The NOP before the
 * entry keeps a lookup of "return address - 1" inside this function.
 */
#include <asm/unistd.h>

	.text
	nop
	.globl	__kernel_rt_sigreturn
	.type	__kernel_rt_sigreturn, %function
__kernel_rt_sigreturn:
	mov	x8, #__NR_rt_sigreturn
	svc	#0
	.size	__kernel_rt_sigreturn, . - __kernel_rt_sigreturn
