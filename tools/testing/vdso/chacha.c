// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO's ChaCha20 (include/vdso/chacha.h): its scalar and vector forms
 * against the test vectors of RFC 8439 (section 2.3.2, appendix A.1), and
 * against a plain block function written here for runs of 0 to 70
 * blocks, at any alignment, with the 64-bit block counter crossing 2^32
 * and 2^64. Built three times: with the vector form and stores of any
 * alignment (x86-64); with VDSO_TEST_NO_VECTORS and
 * VDSO_TEST_STRICT_ALIGN, the scalar form alone with the byte stores of
 * an architecture that has no unaligned ones; and with SSSE3 and
 * VDSO_CHACHA_BYTE_SHUFFLE, the vector form's rotations by 8 as byte
 * shuffles (x86's vgetrandom-ssse3.c, arm64's TBL).
 */
#include <stdio.h>
#include <string.h>
#include <linux/types.h>

/* as an architecture's glue would; x86-64 always has SSE2 */
#ifndef VDSO_TEST_NO_VECTORS
#define VDSO_CHACHA_VECTORS	1
#endif
#include <vdso/chacha.h>

#include "rfc8439.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* the longest run of blocks, and how far into a buffer it starts */
#define MAX_BLOCKS	70
#define OFFSETS		16
/* bytes either side of a run that must stay as they were */
#define GUARD		64

/* where the block counter starts in the random runs */
enum start { LOW, ACROSS_2_32, ACROSS_2_64, STARTS };

static const char *const start_name[STARTS] = {
	[LOW] = "counter below 2^32 - 70",
	[ACROSS_2_32] = "counter crossing 2^32: word 12 carries into word 13",
	[ACROSS_2_64] = "counter crossing 2^64: words 12 and 13 wrap to 0",
};

static int tests, failed;

static void report(bool ok, const char *fmt, const char *name)
{
	tests++;
	if (!ok)
		failed++;
	printf("%sok %d - ", ok ? "" : "not ", tests);
	printf(fmt, name);
	putchar('\n');
}

/* xorshift64*: the random runs are the same on every run */
static u64 rnd_state = 0x243f6a8885a308d3ULL;

static u64 rnd64(void)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return rnd_state * 0x2545f4914f6cdd1dULL;
}

static void setup(u32 in[16], const u8 key[32], u32 counter, const u8 nonce[12])
{
	int i;

	in[0] = VDSO_CHACHA_C0;
	in[1] = VDSO_CHACHA_C1;
	in[2] = VDSO_CHACHA_C2;
	in[3] = VDSO_CHACHA_C3;
	for (i = 0; i < 8; i++)
		in[4 + i] = get_le32(key + 4 * i);
	in[12] = counter;
	for (i = 0; i < 3; i++)
		in[13 + i] = get_le32(nonce + 4 * i);
}

/* the forms under test: vdso_chacha20_blocks() and vdso_chacha20_vruns() */
struct form {
	const char *name;
	void (*blocks)(u32 in[16], u8 *dst, size_t n);
};

static void scalar_form(u32 in[16], u8 *dst, size_t n)
{
	vdso_chacha20_blocks(in, dst, n);
}

#ifdef VDSO_CHACHA_VECTORS
/* whole runs of four in the vector form, the rest in the scalar one */
static void vector_form(u32 in[16], u8 *dst, size_t n)
{
	vdso_chacha20_vruns(in, dst, n / 4);
	vdso_chacha20_blocks(in, dst + 64 * (n & ~3UL), n & 3);
}
#endif

static const struct form forms[] = {
	{ "scalar form", scalar_form },
#if defined(VDSO_CHACHA_BYTE_SHUFFLE)
	{ "vector form (byte shuffles)", vector_form },
#elif defined(VDSO_CHACHA_VECTORS)
	{ "vector form", vector_form },
#endif
};

static u32 ref_rotl(u32 v, int n)
{
	return v << n | v >> (32 - n);
}

static void ref_qr(u32 x[16], int a, int b, int c, int d)
{
	x[a] += x[b];
	x[d] = ref_rotl(x[d] ^ x[a], 16);
	x[c] += x[d];
	x[b] = ref_rotl(x[b] ^ x[c], 12);
	x[a] += x[b];
	x[d] = ref_rotl(x[d] ^ x[a], 8);
	x[c] += x[d];
	x[b] = ref_rotl(x[b] ^ x[c], 7);
}

/*
 * @n blocks of a plain block function, written here from RFC 8439 and
 * checked against its vectors too, the 64-bit counter in words 12 and 13
 */
static void ref_blocks(const u32 in[16], u8 *dst, size_t n)
{
	u32 s[16], x[16];
	int i;

	memcpy(s, in, sizeof(s));
	for (; n; n--, dst += 64) {
		memcpy(x, s, sizeof(x));
		for (i = 0; i < 10; i++) {
			ref_qr(x, 0, 4, 8, 12);
			ref_qr(x, 1, 5, 9, 13);
			ref_qr(x, 2, 6, 10, 14);
			ref_qr(x, 3, 7, 11, 15);
			ref_qr(x, 0, 5, 10, 15);
			ref_qr(x, 1, 6, 11, 12);
			ref_qr(x, 2, 7, 8, 13);
			ref_qr(x, 3, 4, 9, 14);
		}
		for (i = 0; i < 16; i++)
			put_le32(dst + 4 * i, x[i] + s[i]);
		if (!++s[12])
			s[13]++;
	}
}

static void ref_form(u32 in[16], u8 *dst, size_t n)
{
	ref_blocks(in, dst, n);
	in[12] += n;
	if (in[12] < n)
		in[13]++;
}

