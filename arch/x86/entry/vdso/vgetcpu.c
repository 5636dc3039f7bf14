// SPDX-License-Identifier: GPL-2.0
/*
 * getcpu() for the x86-64 vDSO.
 *
 * The kernel keeps each CPU's number and node in that CPU's TSC_AUX MSR
 * and in the limit of a per-CPU GDT entry (setup_getcpu());
 * vdso_read_cpunode() reads it with RDPID where the CPU has it and LSL
 * elsewhere, chosen by the alternatives the kernel applies to the image.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/alternative.h>
#include <asm/cpufeatures.h>
#include <asm/segment.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/gettime.h>

long __vdso_getcpu(unsigned int *cpu, unsigned int *node,
		   struct getcpu_cache *unused)
{
	vdso_read_cpunode(cpu, node);
	return 0;
}

VDSO_ALIAS(getcpu);
