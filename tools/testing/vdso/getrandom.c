// SPDX-License-Identifier: GPL-2.0
/*
 * getrandom() of the vDSO and the RNG page's writer, both from lib/vdso and
 * built unchanged, checked on the host.
 *
 * The system call is counted per number (harness.c) and answered by a
 * stand-in, stub_syscall(): a request for the 32 bytes of a state's key
 * gets a known key pattern; any other request gets whatever the test
 * says, and nothing is written. Knowing the keys, the tests follow every
 * output byte with a model of the documented construction built on an
 * independent ChaCha20 (RFC 8439: counter in word 12, a zero nonce):
 *
 *   - a key is 32 bytes read as eight little-endian words, RFC 8439's
 *     key: the kernel's (the bytes the system call writes) as well as
 *     those the state makes from its own keystream;
 *   - output comes first from the batch, whose bytes are wiped as they
 *     are handed out (if the batch holds len bytes, that is all);
 *   - then n whole blocks of the key's keystream, from block 0, go
 *     straight into the buffer, n a multiple of RUN (4 blocks with the
 *     vector ChaCha20, 1 in the scalar build), as many as fit;
 *   - the next 32 + VDSO_RNG_BATCH bytes of keystream (blocks n, n + 1,
 *     ...) are the new key and the new batch; the rest of the output
 *     (less than RUN blocks) comes from the start of that batch.
 *
 * The vDSO counts blocks in 64 bits (words 12 and 13), RFC 8439 in 32 bits
 * with the nonce in word 13: with a zero nonce and below 2^32 blocks the
 * two are the same keystream.
 */
#define _GNU_SOURCE
#include <assert.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <linux/random.h>

#include "vdso_test.h"
#include "rfc8439.h"
#include <vdso/getrandom.h>

const int getrandom_tests = 23;
/* "vector" or "scalar": the ChaCha20 path the run expects (main.c) */
const char *getrandom_path;

/* the mmap() flag, as the ABI has it (the host's libc may not know it) */
#define T_MAP_DROPPABLE	0x08

/* the most the system call hands out at once: MAX_RW_COUNT */
#define T_MAX_LEN	((size_t)(INT_MAX & PAGE_MASK))

#define KEY_LEN		32
#define BATCH		VDSO_RNG_BATCH
/* blocks of keystream that make a new key and batch */
#define REKEY_BLOCKS	((KEY_LEN + BATCH) / 64)
/* blocks that go straight into a buffer come in runs of this many */
#ifdef VDSO_TEST_NO_VECTORS
#define RUN		1
#else
#define RUN		4
#endif

static_assert((KEY_LEN + BATCH) % 64 == 0, "the rekey is whole blocks");
static_assert(sizeof(((struct vgetrandom_state *)0)->key) == KEY_LEN, "key size");
static_assert(sizeof(((struct vgetrandom_state *)0)->batch) == BATCH, "batch size");

/* --- an independent ChaCha20 (RFC 8439, section 2.3) --------------------- */

static u32 ref_rotl(u32 v, unsigned int n)
{
	return (v << n) | (v >> (32 - n));
}

static void ref_quarter(u32 *a, u32 *b, u32 *c, u32 *d)
{
	*a += *b;
	*d = ref_rotl(*d ^ *a, 16);
	*c += *d;
	*b = ref_rotl(*b ^ *c, 12);
	*a += *b;
	*d = ref_rotl(*d ^ *a, 8);
	*c += *d;
	*b = ref_rotl(*b ^ *c, 7);
}

/* block @counter of the keystream for @key and @nonce */
static void ref_block(const u8 key[KEY_LEN], u32 counter, const u8 nonce[12], u8 out[64])
{
	static const char sigma[] = "expand 32-byte k";
	u32 s[16], w[16];
	int i, r;

	for (i = 0; i < 4; i++)
		s[i] = get_le32((const u8 *)sigma + 4 * i);
	for (i = 0; i < 8; i++)
		s[4 + i] = get_le32(key + 4 * i);
	s[12] = counter;
	for (i = 0; i < 3; i++)
		s[13 + i] = get_le32(nonce + 4 * i);
	memcpy(w, s, sizeof(w));
	for (r = 0; r < 10; r++) {
		/* the four columns, then the four diagonals */
		for (i = 0; i < 4; i++)
			ref_quarter(&w[i], &w[4 + i], &w[8 + i], &w[12 + i]);
		for (i = 0; i < 4; i++)
			ref_quarter(&w[i], &w[4 + (i + 1) % 4], &w[8 + (i + 2) % 4],
				    &w[12 + (i + 3) % 4]);
	}
	for (i = 0; i < 16; i++)
		put_le32(out + 4 * i, w[i] + s[i]);
}

/* @n blocks of @key's keystream (zero nonce) from block @first */
static void ref_stream(const u8 key[KEY_LEN], size_t first, u8 *out, size_t n)
{
	static const u8 zero_nonce[12];
	size_t i;

	for (i = 0; i < n; i++)
		ref_block(key, first + i, zero_nonce, out + 64 * i);
}

/* --- the model of a state ------------------------------------------------ */

struct model {
	u8 key[KEY_LEN];
	u8 batch[BATCH];	/* handed-out bytes are zero */
	size_t pos;		/* bytes of @batch handed out */
};

/*
 * A new key from the kernel, the bytes the system call wrote: as every
 * key, eight little-endian words (ref_block() reads them so). The batch
 * is empty.
 */
static void model_reseed(struct model *m, const u8 key[KEY_LEN])
{
	memcpy(m->key, key, KEY_LEN);
	memset(m->batch, 0, BATCH);
	m->pos = BATCH;
}

static void model_fill(struct model *m, u8 *out, size_t len)
{
	u8 blk[KEY_LEN + BATCH];
	size_t n = BATCH - m->pos;

	if (n > len)
		n = len;
	memcpy(out, m->batch + m->pos, n);
	memset(m->batch + m->pos, 0, n);
	m->pos += n;
	out += n;
	len -= n;
	if (!len)
		return;
	n = len / (64 * RUN) * RUN;
	ref_stream(m->key, 0, out, n);
	out += 64 * n;
	len -= 64 * n;
	ref_stream(m->key, n, blk, REKEY_BLOCKS);
	memcpy(m->key, blk, KEY_LEN);
	memcpy(m->batch, blk + KEY_LEN, BATCH);
	memcpy(out, m->batch, len);
	memset(m->batch, 0, len);
	m->pos = len;
}

/* --- the RNG page, through its writer and directly ------------------------ */

static unsigned long rng_gen(void)
{
	return READ_ONCE(vdso_k_rng_page.data.generation);
}

static void rng_bump(void)
{
	vdso_rng_set_generation(rng_gen() + 1);
}

static void rng_unready(void)
{
	WRITE_ONCE(vdso_k_rng_page.data.is_ready, 0);
}

/* --- the system call's stand-in -------------------------------------------- */

static struct {
	struct vgetrandom_state *st;	/* whose key requests to answer */
	unsigned int keys;		/* key requests seen */
	bool key_fail;			/* answer key_ret, not a key */
	long key_ret;
	unsigned int bumps;		/* generation bumps, one per key request */
	const u8 *key;			/* the key to hand out, if not a pattern */
	u8 last_key[KEY_LEN];		/* the last key handed out */
	unsigned int other;		/* other getrandom requests */
	long ret;			/* the answer to them */
	unsigned int idle_keys;		/* key requests with in_use clear */
	bool nest;			/* a nested call at each key request */
	bool nesting;			/* in one */
	unsigned int nested;		/* nested calls made */
	unsigned int nested_served;	/* of them, served from the state */
} stub;

