/* SPDX-License-Identifier: GPL-2.0 */
/* What the kernel and the vDSO share of the arm processor helpers. */
#ifndef __ASM_VDSO_PROCESSOR_H
#define __ASM_VDSO_PROCESSOR_H

#ifndef __ASSEMBLY__

/*
 * ARMv7 has no spin-wait hint worth its cost: a compiler barrier does.
 * ARMv6, and Cortex-A9 with erratum 754327, may keep a store in the write
 * buffer for as long as a loop spins; there each pass drains it. A macro,
 * since smp_mb() is not defined yet where asm/processor.h includes this.
 */
#define __cpu_relax_drains						\
	(__LINUX_ARM_ARCH__ == 6 || IS_ENABLED(CONFIG_ARM_ERRATA_754327))

#define cpu_relax()							\
	do {								\
		if (__cpu_relax_drains)					\
			smp_mb();	/* the write buffer, see above */ \
		else							\
			barrier();					\
	} while (0)

#endif /* __ASSEMBLY__ */

#endif /* __ASM_VDSO_PROCESSOR_H */
