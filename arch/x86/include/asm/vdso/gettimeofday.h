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

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
