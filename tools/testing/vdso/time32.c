// SPDX-License-Identifier: GPL-2.0
/*
 * The entries of a VDSO_TIME32 build (vdso/gettime.h), as 32-bit arm has
 * them, built here with the host's 64-bit longs: clock_gettime() and
 * clock_getres() take struct old_timespec32, clock_gettime64() and
 * clock_getres_time64() struct __kernel_timespec. The 64-bit ones must
 * answer what the reference says (tk.c), the 32-bit ones the same with the
 * seconds cut to s32, as the kernel's time32 calls cut them (no
 * EOVERFLOW), and neither may store a byte outside its timespec. Each
 * falls back to its own system call, with the caller's arguments:
 *
 *   clock_gettime()        __NR_clock_gettime
 *   clock_gettime64()      __NR_clock_gettime64
 *   clock_getres()         __NR_clock_getres
 *   clock_getres_time64()  __NR_clock_getres_time64
 *
 * (the last two numbers are i386's and arm's, from shims/asm/unistd.h).
 * gettimeofday() and time() keep their long seconds.
 *
 *   vdso_test_time32
 */
#include <sys/syscall.h>
#include <time.h>

#include "vdso_test.h"

#ifndef VDSO_TIME32
#error "these are the tests of the VDSO_TIME32 build (the Makefile's time32)"
#endif

#define TESTS		8
#define STATES		20000
#define NS_STATES	5000
#define POISON		0xa5

/* CPU-time clock ids, as include/linux/posix-timers.h makes them */
#define CPUCLOCK_SCHED		2
#define CPUCLOCK_PERTHREAD	4
#define PROCESS_CLOCK(pid, c)	((clockid_t)((~(unsigned int)(pid) << 3) | (c)))
#define THREAD_CLOCK(tid, c)	PROCESS_CLOCK(tid, (c) | CPUCLOCK_PERTHREAD)

/* each timespec between two poisoned guards, to catch a store too wide */
struct guard32 {
	u8 before[16];
	struct old_timespec32 ts;
	u8 after[16];
};

struct guard64 {
	u8 before[16];
	struct __kernel_timespec ts;
	u8 after[16];
};

static const clockid_t valid_ids[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
	CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI,
};

static clockid_t bad_ids[48];
static size_t nr_bad;

/* the ids 0..11 without a slot, and ids out of range either way */
static void make_bad_ids(void)
{
	static const clockid_t fixed[] = {
		CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
		CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM, CLOCK_SGI_CYCLE,
		12, 13, 15, 16, 31, 32, 33, 63, 64, 100, 0x10000, INT_MAX,
		-1, -2, -6, -7, INT_MIN, INT_MIN + 1,
		PROCESS_CLOCK(1, CPUCLOCK_SCHED), THREAD_CLOCK(0, CPUCLOCK_SCHED),
	};

	memcpy(bad_ids, fixed, sizeof(fixed));
	nr_bad = ARRAY_SIZE(fixed);
	bad_ids[nr_bad++] = PROCESS_CLOCK(getpid(), CPUCLOCK_SCHED);
}

static bool poisoned(const u8 *p, size_t n)
{
	while (n--)
		if (*p++ != POISON)
			return false;
	return true;
}

static bool guard32_ok(const struct guard32 *g)
{
	return poisoned(g->before, sizeof(g->before)) && poisoned(g->after, sizeof(g->after));
}

static bool guard64_ok(const struct guard64 *g)
{
	return poisoned(g->before, sizeof(g->before)) && poisoned(g->after, sizeof(g->after));
}

static long direct(long nr, long a0, long a1, long a2)
{
	long ret = syscall(nr, a0, a1, a2);

	return ret == -1 ? -errno : ret;
}

/*
 * The kernel of a 32-bit ABI, made of the host's: its time64 calls are
 * the host's calls, its time32 calls the host's with the seconds cut.
 */
static long kernel32(long nr, long a0, long a1, long a2)
{
	struct old_timespec32 *ts32 = (struct old_timespec32 *)a1;
	struct __kernel_timespec ts;
	long host, ret;

	if (nr == __NR_clock_gettime64 || nr == __NR_clock_gettime)
		host = __NR_clock_gettime;
	else if (nr == __NR_clock_getres_time64 || nr == __NR_clock_getres)
		host = __NR_clock_getres;
	else
		return -EINVAL;	/* no other call is expected: check_syscall() says so */
	if (nr != host || !ts32)
		return direct(host, a0, a1, a2);
	ret = direct(host, a0, (long)&ts, a2);
	if (!ret) {
		ts32->tv_sec = (s32)ts.tv_sec;
		ts32->tv_nsec = ts.tv_nsec;
	}
	return ret;
}

