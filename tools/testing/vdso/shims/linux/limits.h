/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's fixed-width limits, on top of vdso/limits.h. */
#ifndef _TEST_LINUX_LIMITS_H
#define _TEST_LINUX_LIMITS_H

#include <linux/types.h>
#include <vdso/limits.h>

#define U32_MAX		((u32)~0U)
#define S32_MAX		((s32)(U32_MAX >> 1))
#define S32_MIN		((s32)(-S32_MAX - 1))
#define U64_MAX		((u64)~0ULL)
#define S64_MAX		((s64)(U64_MAX >> 1))
#define S64_MIN		((s64)(-S64_MAX - 1))

#endif /* _TEST_LINUX_LIMITS_H */
