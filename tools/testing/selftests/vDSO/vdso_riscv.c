// SPDX-License-Identifier: GPL-2.0
/*
 * The riscv64 vDSO's own entries: __vdso_riscv_hwprobe, __vdso_flush_icache
 * and __vdso_rt_sigreturn.
 *
 * riscv_hwprobe() must give exactly the system call's answer for every
 * question, valid keys, invalid keys, CPU sets, flags and a NULL array,
 * and must answer the all-CPU question without a system call: a child
 * with the hwprobe system call blocked by seccomp proves it, and proves
 * that the other questions do go to the kernel.
 *
 * flush_icache() is the system call: code written through a writable
 * mapping must then run through another mapping of the same page, and
 * flags go to the kernel as they are. (QEMU keeps instruction fetches
 * coherent by itself, so there the first check shows only that the call
 * succeeds.) A signal handler returns through rt_sigreturn.
 */
#include <errno.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_child.h"
#include "vdso_util.h"

#if defined(__riscv) && __riscv_xlen == 64

/* The hwprobe ABI (asm/hwprobe.h, which older uapi headers lack) */
struct hwprobe_pair {
	long long key;
	unsigned long long value;
};

#define HWPROBE_KEY_IMA_EXT_0	4
#define HWPROBE_WHICH_CPUS	1

#ifndef __NR_riscv_hwprobe
#define __NR_riscv_hwprobe		258
#endif

#define BLOCKED		ENOTRECOVERABLE
/* keys past the kernel's last, and negative ones: answered key -1 */
#define NKEYS		64

typedef int (*hwprobe_fn)(struct hwprobe_pair *pairs, size_t count,
			  size_t cpusetsize, unsigned long *cpus,
			  unsigned int flags);
typedef int (*flush_fn)(void *start, void *end, unsigned long flags);

static hwprobe_fn vdso_hwprobe;
static flush_fn vdso_flush;

static int sys_hwprobe(struct hwprobe_pair *pairs, size_t count,
		       size_t cpusetsize, unsigned long *cpus, unsigned int flags)
{
	long ret = syscall(__NR_riscv_hwprobe, pairs, count, cpusetsize, cpus, flags);

	return ret < 0 ? -errno : (int)ret;
}

static void fill_keys(struct hwprobe_pair *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		p[i].key = (long long)i - 4;	/* -4 .. 59 */
		p[i].value = 0x5a5a5a5a5a5a5a5aULL;	/* must be overwritten */
	}
}

/* @a, @b: the answers of the vDSO and of the system call, compared */
static int same_pairs(const struct hwprobe_pair *a, const struct hwprobe_pair *b,
		      size_t n, char *why, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i].key != b[i].key || a[i].value != b[i].value) {
			snprintf(why, len,
				 "pair %zu: vdso key %lld value %#llx, syscall key %lld value %#llx",
				 i, (long long)a[i].key, (unsigned long long)a[i].value,
				 (long long)b[i].key, (unsigned long long)b[i].value);
			return 0;
		}
	return 1;
}

static void test_all_cpus(void)
{
	struct hwprobe_pair v[NKEYS], s[NKEYS];
	char why[160] = "";
	int vr, sr;

	fill_keys(v, NKEYS);
	fill_keys(s, NKEYS);
	vr = vdso_hwprobe(v, NKEYS, 0, NULL, 0);
	sr = sys_hwprobe(s, NKEYS, 0, NULL, 0);
	ksft_test_result(vr == sr && !vr && same_pairs(v, s, NKEYS, why, sizeof(why)),
			 "hwprobe, all CPUs, %d keys: vdso %d, syscall %d %s\n",
			 NKEYS, vr, sr, why);

	vr = vdso_hwprobe(v, 0, 0, NULL, 0);
	ksft_test_result(vr == 0, "hwprobe, no pairs: %d\n", vr);
	vr = vdso_hwprobe(NULL, 1, 0, NULL, 0);
	sr = sys_hwprobe(NULL, 1, 0, NULL, 0);
	ksft_test_result(vr == sr && sr == -EFAULT,
			 "hwprobe, NULL pairs: vdso %d, syscall %d (want -EFAULT)\n",
			 vr, sr);
}

