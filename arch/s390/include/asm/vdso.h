/* SPDX-License-Identifier: GPL-2.0 */
/* The s390 side of mapping the vDSO; the generic side is vdso/image.h. */
#ifndef __S390_VDSO_H__
#define __S390_VDSO_H__

#ifndef __ASSEMBLY__

#include <linux/mm_types.h>
#include <vdso/datapage.h>
#include <vdso/image.h>

/* Where ARCH_DLINFO, signal delivery and the stack walker find the image */
static inline void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
	mm->context.vdso_base = base;
}

int vdso_getcpu_init(void);

#endif /* !__ASSEMBLY__ */

#endif /* __S390_VDSO_H__ */
