// SPDX-License-Identifier: GPL-2.0
/*
 * __kernel_vsyscall, the system call entry of 32-bit x86 processes, and
 * the 32-bit image's signal return code, byte for byte.
 *
 * Checked: AT_SYSINFO is __kernel_vsyscall's address in the image that
 * AT_SYSINFO_EHDR names, and the image's ELF entry point; a call through
 * it gives what "int $0x80" gives (a result, -ENOSYS for an unknown
 * number, six arguments passed, the sixth in EBP) and changes no register
 * but EAX; a read() made through it, blocked and interrupted by a signal
 * with SA_RESTART, is restarted (through the landing pad's "int $0x80")
 * and returns what is written later; without SA_RESTART it fails with
 * EINTR; __kernel_sigreturn and __kernel_rt_sigreturn hold the exact
 * instructions unwinders look for; once [vdso] has moved (mremap(),
 * itself made through __kernel_vsyscall, returns to the moved landing
 * pad), calls through the new address work.
 * Elsewhere than on i386 the test skips.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_child.h"
#include "vdso_util.h"

#ifdef __i386__

#define WATCHDOG_S	30

static uintptr_t vsyscall;

/* The registers a system call reads and __kernel_vsyscall must keep */
struct regs {
	unsigned long ax, bx, cx, dx, si, di, bp;
};

/* What call_entry() works from: the registers, where to call, ESP */
struct call {
	struct regs r;		/* offsets 0 to 24 */
	unsigned long fn;	/* 28 */
	unsigned long sp_in;	/* 32 */
	unsigned long sp_out;	/* 36 */
};

/*
 * Call __kernel_vsyscall at @entry with @in, as glibc's ENTER_KERNEL
 * does; @out gets every register as it came back, ESP's change too.
 * Every register but ESP is the call's, so the asm finds its data
 * through ESP alone (not through EBX, the compiler's GOT pointer).
 */
static void call_entry(uintptr_t entry, const struct regs *in, struct regs *out,
		       long *sp_delta)
{
	struct call c = { .r = *in, .fn = entry };
	struct call *p = &c;

	asm volatile("pushl %%ebp\n\t"
		     "pushl %%ebx\n\t"
		     "pushl %%eax\n\t"		/* &c */
		     "movl %%esp, 32(%%eax)\n\t"
		     "movl 4(%%eax), %%ebx\n\t"
		     "movl 8(%%eax), %%ecx\n\t"
		     "movl 12(%%eax), %%edx\n\t"
		     "movl 16(%%eax), %%esi\n\t"
		     "movl 20(%%eax), %%edi\n\t"
		     "movl 24(%%eax), %%ebp\n\t"
		     "pushl 28(%%eax)\n\t"
		     "movl (%%eax), %%eax\n\t"
		     "call *(%%esp)\n\t"
		     "leal 4(%%esp), %%esp\n\t"
		     "xchgl %%eax, (%%esp)\n\t"	/* the result for &c */
		     "movl %%ebx, 4(%%eax)\n\t"
		     "movl %%ecx, 8(%%eax)\n\t"
		     "movl %%edx, 12(%%eax)\n\t"
		     "movl %%esi, 16(%%eax)\n\t"
		     "movl %%edi, 20(%%eax)\n\t"
		     "movl %%ebp, 24(%%eax)\n\t"
		     "movl %%esp, 36(%%eax)\n\t"
		     "popl (%%eax)\n\t"
		     "popl %%ebx\n\t"
		     "popl %%ebp"
		     : "+a" (p)
		     :
		     : "ecx", "edx", "esi", "edi", "memory", "cc");
	*out = c.r;
	*sp_delta = (long)(c.sp_out - c.sp_in);
}

static long vsys(uintptr_t entry, long nr, long a, long b, long c, long d,
		 long e, long f)
{
	struct regs in = { nr, a, b, c, d, e, f }, out;
	long sp;

	call_entry(entry, &in, &out, &sp);
	return out.ax;
}

static long int80(long nr, long a, long b, long c)
{
	long ret;

	asm volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b), "d"(c)
		     : "memory");
	return ret;
}

static void test_addresses(const struct vdso_image *img)
{
	uintptr_t sym = (uintptr_t)vdso_lookup(img, "__kernel_vsyscall", "LINUX_2.5");
	uintptr_t entry = img->base + img->ehdr->e_entry;

	ksft_test_result(vsyscall && vsyscall == sym && entry == sym,
			 "AT_SYSINFO %#lx, __kernel_vsyscall %#lx, ELF entry %#lx\n",
			 (unsigned long)vsyscall, (unsigned long)sym,
			 (unsigned long)entry);
}

