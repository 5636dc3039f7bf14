// SPDX-License-Identifier: GPL-2.0
/*
 * The ppc64le vDSO's calling convention and its own entries.
 *
 * - Every entry called with bad input gives what the system call gives,
 *   the powerpc way: the errno, positive, with CR0.SO set; and on success
 *   CR0.SO clear, even when it was set before the call.
 * - No entry changes a volatile floating-point, VSX or vector register
 *   (glibc's calls do not declare them clobbered) or r2, nor writes to
 *   the 288 bytes below the caller's r1, where a leaf caller keeps its
 *   saved registers (glibc's clock_getres() does).
 * - __kernel_get_syscall_map(): the number of system calls, a map inside
 *   [vvar] in which every system call this test makes is set, and every
 *   clear bit is a system call that fails with ENOSYS.
 * - __kernel_get_tbfreq() is the timebase frequency /proc/cpuinfo shows.
 * - __kernel_sync_dicache(): code written through one mapping runs as
 *   written through another (QEMU keeps instruction fetches coherent by
 *   itself, so there this shows only that the call works), over ranges
 *   that are not aligned and span pages.
 * - With [vdso] unmapped, a signal handler returns through the
 *   trampoline the kernel then writes on the stack (made executable for
 *   it here: stacks are not, and that trampoline cannot run otherwise).
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_child.h"
#include "vdso_util.h"

#if defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

#define VERSION		"LINUX_2.6.15"
#define CR0_SO		0x10000000UL

static const void *entry(const struct vdso_image *img, const char *name)
{
	return vdso_lookup(img, name, VERSION);
}

/* vdso_util.c: call @fn with CR0.SO set; out[0] = CR after, out[1] = r2 change */
long vdso_call_raw(const void *fn, long *out, long a, long b, long c,
		   long d, long e);

/* The system call's answer as the vDSO must give it: r3 and SO */
struct answer {
	long r3;
	int so;
};

static struct answer sys_answer(long nr, long a, long b, long c)
{
	long r = syscall(nr, a, b, c);

	if (r == -1)
		return (struct answer){ errno, 1 };
	return (struct answer){ r, 0 };
}

static struct answer vdso_answer(const void *fn, long a, long b, long c,
				 long d, long e, int *r2_bad)
{
	long out[2], r;

	r = vdso_call_raw(fn, out, a, b, c, d, e);
	*r2_bad = out[1] != 0;
	return (struct answer){ r, !!(out[0] & CR0_SO) };
}

/* One call with bad or borderline input, against its system call */
struct conv_case {
	const char *what;
	const char *name;
	long nr;
	long a, b, c;
};

