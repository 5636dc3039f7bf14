// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers shared by the vDSO tests.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vdso_abi.h"
#include "vdso_util.h"

static void *lookup(const struct vdso_image *img, const char *name)
{
	return name ? vdso_lookup(img, name, vdso_abi.version) : NULL;
}

/* Is an entry point the table names missing? Say which, as TAP notes. */
static int missing(const char *name, void *fn)
{
	if (!name || fn)
		return 0;
	printf("# %s@%s not found in the vDSO\n", name, vdso_abi.version);
	return 1;
}

#ifdef __powerpc64__
/*
 * vdso_call_raw(fn, out, a, b, c, d, e): call @fn with CR0.SO set, store
 * the CR it returns with in out[0] and how it changed r2 in out[1], and
 * return its r3.
 */
long vdso_call_raw(const void *fn, long *out, long a, long b, long c,
		   long d, long e);
asm(".text\n"
	".globl	vdso_call_raw\n"
	".type	vdso_call_raw, @function\n"
	"vdso_call_raw:\n"
	"	mflr	0\n"
	"	std	0, 16(1)\n"
	"	std	2, 24(1)\n"
	"	stdu	1, -48(1)\n"
	"	std	4, 32(1)\n"
	"	mtctr	3\n"
	"	mr	12, 3\n"
	"	mr	3, 5\n"
	"	mr	4, 6\n"
	"	mr	5, 7\n"
	"	mr	6, 8\n"
	"	mr	7, 9\n"
	"	crset	3\n"
	"	bctrl\n"
	"	mfcr	0\n"
	"	ld	4, 32(1)\n"
	"	std	0, 0(4)\n"
	"	ld	5, 48 + 24(1)\n"
	"	subf	5, 5, 2\n"
	"	std	5, 8(4)\n"
	"	addi	1, 1, 48\n"
	"	ld	2, 24(1)\n"
	"	ld	0, 16(1)\n"
	"	mtlr	0\n"
	"	blr\n"
	".size	vdso_call_raw, . - vdso_call_raw\n");

long vdso_call(const void *fn, long a, long b, long c, long d, long e)
{
	long out[2], r;

	r = vdso_call_raw(fn, out, a, b, c, d, e);
	if (out[1])
		return VDSO_CALL_BAD;		/* r2 not kept */
	if (out[0] & 0x10000000)		/* CR0.SO: r is errno */
		return r > 0 && r < 4096 ? -r : VDSO_CALL_BAD;
	/* no function called so returns a negative result */
	return r < 0 ? VDSO_CALL_BAD : r;
}

/* The entries, called the powerpc way, as C functions */
static struct vdso_fns ppc_raw;

static int ppc_clock_gettime(clockid_t clk, struct timespec *ts)
{
	long r = vdso_call(ppc_raw.clock_gettime, clk, (long)ts, 0, 0, 0);

	return r < -4095 || r > 0 ? VDSO_CALL_BAD : r;
}

static int ppc_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	long r = vdso_call(ppc_raw.gettimeofday, (long)tv, (long)tz, 0, 0, 0);

	return r < -4095 || r > 0 ? VDSO_CALL_BAD : r;
}

static time_t ppc_time(time_t *t)
{
	long out[2], r;

	/* never fails: SO clear, whatever the time */
	r = vdso_call_raw(ppc_raw.time, out, (long)t, 0, 0, 0, 0);
	return out[1] || (out[0] & 0x10000000) ? VDSO_CALL_BAD : r;
}

static long ppc_getcpu(unsigned int *cpu, unsigned int *node, void *cache)
{
	return vdso_call(ppc_raw.getcpu, (long)cpu, (long)node, (long)cache, 0, 0);
}

static int ppc_clock_getres(clockid_t clk, struct timespec *res)
{
	long r = vdso_call(ppc_raw.clock_getres, clk, (long)res, 0, 0, 0);

	return r < -4095 || r > 0 ? VDSO_CALL_BAD : r;
}
#endif

void vdso_fns_lookup(struct vdso_fns *fns, const struct vdso_image *img)
{
	fns->clock_gettime = lookup(img, vdso_abi.clock_gettime);
	fns->gettimeofday = lookup(img, vdso_abi.gettimeofday);
	fns->time = lookup(img, vdso_abi.time);
	fns->getcpu = lookup(img, vdso_abi.getcpu);
	fns->clock_getres = lookup(img, vdso_abi.clock_getres);
#ifdef __powerpc64__
	ppc_raw = *fns;
	if (fns->clock_gettime)
		fns->clock_gettime = ppc_clock_gettime;
	if (fns->gettimeofday)
		fns->gettimeofday = ppc_gettimeofday;
	if (fns->time)
		fns->time = ppc_time;
	if (fns->getcpu)
		fns->getcpu = ppc_getcpu;
	if (fns->clock_getres)
		fns->clock_getres = ppc_clock_getres;
#endif
}

