/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 side of mapping the vDSO; the generic side is vdso/image.h. */
#ifndef _ASM_X86_VDSO_H
#define _ASM_X86_VDSO_H

#ifndef __ASSEMBLER__

#include <vdso/image.h>

struct pt_regs;

#ifdef CONFIG_X86_64
extern struct vdso_image vdso_image_64;
#endif

/* Where ARCH_DLINFO and signal delivery find the image */
static inline void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
	mm->context.vdso = (void __user *)base;
}

int map_vdso_once(const struct vdso_image *image, unsigned long addr);

/*
 * The vDSO has no code that expects the kernel to fix up its faults
 * (upstream's was the SGX enclave entry, which this vDSO does not have).
 */
static inline bool fixup_vdso_exception(struct pt_regs *regs, int trapnr,
					unsigned long error_code,
					unsigned long fault_addr)
{
	return false;
}

#endif /* __ASSEMBLER__ */

#endif /* _ASM_X86_VDSO_H */
