/* SPDX-License-Identifier: GPL-2.0 */
/* The arm64 side of mapping the vDSO; the generic side is vdso/image.h. */
#ifndef __ASM_VDSO_H
#define __ASM_VDSO_H

#ifndef __ASSEMBLY__

#include <generated/vdso-offsets.h>
#include <vdso/image.h>

/* The address of the image's entry @name (see vdso-offsets in its Makefile) */
#define VDSO_SYMBOL(base, name)						\
	((void *)((unsigned long)(base) + vdso_offset_##name))

/* The image, for the alternatives code */
extern char vdso_start[], vdso_end[];

#ifdef CONFIG_COMPAT
/* What AArch32 tasks get besides arm's vDSO: kuser32.S, sigreturn32.S */
extern const char __kuser_helper_start[], __kuser_helper_end[];
extern const char __aarch32_sigret_code_start[], __aarch32_sigret_code_end[];
#endif

/* Where ARCH_DLINFO and signal delivery find the image */
static inline void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
	mm->context.vdso = (void *)base;
}

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_H */
