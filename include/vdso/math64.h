/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 64-bit arithmetic that needs no library help: usable in the vDSO image,
 * where there is no libgcc, and in the kernel proper.
 */
#ifndef __VDSO_MATH64_H
#define __VDSO_MATH64_H

/*
 * __iter_div_u64_rem() - divide by repeated subtraction
 *
 * Fast when the quotient is known to be tiny (normalising a timespec
 * after adding a few nanoseconds). The empty asm keeps the compiler from
 * turning the loop back into a division.
 */
static __always_inline u32
__iter_div_u64_rem(u64 dividend, u32 divisor, u64 *remainder)
{
	u32 quot;

	for (quot = 0; dividend >= divisor; quot++) {
		asm("" : "+rm" (dividend));
		dividend -= divisor;
	}
	*remainder = dividend;
	return quot;
}

#if defined(CONFIG_ARCH_SUPPORTS_INT128) && defined(__SIZEOF_INT128__)
#define VDSO_HAVE_U128	1
#endif

/**
 * mul_u64_u32_add_u64_shr() - (@a * @mul + @b) >> @shift, without overflow
 * @a:     64-bit factor
 * @mul:   32-bit factor
 * @b:     addend, taken before the shift
 * @shift: right shift, below 32 on the 32-bit path
 *
 * The intermediate value is 96 bits wide; only the result must fit in 64.
 */
#ifndef mul_u64_u32_add_u64_shr
#ifdef VDSO_HAVE_U128
static __always_inline u64 mul_u64_u32_add_u64_shr(u64 a, u32 mul, u64 b,
						   unsigned int shift)
{
	u128 t = (u128)a * mul + b;
	u64 lo = t, hi = t >> 64;

	/* a variable 128-bit shift would be a libgcc call on some arches */
	if (!shift)
		return lo;
	return (lo >> shift) | (hi << (64 - shift));
}
#else
static __always_inline u64 mul_u64_u32_add_u64_shr(u64 a, u32 mul, u64 b,
						   unsigned int shift)
{
	/* a * mul = hi * 2^32 + lo, with hi and lo each below 2^64 */
	u64 lo = (u64)(u32)a * mul;
	u64 hi = (a >> 32) * mul;
	u64 low64, res;
	u32 carry;

	/* low 64 bits of the 96-bit sum, and the carry out of them */
	low64 = lo + (hi << 32);
	carry = low64 < lo;
	res = low64 + b;
	carry += res < low64;

	/* bits 64..95 of the sum: hi's top half plus the carries */
	hi = (hi >> 32) + carry;
	if (!shift)
		return res;
	return (res >> shift) | (hi << (64 - shift));
}
#endif
#endif /* mul_u64_u32_add_u64_shr */

/**
 * vdso_mul_hi64() - the upper 64 bits of the 128-bit product @a * @b
 * @a: first factor
 * @b: second factor
 */
static __always_inline u64 vdso_mul_hi64(u64 a, u64 b)
{
#ifdef VDSO_HAVE_U128
	return (u64)(((u128)a * b) >> 64);
#else
	u64 al = (u32)a, ah = a >> 32, bl = (u32)b, bh = b >> 32;
	u64 ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	u64 mid = (ll >> 32) + (u32)lh + (u32)hl;

	return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}

/**
 * vdso_split_ns() - split a nanosecond count into seconds and the rest
 * @ns:  nanoseconds, any 64-bit value
 * @rem: set to @ns modulo NSEC_PER_SEC
 *
 * Division by the constant 10^9 done as a multiplication by its scaled
 * reciprocal: 10^9 = 2^9 * 1953125, and for every n < 2^55,
 * n / 1953125 == (n * 0x44b82fa09b5a53) >> 75 (the multiplier is
 * ceil(2^75 / 1953125); its error term stays below 2^-20 of a unit over
 * that range). No divide instruction, no libgcc call, no loop.
 *
 * Return: @ns / NSEC_PER_SEC.
 */
static __always_inline u64 vdso_split_ns(u64 ns, u32 *rem)
{
	u64 sec = vdso_mul_hi64(ns >> 9, 0x44b82fa09b5a53ULL) >> 11;

	*rem = (u32)(ns - sec * 1000000000ULL);
	return sec;
}

#endif /* __VDSO_MATH64_H */
