// SPDX-License-Identifier: GPL-2.0
/*
 * vdso/math64.h against exact 128-bit host arithmetic. Built twice: with
 * the 128-bit paths and (VDSO_TEST_NO_INT128) with the 32-bit ones.
 */
#include "vdso_test.h"
#include <vdso/math64.h>

#ifdef VDSO_HAVE_U128
#define PATH	"128-bit path"
#else
#define PATH	"32-bit path"
#endif

#define SPLIT_RANDOM	10000000

const int math_tests = 6;

static void check_split(u64 ns)
{
	u32 rem = 0xdeadbeef;
	u64 sec = vdso_split_ns(ns, &rem);

	if (sec != ns / NSEC || rem != ns % NSEC)
		t_fail("vdso_split_ns(%llu) = %llu s %u ns, want %llu s %llu ns",
		       ns, sec, rem, ns / NSEC, ns % NSEC);
}

static void test_split_edges(void)
{
	static const struct { u64 ns, sec; u32 rem; } kat[] = {
		{ 0, 0, 0 },
		{ 1, 0, 1 },
		{ 999999999, 0, 999999999 },
		{ 1000000000, 1, 0 },
		{ 1000000001, 1, 1 },
		{ 1999999999, 1, 999999999 },
		{ 86400000000000ULL, 86400, 0 },
		{ 0x7fffffffffffffffULL, 9223372036ULL, 854775807 },
		{ 0x8000000000000000ULL, 9223372036ULL, 854775808 },
		{ 0xffffffffffffffffULL, 18446744073ULL, 709551615 },
	};
	u64 k, n = 0;
	size_t i;
	int d;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(kat); i++) {
		u32 rem;
		u64 sec = vdso_split_ns(kat[i].ns, &rem);

		if (sec != kat[i].sec || rem != kat[i].rem)
			t_fail("vdso_split_ns(%llu) = %llu s %u ns, want %llu s %u ns",
			       kat[i].ns, sec, rem, kat[i].sec, kat[i].rem);
	}
	/* every second up to 2^22 and a spread of them up to the top */
	for (k = 0; k <= U64_MAX / NSEC; k += k < (1 << 22) ? 1 : k / 4096 + 1) {
		for (d = k ? -2 : 0; d <= 2; d++) {
			check_split(k * NSEC + d);
			n++;
		}
	}
	/* around powers of two, where the reciprocal is tightest */
	for (i = 0; i < 64; i++) {
		for (d = -3; d <= 3; d++) {
			check_split((1ULL << i) + d);
			n++;
		}
	}
	check_split(U64_MAX / NSEC * NSEC - 1);
	check_split(U64_MAX / NSEC * NSEC);
	t_end("vdso_split_ns: known answers and %llu values at second and power-of-two edges (%s)",
	      n, PATH);
}

static void test_split_random(void)
{
	u64 i;

	t_begin();
	for (i = 0; i < SPLIT_RANDOM; i++) {
		switch (i & 3) {
		case 0:
			check_split(rnd64());
			break;
		case 1:
			check_split(rnd_log());
			break;
		default:
			/* near a whole second */
			check_split(rnd_below(U64_MAX / NSEC) * NSEC +
				    rnd_below(2001) - 1000);
			break;
		}
	}
	t_end("vdso_split_ns: %d random values against real division (%s)",
	      SPLIT_RANDOM, PATH);
}

