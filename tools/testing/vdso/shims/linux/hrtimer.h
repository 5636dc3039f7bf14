/* SPDX-License-Identifier: GPL-2.0 */
/* What kernel/time/vsyscall.c takes from the hrtimer code. */
#ifndef _TEST_LINUX_HRTIMER_H
#define _TEST_LINUX_HRTIMER_H

#include <linux/compiler.h>
#include <linux/time.h>

/* the resolution of the hres clocks, in ns; set by the tests */
extern unsigned int hrtimer_resolution;

#endif /* _TEST_LINUX_HRTIMER_H */