/* Questions about a CPU set, and flags: the system call's answers */
static void test_cpu_sets(void)
{
	struct hwprobe_pair v[8], s[8];
	cpu_set_t vset, sset;
	char why[160] = "";
	int vr, sr, bad = 0;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	int cpu;

	for (cpu = 0; cpu < ncpu && cpu < CPU_SETSIZE; cpu++) {
		CPU_ZERO(&vset);
		CPU_SET(cpu, &vset);
		fill_keys(v, 8);
		fill_keys(s, 8);
		vr = vdso_hwprobe(v, 8, sizeof(vset), (unsigned long *)&vset, 0);
		sr = sys_hwprobe(s, 8, sizeof(vset), (unsigned long *)&vset, 0);
		if (vr != sr || !same_pairs(v, s, 8, why, sizeof(why))) {
			bad++;
			break;
		}
	}
	ksft_test_result(!bad, "hwprobe, one CPU at a time: as the syscall %s\n", why);

	/* a set with no online CPU: -EINVAL from the kernel */
	CPU_ZERO(&vset);
	vr = vdso_hwprobe(v, 8, sizeof(vset), (unsigned long *)&vset, 0);
	sr = sys_hwprobe(s, 8, sizeof(vset), (unsigned long *)&vset, 0);
	ksft_test_result(vr == sr && sr == -EINVAL,
			 "hwprobe, empty CPU set: vdso %d, syscall %d\n", vr, sr);

	/* which CPUs have IMA_EXT_0 as CPU 0 has it */
	v[0].key = HWPROBE_KEY_IMA_EXT_0;
	s[0].key = HWPROBE_KEY_IMA_EXT_0;
	sys_hwprobe(s, 1, 0, NULL, 0);
	v[0].value = s[0].value;
	CPU_ZERO(&vset);
	CPU_ZERO(&sset);
	vr = vdso_hwprobe(v, 1, sizeof(vset), (unsigned long *)&vset,
			  HWPROBE_WHICH_CPUS);
	sr = sys_hwprobe(s, 1, sizeof(sset), (unsigned long *)&sset,
			 HWPROBE_WHICH_CPUS);
	ksft_test_result(vr == sr && !sr && CPU_EQUAL(&vset, &sset) &&
			 CPU_COUNT(&vset) == ncpu,
			 "hwprobe, WHICH_CPUS: vdso %d, syscall %d, %d and %d CPUs of %ld\n",
			 vr, sr, CPU_COUNT(&vset), CPU_COUNT(&sset), ncpu);

	vr = vdso_hwprobe(v, 1, 0, NULL, 2);
	sr = sys_hwprobe(s, 1, 0, NULL, 2);
	ksft_test_result(vr == sr && sr == -EINVAL,
			 "hwprobe, unknown flags: vdso %d, syscall %d\n", vr, sr);
}

/* Child: the system call blocked, which questions the vDSO answers */
static void blocked_child(int fd, void *arg)
{
	static const unsigned int nr[] = { __NR_riscv_hwprobe, __NR_riscv_flush_icache };
	struct hwprobe_pair p[NKEYS];
	cpu_set_t set;
	int ret;

	(void)arg;
	if (block_syscalls(nr, ARRAY_SIZE(nr), SECCOMP_RET_ERRNO | BLOCKED)) {
		child_result(fd, KSFT_FAIL, "seccomp: %s", strerror(errno));
		_exit(1);
	}
	fill_keys(p, NKEYS);
	ret = vdso_hwprobe(p, NKEYS, 0, NULL, 0);
	child_result(fd, ret ? KSFT_FAIL : KSFT_PASS,
		     "hwprobe, all CPUs: %d, without a system call", ret);

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	ret = vdso_hwprobe(p, 1, sizeof(set), (unsigned long *)&set, 0);
	child_result(fd, ret == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "hwprobe, a CPU set: %d, through the system call", ret);
	ret = vdso_hwprobe(p, 1, sizeof(set), (unsigned long *)&set,
			   HWPROBE_WHICH_CPUS);
	child_result(fd, ret == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "hwprobe, WHICH_CPUS: %d, through the system call", ret);
	ret = vdso_hwprobe(NULL, 1, 0, NULL, 0);
	child_result(fd, ret == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "hwprobe, NULL pairs: %d, through the system call", ret);
	ret = vdso_flush(p, p + 1, 0);
	child_result(fd, ret == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "flush_icache: %d, through the system call", ret);
}

