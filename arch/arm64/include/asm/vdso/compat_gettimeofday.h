/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Glue for the AArch32 vDSO of an arm64 kernel: arm's image (the same
 * exports, arch/arm/vdso/vdso.lds.S), built by arch/arm64/kernel/vdso32
 * with the 32-bit compiler against this kernel's headers and config.
 * Included by asm/vdso/gettimeofday.h when the compiler targets AArch32.
 */
#ifndef __ASM_VDSO_COMPAT_GETTIMEOFDAY_H
#define __ASM_VDSO_COMPAT_GETTIMEOFDAY_H

#include <asm/unistd_compat_32.h>
#include <vdso/clocksource.h>

#define VDSO_ENTRY(name)	__vdso_##name
/* one register for the time page: else GCC forms it again for the retry */
#define VDSO_TIME_PAGE_IN_REGISTER

/* The system calls the library falls back to, by their AArch32 numbers */
#define __NR_clock_gettime		__NR_compat32_clock_gettime
#define __NR_clock_gettime64		__NR_compat32_clock_gettime64
#define __NR_clock_getres		__NR_compat32_clock_getres
#define __NR_clock_getres_time64	__NR_compat32_clock_getres_time64
#define __NR_gettimeofday		__NR_compat32_gettimeofday
#define __NR_getrandom			__NR_compat32_getrandom

/*
 * The virtual count, between two ISBs: the first keeps the read after
 * the loads of the data before it, the second keeps the loads after it
 * (the sequence count) from being done first. Only ARCHTIMER: a counter
 * with errata only the 64-bit vDSO handles is ARCHTIMER_NOCOMPAT.
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	u64 cnt;

	if (unlikely(clock_mode != VDSO_CLOCKMODE_ARCHTIMER))
		return false;
	asm volatile ("isb\n\t"
		      "mrrc	p15, 1, %Q0, %R0, c14\n\t"
		      "isb"
		      : "=r" (cnt) : : "memory");
	*cycles = cnt;
	return true;
}

#undef smp_load_acquire
/*
 * arm64's smp_load_acquire() is AArch64 code. The library's one use, the
 * sequence count, is a u32: ARMv8's AArch32 LDA reads it the same way,
 * no load or store after it done before it.
 */
#define smp_load_acquire(p)						\
({									\
	const u32 *__p = (p);						\
	u32 __v;							\
									\
	asm volatile ("lda	%0, %1" : "=r" (__v) : "Q" (*__p) : "memory");	\
	__v;								\
})

/* EABI: the arguments in r0-r2, the number in r7, the result in r0 */
static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	asm volatile ("mov	r0, %1\n\t"
		      "mov	r1, %2\n\t"
		      "mov	r2, %3\n\t"
		      "mov	r7, %4\n\t"
		      "svc	#0\n\t"
		      "mov	%0, r0"
		      : "=r" (ret)
		      : "r" (a0), "r" (a1), "r" (a2), "r" (nr)
		      : "r0", "r1", "r2", "r7", "memory");
	return ret;
}

/*
 * getrandom() is built with NEON (see the Makefile), which every ARMv8
 * CPU has in AArch32 as well: ChaCha20 then runs on the Q registers,
 * rotating by VSHL and VSRI, and they are cleared of key material before
 * returning. Naming d8-d15 clobbered makes the compiler save and restore
 * them, which the caller owns (AAPCS).
 */
#ifdef __ARM_NEON
#define VDSO_CHACHA_VECTORS	1

#define vdso_arch_vrotl32(v, n) ({					\
	__typeof__(v) __v = (v), __r;					\
	const int __n = (n);						\
									\
	__r = __v << __n;						\
	asm ("vsri.32	%q0, %q1, %2" : "+w" (__r) : "w" (__v), "i" (32 - __n));	\
	__r;								\
})

static __always_inline void vdso_vector_wipe(void)
{
	asm volatile ("vmov.i32	q0, #0\n\tvmov.i32	q1, #0\n\t"
		      "vmov.i32	q2, #0\n\tvmov.i32	q3, #0\n\t"
		      "vmov.i32	q4, #0\n\tvmov.i32	q5, #0\n\t"
		      "vmov.i32	q6, #0\n\tvmov.i32	q7, #0\n\t"
		      "vmov.i32	q8, #0\n\tvmov.i32	q9, #0\n\t"
		      "vmov.i32	q10, #0\n\tvmov.i32	q11, #0\n\t"
		      "vmov.i32	q12, #0\n\tvmov.i32	q13, #0\n\t"
		      "vmov.i32	q14, #0\n\tvmov.i32	q15, #0"
		      : : : "d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7",
			    "d8", "d9", "d10", "d11", "d12", "d13", "d14", "d15",
			    "d16", "d17", "d18", "d19", "d20", "d21", "d22", "d23",
			    "d24", "d25", "d26", "d27", "d28", "d29", "d30", "d31");
}
#endif

#endif /* __ASM_VDSO_COMPAT_GETTIMEOFDAY_H */