static void test_convention(const struct vdso_image *img)
{
	static struct timespec ts;
	static struct timeval tv;
	static unsigned int cpu;
	const struct conv_case cases[] = {
		{ "clock_gettime(MONOTONIC)", "__kernel_clock_gettime",
		  SYS_clock_gettime, CLOCK_MONOTONIC, (long)&ts, 0 },
		{ "clock_gettime(-1)", "__kernel_clock_gettime",
		  SYS_clock_gettime, -1, (long)&ts, 0 },
		{ "clock_gettime(12)", "__kernel_clock_gettime",
		  SYS_clock_gettime, 12, (long)&ts, 0 },
		{ "clock_gettime(INT_MIN)", "__kernel_clock_gettime",
		  SYS_clock_gettime, INT_MIN, (long)&ts, 0 },
		{ "clock_gettime(MONOTONIC, NULL)", "__kernel_clock_gettime",
		  SYS_clock_gettime, CLOCK_MONOTONIC, 0, 0 },
		{ "clock_gettime(REALTIME_COARSE, NULL)", "__kernel_clock_gettime",
		  SYS_clock_gettime, CLOCK_REALTIME_COARSE, 0, 0 },
		{ "clock_getres(MONOTONIC, NULL)", "__kernel_clock_getres",
		  SYS_clock_getres, CLOCK_MONOTONIC, 0, 0 },
		{ "clock_getres(-1)", "__kernel_clock_getres",
		  SYS_clock_getres, -1, (long)&ts, 0 },
		{ "clock_getres(100)", "__kernel_clock_getres",
		  SYS_clock_getres, 100, (long)&ts, 0 },
		{ "gettimeofday(&tv, NULL)", "__kernel_gettimeofday",
		  SYS_gettimeofday, (long)&tv, 0, 0 },
		{ "gettimeofday(NULL, NULL)", "__kernel_gettimeofday",
		  SYS_gettimeofday, 0, 0, 0 },
		{ "getcpu(&cpu, NULL, NULL)", "__kernel_getcpu",
		  SYS_getcpu, (long)&cpu, 0, 0 },
		{ "getcpu(NULL, NULL, NULL)", "__kernel_getcpu",
		  SYS_getcpu, 0, 0, 0 },
	};
	struct answer v, s;
	unsigned int i;
	int r2_bad;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct conv_case *k = &cases[i];
		const void *fn = entry(img, k->name);

		if (!fn) {
			ksft_test_result_fail("%s: no %s\n", k->what, k->name);
			continue;
		}
		v = vdso_answer(fn, k->a, k->b, k->c, 0, 0, &r2_bad);
		s = sys_answer(k->nr, k->a, k->b, k->c);
		ksft_test_result(v.r3 == s.r3 && v.so == s.so && !r2_bad,
				 "%s: r3 %ld, SO %d; the system call: %ld, SO %d%s\n",
				 k->what, v.r3, v.so, s.r3, s.so,
				 r2_bad ? "; r2 changed" : "");
	}
}

/* time() never fails: SO clear, and the system call's seconds */
static void test_time(const struct vdso_image *img)
{
	const void *fn = entry(img, "__kernel_time");
	struct answer v;
	long before, after;
	int r2_bad = 0;

	if (!fn) {
		ksft_test_result_fail("time: no __kernel_time\n");
		return;
	}
	before = syscall(SYS_time, 0);
	v = vdso_answer(fn, 0, 0, 0, 0, 0, &r2_bad);
	after = syscall(SYS_time, 0);
	ksft_test_result(!v.so && !r2_bad && v.r3 >= before && v.r3 <= after,
			 "time(NULL): %ld, SO %d, between %ld and %ld\n",
			 v.r3, v.so, before, after);
}

/* getrandom() with flags the kernel refuses: EINVAL, as the system call */
static void test_getrandom_flags(const struct vdso_image *img)
{
	const void *fn = entry(img, "__kernel_getrandom");
	struct {
		uint32_t size, prot, flags, reserved[13];
	} p;
	struct answer v, s;
	char buf[16];
	void *state;
	int r2_bad;

	if (!fn) {
		ksft_test_result_fail("getrandom: no __kernel_getrandom\n");
		return;
	}
	v = vdso_answer(fn, 0, 0, 0, (long)&p, ~0L, &r2_bad);
	if (v.so || v.r3 || r2_bad) {
		ksft_test_result_fail("getrandom: parameters: r3 %ld, SO %d\n",
				      v.r3, v.so);
		return;
	}
	state = mmap(NULL, p.size, p.prot, p.flags, -1, 0);
	if (state == MAP_FAILED) {
		ksft_test_result_fail("getrandom: state: %s\n", strerror(errno));
		return;
	}
	v = vdso_answer(fn, (long)buf, sizeof(buf), 0x8000, (long)state, p.size,
			&r2_bad);
	s = sys_answer(SYS_getrandom, (long)buf, sizeof(buf), 0x8000);
	ksft_test_result(v.r3 == s.r3 && v.so == s.so && !r2_bad,
			 "getrandom(flags 0x8000): r3 %ld, SO %d; the system call: %ld, SO %d\n",
			 v.r3, v.so, s.r3, s.so);
	v = vdso_answer(fn, (long)buf, sizeof(buf), 0, (long)state, p.size, &r2_bad);
	ksft_test_result(v.r3 == sizeof(buf) && !v.so && !r2_bad,
			 "getrandom(16 bytes): r3 %ld, SO %d\n", v.r3, v.so);
	munmap(state, p.size);
}

