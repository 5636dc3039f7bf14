// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO's getrandom(): the opaque-state protocol, output that differs
 * across calls, threads and fork(), a byte histogram that looks uniform,
 * bad arguments answered as the system call answers them, and the system
 * call made exactly when it must be (counted with a seccomp filter that
 * makes getrandom fail with a telltale errno). And, in a state of our
 * vDSO's layout, the exact keystream of a key planted there: the
 * architecture's ChaCha20 (vector code and its rotations included)
 * against one written here from RFC 8439. Where ChaCha20 runs on vector
 * registers, what a call leaves in them.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/random.h>
#include <sys/random.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_abi.h"
#include "vdso_child.h"
#include "vdso_util.h"

#ifndef MAP_DROPPABLE
#define MAP_DROPPABLE	0x08
#endif

/* what a blocked getrandom system call answers */
#define BLOCKED		ENOTRECOVERABLE

typedef ssize_t (*vgetrandom_fn)(void *buf, size_t len, unsigned int flags,
				 void *state, size_t state_len);

/* struct vgetrandom_opaque_params (linux/random.h), for older headers */
struct rng_params {
	uint32_t size_of_opaque_state;
	uint32_t mmap_prot;
	uint32_t mmap_flags;
	uint32_t reserved[13];
};

static vgetrandom_fn vgetrandom;
static struct rng_params params;

static void *new_state(void)
{
	void *p = mmap(NULL, params.size_of_opaque_state, params.mmap_prot,
		       params.mmap_flags, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* vgetrandom(), called as the architecture's C libraries call it */
static ssize_t vgr_call(void *buf, size_t len, unsigned int flags, void *state,
			size_t state_len)
{
#ifdef __powerpc64__
	return vdso_call(vgetrandom, (long)buf, len, flags, (long)state, state_len);
#else
	return vgetrandom(buf, len, flags, state, state_len);
#endif
}

static ssize_t vgr(void *buf, size_t len, unsigned int flags, void *state)
{
	return vgr_call(buf, len, flags, state, params.size_of_opaque_state);
}

static long sys_getrandom(void *buf, size_t len, unsigned int flags)
{
	long ret = syscall(SYS_getrandom, buf, len, flags);

	return ret < 0 ? -errno : ret;
}

static int all_zero(const unsigned char *b, size_t len)
{
	while (len--)
		if (*b++)
			return 0;
	return 1;
}

static void test_params(void)
{
	int ret = vgr_call(NULL, 0, 0, &params, ~0UL);

	ksft_test_result(!ret && params.size_of_opaque_state > 0 &&
			 params.mmap_prot == (PROT_READ | PROT_WRITE) &&
			 (params.mmap_flags & MAP_ANONYMOUS) &&
			 (params.mmap_flags & MAP_DROPPABLE),
			 "params: ret %d, state %u bytes, prot %#x, flags %#x\n", ret,
			 params.size_of_opaque_state, params.mmap_prot, params.mmap_flags);
}

static void test_lengths(void *st)
{
	static const size_t lens[] = { 1, 7, 32, 63, 64, 65, 95, 96, 97, 128,
				       1000, 4096, 65536 + 3 };
	static unsigned char a[65536 + 3], b[65536 + 3];
	unsigned int i, bad = 0;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		size_t len = lens[i];

		if (vgr(a, len, 0, st) != (ssize_t)len ||
		    vgr(b, len, 0, st) != (ssize_t)len ||
		    (len >= 8 && (all_zero(a, len) || !memcmp(a, b, len)))) {
			ksft_print_msg("length %zu: wrong count, zeros or a repeat\n", len);
			bad++;
		}
	}
	ksft_test_result(!bad, "%zu lengths from 1 to 65539: counts right, calls differ\n",
			 ARRAY_SIZE(lens));
}

static void test_bad_args(void *st)
{
	char buf[16];
	long v, s, ok = 1, page = sysconf(_SC_PAGESIZE);
	unsigned char *guard;

	v = vgr(buf, sizeof(buf), 0x100, st);
	s = sys_getrandom(buf, sizeof(buf), 0x100);
	ksft_print_msg("unknown flag: vdso %ld syscall %ld\n", v, s);
	ok &= v == s && v == -EINVAL;

	v = vgr(buf, sizeof(buf), GRND_RANDOM | GRND_INSECURE, st);
	s = sys_getrandom(buf, sizeof(buf), GRND_RANDOM | GRND_INSECURE);
	ksft_print_msg("RANDOM|INSECURE: vdso %ld syscall %ld\n", v, s);
	ok &= v == s && v == -EINVAL;

	v = vgr(NULL, 16, 0, st);
	s = sys_getrandom(NULL, 16, 0);
	ksft_print_msg("NULL buffer: vdso %ld syscall %ld\n", v, s);
	ok &= v == s && v == -EFAULT;

	v = vgr(buf, 0, 0, st);
	s = sys_getrandom(buf, 0, 0);
	ok &= v == s && v == 0;

	/* a huge length: the system call stops at the unmapped page */
	guard = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (guard == MAP_FAILED || munmap(guard + page, page)) {
		ksft_test_result_fail("bad arguments: mmap: %s\n", strerror(errno));
		return;
	}
	v = vgr(guard, SIZE_MAX, 0, st);
	s = sys_getrandom(guard, SIZE_MAX, 0);
	ksft_print_msg("huge length: vdso %ld syscall %ld\n", v, s);
	ok &= v == s;
	v = vgr(buf, sizeof(buf), GRND_NONBLOCK | GRND_INSECURE, st);
	ok &= v == sizeof(buf);
	munmap(guard, page);
	ksft_test_result(ok, "bad arguments get the system call's answer\n");
}

struct thread_out {
	unsigned char bytes[64];
	long ret;
};

static void *thread_fn(void *arg)
{
	struct thread_out *out = arg;
	void *st = new_state();

	out->ret = st ? vgr(out->bytes, sizeof(out->bytes), 0, st) : -1;
	return NULL;
}

static void test_threads(void)
{
	struct thread_out out[4];
	pthread_t t[4];
	int i, j, ok = 1;

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, thread_fn, &out[i]);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < 4; i++) {
		ok &= out[i].ret == 64;
		for (j = 0; j < i; j++)
			ok &= memcmp(out[i].bytes, out[j].bytes, 64) != 0;
	}
	ksft_test_result(ok, "4 threads, 4 states: 4 different outputs\n");
}

