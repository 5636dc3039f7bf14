// SPDX-License-Identifier: GPL-2.0
/*
 * Signal delivery and return through the kernel's signal return code.
 *
 * A handler installed with the raw rt_sigaction system call and no
 * SA_RESTORER returns where the kernel points it: the vDSO's
 * __kernel_rt_sigreturn (arm64), __vdso_rt_sigreturn (riscv64) or
 * __kernel_sigtramp_rt64 (ppc64le, which also calls the handler from the
 * vDSO), __vdso_rt_sigreturn (mips64, where it is not exported and is
 * found by its code), or the [sigpage] (32-bit arm); on i386 and s390x
 * __kernel_rt_sigreturn for an SA_SIGINFO handler and __kernel_sigreturn
 * for the others. The handler
 * checks that it was called with exactly that return address; x86_64
 * (and x32) refuse handlers without SA_RESTORER, so there the C
 * library's sigaction and restorer are used.
 * Each test says which way its handler was installed.
 *
 * - A plain handler runs once and returns; values held in registers
 *   (integer and floating point) and in memory, and the result of the
 *   system call that was interrupted, are intact afterwards. Then timer
 *   signals interrupt a register-heavy loop at random places, which must
 *   still compute what it computes without them.
 * - An SA_SIGINFO handler sees the right si_signo, si_code (SI_TKILL
 *   for tgkill, SI_USER for kill), si_pid and si_uid.
 * - A thread blocked in read() on an empty pipe gets a signal: with
 *   SA_RESTART the read is restarted and returns the byte written after
 *   the handler ran; without it the read fails with EINTR.
 * - A process sleeping in nanosleep() is stopped and continued: the
 *   kernel restarts the sleep with restart_syscall() (on s390x through
 *   the vDSO's __kernel_restart_syscall), which returns 0 after the
 *   whole time.
 * - _Unwind_Backtrace() and backtrace() called in a handler reach the
 *   frame of the function that raised the signal: the unwinder has to
 *   recognise the return path (arm64, riscv64, ppc64le, s390x, mips64
 *   and i386: the vDSO trampoline; 32-bit arm: the C library's restorer
 *   and its EHABI tables, which is how programs there unwind; x86_64:
 *   the C library's restorer).
 * - After [vdso] (and [vvar] with it, at the same distance) has been
 *   moved with mremap(), the plain handler, the stopped sleep and the
 *   unwinding work again, and the kernel returns to the trampoline at
 *   its new address; on arm [sigpage] is moved too. Skipped when there
 *   is no [vdso]. On ppc64le the unwinder is first given the moved
 *   image's unwind tables (UNWIND_REGISTERS_MOVED_VDSO).
 *
 * Each part runs in a child, with an alarm, so that a crash or a hang is
 * a failed test. The program unwinds its own frames; the Makefile builds
 * it with -fasynchronous-unwind-tables, which some compilers (riscv64,
 * arm) do not use by default. If it still cannot unwind itself without a
 * signal, the unwinding tests are skipped.
 */
#include <errno.h>
#include <execinfo.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>
#include <unwind.h>

#include "kselftest.h"
#include "vdso_child.h"
#include "vdso_util.h"

/*
 * Where the kernel returns from a handler installed without SA_RESTORER.
 * The return address must be exactly TRAMP_SYM, or inside [sigpage].
 */
#if defined(__aarch64__)
#define TRAMP_SYM	"__kernel_rt_sigreturn"
#elif defined(__riscv) && __riscv_xlen == 64
#define TRAMP_SYM	"__vdso_rt_sigreturn"
#elif defined(__arm__)
#define TRAMP_SIGPAGE	1
#elif defined(__powerpc64__)
/* the handler is called from the trampoline: it returns right after */
#define TRAMP_SYM	"__kernel_sigtramp_rt64"
#elif defined(__mips__) && _MIPS_SIM == _ABI64
/* not exported: found by its code, li v0, __NR_rt_sigreturn; syscall */
#define TRAMP_SYM	"__vdso_rt_sigreturn"
#define TRAMP_CODE	{ 0x24020000 | __NR_rt_sigreturn, 0x0000000c }
#elif defined(__i386__) || defined(__s390x__)
#define TRAMP_SYM	"__kernel_rt_sigreturn"
/* a handler without SA_SIGINFO gets the old frame, and its return */
#define TRAMP_SYM_PLAIN	"__kernel_sigreturn"
#endif

/*
 * ppc64le: libgcc's unwinder (GCC 12's) aborts at the trampoline unless an
 * unwind entry covers it (its fallback for signal frames fails there),
 * and after mremap() the C library still has the vDSO at its old address,
 * so none does: the test hands the moved image's .eh_frame to
 * __register_frame(), as a program that moves its vDSO has to.
 */
#if defined(__powerpc64__)
#define UNWIND_REGISTERS_MOVED_VDSO	1
#endif

#if defined(TRAMP_SYM)
#define TRAMP_WHAT	TRAMP_SYM
#elif defined(TRAMP_SIGPAGE)
#define TRAMP_WHAT	"[sigpage]"
#endif

/* The handlers' installation: cases 1 to 3, and the unwinding. */
enum install { VIA_KERNEL, VIA_LIBC };

#ifdef TRAMP_WHAT
#define BASIC_MODE	VIA_KERNEL
#else
#define BASIC_MODE	VIA_LIBC
#endif
#ifdef TRAMP_SYM
#define UNWIND_MODE	VIA_KERNEL
#else
#define UNWIND_MODE	VIA_LIBC
#endif

