// SPDX-License-Identifier: GPL-2.0
/*
 * Time namespaces: the reader sees a page made by the real
 * vdso_timens_page_init() at page 0 and the system's data, written by
 * update_vsyscall(), at page 1. MONOTONIC, MONOTONIC_RAW, MONOTONIC_COARSE
 * and BOOTTIME get the namespace's offsets; REALTIME, REALTIME_COARSE and
 * TAI do not.
 */
#include <sys/syscall.h>

#include "vdso_test.h"

const int timens_tests = 5;

static const clockid_t valid_ids[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
	CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI,
};

/*
 * The page starts out as junk: vdso_timens_page_init() sets all that the
 * reader takes from it (seq, mode, every clock's offset slot), and the
 * reader takes nothing else from it.
 */
static void ns_init(const struct timens_offsets *off)
{
	struct vdso_time_data *ns = vvar_ns_page();

	memset(ns, 0x5a, PAGE_SIZE);
	vdso_timens_page_init((struct page *)ns, off);
}

static struct timespec64 random_offset(void)
{
	struct timespec64 ts;

	ts.tv_sec = (s64)rnd_below(1ULL << 34) - (1LL << 33);
	switch (rnd_below(4)) {
	case 0:
		ts.tv_nsec = NSEC - 1 - rnd_below(3);
		break;
	case 1:
		ts.tv_nsec = rnd_below(3);
		break;
	default:
		ts.tv_nsec = rnd_below(NSEC);
		break;
	}
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

static void test_page_init(void)
{
	struct timens_offsets off = {
		.monotonic = { -12345, 999999999 }, .boottime = { 67890, 1 },
	};
	const struct vdso_time_data *ns = vvar_ns_page();
	static const struct timens_offset zero;
	size_t i;

	t_begin();
	ns_init(&off);
	if (ns->seq != 1 || ns->clock_mode != VDSO_CLOCKMODE_TIMENS)
		t_fail("seq %u mode %d", ns->seq, ns->clock_mode);
	for (i = 0; i < VDSO_NR_CLOCKS; i++) {
		const struct timens_offset *o = &ns->base[i].timens_offset;
		const struct timespec64 *want = NULL;

		if (BIT(i) & (BIT(CLOCK_MONOTONIC) | BIT(CLOCK_MONOTONIC_RAW) |
			      BIT(CLOCK_MONOTONIC_COARSE)))
			want = &off.monotonic;
		else if (BIT(i) & (BIT(CLOCK_BOOTTIME) | BIT(CLOCK_BOOTTIME_ALARM)))
			want = &off.boottime;
		if (want ? o->sec != want->tv_sec || o->nsec != (u64)want->tv_nsec :
			   memcmp(o, &zero, sizeof(zero)))
			t_fail("clock %zu: offset %lld.%09llu", i, o->sec, o->nsec);
	}
	t_end("vdso_timens_page_init(): seq odd, mode TIMENS, the offsets in their slots");
}

static void test_clocks(void)
{
	struct timens_offsets off;
	long n;

	t_begin();
	vvar_view(true);
	sys_reset();
	for (n = 0; n < 50000; n++) {
		struct tk_sample s;
		size_t i;

		if (n % 100 == 0) {
			off.monotonic = random_offset();
			off.boottime = random_offset();
			ns_init(&off);
		}
		tk_random(&s);
		/* every other state in the mode only the out-of-line paths read */
		if (n & 1)
			s.cs.vdso_clock_mode = VDSO_CLOCKMODE_TEST_SLOW;
		tk_publish(&s);
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			struct __kernel_timespec got = { -1, -1 };
			struct __kernel_timespec want = ns_ref(&s, &off, valid_ids[i]);

			if (test_vdso_clock_gettime(valid_ids[i], &got) || !ts_eq(&got, &want))
				t_fail("mode %d clock %d: %lld.%09lld, want %lld.%09lld",
				       s.cs.vdso_clock_mode, valid_ids[i], got.tv_sec,
				       got.tv_nsec, want.tv_sec, want.tv_nsec);
		}
	}
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	vvar_view(false);
	t_end("timens: the 4 monotonic clocks offset, REALTIME(_COARSE) and TAI not, %s",
	      "50000 states in two modes");
}

