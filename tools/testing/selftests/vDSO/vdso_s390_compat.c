// SPDX-License-Identifier: GPL-2.0
/*
 * The 31-bit s390 vDSO, from a 31-bit task (COMPAT). No C library: Debian
 * has no 31-bit one, so this program is freestanding (built with -m31
 * -nostdlib -static) and makes its system calls itself.
 *
 * - AT_SYSINFO_EHDR points at an ELF32 s390 shared object.
 * - A handler installed without SA_RESTORER returns through the image:
 *   a plain one through __kernel_compat_sigreturn (svc 119 at the return
 *   address), an SA_SIGINFO one through __kernel_compat_rt_sigreturn
 *   (svc 173), and the task goes on.
 * - A child sleeping in clock_nanosleep() is stopped and continued: the kernel
 *   restarts the sleep through __kernel_compat_restart_syscall, and the
 *   child ends with 0.
 * - After mremap() of [vdso], a handler returns through the new place.
 */

#define NR_exit_group	248
#define NR_fork		2
#define NR_read		3
#define NR_write	4
#define NR_close	6
#define NR_getpid	20
#define NR_kill		37
#define NR_pipe		42
#define NR_munmap	91
#define NR_wait4	114
#define NR_clock_nanosleep_time64	407
#define NR_mremap	163
#define NR_rt_sigaction	174
#define NR_mmap2	192

#define CLOCK_MONOTONIC	1
#define SIGUSR1		10
#define SIGSTOP		19
#define SIGCONT		18
#define SA_SIGINFO	4
#define WUNTRACED	2
#define AT_SYSINFO_EHDR	33
#define PROT_READ	1
#define PROT_WRITE	2
#define MAP_PRIVATE	2
#define MAP_ANONYMOUS	0x20
#define MREMAP_MAYMOVE	1
#define MREMAP_FIXED	2
#define ADDR_MASK	0x7fffffffUL	/* 31 bits: no addressing mode bit */

typedef unsigned int u32;
typedef unsigned char u8;

static long sys(long nr, long a, long b, long c, long d, long e)
{
	register long r1 asm("1") = nr;
	register long r2 asm("2") = a;
	register long r3 asm("3") = b;
	register long r4 asm("4") = c;
	register long r5 asm("5") = d;
	register long r6 asm("6") = e;

	asm volatile ("svc	0"
		      : "+d" (r2)
		      : "d" (r1), "d" (r3), "d" (r4), "d" (r5), "d" (r6)
		      : "cc", "memory");
	return r2;
}

