/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Coprocessor 15 registers and their accessors, for the kernel
 * (asm/cp15.h includes this file) and for the vDSO (the counter).
 *
 * A register is named by what it takes to move it to or from a core
 * register, in parentheses: its C type, "" for a 32-bit MRC/MCR or "r"
 * for a 64-bit MRRC/MCRR, and the instruction's operands with %0 for the
 * core register(s). read_sysreg(REG) and write_sysreg(value, REG) expand
 * a register name into the one instruction.
 */
#ifndef __ASM_VDSO_CP15_H
#define __ASM_VDSO_CP15_H

#if !defined(__ASSEMBLY__) && defined(CONFIG_CPU_CP15)

/* A 32-bit register: MRC/MCR p15, <op1>, Rt, <crn>, <crm>, <op2> */
#define __ACCESS_CP15(crn, op1, crm, op2)				\
	(u32, "", "p15, " #op1 ", %0, " #crn ", " #crm ", " #op2)
/* A 64-bit register: MRRC/MCRR p15, <op1>, Rt, Rt2, <crm> */
#define __ACCESS_CP15_64(op1, crm)					\
	(u64, "r", "p15, " #op1 ", %Q0, %R0, " #crm)

#define __cp15_read(type, wide, ops) ({					\
	type __cp15_val;						\
	asm volatile ("mrc" wide " " ops : "=r" (__cp15_val));		\
	__cp15_val;							\
})
#define __cp15_write(type, wide, ops) ({				\
	asm volatile ("mcr" wide " " ops : : "r" ((type)__cp15_wval));	\
})

/* "__cp15_read REG" becomes a call once REG is expanded */
#define read_sysreg(reg)		(__cp15_read reg)
#define write_sysreg(val, reg)						\
	do {								\
		__auto_type __cp15_wval = (val);			\
									\
		__cp15_write reg;					\
	} while (0)

/* Branch predictor and instruction cache invalidation */
#define BPIALL				__ACCESS_CP15(c7, 0, c5, 6)
#define ICIALLU				__ACCESS_CP15(c7, 0, c5, 0)

/* The architected timer's virtual count */
#define CNTVCT				__ACCESS_CP15_64(1, c14)

#endif /* !__ASSEMBLY__ && CONFIG_CPU_CP15 */

#endif /* __ASM_VDSO_CP15_H */