/* A register class for a double, for the asm that pins values. */
#if defined(__x86_64__)
#define FP_REG		"x"
#elif defined(__aarch64__) || (defined(__arm__) && defined(__ARM_PCS_VFP))
#define FP_REG		"w"
#elif defined(__riscv) && defined(__riscv_flen)
#define FP_REG		"f"
#elif defined(__powerpc64__)
#define FP_REG		"d"
#elif defined(__mips__) && defined(__mips_hard_float)
#define FP_REG		"f"
#elif defined(__s390x__)
#define FP_REG		"f"
#else
#define FP_REG		"m"
#endif

/* Not inlined, cloned or analysed away: a real frame of its own. */
#if __has_attribute(__noipa__)
#define __noipa		__attribute__((__noipa__))
#else
#define __noipa		__attribute__((__optnone__))
#endif

static inline void barrier(void)
{
	asm volatile("" ::: "memory");
}

#ifdef __mips__
#define KSIGSET_BYTES	16	/* the kernel's sigset_t: 128 signals */
#else
#define KSIGSET_BYTES	8	/* the kernel's sigset_t: 64 signals */
#endif
#define WATCHDOG_S	30	/* alarm() in each child */
#define WAIT_MS		3000	/* longest wait for one step */
#define MAX_FRAMES	64
#define CHURN_ITERS	20000
#define CHURN_RUNS	100000
#define CHURN_HITS	20

#ifdef TRAMP_WHAT
/*
 * The kernel's struct sigaction for rt_sigaction (include/linux/
 * signal_types.h): sa_restorer is there where the uapi headers define
 * SA_RESTORER (arm64, arm), not on riscv or mips. mips has IRIX's
 * order: the flags, an int, first. The mask is the kernel's sigset_t,
 * two words on arm, 128 signals on mips.
 */
struct kernel_sigaction {
#ifdef __mips__
	unsigned int flags;
#endif
	union {
		void (*plain)(int sig);
		void (*info)(int sig, siginfo_t *si, void *uc);
	} handler;
#ifndef __mips__
	unsigned long flags;
#endif
#if !defined(__riscv) && !defined(__mips__)
	void (*restorer)(void);
#endif
	unsigned long mask[KSIGSET_BYTES / sizeof(unsigned long)];
};
#endif

/* What the handlers saw; read after the signal has been handled. */
static int hits;
static int got_sig;
static uintptr_t got_ra;
static siginfo_t got_info;
static int got_uc;

/*
 * Where handlers installed VIA_KERNEL must return: [tramp_lo, tramp_hi);
 * tramp_plain for a handler without SA_SIGINFO (the same as tramp_lo but
 * on i386). got_rt says which handler ran.
 */
static uintptr_t tramp_lo, tramp_hi, tramp_plain;
static int got_rt;

/* The unwinding: the return address in marker(), and what was found. */
static uintptr_t marker_ra;
static uintptr_t uw_ips[MAX_FRAMES];
static int uw_n, uw_at;
static void *bt_ips[MAX_FRAMES];
static int bt_n, bt_at;
static int probe_uw, probe_bt;	/* unwinding works without a signal */

static uint64_t churn_seed = 0x0123456789abcdefULL;
static double sink_d;
static unsigned long sink_l;

static const char *mode_name(enum install how)
{
	if (how == VIA_KERNEL)
		return "rt_sigaction without SA_RESTORER";
#if defined(__x86_64__)
	return "libc sigaction: x86_64 needs SA_RESTORER";
#elif defined(__arm__)
	return "libc sigaction with its SA_RESTORER";
#else
	return "libc sigaction";
#endif
}

static const char *ret_site(enum install how)
{
	if (how == VIA_LIBC)
		return "the C library's restorer";
#ifdef TRAMP_SYM_PLAIN
	if (!got_rt)
		return TRAMP_SYM_PLAIN;
#endif
#ifdef TRAMP_WHAT
	return TRAMP_WHAT;
#else
	return "?";
#endif
}

/* A system call made here, so that the signal arrives in this frame. */
static inline long sys3(long nr, long a, long b, long c)
{
#if defined(__x86_64__)
	long ret;

	asm volatile("syscall" : "=a"(ret) : "a"(nr), "D"(a), "S"(b), "d"(c)
		     : "rcx", "r11", "memory");
	return ret;
#elif defined(__aarch64__)
	register long x8 asm("x8") = nr;
	register long x0 asm("x0") = a;
	register long x1 asm("x1") = b;
	register long x2 asm("x2") = c;

	asm volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
	return x0;
#elif defined(__riscv)
	register long a7 asm("a7") = nr;
	register long a0 asm("a0") = a;
	register long a1 asm("a1") = b;
	register long a2 asm("a2") = c;

	asm volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
	return a0;
#elif defined(__powerpc64__)
	register long r0 asm("r0") = nr;
	register long r3 asm("r3") = a;
	register long r4 asm("r4") = b;
	register long r5 asm("r5") = c;

	/* an error is errno with CR0.SO set */
	asm volatile("sc\n\tbns+ 1f\n\tneg %1, %1\n1:"
		     : "+r"(r0), "+r"(r3), "+r"(r4), "+r"(r5)
		     : : "r6", "r7", "r8", "r9", "r10", "r11", "r12",
		       "cr0", "ctr", "xer", "memory");
	return r3;
#elif defined(__s390x__)
	register long r1 asm("r1") = nr;
	register long r2 asm("r2") = a;
	register long r3 asm("r3") = b;
	register long r4 asm("r4") = c;

	asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "cc", "memory");
	return r2;
