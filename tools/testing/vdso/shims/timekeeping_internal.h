/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kernel/time/vsyscall.c takes from kernel/time/timekeeping_internal.h:
 * the timekeeper lock, a mutex here (tk.c defines it).
 */
#ifndef _TEST_TIMEKEEPING_INTERNAL_H
#define _TEST_TIMEKEEPING_INTERNAL_H

#include <pthread.h>

/* as tools/include/linux/spinlock.h has spinlock_t */
#define raw_spinlock_t		pthread_mutex_t

extern raw_spinlock_t timekeeper_lock;

#define raw_spin_lock_irqsave(l, flags)					\
	do { (flags) = 0; pthread_mutex_lock(l); } while (0)
#define raw_spin_unlock_irqrestore(l, flags)				\
	do { (void)(flags); pthread_mutex_unlock(l); } while (0)

#endif /* _TEST_TIMEKEEPING_INTERNAL_H */
