/* SPDX-License-Identifier: GPL-2.0 */
/* What the kernel and the vDSO share of the riscv processor helpers. */
#ifndef __ASM_VDSO_PROCESSOR_H
#define __ASM_VDSO_PROCESSOR_H

#ifndef __ASSEMBLY__

#include <asm/barrier.h>
#include <asm/insn-def.h>

/*
 * A spin-wait hint: PAUSE (Zihintpause), a hint that harts without it
 * run as a no-op; before it a divide, so that they still wait a little.
 */
static inline void cpu_relax(void)
{
#ifdef __riscv_muldiv
	int x = 0;

	asm volatile ("div	%0, %0, zero" : "+r" (x));
#endif
	asm volatile (RISCV_PAUSE);
	barrier();
}

#endif /* __ASSEMBLY__ */

#endif /* __ASM_VDSO_PROCESSOR_H */