/* the next system call is answered @ret, by sys_fake */
static long fake(long ret)
{
	sys_reset();
	sys_fake = true;
	sys_fake_ret = ret;
	return ret;
}

/* one system call was made, @nr(@id, @arg, 0), and its answer returned */
static void check_syscall(const char *what, clockid_t id, long nr, const void *arg,
			  long ret, long want)
{
	if (ret != want || sys_total() != 1 || sys_calls[nr] != 1 || sys_last[0] != nr ||
	    sys_last[1] != (long)id || sys_last[2] != (long)arg || sys_last[3])
		t_fail("%s, id %d: ret %ld/%ld, %lu calls, last %ld(%ld, %#lx, %ld), want %ld(%p)",
		       what, id, ret, want, sys_total(), sys_last[0], sys_last[1],
		       sys_last[2], sys_last[3], nr, arg);
}

/*
 * Both clock_gettime() entries read @id: the 64-bit one @want, the 32-bit
 * one @want with the seconds cut to s32; no system call.
 */
static void check_pair(const char *what, clockid_t id, const struct __kernel_timespec *want)
{
	struct guard64 g64;
	struct guard32 g32;
	int r64, r32;

	memset(&g64, POISON, sizeof(g64));
	memset(&g32, POISON, sizeof(g32));
	sys_reset();
	r32 = test_vdso_clock_gettime(id, &g32.ts);
	r64 = test_vdso_clock_gettime64(id, &g64.ts);
	if (r64 || !ts_eq(&g64.ts, want))
		t_fail("%s, clock %d: clock_gettime64 %d %lld.%09lld, want %lld.%09lld", what,
		       id, r64, g64.ts.tv_sec, g64.ts.tv_nsec, want->tv_sec, want->tv_nsec);
	if (r32 || g32.ts.tv_sec != (s32)want->tv_sec || g32.ts.tv_nsec != want->tv_nsec)
		t_fail("%s, clock %d: clock_gettime %d %d.%09d, want %d.%09lld (%lld s)", what,
		       id, r32, g32.ts.tv_sec, g32.ts.tv_nsec, (s32)want->tv_sec,
		       want->tv_nsec, want->tv_sec);
	if (!guard32_ok(&g32) || !guard64_ok(&g64))
		t_fail("%s, clock %d: a store outside the timespec", what, id);
	if (sys_total())
		t_fail("%s, clock %d: %lu system calls", what, id, sys_total());
}

/* Both clock_gettime() entries make their own system call for @id, nothing more */
static void check_gettime_falls_back(const char *what, clockid_t id)
{
	struct guard64 g64;
	struct guard32 g32;
	long want;
	int ret;

	memset(&g64, POISON, sizeof(g64));
	memset(&g32, POISON, sizeof(g32));
	want = fake(-1000 - (rnd64() & 0xfff));
	ret = test_vdso_clock_gettime(id, &g32.ts);
	check_syscall(what, id, __NR_clock_gettime, &g32.ts, ret, want);
	want = fake(-1000 - (rnd64() & 0xfff));
	ret = test_vdso_clock_gettime64(id, &g64.ts);
	check_syscall(what, id, __NR_clock_gettime64, &g64.ts, ret, want);
	if (!poisoned((u8 *)&g32, sizeof(g32)) || !poisoned((u8 *)&g64, sizeof(g64)))
		t_fail("%s, id %d: a store before the system call", what, id);
	sys_reset();
}

/* the counts of reads whose seconds reach 2^31 and 2^32 */
static unsigned long past31, past32;

static void count_edges(const struct __kernel_timespec *ts)
{
	past31 += ts->tv_sec >= (s64)BIT_ULL(31);
	past32 += ts->tv_sec >= (s64)BIT_ULL(32);
}

static void test_random_states(void)
{
	int n;

	t_begin();
	past31 = 0;
	past32 = 0;
	for (n = 0; n < STATES; n++) {
		struct tk_sample s;
		clockid_t id;

		tk_random(&s);
		tk_publish(&s);
		for (id = 0; id < 12; id++) {
			struct __kernel_timespec want;

			if (!clock_is(id, T_SLOTS)) {
				check_gettime_falls_back("random state", id);
				continue;
			}
			want = tk_ref(&s, id);
			count_edges(&want);
			check_pair("random state", id, &want);
		}
	}
	/* tk_random() makes seconds up to 2^34: many past both */
	if (past31 < STATES || past32 < STATES)
		t_fail("too few reads past 2^31 (%lu) or 2^32 s (%lu)", past31, past32);
	t_end("time32: ids 0..11, %d states (%lu reads past 2^31 s, %lu 2^32): time32 = time64 cut",
	      STATES, past31, past32);
}

