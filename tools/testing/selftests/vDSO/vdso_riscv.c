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

/* One question, asked of the vDSO and of the system call alike */
struct question {
	const char *what;
	long long keys[4];	/* values: 0, or for WHICH_CPUS see below */
	size_t npairs;
	size_t setsize;		/* bytes of the CPU set given */
	int null_set;		/* give NULL for the set */
	int cpus[4];		/* the CPUs in the set, -1 ends */
	unsigned int flags;
	int which_match;	/* WHICH_CPUS: values as all CPUs have them */
};

#define SET_BYTES	128

static int ask_both(const struct question *q, char *why, size_t len)
{
	struct hwprobe_pair v[4], s[4];
	unsigned char vset[SET_BYTES], sset[SET_BYTES];
	int vr, sr, i;

	memset(vset, 0, sizeof(vset));
	for (i = 0; i < 4 && q->cpus[i] >= 0; i++)
		vset[q->cpus[i] / 8] |= 1 << (q->cpus[i] % 8);
	memcpy(sset, vset, sizeof(sset));
	for (i = 0; i < (int)q->npairs; i++) {
		v[i].key = q->keys[i];
		v[i].value = 0x5a5a5a5a5a5a5a5aULL;
		if (q->flags == HWPROBE_WHICH_CPUS) {
			struct hwprobe_pair all = { .key = q->keys[i] };

			sys_hwprobe(&all, 1, 0, NULL, 0);
			/* as all CPUs have it, or a value no CPU has */
			v[i].value = q->which_match ? all.value : ~0ULL;
		}
		s[i] = v[i];
	}
	vr = vdso_hwprobe(v, q->npairs, q->setsize,
			  q->null_set ? NULL : (unsigned long *)vset, q->flags);
	sr = sys_hwprobe(s, q->npairs, q->setsize,
			 q->null_set ? NULL : (unsigned long *)sset, q->flags);
	if (vr != sr) {
		snprintf(why, len, "vdso %d, syscall %d", vr, sr);
		return 0;
	}
	if (!same_pairs(v, s, q->npairs, why, len))
		return 0;
	if (memcmp(vset, sset, sizeof(vset))) {
		for (i = 0; i < SET_BYTES && vset[i] == sset[i]; i++)
			;
		snprintf(why, len, "sets differ at byte %d: vdso %#x, syscall %#x", i,
			 vset[i], sset[i]);
		return 0;
	}
	snprintf(why, len, "both %d", vr);
	return 1;
}

/* Questions about sets of CPUs, and flags: exactly the system call's answers */
static void test_cpu_sets(void)
{
	static const struct question qs[] = {
		{ "all online CPUs", { 0, 4, 9, 99 }, 4, SET_BYTES, 0, { 0, 1, 2, 3 }, 0, 0 },
		{ "CPU 0", { 0, 3, 4, -7 }, 4, 8, 0, { 0, -1 }, 0, 0 },
		{ "CPU 1", { 1, 5, 8, 6 }, 4, 8, 0, { 1, -1 }, 0, 0 },
		{ "CPUs 1 and 100", { 2, 4 }, 2, SET_BYTES, 0, { 1, 100, -1 }, 0, 0 },
		{ "CPU 100 only", { 2, 4 }, 2, SET_BYTES, 0, { 100, -1 }, 0, 0 },
		{ "an empty set", { 4 }, 1, 8, 0, { -1 }, 0, 0 },
		{ "a set of 0 bytes", { 4 }, 1, 0, 0, { 0, -1 }, 0, 0 },
		{ "a set of 1 byte", { 4 }, 1, 1, 0, { 0, 1, -1 }, 0, 0 },
		{ "a NULL set of 8 bytes", { 4 }, 1, 8, 1, { -1 }, 0, 0 },
		{ "WHICH_CPUS, no set: all match", { 4, 3 }, 2, 8, 0, { -1 }, 1, 1 },
		{ "WHICH_CPUS, CPU 1: all match", { 4, 0, 1 }, 3, 8, 0, { 1, -1 }, 1, 1 },
		{ "WHICH_CPUS, CPUs 0, 100: match", { 4 }, 1, SET_BYTES, 0, { 0, 100, -1 }, 1, 1 },
		{ "WHICH_CPUS, CPU 100: match", { 4 }, 1, SET_BYTES, 0, { 100, -1 }, 1, 1 },
		{ "WHICH_CPUS: none match", { 4 }, 1, 8, 0, { 0, 1, -1 }, 1, 0 },
		{ "WHICH_CPUS: unknown keys", { 4, 1000, 3, -1 }, 4, 8, 0, { -1 }, 1, 1 },
		{ "WHICH_CPUS, a set of 0 bytes", { 4 }, 1, 0, 0, { -1 }, 1, 1 },
		{ "WHICH_CPUS, a NULL set", { 4 }, 1, 8, 1, { -1 }, 1, 1 },
		{ "WHICH_CPUS and more flags", { 4 }, 1, 8, 0, { 0, -1 }, 3, 1 },
		{ "unknown flags", { 4 }, 1, 0, 1, { -1 }, 2, 0 },
	};
	char why[160];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(qs); i++) {
		why[0] = 0;
		ksft_test_result(ask_both(&qs[i], why, sizeof(why)), "hwprobe, %s: %s\n",
				 qs[i].what, why);
	}
}

/*
 * The data follows CPUs going offline and coming back: with CPU 1
 * offline a set of it alone has no online CPU, and WHICH_CPUS finds CPU 0
 * only; back online, both see it again.
 */
