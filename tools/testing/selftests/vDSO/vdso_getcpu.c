// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO's getcpu() must name the CPU the thread is pinned to, and
 * agree with the getcpu system call on both CPU and node.
 */
#include <sched.h>

#include "kselftest.h"
#include "vdso_util.h"

static struct vdso_fns vdso;

static int pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

static void test_cpu(int cpu)
{
	unsigned int vc = ~0u, vn = ~0u, sc = ~0u, sn = ~0u;
	long vret;
	int sret;

	if (pin(cpu)) {
		ksft_test_result_fail("cpu %d: sched_setaffinity: %s\n", cpu,
				      strerror(errno));
		return;
	}
	vret = vdso.getcpu(&vc, &vn, NULL);
	sret = sys_getcpu(&sc, &sn);
	ksft_test_result(!vret && !sret && vc == (unsigned int)cpu && vc == sc && vn == sn,
			 "cpu %d: vdso %ld cpu %u node %u, syscall %d cpu %u node %u\n",
			 cpu, vret, vc, vn, sret, sc, sn);
}

static void test_null(int cpu)
{
	unsigned int c = ~0u, n = ~0u, sn = ~0u;
	long r1, r2, r3;
	int s1, s2;

	if (pin(cpu)) {
		ksft_test_result_fail("cpu %d: sched_setaffinity: %s\n", cpu,
				      strerror(errno));
		return;
	}
	r1 = vdso.getcpu(NULL, NULL, NULL);
	s1 = sys_getcpu(NULL, NULL);
	r2 = vdso.getcpu(&c, NULL, NULL);
	r3 = vdso.getcpu(NULL, &n, NULL);
	s2 = sys_getcpu(NULL, &sn);
	ksft_test_result(r1 == s1 && !r2 && !r3 && !s2 && c == (unsigned int)cpu && n == sn,
			 "NULL pointers: (NULL, NULL) %ld/%d, (cpu, NULL) %ld cpu %u, (NULL, node) %ld node %u/%u\n",
			 r1, s1, r2, c, r3, n, sn);
}

int main(void)
{
	struct vdso_image img;
	cpu_set_t orig;
	int cpu, first = -1;

	ksft_print_header();
	if (vdso_fns_init(&img, &vdso))
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	if (!vdso.getcpu)
		ksft_exit_skip("the vDSO has no getcpu\n");
	if (sched_getaffinity(0, sizeof(orig), &orig))
		ksft_exit_fail_perror("sched_getaffinity");
	ksft_set_plan(CPU_COUNT(&orig) + 1);

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &orig))
			continue;
		if (first < 0)
			first = cpu;
		test_cpu(cpu);
	}
	test_null(first);
	sched_setaffinity(0, sizeof(orig), &orig);
	ksft_finished();
}
