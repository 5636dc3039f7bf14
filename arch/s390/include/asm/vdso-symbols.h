/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vDSO entries the kernel itself sends a task to: the return from a
 * signal handler, and the restart of an interrupted system call.
 */
#ifndef __S390_VDSO_SYMBOLS_H__
#define __S390_VDSO_SYMBOLS_H__

#include <generated/vdso64-offsets.h>

/* @tsk's address of the 64-bit image's entry @name (vdso-offsets) */
#define VDSO64_SYMBOL(tsk, name)					\
	((tsk)->mm->context.vdso_base + vdso_offset_##name)

#ifdef CONFIG_COMPAT
#include <generated/vdso32-offsets.h>

/* @tsk's address of the 31-bit image's entry __kernel_compat_@name */
#define VDSO32_SYMBOL(tsk, name)					\
	((tsk)->mm->context.vdso_base + vdso_offset_compat_##name)
#else
struct task_struct;

/* No 31-bit tasks: named only in branches that compat tasks take */
static inline unsigned long vdso32_symbol(struct task_struct *tsk, const char *name)
{
	return -1UL;
}

#define VDSO32_SYMBOL(tsk, name)	vdso32_symbol(tsk, #name)
#endif

#endif /* __S390_VDSO_SYMBOLS_H__ */