static void test_carry(void)
{
	static const long parts[] = { 0, 1, 999999998, 999999999 };
	size_t i, j, k;

	t_begin();
	vvar_view(true);
	for (i = 0; i < ARRAY_SIZE(parts); i++) {
		for (j = 0; j < ARRAY_SIZE(parts); j++) {
			struct timens_offsets off = {
				.monotonic = { -7 + (long)i, parts[i] },
				.boottime = { 1000 + (long)j, parts[j] },
			};
			struct tk_sample s;

			ns_init(&off);
			tk_random(&s);
			/* host clocks at a whole second plus parts[j] ns */
			s.tk.tkr_mono.xtime_nsec = (u64)parts[j] << s.tk.tkr_mono.shift;
			s.tk.tkr_raw.xtime_nsec = (u64)parts[j] << s.tk.tkr_raw.shift;
			s.tk.wall_to_monotonic.tv_nsec = 0;
			s.tk.monotonic_to_boot.tv_nsec = 0;
			s.cycles = s.tk.tkr_mono.cycle_last & s.tk.tkr_mono.mask;
			tk_publish(&s);
			for (k = 0; k < ARRAY_SIZE(valid_ids); k++) {
				struct __kernel_timespec got;
				struct __kernel_timespec want = ns_ref(&s, &off, valid_ids[k]);

				if (test_vdso_clock_gettime(valid_ids[k], &got) ||
				    !ts_eq(&got, &want))
					t_fail("clock %d: %lld.%09lld, want %lld.%09lld",
					       valid_ids[k], got.tv_sec, got.tv_nsec,
					       want.tv_sec, want.tv_nsec);
			}
		}
	}
	vvar_view(false);
	t_end("timens: offset nanoseconds carry into seconds at 10^9 exactly");
}

static void test_host_page_reads(void)
{
	struct timens_offsets off = { { 100, 5 }, { 200, 7 } };
	int n;

	t_begin();
	vvar_view(true);
	ns_init(&off);
	sys_reset();
	for (n = 0; n < 1000; n++) {
		struct __kernel_timespec want, res;
		struct __kernel_old_timeval tv;
		struct timezone tz;
		struct tk_sample s;

		tk_random(&s);
		tk_publish(&s);
		sys_tz.tz_minuteswest = n;
		sys_tz.tz_dsttime = n & 1;
		update_vsyscall_tz();
		want = tk_ref(&s, CLOCK_REALTIME);
		if (test_vdso_time(NULL) != (s64)s.tk.xtime_sec)
			t_fail("time() not the host's");
		if (test_vdso_gettimeofday(&tv, &tz) || tv.tv_sec != want.tv_sec ||
		    tv.tv_usec != want.tv_nsec / 1000 || tz.tz_minuteswest != n ||
		    tz.tz_dsttime != (n & 1))
			t_fail("gettimeofday: %ld.%06ld tz %d/%d", tv.tv_sec, tv.tv_usec,
			       tz.tz_minuteswest, tz.tz_dsttime);
		if (test_vdso_clock_getres(CLOCK_MONOTONIC, &res) ||
		    res.tv_nsec != hrtimer_resolution)
			t_fail("getres %lld, want %u", res.tv_nsec, hrtimer_resolution);
		if (test_vdso_clock_getres(CLOCK_MONOTONIC_COARSE, &res) ||
		    res.tv_nsec != (long long)(NSEC / HZ))
			t_fail("coarse getres %lld", res.tv_nsec);
	}
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	vvar_view(false);
	t_end("timens: time(), gettimeofday(), tz and clock_getres() read the host page");
}

static void test_fallbacks(void)
{
	struct timens_offsets off = { { 100, 999999999 }, { 200, 7 } };
	static const clockid_t bad[] = {
		CLOCK_PROCESS_CPUTIME_ID, CLOCK_BOOTTIME_ALARM, 12, -1, INT_MIN, -6,
	};
	struct tk_sample s;
	size_t i;

	t_begin();
	vvar_view(true);
	ns_init(&off);
	tk_random(&s);
	tk_publish(&s);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct __kernel_timespec ts;

		sys_reset();
		sys_fake = true;
		sys_fake_ret = -77;
		if (test_vdso_clock_gettime(bad[i], &ts) != -77 || sys_total() != 1 ||
		    sys_last[1] != bad[i])
			t_fail("id %d: not one system call", bad[i]);
	}
	for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
		sys_reset();
		sys_fake = true;
		sys_fake_ret = -78;
		if (test_vdso_clock_gettime(valid_ids[i], NULL) != -78 || sys_total() != 1)
			t_fail("clock %d, NULL ts: not one system call", valid_ids[i]);
	}
	/* the host's clocksource cannot be read: counter clocks fall back */
	s.cs.vdso_clock_mode = VDSO_CLOCKMODE_NONE;
	tk_publish(&s);
	for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
		bool coarse = clock_is(valid_ids[i], T_COARSE);
		struct __kernel_timespec got, want = ns_ref(&s, &off, valid_ids[i]);
		int ret;

		sys_reset();
		sys_fake = true;
		sys_fake_ret = -79;
		ret = test_vdso_clock_gettime(valid_ids[i], &got);
		if (coarse ? ret || sys_total() || !ts_eq(&got, &want) :
			     ret != -79 || sys_total() != 1)
			t_fail("mode NONE, clock %d: ret %d, %lu calls", valid_ids[i], ret,
			       sys_total());
	}
	sys_reset();
	vvar_view(false);
	t_end("timens: bad ids, NULL ts, unreadable host counter fall back; coarse still offset");
}

void run_timens_tests(void)
{
	vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
	test_page_init();
	test_clocks();
	test_carry();
	test_host_page_reads();
	test_fallbacks();
}
