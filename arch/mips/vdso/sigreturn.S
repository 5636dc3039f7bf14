/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The return from a signal handler: mips has no SA_RESTORER and no
 * trampoline on the stack, so the kernel always points a handler's
 * return address here (vdso_image.off_rt_sigreturn, asm/vdso.h), or for
 * an o32 handler without SA_SIGINFO to __vdso_sigreturn (off_sigreturn).
 *
 * Unwinders (libgcc, gdb) know a signal frame by these two instructions
 * at the return address, so they stay exactly these and have no unwind
 * entry of their own. The NOP before the entry keeps a lookup of "return
 * address - 1" inside this code. Local: the symbol table of the debug
 * image names it, for the offset; user space has no use for the name.
 */
#include <asm/unistd.h>

/* Standard encodings, whatever the kernel's: unwinders read these words */
.macro	vdso_sigreturn sym, nr
	.set	push
	.set	noreorder
	.set	nomicromips
	nop
	.type	\sym, @function
\sym:
	li	$2, \nr
	syscall
	.size	\sym, . - \sym
	.set	pop
.endm

	.text
	vdso_sigreturn __vdso_rt_sigreturn, __NR_rt_sigreturn
#ifdef CONFIG_32BIT
	vdso_sigreturn __vdso_sigreturn, __NR_sigreturn
#endif
