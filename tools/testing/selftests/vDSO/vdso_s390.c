// SPDX-License-Identifier: GPL-2.0
/*
 * The s390x vDSO's calling convention and its own entries.
 *
 * - Every entry can be called without a frame of the caller's own: the
 *   160 bytes above the caller's r15, where a callee would normally
 *   save registers, are the caller's and stay as they were (glibc's
 *   first callers had no frame there). r6-r15 and f8-f15 are kept, as
 *   the ELF ABI asks, and each answer is the system call's.
 * - The entries the kernel sends tasks to (__kernel_sigreturn,
 *   __kernel_rt_sigreturn, __kernel_restart_syscall) start with the SVC
 *   of their system call, which is how unwinders (libgcc, gdb) know a
 *   signal frame.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_child.h"
#include "vdso_util.h"

#if defined(__s390x__)

#define VERSION		"LINUX_2.6.29"
#define GUARD		160	/* the caller's register save area */
#define GUARD_BYTE	0x5a

/*
 * The bits vdso_s390_call() puts in r7-r13 (r6 holds the fifth argument,
 * which calls with fewer arguments set to REGVAL(6))
 */
#define REGVAL(r)	((r) * 0x0101010101000001UL)

static long sys5(long nr, const long *a)
{
	long ret = syscall(nr, a[0], a[1], a[2], a[3], a[4]);

	return ret < 0 ? -errno : ret;
}

static struct timespec ts_v, ts_s;
static struct timeval tv_v, tv_s;
static unsigned int cpu_v, node_v;
/* struct vgetrandom_opaque_params's first field, for older headers */
static struct {
	uint32_t size_of_opaque_state;
	uint32_t rest[15];
} params;

/* Each call: the entry, the system call, and their five arguments */
static const struct call {
	const char *what;
	const char *name;
	long nr;
	long args[5];		/* the vDSO's */
	long sys_args[5];	/* the system call's: same, other buffers */
} calls[] = {
	{ "clock_gettime(CLOCK_MONOTONIC)", "__kernel_clock_gettime", SYS_clock_gettime,
	  { CLOCK_MONOTONIC, (long)&ts_v, 0, 0, REGVAL(6) }, { CLOCK_MONOTONIC, (long)&ts_s } },
	{ "clock_gettime(bad id)", "__kernel_clock_gettime", SYS_clock_gettime,
	  { 12345, (long)&ts_v, 0, 0, REGVAL(6) }, { 12345, (long)&ts_s } },
	{ "clock_getres(CLOCK_REALTIME)", "__kernel_clock_getres", SYS_clock_getres,
	  { CLOCK_REALTIME, (long)&ts_v, 0, 0, REGVAL(6) }, { CLOCK_REALTIME, (long)&ts_s } },
	{ "clock_getres(CLOCK_MONOTONIC, NULL)", "__kernel_clock_getres", SYS_clock_getres,
	  { CLOCK_MONOTONIC, 0, 0, 0, REGVAL(6) }, { CLOCK_MONOTONIC, 0 } },
	{ "gettimeofday", "__kernel_gettimeofday", SYS_gettimeofday,
	  { (long)&tv_v, 0, 0, 0, REGVAL(6) }, { (long)&tv_s, 0 } },
	{ "getcpu", "__kernel_getcpu", SYS_getcpu,
	  { (long)&cpu_v, (long)&node_v, 0, 0, REGVAL(6) },
	  { (long)&cpu_v, (long)&node_v, 0 } },
	/* the size of a state (no system call: 0 and the sizes filled in) */
	{ "getrandom(parameters)", "__kernel_getrandom", -1,
	  { 0, 0, 0, (long)&params, -1L }, { 0 } },
	{ "getrandom(4 bytes, no state)", "__kernel_getrandom", SYS_getrandom,
	  { (long)&cpu_v, 4, 0, 0, 0 }, { (long)&node_v, 4, 0, 0, 0 } },
};

/*
 * Each entry, called without a frame of the caller's own (in a child: a
 * wrong r15 would crash it). One result per call.
 */
static void frameless_child(int fd, void *arg)
{
	const struct vdso_image *img = arg;
	size_t stack_len = 64 * 1024;
	unsigned int i, j, bad;
	struct s390_after a;
	char why[96];
	uint8_t *stack, *sp;

	stack = mmap(NULL, stack_len, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (stack == MAP_FAILED) {
		for (i = 0; i < ARRAY_SIZE(calls); i++)
			child_result(fd, KSFT_FAIL, "mmap: %s", strerror(errno));
		return;
	}
	sp = stack + stack_len - GUARD - 64;
	for (i = 0; i < ARRAY_SIZE(calls); i++) {
		const struct call *c = &calls[i];
		const void *fn = vdso_lookup(img, c->name, VERSION);
		long want;

		if (!fn) {
			child_result(fd, KSFT_FAIL, "%s: no %s", c->what, c->name);
			continue;
		}
		memset(sp, GUARD_BYTE, GUARD);
		memset(&a, 0, sizeof(a));
		vdso_s390_call(fn, sp, c->args, &a);
		want = c->nr < 0 ? 0 : sys5(c->nr, c->sys_args);
		bad = 0;
		why[0] = 0;
		for (j = 0; j < GUARD; j++)
			if (sp[j] != GUARD_BYTE) {
				snprintf(why, sizeof(why),
					 ", wrote the caller's save area at +%u", j);
				bad++;
				break;
			}
		for (j = 0; j < 8; j++) {
			unsigned long g = j ? REGVAL(6 + j) : (unsigned long)c->args[4];

			if (a.gpr[j] != g || a.fpr[j] != g) {
				snprintf(why, sizeof(why), ", changed r%u or f%u", 6 + j, 8 + j);
				bad++;
			}
		}
		if (a.sp != (uintptr_t)sp) {
			snprintf(why, sizeof(why), ", r15 %#lx after, want %p", a.sp, sp);
			bad++;
		}
		if (c->nr < 0 && !params.size_of_opaque_state) {
			snprintf(why, sizeof(why), ", no state size");
			bad++;
		}
		child_result(fd, !bad && a.ret == want ? KSFT_PASS : KSFT_FAIL,
			     "%s without a caller frame: %ld, system call %ld%s", c->what,
			     a.ret, want, why);
	}
}

static void test_signal_entries(const struct vdso_image *img)
{
	static const struct {
		const char *name;
		int nr;
	} ents[] = {
		{ "__kernel_sigreturn", SYS_sigreturn },
		{ "__kernel_rt_sigreturn", SYS_rt_sigreturn },
		{ "__kernel_restart_syscall", SYS_restart_syscall },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ents); i++) {
		const uint8_t *p = vdso_lookup(img, ents[i].name, VERSION);

		if (!p) {
			ksft_test_result_fail("%s: not exported\n", ents[i].name);
			continue;
		}
		/* SVC I: opcode 0x0a, then the number */
		ksft_test_result(p[0] == 0x0a && p[1] == ents[i].nr,
				 "%s starts with svc %d (%02x %02x)\n", ents[i].name,
				 ents[i].nr, p[0], p[1]);
	}
}

int main(void)
{
	struct vdso_image img;

	ksft_print_header();
	ksft_set_plan(ARRAY_SIZE(calls) + 3);
	if (vdso_open_auxv(&img))
		ksft_exit_fail_msg("no vDSO\n");
	run_in_child(ARRAY_SIZE(calls), frameless_child, &img);
	test_signal_entries(&img);
	ksft_finished();
}

#else

int main(void)
{
	ksft_print_header();
	ksft_exit_skip("s390x only\n");
}

#endif