static void test_edges(void)
{
	static const u64 edges[] = {
		BIT_ULL(31) - 2, BIT_ULL(31) - 1, BIT_ULL(31), BIT_ULL(32) - 2,
		BIT_ULL(32) - 1, BIT_ULL(32), BIT_ULL(32) + BIT_ULL(31) - 1,
		BIT_ULL(33) - 1, BIT_ULL(33) + BIT_ULL(31) - 1,
	};
	unsigned long wrapped = 0, negative = 0;
	size_t e;
	int n;

	t_begin();
	for (e = 0; e < ARRAY_SIZE(edges); e++) {
		for (n = 0; n < 500; n++) {
			struct __kernel_old_timeval tv;
			struct tk_sample s;
			u32 shift;
			clockid_t id;

			tk_random(&s);
			shift = s.tk.tkr_mono.shift;
			/* the last nanoseconds of a second, a few cycles later or none */
			s.tk.xtime_sec = edges[e];
			s.tk.raw_sec = edges[e];
			s.tk.tkr_mono.xtime_nsec = (NSEC - 1 - rnd_below(4)) << shift |
						   rnd_below(1ULL << shift);
			s.tk.tkr_raw.xtime_nsec = s.tk.tkr_mono.xtime_nsec;
			s.tk.wall_to_monotonic.tv_sec = 0;
			s.tk.tai_offset = rnd_below(2);
			s.cycles = (s.tk.tkr_mono.cycle_last + (n & 1 ? rnd_below(64) : 0)) &
				   s.tk.tkr_mono.mask;
			tk_publish(&s);
			for (id = 0; id < 12; id++) {
				struct __kernel_timespec want;

				if (!clock_is(id, T_SLOTS))
					continue;
				want = tk_ref(&s, id);
				wrapped += (s32)want.tv_sec != want.tv_sec;
				negative += (s32)want.tv_sec < 0;
				check_pair("edge", id, &want);
			}
			/* gettimeofday() and time() keep every bit */
			if (test_vdso_gettimeofday(&tv, NULL) ||
			    tv.tv_sec != tk_ref(&s, CLOCK_REALTIME).tv_sec ||
			    test_vdso_time(NULL) != (s64)edges[e])
				t_fail("gettimeofday %ld / time %ld at %llu s", tv.tv_sec,
				       test_vdso_time(NULL), edges[e]);
		}
	}
	if (!wrapped || !negative)
		t_fail("no read wrapped (%lu) or came out negative (%lu)", wrapped, negative);
	t_end("time32: about 2^31, 2^32, 2^33 s: time32 wraps as s32; gettimeofday, time do not");
}

static void test_getres(void)
{
	int n;

	t_begin();
	for (n = 0; n < 200; n++) {
		struct tk_sample s;
		clockid_t id;

		tk_random(&s);
		tk_publish(&s);
		for (id = 0; id < 12; id++) {
			long long want = clock_is(id, T_COARSE) ? (long long)(NSEC / HZ) :
					 hrtimer_resolution;
			struct guard64 g64;
			struct guard32 g32, a32;
			int r32, r64, ra;

			if (!clock_is(id, T_SLOTS))
				continue;
			memset(&g64, POISON, sizeof(g64));
			memset(&g32, POISON, sizeof(g32));
			memset(&a32, POISON, sizeof(a32));
			sys_reset();
			r32 = test_vdso_clock_getres(id, &g32.ts);
			r64 = test_vdso_clock_getres_time64(id, &g64.ts);
			ra = test_vdso_alias_clock_getres(id, &a32.ts);
			if (r64 || g64.ts.tv_sec || g64.ts.tv_nsec != want)
				t_fail("clock %d: getres_time64 %d %lld.%09lld, want 0.%09lld", id,
				       r64, g64.ts.tv_sec, g64.ts.tv_nsec, want);
			if (r32 || ra || g32.ts.tv_sec || g32.ts.tv_nsec != want ||
			    memcmp(&a32, &g32, sizeof(g32)))
				t_fail("clock %d: clock_getres %d %d.%09d, want 0.%09lld", id, r32,
				       g32.ts.tv_sec, g32.ts.tv_nsec, want);
			if (!guard32_ok(&g32) || !guard64_ok(&g64))
				t_fail("clock %d: a store outside the timespec", id);
			if (test_vdso_clock_getres(id, NULL) ||
			    test_vdso_clock_getres_time64(id, NULL))
				t_fail("clock %d: NULL res not 0", id);
			if (sys_total())
				t_fail("clock %d: %lu system calls", id, sys_total());
		}
	}
	/* the plain names' aliases are the 32-bit entries */
	if ((void *)test_vdso_alias_clock_gettime != (void *)test_vdso_clock_gettime ||
	    (void *)test_vdso_alias_clock_getres != (void *)test_vdso_clock_getres)
		t_fail("VDSO_ALIAS(): not the time32 entries");
	t_end("time32: both getres (and NULL): the resolution, no syscall; aliases are time32");
}

