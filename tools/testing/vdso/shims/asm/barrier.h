/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's SMP barriers as C11 fences. */
#ifndef _TEST_ASM_BARRIER_H
#define _TEST_ASM_BARRIER_H

#include <linux/compiler.h>

/* loads and stores on either side stay on their side */
#define smp_mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
/* loads before it complete before loads after it */
#define smp_rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
/* stores before it are visible before stores after it */
#define smp_wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
/* loads and stores after this load stay after it */
#define smp_load_acquire(p)	__atomic_load_n((p), __ATOMIC_ACQUIRE)
/* loads and stores before it are visible before this store */
#define smp_store_release(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)

#endif /* _TEST_ASM_BARRIER_H */
