/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's system call numbers (linux-libc-dev, which gcc's libc6-dev
 * pulls in): the uapi asm/unistd.h hides them from __KERNEL__ code.
 */
#ifndef _TEST_ASM_UNISTD_H
#define _TEST_ASM_UNISTD_H

#include <asm/unistd_64.h>

/*
 * The 64-bit timespec calls of the 32-bit ABIs, which the VDSO_TIME32
 * build's clock_gettime64() and clock_getres_time64() fall back to. An
 * x86-64 host has neither; these are i386's and arm's numbers, unused on
 * x86-64 and distinct from __NR_clock_gettime and __NR_clock_getres, which
 * is all the tests need: which call an entry made.
 */
#ifndef __NR_clock_gettime64
#define __NR_clock_gettime64		403
#endif
#ifndef __NR_clock_getres_time64
#define __NR_clock_getres_time64	406
#endif

#endif /* _TEST_ASM_UNISTD_H */
