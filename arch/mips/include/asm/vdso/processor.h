/* SPDX-License-Identifier: GPL-2.0 */
/* The MIPS spin-wait hint, for the kernel and the vDSO alike. */
#ifndef __ASM_VDSO_PROCESSOR_H
#define __ASM_VDSO_PROCESSOR_H

#ifndef __ASSEMBLY__

#include <asm/barrier.h>

/*
 * A loop that waits for another CPU's store. On most cores stopping the
 * compiler from caching the value is enough. Loongson 3 is the
 * exception: a store can sit in its write buffer for as long as another
 * core keeps loading the line, so the waiter drains it with a full
 * barrier or it may wait for ever.
 */
static __always_inline void cpu_relax(void)
{
	if (IS_ENABLED(CONFIG_CPU_LOONGSON64))
		smp_mb();	/* drains the write buffer */
	else
		barrier();
}

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_PROCESSOR_H */
