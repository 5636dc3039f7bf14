/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TEST_ASM_VDSO_PROCESSOR_H
#define _TEST_ASM_VDSO_PROCESSOR_H

#include <linux/compiler.h>

static __always_inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
	barrier();
}

#endif /* _TEST_ASM_VDSO_PROCESSOR_H */
