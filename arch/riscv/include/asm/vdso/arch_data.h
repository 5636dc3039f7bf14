/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The riscv page of the vDSO data (VDSO_PAGE_ARCH): the answers of
 * riscv_hwprobe() for all online CPUs, which the vDSO gives without a
 * system call. Written once at boot by arch/riscv/kernel/sys_hwprobe.c.
 */
#ifndef __ASM_VDSO_ARCH_DATA_H
#define __ASM_VDSO_ARCH_DATA_H

#ifndef __ASSEMBLY__

#include <linux/types.h>
#include <asm/hwprobe.h>

/**
 * struct vdso_arch_data - what the riscv vDSO knows beyond the time
 * @all_cpu_hwprobe_values: each key's value for all online CPUs at boot
 * @hwprobe_ready:          nonzero once @all_cpu_hwprobe_values is written;
 *                          until then the vDSO makes the system call
 */
struct vdso_arch_data {
	u64 all_cpu_hwprobe_values[RISCV_HWPROBE_MAX_KEY + 1];
	u32 hwprobe_ready;
};

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_ARCH_DATA_H */
