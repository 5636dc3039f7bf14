/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The return from a signal handler: the kernel points the handler's
 * return address here (VDSO_SYMBOL(.., rt_sigreturn)).
 *
 * Unwinders (libgcc, gdb) know a signal frame by these two instructions
 * at the return address, so they stay exactly these, uncompressed, and
 * have no unwind entry of their own. The NOP before the entry keeps a
 * lookup of "return address - 1" inside this function.
 */
#include <asm/unistd.h>

	.text
	.option	push
	.option	norvc
	nop
	.globl	__vdso_rt_sigreturn
	.type	__vdso_rt_sigreturn, @function
__vdso_rt_sigreturn:
	li	a7, __NR_rt_sigreturn
	ecall
	.size	__vdso_rt_sigreturn, . - __vdso_rt_sigreturn
	.option	pop
