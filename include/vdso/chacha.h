/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ChaCha20 block function (RFC 8439, section 2.3), for the vDSO's
 * getrandom(): no tables, no library calls, any architecture.
 */
#ifndef __VDSO_CHACHA_H
#define __VDSO_CHACHA_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/byteorder.h>
#include <vdso/unaligned.h>

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

/*
 * The 16 words of a block plus @in, as little-endian bytes: a word at a
 * time where the architecture stores words at any alignment or @dst is
 * aligned, else a byte at a time.
 */
static __always_inline void vdso_chacha_store(u8 *dst, const u32 x[16], const u32 in[16])
{
	int i;

	if (IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS) ||
	    !((unsigned long)dst & 3)) {
#pragma GCC unroll 16
		for (i = 0; i < 16; i++)
			__put_unaligned_t(__le32, cpu_to_le32(x[i] + in[i]), dst + 4 * i);
		return;
	}
#pragma GCC unroll 16
	for (i = 0; i < 16; i++) {
		u32 w = x[i] + in[i];

		dst[4 * i] = w;
		dst[4 * i + 1] = w >> 8;
		dst[4 * i + 2] = w >> 16;
		dst[4 * i + 3] = w >> 24;
	}
}

/**
 * vdso_chacha20_blocks() - ChaCha20 keystream, one block at a time
 * @in:  constants, key, counter and nonce, as 16 words; the 64-bit block
 *       counter (words 12 and 13) is advanced by @n
 * @dst: where the @n blocks go, any alignment
 * @n:   how many 64-byte blocks
 *
 * The state is a local array that nothing takes the address of, indexed
 * only by constants once the loops are unrolled: the compiler keeps it in
 * registers as far as it has them, and what spills stays in this frame
 * (getrandom.c overwrites it after use).
 */
static __always_inline void vdso_chacha20_blocks(u32 in[16], u8 *dst, size_t n)
{
	u32 x[16];
	int i;

	for (; n; n--, dst += 64) {
#pragma GCC unroll 16
		for (i = 0; i < 16; i++)
			x[i] = in[i];
		for (i = 0; i < 10; i++) {
			/* a column round, then a diagonal round */
			vdso_chacha_qr(x, 0, 4, 8, 12);
			vdso_chacha_qr(x, 1, 5, 9, 13);
			vdso_chacha_qr(x, 2, 6, 10, 14);
			vdso_chacha_qr(x, 3, 7, 11, 15);
			vdso_chacha_qr(x, 0, 5, 10, 15);
			vdso_chacha_qr(x, 1, 6, 11, 12);
			vdso_chacha_qr(x, 2, 7, 8, 13);
			vdso_chacha_qr(x, 3, 4, 9, 14);
		}
		vdso_chacha_store(dst, x, in);
		/* the 64-bit block counter */
		if (!++in[12])
			in[13]++;
	}
}

#ifdef VDSO_CHACHA_VECTORS
/*
 * Four blocks at once, on 128-bit vectors: each holds one word of the
 * state for four blocks in a row, so that a quarter round runs on four
 * blocks as one. Plain C with GCC's vector extensions; an architecture
 * that compiles its vDSO's getrandom() with 128-bit vector registers
 * enabled (x86-64's SSE2) defines VDSO_CHACHA_VECTORS to get it. Lane i
 * is block i's word in either byte order; stores make them
 * little-endian. getrandom() asks for whole runs of four blocks only
 * (lib/vdso/getrandom.c), so there is no vector form of a single block.
 */
/*
 * Where the vector registers are an optional facility (s390), the glue
 * gives the attribute that compiles code for them, and every function
 * here has it; see also lib/vdso/getrandom.c.
 */
#ifndef VDSO_CHACHA_VECTOR_TARGET
#define VDSO_CHACHA_VECTOR_TARGET
#endif

typedef u32 vdso_v4u32 __attribute__((vector_size(16)));
typedef u16 vdso_v8u16 __attribute__((vector_size(16)));
typedef u8 vdso_v16u8 __attribute__((vector_size(16)));

