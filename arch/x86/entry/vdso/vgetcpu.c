// SPDX-License-Identifier: GPL-2.0
/*
 * getcpu() for the x86-64 vDSO.
 *
 * The kernel keeps each CPU's number and node in that CPU's TSC_AUX MSR
 * and in the limit of a per-CPU GDT entry (setup_getcpu()). The image
 * reads the limit with LSL; where the CPU has RDPID, the alternatives the
 * kernel applies to the image put that in LSL's place, over the load of
 * the segment's selector too, which only LSL needs: two instructions
 * either way.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/alternative.h>
#include <asm/cpufeatures.h>
#include <asm/segment.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/gettime.h>

static __always_inline unsigned int vdso_cpunode(void)
{
	unsigned int p;

	/* RDPID %eax (%rax in 64-bit code), spelt out for old assemblers */
	asm volatile(ALTERNATIVE("movl %[seg], %[p]\n\tlsl %[p], %[p]",
				 ".byte 0xf3, 0x0f, 0xc7, 0xf8", X86_FEATURE_RDPID)
		     : [p] "=a" (p)
		     : [seg] "i" (__CPUNODE_SEG));
	return p;
}

long __vdso_getcpu(unsigned int *cpu, unsigned int *node,
		   struct getcpu_cache *unused)
{
	unsigned int p = vdso_cpunode();

	/*
	 * The node first: the CPU's mask then works on @p in place. @cpu
	 * is taken only after it, so that the i386 image, which finds
	 * both pointers on the stack, needs no callee-saved register.
	 */
	if (node)
		*node = p >> VDSO_CPUNODE_BITS;
	OPTIMIZER_HIDE_VAR(cpu);
	if (cpu)
		*cpu = p & VDSO_CPUNODE_MASK;
	return 0;
}

VDSO_ALIAS(getcpu);
