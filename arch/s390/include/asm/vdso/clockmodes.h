/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The s390 counter a clocksource can name, as an enumerator of enum
 * vdso_clock_mode: vdso/clocksource.h includes this file inside that enum,
 * hence no include guard. It is the TOD clock (time.c's clocksource).
 */
VDSO_CLOCKMODE_TOD,
