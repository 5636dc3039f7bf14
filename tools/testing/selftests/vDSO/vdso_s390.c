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

/* What the registers were after the call */
struct after {
	long ret;		/* r2 */
	unsigned long gpr[8];	/* r6-r13 */
	unsigned long fpr[8];	/* f8-f15, as bits */
	unsigned long sp;	/* r15 */
};

/*
 * vdso_s390_call(fn, sp, args, after): call @fn with r15 = @sp and the
 * five arguments @args in r2-r6, r7-r13 and f8-f15 set to known bits
 * (regval()), and fill @after. The 16 bytes above @sp's save area hold
 * this function's own r15 and @after while the entry runs.
 */
void vdso_s390_call(const void *fn, void *sp, const long *args, struct after *after);

asm (".text\n"
	".globl	vdso_s390_call\n"
	".type	vdso_s390_call, @function\n"
	"vdso_s390_call:\n"
	"	stmg	%r6, %r15, 48(%r15)\n"
	"	lgr	%r1, %r15\n"
	"	aghi	%r15, -224\n"
	"	stg	%r1, 0(%r15)\n"
	"	std	%f8, 160(%r15)\n"
	"	std	%f9, 168(%r15)\n"
	"	std	%f10, 176(%r15)\n"
	"	std	%f11, 184(%r15)\n"
	"	std	%f12, 192(%r15)\n"
	"	std	%f13, 200(%r15)\n"
	"	std	%f14, 208(%r15)\n"
	"	std	%f15, 216(%r15)\n"
	"	stg	%r15, 160(%r3)\n"
	"	stg	%r5, 168(%r3)\n"
	"	lgr	%r1, %r2\n"
	"	lgr	%r15, %r3\n"
	"	lg	%r2, 0(%r4)\n"
	"	lg	%r3, 8(%r4)\n"
	"	lg	%r5, 24(%r4)\n"
	"	lg	%r6, 32(%r4)\n"
	"	lg	%r4, 16(%r4)\n"
	"	iihf	%r7, 0x07070707\n"
	"	iilf	%r7, 0x07000007\n"
	"	iihf	%r8, 0x08080808\n"
	"	iilf	%r8, 0x08000008\n"
	"	iihf	%r9, 0x09090909\n"
	"	iilf	%r9, 0x09000009\n"
	"	iihf	%r10, 0x0a0a0a0a\n"
	"	iilf	%r10, 0x0a00000a\n"
	"	iihf	%r11, 0x0b0b0b0b\n"
	"	iilf	%r11, 0x0b00000b\n"
	"	iihf	%r12, 0x0c0c0c0c\n"
	"	iilf	%r12, 0x0c00000c\n"
	"	iihf	%r13, 0x0d0d0d0d\n"
	"	iilf	%r13, 0x0d00000d\n"
	"	ldgr	%f8, %r6\n"
	"	ldgr	%f9, %r7\n"
	"	ldgr	%f10, %r8\n"
	"	ldgr	%f11, %r9\n"
	"	ldgr	%f12, %r10\n"
	"	ldgr	%f13, %r11\n"
	"	ldgr	%f14, %r12\n"
	"	ldgr	%f15, %r13\n"
	"	basr	%r14, %r1\n"
	"	lgr	%r0, %r15\n"
	"	lg	%r1, 168(%r15)\n"
	"	stg	%r2, 0(%r1)\n"
	"	stmg	%r6, %r13, 8(%r1)\n"
	"	std	%f8, 72(%r1)\n"
	"	std	%f9, 80(%r1)\n"
	"	std	%f10, 88(%r1)\n"
	"	std	%f11, 96(%r1)\n"
	"	std	%f12, 104(%r1)\n"
	"	std	%f13, 112(%r1)\n"
	"	std	%f14, 120(%r1)\n"
	"	std	%f15, 128(%r1)\n"
	"	stg	%r0, 136(%r1)\n"
	"	lg	%r15, 160(%r15)\n"
	"	ld	%f8, 160(%r15)\n"
	"	ld	%f9, 168(%r15)\n"
	"	ld	%f10, 176(%r15)\n"
	"	ld	%f11, 184(%r15)\n"
	"	ld	%f12, 192(%r15)\n"
	"	ld	%f13, 200(%r15)\n"
	"	ld	%f14, 208(%r15)\n"
	"	ld	%f15, 216(%r15)\n"
	"	aghi	%r15, 224\n"
	"	lmg	%r6, %r15, 48(%r15)\n"
	"	br	%r14\n"
	".size	vdso_s390_call, . - vdso_s390_call\n");

/*
 * The bits vdso_s390_call() puts in r7-r13 (r6 holds the fifth argument,
 * which calls with fewer arguments set to REGVAL(6))
 */
#define REGVAL(r)	((r) * 0x0101010100000000UL | (r) << 24 | (r))

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
	struct after a;
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
				snprintf(why, sizeof(why), ", wrote the caller's save area at +%u", j);
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
