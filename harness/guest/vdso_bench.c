// SPDX-License-Identifier: GPL-2.0
/*
 * vdso_bench: the cost of each vDSO function and of its system call.
 *
 * Made to run under QEMU with -icount shift=0, where guest time advances
 * one nanosecond per instruction: nanoseconds per call are then
 * instructions per call, the same on every run. The cost of calling an
 * empty function the same way is taken off, and a first call before the
 * count keeps one-time costs out. Prints one line per function:
 *
 *   BENCH <function> <vDSO insns/call> <syscall insns/call>
 *
 * with "-" where the vDSO lacks the function. harness/bench.sh compares
 * the lines of two kernels.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "vdso_abi.h"
#include "vdso_sym.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define CALLS 100000

typedef long (*fn3)(long, long, long);

struct vgetrandom_params {
	unsigned int size_of_opaque_state;
	unsigned int mmap_prot;
	unsigned int mmap_flags;
	unsigned int reserved[13];
};

typedef long (*getrandom_fn)(void *, size_t, unsigned int, void *, size_t);

static long long now(void)
{
	struct timespec ts;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long empty(long a, long b, long c)
{
	asm volatile("" ::: "memory");
	return a + b + c;
}

/* instructions per call of f(a, b, c), less the cost of an empty call */
static double cost(fn3 f, long a, long b, long c)
{
	static double base = -1;
	long long t0, t1;
	fn3 g = f;
	int i;

	if (base < 0) {
		double b, least = 1e30;

		/* the least of a few: a timer tick must not land in it */
		base = 0;
		for (i = 0; i < 5; i++) {
			b = cost(empty, 0, 0, 0);
			if (b < least)
				least = b;
		}
		base = least;
	}
	asm volatile("" : "+r" (g));	/* a real indirect call, every time */
	g(a, b, c);	/* first-call costs (the RNG's first seeding) stay out */
	t0 = now();
	for (i = 0; i < CALLS; i++)
		g(a, b, c);
	t1 = now();
	return (double)(t1 - t0) / CALLS - base;
}

static long sys3(long nr, long a, long b)
{
	return syscall(nr, a, b, 0);
}

static long sys_getrandom(long buf, long len, long flags)
{
	return syscall(SYS_getrandom, buf, len, flags);
}

static getrandom_fn vgetrandom;
static void *rng_state;
static size_t rng_state_len;

static long vdso_getrandom(long buf, long len, long flags)
{
	return vgetrandom((void *)buf, len, flags, rng_state, rng_state_len);
}

static void line(const char *name, fn3 vdso, long a, long b, long c,
		 fn3 sys, long sa, long sb, long sc)
{
	printf("BENCH %s ", name);
	if (vdso)
		printf("%.1f ", cost(vdso, a, b, c));
	else
		printf("- ");
	printf("%.1f\n", cost(sys, sa, sb, sc));
}

static fn3 sysfn(void)
{
	return (fn3)sys3;
}

int main(void)
{
	static const struct { int id; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "clock_gettime(REALTIME)" },
		{ CLOCK_MONOTONIC, "clock_gettime(MONOTONIC)" },
		{ CLOCK_MONOTONIC_RAW, "clock_gettime(MONOTONIC_RAW)" },
		{ CLOCK_BOOTTIME, "clock_gettime(BOOTTIME)" },
		{ CLOCK_TAI, "clock_gettime(TAI)" },
		{ CLOCK_REALTIME_COARSE, "clock_gettime(REALTIME_COARSE)" },
		{ CLOCK_MONOTONIC_COARSE, "clock_gettime(MONOTONIC_COARSE)" },
	};
	static const long lens[] = { 1, 4, 16, 64, 200, 256, 1024, 4096 };
	static struct timespec ts;
	static struct { long long sec, nsec; } ts64 __attribute__((unused));
	static struct timeval tv;
	static unsigned int cpu;
	static char buf[4096];
	struct vdso_image img;
	fn3 f;
	size_t i;

	if (vdso_open_auxv(&img)) {
		printf("vdso_bench: no vDSO\n");
		return 1;
	}
	f = vdso_lookup(&img, vdso_abi.clock_gettime, vdso_abi.version);
	for (i = 0; i < ARRAY_SIZE(clocks); i++)
		line(clocks[i].name, f, clocks[i].id, (long)&ts, 0,
		     sysfn(), SYS_clock_gettime, clocks[i].id, (long)&ts);