/* malformed key requests and other system calls, over all the tests */
static unsigned int stub_bad;

/* a different key for each request and each process */
static void key_pattern(u8 key[KEY_LEN], unsigned int n)
{
	u64 z = 0x6a09e667f3bcc908ULL ^ ((u64)n << 32) ^ (u64)getpid();
	int i;

	for (i = 0; i < KEY_LEN; i++) {
		z = z * 6364136223846793005ULL + 1442695040888963407ULL;
		key[i] = z >> 56;
	}
}

static ssize_t grnd(void *buf, size_t len, unsigned int flags, struct vgetrandom_state *st)
{
	return test_vdso_getrandom(buf, len, flags, st, sizeof(*st));
}

/*
 * A call on the state in the middle of a call on it, as a signal handler
 * on the same thread would make: the state is in use, so the system call
 * must answer, and the outer call's state and output stay its own.
 */
static void stub_nested(void)
{
	unsigned int other = stub.other;
	u8 buf[16];
	ssize_t ret;

	stub.nesting = true;
	stub.nested++;
	ret = grnd(buf, sizeof(buf), 0, stub.st);
	if (ret != stub.ret || stub.other != other + 1)
		stub.nested_served++;
	stub.nesting = false;
}

static long stub_syscall(long nr, long a0, long a1, long a2)
{
	u8 *buf = (u8 *)a0;

	if (nr != __NR_getrandom) {
		stub_bad++;
		return -EINVAL;
	}
	if (stub.st && buf >= (u8 *)stub.st && buf < (u8 *)(stub.st + 1)) {
		/* the state's key: 32 bytes into st->key, no flags */
		if (buf != (u8 *)stub.st->key || a1 != KEY_LEN || a2)
			stub_bad++;
		if (!stub.st->in_use)
			stub.idle_keys++;
		if (stub.nest && !stub.nesting)
			stub_nested();
		stub.keys++;
		if (stub.bumps) {
			stub.bumps--;
			rng_bump();
		}
		if (stub.key_fail)
			return stub.key_ret;
		if (stub.key)
			memcpy(stub.last_key, stub.key, KEY_LEN);
		else
			key_pattern(stub.last_key, stub.keys);
		memcpy(buf, stub.last_key, KEY_LEN);
		return KEY_LEN;
	}
	stub.other++;
	return stub.ret;
}

/* count from zero, the stand-in answering for @st */
static void stub_reset(struct vgetrandom_state *st)
{
	sys_reset();
	memset(&stub, 0, sizeof(stub));
	stub.st = st;
	sys_hook = stub_syscall;
}

static struct vgetrandom_state *st_new(void)
{
	struct vgetrandom_state *st = aligned_alloc(64, sizeof(*st));

	if (!st) {
		perror("vdso test: aligned_alloc");
		exit(2);
	}
	memset(st, 0, sizeof(*st));
	return st;
}

static unsigned long nr_getrandom(void)
{
	return __atomic_load_n(&sys_calls[__NR_getrandom], __ATOMIC_RELAXED);
}

static sigjmp_buf fault_jmp;

static void fault_escape(int sig)
{
	(void)sig;
	siglongjmp(fault_jmp, 1);
}

/*
 * A call that faults if the vDSO gets it wrong (it writes through NULL, or
 * past the buffer into a guard page): the fault fails the test point, and
 * the run goes on. False if it faulted.
 */
static bool grnd_may_fault(ssize_t *ret, void *buf, size_t len, unsigned int flags,
			   struct vgetrandom_state *st)
{
	struct sigaction sa = { .sa_handler = fault_escape }, old_segv, old_bus;
	bool ok = false;

	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	if (!sigsetjmp(fault_jmp, 1)) {
		*ret = grnd(buf, len, flags, st);
		ok = true;
	}
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	return ok;
}

/* the state against the model, at generation @gen and not in use */
static void check_state(const struct vgetrandom_state *st, const struct model *m,
			unsigned long gen, const char *what)
{
	size_t i;

	if (memcmp(st->key, m->key, KEY_LEN))
		t_fail("%s: the state's key is not the model's", what);
	if (st->pos != m->pos)
		t_fail("%s: pos %u, model %zu", what, st->pos, m->pos);
	for (i = 0; i < st->pos && i < BATCH; i++) {
		if (st->batch[i]) {
			t_fail("%s: handed-out batch byte %zu is %#x, not wiped", what, i,
			       st->batch[i]);
			break;
		}
	}
	if (memcmp(st->batch, m->batch, BATCH))
		t_fail("%s: the batch is not the model's", what);
	if (st->generation != gen)
		t_fail("%s: generation %lu, want %lu", what, st->generation, gen);
	if (st->in_use)
		t_fail("%s: in_use left set", what);
}

/* one call on a seeded state: no system call, @len back, the model's bytes */
static void draw_check(struct vgetrandom_state *st, struct model *m, size_t len,
		       unsigned int flags, const char *what)
{
	static u8 got[8192 + 128], want[8192];
	unsigned long calls = sys_total();
	size_t off = rnd_below(64);
	ssize_t ret;

	memset(got, 0xcc, sizeof(got));
	ret = grnd(got + off, len, flags, st);
	model_fill(m, want, len);
	if (ret != (ssize_t)len || sys_total() != calls)
		t_fail("%s: len %zu flags %#x: ret %zd, %lu system calls", what, len, flags,
		       ret, sys_total() - calls);
	else if (memcmp(got + off, want, len))
		t_fail("%s: len %zu flags %#x: output is not the model's", what, len, flags);
	if (got[off + len] != 0xcc || (off && got[off - 1] != 0xcc))
		t_fail("%s: len %zu: wrote outside the buffer", what, len);
	check_state(st, m, rng_gen(), what);
}

/* a fresh state, seeded by a first call of 16 bytes through the stand-in */
static struct vgetrandom_state *seeded(struct model *m)
{
	struct vgetrandom_state *st = st_new();
	u8 buf[16];

	stub_reset(st);
	if (grnd(buf, sizeof(buf), 0, st) != sizeof(buf) || stub.keys != 1)
		t_fail("seeding a state: %u key requests", stub.keys);
	if (m) {
		u8 want[sizeof(buf)];

		model_reseed(m, stub.last_key);
		model_fill(m, want, sizeof(buf));
		if (memcmp(buf, want, sizeof(buf)))
			t_fail("seeding a state: output is not the model's");
	}
	return st;
}

/* --- the tests ----------------------------------------------------------- */

static void test_params(void)
{
	ssize_t (*const fns[])(void *, size_t, unsigned int, void *, size_t) = {
		test_vdso_getrandom, test_vdso_alias_getrandom,
	};
	size_t f, i;

	t_begin();
	for (f = 0; f < ARRAY_SIZE(fns); f++) {
		struct vgetrandom_opaque_params p;
		ssize_t ret;

		memset(&p, 0xa5, sizeof(p));
		stub_reset(NULL);
		ret = fns[f](NULL, 0, 0, &p, ~0UL);
		if (ret || sys_total())
			t_fail("entry %zu: ret %zd, %lu system calls", f, ret, sys_total());
		if (p.size_of_opaque_state != sizeof(struct vgetrandom_state))
			t_fail("size_of_opaque_state %u, want %zu", p.size_of_opaque_state,
			       sizeof(struct vgetrandom_state));
		if (p.mmap_prot != (PROT_READ | PROT_WRITE))
			t_fail("mmap_prot %#x", p.mmap_prot);
		if (p.mmap_flags != (T_MAP_DROPPABLE | MAP_ANONYMOUS))
			t_fail("mmap_flags %#x", p.mmap_flags);
		for (i = 0; i < ARRAY_SIZE(p.reserved); i++)
			if (p.reserved[i])
				t_fail("reserved[%zu] %#x", i, p.reserved[i]);
	}
	t_end("getrandom: params: the state's size, RW, DROPPABLE|ANONYMOUS, reserved 0");
}

