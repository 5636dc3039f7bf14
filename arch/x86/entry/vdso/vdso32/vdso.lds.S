/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 32-bit vDSO: the shared layout, x86's alternatives, and the names
 * and version nodes 32-bit user space has always looked up. The ELF
 * entry point is __kernel_vsyscall: a C library that finds no AT_SYSINFO
 * takes it from there.
 */
#define VDSO_ARCH_SECTIONS						\
	.altinstructions	: { *(.altinstructions) }	:text	\
	.altinstr_replacement	: { *(.altinstr_replacement) }	:text

#include <vdso/image.lds.S>

ENTRY(__kernel_vsyscall)

VERSION {
	LINUX_2.6 {
	global:
		__vdso_clock_gettime;
		__vdso_gettimeofday;
		__vdso_time;
		__vdso_clock_getres;
		__vdso_clock_gettime64;
		__vdso_getcpu;
		__vdso_clock_getres_time64;
		__vdso_getrandom;
	};

	LINUX_2.5 {
	global:
		__kernel_vsyscall;
		__kernel_sigreturn;
		__kernel_rt_sigreturn;
	local: *;
	};
}