/*
 * vdso_call_vec(fn, args, in, out): load vs0-vs13 and v0-v19 (vs32-vs51)
 * from @in, call @fn with the five @args, store the same registers to
 * @out. Those are the volatile ones: nothing here needs to keep them.
 */
#define VEC_REGS	(14 + 20)
void vdso_call_vec(const void *fn, const long *args, const void *in, void *out);
asm(".text\n"
	".globl	vdso_call_vec\n"
	".type	vdso_call_vec, @function\n"
	"vdso_call_vec:\n"
	"	mflr	0\n"
	"	std	0, 16(1)\n"
	"	std	2, 24(1)\n"
	"	stdu	1, -64(1)\n"
	"	std	6, 32(1)\n"
	"	mr	12, 3\n"
	"	mtctr	3\n"
	"	mr	11, 4\n"
	"	mr	10, 5\n"
	"	.set	vr, 0\n"
	"	.rept	14\n"
	"	lxvd2x	vr, 0, 10\n"
	"	addi	10, 10, 16\n"
	"	.set	vr, vr + 1\n"
	"	.endr\n"
	"	.set	vr, 0\n"
	"	.rept	20\n"
	"	lvx	vr, 0, 10\n"
	"	addi	10, 10, 16\n"
	"	.set	vr, vr + 1\n"
	"	.endr\n"
	"	ld	3, 0(11)\n"
	"	ld	4, 8(11)\n"
	"	ld	5, 16(11)\n"
	"	ld	6, 24(11)\n"
	"	ld	7, 32(11)\n"
	"	bctrl\n"
	"	ld	10, 32(1)\n"
	"	.set	vr, 0\n"
	"	.rept	14\n"
	"	stxvd2x	vr, 0, 10\n"
	"	addi	10, 10, 16\n"
	"	.set	vr, vr + 1\n"
	"	.endr\n"
	"	.set	vr, 0\n"
	"	.rept	20\n"
	"	stvx	vr, 0, 10\n"
	"	addi	10, 10, 16\n"
	"	.set	vr, vr + 1\n"
	"	.endr\n"
	"	addi	1, 1, 64\n"
	"	ld	2, 24(1)\n"
	"	ld	0, 16(1)\n"
	"	mtlr	0\n"
	"	blr\n"
	".size	vdso_call_vec, . - vdso_call_vec\n");

/* A call of every entry, the quick way and the fallback */
static struct timespec any_ts;
static struct timeval any_tv;
static unsigned int any_cpu, any_node;
static char any_code[64], any_buf[16];
static const struct {
	const char *name;
	long args[5];
} any_calls[] = {
	{ "__kernel_clock_gettime", { CLOCK_MONOTONIC, (long)&any_ts } },
	{ "__kernel_clock_gettime", { CLOCK_REALTIME_COARSE, (long)&any_ts } },
	{ "__kernel_clock_gettime", { CLOCK_PROCESS_CPUTIME_ID, (long)&any_ts } },
	{ "__kernel_clock_gettime", { -1, (long)&any_ts } },
	{ "__kernel_clock_getres", { CLOCK_MONOTONIC, (long)&any_ts } },
	{ "__kernel_gettimeofday", { (long)&any_tv, 0 } },
	{ "__kernel_time", { 0 } },
	{ "__kernel_getcpu", { (long)&any_cpu, (long)&any_node } },
	{ "__kernel_getrandom", { (long)any_buf, sizeof(any_buf), 0x8000 } },
	{ "__kernel_get_tbfreq", { 0 } },
	{ "__kernel_get_syscall_map", { 0 } },
	{ "__kernel_sync_dicache", { (long)any_code, (long)any_code + sizeof(any_code) } },
};

