// SPDX-License-Identifier: GPL-2.0
/*
 * When the reader must make the system call, and when it must not: every
 * clock id, valid and not; clock modes it cannot read; NULL pointers. The
 * glue counts each system call by number (harness.c).
 */
#include <sys/syscall.h>

#include "vdso_test.h"

const int fallback_tests = 11;

static const clockid_t valid_ids[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
	CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI,
};

/* CPU-time and fd clock ids, as include/linux/posix-timers.h makes them */
#define CPUCLOCK_PROF		0
#define CPUCLOCK_VIRT		1
#define CPUCLOCK_SCHED		2
#define CPUCLOCK_PERTHREAD	4
#define CLOCKFD			3
#define PROCESS_CLOCK(pid, c)	((clockid_t)((~(unsigned int)(pid) << 3) | (c)))
#define THREAD_CLOCK(tid, c)	PROCESS_CLOCK(tid, (c) | CPUCLOCK_PERTHREAD)

static clockid_t bad_ids[64];
static size_t nr_bad;

static void make_bad_ids(void)
{
	static const clockid_t fixed[] = {
		CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
		CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM, CLOCK_SGI_CYCLE,
		12, 13, 15, 16, 31, 32, 33, 63, 64, 100, 1000, 0x10000,
		INT_MAX, -1, INT_MIN, INT_MIN + 1,
		PROCESS_CLOCK(0, CPUCLOCK_PROF), PROCESS_CLOCK(0, CPUCLOCK_VIRT),
		PROCESS_CLOCK(0, CPUCLOCK_SCHED), THREAD_CLOCK(0, CPUCLOCK_PROF),
		THREAD_CLOCK(0, CPUCLOCK_SCHED), PROCESS_CLOCK(0, 3),
		PROCESS_CLOCK(0, 7),
	};
	pid_t pid = getpid();

	memcpy(bad_ids, fixed, sizeof(fixed));
	nr_bad = ARRAY_SIZE(fixed);
	bad_ids[nr_bad++] = PROCESS_CLOCK(pid, CPUCLOCK_SCHED);
	bad_ids[nr_bad++] = PROCESS_CLOCK(pid, CPUCLOCK_PROF);
	bad_ids[nr_bad++] = THREAD_CLOCK(pid, CPUCLOCK_SCHED);
	bad_ids[nr_bad++] = PROCESS_CLOCK(1, CPUCLOCK_SCHED);
	bad_ids[nr_bad++] = PROCESS_CLOCK(0, CLOCKFD);		/* fd 0 */
	bad_ids[nr_bad++] = PROCESS_CLOCK(0x7ffffff, CPUCLOCK_SCHED);
}

static long direct(long nr, long a0, long a1)
{
	long ret = syscall(nr, a0, a1, 0);

	return ret == -1 ? -errno : ret;
}

/* a fresh random state the reader can read */
static void publish(enum vdso_clock_mode mode)
{
	struct tk_sample s;

	tk_random(&s);
	s.cs.vdso_clock_mode = mode;
	tk_publish(&s);
	sys_reset();
}

static void test_valid_no_syscall(void)
{
	int n;

	t_begin();
	for (n = 0; n < 1000; n++) {
		size_t i;

		publish(VDSO_CLOCKMODE_TEST);
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			struct __kernel_timespec ts;

			if (test_vdso_clock_gettime(valid_ids[i], &ts) || sys_total())
				t_fail("clock %d: %lu system calls", valid_ids[i], sys_total());
		}
	}
	t_end("the 7 clocks with a slot never make the system call");
}

/* where the counter was when the bases were taken, as the counter reads */
static u64 sample_last(const struct tk_sample *s)
{
	return s->tk.tkr_mono.cycle_last & s->tk.tkr_mono.mask;
}

/*
 * The cycles since the bases were taken, as the fast path counts them:
 * unmasked, so that a counter that wrapped since cycle_last takes the
 * slow path, which masks. From the timekeeper's state, not the data's:
 * timekeeping's cycle_last may have bits above a narrow counter's mask.
 */
