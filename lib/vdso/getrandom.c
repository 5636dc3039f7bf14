// SPDX-License-Identifier: GPL-2.0
/*
 * getrandom() in the vDSO: a ChaCha20 generator per thread, keyed from the
 * kernel RNG and rekeyed from it whenever the kernel reseeds.
 *
 *   ssize_t getrandom(void *buf, size_t len, unsigned int flags,
 *                     void *state, size_t state_len);
 *
 * Called with state_len ~0UL (and buf NULL, len 0), it describes the
 * states user space must allocate (struct vgetrandom_opaque_params).
 * With a state it fills @buf from the state's keystream. It makes the
 * system call instead whenever the answer must be the kernel's: the RNG
 * is not seeded yet, flags it does not know, a NULL @buf, a length the
 * system call would cut, a state of the wrong size, or a state already in
 * use (a signal handler interrupting a call on its own thread's state).
 *
 * The key never outlives its use: each call that draws on it replaces it
 * with keystream before returning (fast key erasure), and handed-out
 * bytes are wiped from the state. If the kernel reseeds during a call, or
 * the state is dropped under memory pressure, the call starts over.
 */
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/stddef.h>
#include <uapi/linux/mman.h>
#include <uapi/linux/random.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/chacha.h>
#include <vdso/gettime.h>
#include <vdso/limits.h>
#include <vdso/unaligned.h>
#include <asm/byteorder.h>
#include <vdso/datapage.h>
#include <vdso/getrandom.h>

/* The most the system call hands out at once (MAX_RW_COUNT) */
#define VDSO_RNG_MAX_LEN	(INT_MAX & ~(VDSO_PAGE_SIZE - 1))

static __always_inline const struct vdso_rng_data *vdso_rng_page(void)
{
	return (const void *)vdso_data_page(VDSO_PAGE_RNG);
}

/* Zeroes that the compiler may not leave out: key material goes this way */
static __always_inline void vdso_wipe(void *p, size_t len)
{
	u8 *b = p;

	while (len--)
		*b++ = 0;
	barrier_data(p);
}

/* ChaCha20's input for the state's key, at block 0 */
static __always_inline void vdso_rng_setup(u32 in[16], const struct vgetrandom_state *st)
{
	int i;

	in[0] = VDSO_CHACHA_C0;
	in[1] = VDSO_CHACHA_C1;
	in[2] = VDSO_CHACHA_C2;
	in[3] = VDSO_CHACHA_C3;
#pragma GCC unroll 8
	for (i = 0; i < 8; i++)
		in[4 + i] = le32_to_cpu(READ_ONCE(st->key[i]));
	for (i = 12; i < 16; i++)
		in[i] = 0;
}

/*
 * Where vector registers are optional (s390's vector facility), the glue
 * says at run time whether they may be used, vdso_chacha_vectors(), and
 * gives the attribute that compiles the vector form for them,
 * VDSO_CHACHA_VECTOR_TARGET; the scalar form runs when they may not.
 */
#ifndef vdso_chacha_vectors
#define vdso_chacha_vectors()	true
#endif

/*
 * @n blocks of keystream into @dst, from the block @in counts at: for
 * the vector form, whole runs of four (VDSO_RNG_RUN). The
 * cipher's state stays in registers (vector ones with
 * VDSO_CHACHA_VECTORS) and in stack slots of these frames, both of which
 * vdso_rng_fill() clears when it is done with keystream.
 */
#ifdef VDSO_CHACHA_VECTORS
static noinline VDSO_LOCAL_FN VDSO_CHACHA_VECTOR_TARGET
void vdso_rng_vblocks(u32 in[16], u8 *dst, size_t n)
{
	vdso_chacha20_vruns(in, dst, n / 4);
}
#endif

static noinline VDSO_LOCAL_FN void vdso_rng_sblocks(u32 in[16], u8 *dst, size_t n)
{
	vdso_chacha20_blocks(in, dst, n);
}

