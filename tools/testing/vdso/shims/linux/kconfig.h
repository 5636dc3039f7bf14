/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel configuration the harness builds the code under test with.
 * Force-included into every translation unit (-include), as the kernel's
 * own build force-includes its generated autoconf.h and kconfig.h.
 */
#ifndef _TEST_LINUX_KCONFIG_H
#define _TEST_LINUX_KCONFIG_H

#define CONFIG_GENERIC_GETTIMEOFDAY	1
#define CONFIG_TIME_NS			1
#define CONFIG_HZ			250
#define CONFIG_PAGE_SHIFT		12

/* -DVDSO_TEST_NO_INT128 builds the 32-bit paths of vdso/math64.h. */
#ifndef VDSO_TEST_NO_INT128
#define CONFIG_ARCH_SUPPORTS_INT128	1
#endif

/*
 * x86-64's loads and stores of any alignment; -DVDSO_TEST_STRICT_ALIGN
 * builds the byte paths of architectures without them.
 */
#ifndef VDSO_TEST_STRICT_ALIGN
#define CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS	1
#endif

/* IS_ENABLED() and the like, as the tools have them */
#include_next <linux/kconfig.h>

#endif /* _TEST_LINUX_KCONFIG_H */
