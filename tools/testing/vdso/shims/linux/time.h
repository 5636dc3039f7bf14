/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's linux/time.h: the real uapi one (struct timezone,
 * struct __kernel_timespec, the CLOCK_* ids), timespec64 and sys_tz.
 */
#ifndef _TEST_LINUX_TIME_H
#define _TEST_LINUX_TIME_H

#include_next <linux/time.h>
#include <linux/time64.h>

/* set by the tests before update_vsyscall_tz() */
extern struct timezone sys_tz;

#endif /* _TEST_LINUX_TIME_H */
