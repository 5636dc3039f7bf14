// SPDX-License-Identifier: GPL-2.0
/*
 * The riscv64 vDSO's own entries: getcpu(), flush_icache() and
 * riscv_hwprobe(). The time functions and getrandom() are lib/vdso's.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/hwprobe.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/datapage.h>
#include <vdso/gettime.h>

/*
 * No register or memory that user space can read tells a riscv hart which
 * CPU it is (mhartid is for M-mode only; a per-CPU [vvar] page is not
 * possible with page tables shared by all the threads of a process), so
 * getcpu() is the system call. C libraries that register rseq read the
 * CPU number from there instead.
 */
long __vdso_getcpu(unsigned int *cpu, unsigned int *node,
		   struct getcpu_cache *unused)
{
	return vdso_syscall3(__NR_getcpu, (long)cpu, (long)node, (long)unused);
}

/* Making instruction fetches see stores needs the kernel: remote harts. */
int __vdso_flush_icache(void *start, void *end, unsigned long flags)
{
	return vdso_syscall3(__NR_riscv_flush_icache, (long)start, (long)end,
			     flags);
}

/*
 * riscv_hwprobe() answers from the data the question C libraries ask at
 * startup: the values of some keys on all online CPUs (no CPU set, no
 * flags). Anything else (a CPU set, RISCV_HWPROBE_WHICH_CPUS, unknown
 * flags) needs the set of online CPUs, which the data does not have, and
 * goes to the system call, as does a NULL @pairs (EFAULT).
 */
int __vdso_riscv_hwprobe(struct riscv_hwprobe *pairs, size_t pair_count,
			 size_t cpusetsize, unsigned long *cpus,
			 unsigned int flags)
{
	const struct vdso_arch_data *ad = vdso_arch_data();
	size_t i;

	if (unlikely(flags || cpusetsize || cpus || (!pairs && pair_count) ||
		     !READ_ONCE(ad->hwprobe_ready)))
		return vdso_syscall5(__NR_riscv_hwprobe, (long)pairs, pair_count,
				     cpusetsize, (long)cpus, flags);

	for (i = 0; i < pair_count; i++) {
		s64 key = READ_ONCE(pairs[i].key);

		if (riscv_hwprobe_key_is_valid(key)) {
			pairs[i].value = ad->all_cpu_hwprobe_values[key];
		} else {
			pairs[i].key = -1;
			pairs[i].value = 0;
		}
	}
	return 0;
}