static unsigned long len(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

static void put(const char *s)
{
	sys(NR_write, 1, (long)s, len(s), 0, 0);
}

static void put_hex(unsigned long v)
{
	char b[11] = "0x";
	int i;

	for (i = 0; i < 8; i++)
		b[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15];
	b[10] = 0;
	put(b);
}

static int tests, failed;

static void result(int ok, const char *what)
{
	char n[12];
	int i = sizeof(n) - 1, v = ++tests;

	n[i] = 0;
	do {
		n[--i] = '0' + v % 10;
		v /= 10;
	} while (v);
	put(ok ? "ok " : "not ok ");
	put(n + i);
	put(" ");
	put(what);
	put("\n");
	failed += !ok;
}

/* The kernel's struct compat_sigaction (s390 has sa_restorer) */
struct sigaction32 {
	u32 handler;
	u32 flags;
	u32 restorer;
	u32 mask[2];
};

/* What the handlers saw: where they return to, and how often they ran */
static unsigned long got_ra;
static int hits;

static void record(int sig, void *ra)
{
	__atomic_store_n(&got_ra, (unsigned long)ra & ADDR_MASK, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&hits, sig == SIGUSR1, __ATOMIC_SEQ_CST);
}

/* the handlers are only ever called by the kernel, so never inlined */
static void handler(int sig)
{
	record(sig, __builtin_return_address(0));
}

static void si_handler(int sig, void *info, void *uc)
{
	(void)info;
	(void)uc;
	record(sig, __builtin_return_address(0));
}

/* A handler without SA_RESTORER; raise SIGUSR1; where it returned to */
static unsigned long raise_through(int siginfo)
{
	struct sigaction32 sa;

	sa.handler = siginfo ? (unsigned long)si_handler : (unsigned long)handler;
	sa.flags = siginfo ? SA_SIGINFO : 0;
	sa.restorer = 0;
	sa.mask[0] = 0;
	sa.mask[1] = 0;
	if (sys(NR_rt_sigaction, SIGUSR1, (long)&sa, 0, 8, 0))
		return 0;
	__atomic_store_n(&hits, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&got_ra, 0, __ATOMIC_SEQ_CST);
	sys(NR_kill, sys(NR_getpid, 0, 0, 0, 0, 0), SIGUSR1, 0, 0, 0);
	return __atomic_load_n(&hits, __ATOMIC_SEQ_CST) == 1 ?
	       __atomic_load_n(&got_ra, __ATOMIC_SEQ_CST) : 0;
}

/* Does @ra lie in [@lo, @hi) and start with svc @nr? */
static int returns_via(unsigned long ra, unsigned long lo, unsigned long hi, int nr)
{
	const u8 *p = (const u8 *)ra;

	return ra >= lo && ra + 2 <= hi && p[0] == 0x0a && p[1] == nr;
}

static void check_handlers(unsigned long lo, unsigned long hi, const char *when)
{
	unsigned long ra;

	put("# ");
	put(when);
	put("[vdso] at ");
	put_hex(lo);
	put("\n");
	ra = raise_through(0);
	result(returns_via(ra, lo, hi, 119),
	       "plain handler returns through svc 119 (__kernel_compat_sigreturn) in [vdso]");
	ra = raise_through(1);
	result(returns_via(ra, lo, hi, 173),
	       "SA_SIGINFO handler returns through svc 173 (__kernel_compat_rt_sigreturn) in [vdso]");
}

/* Sleep @ms (below a second); 0 or a negative errno */
static long sleep_ms(u32 ms)
{
	/* struct __kernel_timespec: two 64-bit words, big-endian */
	u32 ts[4] = { 0, 0, 0, ms * 1000000 };

	return sys(NR_clock_nanosleep_time64, CLOCK_MONOTONIC, 0, (long)ts, 0, 0);
}

/*
 * A child sleeps 300 ms, stopped and continued on the way; it tells
 * through a pipe when it is about to sleep. 0 when it slept it out.
 */
static int stopped_sleep(void)
{
	int p[2], status = -1;
	long pid;
	char c;

	if (sys(NR_pipe, (long)p, 0, 0, 0, 0))
		return -1;
	pid = sys(NR_fork, 0, 0, 0, 0, 0);
	if (pid < 0)
		return -1;
	if (!pid) {
		sys(NR_write, p[1], (long)"s", 1, 0, 0);
		sys(NR_exit_group, -sleep_ms(300), 0, 0, 0, 0);
	}
	if (sys(NR_read, p[0], (long)&c, 1, 0, 0) != 1)
		return -1;
	sleep_ms(50);
	sys(NR_kill, pid, SIGSTOP, 0, 0, 0);
	if (sys(NR_wait4, pid, (long)&status, WUNTRACED, 0, 0) != pid || (status & 0xff) != 0x7f)
		return -1;
	sys(NR_kill, pid, SIGCONT, 0, 0, 0);
	if (sys(NR_wait4, pid, (long)&status, 0, 0, 0) != pid)
		return -1;
	sys(NR_close, p[0], 0, 0, 0, 0);
	sys(NR_close, p[1], 0, 0, 0, 0);
	return status;
}

/* The image's extent, from its one PT_LOAD */
static unsigned long image_size(const u8 *ehdr)
{
	u32 phoff = *(const u32 *)(ehdr + 28);
	unsigned int phnum = *(const unsigned short *)(ehdr + 44), i;

	for (i = 0; i < phnum; i++) {
		const u32 *ph = (const u32 *)(ehdr + phoff + 32 * i);

		if (ph[0] == 1)		/* PT_LOAD: p_memsz is word 5 */
			return (ph[5] + 4095) & ~4095UL;
	}
	return 0;
}

static unsigned long move_vdso(unsigned long old, unsigned long size)
{
	u32 args[6] = { 0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0 };
	long to = sys(NR_mmap2, (long)args, 0, 0, 0, 0);

	if (to < 0 && to > -4096)
		return 0;
	if (sys(NR_mremap, old, size, size, MREMAP_MAYMOVE | MREMAP_FIXED, to) != to)
		return 0;
	return to;
}

int cmain(u32 *sp)
{
	u32 argc = sp[0], *auxv = sp + 1 + argc + 1;
	unsigned long base = 0, size, to;
	const u8 *e;
	int status;

	while (*auxv++)		/* the environment */
		;
	for (; auxv[0]; auxv += 2)
		if (auxv[0] == AT_SYSINFO_EHDR)
			base = auxv[1];
	put("TAP version 13\n1..7\n");
	e = (const u8 *)base;
	result(base && e[0] == 0x7f && e[1] == 'E' && e[2] == 'L' && e[3] == 'F' &&
	       e[4] == 1 && e[16] == 0 && e[17] == 3 && e[18] == 0 && e[19] == 22,
	       "AT_SYSINFO_EHDR is an ELF32 s390 shared object");
	if (!base) {
		put("# no vDSO: the rest cannot run\n");
		sys(NR_exit_group, 1, 0, 0, 0, 0);
	}
	size = image_size(e);
	check_handlers(base, base + size, "");
	status = stopped_sleep();
	if (status) {
		put("# the sleeper's status: ");
		put_hex(status);
		put("\n");
	}
	result(status == 0,
	       "stopped and continued sleep restarted (__kernel_compat_restart_syscall), child exits 0");
	to = size ? move_vdso(base, size) : 0;
	result(to != 0, "mremap() of [vdso]");
	if (to) {
		check_handlers(to, to + size, "moved: ");
	} else {
		result(0, "moved: plain handler not run");
		result(0, "moved: SA_SIGINFO handler not run");
	}
	put(failed ? "# FAIL\n" : "# all passed\n");
	sys(NR_exit_group, failed ? 1 : 0, 0, 0, 0, 0);
	return 0;
}

/* The stack pointer, as the kernel leaves it, to cmain(); a 96-byte frame */
asm (".text\n"
	".globl	_start\n"
	"_start:\n"
	"	lr	%r2, %r15\n"
	"	ahi	%r15, -96\n"
	"	xc	0(4, %r15), 0(%r15)\n"
	"	basr	%r13, 0\n"
	"0:	l	%r1, 1f - 0b(%r13)\n"
	"	basr	%r14, %r1\n"
	"	.long	0\n"
	"1:	.long	cmain\n");
