/* SPDX-License-Identifier: GPL-2.0 */
/*
 * As the kernel's own asm/posix_types.h: pick the real uapi header of the
 * host's ABI (the uapi asm/posix_types.h includes nothing for __KERNEL__).
 */
#ifndef _TEST_ASM_POSIX_TYPES_H
#define _TEST_ASM_POSIX_TYPES_H

#include <asm/posix_types_64.h>

#endif /* _TEST_ASM_POSIX_TYPES_H */
