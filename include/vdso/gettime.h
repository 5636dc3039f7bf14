/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The time functions of the generic vDSO library (lib/vdso/gettimeofday.c).
 *
 * Each is defined under the name VDSO_ENTRY(name), which the architecture's
 * glue header (included first) chooses (__vdso_clock_gettime, __kernel_clock_gettime, ...);
 * the architecture's linker script then decides which are exported.
 */
#ifndef _VDSO_GETTIME_H
#define _VDSO_GETTIME_H

#include <linux/types.h>
#include <asm/bitsperlong.h>

/*
 * Where long is 32 bits wide (arm, and the i386 image), clock_gettime()
 * and clock_getres() keep the y2038-limited timespec of their system
 * calls, and the 64-bit timespec has entries of its own, with system
 * calls of their own: clock_gettime64() and clock_getres_time64().
 * Elsewhere the plain entries take the 64-bit timespec. (The host
 * harness, tools/testing/vdso, defines VDSO_TIME32 itself to test the
 * 32-bit entries with 64-bit longs.)
 */
#if BITS_PER_LONG == 32 && !defined(VDSO_TIME32)
#define VDSO_TIME32	1
#endif

struct __kernel_timespec;
struct old_timespec32;
struct __kernel_old_timeval;
struct timezone;

#ifdef VDSO_ENTRY
#ifndef VDSO_ALIAS
#define VDSO_ALIAS(name)	struct vdso_no_alias_##name
#endif

#ifdef VDSO_TIME32
int VDSO_ENTRY(clock_gettime)(clockid_t clock, struct old_timespec32 *ts);
int VDSO_ENTRY(clock_getres)(clockid_t clock, struct old_timespec32 *res);
int VDSO_ENTRY(clock_gettime64)(clockid_t clock, struct __kernel_timespec *ts);
int VDSO_ENTRY(clock_getres_time64)(clockid_t clock, struct __kernel_timespec *res);
#else
int VDSO_ENTRY(clock_gettime)(clockid_t clock, struct __kernel_timespec *ts);
int VDSO_ENTRY(clock_getres)(clockid_t clock, struct __kernel_timespec *res);
#endif
int VDSO_ENTRY(gettimeofday)(struct __kernel_old_timeval *tv, struct timezone *tz);
__kernel_old_time_t VDSO_ENTRY(time)(__kernel_old_time_t *t);

struct getcpu_cache;
long VDSO_ENTRY(getcpu)(unsigned int *cpu, unsigned int *node,
			struct getcpu_cache *unused);
ssize_t VDSO_ENTRY(getrandom)(void *buffer, size_t len, unsigned int flags,
			      void *opaque_state, size_t opaque_len);
#endif

#endif /* _VDSO_GETTIME_H */