static void test_not_params(void)
{
	static const struct {
		bool buf;
		size_t len;
		unsigned int flags;
	} cases[] = {
		{ true, 0, 0 }, { false, 16, 0 }, { false, 0, GRND_NONBLOCK },
		{ true, 16, 0 }, { false, 0, 0x100 },
	};
	size_t i;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct vgetrandom_opaque_params p, p0;
		u8 buf[16];
		void *b = NULL;
		ssize_t ret;

		if (cases[i].buf)
			b = buf;
		memset(&p, 0xa5, sizeof(p));
		p0 = p;
		stub_reset(NULL);
		stub.ret = -1000 - (long)i;
		ret = test_vdso_getrandom(b, cases[i].len, cases[i].flags, &p, ~0UL);
		if (ret != stub.ret || sys_total() != 1 || nr_getrandom() != 1 ||
		    sys_last[1] != (long)b || sys_last[2] != (long)cases[i].len ||
		    sys_last[3] != cases[i].flags)
			t_fail("case %zu: ret %zd, %lu system calls, args %#lx %ld %#lx", i, ret,
			       sys_total(), sys_last[1], sys_last[2], sys_last[3]);
		if (memcmp(&p, &p0, sizeof(p)))
			t_fail("case %zu: the params were written", i);
	}
	t_end("getrandom: ~0UL with a buffer, length or flags: no query, the system call");
}

static void test_reference(void)
{
	size_t i;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(rfc8439); i++) {
		const struct rfc8439_vector *t = &rfc8439[i];
		u8 out[64];

		ref_block(t->key, t->counter, t->nonce, out);
		if (memcmp(out, t->block, sizeof(out)))
			t_fail("%s", t->name);
	}
	t_end("getrandom: the tests' own ChaCha20 gives RFC 8439's 2.3.2 and A.1 #1-#5 blocks");
}

/*
 * RFC 8439's A.1 vectors with a zero nonce, #1 to #4, through a fresh
 * state handed the vector's key: its first output, whole runs of blocks,
 * is blocks 0, 1, ... of that key's keystream, so block @counter of it is
 * the vector's block. #3
 * and #4 (a key of 31 zero bytes and a 1; a zero, 0xff, then zeros) read
 * the kernel's key bytes as little-endian words, as RFC 8439 does.
 */
static void test_known_answers(void)
{
	static const int vecs[] = { RFC8439_A1_1, RFC8439_A1_2, RFC8439_A1_3, RFC8439_A1_4 };
	size_t i;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(vecs); i++) {
		const struct rfc8439_vector *t = &rfc8439[vecs[i]];
		struct vgetrandom_state *st = st_new();
		/* whole runs, at least to block @counter */
		size_t len = 64 * RUN * ((t->counter + RUN) / RUN);
		u8 out[64 * (2 + RUN)];
		ssize_t ret;

		stub_reset(st);
		stub.key = t->key;
		ret = grnd(out, len, 0, st);
		if (ret != (ssize_t)len || stub.keys != 1)
			t_fail("%s: ret %zd, %u key requests", t->name, ret, stub.keys);
		else if (memcmp(out + 64 * t->counter, t->block, 64))
			t_fail("%s: block %u of the output is not the vector's", t->name,
			       t->counter);
		free(st);
	}
	t_end("getrandom: known answers: fresh states given RFC 8439 A.1 #1-#4's keys");
}

/*
 * Which ChaCha20 the build's getrandom() runs: the glue's
 * vdso_vector_wipe() counts its calls, one at the end of each call that
 * drew keystream in the vector build, none in the scalar one. What the count shows must be the
 * path the build chose (VDSO_CHACHA_VECTORS) and the one the run expects
 * (main.c), so that neither build can quietly be the other.
 */
static void test_path(void)
{
#ifdef VDSO_CHACHA_VECTORS
	static const char built[] = "vector";
#else
	static const char built[] = "scalar";
#endif
	struct vgetrandom_state *st = st_new();
	u8 got[4 * 64 + 5], want[sizeof(got)];
	unsigned long calls, batch;
	const char *taken;
	struct model m;

	t_begin();
	stub_reset(st);
	/* a key request, 4 blocks into the buffer, the rekey: one wipe, last */
	calls = vdso_test_vector_wipes;
	if (grnd(got, sizeof(got), 0, st) != sizeof(got) || stub.keys != 1)
		t_fail("first call: %u key requests", stub.keys);
	calls = vdso_test_vector_wipes - calls;
	model_reseed(&m, stub.last_key);
	model_fill(&m, want, sizeof(want));
	if (memcmp(got, want, sizeof(got)))
		t_fail("first call: output is not the model's");
	/* a byte from the batch: no blocks */
	batch = vdso_test_vector_wipes;
	draw_check(st, &m, 1, 0, "from the batch");
	batch = vdso_test_vector_wipes - batch;
	if (calls == 1 && !batch)
		taken = "vector";
	else if (!calls && !batch)
		taken = "scalar";
	else
		taken = "neither";
	if (strcmp(taken, built))
		t_fail("built for the %s path, took the %s one: %lu and %lu vector wipes", built,
		       taken, calls, batch);
	if (getrandom_path && strcmp(getrandom_path, taken))
		t_fail("the run expects the %s path, the build took the %s one", getrandom_path,
		       taken);
	free(st);
	t_end("getrandom: the %s ChaCha20 (%lu vector wipes in a call of 4 blocks and a rekey)",
	      taken, calls);
}

#ifdef VDSO_CHACHA_VECTORS
/*
 * test_vdso_getrandom(), then xmm0-xmm15 as it left them, stored at @xmm:
 * in assembly, so that nothing runs in between.
 */
ssize_t grnd_xmm(void *buf, size_t len, unsigned int flags, void *state, size_t state_len,
		 u8 xmm[16][16]) __attribute__((visibility("hidden")));

asm(".pushsection .text\n"
	".globl grnd_xmm\n"
	".hidden grnd_xmm\n"
	".type grnd_xmm, @function\n"
	"grnd_xmm:\n"
	/* keeps @xmm, and aligns the stack to 16 bytes for the call */
	"\tpush %rbx\n"
	"\tmov %r9, %rbx\n"
	"\tcall test_vdso_getrandom\n"
	"\t.irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
	"\tmovdqu %xmm\\r, 16 * \\r(%rbx)\n"
	"\t.endr\n"
	"\tpop %rbx\n"
	"\tret\n"
	".size grnd_xmm, . - grnd_xmm\n"
	".popsection\n");

/*
 * No register of xmm0-xmm15 holds two words of @key in its four lanes:
 * vector code keeps a key as rows of four words, maybe rotated. By chance,
 * two lanes of a random register match key words with odds near 10^-17,
 * below 10^-14 over the whole test; one lane alone would match about once
 * in 10^7 calls.
 */
