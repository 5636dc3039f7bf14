/* SPDX-License-Identifier: GPL-2.0 */
/* What the kernel and the vDSO share of the x86 processor helpers. */
#ifndef __ASM_VDSO_PROCESSOR_H
#define __ASM_VDSO_PROCESSOR_H

#ifndef __ASSEMBLY__

/* PAUSE: tells the CPU that this is a spin-wait loop. */
static __always_inline void rep_nop(void)
{
	asm volatile ("pause" ::: "memory");
}

static __always_inline void cpu_relax(void)
{
	rep_nop();
}

#endif /* __ASSEMBLY__ */

#endif /* __ASM_VDSO_PROCESSOR_H */