static void test_registers(const struct vdso_image *img)
{
	static _Alignas(16) unsigned char in[VEC_REGS][16];
	static _Alignas(16) unsigned char out[VEC_REGS][16];
	unsigned int i, j, bad = 0;
	const char *first = "";

	for (i = 0; i < VEC_REGS; i++)
		for (j = 0; j < 16; j++)
			in[i][j] = 0xa5 ^ (i * 16 + j);
	for (i = 0; i < ARRAY_SIZE(any_calls); i++) {
		const void *fn = entry(img, any_calls[i].name);

		if (fn) {
			memset(out, 0, sizeof(out));
			vdso_call_vec(fn, any_calls[i].args, in, out);
		}
		if ((!fn || memcmp(in, out, sizeof(in))) && !bad++)
			first = any_calls[i].name;
	}
	ksft_test_result(!bad, "no entry changes vs0-vs13 or v0-v19 (%u bad, first %s)\n",
			 bad, first);
}

/*
 * vdso_call_zone(fn, args): call @fn with the five @args as a leaf
 * function would, with the 288 bytes below r1 (the protected zone, where
 * such a caller keeps its saved registers) filled with a pattern; return
 * how many of its doublewords the call changed.
 */
long vdso_call_zone(const void *fn, const long *args);
asm(".text\n"
	".globl	vdso_call_zone\n"
	".type	vdso_call_zone, @function\n"
	"vdso_call_zone:\n"
	"	mflr	0\n"
	"	std	0, 16(1)\n"
	"	std	2, 24(1)\n"
	"	stdu	1, -32(1)\n"
	"	mr	12, 3\n"
	"	mtctr	3\n"
	"	mr	11, 4\n"
	"	addi	9, 1, -288\n"
	"	li	10, -288\n"
	"1:	std	10, 0(9)\n"		/* the pattern: each word's offset */
	"	addi	9, 9, 8\n"
	"	addic.	10, 10, 8\n"
	"	bne	1b\n"
	"	ld	3, 0(11)\n"
	"	ld	4, 8(11)\n"
	"	ld	5, 16(11)\n"
	"	ld	6, 24(11)\n"
	"	ld	7, 32(11)\n"
	"	bctrl\n"
	"	li	3, 0\n"
	"	addi	9, 1, -288\n"
	"	li	10, -288\n"
	"2:	ld	11, 0(9)\n"
	"	cmpd	11, 10\n"
	"	beq	3f\n"
	"	addi	3, 3, 1\n"
	"3:	addi	9, 9, 8\n"
	"	addic.	10, 10, 8\n"
	"	bne	2b\n"
	"	addi	1, 1, 32\n"
	"	ld	2, 24(1)\n"
	"	ld	0, 16(1)\n"
	"	mtlr	0\n"
	"	blr\n"
	".size	vdso_call_zone, . - vdso_call_zone\n");

/* Every entry leaves a leaf caller's protected zone as it was */
static void test_protected_zone(const struct vdso_image *img)
{
	unsigned int i, bad = 0;
	const char *first = "";
	long n;

	for (i = 0; i < ARRAY_SIZE(any_calls); i++) {
		const void *fn = entry(img, any_calls[i].name);

		n = fn ? vdso_call_zone(fn, any_calls[i].args) : 1;
		if (n && !bad++)
			first = any_calls[i].name;
	}
	ksft_test_result(!bad,
			 "no entry writes to a leaf caller's 288-byte protected zone (%u bad, first %s)\n",
			 bad, first);
}