static u64 clock_delta(const struct tk_sample *s)
{
	return s->cycles - sample_last(s);
}

/* a coarse clock, or the counter within the base's sec_delta: a fast read */
static bool fast_clock(const struct tk_sample *s, clockid_t id)
{
	return clock_is(id, T_COARSE) || clock_delta(s) <= vd_k()->base[id].sec_delta;
}

/* @id read right, on the fast path if @fast and past it if not */
static void check_path(const struct tk_sample *s, clockid_t id, bool fast)
{
	struct __kernel_timespec ts = { -1, -1 }, want = tk_ref(s, id);
	unsigned long slow = vdso_test_slow_reads;

	if (test_vdso_clock_gettime(id, &ts) || !ts_eq(&ts, &want))
		t_fail("clock %d: %lld.%09lld, want %lld.%09lld", id, ts.tv_sec,
		       ts.tv_nsec, want.tv_sec, want.tv_nsec);
	if (sys_total())
		t_fail("clock %d: a system call", id);
	if (fast && vdso_test_slow_reads != slow)
		t_fail("clock %d: %llu cycles on, within sec_delta %llu: the slow path read",
		       id, clock_delta(s), vd_k()->base[id].sec_delta);
	if (!fast && vdso_test_slow_reads == slow)
		t_fail("clock %d: %llu cycles on, past sec_delta %llu: the fast path answered",
		       id, clock_delta(s), vd_k()->base[id].sec_delta);
}

static void test_fast_path(void)
{
	long fast = 0, past = 0, n;

	t_begin();
	for (n = 0; n < 20000; n++) {
		struct __kernel_old_timeval tv;
		struct tk_sample s;
		unsigned long slow;
		bool slowed;
		size_t i;
		int ret;

		tk_random(&s);
		tk_publish(&s);
		sys_reset();
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			bool f = fast_clock(&s, valid_ids[i]);

			check_path(&s, valid_ids[i], f);
			if (clock_is(valid_ids[i], T_COARSE))
				continue;
			if (f)
				fast++;
			else
				past++;
		}
		slow = vdso_test_slow_reads;
		ret = test_vdso_gettimeofday(&tv, NULL);
		slowed = vdso_test_slow_reads != slow;
		if (ret || slowed == fast_clock(&s, CLOCK_REALTIME))
			t_fail("gettimeofday: not the path sec_delta says");
	}
	/* two in five of tk_random()'s counter reads are within sec_delta */
	if (fast < 20000 || past < 20000)
		t_fail("only %ld counter reads within sec_delta, %ld past it", fast, past);
	t_end("the fast path alone answers within sec_delta (%ld reads), never past it (%ld)",
	      fast, past);
}

/*
 * Each counter clock's sec_delta is the edge of the fast path: the
 * counter right on it is read there, one cycle past it is not, and both
 * are right. Where the edge is past the counter's wrap, both are read
 * past the fast path, and are right.
 */
static void test_sec_delta_edge(void)
{
	static const clockid_t counted[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
		CLOCK_TAI,
	};
	long n, edges = 0, wraps = 0;
	size_t i;

	t_begin();
	for (n = 0; n < 20000; n++) {
		struct tk_sample s;

		tk_random(&s);
		tk_publish(&s);
		sys_reset();
		for (i = 0; i < ARRAY_SIZE(counted); i++) {
			u64 mask = s.tk.tkr_mono.mask, last = sample_last(&s);
			u64 edge = vd_k()->base[counted[i]].sec_delta;
			bool wrapped = edge > mask - last;

			if (edge >= mask)
				continue;
			s.cycles = (last + edge) & mask;
			vdso_test_cycles = s.cycles;
			check_path(&s, counted[i], !wrapped);
			s.cycles = (last + edge + 1) & mask;
			vdso_test_cycles = s.cycles;
			check_path(&s, counted[i], false);
			if (wrapped)
				wraps++;
			else
				edges++;
		}
	}
	if (edges < 20000 || wraps < 100)
		t_fail("only %ld edges, %ld past a wrap", edges, wraps);
	t_end("sec_delta is the fast path's edge, for each counter clock (%ld edges, %ld wrapped)",
	      edges, wraps);
}

