/* SPDX-License-Identifier: GPL-2.0 */
/* Function and variable attributes, as GCC spells them. Force-included. */
#ifndef _TEST_LINUX_COMPILER_TYPES_H
#define _TEST_LINUX_COMPILER_TYPES_H

/* glibc's sys/cdefs.h redefines this one to the same effect. */
#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif
#define noinline		__attribute__((__noinline__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __packed		__attribute__((__packed__))
#define __force
#define __maybe_unused		__attribute__((__unused__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))

#endif /* _TEST_LINUX_COMPILER_TYPES_H */
