// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO's gettimeofday() and time() against the system calls.
 */
#include <errno.h>

#include "kselftest.h"
#include "vdso_util.h"

#define ROUNDS		1000

static struct vdso_fns vdso;

static int64_t sys_realtime_us(void)
{
	struct timespec ts;

	sys_clock_gettime(CLOCK_REALTIME, &ts);
	return ts_ns(&ts) / NSEC_PER_USEC;
}

static int64_t sys_gtod_us(void)
{
	struct timeval tv;

	sys_gettimeofday(&tv, NULL);
	return tv_us(&tv);
}

/* before <= vdso gettimeofday <= after, with @clock giving before/after */
static void test_ordered(int64_t (*clock)(void), const char *what)
{
	int64_t s1, v, s2;
	struct timeval tv;
	int i, ret;

	for (i = 0; i < ROUNDS; i++) {
		s1 = clock();
		ret = vdso.gettimeofday(&tv, NULL);
		s2 = clock();
		v = tv_us(&tv);
		if (ret || tv.tv_usec < 0 || tv.tv_usec >= USEC_PER_SEC ||
		    v < s1 || v > s2) {
			ksft_test_result_fail("vs %s: ret %d, %lld <= %lld <= %lld fails (%d)\n",
					      what, ret, (long long)s1, (long long)v,
					      (long long)s2, i + 1);
			return;
		}
	}
	ksft_test_result_pass("gettimeofday vs %s: ordered over %d rounds\n",
			      what, ROUNDS);
}

static int same_tz(const struct timezone *a, const struct timezone *b)
{
	return a->tz_minuteswest == b->tz_minuteswest &&
	       a->tz_dsttime == b->tz_dsttime;
}

static void test_tz(void)
{
	struct timezone s = { -1, -1 }, v = { -2, -2 }, vn = { -3, -3 };
	struct timeval tv;
	int sret, vret, vnret;

	sret = sys_gettimeofday(NULL, &s);
	vret = vdso.gettimeofday(&tv, &v);
	vnret = vdso.gettimeofday(NULL, &vn);
	ksft_print_msg("syscall tz: minuteswest %d dsttime %d\n",
		       s.tz_minuteswest, s.tz_dsttime);
	ksft_test_result(!sret && !vret && !vnret && same_tz(&s, &v) && same_tz(&s, &vn),
			 "tz: vdso (%d, %d/%d) and (NULL, tz) (%d, %d/%d) match the syscall (%d)\n",
			 vret, v.tz_minuteswest, v.tz_dsttime, vnret,
			 vn.tz_minuteswest, vn.tz_dsttime, sret);
}

static void test_null_args(void)
{
	struct timeval tv, stv;
	struct timezone tz;
	int s1, v1, s2, v2, s3, v3;
	int64_t before, after;

	s1 = sys_gettimeofday(NULL, &tz);
	v1 = vdso.gettimeofday(NULL, &tz);
	before = sys_realtime_us();
	v2 = vdso.gettimeofday(&tv, NULL);
	after = sys_realtime_us();
	s2 = sys_gettimeofday(&stv, NULL);
	s3 = sys_gettimeofday(NULL, NULL);
	v3 = vdso.gettimeofday(NULL, NULL);
	ksft_test_result(s1 == v1 && s2 == v2 && s3 == v3 &&
			 before <= tv_us(&tv) && tv_us(&tv) <= after,
			 "NULL arguments: (NULL, tz) %d/%d, (tv, NULL) %d/%d, (NULL, NULL) %d/%d\n",
			 v1, s1, v2, s2, v3, s3);
}

static void test_time(void)
{
	long s1, v, s2;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		s1 = sys_time(NULL);
		v = vdso.time(NULL);
		s2 = sys_time(NULL);
		if (s1 < 0 || v < s1 - 1 || v > s2 + 1) {
			ksft_test_result_fail("time(NULL): sys %ld, vdso %ld, sys %ld (%d)\n",
					      s1, v, s2, i + 1);
			return;
		}
	}
	ksft_test_result_pass("time(NULL) within 1 s of the syscall over %d rounds\n",
			      ROUNDS);
}

static void test_time_ptr(void)
{
	time_t t = -1, st = -1;
	long s, v;

	v = vdso.time(&t);
	s = sys_time(&st);
	ksft_test_result(v == (long)t && s == (long)st && v >= s - 1 && v <= s + 1,
			 "time(&t): vdso returns %ld, stores %lld; syscall %ld\n",
			 v, (long long)t, s);
}

int main(void)
{
	struct vdso_image img;

	ksft_print_header();
	if (vdso_fns_init(&img, &vdso))
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	ksft_set_plan(6);

	if (vdso.gettimeofday) {
		test_ordered(sys_realtime_us, "clock_gettime(CLOCK_REALTIME) syscall");
		test_ordered(sys_gtod_us, "gettimeofday syscall");
		test_tz();
		test_null_args();
	} else {
		ksft_test_result_skip("no gettimeofday in the vDSO\n");
		ksft_test_result_skip("no gettimeofday in the vDSO\n");
		ksft_test_result_skip("no gettimeofday in the vDSO\n");
		ksft_test_result_skip("no gettimeofday in the vDSO\n");
	}
	if (vdso.time) {
		test_time();
		test_time_ptr();
	} else {
		ksft_test_result_skip("no time in the vDSO\n");
		ksft_test_result_skip("no time in the vDSO\n");
	}
	ksft_finished();
}
