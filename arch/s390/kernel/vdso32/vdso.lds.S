/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 31-bit s390 vDSO: the shared layout, and the names and version
 * node of the entries the kernel sends 31-bit tasks to. 31-bit C
 * libraries call no vDSO function, so there are no others.
 */
OUTPUT_FORMAT("elf32-s390", "elf32-s390", "elf32-s390")
OUTPUT_ARCH(s390:31-bit)

#include <vdso/image.lds.S>

VERSION {
	LINUX_2.6.29 {
	global:
		__kernel_compat_restart_syscall;
		__kernel_compat_rt_sigreturn;
		__kernel_compat_sigreturn;
	local: *;
	};
}
