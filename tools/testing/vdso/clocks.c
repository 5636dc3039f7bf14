// SPDX-License-Identifier: GPL-2.0
/*
 * The writer and the reader together: random valid timekeepers go through
 * the real update_vsyscall(), every clock is read through the real reader
 * and compared with what the timekeeper's fields say directly:
 *
 *   REALTIME  = xtime_sec + (xtime_nsec + delta * mult) >> shift
 *   MONOTONIC = REALTIME + wall_to_monotonic
 *   BOOTTIME  = MONOTONIC + monotonic_to_boot
 *   TAI       = REALTIME + tai_offset
 *   RAW       = raw_sec + (raw xtime_nsec + delta * raw mult) >> raw shift
 *   *_COARSE  = the same at delta = 0
 */
#include "vdso_test.h"

#define STATES	100000

const int clock_tests = 8;

static const clockid_t valid_ids[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
	CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI,
};

static u64 random_hz(void)
{
	u64 base = 1ULL << (15 + rnd_below(18));	/* 32 kHz .. 4 GHz */

	return base + rnd_below(base);
}

/* mult and shift as the kernel picks them, or any pair at all */
static void random_scale(u64 hz, u32 *mult, u32 *shift)
{
	int sh;

	if (!rnd_below(4)) {
		*shift = rnd_below(33);
		*mult = rnd64() >> rnd_below(32);
		if (*mult < 2)
			*mult = 2;
		return;
	}
	for (sh = 32; sh > 0; sh--) {
		ref_u128 m = (((ref_u128)NSEC << sh) + hz / 2) / hz;

		if (!(m >> 32) && !((m * hz * 600) >> 64))
			break;
	}
	*shift = sh;
	*mult = (((ref_u128)NSEC << sh) + hz / 2) / hz;
	if (*mult < 2)
		*mult = 2;
}

void tk_random(struct tk_sample *s)
{
	static const u64 masks[] = { 0xffffffffULL, (1ULL << 56) - 1, U64_MAX };
	struct timekeeper *tk = &s->tk;
	u64 hz = random_hz(), mask, delta, uptime;
	u32 mult, shift;
	s64 adj;

	memset(s, 0, sizeof(*s));
	s->cs.vdso_clock_mode = VDSO_CLOCKMODE_TEST;
	tk->tkr_mono.clock = &s->cs;
	tk->tkr_raw.clock = &s->cs;

	mask = masks[rnd_below(ARRAY_SIZE(masks))];
	random_scale(hz, &mult, &shift);
	tk->tkr_raw.mult = mult;
	/* NTP steers the mono mult a little off the raw one */
	adj = (s64)(mult / 2000) - (s64)rnd_below(mult / 1000 + 1);
	tk->tkr_mono.mult = mult + adj > 1 ? mult + adj : mult;
	tk->tkr_mono.shift = shift;
	tk->tkr_raw.shift = shift;
	tk->tkr_mono.mask = mask;
	tk->tkr_raw.mask = mask;
	tk->tkr_mono.cycle_last = rnd64() & mask;
	tk->tkr_raw.cycle_last = tk->tkr_mono.cycle_last;
	tk->tkr_mono.xtime_nsec = rnd_below(NSEC << shift);
	tk->tkr_raw.xtime_nsec = rnd_below(NSEC << shift);

	tk->xtime_sec = rnd_below(1ULL << 34);
	uptime = rnd_below(tk->xtime_sec + 1);
	tk->wall_to_monotonic.tv_sec = (s64)uptime - (s64)tk->xtime_sec;
	tk->wall_to_monotonic.tv_nsec = rnd_below(NSEC);
	tk->monotonic_to_boot.tv_sec = rnd_below(1ULL << 30);
	tk->monotonic_to_boot.tv_nsec = rnd_below(NSEC);
	tk->tai_offset = rnd_below(64);
	tk->raw_sec = rnd_below(1ULL << 34);

	switch (rnd_below(5)) {
	case 0:
		delta = 0;
		break;
	case 1:
		delta = rnd_below(1 << 16);
		break;
	case 2:		/* up to a few seconds */
		delta = rnd_below(hz * 4);
		break;
	case 3:		/* up to a month asleep */
		delta = rnd_below(hz * 30 * 86400);
		break;
	default:	/* anything the counter holds */
		delta = rnd64();
		break;
	}
	delta &= mask;
	/* keep every clock below 2^62 ns past its base */
	while (((ref_u128)delta * tk->tkr_mono.mult >> shift) >> 62 ||
	       ((ref_u128)delta * tk->tkr_raw.mult >> shift) >> 62)
		delta >>= 1;
	s->cycles = (tk->tkr_mono.cycle_last + delta) & mask;
	hrtimer_resolution = rnd_below(2) ? 1 : 1 + rnd_below(LOW_RES_NSEC);
}

