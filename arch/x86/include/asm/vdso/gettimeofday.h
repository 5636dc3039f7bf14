/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 glue for the generic vDSO library: exported names, the counter,
 * and the system call the library falls back to.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

#include <asm/msr.h>
#include <asm/unistd.h>
#include <vdso/clocksource.h>

#define VDSO_ENTRY(name)	__vdso_##name
/* x86-64 also exports each function under its plain name, weakly. */
#define VDSO_ALIAS(name)						\
	asm(".weak " #name "\n\t.set " #name ", __vdso_" #name)

/*
 * Only the TSC is read here. kvm-clock and the Hyper-V TSC page would
 * each need their own page in [vvar] and their own read path; until they
 * have one, a system running on them gets the system call.
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	if (likely(clock_mode == VDSO_CLOCKMODE_TSC)) {
		/* ordered with the loads of the data, as a load would be */
		*cycles = rdtsc_ordered();
		return true;
	}
	return false;
}

static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	asm volatile ("syscall"
		      : "=a" (ret)
		      : "0" (nr), "D" (a0), "S" (a1), "d" (a2)
		      : "rcx", "r11", "memory");
	return ret;
}

/*
 * getrandom() is built with SSE2 (see the Makefile): ChaCha20 then runs
 * on the XMM registers, all of which the caller saves in the x86-64 ABI,
 * and which are cleared of key material before returning.
 */
#ifdef __SSE2__
#define VDSO_CHACHA_VECTORS	1

static __always_inline void vdso_vector_wipe(void)
{
	asm volatile ("pxor	%%xmm0, %%xmm0\n\tpxor	%%xmm1, %%xmm1\n\t"
		      "pxor	%%xmm2, %%xmm2\n\tpxor	%%xmm3, %%xmm3\n\t"
		      "pxor	%%xmm4, %%xmm4\n\tpxor	%%xmm5, %%xmm5\n\t"
		      "pxor	%%xmm6, %%xmm6\n\tpxor	%%xmm7, %%xmm7\n\t"
		      "pxor	%%xmm8, %%xmm8\n\tpxor	%%xmm9, %%xmm9\n\t"
		      "pxor	%%xmm10, %%xmm10\n\tpxor	%%xmm11, %%xmm11\n\t"
		      "pxor	%%xmm12, %%xmm12\n\tpxor	%%xmm13, %%xmm13\n\t"
		      "pxor	%%xmm14, %%xmm14\n\tpxor	%%xmm15, %%xmm15"
		      : : : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
			    "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
			    "xmm12", "xmm13", "xmm14", "xmm15");
}
#endif

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
