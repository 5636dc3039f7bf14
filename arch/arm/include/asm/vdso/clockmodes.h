/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm counter a clocksource can name, as an enumerator of enum
 * vdso_clock_mode: vdso/clocksource.h includes this file inside that
 * enum, hence no include guard. ARCHTIMER is the architected timer's
 * virtual count, which user space reads with MRRC (asm/vdso/cp15.h).
 */
VDSO_CLOCKMODE_ARCHTIMER,