static void test_fork(void *st)
{
	unsigned char mine[64], child[64];
	int fds[2], status;
	pid_t pid;

	/* the state holds a key and a batch now */
	vgr(mine, 16, 0, st);
	if (pipe(fds))
		ksft_exit_fail_msg("pipe: %s\n", strerror(errno));
	pid = fork();
	if (!pid) {
		/* the child's copy of the state was wiped at fork */
		if (vgr(child, sizeof(child), 0, st) != sizeof(child))
			_exit(1);
		_exit(write(fds[1], child, sizeof(child)) != sizeof(child));
	}
	waitpid(pid, &status, 0);
	if (vgr(mine, sizeof(mine), 0, st) != sizeof(mine) ||
	    read(fds[0], child, sizeof(child)) != sizeof(child) ||
	    !WIFEXITED(status) || WEXITSTATUS(status)) {
		ksft_test_result_fail("fork: a call failed\n");
		return;
	}
	close(fds[0]);
	close(fds[1]);
	ksft_test_result(memcmp(mine, child, sizeof(mine)) != 0,
			 "fork: the child does not repeat its parent's bytes\n");
}

static void test_histogram(void *st)
{
	static unsigned char buf[1 << 20];
	double chi = 0, want = sizeof(buf) / 256.0;
	unsigned long count[256] = { 0 };
	size_t i;

	if (vgr(buf, sizeof(buf), 0, st) != sizeof(buf)) {
		ksft_test_result_fail("histogram: short read\n");
		return;
	}
	for (i = 0; i < sizeof(buf); i++)
		count[buf[i]]++;
	for (i = 0; i < 256; i++)
		chi += (count[i] - want) * (count[i] - want) / want;
	/* 255 degrees of freedom: mean 255, sd 22.6; these bounds are 6 sd */
	ksft_test_result(chi > 120 && chi < 390,
			 "1 MiB byte histogram: chi-square %.1f (255 expected)\n", chi);
}

