/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The riscv page of the vDSO data (VDSO_PAGE_ARCH): what riscv_hwprobe()
 * needs to answer without a system call. Written by
 * arch/riscv/kernel/sys_hwprobe.c at boot and when a CPU comes or goes.
 */
#ifndef __ASM_VDSO_ARCH_DATA_H
#define __ASM_VDSO_ARCH_DATA_H

#ifndef __ASSEMBLY__

#include <linux/types.h>
#include <asm/hwprobe.h>

/* The most CPUs whose online state the data can hold */
#define VDSO_HWPROBE_CPUS	256

/**
 * struct vdso_arch_data - what the riscv vDSO knows beyond the time
 * @seq:                    odd while the kernel updates the rest; a
 *                          reader retries when it was odd or moved
 * @hwprobe_ready:          nonzero once the rest has been written;
 *                          until then the vDSO makes the system call
 * @homogeneous:            nonzero when every online CPU answers every
 *                          key as all of them together do, and the
 *                          kernel's cpumasks fit @online: then a set of
 *                          CPUs gets the all-CPU answers too
 * @cpumask_bytes:          cpumask_size(): how much of a user's CPU set
 *                          the kernel reads and writes
 * @all_cpu_hwprobe_values: each key's value for all online CPUs
 * @online:                 the online CPUs, as a cpumask
 */
struct vdso_arch_data {
	u32 seq;
	u32 hwprobe_ready;
	u32 homogeneous;
	u32 cpumask_bytes;
	u64 all_cpu_hwprobe_values[RISCV_HWPROBE_MAX_KEY + 1];
	unsigned long online[VDSO_HWPROBE_CPUS / (8 * sizeof(long))];
};

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_ARCH_DATA_H */
