/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86's own [vvar] pages (vdso/datapage.h): the pages hypervisors write
 * their clocks to, mapped only on a system whose clocksource has used
 * them (arch/x86/entry/vdso/vma.c), read by asm/vdso/vclock.h.
 */
#ifndef __ASM_VDSO_PAGES_H
#define __ASM_VDSO_PAGES_H

/* kvm-clock: the page holding CPU 0's struct pvclock_vcpu_time_info */
#define VDSO_PAGE_PVCLOCK	(VDSO_PAGE_ARCH_OWN + 0)
/* Hyper-V: the reference TSC page, struct ms_hyperv_tsc_page */
#define VDSO_PAGE_HVCLOCK	(VDSO_PAGE_ARCH_OWN + 1)

#define VDSO_ARCH_PAGES		2

#endif /* __ASM_VDSO_PAGES_H */
