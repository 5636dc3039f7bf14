/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86-64 vDSO: the shared layout, x86's alternatives, and the names
 * and version node user space has always looked up.
 */
#define VDSO_ARCH_SECTIONS						\
	.altinstructions	: { *(.altinstructions) }	:text	\
	.altinstr_replacement	: { *(.altinstr_replacement) }	:text

#include <vdso/image.lds.S>

VERSION {
	LINUX_2.6 {
	global:
		clock_gettime;
		__vdso_clock_gettime;
		gettimeofday;
		__vdso_gettimeofday;
		getcpu;
		__vdso_getcpu;
		time;
		__vdso_time;
		clock_getres;
		__vdso_clock_getres;
		getrandom;
		__vdso_getrandom;
	local: *;
	};
}