#elif defined(__mips__)
	register long v0 asm("$2") = nr;
	register long a0 asm("$4") = a;
	register long a1 asm("$5") = b;
	register long a2 asm("$6") = c;
	register long a3 asm("$7");

	/* a3 set: v0 is the errno */
	asm volatile("syscall" : "+r"(v0), "=r"(a3) : "r"(a0), "r"(a1), "r"(a2)
		     : "$1", "$3", "$8", "$9", "$10", "$11", "$12", "$13", "$14",
		       "$15", "$24", "$25", "hi", "lo", "memory");
	return a3 ? -v0 : v0;
#elif defined(__i386__)
	long ret;

	asm volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c)
		     : "memory");
	return ret;
#elif defined(__arm__)
	register long r7 asm("r7") = nr;
	register long r0 asm("r0") = a;
	register long r1 asm("r1") = b;
	register long r2 asm("r2") = c;

	asm volatile("svc #0" : "+r"(r0) : "r"(r7), "r"(r1), "r"(r2) : "memory");
	return r0;
#else
	long ret = syscall(nr, a, b, c);

	return ret == -1 ? -errno : ret;
#endif
}

/* Send @sig to this thread (tgkill) or to this process (kill). */
static long send_sig(int sig, int process)
{
	if (process)
		return sys3(SYS_kill, getpid(), sig, 0);
	return sys3(SYS_tgkill, getpid(), gettid(), sig);
}

static int install(int sig, void (*plain)(int), void (*info)(int, siginfo_t *, void *),
		   int flags, enum install how)
{
	struct sigaction sa;

	if (how == VIA_KERNEL) {
#ifdef TRAMP_WHAT
		struct kernel_sigaction ksa;

		memset(&ksa, 0, sizeof(ksa));
		if (info)
			ksa.handler.info = info;
		else
			ksa.handler.plain = plain;
		ksa.flags = flags | (info ? SA_SIGINFO : 0);
		return syscall(SYS_rt_sigaction, sig, &ksa, NULL, KSIGSET_BYTES) ? -errno : 0;
#else
		return -EOPNOTSUPP;
#endif
	}
	memset(&sa, 0, sizeof(sa));
	if (info)
		sa.sa_sigaction = info;
	else
		sa.sa_handler = plain;
	sa.sa_flags = flags | (info ? SA_SIGINFO : 0);
	sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL) ? -errno : 0;
}

/* Did the handler return where @how makes the kernel send it? */
static int ra_ok(uintptr_t ra, enum install how)
{
	if (how == VIA_LIBC)
		return ra != 0;
#ifdef TRAMP_SIGPAGE
	return ra >= tramp_lo && ra < tramp_hi;
#else
	return ra && ra == (got_rt ? tramp_lo : tramp_plain);
#endif
}

static void reset(void)
{
	__atomic_store_n(&hits, 0, __ATOMIC_SEQ_CST);
	got_sig = 0;
	got_ra = 0;
	got_rt = 0;
	got_uc = 0;
	memset(&got_info, 0, sizeof(got_info));
}

static int nhits(void)
{
	return __atomic_load_n(&hits, __ATOMIC_SEQ_CST);
}

/* Leave other values in the integer and floating point registers. */
static __noipa void scribble(int seed)
{
	unsigned long l[8];
	double d[8];
	int i;

	for (i = 0; i < 8; i++) {
		d[i] = seed * (i + 0.5);
		l[i] = (~0UL / (i + 2)) ^ seed;
	}
	for (i = 0; i < 8; i++) {
		sink_d += d[i] * d[7 - i];
		sink_l += l[i] * l[7 - i];
	}
}

static void plain_handler(int sig)
{
	got_ra = (uintptr_t)__builtin_return_address(0);
	got_sig = sig;
	scribble(sig);
	__atomic_add_fetch(&hits, 1, __ATOMIC_SEQ_CST);
}

static void info_handler(int sig, siginfo_t *si, void *uc)
{
	got_ra = (uintptr_t)__builtin_return_address(0);
	got_rt = 1;
	got_sig = sig;
	got_info = *si;
	got_uc = !!uc;
	scribble(sig);
	__atomic_add_fetch(&hits, 1, __ATOMIC_SEQ_CST);
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 31;
	x *= 0x7fb5d329728ea185ULL;
	x ^= x >> 27;
	x *= 0x81dadef4bc2dd44dULL;
	return x ^ (x >> 33);
}

/*
 * Send @sig with values live in integer and floating point registers and
 * in memory; 1 when all of them, and the system call's result 0, are
 * intact after the handler.
 */
static __noipa int sync_round(uint32_t seed, int sig, int process)
{
	uint64_t a = mix64(seed), b = mix64(a) ^ seed, m = mix64(b);
	double d = seed / 3.0, dm = seed * 1.25;
	long ret;

	/* a, b and d in registers, m and dm in memory, across the signal */
	asm volatile("" : "+r"(a), "+r"(b), "+" FP_REG(d), "+m"(m), "+m"(dm));
	ret = send_sig(sig, process);
	asm volatile("" : "+r"(a), "+r"(b), "+" FP_REG(d), "+m"(m), "+m"(dm));

	return !ret && a == mix64(seed) && b == (mix64(mix64(seed)) ^ seed) &&
	       m == mix64(mix64(mix64(seed)) ^ seed) && d == seed / 3.0 &&
	       dm == seed * 1.25;
}