/*
 * VDSO_CLOCKMODE_TEST_SLOW: the mode the harness's glue names out of line,
 * as x86's names its hypervisors' clocks: clock_gettime() and
 * gettimeofday() answer it by tail calls to their out-of-line copies.
 */
static void test_mode_slow_only(void)
{
	long n;

	t_begin();
	for (n = 0; n < 2000; n++) {
		struct __kernel_timespec want_tv;
		struct __kernel_old_timeval tv;
		struct timezone tz;
		struct tk_sample s;
		size_t i;

		tk_random(&s);
		s.cs.vdso_clock_mode = VDSO_CLOCKMODE_TEST_SLOW;
		tk_publish(&s);
		sys_tz.tz_minuteswest = n;
		sys_tz.tz_dsttime = n & 1;
		update_vsyscall_tz();
		sys_reset();
		want_tv = tk_ref(&s, CLOCK_REALTIME);
		if (test_vdso_gettimeofday(&tv, &tz) || tv.tv_sec != want_tv.tv_sec ||
		    tv.tv_usec != want_tv.tv_nsec / 1000 || tz.tz_minuteswest != n ||
		    tz.tz_dsttime != (n & 1) || sys_total())
			t_fail("gettimeofday: %ld.%06ld tz %d/%d, want %lld.%06lld, %lu calls",
			       tv.tv_sec, tv.tv_usec, tz.tz_minuteswest, tz.tz_dsttime,
			       want_tv.tv_sec, want_tv.tv_nsec / 1000, sys_total());
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			struct __kernel_timespec ts = { -1, -1 };
			struct __kernel_timespec want = tk_ref(&s, valid_ids[i]);
			unsigned long slow = vdso_test_slow_reads;

			if (test_vdso_clock_gettime(valid_ids[i], &ts) || !ts_eq(&ts, &want) ||
			    sys_total())
				t_fail("clock %d: %lld.%09lld, want %lld.%09lld, %lu calls",
				       valid_ids[i], ts.tv_sec, ts.tv_nsec, want.tv_sec,
				       want.tv_nsec, sys_total());
			if (!clock_is(valid_ids[i], T_COARSE) && vdso_test_slow_reads == slow)
				t_fail("clock %d: the slow path did not read the counter",
				       valid_ids[i]);
		}
	}
	sys_tz.tz_minuteswest = 0;
	sys_tz.tz_dsttime = 0;
	update_vsyscall_tz();
	t_end("a mode only out of line: every clock and gettimeofday right, no system call");
}

static void test_bad_ids_fake(void)
{
	size_t i;

	t_begin();
	publish(VDSO_CLOCKMODE_TEST);
	for (i = 0; i < nr_bad; i++) {
		struct __kernel_timespec ts = { -1, -1 };
		long want = -1000 - (long)i;
		int ret;

		sys_reset();
		sys_fake = true;
		sys_fake_ret = want;
		ret = test_vdso_clock_gettime(bad_ids[i], &ts);
		if (ret != want || sys_total() != 1 || sys_calls[__NR_clock_gettime] != 1 ||
		    sys_last[1] != (long)bad_ids[i] || sys_last[2] != (long)&ts ||
		    sys_last[3] || ts.tv_sec != -1 || ts.tv_nsec != -1)
			t_fail("id %d: ret %d (want %ld), %lu calls, args %ld %#lx %ld",
			       bad_ids[i], ret, want, sys_total(), sys_last[1],
			       sys_last[2], sys_last[3]);
		sys_reset();
		sys_fake = true;
		sys_fake_ret = want;
		ret = test_vdso_clock_getres(bad_ids[i], &ts);
		if (ret != want || sys_total() != 1 || sys_calls[__NR_clock_getres] != 1 ||
		    sys_last[1] != (long)bad_ids[i] || sys_last[2] != (long)&ts || sys_last[3])
			t_fail("getres id %d: ret %d (want %ld), %lu calls", bad_ids[i], ret,
			       want, sys_total());
	}
	sys_reset();
	t_end("%zu ids with no slot (-1, 12, 100, INT_MIN, CPU clocks...): one syscall, its answer",
	      nr_bad);
}

