/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 side of mapping the vDSO; the generic side is vdso/image.h. */
#ifndef _ASM_X86_VDSO_H
#define _ASM_X86_VDSO_H

#ifndef __ASSEMBLER__

#include <vdso/image.h>

struct pt_regs;

#ifdef CONFIG_X86_64
extern struct vdso_image vdso_image_64;
#endif

#ifdef CONFIG_X86_X32_ABI
extern struct vdso_image vdso_image_x32;
#endif

#ifdef CONFIG_IA32_EMULATION
extern struct vdso_image vdso_image_32;

/**
 * struct vdso32_entries - where the kernel sends a 32-bit process into
 *                         its vDSO, as offsets from the image's start
 * @vsyscall:          __kernel_vsyscall, for AT_SYSINFO
 * @sigreturn:         __kernel_sigreturn, where a handler installed
 *                     without SA_RESTORER returns
 * @rt_sigreturn:      __kernel_rt_sigreturn, ditto for SA_SIGINFO
 * @int80_landing_pad: where a system call made with SYSENTER or SYSCALL
 *                     returns to, right after __kernel_vsyscall's
 *                     "int $0x80"
 * @sigreturn_landing_pad:    the address after __kernel_sigreturn's
 *                            system call
 * @rt_sigreturn_landing_pad: ditto for __kernel_rt_sigreturn
 *
 * Taken from the linked image at build time (vdso32/setup.c).
 */
struct vdso32_entries {
	unsigned long vsyscall;
	unsigned long sigreturn;
	unsigned long rt_sigreturn;
	unsigned long int80_landing_pad;
	unsigned long sigreturn_landing_pad;
	unsigned long rt_sigreturn_landing_pad;
};

extern const struct vdso32_entries vdso32_entries;
#endif

void arch_vdso_set_base(struct mm_struct *mm, unsigned long base);

int map_vdso_once(const struct vdso_image *image, unsigned long addr);

/*
 * The vDSO has no code that expects the kernel to fix up its faults
 * (upstream's was the SGX enclave entry, which this vDSO does not have).
 */
static inline bool fixup_vdso_exception(struct pt_regs *regs, int trapnr,
					unsigned long error_code,
					unsigned long fault_addr)
{
	return false;
}

#endif /* __ASSEMBLER__ */

#endif /* _ASM_X86_VDSO_H */
