/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mips' own [vvar] page (vdso/datapage.h): the GIC's user-mode visible
 * section, whose first doubleword is the GIC's shared counter. Mapped,
 * uncached, only where there is a GIC (arch/mips/kernel/vdso.c).
 */
#ifndef __ASM_VDSO_PAGES_H
#define __ASM_VDSO_PAGES_H

#define VDSO_PAGE_GIC		(VDSO_PAGE_ARCH_OWN + 0)

#define VDSO_ARCH_PAGES		1

#endif /* __ASM_VDSO_PAGES_H */