static void xmm_check(u8 xmm[16][16], const u8 key[KEY_LEN], const char *what, size_t len)
{
	int r, l, w, hits;

	for (r = 0; r < 16; r++) {
		hits = 0;
		for (l = 0; l < 4; l++) {
			for (w = 0; w < KEY_LEN / 4; w++) {
				u32 k = get_le32(key + 4 * w);

				/* a zero word is in every wiped register */
				if (k && get_le32(xmm[r] + 4 * l) == k)
					hits++;
			}
		}
		if (hits >= 2)
			t_fail("%s, len %zu: xmm%d holds %d words of the key", what, len, r, hits);
	}
}
#endif

/*
 * test_vdso_getrandom(), then the STACK_DUMP bytes of stack below the
 * caller's as the call left them, copied to @dump: in assembly, so that
 * nothing runs in between. The bytes are zeroed before the call: what
 * the dump holds, the call left (not, say, the model's own ChaCha20).
 */
#define STACK_DUMP	2048

ssize_t grnd_stack(void *buf, size_t len, unsigned int flags, void *state, size_t state_len,
		   u8 dump[STACK_DUMP]) __attribute__((visibility("hidden")));

asm(".pushsection .text\n"
	".globl grnd_stack\n"
	".hidden grnd_stack\n"
	".type grnd_stack, @function\n"
	"grnd_stack:\n"
	/* keeps @dump, and aligns the stack to 16 bytes for the call */
	"\tpush %rbx\n"
	"\tmov %r9, %rbx\n"
	"\tmov %rdi, %r10\n"
	"\tmov %rcx, %r11\n"
	"\txor %eax, %eax\n"
	"\tlea -2048(%rsp), %rdi\n"
	"\tmov $2048, %ecx\n"
	"\trep stosb\n"
	"\tmov %r10, %rdi\n"
	"\tmov %r11, %rcx\n"
	"\tcall test_vdso_getrandom\n"
	"\tmov %rax, %r8\n"
	"\tlea -2048(%rsp), %rsi\n"
	"\tmov %rbx, %rdi\n"
	"\tmov $2048, %ecx\n"
	"\trep movsb\n"
	"\tmov %r8, %rax\n"
	"\tpop %rbx\n"
	"\tret\n"
	".size grnd_stack, . - grnd_stack\n"
	".popsection\n");

/*
 * The stack a call left holds nothing of the key it used, nor of the one
 * it left: ChaCha20's spills (its state can be run back to the key) are
 * overwritten before it returns. Two different key words anywhere in the
 * dump fail; by chance that happens with odds near 10^-13 per dump.
 */
static void test_stack(void)
{
	static const size_t lens[] = { 1, 64, 300, 4096 };
	static u8 buf[4096 + BATCH], dump[STACK_DUMP];
	u8 used[KEY_LEN], left[KEY_LEN];
	const u8 *keys[2] = { used, left };
	struct vgetrandom_state *st;
	size_t i, j, k, w;
	ssize_t ret;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		st = st_new();
		stub_reset(st);
		/* a first call for a key; the second one, measured, uses it */
		grnd(buf, 1, 0, st);
		/* past the batch, so that the call draws keystream */
		memcpy(used, st->key, KEY_LEN);
		ret = grnd_stack(buf, lens[i] + BATCH, 0, st, sizeof(*st), dump);
		if (ret != (ssize_t)(lens[i] + BATCH))
			t_fail("len %zu: ret %zd", lens[i] + BATCH, ret);
		memcpy(left, st->key, KEY_LEN);
		for (k = 0; k < 2; k++) {
			int hits = 0;

			for (w = 0; w < KEY_LEN / 4; w++) {
				u32 key = get_le32(keys[k] + 4 * w);

				for (j = 0; j + 4 <= STACK_DUMP; j += 4)
					if (key && get_le32(dump + j) == key) {
						hits++;
						break;
					}
			}
			if (hits >= 2)
				t_fail("len %zu: %d words of the %s key on the stack below",
				       lens[i] + BATCH, hits, k ? "new" : "used");
		}
		free(st);
	}
	t_end("getrandom: the stack below holds nothing of the key used, nor of the one left");
}

/*
 * After a call, the vector registers hold nothing of the key it used and
 * erased, nor of the key and batch it left: the glue's vdso_vector_wipe()
 * clears them after the last copy of keystream. A fresh state's
 * first call (the kernel's key), then a second call, longer than the
 * batch, that uses the key the first one left.
 */
static void test_xmm(void)
{
#ifdef VDSO_CHACHA_VECTORS
	static const size_t lens[] = { 1, 16, 64, 100, 300, 4096, 65536 + 7 };
	static u8 buf[65536 + 7 + BATCH];
	struct vgetrandom_state *st;
	u8 xmm[16][16], key[KEY_LEN];
	size_t i;
	ssize_t ret;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		st = st_new();
		stub_reset(st);
		ret = grnd_xmm(buf, lens[i], 0, st, sizeof(*st), xmm);
		if (ret != (ssize_t)lens[i] || stub.keys != 1)
			t_fail("len %zu: ret %zd, %u key requests", lens[i], ret, stub.keys);
		xmm_check(xmm, stub.last_key, "the kernel's key", lens[i]);
		memcpy(key, st->key, KEY_LEN);
		/* nor the key it left in the state for the next call */
		xmm_check(xmm, key, "the key left in the state", lens[i]);
		ret = grnd_xmm(buf, lens[i] + BATCH, 0, st, sizeof(*st), xmm);
		if (ret != (ssize_t)(lens[i] + BATCH) || stub.keys != 1)
			t_fail("len %zu: ret %zd, %u key requests", lens[i] + BATCH, ret,
			       stub.keys);
		xmm_check(xmm, key, "the state's key", lens[i] + BATCH);
		memcpy(key, st->key, KEY_LEN);
		xmm_check(xmm, key, "the key left in the state", lens[i] + BATCH);
		free(st);
	}
	t_end("getrandom: xmm0-xmm15 hold nothing of the key a call used, nor of the one it left");
#else
	t_begin();
	t_end("getrandom: xmm0-xmm15 after a call # SKIP the scalar build does not wipe them");
#endif
}

static void test_known_first(void)
{
	static const size_t lens[] = {
		1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 129, 191, 192, 223, 224, 225,
		255, 256, 257, 300, 319, 320, 479, 480, 481, 511, 512, 513, 600, 1000,
		4095, 4096, 4097,
	};
	static u8 ks[64 * (4097 / 64 + REKEY_BLOCKS)], got[4097];
	size_t i, j;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		struct vgetrandom_state *st = st_new();
		size_t len = lens[i], n = len / (64 * RUN) * RUN, tail = len - 64 * n;
		const u8 *new_key = ks + 64 * n, *new_batch = new_key + KEY_LEN;
		u8 key[KEY_LEN];
		ssize_t ret;

		stub_reset(st);
		ret = grnd(got, len, 0, st);
		if (ret != (ssize_t)len || stub.keys != 1 || sys_total() != 1) {
			t_fail("len %zu: ret %zd, %u key requests, %lu system calls", len, ret,
			       stub.keys, sys_total());
			free(st);
			continue;
		}
		/* straight from the construction, without the model */
		ref_stream(stub.last_key, 0, ks, n + REKEY_BLOCKS);
		if (memcmp(got, ks, 64 * n) || memcmp(got + 64 * n, new_batch, tail))
			t_fail("len %zu: output is not the reference keystream", len);
		memcpy(key, st->key, KEY_LEN);
		/* fast key erasure: the key used is gone, the next one unseen */
		if (!memcmp(key, stub.last_key, KEY_LEN))
			t_fail("len %zu: the key used is still in the state", len);
		if (memcmp(key, new_key, KEY_LEN))
			t_fail("len %zu: the new key is not keystream block %zu", len, n);
		if (st->pos != tail)
			t_fail("len %zu: pos %u, want %zu", len, st->pos, tail);
		for (j = 0; j < tail; j++)
			if (st->batch[j])
				t_fail("len %zu: handed-out batch byte %zu not wiped", len, j);
		if (memcmp(st->batch + tail, new_batch + tail, BATCH - tail))
			t_fail("len %zu: the rest of the batch is not the keystream", len);
		if (st->generation != rng_gen() || st->in_use)
			t_fail("len %zu: generation %lu (want %lu), in_use %u", len,
			       st->generation, rng_gen(), st->in_use);
		free(st);
	}
	t_end("getrandom: known answer: a fresh state's first output, 33 lengths; key erasure");
}

