/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The harness's arch glue for lib/vdso/gettimeofday.c: the entry points
 * are test_vdso_*() (and test_vdso_alias_*()), the counter is a variable
 * the tests set, the system call goes to a function that counts and
 * answers it (harness.c), and getrandom() gets x86-64's vector ChaCha20.
 */
#ifndef _TEST_ASM_VDSO_GETTIMEOFDAY_H
#define _TEST_ASM_VDSO_GETTIMEOFDAY_H

#include <linux/compiler.h>
/*
 * lib/vdso/gettimeofday.c uses smp_rmb() without including this; the x86
 * glue brings it in through asm/msr.h, so this glue does it openly.
 */
#include <asm/barrier.h>
#include <linux/types.h>
#include <asm/unistd.h>
#include <vdso/clocksource.h>

#define VDSO_ENTRY(name)	test_vdso_##name
/* vdso_test.h declares the second names */
#define VDSO_ALIAS(name)						\
	asm(".globl test_vdso_alias_" #name "\n\t"			\
	    ".set test_vdso_alias_" #name ", test_vdso_" #name)

/* the one clock mode vdso_read_counter() can read */
extern s32 vdso_test_readable_mode;
/* what the counter reads */
extern u64 vdso_test_cycles;
/* counter reads by this thread: the torture test counts retries with it */
extern __thread unsigned long vdso_test_counter_reads;
/* calls of the slow path's vdso_read_counter() by this thread */
extern __thread unsigned long vdso_test_slow_reads;
/* the system call, counted per number */
long vdso_test_syscall3(long nr, long a0, long a1, long a2);

static __always_inline bool vdso_read_counter_fast(s32 clock_mode, u64 *cycles)
{
	if (clock_mode != READ_ONCE(vdso_test_readable_mode))
		return false;
	vdso_test_counter_reads++;
	*cycles = READ_ONCE(vdso_test_cycles);
	return true;
}

#define vdso_read_counter_fast	vdso_read_counter_fast

/* the mode vdso_read_counter() alone reads, as x86's hypervisors' clocks */
static __always_inline bool vdso_clock_mode_out_of_line(s32 clock_mode)
{
	return clock_mode == VDSO_CLOCKMODE_TEST_SLOW;
}

static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	vdso_test_slow_reads++;
	if (clock_mode == VDSO_CLOCKMODE_TEST_SLOW) {
		vdso_test_counter_reads++;
		*cycles = READ_ONCE(vdso_test_cycles);
		return true;
	}
	return vdso_read_counter_fast(clock_mode, cycles);
}

static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	return vdso_test_syscall3(nr, a0, a1, a2);
}

/*
 * getrandom()'s ChaCha20 on the XMM registers, as x86-64 builds it (with
 * SSE2), unless this is the scalar build (VDSO_TEST_NO_VECTORS). The wipe
 * zeroes xmm0-xmm15 as x86-64's does, and also counts its calls: a test
 * tells from the count which path a build took.
 */
extern unsigned long vdso_test_vector_wipes;

#ifndef VDSO_TEST_NO_VECTORS
#ifndef __SSE2__
#error "the vector build of getrandom() needs SSE2"
#endif
#define VDSO_CHACHA_VECTORS	1

static __always_inline void vdso_vector_wipe(void)
{
	asm volatile (".irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n\t"
		      "pxor	%%xmm\\r, %%xmm\\r\n\t"
		      ".endr"
		      : : : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6",
			    "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
			    "xmm14", "xmm15");
	vdso_test_vector_wipes++;
}
#endif

#endif /* _TEST_ASM_VDSO_GETTIMEOFDAY_H */
