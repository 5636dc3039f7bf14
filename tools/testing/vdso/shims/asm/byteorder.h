/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's byte order helpers for the host, which is little-endian:
 * lib/vdso/getrandom.c stores its keystream with cpu_to_le32().
 */
#ifndef _TEST_ASM_BYTEORDER_H
#define _TEST_ASM_BYTEORDER_H

#include <linux/types.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the vDSO harness assumes a little-endian host"
#endif

#define cpu_to_le16(x)	((__le16)(u16)(x))
#define le16_to_cpu(x)	((u16)(__le16)(x))
#define cpu_to_le32(x)	((__le32)(u32)(x))
#define le32_to_cpu(x)	((u32)(__le32)(x))
#define cpu_to_le64(x)	((__le64)(u64)(x))
#define le64_to_cpu(x)	((u64)(__le64)(x))

#endif /* _TEST_ASM_BYTEORDER_H */