#if __SIZEOF_LONG__ == 4 && defined(SYS_clock_gettime64)
	/* what a 32-bit C library with a 64-bit time_t calls */
	f = vdso_lookup(&img, "__vdso_clock_gettime64", vdso_abi.version);
	line("clock_gettime64(MONOTONIC)", f, CLOCK_MONOTONIC, (long)&ts64, 0,
	     sysfn(), SYS_clock_gettime64, CLOCK_MONOTONIC, (long)&ts64);
#endif
	f = vdso_abi.clock_getres ?
		vdso_lookup(&img, vdso_abi.clock_getres, vdso_abi.version) : NULL;
	line("clock_getres(MONOTONIC)", f, CLOCK_MONOTONIC, (long)&ts, 0,
	     sysfn(), SYS_clock_getres, CLOCK_MONOTONIC, (long)&ts);
	f = vdso_abi.gettimeofday ?
		vdso_lookup(&img, vdso_abi.gettimeofday, vdso_abi.version) : NULL;
	line("gettimeofday", f, (long)&tv, 0, 0,
	     sysfn(), SYS_gettimeofday, (long)&tv, 0);
#ifdef SYS_time
	f = vdso_abi.time ? vdso_lookup(&img, vdso_abi.time, vdso_abi.version) : NULL;
	line("time", f, 0, 0, 0, sysfn(), SYS_time, 0, 0);
#endif
	f = vdso_abi.getcpu ? vdso_lookup(&img, vdso_abi.getcpu, vdso_abi.version) : NULL;
	line("getcpu", f, (long)&cpu, 0, 0, sysfn(), SYS_getcpu, (long)&cpu, 0);

	/* getrandom, where the vDSO has it (any of the usual names) */
	vgetrandom = vdso_lookup(&img, "__vdso_getrandom", NULL);
	if (!vgetrandom)
		vgetrandom = vdso_lookup(&img, "__kernel_getrandom", NULL);
	if (vgetrandom) {
		struct vgetrandom_params p;

		if (vgetrandom(NULL, 0, 0, &p, ~0UL) == 0) {
			rng_state_len = p.size_of_opaque_state;
			rng_state = mmap(NULL, rng_state_len, p.mmap_prot,
					 p.mmap_flags, -1, 0);
			if (rng_state == MAP_FAILED)
				vgetrandom = NULL;
		} else {
			vgetrandom = NULL;
		}
	}
	/* lengths around the batch (224 bytes) and the block (64) */
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		char name[32];

		snprintf(name, sizeof(name), "getrandom(%ld)", lens[i]);
		line(name, vgetrandom ? vdso_getrandom : NULL,
		     (long)buf, lens[i], 0, sys_getrandom, (long)buf, lens[i], 0);
	}

	/* the same clock read in a time namespace, by a child */
	f = vdso_lookup(&img, vdso_abi.clock_gettime, vdso_abi.version);
	if (!unshare(CLONE_NEWTIME)) {
		pid_t pid = fork();

		if (!pid) {
			line("clock_gettime(MONOTONIC),timens", f, CLOCK_MONOTONIC,
			     (long)&ts, 0, sysfn(), SYS_clock_gettime,
			     CLOCK_MONOTONIC, (long)&ts);
			fflush(stdout);
			_exit(0);
		}
		waitpid(pid, NULL, 0);
	}
	return 0;
}