/* @check in a mode the fast path reads, then in one only the out-of-line paths read */
static void in_both_modes(void (*check)(enum vdso_clock_mode mode))
{
	check(VDSO_CLOCKMODE_TEST);
	check(VDSO_CLOCKMODE_TEST_SLOW);
}

static void bad_ids_real(enum vdso_clock_mode mode)
{
	size_t i;

	publish(mode);
	for (i = 0; i < nr_bad; i++) {
		struct __kernel_timespec ts, ts2;
		long want = direct(__NR_clock_gettime, bad_ids[i], (long)&ts2);
		long ret;

		sys_reset();
		ret = test_vdso_clock_gettime(bad_ids[i], &ts);
		if (ret != want || sys_calls[__NR_clock_gettime] != 1 || sys_total() != 1)
			t_fail("mode %d: id %d: %ld, the system call says %ld", mode,
			       bad_ids[i], ret, want);
		want = direct(__NR_clock_getres, bad_ids[i], (long)&ts2);
		sys_reset();
		ret = test_vdso_clock_getres(bad_ids[i], &ts);
		if (ret != want || sys_calls[__NR_clock_getres] != 1 || sys_total() != 1 ||
		    (!ret && (ts.tv_sec != ts2.tv_sec || ts.tv_nsec != ts2.tv_nsec)))
			t_fail("mode %d: getres id %d: %ld, the system call says %ld", mode,
			       bad_ids[i], ret, want);
	}
}

static void test_bad_ids_real(void)
{
	t_begin();
	in_both_modes(bad_ids_real);
	t_end("the same ids against the host's system call: the same answers, in both modes");
}

/* a clock mode the data names but the glue cannot read */
static void check_unreadable(const char *what)
{
	struct __kernel_old_timeval tv;
	struct timezone tz;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
		struct __kernel_timespec ts = { -1, -1 }, res;
		bool coarse = clock_is(valid_ids[i], T_COARSE);
		unsigned long want = coarse ? 0 : 1;
		int ret;

		sys_reset();
		ret = test_vdso_clock_gettime(valid_ids[i], &ts);
		if (ret || sys_calls[__NR_clock_gettime] != want || sys_total() != want)
			t_fail("%s: clock %d: ret %d, %lu calls, want %lu", what,
			       valid_ids[i], ret, sys_total(), want);
		if (ts.tv_sec == -1 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC)
			t_fail("%s: clock %d: %lld.%lld", what, valid_ids[i], ts.tv_sec,
			       ts.tv_nsec);
		sys_reset();
		if (test_vdso_clock_getres(valid_ids[i], &res) || sys_total())
			t_fail("%s: getres clock %d made a system call", what, valid_ids[i]);
	}
	sys_reset();
	if (test_vdso_gettimeofday(&tv, &tz) || sys_calls[__NR_gettimeofday] != 1 ||
	    sys_total() != 1 || sys_last[1] != (long)&tv || sys_last[2] != (long)&tz)
		t_fail("%s: gettimeofday: %lu calls", what, sys_total());
	sys_reset();
	if (test_vdso_gettimeofday(NULL, &tz) || sys_total())
		t_fail("%s: gettimeofday(NULL, tz) made a system call", what);
	test_vdso_time(NULL);
	if (sys_total())
		t_fail("%s: time() made a system call", what);
}

static void test_mode_none(void)
{
	int n;

	t_begin();
	for (n = 0; n < 100; n++) {
		publish(VDSO_CLOCKMODE_NONE);
		check_unreadable("VDSO_CLOCKMODE_NONE");
	}
	/* the coarse clocks still read the data */
	publish(VDSO_CLOCKMODE_NONE);
	{
		struct __kernel_timespec a, b;

		test_vdso_clock_gettime(CLOCK_REALTIME_COARSE, &a);
		b.tv_sec = vd_k()->base[CLOCK_REALTIME_COARSE].sec;
		b.tv_nsec = vd_k()->base[CLOCK_REALTIME_COARSE].snsec;
		if (!ts_eq(&a, &b))
			t_fail("REALTIME_COARSE in mode NONE is not the data's");
	}
	t_end("mode NONE: counter clocks, gettimeofday fall back; coarse, getres, time do not");
}