/* Four words to @dst as keystream: little-endian, any alignment */
static __always_inline VDSO_CHACHA_VECTOR_TARGET
void vdso_vstore(u8 *dst, vdso_v4u32 v)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	const vdso_v16u8 swab = { 3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12 };

	v = (vdso_v4u32)__builtin_shuffle((vdso_v16u8)v, swab);
#endif
	__builtin_memcpy(dst, &v, sizeof(v));
}

/*
 * Each word rotated left by @n (a constant): two shifts and an OR, or
 * what the glue has for it, vdso_arch_vrotl32(@v, @n) (arm64: a shift,
 * and a shift right that inserts). Where the compiler makes the plain
 * form one rotate instruction (s390's VERLLF), the glue defines
 * VDSO_CHACHA_ROTATES, and rotations by 16 and 8 are rotations too.
 */
static __always_inline VDSO_CHACHA_VECTOR_TARGET
vdso_v4u32 vdso_vrotl32(vdso_v4u32 v, int n)
{
#ifdef vdso_arch_vrotl32
	return vdso_arch_vrotl32(v, n);
#else
	return (v << n) | (v >> (32 - n));
#endif
}

/*
 * By 8, a byte shuffle where the architecture has one for any constant
 * order (arm64's TBL: the glue defines VDSO_CHACHA_BYTE_SHUFFLE)
 */
static __always_inline VDSO_CHACHA_VECTOR_TARGET
vdso_v4u32 vdso_vrotl8(vdso_v4u32 v)
{
#if defined(VDSO_CHACHA_BYTE_SHUFFLE) && !defined(VDSO_CHACHA_ROTATES)
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "VDSO_CHACHA_BYTE_SHUFFLE: the order is a little-endian word's"
#endif
	const vdso_v16u8 rot = { 3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14 };

	return (vdso_v4u32)__builtin_shuffle((vdso_v16u8)v, rot);
#else
	return vdso_vrotl32(v, 8);
#endif
}

/* By 16, the halves of each word swap: one shuffle (REV32, PSHUFLW/HW) */
static __always_inline VDSO_CHACHA_VECTOR_TARGET
vdso_v4u32 vdso_vrotl16(vdso_v4u32 v)
{
#ifdef VDSO_CHACHA_ROTATES
	return vdso_vrotl32(v, 16);
#else
	const vdso_v8u16 swap = { 1, 0, 3, 2, 5, 4, 7, 6 };

	return (vdso_v4u32)__builtin_shuffle((vdso_v8u16)v, swap);
#endif
}

/* One quarter round on words @a, @b, @c, @d of four blocks, lane by lane */
static __always_inline VDSO_CHACHA_VECTOR_TARGET
void vdso_chacha_vqr(vdso_v4u32 *a, vdso_v4u32 *b, vdso_v4u32 *c, vdso_v4u32 *d)
{
	*a += *b;
	*d = vdso_vrotl16(*d ^ *a);
	*c += *d;
	*b = vdso_vrotl32(*b ^ *c, 12);
	*a += *b;
	*d = vdso_vrotl8(*d ^ *a);
	*c += *d;
	*b = vdso_vrotl32(*b ^ *c, 7);
}

/*
 * Four blocks at once: each vector holds one word of the state for four
 * blocks in a row (counters c, c + 1, c + 2, c + 3), so the quarter
 * rounds are those of vdso_chacha20_blocks() on vectors, and a transpose puts
 * the words of each block together at the end.
 */