static __always_inline void vdso_rng_blocks(u32 in[16], u8 *dst, size_t n)
{
#ifdef vdso_arch_chacha20_blocks
	/*
	 * The architecture's own call of a vector form built apart, which
	 * leaves no vector register of the caller's changed (powerpc), or
	 * which runs where the CPU has what it was built for (x86's SSSE3):
	 * true if it made the blocks. @n is always whole runs of
	 * VDSO_RNG_RUN blocks (vdso_rng_fill()), on which the vector
	 * forms rely.
	 */
	if (vdso_arch_chacha20_blocks(in, dst, n))
		return;
#endif
#ifdef VDSO_CHACHA_VECTORS
	if (vdso_chacha_vectors()) {
		vdso_local_fn(vdso_rng_vblocks)(in, dst, n);
		return;
	}
#endif
	vdso_local_fn(vdso_rng_sblocks)(in, dst, n);
}

/*
 * Replace the key, and fill the batch, with keystream no output has
 * used: the next blocks of @in, straight into the state, where the key
 * and the batch are whole blocks in a row. The caller sets @st->pos.
 */
static __always_inline void vdso_rng_rekey(struct vgetrandom_state *st, u32 in[16])
{
	static_assert(offsetof(struct vgetrandom_state, batch) == sizeof(st->key));
	static_assert((sizeof(st->key) + VDSO_RNG_BATCH) % 64 == 0);

	vdso_rng_blocks(in, (u8 *)st->key, (sizeof(st->key) + VDSO_RNG_BATCH) / 64);
}

/*
 * ChaCha20 keeps its state in more registers than an architecture may
 * have (x86-64: 16 state words, 16 vector registers), and what spills
 * to the stack can be run back to the key. The ChaCha20 functions'
 * frames are overwritten after use by a frame bigger than each (they run
 * at the same depth as vdso_rng_burn_stack()): image.mk builds this
 * file with -Werror=frame-larger-than=VDSO_RNG_FRAME_MAX (384 bytes, or
 * what the image's Makefile sets), and the area overwritten is larger
 * by a margin for the return address, saved registers and alignment.
 */
#ifndef VDSO_RNG_FRAME_MAX
#define VDSO_RNG_FRAME_MAX	384
#endif
#define VDSO_RNG_BURN		(VDSO_RNG_FRAME_MAX + 128)

static_assert(VDSO_RNG_BURN % 128 == 0);

/*
 * Where the architecture has instructions that move and clear many bytes
 * each, its glue's vdso_arch_rng_copy() and vdso_arch_rng_clear() (see
 * vdso_rng_move())
 */
#ifdef vdso_arch_rng_copy
#define VDSO_RNG_ARCH_COPY	1
#else
#define VDSO_RNG_ARCH_COPY	0
#endif

/*
 * The one frame above the limit, by design. Zeroed by the architecture's
 * vdso_arch_rng_clear() where it has one, else 128 bytes a round, so
 * that the loop's own instructions are few next to the stores.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wframe-larger-than="
static noinline VDSO_LOCAL_FN void vdso_rng_burn_stack(void)
{
	u64 area[VDSO_RNG_BURN / 8];
#if VDSO_RNG_ARCH_COPY

	vdso_arch_rng_clear((u8 *)area, sizeof(area));
#else
	size_t i, j;

	for (i = 0; i < VDSO_RNG_BURN / 8; i += 16) {
#pragma GCC unroll 16
		for (j = 0; j < 16; j++)
			area[i + j] = 0;
	}
#endif
	barrier_data(area);
}

#pragma GCC diagnostic pop

/*
 * @n bytes, at least @words 64-bit words' worth, from @src to @dst where
 * words load and store at any alignment, @words (one or two) at a time:
 * the first, then the rest from the end, the last of which may overlap
 * the first (each read before any of it is wiped). @wipe as below.
 */
static __always_inline void vdso_rng_move_words(u8 *dst, u8 *src, size_t n, bool wipe,
						size_t words)
{
	size_t step = 8 * words, i;
	u64 a = __get_unaligned_t(u64, src), b = 0;

	if (words == 2)
		b = __get_unaligned_t(u64, src + 8);
	__put_unaligned_t(u64, a, dst);
	if (words == 2)
		__put_unaligned_t(u64, b, dst + 8);
	for (i = n; i > step;) {
		i -= step;
		a = __get_unaligned_t(u64, src + i);
		if (words == 2)
			b = __get_unaligned_t(u64, src + i + 8);
		__put_unaligned_t(u64, a, dst + i);
		if (words == 2)
			__put_unaligned_t(u64, b, dst + i + 8);
		if (wipe)
			__put_unaligned_t(u64, 0, src + i);
		if (wipe && words == 2)
			__put_unaligned_t(u64, 0, src + i + 8);
	}
	if (wipe)
		__put_unaligned_t(u64, 0, src);
	if (wipe && words == 2)
		__put_unaligned_t(u64, 0, src + 8);
}

