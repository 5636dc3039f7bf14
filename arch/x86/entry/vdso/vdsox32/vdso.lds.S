/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x32 vDSO: the shared layout, x86's alternatives, and the names and
 * version node x32 user space looks up (x86-64's, without the plain
 * aliases and without getrandom).
 */
#define VDSO_ARCH_SECTIONS						\
	.altinstructions	: { *(.altinstructions) }	:text	\
	.altinstr_replacement	: { *(.altinstr_replacement) }	:text

#include <vdso/image.lds.S>

VERSION {
	LINUX_2.6 {
	global:
		__vdso_clock_gettime;
		__vdso_gettimeofday;
		__vdso_getcpu;
		__vdso_time;
		__vdso_clock_getres;
	local: *;
	};
}