/* Every register back as it went in, but EAX; ESP too */
static int regs_kept(const struct regs *in, const struct regs *out, long sp)
{
	return out->bx == in->bx && out->cx == in->cx && out->dx == in->dx &&
	       out->si == in->si && out->di == in->di && out->bp == in->bp && !sp;
}

static void test_registers(uintptr_t entry, const char *when)
{
	struct regs in = { SYS_getpid, 0x11111111, 0x22222222, 0x33333333,
			   0x44444444, 0x55555555, 0x66666666 }, out;
	long sp;

	call_entry(entry, &in, &out, &sp);
	ksft_test_result(out.ax == (unsigned long)int80(SYS_getpid, 0, 0, 0) &&
			 regs_kept(&in, &out, sp),
			 "%sgetpid: %ld; ebx %#lx ecx %#lx edx %#lx esi %#lx edi %#lx ebp %#lx, esp moved %ld\n",
			 when, (long)out.ax, out.bx, out.cx, out.dx, out.si, out.di,
			 out.bp, sp);
}

static void test_enosys(void)
{
	long a = vsys(vsyscall, 0x7fff, 0, 0, 0, 0, 0, 0);
	long b = int80(0x7fff, 0, 0, 0);
	/* what the kernel says to a number it has no system call for */
	long none = int80(-1, 0, 0, 0);

	ksft_test_result(a == none && b == none && none < 0 && none > -4096,
			 "unknown system call: %ld through the vDSO, %ld by int $0x80 (-1: %ld)\n",
			 a, b, none);
}

/* mmap2 takes six arguments: the sixth, the offset in pages, in EBP */
static void test_six_args(void)
{
	struct regs in = { SYS_mmap2, 0, 2 * 4096, PROT_READ,
			   MAP_PRIVATE, 0, 1 }, out;
	char path[] = "/tmp/vdso_vsyscall_XXXXXX";
	char buf[2 * 4096];
	int fd = mkstemp(path), ok = 0;
	long sp;

	if (fd < 0) {
		ksft_test_result_fail("six arguments: mkstemp: %s\n", strerror(errno));
		return;
	}
	unlink(path);
	memset(buf, 'a', 4096);
	memset(buf + 4096, 'b', 4096);
	if (write(fd, buf, sizeof(buf)) == sizeof(buf)) {
		in.di = fd;
		call_entry(vsyscall, &in, &out, &sp);
		/* page 1 of the file: all 'b' */
		ok = out.ax < (unsigned long)-4095 && ((char *)out.ax)[0] == 'b' &&
		     ((char *)out.ax)[4095] == 'b' && regs_kept(&in, &out, sp);
		if (out.ax < (unsigned long)-4095)
			munmap((void *)out.ax, 2 * 4096);
	}
	close(fd);
	ksft_test_result(ok, "six arguments: mmap2 of page 1 through the vDSO\n");
}

/* A read() through __kernel_vsyscall, blocked until a signal comes. */
struct reader {
	int fd;
	pid_t tid;
	int started;		/* atomic */
	long ret;
	char c;
};

static void *reader_main(void *arg)
{
	struct reader *r = arg;

	r->tid = gettid();
	__atomic_store_n(&r->started, 1, __ATOMIC_SEQ_CST);
	r->ret = vsys(vsyscall, SYS_read, r->fd, (long)&r->c, 1, 0, 0, 0);
	return NULL;
}

static int handled;

static void on_usr1(int sig)
{
	(void)sig;
	__atomic_add_fetch(&handled, 1, __ATOMIC_SEQ_CST);
}

/* Is thread @tid sleeping (state S)? */
static int sleeping(pid_t tid)
{
	char path[64], line[256], *p;

	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", tid);
	if (read_line(path, line, sizeof(line)))
		return 0;
	p = strrchr(line, ')');
	return p && p[1] == ' ' && p[2] == 'S';
}

static void restart_child(int fd, void *arg)
{
	int restart = *(int *)arg, p[2], i;
	struct sigaction sa;
	struct reader r;
	pthread_t t;

	alarm(WATCHDOG_S);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = restart ? SA_RESTART : 0;
	sigemptyset(&sa.sa_mask);
	memset(&r, 0, sizeof(r));
	if (sigaction(SIGUSR1, &sa, NULL) || pipe(p)) {
		child_result(fd, KSFT_FAIL, "set-up: %s", strerror(errno));
		return;
	}
	r.fd = p[0];
	if (pthread_create(&t, NULL, reader_main, &r)) {
		child_result(fd, KSFT_FAIL, "pthread_create failed");
		return;
	}
	while (!__atomic_load_n(&r.started, __ATOMIC_SEQ_CST))
		usleep(1000);
	for (i = 0; i < 3000 && !sleeping(r.tid); i++)
		usleep(1000);
	syscall(SYS_tgkill, getpid(), r.tid, SIGUSR1);
	for (i = 0; i < 3000 && !__atomic_load_n(&handled, __ATOMIC_SEQ_CST); i++)
		usleep(1000);
	/* restarted, the read is asleep again; or it has failed */
	for (i = 0; restart && i < 3000 && !sleeping(r.tid); i++)
		usleep(1000);
	if (write(p[1], "x", 1) != 1)
		child_result(fd, KSFT_FAIL, "write: %s", strerror(errno));
	pthread_join(t, NULL);
	if (restart)
		child_result(fd, handled == 1 && r.ret == 1 && r.c == 'x' ?
			     KSFT_PASS : KSFT_FAIL,
			     "SA_RESTART: handler ran %d time(s), read() restarted and returned %ld '%c'",
			     handled, r.ret, r.c ? r.c : '-');
	else
		child_result(fd, handled == 1 && r.ret == -EINTR ? KSFT_PASS : KSFT_FAIL,
			     "no SA_RESTART: handler ran %d time(s), read() returned %ld (want -EINTR)",
			     handled, r.ret);
}