static const unsigned int getrandom_nr[] = { SYS_getrandom };

/*
 * Our vDSO's state (include/vdso/getrandom.h): the key as RFC 8439's 32
 * bytes, then the batch of keystream not handed out yet. Another vDSO's
 * states are of another size, and the known-answer test skips.
 */
#define OUR_BATCH	(8 * 64 - 32)

struct our_state {
	_Alignas(64) uint8_t key[32];
	uint8_t batch[OUR_BATCH];
	unsigned long generation;
	uint8_t in_use;
	uint16_t pos;
};

static uint32_t rol32(uint32_t v, int n)
{
	return v << n | v >> (32 - n);
}

static uint32_t get_le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void qr(uint32_t x[16], int a, int b, int c, int d)
{
	x[a] += x[b];
	x[d] = rol32(x[d] ^ x[a], 16);
	x[c] += x[d];
	x[b] = rol32(x[b] ^ x[c], 12);
	x[a] += x[b];
	x[d] = rol32(x[d] ^ x[a], 8);
	x[c] += x[d];
	x[b] = rol32(x[b] ^ x[c], 7);
}

/* RFC 8439's block function, words 12-15 as given, out as bytes */
static void ref_block(const uint8_t key[32], const uint32_t w12_15[4], uint8_t out[64])
{
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 }, x[16];
	int i;

	for (i = 0; i < 8; i++)
		in[4 + i] = get_le32(key + 4 * i);
	for (i = 0; i < 4; i++)
		in[12 + i] = w12_15[i];
	memcpy(x, in, sizeof(x));
	for (i = 0; i < 10; i++) {
		qr(x, 0, 4, 8, 12);
		qr(x, 1, 5, 9, 13);
		qr(x, 2, 6, 10, 14);
		qr(x, 3, 7, 11, 15);
		qr(x, 0, 5, 10, 15);
		qr(x, 1, 6, 11, 12);
		qr(x, 2, 7, 8, 13);
		qr(x, 3, 4, 9, 14);
	}
	for (i = 0; i < 16; i++) {
		uint32_t w = x[i] + in[i];

		out[4 * i] = w;
		out[4 * i + 1] = w >> 8;
		out[4 * i + 2] = w >> 16;
		out[4 * i + 3] = w >> 24;
	}
}

/* @nblocks of the keystream of @key (a zero nonce), from block 0 */
static void ref_stream(const uint8_t key[32], uint8_t *out, size_t nblocks)
{
	uint32_t w[4] = { 0 };
	size_t i;

	for (i = 0; i < nblocks; i++) {
		w[0] = i;
		ref_block(key, w, out + 64 * i);
	}
}

/* the reference itself, against RFC 8439 section 2.3.2's block */
static int ref_ok(void)
{
	static const uint8_t want[16] = { 0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15,
					  0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20, 0x71, 0xc4 };
	static const uint32_t w[4] = { 1, 0x09000000, 0x4a000000, 0 };
	uint8_t key[32], out[64];
	int i;

	for (i = 0; i < 32; i++)
		key[i] = i;
	ref_block(key, w, out);
	return !memcmp(out, want, sizeof(want)) && get_le32(out + 60) == 0x4e3c50a2;
}

/*
 * Blocks of keystream go straight into the buffer in whole runs
 * (lib/vdso/getrandom.c): of four blocks where the image's ChaCha20 is a
 * vector one, of one where it is scalar. A 32-bit arm process may have
 * either, an arm kernel's image (scalar) or arm64's AArch32 one (NEON):
 * there the output must be exactly one of the two.
 */
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || \
	defined(__s390x__) || defined(__powerpc64__)
static const size_t our_runs[] = { 4 };
#elif defined(__arm__)
static const size_t our_runs[] = { 4, 1 };
#else
static const size_t our_runs[] = { 1 };
#endif

