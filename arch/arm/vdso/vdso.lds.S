/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm vDSO: the shared layout, arm's unwind tables (EHABI, not
 * DWARF), and the names and version node user space looks up.
 */
#define VDSO_UNWIND_PHDRS						\
	exidx		0x70000001	FLAGS(4);	/* PT_ARM_EXIDX */
#define VDSO_UNWIND_SECTIONS						\
	.ARM.extab	: { *(.ARM.extab*) }		:text		\
	.ARM.exidx	: { *(.ARM.exidx*) }		:text	:exidx

#include <vdso/image.lds.S>

/*
 * Each .ARM.exidx entry names the personality routine of its compact
 * model, for a static link to pull in. An unwinder interprets the compact
 * models itself and never calls these: the names need only resolve.
 */
PROVIDE_HIDDEN(__aeabi_unwind_cpp_pr0 = 0);
PROVIDE_HIDDEN(__aeabi_unwind_cpp_pr1 = 0);
PROVIDE_HIDDEN(__aeabi_unwind_cpp_pr2 = 0);

VERSION {
	LINUX_2.6 {
	global:
		__vdso_clock_gettime;
		__vdso_gettimeofday;
		__vdso_clock_getres;
		__vdso_clock_gettime64;
		__vdso_clock_getres_time64;
		__vdso_getrandom;
	local: *;
	};
}
