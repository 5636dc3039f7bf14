/* SPDX-License-Identifier: GPL-2.0 */
/* What the kernel and the vDSO share of the arm64 processor helpers. */
#ifndef __ASM_VDSO_PROCESSOR_H
#define __ASM_VDSO_PROCESSOR_H

#ifndef __ASSEMBLY__

/* YIELD: a hint that this is a spin-wait loop */
static inline void cpu_relax(void)
{
	asm volatile ("yield" ::: "memory");
}

#endif /* __ASSEMBLY__ */

#endif /* __ASM_VDSO_PROCESSOR_H */
