/* SPDX-License-Identifier: GPL-2.0 */
/* The mips side of mapping the vDSO; the generic side is vdso/image.h. */
#ifndef __ASM_VDSO_H
#define __ASM_VDSO_H

#ifndef __ASSEMBLY__

#include <linux/mm_types.h>
#include <vdso/image.h>

/**
 * struct mips_vdso_image - an ABI's vDSO, as signal delivery and the
 *                          stack layout see it (struct mips_abi.vdso)
 * @image:            the image itself
 * @size:             the room [vvar] and [vdso] take above the stack
 *                    (mips_stack_top()), set up by vdso_init()
 * @off_sigreturn:    offset of the return from a handler without
 *                    SA_SIGINFO (o32 only)
 * @off_rt_sigreturn: offset of the return from any other handler
 */
struct mips_vdso_image {
	struct vdso_image *image;
	unsigned long size;
	unsigned long off_sigreturn;
	unsigned long off_rt_sigreturn;
};

extern struct mips_vdso_image vdso_image;

/* Where ARCH_DLINFO and signal delivery find the image */
static inline void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
	mm->context.vdso = (void *)base;
}

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_H */
