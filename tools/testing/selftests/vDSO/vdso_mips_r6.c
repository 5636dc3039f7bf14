// SPDX-License-Identifier: GPL-2.0
/*
 * The mips vDSO on the GIC's counter, on a Release 6 CPU with two of them.
 *
 * QEMU shows a GIC only with a Release 6 CPU (malta with an I6400), and
 * Debian's mips64el C library is Release 2 code, which such a CPU does
 * not run (not even its jr): so this program is freestanding, built with
 * -march=mips64r6 -nostdlib -static, and makes its system calls itself.
 * Run as process 1 it is the whole guest: it mounts sysfs, prints the
 * markers harness/guest/init.c prints around a test, and resets at the
 * end.
 *
 * For each clocksource in turn, GIC (the vDSO reads the GIC's counter),
 * MIPS (CP0 Count) and jiffies (no counter: the system call):
 * - clock_gettime() of each clock, from the vDSO, lies between two system
 *   calls around it, on CPU 0 and on CPU 1; so does gettimeofday();
 * - clock_getres() of each clock, and of an invalid one, says what the
 *   system call says;
 * - a child whose seccomp filter kills it at any clock_gettime(),
 *   gettimeofday() or clock_getres() system call survives every vDSO call
 *   on GIC and MIPS, and is killed by the first on jiffies, which shows
 *   that the vDSO made no system call where it should not, and one where
 *   it must.
 * The clocksource is put back as it was at the end.
 */

#define NR(n)			(5000 + (n))
#define NR_read			NR(0)
#define NR_write		NR(1)
#define NR_close		NR(3)
#define NR_sched_yield		NR(23)
#define NR_getpid		NR(38)
#define NR_clone		NR(55)
#define NR_wait4		NR(59)
#define NR_mkdir		NR(81)
#define NR_gettimeofday		NR(94)
#define NR_prctl		NR(153)
#define NR_sync			NR(157)
#define NR_mount		NR(160)
#define NR_reboot		NR(164)
#define NR_sched_setaffinity	NR(195)
#define NR_exit_group		NR(205)
#define NR_clock_gettime	NR(222)
#define NR_clock_getres		NR(223)
#define NR_openat		NR(247)
#define NR_seccomp		NR(312)

#define AT_FDCWD		-100
#define O_RDONLY		0
#define O_WRONLY		1
#define SIGCHLD			18	/* mips numbers */
#define SIGSYS			12
#define EINVAL			22
#define AT_SYSINFO_EHDR		33
#define PR_SET_NO_NEW_PRIVS	38
#define SECCOMP_SET_MODE_FILTER	1
#define SECCOMP_RET_KILL_PROCESS 0x80000000U
#define SECCOMP_RET_ALLOW	0x7fff0000U
#define REBOOT_MAGIC1		0xfee1dead
#define REBOOT_MAGIC2		672274793
#define REBOOT_CMD_RESTART	0x01234567

#define CLOCKSOURCE "/sys/devices/system/clocksource/clocksource0/current_clocksource"

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

typedef unsigned long u64;	/* n64: long is 64 bits */
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;