int vdso_fns_init(struct vdso_image *img, struct vdso_fns *fns)
{
	memset(fns, 0, sizeof(*fns));
	if (vdso_open_auxv(img)) {
		printf("# no usable vDSO at AT_SYSINFO_EHDR\n");
		return -1;
	}
	vdso_fns_lookup(fns, img);
	return missing(vdso_abi.clock_gettime, fns->clock_gettime) |
	       missing(vdso_abi.gettimeofday, fns->gettimeofday) |
	       missing(vdso_abi.time, fns->time) |
	       missing(vdso_abi.getcpu, fns->getcpu) |
	       missing(vdso_abi.clock_getres, fns->clock_getres) ? -1 : 0;
}

static long sys_result(long ret)
{
	return ret == -1 ? -errno : ret;
}

int sys_clock_gettime(clockid_t clk, struct timespec *ts)
{
	return sys_result(syscall(SYS_clock_gettime, clk, ts));
}

int sys_clock_getres(clockid_t clk, struct timespec *res)
{
	return sys_result(syscall(SYS_clock_getres, clk, res));
}

int sys_clock_settime(clockid_t clk, const struct timespec *ts)
{
	return sys_result(syscall(SYS_clock_settime, clk, ts));
}

int sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return sys_result(syscall(SYS_gettimeofday, tv, tz));
}

long sys_time(time_t *t)
{
#ifdef SYS_time
	return sys_result(syscall(SYS_time, t));
#else
	struct timespec ts;
	int ret = sys_clock_gettime(CLOCK_REALTIME, &ts);

	if (ret)
		return ret;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
#endif
}

int sys_getcpu(unsigned int *cpu, unsigned int *node)
{
	return sys_result(syscall(SYS_getcpu, cpu, node, NULL));
}

const char *clock_name(clockid_t clk)
{
	static const char * const names[] = {
		"CLOCK_REALTIME", "CLOCK_MONOTONIC",
		"CLOCK_PROCESS_CPUTIME_ID", "CLOCK_THREAD_CPUTIME_ID",
		"CLOCK_MONOTONIC_RAW", "CLOCK_REALTIME_COARSE",
		"CLOCK_MONOTONIC_COARSE", "CLOCK_BOOTTIME",
		"CLOCK_REALTIME_ALARM", "CLOCK_BOOTTIME_ALARM",
		"CLOCK_SGI_CYCLE", "CLOCK_TAI",
	};

	if (clk >= 0 && clk < (clockid_t)ARRAY_SIZE(names))
		return names[clk];
	return "clock";
}

static int cmdline_has(const char *word)
{
	char buf[4096];
	size_t len = strlen(word);
	ssize_t n;
	char *p;
	int fd;

	fd = open("/proc/cmdline", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	for (p = strstr(buf, word); p; p = strstr(p + 1, word)) {
		int starts = p == buf || p[-1] == ' ';
		int ends = p[len] == '\0' || p[len] == ' ' || p[len] == '\n';

		if (starts && ends)
			return 1;
	}
	return 0;
}

int test_flag(const char *env, const char *param)
{
	const char *v = getenv(env);
	char word[128];

	if (v && !strcmp(v, "1"))
		return 1;
	snprintf(word, sizeof(word), "%s=1", param);
	return cmdline_has(word);
}

int clocks_may_change(void)
{
	return test_flag("VDSO_TEST_MAY_CHANGE_CLOCKS",
			 "vdso_test.may_change_clocks");
}

int maps_find(const char *name, struct map_entry *m)
{
	char line[512], perms[8], path[256];
	unsigned long start, end;
	int count = 0;
	FILE *f;

	f = fopen("/proc/self/maps", "re");
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		path[0] = '\0';
		if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %255s",
			   &start, &end, perms, path) < 3)
			continue;
		if (strcmp(path, name))
			continue;
		if (!count++) {
			m->start = start;
			m->end = end;
			snprintf(m->perms, sizeof(m->perms), "%s", perms);
		}
	}
	fclose(f);
	return count;
}

int read_line(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0) {
		n = -errno;
		close(fd);
		return n;
	}
	close(fd);
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

int write_str(const char *path, const char *s)
{
	size_t len = strlen(s);
	ssize_t n;
	int fd, ret = 0;

	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, s, len);
	if (n < 0)
		ret = -errno;
	else if ((size_t)n != len)
		ret = -EIO;
	close(fd);
	return ret;
}