static __always_inline VDSO_CHACHA_VECTOR_TARGET
void vdso_chacha20_vblocks4(u32 in[16], u8 *dst)
{
	const vdso_v4u32 step = { 0, 1, 2, 3 };
	vdso_v4u32 x[16], c12, c13, t0, t1, t2, t3;
	int i;

	/* unrolled: the broadcasts go straight to registers, not the stack */
#pragma GCC unroll 16
	for (i = 0; i < 16; i++)
		x[i] = (vdso_v4u32){} + in[i];
	/* the four counters; a lane whose low word wrapped carries */
	c12 = x[12] + step;
	c13 = x[13] - (vdso_v4u32)(c12 < step);
	x[12] = c12;
	x[13] = c13;
	for (i = 0; i < 10; i++) {
		vdso_chacha_vqr(&x[0], &x[4], &x[8], &x[12]);
		vdso_chacha_vqr(&x[1], &x[5], &x[9], &x[13]);
		vdso_chacha_vqr(&x[2], &x[6], &x[10], &x[14]);
		vdso_chacha_vqr(&x[3], &x[7], &x[11], &x[15]);
		vdso_chacha_vqr(&x[0], &x[5], &x[10], &x[15]);
		vdso_chacha_vqr(&x[1], &x[6], &x[11], &x[12]);
		vdso_chacha_vqr(&x[2], &x[7], &x[8], &x[13]);
		vdso_chacha_vqr(&x[3], &x[4], &x[9], &x[14]);
	}
	/*
	 * The input added back: to words 12 to 15 here (12 and 13, the
	 * counters, differ from block to block), and to words 0 to 11, which
	 * the four blocks share, after the transpose, four words at a time.
	 * @in is read again after the rounds (the barrier), so that no copy
	 * of the key waits on the stack meanwhile.
	 */
	barrier();
	x[12] += c12;
	x[13] += c13;
	x[14] += (vdso_v4u32){} + in[14];
	x[15] += (vdso_v4u32){} + in[15];

	/* words 4g..4g+3 of block k are lane k of x[4g]..x[4g+3] */
#pragma GCC unroll 4
	for (i = 0; i < 16; i += 4) {
		vdso_v4u32 r[4], add = {};

		if (i < 12)
			__builtin_memcpy(&add, &in[i], sizeof(add));
		t0 = __builtin_shuffle(x[i], x[i + 1], (vdso_v4u32){ 0, 4, 1, 5 });
		t1 = __builtin_shuffle(x[i], x[i + 1], (vdso_v4u32){ 2, 6, 3, 7 });
		t2 = __builtin_shuffle(x[i + 2], x[i + 3], (vdso_v4u32){ 0, 4, 1, 5 });
		t3 = __builtin_shuffle(x[i + 2], x[i + 3], (vdso_v4u32){ 2, 6, 3, 7 });
		r[0] = __builtin_shuffle(t0, t2, (vdso_v4u32){ 0, 1, 4, 5 });
		r[1] = __builtin_shuffle(t0, t2, (vdso_v4u32){ 2, 3, 6, 7 });
		r[2] = __builtin_shuffle(t1, t3, (vdso_v4u32){ 0, 1, 4, 5 });
		r[3] = __builtin_shuffle(t1, t3, (vdso_v4u32){ 2, 3, 6, 7 });
		vdso_vstore(dst + 4 * i, r[0] + add);
		vdso_vstore(dst + 64 + 4 * i, r[1] + add);
		vdso_vstore(dst + 128 + 4 * i, r[2] + add);
		vdso_vstore(dst + 192 + 4 * i, r[3] + add);
	}
	/* the 64-bit block counter, four on */
	in[12] += 4;
	if (in[12] < 4)
		in[13]++;
}

/**
 * vdso_chacha20_vruns() - ChaCha20 keystream, vector form, in runs
 * @in:   constants, key, counter and nonce, as 16 words; the 64-bit block
 *        counter (words 12 and 13) is advanced by 4 * @runs
 * @dst:  where the 4 * @runs blocks go, any alignment
 * @runs: how many runs of four blocks
 *
 * The same keystream as vdso_chacha20_blocks() for 4 * @runs blocks.
 */
static __always_inline VDSO_CHACHA_VECTOR_TARGET
void vdso_chacha20_vruns(u32 in[16], u8 *dst, size_t runs)
{
	for (; runs; runs--, dst += 4 * 64)
		vdso_chacha20_vblocks4(in, dst);
}
#endif /* VDSO_CHACHA_VECTORS */

#endif /* __VDSO_CHACHA_H */