struct timespec {
	long tv_sec;
	long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

/* n64: the number in v0, arguments in a0-a5, a3 set on failure */
static long sys(long nr, long a, long b, long c, long d, long e)
{
	register long v0 asm("$2") = nr;
	register long a0 asm("$4") = a;
	register long a1 asm("$5") = b;
	register long a2 asm("$6") = c;
	register long a3 asm("$7") = d;
	register long a4 asm("$8") = e;

	asm volatile ("syscall"
		      : "+r" (v0), "+r" (a3), "+r" (a4)
		      : "r" (a0), "r" (a1), "r" (a2)
		      : "$1", "$3", "$9", "$10", "$11", "$12", "$13", "$14",
			"$15", "$24", "$25", "memory");
	return a3 ? -v0 : v0;
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

static void put_num(long v)
{
	char b[24];
	int i = sizeof(b) - 1, neg = v < 0;
	u64 u = neg ? -(u64)v : (u64)v;

	b[i] = 0;
	do {
		b[--i] = '0' + u % 10;
		u /= 10;
	} while (u);
	if (neg)
		b[--i] = '-';
	put(b + i);
}

static int tests, failed;

static void result(int ok, const char *what, const char *when)
{
	put(ok ? "ok " : "not ok ");
	put_num(++tests);
	put(" ");
	put(when);
	put(": ");
	put(what);
	put("\n");
	failed += !ok;
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* The vDSO's entries, from its dynamic symbol table (DT_HASH: mips) */
typedef long (*gettime_t)(long clk, struct timespec *ts);
typedef long (*gettimeofday_t)(struct timeval *tv, void *tz);

static void *vdso_sym(u64 base, const char *name)
{
	const u8 *e = (const u8 *)base;
	const u8 *ph = e + *(const u64 *)(e + 32);
	u16 phnum = *(const u16 *)(e + 56), i;
	const u64 *dyn = 0;
	const u32 *hash = 0;
	const u8 *sym = 0;
	const char *str = 0;
	u64 load = 0;
	u32 n;

	for (i = 0; i < phnum; i++, ph += 56) {
		u32 type = *(const u32 *)ph;
		u64 vaddr = *(const u64 *)(ph + 16);

		if (type == 1 && !load)		/* PT_LOAD: the bias */
			load = base - (vaddr & ~4095UL);
		if (type == 2)			/* PT_DYNAMIC */
			dyn = (const u64 *)vaddr;
	}
	if (!dyn)
		return 0;
	dyn = (const u64 *)((u64)dyn + load);
	for (; dyn[0]; dyn += 2) {
		if (dyn[0] == 4)		/* DT_HASH */
			hash = (const u32 *)(dyn[1] + load);
		if (dyn[0] == 5)		/* DT_STRTAB */
			str = (const char *)(dyn[1] + load);
		if (dyn[0] == 6)		/* DT_SYMTAB */
			sym = (const u8 *)(dyn[1] + load);
	}
	if (!hash || !str || !sym)
		return 0;
	/* nchain: every symbol; Elf64_Sym is 24 bytes, st_value at 8 */
	for (n = 0; n < hash[1]; n++) {
		const u8 *s = sym + 24 * n;

		if (*(const u16 *)(s + 6) && streq(str + *(const u32 *)s, name))
			return (void *)(*(const u64 *)(s + 8) + load);
	}
	return 0;
}

static gettime_t vdso_gettime, vdso_getres;
static gettimeofday_t vdso_gettimeofday;

static int pin(int cpu)
{
	u64 mask = 1UL << cpu;

	return sys(NR_sched_setaffinity, 0, sizeof(mask), (long)&mask, 0, 0) == 0;
}

static int before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec <= b->tv_nsec);
}

static const long clocks[] = { 0, 1, 4, 5, 6, 7, 11 };	/* all but CPU time */
#define NCLOCKS ARRAY_SIZE(clocks)

/* The vDSO's time of each clock between two system calls, @n times */
static int gettime_bracketed(int n)
{
	struct timespec a, v, b;
	unsigned int c;
	int i;

	for (i = 0; i < n; i++) {
		for (c = 0; c < NCLOCKS; c++) {
			if (sys(NR_clock_gettime, clocks[c], (long)&a, 0, 0, 0) ||
			    vdso_gettime(clocks[c], &v) ||
			    sys(NR_clock_gettime, clocks[c], (long)&b, 0, 0, 0))
				return 0;
			if (!before(&a, &v) || !before(&v, &b) ||
			    v.tv_nsec < 0 || v.tv_nsec >= 1000000000) {
				put("# clock ");
				put_num(clocks[c]);
				put(": ");
				put_num(a.tv_sec);
				put(".");
				put_num(a.tv_nsec);
				put(" ");
				put_num(v.tv_sec);
				put(".");
				put_num(v.tv_nsec);
				put(" ");
				put_num(b.tv_sec);
				put(".");
				put_num(b.tv_nsec);
				put("\n");
				return 0;
			}
		}
	}
	return 1;
}

static int gettimeofday_bracketed(int n)
{
	struct timeval a, v, b;
	int i;

	for (i = 0; i < n; i++) {
		if (sys(NR_gettimeofday, (long)&a, 0, 0, 0, 0) ||
		    vdso_gettimeofday(&v, 0) ||
		    sys(NR_gettimeofday, (long)&b, 0, 0, 0, 0))
			return 0;
		if (a.tv_sec * 1000000 + a.tv_usec > v.tv_sec * 1000000 + v.tv_usec ||
		    v.tv_sec * 1000000 + v.tv_usec > b.tv_sec * 1000000 + b.tv_usec ||
		    v.tv_usec < 0 || v.tv_usec >= 1000000)
			return 0;
	}
	return 1;
}

static int getres_same(void)
{
	static const long ids[] = { 0, 1, 4, 5, 6, 7, 11, 2, 3, 16, -1, 100 };
	struct timespec s, v;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		long rs, rv;

		s.tv_sec = -7;
		s.tv_nsec = -7;
		v = s;
		rs = sys(NR_clock_getres, ids[i], (long)&s, 0, 0, 0);
		rv = vdso_getres(ids[i], &v);
		if (rs != rv || s.tv_sec != v.tv_sec || s.tv_nsec != v.tv_nsec) {
			put("# clock_getres(");
			put_num(ids[i]);
			put("): system call ");
			put_num(rs);
			put(", vDSO ");
			put_num(rv);
			put("\n");
			return 0;
		}
	}
	return vdso_getres(-1, 0) == -EINVAL;
}