/*
 * One length: plant a key and an empty batch in a keyed state, then the
 * output must be the key's keystream as the construction has it, for
 * runs of @run blocks: as many whole runs as fit first, then the next 32
 * bytes become the key and the rest the batch, whose first bytes end the
 * output; a second, shorter request takes the batch's next bytes. The
 * bytes handed out must be gone from the batch. 1: right, 0: wrong, -1:
 * the kernel reseeded meanwhile (the state was rekeyed from it).
 */
static int known_answer(struct our_state *st, size_t len, size_t run, uint8_t *out,
			uint8_t *ks)
{
	size_t n = len / (64 * run) * run, t = len - 64 * n, k;
	unsigned long gen;
	uint8_t key[32];
	size_t i;

	if (vgr(out, 1, 0, st) != 1)	/* keyed, at the current generation */
		return 0;
	gen = st->generation;
	for (i = 0; i < sizeof(key); i++)
		key[i] = 0x80 + 3 * i + len;
	memcpy(st->key, key, sizeof(key));
	st->pos = OUR_BATCH;
	if (vgr(out, len, 0, st) != (ssize_t)len)
		return 0;
	if (st->generation != gen)
		return -1;
	ref_stream(key, ks, n + (32 + OUR_BATCH) / 64);
	if (memcmp(out, ks, 64 * n) || memcmp(out + 64 * n, ks + 64 * n + 32, t)) {
		for (i = 0; i < len && out[i] == (i < 64 * n ? ks[i] : ks[i + 32]); i++)
			;
		if (run == our_runs[ARRAY_SIZE(our_runs) - 1])
			ksft_print_msg("length %zu: output differs from byte %zu\n", len, i);
		return 0;
	}
	if (memcmp(st->key, ks + 64 * n, 32) || st->pos != t ||
	    !all_zero(st->batch, t) ||
	    memcmp(st->batch + t, ks + 64 * n + 32 + t, OUR_BATCH - t)) {
		if (run == our_runs[ARRAY_SIZE(our_runs) - 1])
			ksft_print_msg("length %zu: the key or batch left is not the keystream's\n",
				       len);
		return 0;
	}
	/* then a request the batch covers: its next bytes, wiped from it */
	k = len % 61 + 1 < OUR_BATCH - t ? len % 61 + 1 : OUR_BATCH - t;
	ks += 64 * n + 32;
	if (vgr(out, k, 0, st) != (ssize_t)k)
		return 0;
	if (st->generation != gen)
		return -1;
	if (memcmp(out, ks + t, k) || st->pos != t + k || !all_zero(st->batch, t + k) ||
	    memcmp(st->batch + t + k, ks + t + k, OUR_BATCH - t - k)) {
		if (run == our_runs[ARRAY_SIZE(our_runs) - 1])
			ksft_print_msg("length %zu: the next %zu bytes from the batch are wrong\n",
				       len, k);
		return 0;
	}
	return 1;
}

/*
 * A call made with every vector register holding a pattern, and the
 * registers as the call left them (grnd_vregs(), in assembly so that
 * nothing else touches them in between).
 */
struct vcall {
	_Alignas(16) void *fn;
	long buf, len, flags, state, state_len, ret, pad;
	uint8_t regs[32][16];	/* at 64: 16-byte aligned */
};

#define VPAT	0x5a

void grnd_vregs(struct vcall *c) __attribute__((visibility("hidden")));

#if defined(__x86_64__) && defined(__LP64__)
#define VREGS	16
asm(".pushsection .text\n"
	".globl grnd_vregs\n"
	".hidden grnd_vregs\n"
	".type grnd_vregs, @function\n"
	"grnd_vregs:\n"
	"\tpush %rbx\n"
	"\tmov %rdi, %rbx\n"
	"\tmov $0x5a5a5a5a5a5a5a5a, %rax\n"
	"\tmovq %rax, %xmm0\n"
	"\tpunpcklqdq %xmm0, %xmm0\n"
	"\t.irp r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
	"\tmovdqa %xmm0, %xmm\\r\n"
	"\t.endr\n"
	"\tmov 8(%rbx), %rdi\n"
	"\tmov 16(%rbx), %rsi\n"
	"\tmov 24(%rbx), %rdx\n"
	"\tmov 32(%rbx), %rcx\n"
	"\tmov 40(%rbx), %r8\n"
	"\tcall *(%rbx)\n"
	"\tmov %rax, 48(%rbx)\n"
	"\t.irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15\n"
	"\tmovdqu %xmm\\r, 64 + 16 * \\r(%rbx)\n"
	"\t.endr\n"
	"\tpop %rbx\n"
	"\tret\n"
	".size grnd_vregs, . - grnd_vregs\n"
	".popsection\n");

