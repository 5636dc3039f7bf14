// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO's clock_getres() must give the same result and resolution as
 * the system call for every clock id, valid or not, and must accept a
 * NULL resolution pointer the way the system call does.
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_util.h"

static struct vdso_fns vdso;

static void test_getres(clockid_t clk, const char *name)
{
	struct timespec v = { -1, -1 }, s = { -1, -1 };
	int vret, sret, vnull, snull;

	sret = sys_clock_getres(clk, &s);
	vret = vdso.clock_getres(clk, &v);
	snull = sys_clock_getres(clk, NULL);
	vnull = vdso.clock_getres(clk, NULL);

	if (vret != sret)
		ksft_test_result_fail("%s (%d): vdso returned %d, syscall %d\n",
				      name, clk, vret, sret);
	else if (!sret && (v.tv_sec != s.tv_sec || v.tv_nsec != s.tv_nsec))
		ksft_test_result_fail("%s (%d): vdso %lld.%09ld, syscall %lld.%09ld\n",
				      name, clk, (long long)v.tv_sec, (long)v.tv_nsec,
				      (long long)s.tv_sec, (long)s.tv_nsec);
	else if (vnull != snull)
		ksft_test_result_fail("%s (%d): NULL res: vdso %d, syscall %d\n",
				      name, clk, vnull, snull);
	else if (sret)
		ksft_test_result_pass("%s (%d): both return %d (NULL res: %d)\n",
				      name, clk, sret, snull);
	else
		ksft_test_result_pass("%s (%d): %lld.%09ld (NULL res: %d)\n",
				      name, clk, (long long)v.tv_sec, (long)v.tv_nsec,
				      snull);
}

int main(void)
{
	static const clockid_t invalid[] = {
		-1, LAST_CLOCK_ID + 1, 16, 100, INT_MAX, INT_MIN,
	};
	/* CPU-time clocks: ((~pid) << 3) | 2 is the process's sched clock */
	clockid_t cpu = (clockid_t)((~(unsigned int)getpid() << 3) | 2);
	struct vdso_image img;
	clockid_t clk;
	size_t i;

	ksft_print_header();
	if (vdso_fns_init(&img, &vdso))
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	if (!vdso.clock_getres)
		ksft_exit_skip("the vDSO has no clock_getres\n");
	ksft_set_plan(LAST_CLOCK_ID + 1 + ARRAY_SIZE(invalid) + 1);

	for (clk = 0; clk <= LAST_CLOCK_ID; clk++)
		test_getres(clk, clock_name(clk));
	for (i = 0; i < ARRAY_SIZE(invalid); i++) {
		/* Linux 6.17 made ids 16..23 auxiliary clocks */
		if (invalid[i] >= 16 && invalid[i] <= 23 && ksft_min_kernel_version(6, 17))
			ksft_test_result_skip("%d: an auxiliary clock id since Linux 6.17\n",
					      invalid[i]);
		else
			test_getres(invalid[i], "invalid");
	}
	test_getres(cpu, "process sched clock");
	ksft_finished();
}
