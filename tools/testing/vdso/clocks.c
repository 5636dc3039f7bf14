// SPDX-License-Identifier: GPL-2.0
/*
 * The writer and the reader together: random valid timekeepers (tk.c) go
 * through the real update_vsyscall(), every clock is read through the real
 * reader and compared with what the timekeeper's fields say directly
 * (tk_ref()).
 */
#include <pthread.h>
#include <unistd.h>

#include "vdso_test.h"
#include "timekeeping_internal.h"

#define STATES	100000

const int clock_tests = 9;

static const clockid_t valid_ids[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
	CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI,
};

/* a wrong answer: the state, the clock, the result, the expectation */
#define ALL_CLOCKS_FAIL	\
	"#%d clock %d: %d %lld.%09lld, want %lld.%09lld (%u/%u %u %#llx %#llx)"

static void test_all_clocks(void)
{
	int n;

	t_begin();
	for (n = 0; n < STATES; n++) {
		struct tk_sample s;
		size_t i;

		tk_random(&s);
		tk_publish(&s);
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			struct __kernel_timespec got = { -1, -1 };
			struct __kernel_timespec want = tk_ref(&s, valid_ids[i]);
			int ret = test_vdso_clock_gettime(valid_ids[i], &got);

			if (ret || !ts_eq(&got, &want))
				t_fail(ALL_CLOCKS_FAIL,
				       n, valid_ids[i], ret, got.tv_sec, got.tv_nsec,
				       want.tv_sec, want.tv_nsec, s.tk.tkr_mono.mult,
				       s.tk.tkr_raw.mult, s.tk.tkr_mono.shift,
				       s.tk.tkr_mono.mask,
				       (s.cycles - s.tk.tkr_mono.cycle_last) & s.tk.tkr_mono.mask);
		}
	}
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	t_end("writer + reader: 7 clocks as the timekeeper says, %d random states",
	      STATES);
}

/*
 * A counter clock's slot: the scaling and mode of its timekeeper, its
 * cycle_last as the counter reads it (timekeeping's may have bits above
 * the mask), its nanoseconds below one second, and its sec_delta the
 * most cycles that keep it there, exactly
 */
static void check_clock(clockid_t id, const struct tk_read_base *tkr, s32 mode)
{
	const struct vdso_clock_base *b = &vd_k()->base[id];
	ref_u128 one_sec = (ref_u128)NSEC << b->shift;

	if (b->mult != tkr->mult || b->shift != tkr->shift || b->mode != mode)
		t_fail("clock %d: mult %u shift %u mode %d, want %u %u %d", id, b->mult,
		       b->shift, b->mode, tkr->mult, tkr->shift, mode);
	else if (b->cycle_last != (tkr->cycle_last & tkr->mask))
		t_fail("clock %d: cycle_last %#llx, want %#llx (mask %#llx)", id,
		       b->cycle_last, tkr->cycle_last & tkr->mask, tkr->mask);
	else if (b->snsec >= one_sec)
		t_fail("clock %d: base %#llx not below one second (shift %u)", id,
		       b->snsec, b->shift);
	else if (b->sec_delta >> 32 ||
		 (ref_u128)b->sec_delta * b->mult + b->snsec >= one_sec)
		t_fail("clock %d: sec_delta %llu carries or is 2^32 (mult %u, base %#llx)",
		       id, b->sec_delta, b->mult, b->snsec);
	else if (b->sec_delta != ref_sec_delta(b->mult, b->shift, b->snsec))
		t_fail("clock %d: sec_delta %llu, one more cycle stays in the second", id,
		       b->sec_delta);
}

/*
 * Every other slot says VDSO_CLOCKMODE_NONE: the fast path reads no
 * counter for it. The coarse clocks' slots, and only theirs, say coarse.
 */
static void check_other_slots(void)
{
	clockid_t id;

	for (id = 0; id < VDSO_NR_CLOCKS; id++) {
		const struct vdso_clock_base *b = &vd_k()->base[id];

		if (!clock_is(id, T_COUNTER) && b->mode != VDSO_CLOCKMODE_NONE)
			t_fail("clock %d: mode %d in a slot not read from the counter", id,
			       b->mode);
		if (!b->coarse != !clock_is(id, T_COARSE))
			t_fail("clock %d: coarse %u", id, b->coarse);
	}
}

