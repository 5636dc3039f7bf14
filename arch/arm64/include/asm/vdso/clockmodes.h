/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The arm64 counters a clocksource can name, as enumerators of enum
 * vdso_clock_mode: vdso/clocksource.h includes this file inside that enum,
 * hence no include guard. Both are the architected timer's virtual count;
 * NOCOMPAT marks errata that only a 32-bit vDSO would trip over.
 */
VDSO_CLOCKMODE_ARCHTIMER,
VDSO_CLOCKMODE_ARCHTIMER_NOCOMPAT,