/*
 * @n bytes from @src to @dst; with @wipe, zeroed in @src (without, the
 * caller overwrites @src before it returns). Where the architecture has
 * instructions that move and clear many bytes each (s390's MVC and XC),
 * its glue's vdso_arch_rng_copy() and vdso_arch_rng_clear(): the whole
 * copy, then the wipe. Where the architecture
 * loads and stores words at any alignment: eight bytes and more a word
 * at a time (vdso_rng_move_words()); four to seven bytes as two words
 * that may overlap; fewer a byte at a time. Elsewhere, from eight bytes
 * on, a 32-bit word of @src at a time, between the bytes before its
 * first word boundary and those after its last.
 */
static __always_inline void vdso_rng_move(u8 *dst, u8 *src, size_t n, bool wipe)
{
	bool words = IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS);
	size_t i;

#if VDSO_RNG_ARCH_COPY
	vdso_arch_rng_copy(dst, src, n);
	if (wipe)
		vdso_arch_rng_clear(src, n);
	return;
#endif
	if (words && n >= 8) {
		vdso_rng_move_words(dst, src, n, wipe, 1);
		return;
	}
	if (words && n >= 4) {
		u32 first = __get_unaligned_t(u32, src);
		u32 last = __get_unaligned_t(u32, src + n - 4);

		__put_unaligned_t(u32, first, dst);
		__put_unaligned_t(u32, last, dst + n - 4);
		if (wipe) {
			__put_unaligned_t(u32, 0, src);
			__put_unaligned_t(u32, 0, src + n - 4);
		}
		return;
	}
	i = 0;
	if (!words && n >= 8) {
		/*
		 * Bytes up to a word boundary of @src, then whole words of
		 * @src, stored whole where @dst is aligned too, else a byte
		 * at a time (for fewer than eight bytes, the bytes alone cost
		 * less)
		 */
		for (; i < n && ((unsigned long)(src + i) & 3); i++) {
			dst[i] = src[i];
			if (wipe)
				src[i] = 0;
		}
		if (!((unsigned long)(dst + i) & 3)) {
			for (; n - i >= 4; i += 4) {
				*(u32 *)(dst + i) = *(u32 *)(src + i);
				if (wipe)
					*(u32 *)(src + i) = 0;
			}
		} else {
			for (; n - i >= 4; i += 4) {
				u32 w = *(u32 *)(src + i);

				__builtin_memcpy(dst + i, &w, sizeof(w));
				if (wipe)
					*(u32 *)(src + i) = 0;
			}
		}
	}
	/* the bytes left */
	for (; i < n; i++) {
		dst[i] = src[i];
		if (wipe)
			src[i] = 0;
	}
}

/*
 * vdso_rng_move() for the slow path's copies, which may be long: where
 * 64-bit words load at any alignment, 16 bytes and more go two words at
 * a time (a load and a store of a pair where there are such). The fast
 * path keeps vdso_rng_move() alone, which costs a short request less.
 */
static __always_inline void vdso_rng_move_long(u8 *dst, u8 *src, size_t n, bool wipe)
{
	if (IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS) && sizeof(long) == 8 &&
	    !VDSO_RNG_ARCH_COPY && n >= 16)
		vdso_rng_move_words(dst, src, n, wipe, 2);
	else
		vdso_rng_move(dst, src, n, wipe);
}

/*
 * Blocks of keystream that go straight into a buffer are made in runs of
 * VDSO_RNG_RUN: the vector forms make four at a time and nothing else,
 * the scalar form one. Output short of a run comes from the batch, which
 * holds two runs of four blocks less the key, so that a vector rekey is
 * two runs too.
 */
