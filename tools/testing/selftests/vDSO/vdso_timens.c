// SPDX-License-Identifier: GPL-2.0
/*
 * Time namespaces through the vDSO: a child in a namespace with offsets
 * reads MONOTONIC, MONOTONIC_RAW, MONOTONIC_COARSE and BOOTTIME with the
 * namespace's offsets, REALTIME and TAI without, all equal to what the
 * system call says there, and without making a system call (a seccomp
 * filter makes clock_gettime fail with a telltale errno). Processes
 * outside the namespace keep the system's clocks.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_child.h"
#include "vdso_util.h"

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME	0x00000080
#endif

#define BLOCKED		ENOTRECOVERABLE
/* the offsets: seconds and nanoseconds, the latter to make carries */
#define MONO_SEC	1000
#define MONO_NSEC	999999999LL
#define BOOT_SEC	500
#define BOOT_NSEC	500000000LL

static struct vdso_fns vdso;

static const struct {
	clockid_t id;
	int64_t offset;		/* ns the namespace adds */
} clocks[] = {
	{ CLOCK_MONOTONIC, MONO_SEC * NSEC_PER_SEC + MONO_NSEC },
	{ CLOCK_MONOTONIC_RAW, MONO_SEC * NSEC_PER_SEC + MONO_NSEC },
	{ CLOCK_MONOTONIC_COARSE, MONO_SEC * NSEC_PER_SEC + MONO_NSEC },
	{ CLOCK_BOOTTIME, BOOT_SEC * NSEC_PER_SEC + BOOT_NSEC },
	{ CLOCK_REALTIME, 0 },
	{ CLOCK_TAI, 0 },
};

/* Host values of each clock, taken by the parent before the child runs */
static int64_t host[ARRAY_SIZE(clocks)];

static void in_namespace(int fd, void *arg)
{
	static const unsigned int nr[] = { SYS_clock_gettime };
	struct timespec sys[ARRAY_SIZE(clocks)], v;
	unsigned int i;
	int r;

	(void)arg;
	for (i = 0; i < ARRAY_SIZE(clocks); i++)
		sys_clock_gettime(clocks[i].id, &sys[i]);
	r = block_syscalls(nr, 1, SECCOMP_RET_ERRNO | BLOCKED);
	for (i = 0; i < ARRAY_SIZE(clocks); i++) {
		int64_t got, want_lo, want_hi;

		r = r ? r : vdso.clock_gettime(clocks[i].id, &v);
		got = ts_ns(&v);
		/* after the syscall in here, and after the host's + offset */
		want_lo = ts_ns(&sys[i]);
		if (host[i] + clocks[i].offset > want_lo)
			want_lo = host[i] + clocks[i].offset;
		/* and not long after: 10 s is plenty, even emulated */
		want_hi = want_lo + 10 * NSEC_PER_SEC;
		child_result(fd, !r && got >= want_lo - 20000000 && got <= want_hi ?
			     KSFT_PASS : KSFT_FAIL,
			     "in the namespace, %s: %d, %lld ns (system call %lld, host %lld, offset %lld)",
			     clock_name(clocks[i].id), r, (long long)got,
			     (long long)ts_ns(&sys[i]), (long long)host[i],
			     (long long)clocks[i].offset);
	}
}

int main(void)
{
	struct vdso_image img;
	struct timespec ts, sys;
	char offsets[128];
	unsigned int i;
	int fd, n;

	ksft_print_header();
	if (vdso_fns_init(&img, &vdso) || !vdso.clock_gettime)
		ksft_exit_fail_msg("no clock_gettime in the vDSO\n");
	if (unshare(CLONE_NEWTIME)) {
		if (errno == EINVAL || errno == EPERM)
			ksft_exit_skip("unshare(CLONE_NEWTIME): %s\n", strerror(errno));
		ksft_exit_fail_msg("unshare(CLONE_NEWTIME): %s\n", strerror(errno));
	}
	n = snprintf(offsets, sizeof(offsets), "monotonic %d %lld\nboottime %d %lld\n",
		     MONO_SEC, MONO_NSEC, BOOT_SEC, BOOT_NSEC);
	fd = open("/proc/self/timens_offsets", O_WRONLY);
	if (fd < 0 || write(fd, offsets, n) != n)
		ksft_exit_fail_msg("writing timens_offsets: %s\n", strerror(errno));
	close(fd);

	ksft_set_plan(ARRAY_SIZE(clocks) + 1);
	for (i = 0; i < ARRAY_SIZE(clocks); i++) {
		sys_clock_gettime(clocks[i].id, &ts);
		host[i] = ts_ns(&ts);
	}
	/* children of this process are in the namespace */
	run_in_child(ARRAY_SIZE(clocks), in_namespace, NULL);

	/* this process is not: its vDSO still reads the system's clocks */
	vdso.clock_gettime(CLOCK_MONOTONIC, &ts);
	sys_clock_gettime(CLOCK_MONOTONIC, &sys);
	ksft_test_result(ts_ns(&ts) <= ts_ns(&sys) &&
			 ts_ns(&sys) - ts_ns(&ts) < 10 * NSEC_PER_SEC,
			 "outside the namespace, MONOTONIC has no offset\n");
	ksft_finished();
}
