// SPDX-License-Identifier: GPL-2.0
/*
 * Compare the vDSO's clock_gettime() with the clock_gettime system call
 * for every clock id, for invalid ids and for a NULL timespec.
 *
 * The vDSO returns 0 or a negative errno and never touches errno, so
 * its return value is compared with -errno of the system call.
 *
 * A NULL timespec must give -EFAULT like the system call. Upstream
 * vDSOs fault instead; VDSO_NULL_TS_MAY_FAULT=1 in the environment (or
 * vdso_test.null_ts_may_fault=1 on the kernel command line) accepts that.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_util.h"

#define ROUNDS		1000

/* CPU-time clock ids, as the kernel encodes them in the clockid. */
#define CPUCLOCK_PROF		0
#define CPUCLOCK_SCHED		2
#define CPUCLOCK_BAD		3	/* with CPUCLOCK_PERTHREAD */
#define CPUCLOCK_FD		3	/* a clock fd, not a CPU clock */
#define CPUCLOCK_PERTHREAD	4
#define CPU_CLOCK(pid, which)	((clockid_t)((~(unsigned int)(pid) << 3) | (which)))

static struct vdso_fns vdso;

static const clockid_t null_clocks[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
	CLOCK_TAI, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE,
};

static int is_coarse(clockid_t clk)
{
	return clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE;
}

static void print_ts(const char *what, const struct timespec *ts)
{
	ksft_print_msg("  %s %lld.%09ld\n", what, (long long)ts->tv_sec,
		       (long)ts->tv_nsec);
}

/* sys <= vdso <= sys, ROUNDS times; 0 or the failing round + 1. */
static int check_ordered(clockid_t clk)
{
	struct timespec s1, v, s2;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		sys_clock_gettime(clk, &s1);
		vdso.clock_gettime(clk, &v);
		sys_clock_gettime(clk, &s2);
		if (v.tv_nsec < 0 || v.tv_nsec >= NSEC_PER_SEC ||
		    ts_ns(&s1) > ts_ns(&v) || ts_ns(&v) > ts_ns(&s2)) {
			print_ts("syscall before", &s1);
			print_ts("vdso          ", &v);
			print_ts("syscall after ", &s2);
			return i + 1;
		}
	}
	return 0;
}

/*
 * A coarse clock may lag the tick a little differently in the vDSO and
 * in the kernel: allow one tick plus one tick of slack either side, but
 * it must never be ahead of the fine clock read afterwards.
 */
static int check_coarse(clockid_t clk)
{
	clockid_t fine = clk == CLOCK_REALTIME_COARSE ? CLOCK_REALTIME :
							 CLOCK_MONOTONIC;
	struct timespec res, s1, v, s2, f;
	int64_t tick;
	int i;

	if (sys_clock_getres(clk, &res))
		return -1;
	tick = ts_ns(&res);
	for (i = 0; i < ROUNDS; i++) {
		sys_clock_gettime(clk, &s1);
		vdso.clock_gettime(clk, &v);
		sys_clock_gettime(clk, &s2);
		sys_clock_gettime(fine, &f);
		if (v.tv_nsec < 0 || v.tv_nsec >= NSEC_PER_SEC ||
		    ts_ns(&v) < ts_ns(&s1) - 2 * tick ||
		    ts_ns(&v) > ts_ns(&s2) + 2 * tick || ts_ns(&v) > ts_ns(&f)) {
			ksft_print_msg("  tick %lld ns\n", (long long)tick);
			print_ts("syscall before", &s1);
			print_ts("vdso          ", &v);
			print_ts("syscall after ", &s2);
			print_ts("fine after    ", &f);
			return i + 1;
		}
	}
	return 0;
}

