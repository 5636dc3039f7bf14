/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What lib/vdso/rng.c takes from linux/cache.h: nothing of its own. rng.c
 * uses WRITE_ONCE() and smp_store_release() without including their
 * headers (in the kernel they come in indirectly): this header brings them.
 */
#ifndef _TEST_LINUX_CACHE_H
#define _TEST_LINUX_CACHE_H

#include <linux/compiler.h>
#include <linux/mm.h>
#include <asm/barrier.h>

#endif /* _TEST_LINUX_CACHE_H */
