/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What lib/vdso/rng.c takes from linux/linkage.h: __page_aligned_data
 * (kept with the other page helpers in linux/mm.h).
 */
#ifndef _TEST_LINUX_LINKAGE_H
#define _TEST_LINUX_LINKAGE_H

#include <linux/mm.h>

#endif /* _TEST_LINUX_LINKAGE_H */
