/* SPDX-License-Identifier: GPL-2.0 */
/* The y2038-limited time types of the old 32-bit system call ABI. */
#ifndef __VDSO_TIME32_H
#define __VDSO_TIME32_H

typedef s32 old_time32_t;

/* struct timeval of the old 32-bit ABI */
struct old_timeval32 {
	old_time32_t	tv_sec;
	s32		tv_usec;	/* microseconds */
};

/* struct timespec of the old 32-bit ABI */
struct old_timespec32 {
	old_time32_t	tv_sec;
	s32		tv_nsec;	/* nanoseconds */
};

#endif /* __VDSO_TIME32_H */