/* Integer and floating point work, for the timer to interrupt. */
static __noipa uint64_t churn(void)
{
	uint64_t x = __atomic_load_n(&churn_seed, __ATOMIC_RELAXED);
	uint64_t a = x, b = ~x, c = x * 3, e = x ^ 0x5555555555555555ULL;
	double f = 1.0, g = (double)(x & 0xffff);
	int i;

	for (i = 0; i < CHURN_ITERS; i++) {
		a = a * 6364136223846793005ULL + 1442695040888963407ULL;
		b ^= a >> 29;
		c += b * 0x9e3779b97f4a7c15ULL;
		e = (e << 7 | e >> 57) ^ c;
		f = f * 0.999999 + (double)(a >> 40);
		g = g * 1.000001 - (double)(c >> 44);
	}
	return a ^ b ^ c ^ e ^ (uint64_t)f ^ ((uint64_t)(int64_t)g << 1);
}

/* Case 1: a plain handler, then timer signals in a busy loop. */
static void plain_child(int fd, void *arg)
{
	struct itimerval it = { { 0, 1000 }, { 0, 1000 } }, off;
	enum install how = BASIC_MODE;
	long runs, bad = 0;
	uint64_t want;
	int ok, ret, n;

	(void)arg;
	alarm(WATCHDOG_S);
	ret = install(SIGUSR1, plain_handler, NULL, 0, how);
	if (ret) {
		child_result(fd, KSFT_FAIL, "plain handler [%s]: %s", mode_name(how),
			     strerror(-ret));
		child_result(fd, KSFT_FAIL, "timer signals: no handler");
		return;
	}
	reset();
	ok = sync_round(12345, SIGUSR1, 0);
	child_result(fd, ok && nhits() == 1 && got_sig == SIGUSR1 && ra_ok(got_ra, how) ?
		     KSFT_PASS : KSFT_FAIL,
		     "plain handler [%s]: ran %d time(s), returned through %#lx (%s), registers and memory %s",
		     mode_name(how), nhits(), (unsigned long)got_ra, ret_site(how),
		     ok ? "intact" : "CHANGED");

	want = churn();
	memset(&off, 0, sizeof(off));
	ret = install(SIGVTALRM, plain_handler, NULL, 0, how);
	reset();
	if (ret || setitimer(ITIMER_VIRTUAL, &it, NULL)) {
		child_result(fd, KSFT_FAIL, "timer signals: %s",
			     strerror(ret ? -ret : errno));
		return;
	}
	for (runs = 0; runs < CHURN_RUNS && nhits() < CHURN_HITS; runs++)
		bad += churn() != want;
	setitimer(ITIMER_VIRTUAL, &off, NULL);
	n = nhits();
	child_result(fd, !bad && n && got_sig == SIGVTALRM && ra_ok(got_ra, how) ?
		     KSFT_PASS : KSFT_FAIL,
		     "timer signals [%s]: %d interrupted %ld runs of a busy loop, %ld wrong results, returned through %#lx",
		     mode_name(how), n, runs, bad, (unsigned long)got_ra);
}

