/* SPDX-License-Identifier: GPL-2.0 */
/* The riscv side of mapping the vDSO; the generic side is vdso/image.h. */
#ifndef __ASM_VDSO_H
#define __ASM_VDSO_H

/* Without an MMU there are no shared libraries, and so no vDSO. */
#if defined(CONFIG_MMU) && !defined(__ASSEMBLY__)

#include <generated/vdso-offsets.h>
#include <vdso/image.h>

/* The address of the image's entry @name (see vdso-offsets in its Makefile) */
#define VDSO_SYMBOL(base, name)						\
	((void __user *)((unsigned long)(base) + vdso_offset_##name))

/* The image, for the alternatives code */
extern char vdso_start[], vdso_end[];

/* Where ARCH_DLINFO and signal delivery find the image */
static inline void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
	mm->context.vdso = (void *)base;
}

#endif

#endif /* __ASM_VDSO_H */
