/* SPDX-License-Identifier: GPL-2.0 */
/* A time namespace's clock offsets. */
#ifndef _TEST_LINUX_TIME_NAMESPACE_H
#define _TEST_LINUX_TIME_NAMESPACE_H

#include <linux/time64.h>

struct timens_offsets {
	struct timespec64	monotonic;
	struct timespec64	boottime;
};

#endif /* _TEST_LINUX_TIME_NAMESPACE_H */
