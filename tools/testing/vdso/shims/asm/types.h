/* SPDX-License-Identifier: GPL-2.0 */
/* The real uapi fixed-width types (__u8 ... __u64), as every arch has them. */
#ifndef _TEST_ASM_TYPES_H
#define _TEST_ASM_TYPES_H

#include <asm-generic/types.h>

#endif /* _TEST_ASM_TYPES_H */
