// SPDX-License-Identifier: GPL-2.0
/*
 * getrandom()'s ChaCha20 with SSSE3: the generic vector form
 * (vdso/chacha.h) with PSHUFB for the rotations by 8 and 16, one
 * instruction each where SSE2 takes two and four. Built in this file
 * alone with SSSE3; getrandom.c calls it where the CPU has SSSE3, which
 * the alternatives the kernel applies to the image tell
 * (asm/vdso/gettimeofday.h), and runs its own SSE2 form elsewhere.
 */
#define VDSO_CHACHA_BYTE_SHUFFLE	1
#include <asm/vdso/gettimeofday.h>
#include <vdso/chacha.h>

/* @runs runs of four blocks: getrandom.c asks for nothing else */
void __vdso_chacha20_ssse3(u32 in[16], u8 *dst, size_t runs)
{
	vdso_chacha20_vruns(in, dst, runs);
}
