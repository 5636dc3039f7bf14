/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The riscv64 vDSO: the shared layout, riscv's alternatives, and the
 * names and version node user space has always looked up.
 */
#define VDSO_ARCH_SECTIONS						\
	.alternative	: { *(.alternative) }		:text

#include <vdso/image.lds.S>

VERSION {
	LINUX_4.15 {
	global:
		__vdso_rt_sigreturn;
		__vdso_gettimeofday;
		__vdso_clock_gettime;
		__vdso_clock_getres;
		__vdso_getcpu;
		__vdso_flush_icache;
		__vdso_riscv_hwprobe;
		__vdso_getrandom;
	local: *;
	};
}