static void test_reseed(void)
{
	static const unsigned long jumps[] = { 1, 1UL << 32, 0x5a5a5a5a00000000UL, 1 };
	struct vgetrandom_state *st = st_new();
	struct model m;
	u8 buf[16], want[16];
	size_t i;
	int n;

	t_begin();
	stub_reset(st);
	if (grnd(buf, sizeof(buf), 0, st) != sizeof(buf))
		t_fail("first call");
	if (sys_total() != 1 || nr_getrandom() != 1 || stub.keys != 1 ||
	    sys_last[1] != (long)st->key || sys_last[2] != KEY_LEN || sys_last[3])
		t_fail("fresh state: %lu system calls, args %#lx %ld %#lx (state key at %p)",
		       sys_total(), sys_last[1], sys_last[2], sys_last[3], (void *)st->key);
	if (st->generation != rng_gen())
		t_fail("fresh state: generation %lu, want %lu", st->generation, rng_gen());
	model_reseed(&m, stub.last_key);
	model_fill(&m, want, sizeof(want));
	if (memcmp(buf, want, sizeof(buf)))
		t_fail("fresh state: output is not the model's");
	for (i = 0; i < ARRAY_SIZE(jumps); i++) {
		for (n = 0; n < 200; n++)
			draw_check(st, &m, rnd_below(700), 0, "same generation");
		if (sys_total() != i + 1)
			t_fail("generation %lu: %lu system calls, want %zu", rng_gen(),
			       sys_total(), i + 1);
		/* the whole of it counts, not only the low 32 bits */
		vdso_rng_set_generation(rng_gen() + jumps[i]);
		if (grnd(buf, sizeof(buf), 0, st) != sizeof(buf) || sys_total() != i + 2 ||
		    stub.keys != i + 2)
			t_fail("generation %lu: %lu system calls, want %zu", rng_gen(),
			       sys_total(), i + 2);
		model_reseed(&m, stub.last_key);
		model_fill(&m, want, sizeof(want));
		if (memcmp(buf, want, sizeof(buf)))
			t_fail("generation %lu: output is not the new key's", rng_gen());
		check_state(st, &m, rng_gen(), "reseeded");
	}
	free(st);
	t_end("getrandom: fresh state: one 32-byte key request; none until the generation moves");
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static void test_lengths(void)
{
	static const size_t lens[] = {
		0, 1, 63, 64, 65, 255, 256, 257, BATCH - 1, BATCH, BATCH + 1, 4096, 1 << 20,
	};
	size_t cap = 2 * ((1 << 20) + 8192) / 8 + 4096, nr = 0, i, j;
	u8 *got = malloc((1 << 20) + 128), *want = malloc(1 << 20);
	u64 *seen = malloc(cap * sizeof(*seen));
	struct vgetrandom_state *st = st_new();
	bool keyed = false;
	struct model m;
	int pass;

	t_begin();
	stub_reset(st);
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < ARRAY_SIZE(lens); i++) {
			size_t len = lens[i];
			ssize_t ret;

			memset(got, 0xcc, len + 128);
			ret = grnd(got + 64, len, 0, st);
			/* the first call with a length fetches the key; len 0 does not */
			if (!keyed && len && stub.keys) {
				model_reseed(&m, stub.last_key);
				keyed = true;
			}
			if (ret != (ssize_t)len || sys_total() != keyed) {
				t_fail("len %zu: ret %zd, %lu system calls", len, ret, sys_total());
				continue;
			}
			if (got[63] != 0xcc || got[64 + len] != 0xcc)
				t_fail("len %zu: wrote outside the buffer", len);
			if (!len)
				continue;
			model_fill(&m, want, len);
			if (memcmp(got + 64, want, len))
				t_fail("len %zu: output is not the model's", len);
			check_state(st, &m, rng_gen(), "lengths");
			for (j = 0; j + 8 <= len && nr < cap; j += 8)
				memcpy(&seen[nr++], got + 64 + j, 8);
		}
	}
	/* any 8 bytes again, at an 8-byte step of any output, is a repeat */
	qsort(seen, nr, sizeof(*seen), cmp_u64);
	for (i = 1; i < nr; i++)
		if (seen[i] == seen[i - 1])
			t_fail("repeated output: %#llx", (unsigned long long)seen[i]);
	/* and random lengths at random alignments, against the model */
	for (i = 0; i < 3000; i++)
		draw_check(st, &m, rnd_below(8) ? rnd_below(300) : rnd_below(8193), 0,
			   "random lengths");
	if (sys_total() != 1)
		t_fail("%lu system calls in all, want 1", sys_total());
	free(st);
	free(seen);
	free(got);
	free(want);
	t_end("getrandom: lengths 0 .. 1 MiB return len, follow the model, never repeat");
}

static void test_in_use(void)
{
	struct vgetrandom_state *st = seeded(NULL), copy;
	unsigned int flags;
	u8 buf[64];
	ssize_t ret;

	t_begin();
	st->in_use = 1;
	copy = *st;
	for (flags = 0; flags <= GRND_NONBLOCK; flags++) {
		stub_reset(st);
		stub.ret = 777 + flags;
		memset(buf, 0xcc, sizeof(buf));
		ret = grnd(buf, sizeof(buf), flags, st);
		if (ret != stub.ret || sys_total() != 1 || stub.other != 1 || stub.keys ||
		    sys_last[1] != (long)buf || sys_last[2] != sizeof(buf) ||
		    sys_last[3] != flags)
			t_fail("flags %#x: ret %zd, %lu system calls, %u key requests", flags,
			       ret, sys_total(), stub.keys);
		if (memcmp(st, &copy, sizeof(copy)) || buf[0] != 0xcc)
			t_fail("flags %#x: the state or the buffer changed", flags);
	}
	st->in_use = 0;
	stub_reset(st);
	if (grnd(buf, sizeof(buf), 0, st) != sizeof(buf) || sys_total())
		t_fail("in_use clear: %lu system calls", sys_total());
	free(st);
	t_end("getrandom: a state in use (a signal handler's call): the system call answers");
}