void tk_publish(struct tk_sample *s)
{
	update_vsyscall(&s->tk);
	vdso_test_cycles = s->cycles;
}

static ref_u128 tkr_ns(const struct tk_read_base *tkr, u64 cycles)
{
	u64 delta = (cycles - tkr->cycle_last) & tkr->mask;

	if (delta >> 63)	/* behind cycle_last: no time passed */
		delta = 0;
	return ((ref_u128)delta * tkr->mult + tkr->xtime_nsec) >> tkr->shift;
}

static ref_s128 ts64_ns(const struct timespec64 *ts)
{
	return (ref_s128)ts->tv_sec * (ref_s128)NSEC + ts->tv_nsec;
}

struct __kernel_timespec tk_ref(const struct tk_sample *s, clockid_t id)
{
	const struct timekeeper *tk = &s->tk;
	ref_s128 real = (ref_s128)tk->xtime_sec * NSEC + tkr_ns(&tk->tkr_mono, s->cycles);
	ref_s128 tick = (ref_s128)tk->xtime_sec * NSEC +
			(tk->tkr_mono.xtime_nsec >> tk->tkr_mono.shift);

	switch (id) {
	case CLOCK_REALTIME:
		return ref_ts(real);
	case CLOCK_MONOTONIC:
		return ref_ts(real + ts64_ns(&tk->wall_to_monotonic));
	case CLOCK_BOOTTIME:
		return ref_ts(real + ts64_ns(&tk->wall_to_monotonic) +
			      ts64_ns(&tk->monotonic_to_boot));
	case CLOCK_TAI:
		return ref_ts(real + (ref_s128)tk->tai_offset * NSEC);
	case CLOCK_MONOTONIC_RAW:
		return ref_ts((ref_s128)tk->raw_sec * NSEC + tkr_ns(&tk->tkr_raw, s->cycles));
	case CLOCK_REALTIME_COARSE:
		return ref_ts(tick);
	case CLOCK_MONOTONIC_COARSE:
		return ref_ts(tick + ts64_ns(&tk->wall_to_monotonic));
	}
	abort();
}

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
				t_fail("#%d clock %d: %d %lld.%09lld, want %lld.%09lld (%u/%u %u %#llx %#llx)",
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

static void check_counter(const char *what, const struct vdso_counter *c,
			  const struct tk_read_base *tkr)
{
	ref_u128 worst;

	if (c->cycle_last != tkr->cycle_last || c->mask != tkr->mask ||
	    c->mult != tkr->mult || c->shift != tkr->shift)
		t_fail("%s counter not copied", what);
	/* the 64-bit path must not overflow up to max_delta */
	worst = (ref_u128)c->max_delta * c->mult + ((ref_u128)NSEC << c->shift) - 1;
	if (worst >> 64)
		t_fail("%s max_delta %#llx overflows 64 bits (mult %u shift %u)", what,
		       c->max_delta, c->mult, c->shift);
	/* and a counter behind cycle_last must not take it */
	if (c->max_delta >> 63)
		t_fail("%s max_delta %#llx reaches negative deltas (mult %u)", what,
		       c->max_delta, c->mult);
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
		check_counter("mono", &vd->mono, &s.tk.tkr_mono);
		check_counter("raw", &vd->raw, &s.tk.tkr_raw);
	}
	t_end("update_vsyscall: seq, mode, counters, hrtimer_res; max_delta safe, < 2^63");
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
}
