/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm side of mapping the vDSO; the generic side is vdso/image.h.
 *
 * arch_setup_additional_pages() (arch/arm/kernel/process.c) places the
 * [sigpage] and, right above it, vdso_total_pages pages for [vvar] and
 * [vdso], then calls arm_install_vdso() for the latter with mmap_lock
 * held for writing.
 */
#ifndef __ASM_VDSO_H
#define __ASM_VDSO_H

#if defined(__KERNEL__) && !defined(__ASSEMBLY__)

struct mm_struct;

#ifdef CONFIG_VDSO

#include <vdso/image.h>

/* [vvar] and [vdso] together, in pages; 0 when processes get no vDSO */
extern unsigned int vdso_total_pages;

void arm_install_vdso(struct mm_struct *mm, unsigned long addr);

/* Where ARCH_DLINFO finds the image; 0 when there is none */
static inline void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
	mm->context.vdso = base;
}

#else /* !CONFIG_VDSO */

#define vdso_total_pages	0

static inline void arm_install_vdso(struct mm_struct *mm, unsigned long addr)
{
}

#endif /* CONFIG_VDSO */

#endif /* __KERNEL__ && !__ASSEMBLY__ */

#endif /* __ASM_VDSO_H */
