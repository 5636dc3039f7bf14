/* SPDX-License-Identifier: GPL-2.0 */
/*
 * getrandom() in the vDSO: the per-thread state user space allocates,
 * and the kernel RNG's hooks (lib/vdso/rng.c).
 */
#ifndef _VDSO_GETRANDOM_H
#define _VDSO_GETRANDOM_H

#include <linux/types.h>

/*
 * Bytes of output a state keeps ready: eight blocks of keystream, less
 * the key (lib/vdso/getrandom.c: two runs of the vector ChaCha20)
 */
#define VDSO_RNG_BATCH	(8 * 64 - 32)

/**
 * struct vgetrandom_state - one thread's generator, opaque to user space
 * @key:        the ChaCha20 key, as the little-endian words of RFC 8439
 *              (the bytes the system call or the keystream wrote);
 *              replaced by keystream right after each use (fast key
 *              erasure), so a copy of the state taken later says nothing
 *              of earlier output
 * @batch:      keystream not yet handed out; bytes are wiped as they go
 * @generation: the kernel RNG's generation the key came from; 0 (as in
 *              a new, wiped-on-fork or dropped state) never matches
 * @in_use:     set during a call, so that a signal handler calling with
 *              the same state goes to the system call instead
 * @pos:        bytes of @batch handed out
 *
 * User space maps states with MAP_DROPPABLE, which also wipes them in a
 * child at fork(): a child never repeats its parent's output.
 */
struct vgetrandom_state {
	__le32 key[8];
	u8 batch[VDSO_RNG_BATCH];
	unsigned long generation;
	u8 in_use;
	u16 pos;
} __aligned(64);

#ifndef __VDSO__
void vdso_rng_set_generation(unsigned long generation);
void vdso_rng_set_ready(void);
#endif

#endif /* _VDSO_GETRANDOM_H */
