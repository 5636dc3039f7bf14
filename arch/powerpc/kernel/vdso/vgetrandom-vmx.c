// SPDX-License-Identifier: GPL-2.0
/*
 * getrandom()'s ChaCha20 on the AltiVec registers: the generic vector
 * form (vdso/chacha.h), built in this file alone with AltiVec (and
 * without VSX, so that it stays in v0-v31 and leaves the floating-point
 * registers alone). The rest of the image uses no vector register. C
 * calls it only through __vdso_chacha20_vmx() (entry.S), which keeps the
 * caller's v0-v19 around it; the compiler keeps v20-v31 here.
 */
#define VDSO_CHACHA_VECTORS	1
/* VRLW rotates each word by any amount */
#define VDSO_CHACHA_ROTATES	1
#include <vdso/chacha.h>
#include <asm/vdso/gettimeofday.h>

/* @n whole runs of four blocks: getrandom.c asks for nothing else */
void __vdso_chacha20_vmx_blocks(u32 in[16], u8 *dst, size_t n)
{
	vdso_chacha20_vruns(in, dst, n / 4);
}
