/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The s390 page of the vDSO data (VDSO_PAGE_ARCH): the TOD clock's
 * steering, the same in every time namespace.
 *
 * When the clock is synchronised (STP), time.c does not jump the TOD
 * clock's value the kernel sees: it steers towards the new value, so that
 * until @tod_steering_end every read is corrected by 1/2^15 of the
 * distance left, the sign of @tod_steering_delta saying which way. The
 * vDSO reads the clock as time.c's clocksource does, with the same
 * correction. Written under the time data's sequence count
 * (vdso_update_begin()), or before user space runs. And whether the
 * vector registers are there to use.
 */
#ifndef __ASM_VDSO_ARCH_DATA_H
#define __ASM_VDSO_ARCH_DATA_H

#ifndef __ASSEMBLY__

#include <linux/types.h>

/**
 * struct vdso_arch_data - the s390 page of the vDSO data
 * @tod_steering_delta: the offset still being steered in, in TOD units;
 *                      its sign says which way
 * @tod_steering_end:   the TOD value at which steering stops
 * @vector:             user space has the vector registers (the vector
 *                      facility): getrandom()'s ChaCha20 may use them;
 *                      set once, before user space runs
 */
struct vdso_arch_data {
	s64 tod_steering_delta;
	u64 tod_steering_end;
	u32 vector;
};

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_ARCH_DATA_H */