static void test_mode_unreadable(void)
{
	t_begin();
	publish(VDSO_CLOCKMODE_TEST_OTHER);
	check_unreadable("data TEST_OTHER, glue reads TEST");
	publish(VDSO_CLOCKMODE_TEST);
	vdso_test_readable_mode = VDSO_CLOCKMODE_TEST_OTHER;
	check_unreadable("data TEST, glue reads TEST_OTHER");
	vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
	t_end("a clock mode the glue cannot read: the same fallbacks as NONE");
}

static void null_ts(enum vdso_clock_mode mode)
{
	size_t i;

	publish(mode);
	for (i = 0; i < ARRAY_SIZE(valid_ids) + nr_bad; i++) {
		clockid_t id = i < ARRAY_SIZE(valid_ids) ? valid_ids[i] :
			       bad_ids[i - ARRAY_SIZE(valid_ids)];
		long want = direct(__NR_clock_gettime, id, 0), ret;

		sys_reset();
		ret = test_vdso_clock_gettime(id, NULL);
		if (ret != want || sys_calls[__NR_clock_gettime] != 1 || sys_total() != 1 ||
		    sys_last[2] != 0)
			t_fail("mode %d: id %d: %ld, %lu calls, the system call says %ld",
			       mode, id, ret, sys_total(), want);
		if (clock_is(id, T_SLOTS) && ret != -EFAULT)
			t_fail("mode %d: id %d: %ld, want -EFAULT", mode, id, ret);
	}
}

static void test_null_ts(void)
{
	t_begin();
	in_both_modes(null_ts);
	t_end("clock_gettime(id, NULL), both modes: one system call each, -EFAULT for valid ids");
}

static void test_getres_null(void)
{
	size_t i;

	t_begin();
	publish(VDSO_CLOCKMODE_TEST);
	for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
		sys_reset();
		if (test_vdso_clock_getres(valid_ids[i], NULL) || sys_total())
			t_fail("clock %d: not 0 without a system call", valid_ids[i]);
	}
	for (i = 0; i < nr_bad; i++) {
		long want = direct(__NR_clock_getres, bad_ids[i], 0), ret;

		sys_reset();
		ret = test_vdso_clock_getres(bad_ids[i], NULL);
		if (ret != want || sys_total() != 1 || sys_calls[__NR_clock_getres] != 1)
			t_fail("id %d: %ld, %lu calls, want %ld", bad_ids[i], ret,
			       sys_total(), want);
	}
	t_end("clock_getres(id, NULL): 0, no syscall for the 7 clocks; else the syscall's answer");
}

static void test_gtod_null(void)
{
	int ret;

	t_begin();
	publish(VDSO_CLOCKMODE_TEST);
	ret = test_vdso_gettimeofday(NULL, NULL);
	if (ret || sys_total())
		t_fail("gettimeofday(NULL, NULL): %d, %lu calls", ret, sys_total());
	publish(VDSO_CLOCKMODE_NONE);
	ret = test_vdso_gettimeofday(NULL, NULL);
	if (ret || sys_total())
		t_fail("mode NONE: gettimeofday(NULL, NULL): %d, %lu calls", ret, sys_total());
	t_end("gettimeofday(NULL, NULL): 0, no system call, in any mode");
}

void run_fallback_tests(void)
{
	vvar_view(false);
	vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
	make_bad_ids();
	test_valid_no_syscall();
	test_fast_path();
	test_sec_delta_edge();
	test_mode_slow_only();
	test_bad_ids_fake();
	test_bad_ids_real();
	test_mode_none();
	test_mode_unreadable();
	test_null_ts();
	test_getres_null();
	test_gtod_null();
	sys_reset();
}
