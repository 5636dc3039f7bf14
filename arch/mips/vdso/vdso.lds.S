/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mips vDSO: the shared layout, mips' ABI flags, and the names and
 * version node user space has always looked up (with the time64 twins
 * of the time32 entries on a 32-bit kernel).
 *
 * The ABI flags (the ISA, the register sizes, the FP ABI) have their
 * program header, as in any mips object, but are abiflags.S's: the
 * assembler's would say soft float, which the dynamic loader refuses
 * next to a hard-float program; the sections after them are in :text
 * only (the null relocation and the GOT header every mips link has).
 * The n64 register-usage options are the link's business only.
 */
#define VDSO_ARCH_PHDRS							\
	abiflags	0x70000003 /* PT_MIPS_ABIFLAGS */ FLAGS(4);
#define VDSO_ARCH_SECTIONS						\
	.vdso_abiflags	: { *(.vdso_abiflags) }		:text	:abiflags \
	.rel.dyn	: { *(.rel.dyn) }		:text		\
	.got		: { *(.got) }			:text		\
	/DISCARD/	: { *(.MIPS.abiflags) *(.MIPS.options)		\
			    *(.gnu.attributes) *(.pdr) }

#include <vdso/image.lds.S>

VERSION {
	LINUX_2.6 {
#ifndef CONFIG_MIPS_DISABLE_VDSO
	global:
		__vdso_clock_gettime;
		__vdso_gettimeofday;
		__vdso_clock_getres;
#ifdef CONFIG_32BIT
		__vdso_clock_gettime64;
		__vdso_clock_getres_time64;
#endif
		__vdso_getrandom;
#endif
	local: *;
	};
}
