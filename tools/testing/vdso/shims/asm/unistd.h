/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's system call numbers (linux-libc-dev, which gcc's libc6-dev
 * pulls in): the uapi asm/unistd.h hides them from __KERNEL__ code.
 */
#ifndef _TEST_ASM_UNISTD_H
#define _TEST_ASM_UNISTD_H

#include <asm/unistd_64.h>

#endif /* _TEST_ASM_UNISTD_H */
