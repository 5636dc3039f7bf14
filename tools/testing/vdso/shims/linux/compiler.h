/* SPDX-License-Identifier: GPL-2.0 */
/* Branch hints and single-copy accesses, as the kernel has them. */
#ifndef _TEST_LINUX_COMPILER_H
#define _TEST_LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define barrier()	__asm__ __volatile__("" : : : "memory")

/* One access of the whole scalar, never torn, cached or repeated. */
#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)					\
	do {							\
		*(volatile __typeof__(x) *)&(x) = (val);	\
	} while (0)

/* a barrier() that also takes @ptr as used: stores through it stay */
static __always_inline void barrier_data(void *ptr)
{
	__asm__ __volatile__("" : : "r"(ptr) : "memory");
}

#endif /* _TEST_LINUX_COMPILER_H */
