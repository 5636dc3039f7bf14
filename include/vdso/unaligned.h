/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loads and stores at any alignment: the compiler is told the object
 * sits in a packed struct and emits whatever access the CPU allows.
 */
#ifndef __VDSO_UNALIGNED_H
#define __VDSO_UNALIGNED_H

#define __get_unaligned_t(type, ptr) ({					\
	const struct { type v; } __packed * __ua = (const void *)(ptr);	\
	__ua->v;							\
})

#define __put_unaligned_t(type, val, ptr) do {				\
	struct { type v; } __packed * __ua = (void *)(ptr);		\
	__ua->v = (val);						\
} while (0)

#endif /* __VDSO_UNALIGNED_H */