#if defined(VDSO_CHACHA_VECTORS) || defined(vdso_arch_chacha20_blocks)
#define VDSO_RNG_RUN		4
#else
#define VDSO_RNG_RUN		1
#endif
#define VDSO_RNG_RUN_BYTES	(VDSO_RNG_RUN * 64)

/* Fill @dst with @len bytes from the state, replacing the key as it goes. */
static __always_inline void vdso_rng_fill(struct vgetrandom_state *st,
					  u8 *dst, size_t len)
{
	size_t pos = st->pos, n;
	u32 in[16];

	static_assert(VDSO_RNG_RUN_BYTES - 1 <= VDSO_RNG_BATCH);
	/* a rekey is whole runs too (vdso_rng_blocks()) */
	static_assert((sizeof(st->key) + VDSO_RNG_BATCH) % VDSO_RNG_RUN_BYTES == 0);

	/* pos is at most VDSO_RNG_BATCH, unless user space wrote it */
	n = pos < VDSO_RNG_BATCH ? VDSO_RNG_BATCH - pos : 0;
	if (len <= n) {
		/* the common case: from the batch alone, wiped as it goes */
		vdso_rng_move_long(dst, &st->batch[pos], len, true);
		st->pos = pos + len;
		return;
	}
	/* all the batch holds: the new batch below overwrites it */
	vdso_rng_move_long(dst, &st->batch[pos], n, false);
	dst += n;
	len -= n;

	vdso_rng_setup(in, st);
	/* whole runs of blocks straight into the buffer */
	if (len >= VDSO_RNG_RUN_BYTES) {
		n = len / VDSO_RNG_RUN_BYTES * VDSO_RNG_RUN;
		vdso_rng_blocks(in, dst, n);
		dst += 64 * n;
		len -= 64 * n;
	}
	/* then a new key, and the rest (less than a run) from a new batch */
	vdso_rng_rekey(st, in);
	vdso_rng_move_long(dst, st->batch, len, true);
	st->pos = len;
	vdso_wipe(in, sizeof(in));
	vdso_local_fn(vdso_rng_burn_stack)();
#ifdef VDSO_CHACHA_VECTORS
	/*
	 * Last, as the copies of the new key and batch above may have gone
	 * through vector registers too: none of it stays in one.
	 */
	if (vdso_chacha_vectors())
		vdso_vector_wipe();
#endif
}

static __always_inline bool vdso_rng_flags_ok(unsigned int flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return false;
	return (flags & (GRND_RANDOM | GRND_INSECURE)) !=
	       (GRND_RANDOM | GRND_INSECURE);
}

/*
 * A call the vDSO can answer: known flags, a seeded RNG and a state of
 * the right size.
 */
static __always_inline bool vdso_rng_call_ok(unsigned int flags, const void *opaque_state,
					     size_t opaque_len)
{
	return vdso_rng_flags_ok(flags) && READ_ONCE(vdso_rng_page()->is_ready) &&
	       opaque_state && opaque_len == sizeof(struct vgetrandom_state);
}

/*
 * getrandom() for any call but one the vDSO serves with bytes: the
 * query for the parameters, no byte to give, or the system call.
 */
static noinline VDSO_LOCAL_FN ssize_t
vdso_getrandom_other(void *buffer, size_t len, unsigned int flags,
		     void *opaque_state, size_t opaque_len)
{
	if (opaque_len == ~0UL && !buffer && !len && !flags) {
		struct vgetrandom_opaque_params *p = opaque_state;

		p->size_of_opaque_state = sizeof(struct vgetrandom_state);
		p->mmap_prot = PROT_READ | PROT_WRITE;
		p->mmap_flags = MAP_DROPPABLE | MAP_ANONYMOUS;
		vdso_wipe(p->reserved, sizeof(p->reserved));
		return 0;
	}
	/* no byte to give, NULL buffer or not: nothing to do */
	if (!len && vdso_rng_call_ok(flags, opaque_state, opaque_len))
		return 0;
	return vdso_syscall3(__NR_getrandom, (long)buffer, len, flags);
}

/*
 * getrandom() past the fast path, for a call the vDSO serves with bytes:
 * a length the system call would cut, a state in use, a new key from
 * the kernel, and every request the batch does not cover.
 */
