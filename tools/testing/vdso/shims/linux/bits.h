/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's BIT() on top of the real uapi linux/bits.h: what the
 * Hyper-V TLFS header (vclock.c) takes from the kernel's linux/bits.h.
 */
#ifndef _TEST_LINUX_BITS_H
#define _TEST_LINUX_BITS_H

#include_next <linux/bits.h>
#include <vdso/bits.h>

#endif /* _TEST_LINUX_BITS_H */