static void test_clock(clockid_t clk, const char *name)
{
	struct timespec v = { 0 }, s = { 0 };
	int vret, sret, bad;

	sret = sys_clock_gettime(clk, &s);
	vret = vdso.clock_gettime(clk, &v);
	if (vret != sret) {
		ksft_test_result_fail("%s (%d): vdso returned %d, syscall %d\n",
				      name, clk, vret, sret);
		return;
	}
	if (sret) {
		ksft_test_result_pass("%s (%d): both return %d\n", name, clk, sret);
		return;
	}
	bad = is_coarse(clk) ? check_coarse(clk) : check_ordered(clk);
	if (bad)
		ksft_test_result_fail("%s (%d): out of bounds in round %d\n",
				      name, clk, bad);
	else
		ksft_test_result_pass("%s (%d): returns 0, %s %d rounds\n", name,
				      clk, is_coarse(clk) ? "within a tick over" :
				      "ordered over", ROUNDS);
}

static void call_null(int fd, void *arg)
{
	clockid_t clk = *(clockid_t *)arg;

	child_result(fd, KSFT_PASS, "%d", vdso.clock_gettime(clk, NULL));
}

static void test_null(clockid_t clk)
{
	int sret = sys_clock_gettime(clk, NULL), ws, vret;
	struct child_report rep;
	int may_fault = test_flag("VDSO_NULL_TS_MAY_FAULT",
				  "vdso_test.null_ts_may_fault");

	if (child_collect(call_null, &clk, &rep, 1, &ws) != 1) {
		int sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;

		if (sig == SIGSEGV && may_fault)
			ksft_test_result_pass("%s, NULL: vdso faults (allowed), syscall %d\n",
					      clock_name(clk), sret);
		else
			ksft_test_result_fail("%s, NULL: vdso died (signal %d), syscall %d\n",
					      clock_name(clk), sig, sret);
		return;
	}
	vret = atoi(rep.msg);
	ksft_test_result(vret == sret && sret == -EFAULT,
			 "%s, NULL: vdso returns %d, syscall %d (want %d)\n",
			 clock_name(clk), vret, sret, -EFAULT);
}

int main(void)
{
	struct vdso_image img;
	pid_t pid = getpid(), tid = gettid();
	const struct {
		clockid_t clk;
		const char *name;
	} odd[] = {
		{ -1, "invalid" },
		{ LAST_CLOCK_ID + 1, "invalid" },
		{ 15, "invalid" },
		{ 16, "invalid" },
		{ 100, "invalid" },
		{ INT_MAX, "invalid" },
		{ INT_MIN, "invalid" },
		{ CPU_CLOCK(pid, CPUCLOCK_SCHED), "process sched clock" },
		{ CPU_CLOCK(0, CPUCLOCK_PROF), "own process prof clock" },
		{ CPU_CLOCK(tid, CPUCLOCK_SCHED | CPUCLOCK_PERTHREAD), "thread clock" },
		{ CPU_CLOCK(tid, CPUCLOCK_BAD | CPUCLOCK_PERTHREAD), "bad thread clock" },
		{ CPU_CLOCK((1 << 22) - 1, CPUCLOCK_SCHED), "clock of pid 4194303" },
		{ CPU_CLOCK(1000, CPUCLOCK_FD), "clock of a closed fd" },
	};
	clockid_t clk;
	size_t i;

	ksft_print_header();
	if (vdso_fns_init(&img, &vdso))
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	if (!vdso.clock_gettime)
		ksft_exit_skip("the vDSO has no clock_gettime\n");
	ksft_set_plan(LAST_CLOCK_ID + 1 + ARRAY_SIZE(odd) + ARRAY_SIZE(null_clocks));

	for (clk = 0; clk <= LAST_CLOCK_ID; clk++)
		test_clock(clk, clock_name(clk));
	for (i = 0; i < ARRAY_SIZE(odd); i++)
		test_clock(odd[i].clk, odd[i].name);
	for (i = 0; i < ARRAY_SIZE(null_clocks); i++)
		test_null(null_clocks[i]);
	ksft_finished();
}
