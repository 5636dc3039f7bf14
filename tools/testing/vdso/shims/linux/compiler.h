/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The tools' linux/compiler.h (attributes, READ_ONCE(), barrier()), and
 * what it lacks of the kernel's: barrier_data(). Force-included.
 */
#ifndef _TEST_LINUX_COMPILER_H
#define _TEST_LINUX_COMPILER_H

#include_next <linux/compiler.h>

/* a barrier() that also takes @ptr as used: stores through it stay */
static __always_inline void barrier_data(void *ptr)
{
	__asm__ __volatile__("" : : "r"(ptr) : "memory");
}

#endif /* _TEST_LINUX_COMPILER_H */
