// SPDX-License-Identifier: GPL-2.0
/*
 * The riscv64 vDSO's own entries: getcpu(), flush_icache() and
 * riscv_hwprobe(). The time functions and getrandom() are lib/vdso's.
 */
#include <linux/array_size.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <uapi/asm-generic/errno-base.h>
#include <asm/barrier.h>
#include <asm/hwprobe.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/datapage.h>
#include <vdso/gettime.h>
#include <vdso/processor.h>

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
 * riscv_hwprobe() answers from the data (asm/vdso/arch_data.h) what the
 * kernel would: each key's value on all online CPUs, and, where every
 * online CPU answers every key as they all do, any set of CPUs and
 * RISCV_HWPROBE_WHICH_CPUS too. Flags it does not know, a NULL array or
 * CPU set, and sets on other machines go to the system call.
 */

/* The words of a user's CPU set the kernel would read: @n bytes */
static __always_inline void hwprobe_read_set(unsigned long *set, size_t words,
					     const unsigned long *cpus, size_t n)
{
	const u8 *src = (const u8 *)cpus;
	u8 *dst = (u8 *)set;
	size_t i;

	for (i = 0; i < words; i++)
		set[i] = 0;
	for (i = 0; i < n; i++)
		dst[i] = src[i];
}

int __vdso_riscv_hwprobe(struct riscv_hwprobe *pairs, size_t pair_count,
			 size_t cpusetsize, unsigned long *cpus,
			 unsigned int flags)
{
	const struct vdso_arch_data *ad = vdso_arch_data();
	unsigned long set[ARRAY_SIZE(ad->online)], res[ARRAY_SIZE(ad->online)];
	bool which = flags == RISCV_HWPROBE_WHICH_CPUS;
	bool has_set = cpusetsize || cpus;
	bool none, clear;
	size_t i, n = 0;
	u32 seq, ready;
	int ret;

	/* pairs with the kernel's release once the data is in */
	ready = smp_load_acquire(&ad->hwprobe_ready);
	if (unlikely((flags && !which) || (!pairs && pair_count) ||
		     (has_set && !cpus) || (which && !cpusetsize) || !ready))
		goto syscall;
	if (has_set) {
		/* no more than the kernel reads, and no more than it keeps */
		n = READ_ONCE(ad->cpumask_bytes);
		if (n > cpusetsize)
			n = cpusetsize;
		if (n > sizeof(set))
			goto syscall;
		hwprobe_read_set(set, ARRAY_SIZE(set), cpus, n);
	}

	do {
		while ((seq = READ_ONCE(ad->seq)) & 1)
			cpu_relax();
		/* the data read below is no older than @seq */
		smp_rmb();
		if (has_set && !READ_ONCE(ad->homogeneous))
			goto syscall;

		/* the online CPUs of the set; WHICH_CPUS takes no set as all */
		none = true;
		for (i = 0; i < ARRAY_SIZE(res); i++) {
			res[i] = set[i] & ad->online[i];
			none &= !set[i];
		}
		if (which && none)
			for (i = 0; i < ARRAY_SIZE(res); i++)
				res[i] = ad->online[i];
		none = true;
		for (i = 0; i < ARRAY_SIZE(res); i++)
			none &= !res[i];

		/* a set without an online CPU says nothing: -EINVAL */
		ret = !which && has_set && none ? -EINVAL : 0;
		clear = false;
		for (i = 0; i < pair_count && !ret; i++) {
			struct riscv_hwprobe want = { .key = READ_ONCE(pairs[i].key) };
			struct riscv_hwprobe have = { .key = want.key };

			if (!riscv_hwprobe_key_is_valid(want.key)) {
				/* unknown keys come back as -1, and match no CPU */
				pairs[i].key = -1;
				pairs[i].value = 0;
				clear = which;
				continue;
			}
			have.value = ad->all_cpu_hwprobe_values[want.key];
			if (!which) {
				pairs[i].value = have.value;
			} else if (!clear) {
				/* every CPU of @res answers alike: all match, or none */
				want.value = READ_ONCE(pairs[i].value);
				clear = !riscv_hwprobe_pair_cmp(&have, &want);
			}
		}
		/* the data read above is no newer than the count read next */
		smp_rmb();
	} while (unlikely(READ_ONCE(ad->seq) != seq));

	if (which) {
		u8 *dst = (u8 *)cpus;
		const u8 *src = (const u8 *)res;

		for (i = 0; i < n; i++)
			dst[i] = clear ? 0 : src[i];
	}
	return ret;

syscall:
	return vdso_syscall5(__NR_riscv_hwprobe, (long)pairs, pair_count,
			     cpusetsize, (long)cpus, flags);
}