/* the x86-64 ABI keeps no XMM register across a call: all cleared */
#define VKEPT_FIRST	1
#define VKEPT_LAST	0

static int have_vregs(void)
{
	return 1;
}
#elif defined(__aarch64__)
#define VREGS	32
asm(".pushsection .text\n"
	".globl grnd_vregs\n"
	".hidden grnd_vregs\n"
	".type grnd_vregs, %function\n"
	"grnd_vregs:\n"
	"\tstp x29, x30, [sp, #-96]!\n"
	"\tmov x29, sp\n"
	"\tstp x19, x20, [sp, #16]\n"
	"\tstp d8, d9, [sp, #32]\n"
	"\tstp d10, d11, [sp, #48]\n"
	"\tstp d12, d13, [sp, #64]\n"
	"\tstp d14, d15, [sp, #80]\n"
	"\tmov x19, x0\n"
	"\tmovi v0.16b, #0x5a\n"
	"\t.irp r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tmov v\\r\\().16b, v0.16b\n"
	"\t.endr\n"
	"\tldr x16, [x19]\n"
	"\tldp x0, x1, [x19, #8]\n"
	"\tldp x2, x3, [x19, #24]\n"
	"\tldr x4, [x19, #40]\n"
	"\tblr x16\n"
	"\tstr x0, [x19, #48]\n"
	"\t.irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tstr q\\r, [x19, #64 + 16 * \\r]\n"
	"\t.endr\n"
	"\tldp d8, d9, [sp, #32]\n"
	"\tldp d10, d11, [sp, #48]\n"
	"\tldp d12, d13, [sp, #64]\n"
	"\tldp d14, d15, [sp, #80]\n"
	"\tldp x19, x20, [sp, #16]\n"
	"\tldp x29, x30, [sp], #96\n"
	"\tret\n"
	".size grnd_vregs, . - grnd_vregs\n"
	".popsection\n");

/* AAPCS64: the callee keeps the low 64 bits of v8-v15 (d8-d15) */
#define VKEPT_FIRST	8
#define VKEPT_LAST	15

static int have_vregs(void)
{
	return 1;
}
#elif defined(__s390x__)
#define VREGS	32
asm(".pushsection .text\n"
	".globl grnd_vregs\n"
	".hidden grnd_vregs\n"
	".type grnd_vregs, @function\n"
	"grnd_vregs:\n"
	"\t.machine push\n"
	"\t.machine z13\n"
	"\tstmg %r6, %r15, 48(%r15)\n"
	"\tlgr %r1, %r15\n"
	"\taghi %r15, -224\n"
	"\tstg %r1, 0(%r15)\n"
	"\t.irp r, 8, 9, 10, 11, 12, 13, 14, 15\n"
	"\tstd %f\\r, 160 + 8 * (\\r - 8)(%r15)\n"
	"\t.endr\n"
	"\tlgr %r12, %r2\n"
	"\tvrepib %v0, 0x5a\n"
	"\t.irp r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tvlr %v\\r, %v0\n"
	"\t.endr\n"
	"\tlg %r2, 8(%r12)\n"
	"\tlg %r3, 16(%r12)\n"
	"\tlg %r4, 24(%r12)\n"
	"\tlg %r5, 32(%r12)\n"
	"\tlg %r6, 40(%r12)\n"
	"\tlg %r1, 0(%r12)\n"
	"\tbasr %r14, %r1\n"
	"\tstg %r2, 48(%r12)\n"
	"\t.irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tvst %v\\r, 64 + 16 * \\r(%r12)\n"
	"\t.endr\n"
	"\t.irp r, 8, 9, 10, 11, 12, 13, 14, 15\n"
	"\tld %f\\r, 160 + 8 * (\\r - 8)(%r15)\n"
	"\t.endr\n"
	"\tlmg %r6, %r15, 224 + 48(%r15)\n"
	"\tbr %r14\n"
	"\t.machine pop\n"
	".size grnd_vregs, . - grnd_vregs\n"
	".popsection\n");

