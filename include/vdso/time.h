/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __VDSO_TIME_H
#define __VDSO_TIME_H

#include <uapi/linux/types.h>

/**
 * struct timens_offset - a time namespace's offset for one clock
 * @sec:  whole seconds added to the host clock
 * @nsec: nanoseconds added on top, always below NSEC_PER_SEC
 */
struct timens_offset {
	s64 sec;
	u64 nsec;
};

#endif /* __VDSO_TIME_H */
