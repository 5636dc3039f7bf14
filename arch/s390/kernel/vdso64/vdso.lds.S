/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The s390x vDSO: the shared layout, and the names and version node user
 * space has always looked up.
 */
#include <vdso/image.lds.S>

VERSION {
	LINUX_2.6.29 {
	global:
		__kernel_gettimeofday;
		__kernel_clock_gettime;
		__kernel_clock_getres;
		__kernel_getcpu;
		__kernel_restart_syscall;
		__kernel_rt_sigreturn;
		__kernel_sigreturn;
		__kernel_getrandom;
	local: *;
	};
}
