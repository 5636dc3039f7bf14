/* SPDX-License-Identifier: GPL-2.0 */
/*
 * arm glue for the generic vDSO library: exported names, the counter,
 * and the system call the library falls back to. The same image serves
 * AArch32 tasks on arm64, whose kernel may mark its counter
 * ARCHTIMER_NOCOMPAT: only ARCHTIMER (1 on both) is read here.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

#include <asm/unistd.h>
#include <vdso/clocksource.h>

#define VDSO_ENTRY(name)	__vdso_##name
/* one register for the time page: else GCC forms it again for the retry */
#define VDSO_TIME_PAGE_IN_REGISTER

/*
 * The architected timer's virtual count (CNTVCT). The ISB keeps the read
 * from happening before the loads of the data that precede it. A
 * kernel that cannot let user space read the counter never says
 * ARCHTIMER in the data (arch/arm/kernel/vdso.c).
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	u64 cnt;

	if (unlikely(clock_mode != VDSO_CLOCKMODE_ARCHTIMER))
		return false;
	asm volatile ("isb\n\t"
		      "mrrc	p15, 1, %Q0, %R0, c14"
		      : "=r" (cnt) : : "memory");
	*cycles = cnt;
	return true;
}

/*
 * EABI: the arguments go in r0-r2 and the number in r7; the result is
 * r0. The image is built in the ARM instruction set (see its Makefile),
 * where r7 is not the frame pointer.
 */
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

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
