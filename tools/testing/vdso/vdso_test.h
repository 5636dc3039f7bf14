/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the tests share: the code under test's headers (through the shims),
 * the [vvar] mapping, the counted system call, TAP output, a PRNG and the
 * 128-bit reference arithmetic.
 */
#ifndef _VDSO_TEST_H
#define _VDSO_TEST_H

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
/* glibc's <time.h> spells it 1, the uapi linux/time.h 0x01 */
#undef TIMER_ABSTIME

#include <linux/hrtimer.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/time.h>
#include <linux/time_namespace.h>
#include <linux/timekeeper_internal.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/datapage.h>
#include <vdso/gettime.h>
#include <vdso/ktime.h>
#include <vdso/seq.h>
#include <vdso/time32.h>

/* the aliases the glue's VDSO_ALIAS() makes: of the plain names' entries */
#ifdef VDSO_TIME32
int test_vdso_alias_clock_gettime(clockid_t clock, struct old_timespec32 *ts);
int test_vdso_alias_clock_getres(clockid_t clock, struct old_timespec32 *res);
#else
int test_vdso_alias_clock_gettime(clockid_t clock, struct __kernel_timespec *ts);
int test_vdso_alias_clock_getres(clockid_t clock, struct __kernel_timespec *res);
#endif
int test_vdso_alias_gettimeofday(struct __kernel_old_timeval *tv, struct timezone *tz);
__kernel_old_time_t test_vdso_alias_time(__kernel_old_time_t *t);
ssize_t test_vdso_alias_getrandom(void *buffer, size_t len, unsigned int flags,
				  void *opaque_state, size_t opaque_len);

#define NSEC		1000000000ULL
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Which clock is which, as the ABI has it: spelled out here rather than
 * taken from vdso/datapage.h, so that a wrong mask there fails the tests.
 */
#define T_RAW		BIT(CLOCK_MONOTONIC_RAW)
#define T_COARSE	(BIT(CLOCK_REALTIME_COARSE) | BIT(CLOCK_MONOTONIC_COARSE))
#define T_COUNTER	(BIT(CLOCK_REALTIME) | BIT(CLOCK_MONOTONIC) | BIT(CLOCK_BOOTTIME) | \
			 BIT(CLOCK_TAI) | T_RAW)
#define T_SLOTS		(T_COUNTER | T_COARSE)

static inline bool clock_is(clockid_t id, unsigned long kinds)
{
	return (u32)id < 32 && (BIT(id) & kinds);
}

/* --- [vvar]: harness.c ------------------------------------------------ */

/*
 * The writer's page (vdso_k_time_page, in vsyscall.o), a namespace page
 * and the RNG page (vdso_k_rng_page, in rng.o) are three pages of one
 * memfd; vdso_data_area, the reader's view, maps them read-only the way
 * the kernel maps [vvar]: the time page at page 1, and at page 0 too, or,
 * for a task in a time namespace, the namespace page there; the RNG page
 * at page 2. Pages with nothing mapped are PROT_NONE.
 */
void vvar_init(void);
void vvar_view(bool timens);
void vvar_fini(void);
struct vdso_time_data *vvar_ns_page(void);

static inline struct vdso_time_data *vd_k(void)
{
	return &vdso_k_time_page.data;
}

/* --- the system call: harness.c --------------------------------------- */

#define NR_SLOTS	1024
extern unsigned long sys_calls[NR_SLOTS];
/* when set, vdso_test_syscall3() answers sys_fake_ret without a syscall */
extern bool sys_fake;
extern long sys_fake_ret;
/* else, when set, this answers (after the count) without a syscall */
extern long (*sys_hook)(long nr, long a0, long a1, long a2);
extern long sys_last[4];

void sys_reset(void);
unsigned long sys_total(void);

/* --- TAP: harness.c ---------------------------------------------------- */

void tap_plan(int n);
/* start a test point; t_fail() marks it failed; t_end() prints it */
void t_begin(void);
void t_fail(const char *fmt, ...) __printf(1, 2);
bool t_end(const char *fmt, ...) __printf(1, 2);
unsigned long t_failures(void);
void tap_diag(const char *fmt, ...) __printf(1, 2);
int tap_done(void);

/* --- PRNG: splitmix64 --------------------------------------------------- */

extern u64 rnd_state;

static inline u64 rnd64(void)
{
	u64 z = (rnd_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* uniform in [0, n), n > 0 (the bias is irrelevant here) */
static inline u64 rnd_below(u64 n)
{
	return rnd64() % n;
}

/* a value of 0..64 random bits: small numbers as often as big ones */
static inline u64 rnd_log(void)
{
	unsigned int bits = rnd_below(65);

	return bits ? rnd64() >> (64 - bits) : 0;
}

/* --- reference arithmetic ----------------------------------------------- */

#define ref_u128	unsigned __int128
#define ref_s128	__int128

/* a signed nanosecond count as a normalised timespec (floor division) */
static inline struct __kernel_timespec ref_ts(ref_s128 ns)
{
	ref_s128 sec = ns / (ref_s128)NSEC;
	ref_s128 rem = ns % (ref_s128)NSEC;
	struct __kernel_timespec ts;

	if (rem < 0) {
		rem += NSEC;
		sec--;
	}
	ts.tv_sec = (s64)sec;
	ts.tv_nsec = (long long)rem;
	return ts;
}

static inline bool ts_eq(const struct __kernel_timespec *a,
			 const struct __kernel_timespec *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/*
 * The sec_delta the writer gives a base of @snsec, below one second: the
 * most cycles that keep it below one second, and below 2^32, so that a
 * counter behind cycle_last is never within it and a 32-bit reader
 * multiplies the low word of the delta alone.
 */
static inline u64 ref_sec_delta(u32 mult, u32 shift, u64 snsec)
{
	ref_u128 most = (((ref_u128)NSEC << shift) - 1 - snsec) / mult;

	return most < U32_MAX ? (u64)most : U32_MAX;
}

/* --- native.c ---------------------------------------------------------- */

/*
 * getrandom() of the std (vector ChaCha20) and scalar builds, renamed by
 * the Makefile so that one program links both; and the count of the
 * vector build's wipes (harness.c), which the native glue does not declare.
 */
ssize_t native_getrandom_std(void *buffer, size_t len, unsigned int flags,
			     void *opaque_state, size_t opaque_len);
ssize_t native_getrandom_scalar(void *buffer, size_t len, unsigned int flags,
				void *opaque_state, size_t opaque_len);
extern unsigned long vdso_test_vector_wipes;

/* --- the test groups ---------------------------------------------------- */

extern const int math_tests, conv_tests, clock_tests, fallback_tests, timens_tests;
extern const int getrandom_tests;
/* "vector" or "scalar": the path getrandom()'s ChaCha20 must take, if set */
extern const char *getrandom_path;
void run_math_tests(void);
void run_conv_tests(void);
void run_clock_tests(void);
void run_fallback_tests(void);
void run_timens_tests(void);
void run_getrandom_tests(void);

/* tk.c: random valid timekeepers and the reference for them */
struct tk_sample {
	struct timekeeper tk;
	struct clocksource cs;
	u64 cycles;
};

void tk_random(struct tk_sample *s);
void tk_publish(struct tk_sample *s);
struct __kernel_timespec tk_ref(const struct tk_sample *s, clockid_t id);

#endif /* _VDSO_TEST_H */