static void test_mul_hi64(void)
{
	static const u64 edge[] = { 0, 1, 2, 0xffffffff, 0x100000000ULL,
				    0x7fffffffffffffffULL, 0x8000000000000000ULL,
				    0xfffffffffffffffeULL, 0xffffffffffffffffULL,
				    0x44b82fa09b5a53ULL };
	size_t i, j;
	int n;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(edge); i++) {
		for (j = 0; j < ARRAY_SIZE(edge); j++) {
			u64 got = vdso_mul_hi64(edge[i], edge[j]);
			u64 want = ((ref_u128)edge[i] * edge[j]) >> 64;

			if (got != want)
				t_fail("vdso_mul_hi64(%#llx, %#llx) = %#llx, want %#llx",
				       edge[i], edge[j], got, want);
		}
	}
	for (n = 0; n < 1000000; n++) {
		u64 a = n & 1 ? rnd64() : rnd_log(), b = n & 2 ? rnd64() : rnd_log();
		u64 got = vdso_mul_hi64(a, b);
		u64 want = ((ref_u128)a * b) >> 64;

		if (got != want)
			t_fail("vdso_mul_hi64(%#llx, %#llx) = %#llx, want %#llx",
			       a, b, got, want);
	}
	t_end("vdso_mul_hi64: edges and 10^6 random pairs (%s)", PATH);
}

static void check_mul_shr(u64 a, u32 mul, u64 b, unsigned int shift)
{
	ref_u128 want = ((ref_u128)a * mul + b) >> shift;
	u64 got;

	if (want >> 64)
		return;		/* the result must fit: not a valid input */
	got = mul_u64_u32_add_u64_shr(a, mul, b, shift);
	if (got != (u64)want)
		t_fail("mul_u64_u32_add_u64_shr(%#llx, %#x, %#llx, %u) = %#llx, want %#llx",
		       a, mul, b, shift, got, (u64)want);
}

static void test_mul_shr_kat(void)
{
	t_begin();
	if (mul_u64_u32_add_u64_shr(U64_MAX, U32_MAX, U64_MAX, 32) != U64_MAX)
		t_fail("all ones, shift 32");
	if (mul_u64_u32_add_u64_shr(1ULL << 63, 2, 0, 1) != 1ULL << 63)
		t_fail("2^64 >> 1");
	if (mul_u64_u32_add_u64_shr(3, 5, 7, 0) != 22)
		t_fail("3 * 5 + 7");
	if (mul_u64_u32_add_u64_shr(U64_MAX, 1, 1, 1) != 1ULL << 63)
		t_fail("carry out of the low word");
	/* 2^40 cycles at 2^24 * 1 ns per cycle, plus half a unit: rounds down */
	if (mul_u64_u32_add_u64_shr(1ULL << 40, 1U << 24, (1ULL << 23), 24) != 1ULL << 40)
		t_fail("1 ns per cycle, shift 24");
	t_end("mul_u64_u32_add_u64_shr: known answers (%s)", PATH);
}

static void test_mul_shr_random(void)
{
	unsigned int shift, max_shift = 32;
	int n;

	t_begin();
	for (shift = 0; shift <= max_shift; shift++) {
		for (n = 0; n < 30000; n++) {
			u64 a = n & 1 ? rnd64() : rnd_log();
			u32 mul = n & 2 ? rnd64() : rnd_log() >> 32;
			u64 b = n & 4 ? rnd64() : rnd_log();

			/* keep most results in range at small shifts */
			if (shift < 32 && (n & 8))
				a >>= 32 - shift;
			check_mul_shr(a, mul, b, shift);
			check_mul_shr(a, U32_MAX, U64_MAX, shift);
		}
	}
	t_end("mul_u64_u32_add_u64_shr: shifts 0..%u, 10^6 random operands (%s)",
	      max_shift, PATH);
}

static void test_iter_div(void)
{
	int n;

	t_begin();
	for (n = 0; n < 100000; n++) {
		u64 dividend = rnd_below(20 * NSEC), rem;
		u32 quot = __iter_div_u64_rem(dividend, NSEC, &rem);

		if (quot != dividend / NSEC || rem != dividend % NSEC)
			t_fail("__iter_div_u64_rem(%llu) = %u rem %llu", dividend,
			       quot, rem);
	}
	t_end("__iter_div_u64_rem: small quotients");
}

void run_math_tests(void)
{
	test_split_edges();
	test_split_random();
	test_mul_hi64();
	test_mul_shr_kat();
	test_mul_shr_random();
	test_iter_div();
}