static void test_not_ready(void)
{
	struct vgetrandom_state *st = st_new(), copy;
	unsigned int flags;
	u8 buf[32];
	int round;
	ssize_t ret;

	t_begin();
	/* the page as the kernel starts it: generation 0, not ready */
	if (rng_gen() || vdso_k_rng_page.data.is_ready)
		t_fail("the RNG page starts at generation %lu, ready %u", rng_gen(),
		       vdso_k_rng_page.data.is_ready);
	for (round = 0; round < 2; round++) {
		copy = *st;
		for (flags = 0; flags <= (GRND_NONBLOCK | GRND_INSECURE); flags++) {
			stub_reset(st);
			stub.ret = flags & GRND_NONBLOCK ? -EAGAIN : 16;
			ret = grnd(buf, sizeof(buf), flags, st);
			if (ret != stub.ret || sys_total() != 1 || stub.other != 1 ||
			    sys_last[1] != (long)buf || sys_last[2] != sizeof(buf) ||
			    sys_last[3] != flags)
				t_fail("round %d flags %#x: ret %zd, %lu system calls", round,
				       flags, ret, sys_total());
			if (memcmp(st, &copy, sizeof(copy)))
				t_fail("round %d flags %#x: the state changed", round, flags);
		}
		if (!round) {
			/* as drivers/char/random.c does: reseed, then ready */
			vdso_rng_set_generation(1);
			vdso_rng_set_ready();
			stub_reset(st);
			if (grnd(buf, sizeof(buf), 0, st) != sizeof(buf) || stub.keys != 1 ||
			    sys_total() != 1)
				t_fail("ready: %u key requests, %lu system calls", stub.keys,
				       sys_total());
			rng_unready();
		}
	}
	vdso_rng_set_ready();
	free(st);
	t_end("getrandom: RNG not ready, fresh or seeded state: the system call answers");
}

static void test_good_flags(void)
{
	static const unsigned int good[] = {
		0, GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE,
		GRND_NONBLOCK | GRND_RANDOM, GRND_NONBLOCK | GRND_INSECURE,
	};
	struct model m;
	struct vgetrandom_state *st = seeded(&m);
	size_t i;
	int n;

	t_begin();
	stub_reset(st);
	for (n = 0; n < 20; n++)
		for (i = 0; i < ARRAY_SIZE(good); i++)
			draw_check(st, &m, rnd_below(400), good[i], "valid flags");
	free(st);
	t_end("getrandom: the 6 valid flag combinations are served from the state");
}

static void test_bad_flags(void)
{
	static const unsigned int bad[] = {
		GRND_RANDOM | GRND_INSECURE, GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE,
		0x8, 0x10, 0x80, 0x100, GRND_NONBLOCK | 0x8, 0x80000000U, ~0U,
	};
	struct vgetrandom_state *st = seeded(NULL), copy = *st;
	static const size_t lens[] = { 0, 1, 64, 1000 };
	u8 buf[1000];
	size_t i, l;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		for (l = 0; l < ARRAY_SIZE(lens); l++) {
			ssize_t ret;

			stub_reset(st);
			stub.ret = -EINVAL;
			memset(buf, 0xcc, sizeof(buf));
			ret = grnd(buf, lens[l], bad[i], st);
			if (ret != -EINVAL || sys_total() != 1 || stub.other != 1 ||
			    sys_last[1] != (long)buf || sys_last[2] != (long)lens[l] ||
			    (unsigned int)sys_last[3] != bad[i])
				t_fail("flags %#x len %zu: ret %zd, %lu system calls", bad[i],
				       lens[l], ret, sys_total());
			if (buf[0] != 0xcc || memcmp(st, &copy, sizeof(copy)))
				t_fail("flags %#x: the buffer or the state changed", bad[i]);
		}
	}
	free(st);
	t_end("getrandom: unknown flags, RANDOM|INSECURE, even with len 0: the system call");
}

static void test_null_buf(void)
{
	struct vgetrandom_state *st = seeded(NULL), *fresh = st_new(), copy = *st;
	ssize_t ret;

	t_begin();
	stub_reset(st);
	stub.ret = -EFAULT;
	if (!grnd_may_fault(&ret, NULL, 16, 0, st))
		t_fail("NULL, 16: the vDSO wrote through NULL");
	else if (ret != -EFAULT || sys_total() != 1 || stub.other != 1 || sys_last[1] ||
		 sys_last[2] != 16)
		t_fail("NULL, 16: ret %zd, %lu system calls", ret, sys_total());
	stub_reset(st);
	ret = grnd(NULL, 0, 0, st);
	if (ret || sys_total())
		t_fail("NULL, 0: ret %zd, %lu system calls", ret, sys_total());
	if (memcmp(st, &copy, sizeof(copy)))
		t_fail("the state changed");
	stub_reset(fresh);
	ret = grnd(NULL, 0, 0, fresh);
	if (ret || sys_total())
		t_fail("NULL, 0, fresh state: ret %zd, %lu system calls", ret, sys_total());
	free(st);
	free(fresh);
	t_end("getrandom: NULL buffer: with a length the system call's -EFAULT, without 0");
}

static void test_huge_len(void)
{
	static const size_t lens[] = {
		T_MAX_LEN + 1, T_MAX_LEN + PAGE_SIZE, INT_MAX, (size_t)INT_MAX + 1, UINT_MAX,
		(size_t)LONG_MAX, (size_t)LONG_MAX + 1, ~(size_t)0,
	};
	struct vgetrandom_state *st = seeded(NULL), copy = *st;
	/* 16 bytes right below a page nothing may touch */
	u8 *area = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *buf;
	size_t i;

	t_begin();
	if (area == MAP_FAILED || mprotect(area + PAGE_SIZE, PAGE_SIZE, PROT_NONE)) {
		t_fail("mmap: %s", strerror(errno));
		goto out;
	}
	buf = area + PAGE_SIZE - 16;
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		ssize_t ret;

		stub_reset(st);
		stub.ret = 4242 + i;
		if (!grnd_may_fault(&ret, buf, lens[i], GRND_NONBLOCK, st))
			t_fail("len %#zx: the vDSO wrote past the buffer", lens[i]);
		else if (ret != stub.ret || sys_total() != 1 || stub.other != 1 ||
			 sys_last[1] != (long)buf || sys_last[2] != (long)lens[i] ||
			 sys_last[3] != GRND_NONBLOCK)
			t_fail("len %#zx: ret %zd, %lu system calls", lens[i], ret, sys_total());
	}
	if (memcmp(st, &copy, sizeof(copy)))
		t_fail("the state changed");
	munmap(area, 2 * PAGE_SIZE);
out:
	free(st);
	t_end("getrandom: lengths above INT_MAX & PAGE_MASK: the system call answers");
}

static void test_bad_state(void)
{
	const size_t size = sizeof(struct vgetrandom_state);
	const size_t lens[] = { 0, 1, size - 1, size + 1, 2 * size, 256, ~0UL - 1, ~0UL };
	struct vgetrandom_state *st = seeded(NULL), copy = *st;
	u8 buf[16];
	size_t i;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		ssize_t ret;

		stub_reset(st);
		stub.ret = 100 + i;
		ret = test_vdso_getrandom(buf, sizeof(buf), 0, st, lens[i]);
		if (ret != stub.ret || sys_total() != 1 || stub.other != 1 || stub.keys ||
		    sys_last[1] != (long)buf || sys_last[2] != sizeof(buf))
			t_fail("opaque_len %zu: ret %zd, %lu system calls", lens[i], ret,
			       sys_total());
	}
	if (memcmp(st, &copy, sizeof(copy)))
		t_fail("the state changed");
	stub_reset(NULL);
	stub.ret = 99;
	if (test_vdso_getrandom(buf, sizeof(buf), 0, NULL, size) != 99 || sys_total() != 1 ||
	    stub.other != 1)
		t_fail("NULL state: %lu system calls", sys_total());
	free(st);
	t_end("getrandom: wrong opaque_len, NULL state: the system call answers");
}