/*
 * @id against the kernel (kernel32()): each entry returns what the host's
 * call does, and clock_getres() stores its resolution, cut
 */
static void check_kernel_answers(clockid_t id)
{
	struct __kernel_timespec host;
	struct guard64 g64;
	struct guard32 g32;
	long want, r32, r64;

	memset(&g64, POISON, sizeof(g64));
	memset(&g32, POISON, sizeof(g32));
	want = direct(__NR_clock_gettime, id, (long)&host, 0);
	sys_reset();
	sys_hook = kernel32;
	r32 = test_vdso_clock_gettime(id, &g32.ts);
	r64 = test_vdso_clock_gettime64(id, &g64.ts);
	if (r32 != want || r64 != want || sys_total() != 2 ||
	    sys_calls[__NR_clock_gettime] != 1 || sys_calls[__NR_clock_gettime64] != 1)
		t_fail("kernel, id %d: %ld and %ld, the kernel says %ld (%lu calls)", id, r32,
		       r64, want, sys_total());
	if (!want && (g32.ts.tv_nsec < 0 || g32.ts.tv_nsec >= (s32)NSEC ||
		      g64.ts.tv_nsec < 0 || g64.ts.tv_nsec >= (long long)NSEC))
		t_fail("kernel, id %d: %d.%09d and %lld.%09lld", id, g32.ts.tv_sec,
		       g32.ts.tv_nsec, g64.ts.tv_sec, g64.ts.tv_nsec);

	want = direct(__NR_clock_getres, id, (long)&host, 0);
	sys_reset();
	sys_hook = kernel32;
	r32 = test_vdso_clock_getres(id, &g32.ts);
	r64 = test_vdso_clock_getres_time64(id, &g64.ts);
	if (r32 != want || r64 != want || sys_total() != 2 ||
	    sys_calls[__NR_clock_getres] != 1 || sys_calls[__NR_clock_getres_time64] != 1)
		t_fail("kernel, getres id %d: %ld and %ld, the kernel says %ld", id, r32, r64,
		       want);
	if (!want && (!ts_eq(&g64.ts, &host) || g32.ts.tv_sec != (s32)host.tv_sec ||
		      g32.ts.tv_nsec != host.tv_nsec))
		t_fail("kernel, getres id %d: %d.%09d and %lld.%09lld, want %lld.%09lld", id,
		       g32.ts.tv_sec, g32.ts.tv_nsec, g64.ts.tv_sec, g64.ts.tv_nsec,
		       host.tv_sec, host.tv_nsec);
	if (!guard32_ok(&g32) || !guard64_ok(&g64))
		t_fail("kernel, id %d: a store outside the timespec", id);
	sys_reset();
}

static void test_bad_ids(void)
{
	struct tk_sample s;
	size_t i;

	t_begin();
	tk_random(&s);
	tk_publish(&s);
	for (i = 0; i < nr_bad; i++) {
		clockid_t id = bad_ids[i];
		struct guard64 g64;
		struct guard32 g32;
		long want;
		int ret;

		check_gettime_falls_back("bad id", id);
		memset(&g64, POISON, sizeof(g64));
		memset(&g32, POISON, sizeof(g32));
		want = fake(-2000 - (long)i);
		ret = test_vdso_clock_getres(id, &g32.ts);
		check_syscall("clock_getres", id, __NR_clock_getres, &g32.ts, ret, want);
		want = fake(-3000 - (long)i);
		ret = test_vdso_clock_getres_time64(id, &g64.ts);
		check_syscall("clock_getres_time64", id, __NR_clock_getres_time64, &g64.ts,
			      ret, want);
		if (!poisoned((u8 *)&g32, sizeof(g32)) || !poisoned((u8 *)&g64, sizeof(g64)))
			t_fail("getres id %d: a store before the system call", id);
		/* NULL goes to the system call too */
		want = fake(-4000 - (long)i);
		ret = test_vdso_clock_getres(id, NULL);
		check_syscall("clock_getres NULL", id, __NR_clock_getres, NULL, ret, want);
		want = fake(-5000 - (long)i);
		ret = test_vdso_clock_getres_time64(id, NULL);
		check_syscall("clock_getres_time64 NULL", id, __NR_clock_getres_time64, NULL,
			      ret, want);
		check_kernel_answers(id);
	}
	sys_reset();
	t_end("time32: %zu ids with no slot (2, 8, 12, -1, INT_MIN...): each entry's own syscall",
	      nr_bad);
}

