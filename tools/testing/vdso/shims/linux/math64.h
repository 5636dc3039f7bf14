/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's 64-bit division helpers, as plain C on a 64-bit host. */
#ifndef _TEST_LINUX_MATH64_H
#define _TEST_LINUX_MATH64_H

#include <linux/limits.h>
#include <linux/types.h>
#include <vdso/math64.h>

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
	return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
	return dividend / divisor;
}

#endif /* _TEST_LINUX_MATH64_H */