static noinline VDSO_LOCAL_FN ssize_t
vdso_getrandom_slow(void *buffer, size_t len, unsigned int flags,
		    struct vgetrandom_state *st)
{
	const struct vdso_rng_data *rng = vdso_rng_page();
	unsigned long gen;

	if (unlikely(len > VDSO_RNG_MAX_LEN || READ_ONCE(st->in_use)))
		goto syscall;

	do {
		/* each pass: a state dropped meanwhile lost its in_use too */
		WRITE_ONCE(st->in_use, 1);
		barrier();
		gen = READ_ONCE(rng->generation);
		if (unlikely(READ_ONCE(st->generation) != gen)) {
			/* a new key from the kernel: its generation is at least @gen */
			if (vdso_syscall3(__NR_getrandom, (long)st->key,
					  sizeof(st->key), 0) != sizeof(st->key)) {
				WRITE_ONCE(st->in_use, 0);
				goto syscall;
			}
			st->pos = VDSO_RNG_BATCH;
			WRITE_ONCE(st->generation, gen);
		}
		vdso_rng_fill(st, buffer, len);
		barrier();
		/* reseeded meanwhile, or the state dropped: start over */
	} while (unlikely(READ_ONCE(rng->generation) != gen ||
			  READ_ONCE(st->generation) != gen));
	WRITE_ONCE(st->in_use, 0);
	return len;

syscall:
	return vdso_syscall3(__NR_getrandom, (long)buffer, len, flags);
}

/*
 * The fast path: what nearly every call is, a request of 1 to
 * VDSO_RNG_BATCH bytes that the batch of a state in the current
 * generation covers. It keeps few values live, so that the entry needs
 * no callee-saved register and no frame. False for anything else, with
 * the state as it was; or, where the state's generation is not the
 * current one after the copy (a reseed, before or during the call, or
 * the state dropped), with the bytes it took gone from the batch, and
 * the slow path starts over, as it would have.
 */
static __always_inline bool vdso_rng_fast(struct vgetrandom_state *st, u8 *dst, size_t len)
{
	const struct vdso_rng_data *rng = vdso_rng_page();
	unsigned long gen;
	size_t pos;

	if (READ_ONCE(st->in_use))
		return false;
	WRITE_ONCE(st->in_use, 1);
	barrier();
	gen = READ_ONCE(rng->generation);
	pos = st->pos;
	/* no overflow: pos is 16 bits wide, and @len at most the batch */
	static_assert(sizeof(st->pos) == 2);
	if (likely(pos + len <= VDSO_RNG_BATCH)) {
		st->pos = pos + len;
		vdso_rng_move(dst, &st->batch[pos], len, true);
		barrier();
		if (likely(READ_ONCE(st->generation) == gen &&
			   READ_ONCE(rng->generation) == gen)) {
			WRITE_ONCE(st->in_use, 0);
			return true;
		}
	}
	WRITE_ONCE(st->in_use, 0);
	return false;
}

/**
 * VDSO_ENTRY(getrandom) - getrandom(2) from a per-thread state
 * @buffer:     where the bytes go
 * @len:        how many
 * @flags:      GRND_* flags, as for getrandom(2)
 * @opaque_state: the caller's state, or the params to fill (see above)
 * @opaque_len: sizeof the state, or ~0UL to ask for the params
 *
 * A wild non-NULL @buffer faults in user space.
 *
 * Return: @len, or what the system call returns.
 */
ssize_t VDSO_ENTRY(getrandom)(void *buffer, size_t len, unsigned int flags,
			      void *opaque_state, size_t opaque_len)
{
	if (likely(vdso_rng_call_ok(flags, opaque_state, opaque_len) && buffer && len)) {
		if (likely(len <= VDSO_RNG_BATCH && vdso_rng_fast(opaque_state, buffer, len)))
			return vdso_entry_done(len);
		return vdso_entry_tail4(vdso_getrandom_slow, buffer, len, flags, opaque_state);
	}
	return vdso_entry_tail5(vdso_getrandom_other, buffer, len, flags, opaque_state,
				opaque_len);
}

VDSO_ALIAS(getrandom);