/*
 * In a child that any clock system call kills: every clock through the
 * vDSO. The child's wait status (0: it made none).
 */
static long child_status(void)
{
	/* the system call's number; kill on the three; allow the rest */
	static const struct {
		u16 code;
		u8 jt, jf;
		u32 k;
	} filter[] = {
		{ 0x20, 0, 0, 0 },			/* ld [nr] */
		{ 0x15, 3, 0, NR_clock_gettime },	/* jeq -> kill */
		{ 0x15, 2, 0, NR_gettimeofday },
		{ 0x15, 1, 0, NR_clock_getres },
		{ 0x06, 0, 0, SECCOMP_RET_ALLOW },	/* ret */
		{ 0x06, 0, 0, SECCOMP_RET_KILL_PROCESS },
	};
	struct {
		u16 len;
		const void *filter;
	} prog = { ARRAY_SIZE(filter), filter };
	int status = -1;
	long pid;

	pid = sys(NR_clone, SIGCHLD, 0, 0, 0, 0);
	if (pid < 0)
		return -1;
	if (!pid) {
		struct timespec ts;
		struct timeval tv;
		unsigned int c;
		int bad = 0;

		if (sys(NR_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
		    sys(NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, (long)&prog, 0, 0))
			sys(NR_exit_group, 100, 0, 0, 0, 0);
		for (c = 0; c < NCLOCKS; c++) {
			bad |= vdso_gettime(clocks[c], &ts) != 0;
			bad |= vdso_getres(clocks[c], &ts) != 0;
		}
		bad |= vdso_gettimeofday(&tv, 0) != 0;
		sys(NR_exit_group, bad, 0, 0, 0, 0);
	}
	if (sys(NR_wait4, pid, (long)&status, 0, 0, 0) != pid)
		return -1;
	return status;
}

static int read_clocksource(char *buf, int size)
{
	long fd = sys(NR_openat, AT_FDCWD, (long)CLOCKSOURCE, O_RDONLY, 0, 0);
	long n;

	if (fd < 0)
		return 0;
	n = sys(NR_read, fd, (long)buf, size - 1, 0, 0);
	sys(NR_close, fd, 0, 0, 0, 0);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	if (buf[n - 1] == '\n')
		buf[n - 1] = 0;
	return 1;
}

static int set_clocksource(const char *name)
{
	long fd = sys(NR_openat, AT_FDCWD, (long)CLOCKSOURCE, O_WRONLY, 0, 0);
	char now[64];
	long n;

	if (fd < 0)
		return 0;
	n = sys(NR_write, fd, (long)name, len(name), 0, 0);
	sys(NR_close, fd, 0, 0, 0, 0);
	return n == (long)len(name) && read_clocksource(now, sizeof(now)) &&
	       streq(now, name);
}

/* Everything on clocksource @cs; @vdso: whether the vDSO reads it */
static void run_on(const char *cs, int vdso)
{
	long status;
	int cpu;

	result(set_clocksource(cs), "clocksource switched", cs);
	for (cpu = 0; cpu < 2; cpu++) {
		int ok = pin(cpu);

		result(ok && gettime_bracketed(2000),
		       cpu ? "CPU 1: clock_gettime() of every clock between two system calls" :
			     "CPU 0: clock_gettime() of every clock between two system calls", cs);
		result(ok && gettimeofday_bracketed(2000),
		       cpu ? "CPU 1: gettimeofday() between two system calls" :
			     "CPU 0: gettimeofday() between two system calls", cs);
	}
	result(getres_same(), "clock_getres() as the system call, invalid clocks included", cs);
	status = child_status();
	if (vdso) {
		result(status == 0, "no clock system call from the vDSO", cs);
	} else {
		result((status & 0x7f) == SIGSYS,
		       "the vDSO makes the system call (the seccomp proof has teeth)", cs);
	}
	if (vdso ? status != 0 : (status & 0x7f) != SIGSYS) {
		put("# child status ");
		put_num(status);
		put("\n");
	}
}

static int run(u64 base)
{
	char was[64];

	put("TAP version 13\n1..");
	put_num(3 + 3 * 7);
	put("\n");
	vdso_gettime = vdso_sym(base, "__vdso_clock_gettime");
	vdso_getres = vdso_sym(base, "__vdso_clock_getres");
	vdso_gettimeofday = vdso_sym(base, "__vdso_gettimeofday");
	result(vdso_gettime && vdso_getres && vdso_gettimeofday,
	       "the vDSO exports clock_gettime, clock_getres, gettimeofday", "start");
	if (!vdso_gettime || !vdso_getres || !vdso_gettimeofday)
		return 1;
	result(read_clocksource(was, sizeof(was)) && streq(was, "GIC"),
	       "the kernel boots on the GIC", "start");
	result(pin(1) && pin(0), "two CPUs", "start");
	run_on("GIC", 1);
	run_on("MIPS", 1);
	run_on("jiffies", 0);
	set_clocksource(was);
	put(failed ? "# FAIL\n" : "# all passed\n");
	return failed ? 1 : 0;
}

long cmain(u64 *sp)
{
	u64 argc = sp[0], *auxv = sp + 1 + argc + 1, base = 0;
	int init = sys(NR_getpid, 0, 0, 0, 0, 0) == 1, rc;

	while (*auxv++)		/* the environment */
		;
	for (; auxv[0]; auxv += 2)
		if (auxv[0] == AT_SYSINFO_EHDR)
			base = auxv[1];
	if (init) {
		sys(NR_mkdir, (long)"/sys", 0755, 0, 0, 0);
		sys(NR_mount, (long)"sysfs", (long)"/sys", (long)"sysfs", 0, 0);
		put("### BEGIN vdso_mips_r6\n");
	}
	rc = base ? run(base) : 1;
	if (!base)
		put("# no vDSO\n");
	if (init) {
		put("### END vdso_mips_r6 rc=");
		put_num(rc);
		put("\n### ALL DONE\n");
		sys(NR_sync, 0, 0, 0, 0, 0);
		sys(NR_reboot, REBOOT_MAGIC1, REBOOT_MAGIC2, REBOOT_CMD_RESTART, 0, 0);
	}
	sys(NR_exit_group, rc, 0, 0, 0, 0);
	return 0;
}

/*
 * The stack pointer as the kernel leaves it, to cmain(), called through
 * t9 as position-independent mips code expects, $gp set up from a bal.
 */
asm (".text\n"
	".globl	__start\n"
	".set	push\n"
	".set	noreorder\n"
	"__start:\n"
	"	move	$4, $sp\n"
	"	daddiu	$sp, $sp, -32\n"
	"	bal	1f\n"
	"	 nop\n"
	"1:	.cpsetup $31, $8, 1b\n"
	"	ld	$25, %call16(cmain)($28)\n"
	"	jalr	$25\n"
	"	 nop\n"
	".set	pop\n");
