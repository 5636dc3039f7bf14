/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __VDSO_TIME_H
#define __VDSO_TIME_H

#include <uapi/linux/types.h>

/*
 * What a time namespace adds to one clock: whole seconds, then
 * nanoseconds below NSEC_PER_SEC (see vdso_clock_base.timens_offset).
 */
struct timens_offset { s64 sec; u64 nsec; };

#endif /* __VDSO_TIME_H */
