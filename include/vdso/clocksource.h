/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __VDSO_CLOCKSOURCE_H
#define __VDSO_CLOCKSOURCE_H

#ifdef CONFIG_GENERIC_GETTIMEOFDAY
#include <asm/vdso/clocksource.h>
#endif

/**
 * enum vdso_clock_mode - how user space may read a clocksource
 * @VDSO_CLOCKMODE_NONE:   not at all; the vDSO makes the system call
 * @VDSO_CLOCKMODE_MAX:    one past the last mode a clocksource may use
 * @VDSO_CLOCKMODE_TIMENS: marks a time namespace's data page, never a
 *                         clocksource: negative, which clocksource.c
 *                         refuses in a clocksource, and -1, which a
 *                         compare takes as an immediate everywhere
 *
 * Each architecture lists its counters between NONE and MAX, in
 * asm/vdso/clockmodes.h; a clocksource names one in its vdso_clock_mode.
 */
enum vdso_clock_mode {
	VDSO_CLOCKMODE_NONE,
#ifdef CONFIG_GENERIC_GETTIMEOFDAY
#include <asm/vdso/clockmodes.h>
#endif
	VDSO_CLOCKMODE_MAX,
	VDSO_CLOCKMODE_TIMENS = -1
};

#endif /* __VDSO_CLOCKSOURCE_H */
