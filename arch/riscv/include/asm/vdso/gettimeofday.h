/* SPDX-License-Identifier: GPL-2.0 */
/*
 * riscv64 glue for the generic vDSO library: exported names, the counter,
 * and the system call the library falls back to.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

#include <asm/unistd.h>
#include <vdso/clocksource.h>

#define VDSO_ENTRY(name)	__vdso_##name

/*
 * The time CSR (rdtime), which every hart has and which the SBI or the
 * hardware keeps in step across harts. No fence: a CSR read is not a
 * memory access, and the sequence count's retry covers the data; a read
 * that lands before cycle_last counts as no time (vdso_counter_ns()).
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	u64 t;

	if (unlikely(clock_mode != VDSO_CLOCKMODE_ARCHTIMER))
		return false;
	asm volatile ("rdtime	%0" : "=r" (t) : : "memory");
	*cycles = t;
	return true;
}

/* The arguments go in a0-a4 and the number in a7; the result is a0. */
static __always_inline long vdso_syscall5(long nr, long a0, long a1, long a2,
					  long a3, long a4)
{
	register long r0 asm("a0") = a0;
	register long r1 asm("a1") = a1;
	register long r2 asm("a2") = a2;
	register long r3 asm("a3") = a3;
	register long r4 asm("a4") = a4;
	register long r7 asm("a7") = nr;

	asm volatile ("ecall"
		      : "+r" (r0)
		      : "r" (r1), "r" (r2), "r" (r3), "r" (r4), "r" (r7)
		      : "memory");
	return r0;
}

/*
 * Three arguments. The kernel reads no more than a call has: a3 and a4
 * go as they are, values that an empty asm names without an instruction.
 */
static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	long any3, any4;

	asm ("" : "=r" (any3), "=r" (any4));
	return vdso_syscall5(nr, a0, a1, a2, any3, any4);
}

/* riscv's own entries (arch/riscv/kernel/vdso/riscv.c) */
struct riscv_hwprobe;
int __vdso_flush_icache(void *start, void *end, unsigned long flags);
int __vdso_riscv_hwprobe(struct riscv_hwprobe *pairs, size_t pair_count,
			 size_t cpusetsize, unsigned long *cpus,
			 unsigned int flags);

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