static void test_key_fails(void)
{
	static const long answers[] = { 16, 31, 0, 1, -EINTR, -EAGAIN, -EIO, -EFAULT };
	struct model m;
	struct vgetrandom_state *st = seeded(&m), *fresh = st_new();
	u8 buf[100];
	size_t i;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(answers); i++) {
		struct vgetrandom_state *s = i % 2 ? fresh : st;
		unsigned long old = s->generation;
		ssize_t ret;

		rng_bump();
		stub_reset(s);
		stub.key_fail = true;
		stub.key_ret = answers[i];
		stub.ret = 555 + i;
		ret = grnd(buf, sizeof(buf), GRND_INSECURE, s);
		if (ret != stub.ret || stub.keys != 1 || stub.other != 1 || sys_total() != 2 ||
		    sys_last[1] != (long)buf || sys_last[2] != sizeof(buf) ||
		    sys_last[3] != GRND_INSECURE)
			t_fail("key answer %ld: ret %zd, %u key requests, %u others", answers[i],
			       ret, stub.keys, stub.other);
		if (s->in_use || s->generation != old)
			t_fail("key answer %ld: in_use %u, generation %lu (was %lu)", answers[i],
			       s->in_use, s->generation, old);
		/* and the next call tries again */
		stub_reset(s);
		ret = grnd(buf, sizeof(buf), 0, s);
		if (ret != sizeof(buf) || stub.keys != 1 || sys_total() != 1 ||
		    s->generation != rng_gen())
			t_fail("after key answer %ld: ret %zd, %u key requests", answers[i], ret,
			       stub.keys);
	}
	free(st);
	free(fresh);
	t_end("getrandom: a failed key request: the system call answers, in_use clear, retried");
}

/* --- during a call: from the key request, and from a fault in the fill ---- */

static struct {
	u8 *page;			/* the read-only page of the buffer */
	struct vgetrandom_state *st;
	bool drop;			/* wipe the state, as memory pressure would */
	bool nest;			/* first a nested call (stub_nested()) */
	unsigned int faults;
} guard;

static void guard_fault(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if ((u8 *)si->si_addr < guard.page || (u8 *)si->si_addr >= guard.page + PAGE_SIZE) {
		signal(sig, SIG_DFL);
		return;
	}
	guard.faults++;
	if (guard.nest)
		stub_nested();
	if (guard.drop)
		memset(guard.st, 0, sizeof(*guard.st));
	else
		rng_bump();
	mprotect(guard.page, PAGE_SIZE, PROT_READ | PROT_WRITE);
}

