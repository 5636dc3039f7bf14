// SPDX-License-Identifier: GPL-2.0
/*
 * libc_vdso: the system's C library answers clock_gettime(), clock_getres(),
 * gettimeofday(), time() and sched_getcpu() without making a system call,
 * and its answers are right.
 *
 * A child process installs a seccomp filter that kills it on any of those
 * system calls, calls the library, and sends what it got through a pipe.
 * The parent brackets the child with the same system calls, made before
 * and after, and checks each value. Built both dynamic and static (the
 * static C library finds the vDSO itself), with the selftests' helpers.
 *
 * Where the vDSO's getcpu() is the system call by design (riscv64: no
 * CPU number user space can read), getcpu stays allowed and only the
 * answer of sched_getcpu() is checked. Likewise clock_getres where the C
 * library never asks the vDSO for it (arm: vdso_abi.libc_getres_syscall).
 */
#include <errno.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "vdso_abi.h"
#include "vdso_util.h"

static const int clocks[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
	CLOCK_TAI, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE,
};

#define NCLOCKS ARRAY_SIZE(clocks)

/* What the child sends: everything libc answered. */
struct answers {
	struct timespec ts[NCLOCKS];
	struct timespec res[NCLOCKS];
	struct timeval tv;
	time_t t;
	int cpu;
	int ret;	/* first nonzero return, if any */
};

/* The system calls the C library must not make here */
static const unsigned int denied[] = {
	__NR_clock_gettime, __NR_clock_getres, __NR_gettimeofday, __NR_getcpu,
#ifdef __NR_time
	__NR_time,
#endif
#ifdef __NR_clock_gettime64
	__NR_clock_gettime64, __NR_clock_getres_time64,
#endif
};

static int is_getres(unsigned int nr)
{
#ifdef __NR_clock_getres_time64
	if (nr == __NR_clock_getres_time64)
		return 1;
#endif
	return nr == __NR_clock_getres;
}

static void child(int fd)
{
	unsigned int nr[ARRAY_SIZE(denied)], n = 0;
	struct answers a = { .ret = 0 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(denied); i++) {
		if (denied[i] == __NR_getcpu && vdso_abi.getcpu_syscall)
			continue;
		if (is_getres(denied[i]) && vdso_abi.libc_getres_syscall)
			continue;
		nr[n++] = denied[i];
	}
	if (block_syscalls(nr, n, SECCOMP_RET_KILL_PROCESS)) {
		perror("seccomp");
		_exit(2);
	}
	for (i = 0; i < NCLOCKS; i++) {
		a.ret |= clock_gettime(clocks[i], &a.ts[i]);
		a.ret |= clock_getres(clocks[i], &a.res[i]);
	}
	a.ret |= gettimeofday(&a.tv, NULL);
	a.t = time(NULL);
	a.cpu = sched_getcpu();
	if (write(fd, &a, sizeof(a)) != sizeof(a))
		_exit(3);
	_exit(0);
}

static long long ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static int nr_test;
static int failed;

static void result(int ok, const char *fmt, const char *what)
{
	printf("%sok %d %s%s\n", ok ? "" : "not ", ++nr_test, fmt, what);
	failed |= !ok;
}

int main(void)
{
	struct timespec before[NCLOCKS], after[NCLOCKS], res;
	struct answers a;
	int fds[2], status, ok;
	unsigned int i;
	pid_t pid;
	char name[64];

	printf("TAP version 13\n1..%zu\n", 2 * NCLOCKS + 3);
	if (pipe(fds))
		return 1;
	for (i = 0; i < NCLOCKS; i++)
		syscall(__NR_clock_gettime, clocks[i], &before[i]);
	pid = fork();
	if (pid == 0)
		child(fds[1]);
	waitpid(pid, &status, 0);
	for (i = 0; i < NCLOCKS; i++)
		syscall(__NR_clock_gettime, clocks[i], &after[i]);

	ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	     read(fds[0], &a, sizeof(a)) == sizeof(a);
	if (!ok) {
		printf("# the child %s %d: the C library made a time system call\n",
		       WIFSIGNALED(status) ? "was killed by signal" : "exited with",
		       WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
		printf("Bail out! no answers from the C library\n");
		return 1;
	}
	if (a.ret)
		printf("# a call returned nonzero\n");

	for (i = 0; i < NCLOCKS; i++) {
		ok = !a.ret && ns(&before[i]) <= ns(&a.ts[i]) &&
		     ns(&a.ts[i]) <= ns(&after[i]);
		snprintf(name, sizeof(name), "clock %d", clocks[i]);
		result(ok, "clock_gettime without a system call: ", name);

		syscall(__NR_clock_getres, clocks[i], &res);
		ok = res.tv_sec == a.res[i].tv_sec && res.tv_nsec == a.res[i].tv_nsec;
		result(ok, vdso_abi.libc_getres_syscall ?
		       "clock_getres (the C library's system call here): " :
		       "clock_getres without a system call: ", name);
	}
	ok = before[0].tv_sec <= a.tv.tv_sec && a.tv.tv_sec <= after[0].tv_sec &&
	     a.tv.tv_usec >= 0 && a.tv.tv_usec < 1000000 &&
	     ns(&before[0]) / 1000 <= a.tv.tv_sec * 1000000LL + a.tv.tv_usec &&
	     a.tv.tv_sec * 1000000LL + a.tv.tv_usec <= ns(&after[0]) / 1000;
	result(ok, "gettimeofday without a system call", "");
	/* time() is the second of the last tick: like CLOCK_REALTIME_COARSE */
	ok = before[5].tv_sec <= a.t && a.t <= after[0].tv_sec;
	result(ok, "time without a system call", "");
	ok = a.cpu >= 0 && a.cpu < sysconf(_SC_NPROCESSORS_CONF);
	result(ok, vdso_abi.getcpu_syscall ?
	       "sched_getcpu (a system call by design here)" :
	       "sched_getcpu without a system call", "");
	return failed;
}
