/* SPDX-License-Identifier: GPL-2.0 */
/* struct timespec64, as the timekeeper keeps its offsets. */
#ifndef _TEST_LINUX_TIME64_H
#define _TEST_LINUX_TIME64_H

#include <linux/types.h>
#include <vdso/time64.h>

struct timespec64 {
	time64_t	tv_sec;
	long		tv_nsec;
};

#endif /* _TEST_LINUX_TIME64_H */