static void test_unreadable(void)
{
	static const struct {
		enum vdso_clock_mode data;
		s32 glue;
	} modes[] = {
		{ VDSO_CLOCKMODE_NONE, VDSO_CLOCKMODE_TEST },
		{ VDSO_CLOCKMODE_TEST_OTHER, VDSO_CLOCKMODE_TEST },
		{ VDSO_CLOCKMODE_TEST, VDSO_CLOCKMODE_TEST_OTHER },
	};
	size_t m;
	int n;

	t_begin();
	for (m = 0; m < ARRAY_SIZE(modes); m++) {
		for (n = 0; n < 50; n++) {
			struct tk_sample s;
			clockid_t id;

			tk_random(&s);
			s.cs.vdso_clock_mode = modes[m].data;
			tk_publish(&s);
			vdso_test_readable_mode = modes[m].glue;
			for (id = 0; id < 12; id++) {
				struct __kernel_timespec want;

				if (!clock_is(id, T_SLOTS))
					continue;
				if (!clock_is(id, T_COARSE)) {
					check_gettime_falls_back("unreadable mode", id);
					continue;
				}
				want = tk_ref(&s, id);
				check_pair("unreadable mode", id, &want);
			}
			vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
		}
	}
	t_end("time32: unreadable modes: counter clocks make each entry's syscall, coarse cut");
}

static void test_null(void)
{
	struct tk_sample s;
	size_t i;

	t_begin();
	tk_random(&s);
	tk_publish(&s);
	for (i = 0; i < ARRAY_SIZE(valid_ids) + nr_bad; i++) {
		clockid_t id = i < ARRAY_SIZE(valid_ids) ? valid_ids[i] :
			       bad_ids[i - ARRAY_SIZE(valid_ids)];
		long want = direct(__NR_clock_gettime, id, 0, 0);
		int ret;

		if (clock_is(id, T_SLOTS) && want != -EFAULT)
			t_fail("id %d: the host says %ld, not -EFAULT", id, want);
		sys_reset();
		sys_hook = kernel32;
		ret = test_vdso_clock_gettime(id, NULL);
		check_syscall("clock_gettime NULL", id, __NR_clock_gettime, NULL, ret, want);
		sys_reset();
		sys_hook = kernel32;
		ret = test_vdso_clock_gettime64(id, NULL);
		check_syscall("clock_gettime64 NULL", id, __NR_clock_gettime64, NULL, ret, want);
		if (!clock_is(id, T_SLOTS))
			continue;
		sys_reset();
		if (test_vdso_clock_getres(id, NULL) || test_vdso_clock_getres_time64(id, NULL) ||
		    sys_total())
			t_fail("clock %d: getres NULL not 0 without a system call", id);
	}
	sys_reset();
	t_end("time32: both gettime with NULL: own syscall, the kernel's -EFAULT; getres 0");
}

/* --- time namespaces, as timens.c has them ------------------------------ */

static void ns_init(const struct timens_offsets *off)
{
	struct vdso_time_data *ns = vvar_ns_page();

	memset(ns, 0, PAGE_SIZE);
	vdso_timens_page_init((struct page *)ns, off);
}

static struct timespec64 random_offset(void)
{
	struct timespec64 ts;

	ts.tv_sec = (s64)rnd_below(1ULL << 34) - (1LL << 33);
	ts.tv_nsec = rnd_below(2) ? NSEC - 1 - rnd_below(3) : rnd_below(NSEC);
	return ts;
}

static ref_s128 ts64_ns(const struct timespec64 *ts)
{
	return (ref_s128)ts->tv_sec * (ref_s128)NSEC + ts->tv_nsec;
}

