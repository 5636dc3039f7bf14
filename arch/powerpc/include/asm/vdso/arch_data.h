/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The powerpc page of the vDSO data (VDSO_PAGE_ARCH): what the vDSO's
 * powerpc entries answer from, the same in every time namespace. The
 * page starts with the old "systemcfg" layout, which /proc/ppc64/systemcfg
 * has always shown and whose offsets are fixed (proc_powerpc.c maps the
 * page); fields marked (unused) are kept for their place only.
 *
 * Written once at boot (arch/powerpc/kernel/vdso.c, time.c), except
 * @processor_count, which follows CPU hotplug; the vDSO reads no field
 * that changes after boot.
 */
#ifndef __ASM_VDSO_ARCH_DATA_H
#define __ASM_VDSO_ARCH_DATA_H

#ifndef __ASSEMBLY__

#include <linux/types.h>
#include <asm/unistd.h>

/* Words of the system call map: a bit per system call number */
#define VDSO_SYSCALL_MAP_WORDS	((NR_syscalls + 31) / 32)

/**
 * struct vdso_arch_data - the powerpc page of the vDSO data
 * @eye_catcher:           "SYSTEMCFG:PPC64"
 * @version:               the layout's version, 1.1
 * @platform:              0x100, plus 1 in a logical partition
 * @processor:             the processor version register (PVR)
 * @processorCount:        the number of present CPUs
 * @physicalMemorySize:    bytes of memory
 * @tb_orig_stamp:         (unused)
 * @tb_ticks_per_sec:      the timebase frequency (__kernel_get_tbfreq())
 * @tb_to_xs:              (unused)
 * @stamp_xsec:            (unused)
 * @tb_update_count:       (unused)
 * @tz_minuteswest:        (unused)
 * @tz_dsttime:            (unused)
 * @dcache_size:           L1 data cache size
 * @dcache_line_size:      L1 data cache line size
 * @icache_size:           L1 instruction cache size
 * @icache_line_size:      L1 instruction cache line size
 * @dcache_block_size:     L1 data cache block size (dcbst's step)
 * @icache_block_size:     L1 instruction cache block size (icbi's step)
 * @dcache_log_block_size: log2 of @dcache_block_size
 * @icache_log_block_size: log2 of @icache_block_size
 * @syscall_map:           bit (31 - n % 32) of word n / 32 is set when
 *                         system call n exists (__kernel_get_syscall_map())
 * @compat_syscall_map:    the same for 32-bit tasks (none on ppc64le)
 * @icache_coherent:       nonzero when the instruction cache snoops
 *                         stores (CPU_FTR_COHERENT_ICACHE): then
 *                         __kernel_sync_dicache() needs no loop
 */
struct vdso_arch_data {
	u8 eye_catcher[16];		/* 0x00 */
	struct {
		u32 major;		/* 0x10 */
		u32 minor;		/* 0x14 */
	} version;
	u32 platform;			/* 0x18 */
	u32 processor;			/* 0x1c */
	u64 processorCount;		/* 0x20 */
	u64 physicalMemorySize;		/* 0x28 */
	u64 tb_orig_stamp;		/* 0x30 */
	u64 tb_ticks_per_sec;		/* 0x38 */
	u64 tb_to_xs;			/* 0x40 */
	u64 stamp_xsec;			/* 0x48 */
	u64 tb_update_count;		/* 0x50 */
	u32 tz_minuteswest;		/* 0x58 */
	u32 tz_dsttime;			/* 0x5c */
	u32 dcache_size;		/* 0x60 */
	u32 dcache_line_size;		/* 0x64 */
	u32 icache_size;		/* 0x68 */
	u32 icache_line_size;		/* 0x6c */
	u32 dcache_block_size;		/* 0x70 */
	u32 icache_block_size;		/* 0x74 */
	u32 dcache_log_block_size;	/* 0x78 */
	u32 icache_log_block_size;	/* 0x7c */
	u32 syscall_map[VDSO_SYSCALL_MAP_WORDS];	/* 0x80 */
	u32 compat_syscall_map[VDSO_SYSCALL_MAP_WORDS];
	u32 icache_coherent;
};

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_ARCH_DATA_H */
