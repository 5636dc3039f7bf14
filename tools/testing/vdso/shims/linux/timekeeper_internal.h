/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The timekeeper, cut down to the fields kernel/time/vsyscall.c reads.
 * Types and meanings are the kernel's; the tests fill it by hand.
 */
#ifndef _TEST_LINUX_TIMEKEEPER_INTERNAL_H
#define _TEST_LINUX_TIMEKEEPER_INTERNAL_H

#include <linux/time64.h>
#include <vdso/clocksource.h>

struct clocksource {
	enum vdso_clock_mode	vdso_clock_mode;
};

/*
 * @cycle_last: counter value at the last update
 * @mask:       the counter's valid bits
 * @mult/@shift: ns per cycle, as mult / 2^shift
 * @xtime_nsec: nanoseconds of the clock at cycle_last, shifted by @shift
 */
struct tk_read_base {
	struct clocksource	*clock;
	u64			mask;
	u64			cycle_last;
	u32			mult;
	u32			shift;
	u64			xtime_nsec;
};

struct timekeeper {
	struct tk_read_base	tkr_mono;	/* CLOCK_REALTIME and friends */
	struct tk_read_base	tkr_raw;	/* CLOCK_MONOTONIC_RAW */
	u64			xtime_sec;	/* CLOCK_REALTIME seconds */
	struct timespec64	wall_to_monotonic;
	struct timespec64	monotonic_to_boot;
	s32			tai_offset;
	u64			raw_sec;
};

void update_vsyscall(struct timekeeper *tk);
void update_vsyscall_tz(void);

#endif /* _TEST_LINUX_TIMEKEEPER_INTERNAL_H */
