// SPDX-License-Identifier: GPL-2.0
/*
 * The s390x vDSO's own function, getcpu(). The time functions and
 * getrandom() are lib/vdso's; entry.S wraps all of them.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/gettime.h>

/*
 * The kernel keeps each CPU's number in that CPU's TOD programmable
 * field (vdso_getcpu_init()), which STORE CLOCK EXTENDED stores in the
 * last two of its sixteen bytes. One instruction, so the number is the
 * CPU the thread is on at that instant, however often it migrates. s390
 * has no NUMA nodes: the node is 0, as the system call says.
 */
long __c_kernel_getcpu(unsigned int *cpu, unsigned int *node,
		       struct getcpu_cache *unused)
{
	u8 clk[16] __aligned(8);

	asm volatile ("stcke	%0" : "=Q" (clk) : : "cc");
	if (cpu)
		*cpu = (clk[14] << 8) | clk[15];
	if (node)
		*node = 0;
	return 0;
}