/* The system call map, in a child: a wrong bit may make a wild call */
static void syscall_map_child(int fd, void *arg)
{
	const struct vdso_image *img = arg;
	const uint32_t *(*get_map)(unsigned int *count);
	static const long known[] = {
		SYS_read, SYS_getpid, SYS_clock_gettime, SYS_rt_sigreturn,
		SYS_getrandom, SYS_getcpu, SYS_mmap,
	};
	struct map_entry vvar;
	const uint32_t *map;
	unsigned int count = 0, n, clear = 0, wrong = 0, first = 0;
	long out[2];
	int nosys;

	get_map = entry(img, "__kernel_get_syscall_map");
	if (!get_map || maps_find("[vvar]", &vvar) != 1) {
		child_result(fd, KSFT_FAIL, "syscall map: no entry, or no [vvar]");
		child_result(fd, KSFT_FAIL, "syscall map: not run");
		child_result(fd, KSFT_FAIL, "syscall map: not run");
		return;
	}
	map = (const uint32_t *)vdso_call_raw(get_map, out, (long)&count, 0, 0, 0, 0);
	child_result(fd, !(out[0] & CR0_SO) && !out[1] && count >= 400 && count < 2048 &&
		     (uintptr_t)map >= vvar.start && (uintptr_t)(map + count / 32) < vvar.end ?
		     KSFT_PASS : KSFT_FAIL,
		     "syscall map: %u system calls, map at %p, [vvar] %#lx-%#lx",
		     count, (void *)map, (unsigned long)vvar.start,
		     (unsigned long)vvar.end);
	for (n = 0; n < ARRAY_SIZE(known); n++)
		if (!(map[known[n] / 32] & (0x80000000U >> (known[n] % 32))))
			wrong++;
	child_result(fd, wrong ? KSFT_FAIL : KSFT_PASS,
		     "syscall map: %u of %zu system calls this test makes missing",
		     wrong, ARRAY_SIZE(known));
	wrong = 0;
	/* what the kernel says to a number it has no system call for */
	syscall(-1L);
	nosys = errno;
	for (n = 0; n < count; n++) {
		if (map[n / 32] & (0x80000000U >> (n % 32)))
			continue;
		clear++;
		if (syscall(n, 0, 0, 0, 0, 0, 0) != -1 || errno != nosys) {
			if (!wrong)
				first = n;
			wrong++;
		}
	}
	child_result(fd, !wrong && clear ? KSFT_PASS : KSFT_FAIL,
		     "syscall map: %u clear bits, %u of them not ENOSYS (first %u)",
		     clear, wrong, first);
}

static void test_tbfreq(const struct vdso_image *img)
{
	const void *fn = entry(img, "__kernel_get_tbfreq");
	unsigned long long want = 0;
	char line[256];
	long out[2], r;
	FILE *f;

	f = fopen("/proc/cpuinfo", "r");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "timebase : %llu", &want) == 1)
			break;
	if (f)
		fclose(f);
	if (!fn || !want) {
		ksft_test_result_fail("get_tbfreq: %s\n",
				      fn ? "no timebase in /proc/cpuinfo" : "no entry");
		return;
	}
	r = vdso_call_raw(fn, out, 0, 0, 0, 0, 0);
	ksft_test_result((unsigned long long)r == want && !(out[0] & CR0_SO) && !out[1],
			 "get_tbfreq: %ld, /proc/cpuinfo: %llu\n", r, want);
}

/* Write code through one mapping, run it through another */
static void test_sync_dicache(const struct vdso_image *img)
{
	static const unsigned int code[2][2] = {
		{ 0x3860002a, 0x4e800020 },	/* li r3, 42; blr */
		{ 0x38600063, 0x4e800020 },	/* li r3, 99; blr */
	};
	const void *fn = entry(img, "__kernel_sync_dicache");
	long page = sysconf(_SC_PAGESIZE), out[2], r;
	unsigned char *w = MAP_FAILED, *x = MAP_FAILED;
	int memfd, i, bad = 0;
	int (*run)(void);

	memfd = memfd_create("vdso_powerpc", 0);
	if (!fn || memfd < 0 || ftruncate(memfd, 3 * page)) {
		ksft_test_result_fail("sync_dicache: %s\n", fn ? strerror(errno) : "no entry");
		ksft_test_result_fail("sync_dicache: not run\n");
		return;
	}
	w = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
	x = mmap(NULL, 3 * page, PROT_READ | PROT_EXEC, MAP_SHARED, memfd, 0);
	if (w == MAP_FAILED || x == MAP_FAILED) {
		ksft_test_result_fail("sync_dicache: mmap: %s\n", strerror(errno));
		ksft_test_result_fail("sync_dicache: not run\n");
		goto out;
	}
	run = (int (*)(void))(x + page + 64);
	for (i = 0; i < 4; i++) {
		memcpy(w + page + 64, code[i & 1], sizeof(code[0]));
		r = vdso_call_raw(fn, out, (long)run, (long)run + sizeof(code[0]),
				  0, 0, 0);
		if (r || (out[0] & CR0_SO) || out[1] || run() != (i & 1 ? 99 : 42))
			bad++;
	}
	ksft_test_result(!bad, "sync_dicache: rewritten code runs as written (%d bad of 4)\n",
			 bad);
	/* unaligned ends, three pages */
	r = vdso_call_raw(fn, out, (long)x + 3, (long)x + 3 * page - 5, 0, 0, 0);
	ksft_test_result(!r && !(out[0] & CR0_SO) && !out[1],
			 "sync_dicache over three pages, unaligned: r3 %ld, SO %d\n",
			 r, !!(out[0] & CR0_SO));
out:
	if (w != MAP_FAILED)
		munmap(w, 3 * page);
	if (x != MAP_FAILED)
		munmap(x, 3 * page);
	close(memfd);
}

