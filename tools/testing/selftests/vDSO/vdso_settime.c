// SPDX-License-Identifier: GPL-2.0
/*
 * After clock_settime(CLOCK_REALTIME) the vDSO's realtime readers must
 * show the new time at once, and CLOCK_MONOTONIC must not move.
 *
 * The clock is set one hour ahead, checked, set back one hour (which
 * restores it, less nothing: the elapsed time is kept) and checked
 * again. This changes the system clock, so it only runs as root with
 * VDSO_TEST_MAY_CHANGE_CLOCKS=1 in the environment or
 * vdso_test.may_change_clocks=1 on the kernel command line.
 */
#include <errno.h>

#include "kselftest.h"
#include "vdso_util.h"

#define JUMP_NS		(3600 * NSEC_PER_SEC)
#define BOUND_NS	(NSEC_PER_SEC / 2)
#define PHASE_RESULTS	6

static struct vdso_fns vdso;

static int64_t sys_ns(clockid_t clk)
{
	struct timespec ts;

	sys_clock_gettime(clk, &ts);
	return ts_ns(&ts);
}

static int64_t vdso_ns(clockid_t clk, int *ret)
{
	struct timespec ts = { 0, 0 };

	*ret = vdso.clock_gettime(clk, &ts);
	return ts_ns(&ts);
}

static int near(int64_t a, int64_t b, int64_t bound)
{
	return a - b <= bound && b - a <= bound;
}

static void check_real(const char *what, clockid_t clk, int64_t want)
{
	int ret;
	int64_t v = vdso_ns(clk, &ret);

	ksft_test_result(!ret && near(v, want, BOUND_NS),
			 "%s: vdso %s is %+lld ms from the new time\n", what,
			 clock_name(clk), (long long)(v - want) / 1000000);
}

static void check_gtod(const char *what, int64_t want)
{
	struct timeval tv;
	int ret;

	if (!vdso.gettimeofday) {
		ksft_test_result_skip("%s: no gettimeofday in the vDSO\n", what);
		return;
	}
	ret = vdso.gettimeofday(&tv, NULL);
	ksft_test_result(!ret && near(tv_us(&tv) * NSEC_PER_USEC, want, BOUND_NS),
			 "%s: vdso gettimeofday is %+lld ms from the new time\n", what,
			 (long long)(tv_us(&tv) * NSEC_PER_USEC - want) / 1000000);
}

static void check_time(const char *what, int64_t want)
{
	long t;

	if (!vdso.time) {
		ksft_test_result_skip("%s: no time in the vDSO\n", what);
		return;
	}
	t = vdso.time(NULL);
	ksft_test_result(near(t, want / NSEC_PER_SEC, 1),
			 "%s: vdso time is %ld, new time %lld\n", what, t,
			 (long long)(want / NSEC_PER_SEC));
}

/*
 * Step CLOCK_REALTIME by @delta ns and check the vDSO at once.
 * Returns -errno of clock_settime.
 */
static int phase(const char *what, int64_t delta)
{
	int64_t mono0, real0, tai_off, mono, want, v;
	struct timespec ts;
	int ret;

	tai_off = sys_ns(CLOCK_TAI) - sys_ns(CLOCK_REALTIME);
	mono0 = sys_ns(CLOCK_MONOTONIC);
	real0 = sys_ns(CLOCK_REALTIME);
	ts.tv_sec = (real0 + delta) / NSEC_PER_SEC;
	ts.tv_nsec = (real0 + delta) % NSEC_PER_SEC;
	ret = sys_clock_settime(CLOCK_REALTIME, &ts);
	if (ret)
		return ret;

	/* The new time, plus whatever passed since it was read. */
	mono = sys_ns(CLOCK_MONOTONIC);
	want = real0 + delta + (mono - mono0);
	check_real(what, CLOCK_REALTIME, want);
	check_real(what, CLOCK_REALTIME_COARSE, want);
	check_gtod(what, want);
	check_time(what, want);
	check_real(what, CLOCK_TAI, want + tai_off);

	v = vdso_ns(CLOCK_MONOTONIC, &ret);
	mono = sys_ns(CLOCK_MONOTONIC);
	ksft_test_result(!ret && v >= mono0 && v <= mono,
			 "%s: CLOCK_MONOTONIC did not jump (%lld ms since the step)\n",
			 what, (long long)(v - mono0) / 1000000);
	return 0;
}

int main(void)
{
	struct vdso_image img;
	int64_t mono0, real0, now;
	int ret;

	ksft_print_header();
	if (!clocks_may_change())
		ksft_exit_skip("VDSO_TEST_MAY_CHANGE_CLOCKS=1 lets this test set the clock\n");
	if (geteuid())
		ksft_exit_skip("setting the clock needs root\n");
	if (vdso_fns_init(&img, &vdso) || !vdso.clock_gettime)
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	ksft_set_plan(2 * PHASE_RESULTS + 1);

	/*
	 * A machine without an RTC starts at 1970, and the clock cannot be
	 * set below the time since boot: start such a one a day later.
	 */
	real0 = sys_ns(CLOCK_REALTIME);
	if (real0 < 24 * JUMP_NS) {
		struct timespec ts = { .tv_sec = real0 / NSEC_PER_SEC + 24 * 3600 };

		ret = sys_clock_settime(CLOCK_REALTIME, &ts);
		if (ret)
			ksft_exit_fail_msg("clock_settime: %s\n", strerror(-ret));
	}
	mono0 = sys_ns(CLOCK_MONOTONIC);
	real0 = sys_ns(CLOCK_REALTIME);
	ret = phase("+1 h", JUMP_NS);
	if (ret == -EPERM)
		ksft_exit_skip("clock_settime: %s\n", strerror(-ret));
	if (ret)
		ksft_exit_fail_msg("clock_settime: %s\n", strerror(-ret));
	ret = phase("-1 h", -JUMP_NS);
	if (ret) {
		ksft_print_msg("restoring the clock: %s\n", strerror(-ret));
		for (int i = 0; i < PHASE_RESULTS; i++)
			ksft_test_result_fail("-1 h: clock_settime failed\n");
	}
	now = sys_ns(CLOCK_REALTIME);
	ksft_test_result(near(now, real0 + sys_ns(CLOCK_MONOTONIC) - mono0, BOUND_NS),
			 "clock restored (%+lld ms off)\n",
			 (long long)(now - real0 - (sys_ns(CLOCK_MONOTONIC) - mono0)) / 1000000);
	ksft_finished();
}
