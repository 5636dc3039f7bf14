/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arch glue for the native figure (native.c), in place of the one in
 * shims/: the counter is the host's TSC, read in order as the kernel's
 * rdtsc_ordered() reads it on this CPU. The kernel patches in RDTSCP where
 * the CPU has it, else LFENCE; RDTSC; the Makefile picks the same from
 * /proc/cpuinfo (VDSO_NATIVE_RDTSCP), so the read has no branch.
 * The entry points and the counted system call are those of the test
 * glue (less the aliases): native.c checks that the reads it times make
 * no system call.
 */
#ifndef _TEST_ASM_VDSO_GETTIMEOFDAY_H
#define _TEST_ASM_VDSO_GETTIMEOFDAY_H

#include <linux/compiler.h>
#include <asm/barrier.h>
#include <linux/types.h>
#include <asm/unistd.h>
#include <vdso/clocksource.h>

/* no aliases: vdso/gettime.h's default leaves them out */
#define VDSO_ENTRY(name)	test_vdso_##name

#ifndef VDSO_NATIVE_RDTSCP
#error "the Makefile says which ordered TSC read this CPU takes"
#endif

/* the system call, counted per number (harness.c) */
long vdso_test_syscall3(long nr, long a0, long a1, long a2);

/* the TSC, ordered with the loads before it as a load would be */
static __always_inline u64 vdso_native_tsc(void)
{
	u32 lo, hi;

#if VDSO_NATIVE_RDTSCP
	/* RDTSCP also puts TSC_AUX in ECX */
	asm volatile("rdtscp" : "=a"(lo), "=d"(hi) : : "ecx");
#else
	asm volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
#endif
	return (u64)hi << 32 | lo;
}

static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	if (likely(clock_mode == VDSO_CLOCKMODE_TEST)) {
		*cycles = vdso_native_tsc();
		return true;
	}
	return false;
}

static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	return vdso_test_syscall3(nr, a0, a1, a2);
}

#endif /* _TEST_ASM_VDSO_GETTIMEOFDAY_H */