static void test_restart(int restart)
{
	run_in_child(1, restart_child, &restart);
}

static void test_sigreturn_bytes(const struct vdso_image *img)
{
	static const unsigned char plain[] = {
		0x58, 0xb8, 0x77, 0x00, 0x00, 0x00, 0xcd, 0x80
	};
	static const unsigned char rt[] = { 0xb8, 0xad, 0x00, 0x00, 0x00, 0xcd, 0x80 };
	const void *p = vdso_lookup(img, "__kernel_sigreturn", "LINUX_2.5");
	const void *q = vdso_lookup(img, "__kernel_rt_sigreturn", "LINUX_2.5");

	ksft_test_result(p && !memcmp(p, plain, sizeof(plain)),
			 "__kernel_sigreturn: popl %%eax; movl $119, %%eax; int $0x80\n");
	ksft_test_result(q && !memcmp(q, rt, sizeof(rt)),
			 "__kernel_rt_sigreturn: movl $173, %%eax; int $0x80\n");
}

/*
 * Move [vvar], then [vdso] with an mremap() made through the vDSO's own
 * __kernel_vsyscall: it returns to the landing pad at the new address.
 */
static void moved_child(int fd, void *arg)
{
	struct map_entry vvar, vdso;
	struct regs in = { SYS_getpid, 1, 2, 3, 4, 5, 6 }, out;
	uintptr_t to, entry;
	long sp, ret;
	size_t len;

	(void)arg;
	alarm(WATCHDOG_S);
	if (maps_find("[vvar]", &vvar) != 1 || maps_find("[vdso]", &vdso) != 1) {
		child_result(fd, KSFT_FAIL, "no single [vvar] and [vdso]");
		return;
	}
	to = maps_reserve(vdso.end - vvar.start);
	ret = to ? maps_move(&vvar, to) : -ENOMEM;
	if (ret) {
		child_result(fd, KSFT_FAIL, "moving [vvar]: %s", strerror(-ret));
		return;
	}
	len = vdso.end - vdso.start;
	ret = vsys(vsyscall, SYS_mremap, vdso.start, len, len,
		   MREMAP_MAYMOVE | MREMAP_FIXED, to + vdso.start - vvar.start, 0);
	/* the C library's pointers follow before it makes a system call */
	if (ret == (long)(to + vdso.start - vvar.start))
		libc_sysinfo_follow(vdso.start, vdso.end, ret);
	if (ret < 0 && ret > -4096) {
		child_result(fd, KSFT_FAIL, "mremap of [vdso]: %s", strerror(-ret));
		return;
	}
	entry = vsyscall - vdso.start + ret;
	call_entry(entry, &in, &out, &sp);
	child_result(fd, out.ax == (unsigned long)int80(SYS_getpid, 0, 0, 0) &&
		     regs_kept(&in, &out, sp) ? KSFT_PASS : KSFT_FAIL,
		     "[vdso] moved to %#lx through __kernel_vsyscall; getpid through it there: %ld",
		     (unsigned long)ret, (long)out.ax);
}

int main(void)
{
	struct vdso_image img;

	ksft_print_header();
	ksft_set_plan(9);
	vsyscall = getauxval(AT_SYSINFO);
	if (vdso_open_auxv(&img) || !vsyscall)
		ksft_exit_fail_msg("no vDSO, or no AT_SYSINFO\n");
	test_addresses(&img);
	test_registers(vsyscall, "");
	test_enosys();
	test_six_args();
	test_restart(1);
	test_restart(0);
	test_sigreturn_bytes(&img);
	run_in_child(1, moved_child, NULL);
	ksft_finished();
}

#else

int main(void)
{
	ksft_print_header();
	ksft_exit_skip("__kernel_vsyscall is i386's\n");
}

#endif