static void test_writer_fields(void)
{
	struct vdso_time_data *vd = vd_k();
	int n;

	t_begin();
	for (n = 0; n < 20000; n++) {
		struct tk_sample s;
		u32 seq = vd->seq;

		tk_random(&s);
		s.cs.vdso_clock_mode = n & 1 ? VDSO_CLOCKMODE_TEST : VDSO_CLOCKMODE_TEST_OTHER;
		tk_publish(&s);
		if (seq & 1 || vd->seq != seq + 2)
			t_fail("seq %u after %u", vd->seq, seq);
		if (vd->clock_mode != (s32)s.cs.vdso_clock_mode)
			t_fail("clock_mode %d, want %d", vd->clock_mode, s.cs.vdso_clock_mode);
		if (vd->hrtimer_res != hrtimer_resolution)
			t_fail("hrtimer_res %u, want %u", vd->hrtimer_res, hrtimer_resolution);
		if (vd->mask != s.tk.tkr_mono.mask)
			t_fail("mask %#llx, want %#llx", vd->mask, s.tk.tkr_mono.mask);
		check_clock(CLOCK_REALTIME, &s.tk.tkr_mono, vd->clock_mode);
		check_clock(CLOCK_MONOTONIC, &s.tk.tkr_mono, vd->clock_mode);
		check_clock(CLOCK_BOOTTIME, &s.tk.tkr_mono, vd->clock_mode);
		check_clock(CLOCK_TAI, &s.tk.tkr_mono, vd->clock_mode);
		check_clock(CLOCK_MONOTONIC_RAW, &s.tk.tkr_raw, vd->clock_mode);
		check_other_slots();
	}
	t_end("update_vsyscall: seq, mode, mask, hrtimer_res; counter clocks' %s",
	      "cycle_last, scaling, mode, sec_delta exact and < 2^32; no mode in the other slots, coarse in theirs");
}

static void test_behind(void)
{
	int n;

	t_begin();
	for (n = 0; n < 20000; n++) {
		struct tk_sample s;
		size_t i;

		tk_random(&s);
		s.tk.tkr_mono.mask = U64_MAX;
		s.tk.tkr_raw.mask = U64_MAX;
		s.cycles = s.tk.tkr_mono.cycle_last - 1 - rnd_below(1ULL << 40);
		tk_publish(&s);
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			struct __kernel_timespec got, want = tk_ref(&s, valid_ids[i]);

			if (test_vdso_clock_gettime(valid_ids[i], &got) || !ts_eq(&got, &want))
				t_fail("clock %d: %lld.%09lld, want %lld.%09lld", valid_ids[i],
				       got.tv_sec, got.tv_nsec, want.tv_sec, want.tv_nsec);
		}
	}
	t_end("update_vsyscall + clock_gettime: a 64-bit counter behind cycle_last reads the tick");
}

static void test_time(void)
{
	int n;

	t_begin();
	for (n = 0; n < 20000; n++) {
		struct tk_sample s;
		__kernel_old_time_t t = -1, r1, r2;

		tk_random(&s);
		tk_publish(&s);
		r1 = test_vdso_time(NULL);
		r2 = test_vdso_time(&t);
		if (r1 != (s64)s.tk.xtime_sec || r2 != r1 || t != r1)
			t_fail("time() %ld/%ld/%ld, want %llu", r1, r2, t, s.tk.xtime_sec);
	}
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	t_end("time(): xtime_sec, returned and stored, no system call");
}

static void test_gettimeofday(void)
{
	int n;

	t_begin();
	for (n = 0; n < 50000; n++) {
		struct __kernel_old_timeval tv = { -1, -1 };
		struct __kernel_timespec want;
		struct tk_sample s;
		int ret;

		tk_random(&s);
		if (n < 1000) {
			/* the last ns of a second: 999999 us, not a carry */
			s.tk.tkr_mono.xtime_nsec = (NSEC - 1) << s.tk.tkr_mono.shift |
				((1ULL << s.tk.tkr_mono.shift) - 1);
			s.cycles = s.tk.tkr_mono.cycle_last;
		}
		tk_publish(&s);
		want = tk_ref(&s, CLOCK_REALTIME);
		ret = test_vdso_gettimeofday(&tv, NULL);
		if (ret || tv.tv_sec != want.tv_sec || tv.tv_usec != want.tv_nsec / 1000)
			t_fail("ret %d %ld.%06ld, want %lld.%06lld", ret, tv.tv_sec,
			       tv.tv_usec, want.tv_sec, want.tv_nsec / 1000);
	}
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	t_end("gettimeofday(): REALTIME in microseconds, truncated, no system call");
}

static void test_tz(void)
{
	static const struct timezone tzs[] = {
		{ 0, 0 }, { -60, 1 }, { 300, 0 }, { INT_MIN, INT_MAX }, { 720, -1 },
	};
	struct tk_sample s;
	size_t i;

	t_begin();
	tk_random(&s);
	tk_publish(&s);
	for (i = 0; i < ARRAY_SIZE(tzs); i++) {
		struct __kernel_old_timeval tv;
		struct timezone tz = { 12345, 54321 }, tz2 = { 12345, 54321 };

		sys_tz = tzs[i];
		update_vsyscall_tz();
		if (test_vdso_gettimeofday(&tv, &tz) ||
		    tz.tz_minuteswest != tzs[i].tz_minuteswest ||
		    tz.tz_dsttime != tzs[i].tz_dsttime)
			t_fail("tz %d/%d, want %d/%d", tz.tz_minuteswest, tz.tz_dsttime,
			       tzs[i].tz_minuteswest, tzs[i].tz_dsttime);
		if (test_vdso_gettimeofday(NULL, &tz2) ||
		    tz2.tz_minuteswest != tzs[i].tz_minuteswest ||
		    tz2.tz_dsttime != tzs[i].tz_dsttime)
			t_fail("tv NULL: tz %d/%d", tz2.tz_minuteswest, tz2.tz_dsttime);
		/* a tick later the zone is still there */
		tk_publish(&s);
		if (test_vdso_gettimeofday(NULL, &tz2) ||
		    tz2.tz_minuteswest != tzs[i].tz_minuteswest)
			t_fail("tz lost by update_vsyscall()");
	}
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	t_end("gettimeofday(): the timezone of update_vsyscall_tz(), with and without tv");
}