/* struct sigaction as rt_sigaction takes it on powerpc */
struct ksigaction {
	void (*handler)(int sig);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

static uintptr_t got_ra;
static int got_sig;

/* only ever called by the kernel, so never inlined */
static void ra_handler(int sig)
{
	__atomic_store_n(&got_ra, (uintptr_t)__builtin_return_address(0), __ATOMIC_RELAXED);
	__atomic_store_n(&got_sig, sig, __ATOMIC_RELAXED);
}

/* In a child: no [vdso], and a handler still comes back */
static void unmapped_child(int fd, void *arg)
{
	struct ksigaction ksa = { .handler = ra_handler };
	struct map_entry vdso, stack;
	uintptr_t ra;
	long x = 4321;

	(void)arg;
	if (maps_find("[vdso]", &vdso) != 1 || maps_find("[stack]", &stack) != 1 ||
	    syscall(SYS_rt_sigaction, SIGUSR1, &ksa, NULL, 8)) {
		child_result(fd, KSFT_FAIL, "vDSO unmapped: setup failed");
		return;
	}
	/* the kernel's trampoline on the stack must be able to run */
	if (mprotect((void *)stack.start, stack.end - stack.start,
		     PROT_READ | PROT_WRITE | PROT_EXEC)) {
		child_result(fd, KSFT_FAIL, "vDSO unmapped: mprotect: %s", strerror(errno));
		return;
	}
	if (munmap((void *)vdso.start, vdso.end - vdso.start)) {
		child_result(fd, KSFT_FAIL, "vDSO unmapped: munmap: %s", strerror(errno));
		return;
	}
	/* x in memory across the signal, read back from there */
	__asm__ __volatile__("" : "+m" (x));
	syscall(SYS_tgkill, getpid(), syscall(SYS_gettid), SIGUSR1);
	__asm__ __volatile__("" : "+m" (x));
	ra = __atomic_load_n(&got_ra, __ATOMIC_RELAXED);
	child_result(fd, __atomic_load_n(&got_sig, __ATOMIC_RELAXED) == SIGUSR1 &&
		     x == 4321 && ra >= stack.start && ra < stack.end ? KSFT_PASS : KSFT_FAIL,
		     "vDSO unmapped: the handler returned through %#lx, in [stack] %#lx-%#lx",
		     (unsigned long)ra, (unsigned long)stack.start,
		     (unsigned long)stack.end);
}

int main(void)
{
	struct vdso_image img;

	ksft_print_header();
	ksft_set_plan(13 + 1 + 2 + 1 + 1 + 3 + 1 + 2 + 1);
	if (vdso_open_auxv(&img))
		ksft_exit_fail_msg("no vDSO\n");

	test_convention(&img);
	test_time(&img);
	test_getrandom_flags(&img);
	test_registers(&img);
	test_protected_zone(&img);
	run_in_child(3, syscall_map_child, &img);
	test_tbfreq(&img);
	test_sync_dicache(&img);
	run_in_child(1, unmapped_child, NULL);
	ksft_finished();
}

#else

int main(void)
{
	ksft_print_header();
	ksft_exit_skip("ppc64le only\n");
}

#endif
