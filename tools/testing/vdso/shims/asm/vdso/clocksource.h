/* SPDX-License-Identifier: GPL-2.0 */
/* Nothing: the harness's clock modes need no HAVE_VDSO_CLOCKMODE_* flags. */
#ifndef _TEST_ASM_VDSO_CLOCKSOURCE_H
#define _TEST_ASM_VDSO_CLOCKSOURCE_H
#endif /* _TEST_ASM_VDSO_CLOCKSOURCE_H */