/* the s390x ABI: the callee keeps f8-f15, the left halves of v8-v15 */
#define VKEPT_FIRST	8
#define VKEPT_LAST	15

/* the vector facility; without it getrandom's ChaCha20 runs scalar */
static int have_vregs(void)
{
	return !!(getauxval(AT_HWCAP) & 2048);	/* HWCAP_S390_VXRS */
}
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define VREGS	32
/* the pattern comes from regs[0], which the caller fills */
asm(".pushsection .text\n"
	".globl grnd_vregs\n"
	".hidden grnd_vregs\n"
	".type grnd_vregs, @function\n"
	"grnd_vregs:\n"
	"\tmflr %r0\n"
	"\tstd %r0, 16(%r1)\n"
	"\tstdu %r1, -256(%r1)\n"
	"\tstd %r31, 240(%r1)\n"
	"\tmr %r31, %r3\n"
	"\taddi %r11, %r1, 48\n"
	"\t.irp r, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tstvx %v\\r, 0, %r11\n"
	"\taddi %r11, %r11, 16\n"
	"\t.endr\n"
	"\taddi %r11, %r31, 64\n"
	"\tlvx %v0, 0, %r11\n"
	"\t.irp r, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tvor %v\\r, %v0, %v0\n"
	"\t.endr\n"
	"\tld %r12, 0(%r31)\n"
	"\tmtctr %r12\n"
	"\tld %r3, 8(%r31)\n"
	"\tld %r4, 16(%r31)\n"
	"\tld %r5, 24(%r31)\n"
	"\tld %r6, 32(%r31)\n"
	"\tld %r7, 40(%r31)\n"
	"\tstd %r2, 24(%r1)\n"
	"\tbctrl\n"
	"\tld %r2, 24(%r1)\n"
	"\tstd %r3, 48(%r31)\n"
	"\taddi %r11, %r31, 64\n"
	"\t.irp r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tstvx %v\\r, 0, %r11\n"
	"\taddi %r11, %r11, 16\n"
	"\t.endr\n"
	"\taddi %r11, %r1, 48\n"
	"\t.irp r, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31\n"
	"\tlvx %v\\r, 0, %r11\n"
	"\taddi %r11, %r11, 16\n"
	"\t.endr\n"
	"\tld %r31, 240(%r1)\n"
	"\taddi %r1, %r1, 256\n"
	"\tld %r0, 16(%r1)\n"
	"\tmtlr %r0\n"
	"\tblr\n"
	".size grnd_vregs, . - grnd_vregs\n"
	".popsection\n");

/*
 * The ppc64 vDSO keeps every vector register of its caller (glibc's
 * and the selftests' assembly calls name none clobbered): all kept
 */
#define VKEPT_FIRST	0
#define VKEPT_LAST	31
#define VKEPT_BOTH	1

static int have_vregs(void)
{
	return 1;
}
#else
#define VREGS	0
#endif

#ifndef VKEPT_BOTH
#define VKEPT_BOTH	0
#endif

/*
 * After a call that made keystream (the batch is too short for it), the
 * vector registers the callee may change are zero, so that none holds
 * key material or output to come, and those it must keep (the first
 * halves of VKEPT_FIRST to VKEPT_LAST, or the whole of them) are as they
 * were. Where the callee may change some, a scalar ChaCha20 would leave
 * the pattern there: this also shows that the vector form ran.
 */