static void test_getres(void)
{
	int n;

	t_begin();
	for (n = 0; n < 1000; n++) {
		struct tk_sample s;
		size_t i;

		tk_random(&s);
		tk_publish(&s);
		for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
			struct __kernel_timespec res = { -1, -1 };
			long long want = clock_is(valid_ids[i], T_COARSE) ?
					 (long long)(NSEC / HZ) : hrtimer_resolution;

			if (test_vdso_clock_getres(valid_ids[i], &res) ||
			    res.tv_sec || res.tv_nsec != want)
				t_fail("clock %d: %lld.%09lld, want 0.%09lld",
				       valid_ids[i], res.tv_sec, res.tv_nsec, want);
			if (test_vdso_clock_getres(valid_ids[i], NULL))
				t_fail("clock %d: NULL res not 0", valid_ids[i]);
		}
	}
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	t_end("clock_getres(): hrtimer_resolution for counter clocks, 1/HZ for coarse ones");
}

static void test_aliases(void)
{
	struct __kernel_timespec a, b;
	struct __kernel_old_timeval tv1, tv2;
	struct tk_sample s;
	size_t i;

	t_begin();
	tk_random(&s);
	tk_publish(&s);
	for (i = 0; i < ARRAY_SIZE(valid_ids); i++) {
		if (test_vdso_alias_clock_gettime(valid_ids[i], &a) ||
		    test_vdso_clock_gettime(valid_ids[i], &b) || !ts_eq(&a, &b))
			t_fail("clock_gettime alias, clock %d", valid_ids[i]);
		if (test_vdso_alias_clock_getres(valid_ids[i], &a) ||
		    test_vdso_clock_getres(valid_ids[i], &b) || !ts_eq(&a, &b))
			t_fail("clock_getres alias, clock %d", valid_ids[i]);
	}
	if (test_vdso_alias_gettimeofday(&tv1, NULL) || test_vdso_gettimeofday(&tv2, NULL) ||
	    tv1.tv_sec != tv2.tv_sec || tv1.tv_usec != tv2.tv_usec)
		t_fail("gettimeofday alias");
	if (test_vdso_alias_time(NULL) != test_vdso_time(NULL))
		t_fail("time alias");
	t_end("VDSO_ALIAS(): each alias answers as its function");
}

/*
 * vdso_update_begin() holds readers off the time data until
 * vdso_update_end(), and they then read what changed meanwhile; the
 * timekeeper lock is free again afterwards.
 */
static int held_done;

static void *held_reader(void *arg)
{
	test_vdso_clock_gettime(CLOCK_MONOTONIC, arg);
	__atomic_store_n(&held_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void test_update_begin(void)
{
	struct vdso_time_data *vd = &vdso_k_time_page.data;
	struct __kernel_timespec got = { -1, -1 }, want;
	struct tk_sample s;
	unsigned long flags;
	pthread_t t;

	t_begin();
	tk_random(&s);
	tk_publish(&s);
	want = tk_ref(&s, CLOCK_MONOTONIC);
	want.tv_sec += 1000;
	held_done = 0;
	flags = vdso_update_begin();
	if (pthread_create(&t, NULL, held_reader, &got)) {
		vdso_update_end(flags);
		t_fail("pthread_create");
		t_end("vdso_update_begin(): readers wait until vdso_update_end()");
		return;
	}
	usleep(20000);
	if (__atomic_load_n(&held_done, __ATOMIC_SEQ_CST))
		t_fail("a reader got through while the data was held");
	vd->base[CLOCK_MONOTONIC].sec += 1000;
	vdso_update_end(flags);
	pthread_join(t, NULL);
	if (!ts_eq(&got, &want))
		t_fail("read %lld.%09lld, want %lld.%09lld", got.tv_sec, got.tv_nsec,
		       want.tv_sec, want.tv_nsec);
	if (vd->seq & 1)
		t_fail("sequence count %u left odd", vd->seq);
	if (pthread_mutex_trylock(&timekeeper_lock))
		t_fail("timekeeper lock still held");
	else
		pthread_mutex_unlock(&timekeeper_lock);
	t_end("vdso_update_begin(): readers wait until vdso_update_end(), then see the change");
}

void run_clock_tests(void)
{
	vvar_view(false);
	vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
	sys_reset();
	test_all_clocks();
	test_writer_fields();
	sys_reset();
	test_behind();
	test_time();
	test_gettimeofday();
	test_tz();
	test_getres();
	test_aliases();
	test_update_begin();
}
