/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 vDSO: the shared layout, arm64's alternatives, and the names
 * and version node user space has always looked up.
 */
#define VDSO_ARCH_SECTIONS						\
	.altinstructions	: { *(.altinstructions) }	:text

#include <vdso/image.lds.S>

VERSION {
	LINUX_2.6.39 {
	global:
		__kernel_rt_sigreturn;
		__kernel_gettimeofday;
		__kernel_clock_gettime;
		__kernel_clock_getres;
		__kernel_getrandom;
	local: *;
	};
}