/* Case 2: an SA_SIGINFO handler, for tgkill and for kill. */
static void siginfo_child(int fd, void *arg)
{
	static const int codes[] = { SI_TKILL, SI_USER };
	enum install how = BASIC_MODE;
	int ret, i, bad = 0;

	(void)arg;
	alarm(WATCHDOG_S);
	ret = install(SIGUSR2, NULL, info_handler, 0, how);
	if (ret) {
		child_result(fd, KSFT_FAIL, "SA_SIGINFO handler [%s]: %s",
			     mode_name(how), strerror(-ret));
		return;
	}
	for (i = 0; i < 2; i++) {
		reset();
		ret = sync_round(777 + i, SIGUSR2, i);
		if (ret && nhits() == 1 && got_uc && ra_ok(got_ra, how) &&
		    got_info.si_signo == SIGUSR2 && got_info.si_code == codes[i] &&
		    got_info.si_pid == getpid() && got_info.si_uid == getuid())
			continue;
		bad++;
		child_result(fd, KSFT_FAIL,
			     "SA_SIGINFO, %s: %d hits, state %s, ra %#lx, si_signo %d si_code %d si_pid %d si_uid %d",
			     i ? "kill" : "tgkill", nhits(), ret ? "ok" : "CHANGED",
			     (unsigned long)got_ra, got_info.si_signo, got_info.si_code,
			     (int)got_info.si_pid, (int)got_info.si_uid);
		break;
	}
	if (!bad)
		child_result(fd, KSFT_PASS,
			     "SA_SIGINFO handler [%s]: tgkill gives SI_TKILL, kill SI_USER, pid and uid right; returned through %#lx (%s)",
			     mode_name(how), (unsigned long)got_ra, ret_site(how));
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

struct reader {
	int fd;
	pid_t tid;
	int started;
	int done;
	long ret;
	int err;
};

static void *reader_main(void *arg)
{
	struct reader *r = arg;
	char c;

	r->tid = gettid();
	__atomic_store_n(&r->started, 1, __ATOMIC_SEQ_CST);
	r->ret = read(r->fd, &c, 1);
	r->err = errno;
	__atomic_store_n(&r->done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* Is the reader asleep in read()? */
/* Is the task at /proc path @task blocked in system call @nr? */
static int blocked_in(const char *task, long nr)
{
	char path[64], buf[256], *end, *p;
	long cur;

	snprintf(path, sizeof(path), "%s/syscall", task);
	if (!read_line(path, buf, sizeof(buf))) {
		cur = strtol(buf, &end, 10);
		return end != buf && cur == nr;
	}
	/* No syscall file: settle for the task sleeping */
	snprintf(path, sizeof(path), "%s/stat", task);
	if (read_line(path, buf, sizeof(buf)))
		return 0;
	p = strrchr(buf, ')');
	return p && p[1] == ' ' && p[2] == 'S';
}

static int reader_blocked(struct reader *r)
{
	char task[32];

	snprintf(task, sizeof(task), "/proc/self/task/%d", (int)r->tid);
	return blocked_in(task, SYS_read);
}

static int reader_started(struct reader *r)
{
	return __atomic_load_n(&r->started, __ATOMIC_SEQ_CST);
}

static int reader_done(struct reader *r)
{
	return __atomic_load_n(&r->done, __ATOMIC_SEQ_CST);
}

static int reader_waiting(struct reader *r)
{
	return reader_done(r) || reader_blocked(r);
}

static int handled(struct reader *r)
{
	(void)r;
	return nhits() > 0;
}

/* Poll @cond every millisecond, for up to WAIT_MS. */
static int wait_for(int (*cond)(struct reader *r), struct reader *r)
{
	int i;

	for (i = 0; i < WAIT_MS; i++) {
		if (cond(r))
			return 1;
		sleep_ms(1);
	}
	return cond(r);
}

/* Case 3: a signal to a thread blocked in read(), with or without SA_RESTART. */
static void restart_child(int fd, void *arg)
{
	int restart = *(int *)arg, p[2], ret;
	const char *what = restart ? "SA_RESTART" : "no SA_RESTART";
	enum install how = BASIC_MODE;
	struct reader r;
	pthread_t t;

	alarm(WATCHDOG_S);
	memset(&r, 0, sizeof(r));
	if (pipe(p)) {
		child_result(fd, KSFT_FAIL, "%s: pipe: %s", what, strerror(errno));
		return;
	}
	r.fd = p[0];
	ret = install(SIGUSR1, plain_handler, NULL, restart ? SA_RESTART : 0, how);
	if (ret) {
		child_result(fd, KSFT_FAIL, "%s: sigaction: %s", what, strerror(-ret));
		return;
	}
	reset();
	ret = pthread_create(&t, NULL, reader_main, &r);
	if (ret) {
		child_result(fd, KSFT_FAIL, "%s: pthread_create: %s", what, strerror(ret));
		return;
	}
	if (!wait_for(reader_started, &r) || !wait_for(reader_blocked, &r)) {
		child_result(fd, KSFT_FAIL, "%s: the thread did not block in read()", what);
		return;
	}
	ret = pthread_kill(t, SIGUSR1);
	if (ret || !wait_for(handled, &r)) {
		child_result(fd, KSFT_FAIL, "%s: the handler did not run (%s)", what,
			     strerror(ret));
		return;
	}
	if (!restart) {
		if (!wait_for(reader_done, &r)) {
			child_result(fd, KSFT_FAIL,
				     "no SA_RESTART: read() did not return after the handler");
			return;
		}
		child_result(fd, r.ret == -1 && r.err == EINTR ? KSFT_PASS : KSFT_FAIL,
			     "no SA_RESTART [%s]: read() in a thread returns %ld (%s), want -1 (EINTR)",
			     mode_name(how), r.ret, strerror(r.err));
		pthread_join(t, NULL);
		return;
	}
	/* The restarted read() must sleep again until the byte comes. */
	if (!wait_for(reader_waiting, &r) || reader_done(&r)) {
		child_result(fd, KSFT_FAIL, "SA_RESTART: read() returned %ld (%s) before any data",
			     r.ret, strerror(r.err));
		return;
	}
	if (write(p[1], "x", 1) != 1 || !wait_for(reader_done, &r)) {
		child_result(fd, KSFT_FAIL, "SA_RESTART: read() did not return the byte written");
		return;
	}
	child_result(fd, r.ret == 1 ? KSFT_PASS : KSFT_FAIL,
		     "SA_RESTART [%s]: read() in a thread was restarted and returns %ld, want 1",
		     mode_name(how), r.ret);
	pthread_join(t, NULL);
}

/*
 * Case 3b: a process sleeping in nanosleep() is stopped and continued
 * (SIGSTOP, SIGCONT: no handler runs). The kernel restarts the sleep with
 * restart_syscall(), through the vDSO's __kernel_restart_syscall on
 * s390x, and the sleeper gets 0 after the whole time. Run in a process
 * forked from this one, so after a move of [vdso] too.
 */
#define STOP_SLEEP_MS	300

static __noreturn void stop_sleeper(void)
{
	struct timespec req = { .tv_nsec = STOP_SLEEP_MS * 1000000L };
	struct timespec t0, t1;
	long ms;
	int ret;

	/* the C library's clock_gettime() may still use the vDSO's old place */
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t0);
	ret = nanosleep(&req, NULL);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	_exit(ret ? 1 : ms < STOP_SLEEP_MS ? 2 : 0);
}

/* The C library's nanosleep() is one of these system calls */
static int sleeper_blocked(const char *task)
{
#ifdef SYS_clock_nanosleep_time64
	if (blocked_in(task, SYS_clock_nanosleep_time64))
		return 1;
#endif
	return blocked_in(task, SYS_clock_nanosleep);
}

static void report_stop_restart(int fd, const char *when)
{
	static const char * const how[] = {
		"slept the whole time", "nanosleep() failed", "woke up early",
	};
	char task[32];
	int ws = 0, i;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		child_result(fd, KSFT_FAIL, "%sstopped sleep: fork: %s", when, strerror(errno));
		return;
	}
	if (!pid)
		stop_sleeper();
	snprintf(task, sizeof(task), "/proc/%d", (int)pid);
	for (i = 0; i < WAIT_MS && !sleeper_blocked(task); i++)
		usleep(1000);
	if (i == WAIT_MS || kill(pid, SIGSTOP) ||
	    waitpid(pid, &ws, WUNTRACED) != pid || !WIFSTOPPED(ws)) {
		kill(pid, SIGKILL);
		waitpid(pid, &ws, 0);
		child_result(fd, KSFT_FAIL, "%sstopped sleep: could not stop the sleeper", when);
		return;
	}
	kill(pid, SIGCONT);
	if (waitpid(pid, &ws, 0) != pid)
		ws = 0x7f;
	if (WIFEXITED(ws) && WEXITSTATUS(ws) < ARRAY_SIZE(how))
		child_result(fd, WEXITSTATUS(ws) ? KSFT_FAIL : KSFT_PASS,
			     "%sstopped sleep: restarted after SIGSTOP and SIGCONT, %s",
			     when, how[WEXITSTATUS(ws)]);
	else
		child_result(fd, KSFT_FAIL, "%sstopped sleep: the sleeper ended with status %#x",
			     when, ws);
}

static void stop_child(int fd, void *arg)
{
	(void)arg;
	alarm(WATCHDOG_S);
	report_stop_restart(fd, "");
}

static int same_ip(uintptr_t a, uintptr_t b)
{
#ifdef __arm__
	/* The Thumb bit */
	return (a | 1) == (b | 1);
#else
	return a == b;
#endif
}

static _Unwind_Reason_Code unwind_step(struct _Unwind_Context *ctx, void *arg)
{
	uintptr_t ip = _Unwind_GetIP(ctx);

	(void)arg;
	if (uw_n >= MAX_FRAMES)
		return _URC_END_OF_STACK;
	uw_ips[uw_n++] = ip;
	if (same_ip(ip, marker_ra)) {
		/* Found: no need to go further out */
		uw_at = uw_n - 1;
		return _URC_END_OF_STACK;
	}
	return _URC_NO_REASON;
}

/*
 * Unwind from here with both unwinders. backtrace() cannot stop where it
 * likes, so it walks only a little beyond where _Unwind_Backtrace found
 * marker(); frames further out are not the question.
 */
static __noipa void collect(void)
{
	int i;

	uw_n = 0;
	uw_at = -1;
	_Unwind_Backtrace(unwind_step, NULL);
	bt_at = -1;
	bt_n = backtrace(bt_ips, uw_at >= 0 ? uw_at + 3 : MAX_FRAMES);
	for (i = 0; i < bt_n && bt_at < 0; i++)
		if (same_ip((uintptr_t)bt_ips[i], marker_ra))
			bt_at = i;
	barrier();
}

/* Raise @sig here, or with @sig 0 unwind from here without a signal. */
static __noipa long fire(int sig)
{
	long ret = 0;

	marker_ra = (uintptr_t)__builtin_return_address(0);
	if (sig)
		ret = send_sig(sig, 0);
	else
		collect();
	barrier();
	return ret;
}

/* The frame the unwinding has to reach. */
static __noipa long marker(int sig)
{
	long ret = fire(sig);

	barrier();
	return ret;
}

static void unwind_handler(int sig)
{
	got_ra = (uintptr_t)__builtin_return_address(0);
	got_sig = sig;
	collect();
	__atomic_add_fetch(&hits, 1, __ATOMIC_SEQ_CST);
}

static int find_ip(const uintptr_t *ips, int n, uintptr_t ip)
{
	int i;

	for (i = 0; i < n; i++)
		if (same_ip(ips[i], ip))
			return i;
	return -1;
}

static void report_unwind(int fd, const char *when, const char *who, int probe,
			  int at, const uintptr_t *ips, int n, int sig_ok)
{
	enum install how = UNWIND_MODE;
	char list[120] = "";
	int i, len = 0;

	if (!probe) {
		child_result(fd, KSFT_SKIP,
			     "%s%s: this build cannot unwind its own frames, even without a signal",
			     when, who);
		return;
	}
	if (at >= 0 && sig_ok) {
		child_result(fd, KSFT_PASS,
			     "%s%s in a handler [%s] reaches marker() at frame %d; %s (%#lx) at frame %d",
			     when, who, mode_name(how), at, ret_site(how),
			     (unsigned long)got_ra, find_ip(ips, n, got_ra));
		return;
	}
	for (i = 0; i < n && i < 6 && len < (int)sizeof(list) - 20; i++)
		len += snprintf(list + len, sizeof(list) - len, " %#lx", (unsigned long)ips[i]);
	child_result(fd, KSFT_FAIL, "%s%s [%s]: marker() (%#lx) not reached, ra %#lx; %d frames:%s",
		     when, who, mode_name(how), (unsigned long)marker_ra,
		     (unsigned long)got_ra, n, list);
}

/* Case 4: unwind out of a handler; two results. */
static void unwind_once(int fd, const char *when)
{
	enum install how = UNWIND_MODE;
	uintptr_t bt[MAX_FRAMES];
	int i, ret, sig_ok;

	ret = install(SIGUSR1, unwind_handler, NULL, 0, how);
	if (ret) {
		child_result(fd, KSFT_FAIL, "%sunwinding: sigaction: %s", when, strerror(-ret));
		child_result(fd, KSFT_FAIL, "%sunwinding: sigaction: %s", when, strerror(-ret));
		return;
	}
	reset();
	uw_n = 0;
	bt_n = 0;
	ret = marker(SIGUSR1);
	sig_ok = !ret && nhits() == 1 && got_sig == SIGUSR1 && ra_ok(got_ra, how);
	for (i = 0; i < bt_n; i++)
		bt[i] = (uintptr_t)bt_ips[i];
	report_unwind(fd, when, "_Unwind_Backtrace", probe_uw, uw_at, uw_ips, uw_n, sig_ok);
	report_unwind(fd, when, "backtrace()", probe_bt, bt_at, bt, bt_n, sig_ok);
}

static void unwind_child(int fd, void *arg)
{
	(void)arg;
	alarm(WATCHDOG_S);
	unwind_once(fd, "");
}

/* Case 5: move [vdso] and the data pages with it. */
struct part {
	const char *name;
	struct map_entry m;
};

/*
 * [vvar] (and [vvar_vclock] where the kernel has it) and [vdso], in the
 * order of the table; returns how many, 0 without [vdso], -1 if one of
 * them is there twice.
 */
static int find_vdso_parts(struct part *parts, uintptr_t *lo, uintptr_t *hi)
{
	static const char * const names[] = { "[vvar]", "[vvar_vclock]", "[vdso]" };
	struct map_entry m;
	int i, n, count = 0;

	for (i = 0; i < (int)ARRAY_SIZE(names); i++) {
		n = maps_find(names[i], &m);
		if (n < 0 || n > 1)
			return -1;
		if (!n)
			continue;
		parts[count].name = names[i];
		parts[count++].m = m;
		if (count == 1 || m.start < *lo)
			*lo = m.start;
		if (count == 1 || m.end > *hi)
			*hi = m.end;
	}
	if (!count)
		return 0;
	return parts[count - 1].name == names[2] ? count : 0;
}

/*
 * glibc's list of loaded objects keeps pointing at the vDSO's program
 * headers at the old address, and on arm the unwinder walks all the
 * program headers (dl_iterate_phdr) for each frame outside the program.
 * Leave a read-only copy of the headers there; nothing runs from it.
 */
static void shadow_headers(uintptr_t old, uintptr_t new)
{
#ifdef __arm__
	long page = sysconf(_SC_PAGESIZE);
	void *p = mmap((void *)old, page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (p == MAP_FAILED)
		return;
	memcpy(p, (void *)new, page);
	mprotect(p, page, PROT_READ);
#else
	(void)old;
	(void)new;
#endif
}

static void report_plain(int fd, const char *when)
{
	enum install how = BASIC_MODE;
	char want[32] = "";
	int ret, ok;

	ret = install(SIGUSR1, plain_handler, NULL, 0, how);
	if (ret) {
		child_result(fd, KSFT_FAIL, "%splain handler: %s", when, strerror(-ret));
		return;
	}
	reset();
	ok = sync_round(4242, SIGUSR1, 0);
	if (how == VIA_KERNEL)
		snprintf(want, sizeof(want), " at %#lx", (unsigned long)tramp_plain);
	child_result(fd, ok && nhits() == 1 && got_sig == SIGUSR1 && ra_ok(got_ra, how) ?
		     KSFT_PASS : KSFT_FAIL,
		     "%splain handler [%s]: returned through %#lx (%s%s), state %s",
		     when, mode_name(how), (unsigned long)got_ra, ret_site(how), want,
		     ok ? "intact" : "CHANGED");
}

#ifdef TRAMP_SIGPAGE
/* Then [sigpage] too; one result. */
static void move_sigpage(int fd)
{
	struct map_entry m;
	uintptr_t to;
	int ret;

	if (maps_find("[sigpage]", &m) != 1) {
		child_result(fd, KSFT_SKIP, "no [sigpage] to move");
		return;
	}
	to = maps_reserve(m.end - m.start);
	ret = to ? maps_move(&m, to) : -ENOMEM;
	if (ret) {
		child_result(fd, KSFT_FAIL, "mremap of [sigpage]: %s", strerror(-ret));
		return;
	}
	tramp_lo = to;
	tramp_hi = to + m.end - m.start;
	tramp_plain = tramp_lo;
	report_plain(fd, "[sigpage] moved: ");
}
#endif

#ifdef UNWIND_REGISTERS_MOVED_VDSO
void __register_frame(void *begin);

/* DW_EH_PE_pcrel | DW_EH_PE_sdata4: what .eh_frame_hdr's pointer is */
#define EH_PE_PCREL_SDATA4	0x1b

/*
 * Give the unwinder the unwind tables of the image at @base: its
 * .eh_frame, which .eh_frame_hdr (PT_GNU_EH_FRAME) points to and which
 * ends with a zero length word, as __register_frame() needs.
 */
static int register_moved_vdso(uintptr_t base)
{
	const unsigned char *hdr = NULL;
	struct vdso_image img;
	int32_t rel;
	int i;

	if (vdso_open(&img, base))
		return -1;
	for (i = 0; i < img.ehdr->e_phnum; i++)
		if (img.phdr[i].p_type == PT_GNU_EH_FRAME)
			hdr = (const void *)(img.bias + img.phdr[i].p_vaddr);
	if (!hdr || hdr[0] != 1 || hdr[1] != EH_PE_PCREL_SDATA4)
		return -1;
	memcpy(&rel, hdr + 4, sizeof(rel));
	__register_frame((void *)(hdr + 4 + rel));
	return 0;
}
#endif

/* Five results. */
static void move_vdso(int fd)
{
	struct part parts[3];
	uintptr_t lo = 0, hi = 0, to, old_vdso, new_vdso;
	struct map_entry m;
	int i, n, ret = 0;

	n = find_vdso_parts(parts, &lo, &hi);
	if (n <= 0) {
		for (i = 0; i < 5; i++)
			child_result(fd, n ? KSFT_FAIL : KSFT_SKIP, "%s",
				     n ? "[vdso] or [vvar] mapped twice" :
				     "no [vdso] to move (vdso=0?)");
		return;
	}
	old_vdso = parts[n - 1].m.start;
	to = maps_reserve(hi - lo);
	if (!to)
		ret = -ENOMEM;
	for (i = 0; i < n && !ret; i++)
		ret = maps_move(&parts[i].m, to + parts[i].m.start - lo);
	new_vdso = to + old_vdso - lo;
	if (!ret && (maps_find("[vdso]", &m) != 1 || m.start != new_vdso))
		ret = -EFAULT;
	if (ret) {
		child_result(fd, KSFT_FAIL, "moving the vDSO from %#lx to %#lx: %s",
			     (unsigned long)lo, (unsigned long)to, strerror(-ret));
		for (i = 0; i < 4; i++)
			child_result(fd, KSFT_SKIP, "the vDSO did not move");
		return;
	}
	child_result(fd, KSFT_PASS, "moved %d mapping(s), [vdso] from %#lx to %#lx",
		     n, (unsigned long)old_vdso, (unsigned long)new_vdso);
	shadow_headers(old_vdso, new_vdso);
#ifdef TRAMP_SYM
	tramp_lo += new_vdso - old_vdso;
	tramp_hi += new_vdso - old_vdso;
	tramp_plain += new_vdso - old_vdso;
#endif
	report_plain(fd, "[vdso] moved: ");
	report_stop_restart(fd, "[vdso] moved: ");
#ifdef UNWIND_REGISTERS_MOVED_VDSO
	if (register_moved_vdso(new_vdso)) {
		for (i = 0; i < 2; i++)
			child_result(fd, KSFT_FAIL,
				     "[vdso] moved: unwinding: no .eh_frame found through PT_GNU_EH_FRAME");
		return;
	}
#endif
	unwind_once(fd, "[vdso] moved: ");
}

static void moved_child(int fd, void *arg)
{
	(void)arg;
	alarm(WATCHDOG_S);
	move_vdso(fd);
#ifdef TRAMP_SIGPAGE
	move_sigpage(fd);
#endif
}

#ifdef TRAMP_SIGPAGE
#define MOVED_RESULTS	6
#else
#define MOVED_RESULTS	5
#endif

#ifdef TRAMP_CODE
/* The first place in the image's PT_LOAD with TRAMP_CODE's two words */
static uintptr_t find_code(const struct vdso_image *img)
{
	static const uint32_t code[2] = TRAMP_CODE;
	const uint32_t *p = NULL, *end = NULL;
	int i;

	for (i = 0; i < img->ehdr->e_phnum; i++)
		if (img->phdr[i].p_type == PT_LOAD) {
			p = (const uint32_t *)(img->bias + img->phdr[i].p_vaddr);
			end = p + img->phdr[i].p_filesz / 4 - 1;
		}
	for (; p && p < end; p++)
		if (p[0] == code[0] && p[1] == code[1])
			return (uintptr_t)p;
	return 0;
}
#endif

/* Where handlers installed without SA_RESTORER return; 0 or -1. */
static int find_trampoline(void)
{
#if defined(TRAMP_SYM)
	struct vdso_image img;

	if (vdso_open_auxv(&img))
		return -1;
#ifdef TRAMP_CODE
	tramp_lo = find_code(&img);
#else
	tramp_lo = (uintptr_t)vdso_lookup(&img, TRAMP_SYM, NULL);
#endif
	tramp_hi = tramp_lo + 8;
#ifdef TRAMP_SYM_PLAIN
	tramp_plain = (uintptr_t)vdso_lookup(&img, TRAMP_SYM_PLAIN, NULL);
	if (!tramp_plain)
		return -1;
#else
	tramp_plain = tramp_lo;
#endif
	return tramp_lo ? 0 : -1;
#elif defined(TRAMP_SIGPAGE)
	struct map_entry m;

	if (maps_find("[sigpage]", &m) != 1)
		return -1;
	tramp_lo = m.start;
	tramp_hi = m.end;
	tramp_plain = tramp_lo;
	return 0;
#else
	tramp_lo = 0;
	tramp_hi = 0;
	return 0;
#endif
}

int main(void)
{
	static int yes = 1, no;

	ksft_print_header();
	ksft_set_plan(2 + 1 + 2 + 1 + 2 + MOVED_RESULTS);

#ifdef TRAMP_WHAT
	if (find_trampoline())
		ksft_print_msg("no %s: handlers without SA_RESTORER cannot return\n",
			       TRAMP_WHAT);
	else
		ksft_print_msg("handlers without SA_RESTORER return through %s at %#lx\n",
			       TRAMP_WHAT, (unsigned long)tramp_lo);
#else
	find_trampoline();
	ksft_print_msg("the kernel needs SA_RESTORER: handlers use the C library's restorer\n");
#endif

	/* Unwinding without a signal; this also loads what backtrace() needs */
	marker(0);
	probe_uw = uw_at >= 0;
	probe_bt = bt_at >= 0;
	ksft_print_msg("unwinding without a signal: _Unwind_Backtrace %s, backtrace() %s\n",
		       probe_uw ? "ok" : "FAILS", probe_bt ? "ok" : "FAILS");

	run_in_child(2, plain_child, NULL);
	run_in_child(1, siginfo_child, NULL);
	run_in_child(1, restart_child, &yes);
	run_in_child(1, restart_child, &no);
	run_in_child(1, stop_child, NULL);
	run_in_child(2, unwind_child, NULL);
	run_in_child(MOVED_RESULTS, moved_child, NULL);
	ksft_finished();
}
