// SPDX-License-Identifier: GPL-2.0
/*
 * Tell the vDSO's fast path from its system call fallback.
 *
 * A seccomp filter makes the time system calls fail with
 * ENOTRECOVERABLE instead of running. Under it, a vDSO call that
 * returns 0 made no system call, and one that returns -ENOTRECOVERABLE
 * fell back to the kernel.
 *
 * 1. The current clocksource must be one the vDSO reads (x86: tsc):
 *    otherwise the machine never runs the fast path. This fails, not
 *    skips, when it is not.
 * 2. With that clocksource, the counter clocks, the coarse clocks,
 *    gettimeofday, time and getcpu answer without a system call, and
 *    invalid or CPU-time clock ids go to the kernel.
 * 3. Only with VDSO_TEST_MAY_CHANGE_CLOCKS=1 (or the kernel parameter
 *    vdso_test.may_change_clocks=1), as root, and with "hpet"
 *    available: switch to hpet, which the vDSO cannot read, check that
 *    the counter clocks now fall back while the coarse ones do not,
 *    then switch back and check the fast path again.
 *
 * seccomp filters cannot be removed, so each filtered part runs in a
 * child process and the parent reports and restores the clocksource.
 */
#include <errno.h>
#include <linux/seccomp.h>
#include <sys/syscall.h>

#include "kselftest.h"
#include "vdso_abi.h"
#include "vdso_child.h"
#include "vdso_util.h"

#define CS_DIR		"/sys/devices/system/clocksource/clocksource0/"
#define CS_CURRENT	CS_DIR "current_clocksource"
#define CS_AVAILABLE	CS_DIR "available_clocksource"
#define SLOW_CS		"hpet"
#define BLOCKED		ENOTRECOVERABLE

#ifdef SYS_time
#define SYS_TIME_NR	SYS_time
#else
#define SYS_TIME_NR	SYS_clock_gettime	/* no time syscall here */
#endif

/* Results one filtered child reports. */
#define CHILD_RESULTS	13
/* Results of the clocksource switch: 3 of its own, 2 filtered runs. */
#define SWITCH_RESULTS	(3 + 2 * CHILD_RESULTS)

static const clockid_t counter_clocks[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
	CLOCK_TAI,
};

static const clockid_t coarse_clocks[] = {
	CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE,
};

static struct vdso_fns vdso;
static struct timespec mono_res;	/* clock_getres(MONOTONIC), unfiltered */

static int block_time_syscalls(void)
{
	static const unsigned int nr[] = {
		SYS_clock_gettime, SYS_gettimeofday, SYS_clock_getres,
		SYS_getcpu, SYS_TIME_NR,
	};

	return block_syscalls(nr, ARRAY_SIZE(nr), SECCOMP_RET_ERRNO | BLOCKED);
}

static void check_clock(int fd, clockid_t clk, int want)
{
	struct timespec ts = { 0, 0 };
	int ret = vdso.clock_gettime(clk, &ts);

	child_result(fd, ret == want ? KSFT_PASS : KSFT_FAIL,
		     "%s: vdso returns %d (want %d: %s)", clock_name(clk), ret,
		     want, want ? "fallback" : "no syscall");
}

static void check_invalid_ids(int fd)
{
	const clockid_t ids[] = {
		CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
		CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM, 10,
		LAST_CLOCK_ID + 1, 100, -1,
		(clockid_t)((~(unsigned int)getpid() << 3) | 2),
	};
	struct timespec ts;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		ret = vdso.clock_gettime(ids[i], &ts);
		if (ret != -BLOCKED) {
			child_result(fd, KSFT_FAIL,
				     "clock id %d: vdso returns %d, want the syscall's %d",
				     ids[i], ret, -BLOCKED);
			return;
		}
	}
	child_result(fd, KSFT_PASS, "%zu CPU-time, alarm and invalid ids go to the syscall",
		     ARRAY_SIZE(ids));
}

static void check_others(int fd, int fast)
{
	struct timespec res = { 0, 0 };
	unsigned int cpu = ~0u;
	struct timeval tv;
	int ret, want;

	ret = vdso.gettimeofday ? vdso.gettimeofday(&tv, NULL) : 0;
	child_result(fd, !vdso.gettimeofday ? KSFT_SKIP :
		     ret == (fast ? 0 : -BLOCKED) ? KSFT_PASS : KSFT_FAIL,
		     "gettimeofday: vdso returns %d (want %d)", ret, fast ? 0 : -BLOCKED);

	ret = vdso.time ? (vdso.time(NULL) > 0 ? 0 : -1) : 0;
	child_result(fd, !vdso.time ? KSFT_SKIP : ret ? KSFT_FAIL : KSFT_PASS,
		     "time: answered without a syscall");

	/* where getcpu is a system call by design, it must make exactly that */
	want = vdso_abi.getcpu_syscall ? -BLOCKED : 0;
	ret = vdso.getcpu ? (int)vdso.getcpu(&cpu, NULL, NULL) : 0;
	child_result(fd, !vdso.getcpu ? KSFT_SKIP : ret != want ? KSFT_FAIL : KSFT_PASS,
		     "getcpu: vdso returns %d, cpu %u (want %d: %s)", ret, cpu, want,
		     want ? "the system call, by design" : "no syscall");

	ret = vdso.clock_getres ? vdso.clock_getres(CLOCK_MONOTONIC, &res) : 0;
	if (!vdso.clock_getres)
		child_result(fd, KSFT_SKIP, "no clock_getres in the vDSO");
	else if (!ret && res.tv_sec == mono_res.tv_sec && res.tv_nsec == mono_res.tv_nsec)
		child_result(fd, KSFT_PASS, "clock_getres(MONOTONIC) answered without a syscall");
	else
		child_result(fd, ret == -BLOCKED && !fast ? KSFT_PASS : KSFT_FAIL,
			     "clock_getres(MONOTONIC): vdso returns %d, %ld ns", ret,
			     (long)res.tv_nsec);
}