/* Two mappings of one page: write code through one, run it through the other */
static void test_flush_icache(void)
{
	/* li a0, N; ret */
	static const unsigned int code[2][2] = {
		{ 0x02a00513, 0x00008067 },	/* li a0, 42 */
		{ 0x06300513, 0x00008067 },	/* li a0, 99 */
	};
	long page = sysconf(_SC_PAGESIZE);
	int memfd = memfd_create("vdso_riscv", 0), ret, i, bad = 0;
	unsigned char *w = MAP_FAILED, *x = MAP_FAILED;
	int (*fn)(void);

	if (memfd < 0 || ftruncate(memfd, page)) {
		ksft_test_result_fail("flush_icache: memfd: %s\n", strerror(errno));
		return;
	}
	w = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
	x = mmap(NULL, page, PROT_READ | PROT_EXEC, MAP_SHARED, memfd, 0);
	if (w == MAP_FAILED || x == MAP_FAILED) {
		ksft_test_result_fail("flush_icache: mmap: %s\n", strerror(errno));
		goto out;
	}
	fn = (int (*)(void))x;
	for (i = 0; i < 4; i++) {
		memcpy(w, code[i & 1], sizeof(code[0]));
		ret = vdso_flush(x, x + sizeof(code[0]), 0);
		if (ret || fn() != (i & 1 ? 99 : 42))
			bad++;
	}
	ksft_test_result(!bad, "flush_icache: rewritten code runs as written (%d bad of 4)\n",
			 bad);

	ret = vdso_flush(x, x + 8, 0x80);
	ksft_test_result(ret == -EINVAL,
			 "flush_icache, unknown flags: %d (want -EINVAL)\n", ret);
out:
	if (w != MAP_FAILED)
		munmap(w, page);
	if (x != MAP_FAILED)
		munmap(x, page);
	close(memfd);
}

static volatile sig_atomic_t got_signal;

static void handler(int sig)
{
	got_signal = sig;
}

static void test_sigreturn(const struct vdso_image *img)
{
	struct sigaction sa = { .sa_handler = handler };
	void *tramp = vdso_lookup(img, "__vdso_rt_sigreturn", "LINUX_4.15");
	volatile long x = 1234;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	ksft_test_result(tramp && got_signal == SIGUSR1 && x == 1234,
			 "a signal handler returns through __vdso_rt_sigreturn (%p)\n",
			 tramp);
}

int main(void)
{
	struct vdso_image img;

	ksft_print_header();
	ksft_set_plan(15);
	if (vdso_open_auxv(&img))
		ksft_exit_fail_msg("no vDSO\n");
	vdso_hwprobe = (hwprobe_fn)vdso_lookup(&img, "__vdso_riscv_hwprobe", "LINUX_4.15");
	vdso_flush = (flush_fn)vdso_lookup(&img, "__vdso_flush_icache", "LINUX_4.15");
	if (!vdso_hwprobe || !vdso_flush)
		ksft_exit_fail_msg("the vDSO lacks __vdso_riscv_hwprobe or __vdso_flush_icache\n");

	test_all_cpus();
	test_cpu_sets();
	run_in_child(5, blocked_child, NULL);
	test_flush_icache();
	test_sigreturn(&img);
	ksft_finished();
}

#else

int main(void)
{
	ksft_print_header();
	ksft_exit_skip("riscv64 only\n");
}

#endif