static struct __kernel_timespec ns_ref(const struct tk_sample *s,
				       const struct timens_offsets *off, clockid_t id)
{
	struct __kernel_timespec host = tk_ref(s, id);
	ref_s128 ns = (ref_s128)host.tv_sec * (ref_s128)NSEC + host.tv_nsec;

	switch (id) {
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
		return ref_ts(ns + ts64_ns(&off->monotonic));
	case CLOCK_BOOTTIME:
		return ref_ts(ns + ts64_ns(&off->boottime));
	}
	return host;
}

static void test_timens_clocks(void)
{
	struct timens_offsets off;
	int n;

	t_begin();
	vvar_view(true);
	past31 = 0;
	past32 = 0;
	for (n = 0; n < NS_STATES; n++) {
		struct tk_sample s;
		clockid_t id;

		if (n % 100 == 0) {
			off.monotonic = random_offset();
			off.boottime = random_offset();
			ns_init(&off);
		}
		tk_random(&s);
		tk_publish(&s);
		for (id = 0; id < 12; id++) {
			struct __kernel_timespec want;

			if (!clock_is(id, T_SLOTS)) {
				check_gettime_falls_back("timens", id);
				continue;
			}
			want = ns_ref(&s, &off, id);
			count_edges(&want);
			check_pair("timens", id, &want);
		}
	}
	if (past31 < NS_STATES || past32 < NS_STATES)
		t_fail("too few reads past 2^31 (%lu) or 2^32 s (%lu)", past31, past32);
	vvar_view(false);
	t_end("time32: timens, %d states: the monotonic clocks offset, time32 cut",
	      NS_STATES);
}

static void test_timens_fallbacks(void)
{
	static const s32 glue_modes[] = { VDSO_CLOCKMODE_TEST, VDSO_CLOCKMODE_TEST_OTHER };
	struct timens_offsets off = { { 100, 999999999 }, { 200, 7 } };
	struct tk_sample s;
	size_t i, m;

	t_begin();
	vvar_view(true);
	ns_init(&off);
	tk_random(&s);
	tk_publish(&s);
	for (i = 0; i < nr_bad; i++)
		check_gettime_falls_back("timens, bad id", bad_ids[i]);
	for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
		clockid_t id = valid_ids[i];
		long want;
		int ret;

		want = fake(-78);
		ret = test_vdso_clock_gettime(id, NULL);
		check_syscall("timens, clock_gettime NULL", id, __NR_clock_gettime, NULL, ret,
			      want);
		want = fake(-79);
		ret = test_vdso_clock_gettime64(id, NULL);
		check_syscall("timens, clock_gettime64 NULL", id, __NR_clock_gettime64, NULL,
			      ret, want);
	}
	/*
	 * The host page's clock mode cannot be read (NONE, or a mode the glue
	 * does not read): the out-of-line namespace paths make the calls.
	 */
	for (m = 0; m < ARRAY_SIZE(glue_modes); m++) {
		s.cs.vdso_clock_mode = m ? VDSO_CLOCKMODE_TEST : VDSO_CLOCKMODE_NONE;
		tk_publish(&s);
		vdso_test_readable_mode = glue_modes[m];
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			clockid_t id = valid_ids[i];
			struct __kernel_timespec want = ns_ref(&s, &off, id);

			if (clock_is(id, T_COARSE))
				check_pair("timens, unreadable host", id, &want);
			else
				check_gettime_falls_back("timens, unreadable host", id);
		}
		vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
	}
	sys_reset();
	vvar_view(false);
	t_end("time32: timens: bad ids, NULL, host unreadable: each entry's syscall; coarse cut");
}

int main(void)
{
	struct timespec t0, t1;

	/* the calls must be told apart, and counted (harness.c) */
	if (__NR_clock_gettime64 == __NR_clock_gettime ||
	    __NR_clock_getres_time64 == __NR_clock_getres ||
	    __NR_clock_gettime64 >= NR_SLOTS || __NR_clock_getres_time64 >= NR_SLOTS) {
		fprintf(stderr, "vdso test: the time64 system call numbers\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	vvar_init();
	vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
	make_bad_ids();
	tap_plan(TESTS);
	test_random_states();
	test_edges();
	test_getres();
	test_bad_ids();
	test_unreadable();
	test_null();
	test_timens_clocks();
	test_timens_fallbacks();
	vvar_fini();
	clock_gettime(CLOCK_MONOTONIC, &t1);
	tap_diag("%.2f s", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return tap_done();
}
