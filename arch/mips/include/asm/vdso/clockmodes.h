/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mips counters a clocksource can name, as enumerators of enum
 * vdso_clock_mode: vdso/clocksource.h includes this file inside that enum,
 * hence no include guard. R4K is CP0 Count (csrc-r4k.c), GIC the Global
 * Interrupt Controller's counter (mips-gic-timer.c).
 */
VDSO_CLOCKMODE_R4K,
VDSO_CLOCKMODE_GIC,
