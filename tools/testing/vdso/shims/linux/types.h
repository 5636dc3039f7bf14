/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's integer types on top of the real uapi linux/types.h
 * (build/pristine/include/uapi), which gives the __u32 and __kernel_ ones.
 */
#ifndef _TEST_LINUX_TYPES_H
#define _TEST_LINUX_TYPES_H

#include_next <linux/types.h>
#include <stdbool.h>

typedef __u8 u8;
typedef __s8 s8;
typedef __u16 u16;
typedef __s16 s16;
typedef __u32 u32;
typedef __s32 s32;
typedef __u64 u64;
typedef __s64 s64;
/* as the tools spell the types they add, not with typedef */
#define u128		unsigned __int128
#define s128		__int128

#define clockid_t	__kernel_clockid_t
#define size_t		__kernel_size_t
#define ssize_t		__kernel_ssize_t
typedef s64 time64_t;
typedef s64 ktime_t;

#endif /* _TEST_LINUX_TYPES_H */