static void test_moves(void)
{
	static const size_t lens[] = { 1, 16, 64, 300, 4096 };
	struct sigaction sa = { .sa_sigaction = guard_fault, .sa_flags = SA_SIGINFO }, old;
	u8 *area = mmap(NULL, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static u8 want[3 * PAGE_SIZE];
	unsigned int bumps;
	size_t i;

	t_begin();
	if (area == MAP_FAILED) {
		t_fail("mmap: %s", strerror(errno));
		goto out;
	}
	/* the generation moves at the key request: 1 to 3 times */
	for (bumps = 1; bumps <= 3; bumps++) {
		for (i = 0; i < ARRAY_SIZE(lens); i++) {
			struct model m;
			struct vgetrandom_state *st = i % 2 ? st_new() : seeded(NULL);
			unsigned long start = rng_gen() + (i % 2 ? 0 : 1);
			ssize_t ret;

			if (!(i % 2))
				rng_bump();
			stub_reset(st);
			stub.bumps = bumps;
			ret = grnd(area, lens[i], 0, st);
			model_reseed(&m, stub.last_key);
			model_fill(&m, want, lens[i]);
			if (ret != (ssize_t)lens[i] || stub.keys != bumps + 1 ||
			    sys_total() != bumps + 1)
				t_fail("%u bumps, len %zu: ret %zd, %u key requests", bumps,
				       lens[i], ret, stub.keys);
			else if (memcmp(area, want, lens[i]))
				t_fail("%u bumps, len %zu: output is not the last key's", bumps,
				       lens[i]);
			if (rng_gen() != start + bumps)
				t_fail("%u bumps: generation %lu, want %lu", bumps, rng_gen(),
				       start + bumps);
			check_state(st, &m, start + bumps, "moved at the key request");
			free(st);
		}
	}
	/*
	 * The generation moves, or the state is dropped, while bytes go into
	 * the buffer: whole blocks (three pages), or the batch alone (64
	 * bytes across the page boundary, the fast path). The buffer's second
	 * page is read-only, and the fault handler makes the change and then
	 * lets the write go on.
	 */
	if (sigaction(SIGSEGV, &sa, &old))
		t_fail("sigaction: %s", strerror(errno));
	guard.page = area + PAGE_SIZE;
	for (i = 0; i < 4; i++) {
		bool batch = i >= 2;
		u8 *buf = batch ? guard.page - 32 : area;
		size_t len = batch ? 64 : 3 * PAGE_SIZE;
		const char *what = i % 2 ? "dropped" : "moved";
		struct model m;
		struct vgetrandom_state *st = seeded(NULL);
		unsigned long gen = rng_gen();
		ssize_t ret;

		guard.st = st;
		guard.drop = i % 2;
		guard.faults = 0;
		mprotect(guard.page, PAGE_SIZE, PROT_READ);
		stub_reset(st);
		ret = grnd(buf, len, 0, st);
		model_reseed(&m, stub.last_key);
		model_fill(&m, want, len);
		if (ret != (ssize_t)len || guard.faults != 1 || stub.keys != 1 ||
		    sys_total() != 1)
			t_fail("%s during a fill of %zu: ret %zd, %u faults, %u key requests",
			       what, len, ret, guard.faults, stub.keys);
		else if (memcmp(buf, want, len))
			t_fail("%s during a fill of %zu: output is not the new key's", what, len);
		check_state(st, &m, i % 2 ? gen : gen + 1, "changed during the fill");
		free(st);
	}
	sigaction(SIGSEGV, &old, NULL);
	munmap(area, 3 * PAGE_SIZE);
out:
	t_end("getrandom: generation moved (key request, fill) or state dropped: restart");
}

/*
 * A call that starts over keeps its state in use on every pass: a state
 * dropped meanwhile comes back with in_use clear like the rest, and the
 * new pass must set it again. At each key request, and in the fault
 * handler before the change, a nested call on the state (stub_nested())
 * must go to the system call; no key request may find in_use clear.
 */
static void test_in_use_restart(void)
{
	enum { NONE, BUMP, DROP };
	static const struct {
		const char *what;
		bool fresh;		/* a fresh state, else a seeded one */
		bool moved;		/* the generation moved before the call */
		unsigned int bumps;	/* generation moves at the key requests */
		int fill;		/* in the fill: NONE, BUMP or DROP */
		unsigned int keys;	/* key requests the call makes */
	} cases[] = {
		{ "dropped in the fill", false, false, 0, DROP, 1 },
		{ "new key, then dropped in the fill", false, true, 0, DROP, 2 },
		{ "fresh, then dropped in the fill", true, false, 0, DROP, 2 },
		{ "generation moved in the fill", false, false, 0, BUMP, 1 },
		{ "generation moved at 2 key requests", true, false, 2, NONE, 3 },
	};
	struct sigaction sa = { .sa_sigaction = guard_fault, .sa_flags = SA_SIGINFO }, old;
	u8 *area = mmap(NULL, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	static u8 want[3 * PAGE_SIZE];
	size_t i;

	t_begin();
	if (area == MAP_FAILED || sigaction(SIGSEGV, &sa, &old)) {
		t_fail("mmap or sigaction: %s", strerror(errno));
		goto out;
	}
	guard.page = area + PAGE_SIZE;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *what = cases[i].what;
		bool fault = cases[i].fill != NONE;
		struct vgetrandom_state *st;
		unsigned long gen;
		struct model m;
		ssize_t ret;

		if (cases[i].fresh)
			st = st_new();
		else
			st = seeded(NULL);
		if (cases[i].moved)
			rng_bump();
		gen = rng_gen() + cases[i].bumps + (cases[i].fill == BUMP);
		guard.st = st;
		guard.drop = cases[i].fill == DROP;
		guard.nest = true;
		guard.faults = 0;
		if (fault)
			mprotect(guard.page, PAGE_SIZE, PROT_READ);
		stub_reset(st);
		stub.bumps = cases[i].bumps;
		stub.nest = true;
		stub.ret = -4242;
		ret = grnd(area, 3 * PAGE_SIZE, 0, st);
		guard.nest = false;
		model_reseed(&m, stub.last_key);
		model_fill(&m, want, 3 * PAGE_SIZE);
		if (stub.idle_keys)
			t_fail("%s: %u of %u key requests with in_use clear", what, stub.idle_keys,
			       stub.keys);
		if (stub.nested_served)
			t_fail("%s: %u of %u nested calls served from the state", what,
			       stub.nested_served, stub.nested);
		if (ret != 3 * PAGE_SIZE || stub.keys != cases[i].keys || guard.faults != fault ||
		    stub.nested != cases[i].keys + fault)
			t_fail("%s: ret %zd, %u key requests, %u faults, %u nested calls", what,
			       ret, stub.keys, guard.faults, stub.nested);
		else if (memcmp(area, want, 3 * PAGE_SIZE))
			t_fail("%s: output is not the last key's", what);
		if (rng_gen() != gen)
			t_fail("%s: generation %lu, want %lu", what, rng_gen(), gen);
		check_state(st, &m, gen, what);
		free(st);
	}
	sigaction(SIGSEGV, &old, NULL);
out:
	if (area != MAP_FAILED)
		munmap(area, 3 * PAGE_SIZE);
	t_end("getrandom: in use on every pass of a call that starts over (dropped, moved)");
}

static void test_fork(void)
{
	size_t size = (sizeof(struct vgetrandom_state) + PAGE_SIZE - 1) & PAGE_MASK;
	struct vgetrandom_state *st = mmap(NULL, size, PROT_READ | PROT_WRITE,
					   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct {
		int wiped;
		unsigned long calls;
		ssize_t ret;
		u8 out[64];
	} child;
	u8 first[64], next[64];
	int fds[2], status;
	pid_t pid;

	t_begin();
	if (st == MAP_FAILED || madvise(st, size, MADV_WIPEONFORK) || pipe(fds)) {
		t_fail("mmap, madvise(MADV_WIPEONFORK) or pipe: %s", strerror(errno));
		goto out;
	}
	stub_reset(st);
	if (grnd(first, sizeof(first), 0, st) != sizeof(first) || stub.keys != 1)
		t_fail("parent: first draw");
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		t_fail("fork: %s", strerror(errno));
		goto out;
	}
	if (!pid) {
		const u8 *p = (const u8 *)st;
		size_t i;

		child.wiped = 1;
		for (i = 0; i < sizeof(*st); i++)
			if (p[i])
				child.wiped = 0;
		sys_reset();
		sys_hook = stub_syscall;
		child.ret = grnd(child.out, sizeof(child.out), 0, st);
		child.calls = nr_getrandom();
		if (write(fds[1], &child, sizeof(child)) != sizeof(child))
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	stub_reset(st);
	if (grnd(next, sizeof(next), 0, st) != sizeof(next) || sys_total())
		t_fail("parent: next draw made %lu system calls", sys_total());
	if (read(fds[0], &child, sizeof(child)) != sizeof(child))
		t_fail("no answer from the child");
	else if (!child.wiped || child.calls != 1 || child.ret != sizeof(child.out))
		t_fail("child: state wiped %d, %lu getrandom system calls, ret %zd",
		       child.wiped, child.calls, child.ret);
	else if (!memcmp(child.out, next, sizeof(next)) ||
		 !memcmp(child.out, first, sizeof(first)))
		t_fail("the child's output repeats the parent's");
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		t_fail("child exit status %#x", status);
	close(fds[0]);
	munmap(st, size);
out:
	t_end("getrandom: fork, MADV_WIPEONFORK state: the child reseeds once, own output");
}

static void test_histogram(void)
{
	/*
	 * Chi-square of the byte counts of 1 MiB, 255 degrees of freedom
	 * (mean 255, sd 22.6). The keys come from the host's real getrandom(),
	 * so each run is a new sample: P(chi2 > 450) is about 6e-13 and
	 * P(chi2 < 140) about 5e-10 (the chi-square density integrated
	 * numerically), so a false failure does not happen. Too small a value
	 * is as suspect as too large: output too even, such as a counter's.
	 */
	const size_t total = 1 << 20;
	struct vgetrandom_state *st = st_new();
	unsigned long count[256] = { 0 };
	static u8 buf[4096];
	double chi2 = 0, e = total / 256.0;
	size_t done = 0, i;

	t_begin();
	sys_reset();
	while (done < total) {
		size_t len = 1 + rnd_below(sizeof(buf));

		if (len > total - done)
			len = total - done;
		if (grnd(buf, len, 0, st) != (ssize_t)len) {
			t_fail("a call failed");
			break;
		}
		for (i = 0; i < len; i++)
			count[buf[i]]++;
		done += len;
	}
	for (i = 0; i < 256; i++)
		chi2 += (count[i] - e) * (count[i] - e) / e;
	if (nr_getrandom() != 1)
		t_fail("%lu getrandom system calls, want 1", nr_getrandom());
	if (!(chi2 > 140 && chi2 < 450))
		t_fail("chi-square %.1f", chi2);
	tap_diag("chi-square of 1 MiB: %.1f (255 degrees of freedom)", chi2);
	free(st);
	t_end("getrandom: byte histogram of 1 MiB, keys from the host: chi-square in (140, 450)");
}

static void test_stub_clean(void)
{
	/* every key request the stand-in saw, in all the tests, was well formed */
	t_begin();
	if (stub_bad)
		t_fail("%u malformed key requests or other system calls", stub_bad);
	t_end("getrandom: key requests are always getrandom(st->key, 32, 0), nothing else");
}

void run_getrandom_tests(void)
{
	/* a call that never returns is killed, which run.sh counts as a failure */
	alarm(60);
	test_not_ready();
	test_params();
	test_not_params();
	test_reference();
	test_known_answers();
	test_path();
	test_xmm();
	test_stack();
	test_known_first();
	test_reseed();
	test_lengths();
	test_in_use();
	test_good_flags();
	test_bad_flags();
	test_null_buf();
	test_huge_len();
	test_bad_state();
	test_key_fails();
	test_moves();
	test_in_use_restart();
	test_fork();
	test_histogram();
	test_stub_clean();
	sys_reset();
	alarm(0);
}
