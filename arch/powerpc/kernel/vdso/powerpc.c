// SPDX-License-Identifier: GPL-2.0
/*
 * The ppc64 vDSO's own functions in C: the three powerpc entries
 * __kernel_get_syscall_map(), __kernel_get_tbfreq() and
 * __kernel_sync_dicache(). The time functions and getrandom() are
 * lib/vdso's. entry.S wraps these three and getrandom(), and has
 * getcpu() and time(); the other time functions are exported as they are
 * (asm/vdso/gettimeofday.h).
 */
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/datapage.h>
#include <vdso/gettime.h>

/* entry.S's time() reads the system's page's REALTIME seconds here */
static_assert(VDSO_PAGE_TIMENS == 1);
static_assert(offsetof(struct vdso_time_data, base[CLOCK_REALTIME].sec) == VDSO_REALTIME_SEC);

/*
 * The bitmap of the system calls this kernel has, in the data: bit
 * (31 - n % 32) of word n / 32 stands for system call n. @count, when
 * given, gets the number of system call numbers the map covers.
 */
const u32 *__c_kernel_get_syscall_map(unsigned int *count)
{
	/* the page's address, not a field's: the compiler would take it from the TOC */
	const struct vdso_arch_data *ad = vdso_arch_data();

	OPTIMIZER_HIDE_VAR(ad);
	if (count)
		*count = NR_syscalls;
	return ad->syscall_map;
}

/* The timebase's ticks per second */
u64 __c_kernel_get_tbfreq(void)
{
	return vdso_arch_data()->tb_ticks_per_sec;
}

/*
 * Make the instruction fetches of [@start, @end) see the stores before:
 * write the data cache blocks back, then throw the instruction cache's
 * away. An instruction cache that snoops stores needs only a sync, one
 * icbi (of any address: the stack's) and the isync that drops what the
 * core fetched ahead.
 */
int __c_kernel_sync_dicache(unsigned long start, unsigned long end)
{
	const struct vdso_arch_data *ad = vdso_arch_data();
	unsigned long dstep = ad->dcache_block_size;
	unsigned long istep = ad->icache_block_size;
	unsigned long addr;

	if (ad->icache_coherent) {
		asm volatile ("sync\n\t"
			      "icbi	0, %0\n\t"
			      "isync" : : "r" (&addr) : "memory");
		return 0;
	}
	for (addr = start & ~(dstep - 1); addr < end; addr += dstep)
		asm volatile ("dcbst	0, %0" : : "r" (addr) : "memory");
	asm volatile ("sync" : : : "memory");
	for (addr = start & ~(istep - 1); addr < end; addr += istep)
		asm volatile ("icbi	0, %0" : : "r" (addr) : "memory");
	asm volatile ("isync" : : : "memory");
	return 0;
}