#if VREGS
static void test_vregs(void *st)
{
	static uint8_t buf[OUR_BATCH + 64];
	struct vcall c = {
		.fn = (void *)vgetrandom, .buf = (long)buf, .len = sizeof(buf),
		.state = (long)st, .state_len = params.size_of_opaque_state,
	};
	int r, h, b, bad = 0;

	if (!have_vregs()) {
		ksft_test_result_skip("vector registers: none here, ChaCha20 runs scalar\n");
		return;
	}
	vgr(buf, 1, 0, st);	/* keyed */
	memset(c.regs, VPAT, sizeof(c.regs[0]));
	grnd_vregs(&c);
	if (c.ret != (long)sizeof(buf)) {
		ksft_test_result_fail("vector registers: the call returned %ld\n", c.ret);
		return;
	}
	for (r = 0; r < VREGS; r++) {
		for (h = 0; h < 2; h++) {
			uint8_t want = (!h || VKEPT_BOTH) && r >= VKEPT_FIRST &&
				       r <= VKEPT_LAST ? VPAT : 0;

			for (b = 8 * h; b < 8 * h + 8; b++)
				if (c.regs[r][b] != want)
					break;
			if (b < 8 * h + 8) {
				ksft_print_msg("register %d, %s half: byte %d is %#x, not %#x\n",
					       r, h ? "second" : "first", b, c.regs[r][b], want);
				bad++;
			}
		}
	}
	ksft_test_result(!bad, "vector registers: %d as the ABI has them after the call\n",
			 VREGS);
}
#else
static void test_vregs(void *st)
{
	ksft_test_result_skip("vector registers: not checked for this ABI (state %p)\n", st);
}
#endif

static void test_known_answer(void *st)
{
	static const size_t lens[] = { 1, 31, 63, 64, 65, 127, 128, 191, 192, 200,
				       255, 256, 257, 300, 320, 479, 480, 481, 511, 512,
				       1000, 4096 + 5 };
	static uint8_t out[4096 + 5], ks[4096 + 5 + 32 + OUR_BATCH];
	unsigned int i, j, bad = 0, tries;
	int r;

	if (params.size_of_opaque_state != sizeof(struct our_state)) {
		ksft_test_result_skip("known answer: a state of %u bytes, not ours\n",
				      params.size_of_opaque_state);
		return;
	}
	if (!ref_ok()) {
		ksft_test_result_fail("known answer: the reference ChaCha20 is wrong\n");
		return;
	}
	/* every length by one construction; messages from the last one tried */
	for (j = 0; j < ARRAY_SIZE(our_runs); j++) {
		for (i = 0, bad = 0; i < ARRAY_SIZE(lens); i++) {
			tries = 0;
			do
				r = known_answer(st, lens[i], our_runs[j], out, ks);
			while (r < 0 && ++tries < 5);
			bad += r != 1;
		}
		if (!bad)
			break;
	}
	if (j == ARRAY_SIZE(our_runs))
		j--;
	ksft_test_result(!bad,
			 "known answer: %zu lengths of a planted key's keystream, runs of %zu\n",
			 ARRAY_SIZE(lens), our_runs[j]);
}

/*
 * The kernel RNG's generation, from the RNG page of [vvar] (the third
 * page, generation first: vdso/datapage.h), or 0 when there is none.
 * Read bytewise: the page may not take an atomic 8-byte read (i386).
 */
static uint64_t rng_generation(void)
{
	long page = sysconf(_SC_PAGESIZE);
	struct map_entry m;
	uint64_t g;

	if (maps_find("[vvar]", &m) != 1 || m.end - m.start < 3 * (uintptr_t)page)
		return 0;
	memcpy(&g, (const void *)(m.start + 2 * page), sizeof(g));
	return g;
}

/*
 * In a child, with getrandom made to fail with BLOCKED: a keyed state
 * answers without the system call. Unless the kernel reseeded between
 * the key and the call (which the early-boot RNG does every few
 * seconds): then the system call is right, and this says so with a skip,
 * for the parent to try again.
 */
