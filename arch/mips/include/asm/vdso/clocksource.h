/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __ASM_VDSO_CLOCKSOURCE_H
#define __ASM_VDSO_CLOCKSOURCE_H

/* The modes themselves are in asm/vdso/clockmodes.h. */

#endif /* __ASM_VDSO_CLOCKSOURCE_H */
