/* SPDX-License-Identifier: GPL-2.0 */
/* The powerpc side of mapping the vDSO; the generic side is vdso/image.h. */
#ifndef _ASM_POWERPC_VDSO_H
#define _ASM_POWERPC_VDSO_H

#ifndef __ASSEMBLY__

#include <linux/mm_types.h>

#ifdef CONFIG_HAVE_GENERIC_VDSO

#include <generated/vdso64-offsets.h>
#include <vdso/image.h>

/* The address of the 64-bit image's entry @name (vdso-offsets, Makefile) */
#define VDSO64_SYMBOL(base, name)					\
	((unsigned long)(base) + vdso_offset_##name)

/*
 * There is no 32-bit image: 32-bit tasks run without a vDSO, their
 * context.vdso stays NULL, and signal delivery puts their trampoline on
 * the stack. So nothing asks where @name is in one.
 */
static inline unsigned long vdso32_symbol(void __user *base, const char *name)
{
	return 0;
}

#define VDSO32_SYMBOL(base, name)	vdso32_symbol(base, #name)

/* Where ARCH_DLINFO, signal delivery and perf find the image */
static inline void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
	mm->context.vdso = (void __user *)base;
}

/*
 * [vdso] unmapped at @start: signals then get the trampoline on the stack.
 * Also called for the old place when the image moves, after
 * arch_vdso_set_base() has set the new one, which stays.
 */
static inline void arch_vdso_unmap(struct mm_struct *mm, unsigned long start)
{
	if (mm->context.vdso == (void __user *)start)
		mm->context.vdso = NULL;
}

#define arch_vdso_unmap arch_vdso_unmap

#endif /* CONFIG_HAVE_GENERIC_VDSO */

int vdso_getcpu_init(void);

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_POWERPC_VDSO_H */
