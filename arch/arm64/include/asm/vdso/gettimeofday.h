/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm64 glue for the generic vDSO library: exported names, the counter,
 * and the system call the library falls back to.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

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

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
