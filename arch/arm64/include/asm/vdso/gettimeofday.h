/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 glue for the generic vDSO library: exported names, the counter,
 * and the system call the library falls back to.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

#ifdef __arm__
/* the AArch32 image, built by arch/arm64/kernel/vdso32 */
#include <asm/vdso/compat_gettimeofday.h>
#else

#include <asm/unistd.h>
#include <vdso/clocksource.h>

#define VDSO_ENTRY(name)	__kernel_##name

/*
 * The architected timer's virtual count. The ISB keeps the read from
 * happening before the loads of the data that precede it; the fake
 * address dependency keeps the loads that follow (the sequence count)
 * from happening before it.
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	u64 cnt, tmp;

	if (unlikely(clock_mode == VDSO_CLOCKMODE_NONE))
		return false;
	asm volatile ("isb\n\t"
		      "mrs	%0, cntvct_el0\n\t"
		      "eor	%1, %0, %0\n\t"
		      "add	%1, sp, %1\n\t"
		      "ldr	xzr, [%1]"
		      : "=r" (cnt), "=r" (tmp) : : "memory");
	*cycles = cnt;
	return true;
}

/* The arguments go in x0-x2 and the number in x8; the result is x0. */
static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	asm volatile ("mov	x0, %1\n\t"
		      "mov	x1, %2\n\t"
		      "mov	x2, %3\n\t"
		      "mov	x8, %4\n\t"
		      "svc	#0\n\t"
		      "mov	%0, x0"
		      : "=r" (ret)
		      : "r" (a0), "r" (a1), "r" (a2), "r" (nr)
		      : "x0", "x1", "x2", "x8", "memory");
	return ret;
}

/*
 * getrandom() is built with the SIMD registers (see the Makefile):
 * ChaCha20 then runs on them, and they are cleared of key material
 * before returning. Naming v8-v15 clobbered makes the compiler save and
 * restore their low halves, which the caller owns; restoring them zeroes
 * the high halves too.
 */
#ifdef __ARM_NEON
#define VDSO_CHACHA_VECTORS	1
/* ChaCha20's rotations by 8: TBL */
#define VDSO_CHACHA_BYTE_SHUFFLE	1

/*
 * ... by 12 and 7: SHL and SRI (the compiler's SHL, USHR and ORR are
 * an instruction more). @n is a constant once inlined.
 */
#define vdso_arch_vrotl32(v, n) ({					\
	__typeof__(v) __v = (v), __r;					\
	const int __n = (n);						\
									\
	__r = __v << __n;						\
	asm ("sri	%0.4s, %1.4s, %2" : "+w" (__r) : "w" (__v), "i" (32 - __n));	\
	__r;								\
})

static __always_inline void vdso_vector_wipe(void)
{
	asm volatile ("movi	v0.16b, #0\n\tmovi	v1.16b, #0\n\t"
		      "movi	v2.16b, #0\n\tmovi	v3.16b, #0\n\t"
		      "movi	v4.16b, #0\n\tmovi	v5.16b, #0\n\t"
		      "movi	v6.16b, #0\n\tmovi	v7.16b, #0\n\t"
		      "movi	v8.16b, #0\n\tmovi	v9.16b, #0\n\t"
		      "movi	v10.16b, #0\n\tmovi	v11.16b, #0\n\t"
		      "movi	v12.16b, #0\n\tmovi	v13.16b, #0\n\t"
		      "movi	v14.16b, #0\n\tmovi	v15.16b, #0\n\t"
		      "movi	v16.16b, #0\n\tmovi	v17.16b, #0\n\t"
		      "movi	v18.16b, #0\n\tmovi	v19.16b, #0\n\t"
		      "movi	v20.16b, #0\n\tmovi	v21.16b, #0\n\t"
		      "movi	v22.16b, #0\n\tmovi	v23.16b, #0\n\t"
		      "movi	v24.16b, #0\n\tmovi	v25.16b, #0\n\t"
		      "movi	v26.16b, #0\n\tmovi	v27.16b, #0\n\t"
		      "movi	v28.16b, #0\n\tmovi	v29.16b, #0\n\t"
		      "movi	v30.16b, #0\n\tmovi	v31.16b, #0"
		      : : : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7",
			    "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15",
			    "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23",
			    "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31");
}
#endif

#endif /* !__arm__ */

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