static void keyed_child(int fd, void *arg)
{
	unsigned char buf[256];
	uint64_t gen;
	long r;

	/* before the key: a reseed from here on shows as a new generation */
	gen = rng_generation();
	vgr(buf, 1, 0, arg);	/* surely keyed */
	r = block_syscalls(getrandom_nr, 1, SECCOMP_RET_ERRNO | BLOCKED);
	if (r) {
		child_result(fd, KSFT_FAIL, "seccomp: %s", strerror(-r));
		return;
	}
	r = vgr(buf, sizeof(buf), 0, arg);
	if (r == -BLOCKED && gen && rng_generation() != gen) {
		child_result(fd, KSFT_SKIP, "keyed state: the kernel reseeded meanwhile");
		return;
	}
	child_result(fd, r == sizeof(buf) ? KSFT_PASS : KSFT_FAIL,
		     "keyed state: %ld, no system call", r);
}

/* keyed_child(), again while the kernel reseeds in the middle, 5 times at most */
static void test_keyed(void *st)
{
	struct child_report rep = { KSFT_SKIP, "keyed state: no result" };
	int i, ws;

	for (i = 0; i < 5 && rep.status == KSFT_SKIP; i++) {
		if (child_collect(keyed_child, st, &rep, 1, &ws) != 1) {
			ksft_test_result_fail("keyed state: the child ended with %#x\n", ws);
			return;
		}
	}
	ksft_test_result(rep.status == KSFT_PASS, "%s\n", rep.msg);
}

/*
 * In a child, with getrandom made to fail with BLOCKED: a fresh state,
 * bad flags, and the first call after the kernel reseeds make it.
 */
static void filtered(int fd, void *arg)
{
	void *st = arg, *fresh = new_state();
	unsigned char buf[256];
	long r;
	int urandom = open("/dev/urandom", O_RDONLY);

	vgr(buf, 1, 0, st);	/* surely keyed */
	r = block_syscalls(getrandom_nr, 1, SECCOMP_RET_ERRNO | BLOCKED);
	if (r) {
		child_result(fd, KSFT_FAIL, "seccomp: %s", strerror(-r));
		return;
	}
	r = vgr(buf, 16, 0x100, st);
	child_result(fd, r == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "unknown flag: %ld, the system call", r);
	r = fresh ? vgr(buf, 16, 0, fresh) : 0;
	child_result(fd, r == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "fresh state: %ld, the system call for a key", r);
	if (urandom < 0 || ioctl(urandom, RNDRESEEDCRNG) < 0) {
		child_result(fd, KSFT_SKIP, "RNDRESEEDCRNG: %s", strerror(errno));
		return;
	}
	r = vgr(buf, 16, 0, st);
	child_result(fd, r == -BLOCKED ? KSFT_PASS : KSFT_FAIL,
		     "after a reseed: %ld, the system call for a new key", r);
}

int main(void)
{
	struct vdso_image img;
	void *st;

	ksft_print_header();
	if (vdso_open_auxv(&img))
		ksft_exit_skip("no vDSO\n");
	if (!vdso_abi.getrandom)
		ksft_exit_skip("no getrandom in this architecture's vDSO\n");
	vgetrandom = vdso_lookup(&img, vdso_abi.getrandom, vdso_abi.version);
	if (!vgetrandom)
		ksft_exit_fail_msg("%s is missing\n", vdso_abi.getrandom);
	ksft_set_plan(12);
#if defined(__x86_64__) || defined(__i386__)
	/* x86's image has two ChaCha20 forms, of the same output */
	ksft_print_msg("ChaCha20: the %s form (the CPU %s SSSE3)\n",
		       __builtin_cpu_supports("ssse3") ? "SSSE3" : "SSE2",
		       __builtin_cpu_supports("ssse3") ? "has" : "has no");
#endif
	test_params();
	st = new_state();
	if (!st)
		ksft_exit_fail_msg("allocating a state: %s\n", strerror(errno));
	test_lengths(st);
	test_bad_args(st);
	test_threads();
	test_fork(st);
	test_histogram(st);
	test_keyed(st);
	test_known_answer(st);
	test_vregs(st);
	run_in_child(3, filtered, st);
	ksft_finished();
}
