/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ppc64 vDSO: the shared layout, the TOC the C code addresses its
 * data through, and the names and version node user space has always
 * looked up.
 *
 * The kernel's cpu_relax() (asm/vdso/processor.h) comes with a feature
 * fixup for POWER10 that nothing applies to the vDSO: the image keeps
 * the priority hints that every CPU takes, and the fixup entries go.
 */
#define VDSO_ARCH_SECTIONS						\
	.got		: { *(.got) }			:text	\
	.toc		: { *(.toc) }			:text	\
	/DISCARD/	: { *(__ftr_fixup) *(__ftr_alt_*) }

#include <vdso/image.lds.S>

VERSION {
	LINUX_2.6.15 {
	global:
		__kernel_get_syscall_map;
		__kernel_gettimeofday;
		__kernel_clock_gettime;
		__kernel_clock_getres;
		__kernel_get_tbfreq;
		__kernel_sync_dicache;
		__kernel_sigtramp_rt64;
		__kernel_getcpu;
		__kernel_time;
		__kernel_getrandom;
	local: *;
	};
}