/* Child: @arg points to 1 when the clocksource is vDSO-readable. */
static void filtered(int fd, void *arg)
{
	int fast = *(int *)arg, ret;
	struct timespec ts;
	size_t i;

	ret = block_time_syscalls();
	if (ret) {
		child_result(fd, KSFT_FAIL, "installing the seccomp filter: %s",
			     strerror(-ret));
		return;
	}
	ret = sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	child_result(fd, ret == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "filter active: clock_gettime syscall returns %d", ret);
	if (ret != -BLOCKED)
		return;
	for (i = 0; i < ARRAY_SIZE(counter_clocks); i++)
		check_clock(fd, counter_clocks[i], fast ? 0 : -BLOCKED);
	for (i = 0; i < ARRAY_SIZE(coarse_clocks); i++)
		check_clock(fd, coarse_clocks[i], 0);
	check_others(fd, fast);
	check_invalid_ids(fd);
}

static void run_filtered(int fast, const char *cs)
{
	ksft_print_msg("filtered run with clocksource %s: expecting %s\n", cs,
		       fast ? "the fast path" : "fallbacks for counter clocks");
	run_in_child(CHILD_RESULTS, filtered, &fast);
}

static void skip_n(int n, const char *why)
{
	while (n--)
		ksft_test_result_skip("%s\n", why);
}

/* Is @word one of the space-separated words of @list? */
static int has_word(const char *list, const char *word)
{
	size_t len = strlen(word);
	const char *p;

	for (p = strstr(list, word); p; p = strstr(p + 1, word))
		if ((p == list || p[-1] == ' ') && (p[len] == ' ' || !p[len]))
			return 1;
	return 0;
}

/* The vDSO falls back yet stays right: syscall <= vdso <= syscall. */
static void test_slow_ordering(void)
{
	struct timespec s1, v, s2;
	int i, ret = 0;

	for (i = 0; i < 100 && !ret; i++) {
		sys_clock_gettime(CLOCK_MONOTONIC, &s1);
		ret = vdso.clock_gettime(CLOCK_MONOTONIC, &v);
		sys_clock_gettime(CLOCK_MONOTONIC, &s2);
		if (!ret && (ts_ns(&v) < ts_ns(&s1) || ts_ns(&v) > ts_ns(&s2)))
			ret = -1;
	}
	ksft_test_result(!ret, "with %s, vDSO CLOCK_MONOTONIC stays ordered (%d)\n",
			 SLOW_CS, ret);
}

/* Why the clocksource may not be switched, or NULL if it may. */
static const char *switch_blocker(const char *orig)
{
	char avail[256];

	if (!clocks_may_change())
		return "set VDSO_TEST_MAY_CHANGE_CLOCKS=1 to switch clocksources";
	if (geteuid())
		return "switching clocksources needs root";
	if (read_line(CS_AVAILABLE, avail, sizeof(avail)) || !has_word(avail, SLOW_CS))
		return "no " SLOW_CS " clocksource to switch to";
	if (!strcmp(orig, SLOW_CS))
		return "already on " SLOW_CS;
	return NULL;
}

static void test_switch(const char *orig)
{
	char now[64] = "";
	int ret;

	ret = write_str(CS_CURRENT, SLOW_CS);
	read_line(CS_CURRENT, now, sizeof(now));
	ksft_test_result(!ret && !strcmp(now, SLOW_CS), "switch to %s (%d): now %s\n",
			 SLOW_CS, ret, now);
	if (!strcmp(now, SLOW_CS)) {
		run_filtered(0, now);
		test_slow_ordering();
	} else {
		skip_n(1 + CHILD_RESULTS, "not switched");
	}

	ret = write_str(CS_CURRENT, orig);
	read_line(CS_CURRENT, now, sizeof(now));
	ksft_test_result(!ret && !strcmp(now, orig), "switch back to %s (%d): now %s\n",
			 orig, ret, now);
	if (strcmp(now, orig))
		skip_n(CHILD_RESULTS, "original clocksource not restored");
	else if (!vdso_abi_clocksource_ok(now))
		skip_n(CHILD_RESULTS, "original clocksource is not read by the vDSO");
	else
		run_filtered(1, now);
}

int main(void)
{
	struct vdso_image img;
	const char *blocker;
	char cs[64] = "";
	int ret, fast;

	ksft_print_header();
	if (vdso_fns_init(&img, &vdso) || !vdso.clock_gettime)
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	sys_clock_getres(CLOCK_MONOTONIC, &mono_res);
	ret = read_line(CS_CURRENT, cs, sizeof(cs));
	fast = !ret && vdso_abi_clocksource_ok(cs);
	blocker = ret ? "no current clocksource" : switch_blocker(cs);
	ksft_set_plan(1 + CHILD_RESULTS + (blocker ? 1 : SWITCH_RESULTS));

	ksft_test_result(fast, "current clocksource '%s' is read by the vDSO (%s)\n",
			 ret ? strerror(-ret) : cs, vdso_abi.clocksources[0]);

	if (!ret)
		run_filtered(fast, cs);
	else
		skip_n(CHILD_RESULTS, "no current clocksource");

	if (blocker)
		ksft_test_result_skip("switching to %s: %s\n", SLOW_CS, blocker);
	else
		test_switch(cs);
	ksft_finished();
}
