/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The code the kernel sends a task to (asm/vdso-symbols.h): the return
 * from a signal handler, whose r14 points at __kernel_sigreturn or
 * __kernel_rt_sigreturn unless it has its own restorer, and the restart
 * of a system call interrupted by a signal that ran no handler.
 *
 * Unwinders (libgcc, gdb) know a signal frame by the SVC at the return
 * address, so each entry starts with it, and no unwind entry covers
 * these: the unwinder looks up "return address - 1", which is the NOP
 * before each entry. A return from any of these SVCs to the next
 * instruction would be a kernel bug: it runs into an invalid opcode.
 *
 * The 31-bit image (vdso32/) builds this file with VDSO_COMPAT: the same
 * code (the three system calls have the same numbers for 31-bit tasks)
 * under the names __kernel_compat_*.
 */
#include <asm/unistd.h>

#ifdef VDSO_COMPAT
#define VDSO_NAME(name)	__kernel_compat_##name
#else
#define VDSO_NAME(name)	__kernel_##name
#endif

.macro	vdso_svc sym, nr
	nopr
	.globl	\sym
	.type	\sym, @function
\sym:
	svc	\nr
	.short	0
	.size	\sym, . - \sym
.endm

	.text
	vdso_svc VDSO_NAME(sigreturn), __NR_sigreturn
	vdso_svc VDSO_NAME(rt_sigreturn), __NR_rt_sigreturn
	/* the kernel finds the interrupted call's address in restart_block */
	vdso_svc VDSO_NAME(restart_syscall), __NR_restart_syscall