static void test_hotplug(void)
{
	static const struct question off[] = {
		{ "CPU 1 offline: CPU 1 alone", { 4 }, 1, 8, 0, { 1, -1 }, 0, 0 },
		{ "CPU 1 offline: CPUs 0 and 1", { 0, 4 }, 2, 8, 0, { 0, 1, -1 }, 0, 0 },
		{ "CPU 1 offline: WHICH_CPUS, no set", { 4 }, 1, 8, 0, { -1 }, 1, 1 },
	};
	static const struct question on[] = {
		{ "CPU 1 back: CPU 1 alone", { 4 }, 1, 8, 0, { 1, -1 }, 0, 0 },
		{ "CPU 1 back: WHICH_CPUS, no set", { 4 }, 1, 8, 0, { -1 }, 1, 1 },
	};
	const char *path = "/sys/devices/system/cpu/cpu1/online";
	char why[160];
	size_t i;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2 || write_str(path, "0")) {
		for (i = 0; i < ARRAY_SIZE(off) + ARRAY_SIZE(on); i++)
			ksft_test_result_skip("hotplug: cannot take CPU 1 offline\n");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(off); i++) {
		why[0] = 0;
		ksft_test_result(ask_both(&off[i], why, sizeof(why)), "hwprobe, %s: %s\n",
				 off[i].what, why);
	}
	/*
	 * A secondary hart has a second to start (the kernel's __cpu_up());
	 * under an emulator on a busy host it can miss it. Not the vDSO's
	 * doing: try again, and skip what needs the CPU if it stays away.
	 */
	for (i = 0; i < 5 && write_str(path, "1"); i++) {
		ksft_print_msg("CPU 1 did not come back online, try %zu\n", i + 1);
		sleep(1);
	}
	if (i == 5) {
		for (i = 0; i < ARRAY_SIZE(on); i++)
			ksft_test_result_skip("hotplug: CPU 1 did not come back online\n");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(on); i++) {
		why[0] = 0;
		ksft_test_result(ask_both(&on[i], why, sizeof(why)), "hwprobe, %s: %s\n",
				 on[i].what, why);
	}
}

/*
 * Does every online CPU answer every key as all of them together do?
 * Then the kernel lets the vDSO answer questions about sets of CPUs.
 */
static int homogeneous(void)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct hwprobe_pair all, one;
	cpu_set_t set;
	int cpu, key;

	for (key = 0; key < 10; key++) {
		all.key = key;
		sys_hwprobe(&all, 1, 0, NULL, 0);
		for (cpu = 0; cpu < ncpu; cpu++) {
			CPU_ZERO(&set);
			CPU_SET(cpu, &set);
			one.key = key;
			sys_hwprobe(&one, 1, sizeof(set), (unsigned long *)&set, 0);
			if (one.key != all.key || one.value != all.value)
				return 0;
		}
	}
	return 1;
}

/* Child: the system call blocked, which questions the vDSO answers */
static void blocked_child(int fd, void *arg)
{
	static const unsigned int nr[] = { __NR_riscv_hwprobe, __NR_riscv_flush_icache };
	int same = *(int *)arg, want = same ? 0 : -BLOCKED;
	const char *how = same ? "without a system call" : "through the system call";
	struct hwprobe_pair p[NKEYS];
	cpu_set_t set;
	int ret;

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
	child_result(fd, ret == want ? KSFT_PASS : KSFT_FAIL,
		     "hwprobe, a CPU set: %d, %s", ret, how);
	ret = vdso_hwprobe(p, 1, sizeof(set), (unsigned long *)&set,
			   HWPROBE_WHICH_CPUS);
	child_result(fd, ret == want ? KSFT_PASS : KSFT_FAIL,
		     "hwprobe, WHICH_CPUS: %d, %s", ret, how);
	ret = vdso_hwprobe(NULL, 1, 0, NULL, 0);
	child_result(fd, ret == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "hwprobe, NULL pairs: %d, through the system call", ret);
	ret = vdso_hwprobe(p, 1, 0, NULL, 2);
	child_result(fd, ret == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "hwprobe, unknown flags: %d, through the system call", ret);
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

static sig_atomic_t got_signal;

static void handler(int sig)
{
	__atomic_store_n(&got_signal, sig, __ATOMIC_RELAXED);
}

static void test_sigreturn(const struct vdso_image *img)
{
	struct sigaction sa = { .sa_handler = handler };
	void *tramp = vdso_lookup(img, "__vdso_rt_sigreturn", "LINUX_4.15");
	long x = 1234;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	/* x in memory across the signal, read back from there */
	__asm__ __volatile__("" : "+m" (x));
	raise(SIGUSR1);
	__asm__ __volatile__("" : "+m" (x));
	ksft_test_result(tramp && __atomic_load_n(&got_signal, __ATOMIC_RELAXED) == SIGUSR1 &&
			 x == 1234,
			 "a signal handler returns through __vdso_rt_sigreturn (%p)\n",
			 tramp);
}

int main(void)
{
	struct vdso_image img;
	int same;

	ksft_print_header();
	ksft_set_plan(3 + 19 + 5 + 6 + 2 + 1);
	if (vdso_open_auxv(&img))
		ksft_exit_fail_msg("no vDSO\n");
	vdso_hwprobe = (hwprobe_fn)vdso_lookup(&img, "__vdso_riscv_hwprobe", "LINUX_4.15");
	vdso_flush = (flush_fn)vdso_lookup(&img, "__vdso_flush_icache", "LINUX_4.15");
	if (!vdso_hwprobe || !vdso_flush)
		ksft_exit_fail_msg("the vDSO lacks __vdso_riscv_hwprobe or __vdso_flush_icache\n");

	test_all_cpus();
	test_cpu_sets();
	test_hotplug();
	same = homogeneous();
	ksft_print_msg("every CPU answers as all do: %s\n", same ? "yes" : "no");
	run_in_child(6, blocked_child, &same);
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
