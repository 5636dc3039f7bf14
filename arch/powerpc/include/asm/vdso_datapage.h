/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The powerpc page of the vDSO data, as the rest of the kernel knows it:
 * the old systemcfg page. Its layout is asm/vdso/arch_data.h; the time
 * and RNG data are the generic vDSO's (vdso/datapage.h).
 */
#ifndef _ASM_POWERPC_VDSO_DATAPAGE_H
#define _ASM_POWERPC_VDSO_DATAPAGE_H

#define SYSTEMCFG_MAJOR	1
#define SYSTEMCFG_MINOR	1

#ifndef __ASSEMBLY__

#include <vdso/datapage.h>

#ifdef CONFIG_ARCH_HAS_VDSO_DATA
/* &vdso_k_arch_page.data, under the name the platform code has used */
extern struct vdso_arch_data *vdso_data;
#endif

#endif /* !__ASSEMBLY__ */

#endif /* _ASM_POWERPC_VDSO_DATAPAGE_H */
