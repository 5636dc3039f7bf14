/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ChaCha20 block function (RFC 8439, section 2.3), for the vDSO's
 * getrandom(): no tables, no library calls, any architecture.
 */
#ifndef __VDSO_CHACHA_H
#define __VDSO_CHACHA_H

#include <linux/types.h>

/* "expand 32-byte k", as four little-endian words */
#define VDSO_CHACHA_C0	0x61707865U
#define VDSO_CHACHA_C1	0x3320646eU
#define VDSO_CHACHA_C2	0x79622d32U
#define VDSO_CHACHA_C3	0x6b206574U

static __always_inline u32 vdso_rotl32(u32 v, int n)
{
	return (v << n) | (v >> (32 - n));
}

/* The quarter round on words @a, @b, @c and @d of @x */
static __always_inline void vdso_chacha_qr(u32 x[16], int a, int b, int c, int d)
{
	x[a] += x[b];
	x[d] = vdso_rotl32(x[d] ^ x[a], 16);
	x[c] += x[d];
	x[b] = vdso_rotl32(x[b] ^ x[c], 12);
	x[a] += x[b];
	x[d] = vdso_rotl32(x[d] ^ x[a], 8);
	x[c] += x[d];
	x[b] = vdso_rotl32(x[b] ^ x[c], 7);
}

/**
 * vdso_chacha20() - one ChaCha20 block
 * @out: the block: 20 rounds over @in, plus @in, as 16 words
 * @in:  constants, key, counter and nonce, as 16 words
 */
static __always_inline void vdso_chacha20(u32 out[16], const u32 in[16])
{
	int i;

	for (i = 0; i < 16; i++)
		out[i] = in[i];
	for (i = 0; i < 10; i++) {
		/* a column round, then a diagonal round */
		vdso_chacha_qr(out, 0, 4, 8, 12);
		vdso_chacha_qr(out, 1, 5, 9, 13);
		vdso_chacha_qr(out, 2, 6, 10, 14);
		vdso_chacha_qr(out, 3, 7, 11, 15);
		vdso_chacha_qr(out, 0, 5, 10, 15);
		vdso_chacha_qr(out, 1, 6, 11, 12);
		vdso_chacha_qr(out, 2, 7, 8, 13);
		vdso_chacha_qr(out, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++)
		out[i] += in[i];
}

#endif /* __VDSO_CHACHA_H */