/* @f against one RFC block, into an odd address */
static bool form_vector(const struct form *f, const struct rfc8439_vector *t)
{
	u32 in[16], want[16];
	u8 buf[1 + 64 + 1];

	setup(in, t->key, t->counter, t->nonce);
	memcpy(want, in, sizeof(want));
	want[12]++;
	memset(buf, 0xa5, sizeof(buf));
	f->blocks(in, buf + 1, 1);
	return !memcmp(buf + 1, t->block, 64) && buf[0] == 0xa5 && buf[65] == 0xa5 &&
	       !memcmp(in, want, sizeof(in));
}

/* RFC 8439 A.1 #1 and #2 are blocks 0 and 1 of one keystream: one run of 2 */
static bool form_two(const struct form *f)
{
	static const u8 zero[32];
	u32 in[16];
	u8 got[128];

	setup(in, zero, 0, zero);
	f->blocks(in, got, 2);
	return !memcmp(got, rfc8439[RFC8439_A1_1].block, 64) &&
	       !memcmp(got + 64, rfc8439[RFC8439_A1_2].block, 64) && in[12] == 2 && !in[13];
}

/*
 * @f against ref_blocks(): every run length from 0 to MAX_BLOCKS at each
 * of OFFSETS alignments, a random key and nonce each time, the counter
 * starting as @start says. The output, the bytes around it, and @in
 * afterwards: words 12 and 13 advanced by n as one 64-bit counter, the
 * rest as they were.
 */
static bool form_runs(const struct form *f, enum start start)
{
	static u8 got[GUARD + OFFSETS + 64 * MAX_BLOCKS + GUARD], want[64 * MAX_BLOCKS];
	unsigned int bad = 0;
	size_t n, off;
	int i;

	for (n = 0; n <= MAX_BLOCKS; n++) {
		for (off = 0; off < OFFSETS; off++) {
			u32 in[16], before[16];
			u8 *dst = got + GUARD + off;
			u64 ctr;

			for (i = 0; i < 16; i++)
				in[i] = rnd64() >> 32;
			in[0] = VDSO_CHACHA_C0;
			in[1] = VDSO_CHACHA_C1;
			in[2] = VDSO_CHACHA_C2;
			in[3] = VDSO_CHACHA_C3;
			switch (start) {
			case LOW:
				in[12] %= 0xffffffffU - MAX_BLOCKS;
				break;
			case ACROSS_2_32:
				/* the last of the run's n blocks is past 2^32 */
				in[12] = -(u32)(1 + rnd64() % (n ? n : 1));
				break;
			case ACROSS_2_64:
				in[12] = -(u32)(1 + rnd64() % (n ? n : 1));
				in[13] = 0xffffffffU;
				break;
			default:
				break;
			}
			memcpy(before, in, sizeof(before));
			ctr = ((u64)in[13] << 32 | in[12]) + n;

			ref_blocks(in, want, n);
			memset(got, 0xa5, sizeof(got));
			f->blocks(in, dst, n);

			if (memcmp(dst, want, 64 * n)) {
				if (!bad++)
					printf("# %zu blocks at +%zu: output differs\n", n, off);
			}
			for (i = 0; i < (int)sizeof(got); i++) {
				if ((got + i < dst || got + i >= dst + 64 * n) && got[i] != 0xa5) {
					if (!bad++)
						printf("# %zu blocks at +%zu: byte %d written\n", n,
						       off, (int)(got + i - dst));
					break;
				}
			}
			if (in[12] != (u32)ctr || in[13] != (u32)(ctr >> 32)) {
				if (!bad++)
					printf("# %zu blocks from %#x:%#x: counter %#x:%#x\n",
					       n, before[13], before[12], in[13], in[12]);
			}
			in[12] = before[12];
			in[13] = before[13];
			if (memcmp(in, before, sizeof(in))) {
				if (!bad++)
					printf("# %zu blocks: other words of in[] changed\n", n);
			}
		}
	}
	if (bad)
		printf("# %u bad runs\n", bad);
	return !bad;
}

int main(void)
{
	const struct form ref = { "the tests' own block function", ref_form };
	char name[160];
	unsigned int v, f;
	int s;

	printf("TAP version 13\n1..%zu\n",
	       ARRAY_SIZE(rfc8439) + ARRAY_SIZE(forms) * (ARRAY_SIZE(rfc8439) + 1 + STARTS));
	/* the reference first: the runs below rest on it */
	for (v = 0; v < ARRAY_SIZE(rfc8439); v++) {
		snprintf(name, sizeof(name), "%s, %s", ref.name, rfc8439[v].name);
		report(form_vector(&ref, &rfc8439[v]), "ChaCha20 %s", name);
	}
	for (f = 0; f < ARRAY_SIZE(forms); f++) {
		for (v = 0; v < ARRAY_SIZE(rfc8439); v++) {
			snprintf(name, sizeof(name), "%s, %s", forms[f].name, rfc8439[v].name);
			report(form_vector(&forms[f], &rfc8439[v]), "ChaCha20 %s", name);
		}
		report(form_two(&forms[f]), "ChaCha20 %s, 2 blocks: RFC 8439 A.1 #1 then #2",
		       forms[f].name);
		for (s = 0; s < STARTS; s++) {
			snprintf(name, sizeof(name),
				 "%s = the plain block function, 0..70 blocks, 16 alignments, %s",
				 forms[f].name, start_name[s]);
			report(form_runs(&forms[f], s), "ChaCha20 %s", name);
		}
	}
	return failed != 0;
}