void child_report_send(int fd, int status, const char *msg)
{
	struct child_report rep = { .status = status };

	snprintf(rep.msg, sizeof(rep.msg), "%s", msg);
	if (write(fd, &rep, sizeof(rep)) != sizeof(rep))
		_exit(2);
}

int child_collect(void (*fn)(int fd, void *arg), void *arg,
		  struct child_report *out, int max, int *wstatus)
{
	struct child_report rep;
	int fds[2], got = 0;
	pid_t pid;

	*wstatus = 0;
	if (pipe2(fds, O_CLOEXEC))
		return 0;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return 0;
	}
	if (!pid) {
		close(fds[0]);
		fn(fds[1], arg);
		_exit(0);
	}
	close(fds[1]);
	while (read(fds[0], &rep, sizeof(rep)) == sizeof(rep))
		if (got < max)
			out[got++] = rep;
	close(fds[0]);
	while (waitpid(pid, wstatus, 0) < 0 && errno == EINTR)
		;
	return got;
}

#if defined(__x86_64__)
#define THIS_AUDIT_ARCH	AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define THIS_AUDIT_ARCH	AUDIT_ARCH_AARCH64
#elif defined(__riscv) && __riscv_xlen == 64
#define THIS_AUDIT_ARCH	AUDIT_ARCH_RISCV64
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define THIS_AUDIT_ARCH	AUDIT_ARCH_PPC64LE
#elif defined(__s390x__)
#define THIS_AUDIT_ARCH	AUDIT_ARCH_S390X
#elif defined(__mips__) && _MIPS_SIM == _ABI64
#define THIS_AUDIT_ARCH	AUDIT_ARCH_MIPSEL64
#elif defined(__arm__)
#define THIS_AUDIT_ARCH	AUDIT_ARCH_ARM
#elif defined(__i386__)
#define THIS_AUDIT_ARCH	AUDIT_ARCH_I386
#endif

int block_syscalls(const unsigned int *nrs, unsigned int n, unsigned int action)
{
	struct sock_filter f[64];
	struct sock_fprog prog = { .filter = f };
	unsigned int i, len = 0;

	if (2 * n + 5 > ARRAY_SIZE(f))
		return -E2BIG;
	/* another architecture's system call numbers mean other calls */
	f[len++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					       offsetof(struct seccomp_data, arch));
	f[len++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
					       THIS_AUDIT_ARCH, 1, 0);
	f[len++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
					       SECCOMP_RET_KILL_PROCESS);
	f[len++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
					       offsetof(struct seccomp_data, nr));
	for (i = 0; i < n; i++) {
		/* nr == nrs[i]? the next statement answers; else skip it */
		f[len++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
						       nrs[i], 0, 1);
		f[len++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, action);
	}
	f[len++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	prog.len = len;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -errno;
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		return -errno;
	return 0;
}

uintptr_t maps_reserve(size_t len)
{
	void *p = mmap(NULL, len, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	return p == MAP_FAILED ? 0 : (uintptr_t)p;
}

#ifdef __s390x__
/* vdso_s390_call(): see vdso_util.h */
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
#endif

#ifdef __i386__
/*
 * 32-bit glibc makes every system call through __kernel_vsyscall, at the
 * address it keeps in its thread control block (%gs:0x10) and, in a
 * static program, in _dl_sysinfo. Once [vdso] has moved, those follow,
 * before anything else makes a system call: what a checkpoint/restore
 * tool gets by putting the vDSO back where the C library expects it.
 */
#pragma weak _dl_sysinfo

void libc_sysinfo_follow(uintptr_t lo, uintptr_t hi, uintptr_t to)
{
	uintptr_t si;

	asm volatile("movl %%gs:0x10, %0" : "=r"(si));
	if (si >= lo && si < hi) {
		si += to - lo;
		asm volatile("movl %0, %%gs:0x10" : : "r"(si) : "memory");
	}
	if (&_dl_sysinfo && _dl_sysinfo >= lo && _dl_sysinfo < hi)
		_dl_sysinfo += to - lo;
}
#endif

int maps_move(const struct map_entry *m, uintptr_t to)
{
	size_t len = m->end - m->start;
	void *p = mremap((void *)m->start, len, len,
			 MREMAP_MAYMOVE | MREMAP_FIXED, (void *)to);

#ifdef __i386__
	if (p != MAP_FAILED)
		libc_sysinfo_follow(m->start, m->end, to);
#endif
	return p == MAP_FAILED ? -errno : 0;
}
