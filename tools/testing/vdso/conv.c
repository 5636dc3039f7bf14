// SPDX-License-Identifier: GPL-2.0
/*
 * The reader's conversion from counter cycles to a timespec, on data put
 * straight into the time page, against exact 128-bit arithmetic:
 *
 *   delta = (cycles - cycle_last) & mask, 0 if it is "negative" (>= 2^63)
 *   ns    = (delta * mult + snsec) >> shift
 *   time  = sec + ns / 10^9 seconds, ns % 10^9 nanoseconds
 */
#include "vdso_test.h"

#define RANDOM_STATES	1000000

const int conv_tests = 8;

struct conv {
	u64 cycle_last, mask;
	u32 mult, shift;
	u64 sec, snsec;
	u64 cycles;
	/*
	 * the base's sec_delta: this much below the writer's, at least 0;
	 * U64_MAX makes it 0, which leaves each read to the 96-bit path
	 */
	u64 sec_delta_cut;
};

static const u64 masks[] = { 0xffffffffULL, (1ULL << 56) - 1, U64_MAX };

/* the base's sec_delta: the writer's, less the state's cut */
static u64 conv_sec_delta(const struct conv *s)
{
	u64 d = ref_sec_delta(s->mult, s->shift, s->snsec);

	return d > s->sec_delta_cut ? d - s->sec_delta_cut : 0;
}

/* a wrong conversion: the state, the counter, the result, the expectation */
#define CONV_FAIL	\
	"%s: %d [%#llx %#llx %u %u %llu %#llx %#llx] %#llx: %d %lld.%09lld, not %lld.%09lld"

static void conv_put(const struct conv *s, clockid_t id)
{
	struct vdso_time_data *vd = vd_k();
	struct vdso_clock_base *b = &vd->base[id];

	vdso_write_begin(vd);
	vd->clock_mode = VDSO_CLOCKMODE_TEST;
	vd->mask = s->mask;
	b->sec = s->sec;
	b->cycle_last = s->cycle_last;
	b->snsec = s->snsec;
	b->sec_delta = conv_sec_delta(s);
	b->mult = s->mult;
	b->shift = s->shift;
	b->mode = VDSO_CLOCKMODE_TEST;
	vdso_write_end(vd);
	vdso_test_cycles = s->cycles;
}

/* false when the state is not a valid one: its time does not fit */
static bool conv_ref(const struct conv *s, struct __kernel_timespec *ts)
{
	u64 delta = (s->cycles - s->cycle_last) & s->mask;
	ref_u128 ns;

	if (delta >> 63)
		delta = 0;
	ns = ((ref_u128)delta * s->mult + s->snsec) >> s->shift;
	if (ns >> 64)
		return false;
	ts->tv_sec = s->sec + (u64)(ns / NSEC);
	ts->tv_nsec = (long long)(ns % NSEC);
	return true;
}

/* put @s in @id's slot, read @id, compare; false if @s was not valid */
static bool conv_check(const struct conv *s, clockid_t id, const char *what)
{
	struct __kernel_timespec want, got = { -1, -1 };
	unsigned long calls = sys_total();
	int ret;

	if (!conv_ref(s, &want))
		return false;
	conv_put(s, id);
	ret = test_vdso_clock_gettime(id, &got);
	if (ret || sys_total() != calls || !ts_eq(&got, &want))
		t_fail(CONV_FAIL,
		       what, id, s->cycle_last, s->mask, s->mult, s->shift, s->sec,
		       s->snsec, conv_sec_delta(s), s->cycles, ret, got.tv_sec,
		       got.tv_nsec, want.tv_sec, want.tv_nsec);
	return true;
}

static void test_kat(void)
{
	static const struct {
		struct conv s;
		s64 sec;
		long nsec;
	} kat[] = {
		/* 1 ns a cycle, one cycle on from the last ns of a second */
		{ { 10, U64_MAX, 1 << 8, 8, 1, 999999999ULL << 8, 11, 0 }, 2, 0 },
		/* shift 0 */
		{ { 0, U64_MAX, 1, 0, 0, 0, 5000000000ULL, 0 }, 5, 0 },
		/* a 32-bit counter wrapping: 32 cycles of 3 ns, plus 5 ns */
		{ { 0xfffffff0, 0xffffffff, 3 << 4, 4, 7, 5 << 4, 0x10, 0 }, 7, 101 },
		/* a 56-bit counter wrapping */
		{ { (1ULL << 56) - 100, (1ULL << 56) - 1, 1 << 20, 20, 100, 0, 900, 0 },
		  100, 1000 },
		/* bits above the mask do not count */
		{ { 5, 0xffffffff, 1 << 10, 10, 0, 0, 0xabcd00000000ULL + 105, 0 },
		  0, 100 },
		/* a 64-bit counter behind cycle_last: no time at all */
		{ { 1000, U64_MAX, 1 << 24, 24, 50, 123456789ULL << 24, 990, 0 },
		  50, 123456789 },
		/* a 3 GHz counter one day on: a 96-bit product, any sec_delta */
		{ { 7, U64_MAX, 357913941, 30, 1000, 999999999ULL << 30,
		    7 + 259200000000000ULL, 0 }, 87400, 999919532 },
		{ { 7, U64_MAX, 357913941, 30, 1000, 999999999ULL << 30,
		    7 + 259200000000000ULL, U64_MAX }, 87400, 999919532 },
		/* a 1 MHz 32-bit counter at its full range */
		{ { 0, 0xffffffff, 1000, 0, 0, 0, 0xffffffff, 0 }, 4294, 967295000 },
	};
	size_t i;

	t_begin();
	for (i = 0; i < ARRAY_SIZE(kat); i++) {
		struct __kernel_timespec ts = { -1, -1 };

		conv_put(&kat[i].s, CLOCK_MONOTONIC);
		if (test_vdso_clock_gettime(CLOCK_MONOTONIC, &ts) ||
		    ts.tv_sec != kat[i].sec || ts.tv_nsec != kat[i].nsec)
			t_fail("known answer %zu: %lld.%09lld, want %lld.%09ld", i,
			       ts.tv_sec, ts.tv_nsec, kat[i].sec, kat[i].nsec);
	}
	t_end("conversion: %zu known answers", ARRAY_SIZE(kat));
}

static void conv_random(struct conv *s)
{
	unsigned int bits = 16 + rnd_below(49);

	s->mask = rnd_below(2) ? masks[rnd_below(ARRAY_SIZE(masks))] :
		  (bits == 64 ? U64_MAX : (1ULL << bits) - 1);
	s->shift = rnd_below(33);
	s->mult = rnd_below(2) ? rnd64() : rnd_log() >> 32;
	if (!s->mult)
		s->mult = 1;
	s->cycle_last = rnd64() & s->mask;
	s->cycles = s->cycle_last + (rnd_below(2) ? rnd_log() : rnd64());
	if (s->mask != U64_MAX)
		s->cycles &= s->mask;
	s->sec = rnd_below(2) ? rnd_log() : rnd64();
	s->snsec = rnd_below((u64)NSEC << s->shift);
	s->sec_delta_cut = rnd_below(4) ? 0 : rnd_log();
}

static void test_random(void)
{
	long valid = 0, n;

	t_begin();
	for (n = 0; n < RANDOM_STATES; n++) {
		struct conv s;

		conv_random(&s);
		valid += conv_check(&s, n & 1 ? CLOCK_MONOTONIC_RAW : CLOCK_REALTIME,
				    "random");
	}
	t_end("conversion: %ld random states (masks 16..64 bits, shifts 0..32, any mult)",
	      valid);
}

static void test_wrap(void)
{
	long n = 0;
	size_t m;
	int i;

	t_begin();
	for (m = 0; m < ARRAY_SIZE(masks); m++) {
		for (i = 0; i < 20000; i++) {
			struct conv s;
			u64 before = rnd_below(1ULL << 20), after = rnd_below(1ULL << 20);

			conv_random(&s);
			s.mask = masks[m];
			s.sec_delta_cut = i & 1 ? U64_MAX : 0;
			/* cycle_last just below the wrap, the counter past it */
			s.cycle_last = s.mask - before;
			s.cycles = after;
			n += conv_check(&s, i & 2 ? CLOCK_TAI : CLOCK_MONOTONIC_RAW, "wrap");
		}
	}
	t_end("conversion: %ld counter wraps at 32-, 56- and 64-bit masks", n);
}

static void test_behind(void)
{
	long n = 0;
	int i;

	t_begin();
	for (i = 0; i < 100000; i++) {
		struct conv s;
		struct __kernel_timespec want, got;

		conv_random(&s);
		if (s.mult < 2)
			s.mult = 2;
		s.mask = U64_MAX;
		s.sec_delta_cut = i & 1 ? U64_MAX : 0;
		s.cycles = s.cycle_last - 1 - rnd_log() % (1ULL << 62);
		conv_put(&s, CLOCK_BOOTTIME);
		want.tv_sec = s.sec + (s.snsec >> s.shift) / NSEC;
		want.tv_nsec = (s.snsec >> s.shift) % NSEC;
		if (test_vdso_clock_gettime(CLOCK_BOOTTIME, &got) || !ts_eq(&got, &want))
			t_fail("counter %#llx behind %#llx: %lld.%09lld, want the base %lld.%09lld",
			       s.cycles, s.cycle_last, got.tv_sec, got.tv_nsec,
			       want.tv_sec, want.tv_nsec);
		n++;
	}
	t_end("conversion: %ld reads of a 64-bit counter behind cycle_last give the base", n);
}

/* a clock as the kernel would scale it: the largest shift keeping mult 32-bit */
static void conv_clock(struct conv *s, u64 hz)
{
	int shift;

	for (shift = 32; shift > 0; shift--) {
		ref_u128 mult = (((ref_u128)NSEC << shift) + hz / 2) / hz;

		/* and converting at least 10 minutes in 64 bits */
		if (mult >> 32 || (mult * hz * 600) >> 64)
			continue;
		break;
	}
	s->shift = shift;
	s->mult = (((ref_u128)NSEC << shift) + hz / 2) / hz;
	if (!s->mult)
		s->mult = 1;
}

static void test_long_deltas(void)
{
	static const u64 hz[] = { 32768, 1000000, 19200000, 24000000, 25000000,
				  100000000, 1000000000, 2899999999ULL,
				  3000000000ULL, 4999999999ULL };
	static const u64 secs[] = { 1, 59, 3600, 7200, 86400, 7 * 86400,
				    30 * 86400, 365 * 86400, 10 * 365 * 86400ULL };
	long n = 0;
	size_t h, t;
	int i;

	t_begin();
	for (h = 0; h < ARRAY_SIZE(hz); h++) {
		for (t = 0; t < ARRAY_SIZE(secs); t++) {
			for (i = 0; i < 200; i++) {
				struct conv s;

				conv_clock(&s, hz[h]);
				s.mask = U64_MAX;
				s.sec_delta_cut = i & 1 ? U64_MAX : 0;
				s.cycle_last = rnd64();
				s.cycles = s.cycle_last + hz[h] * secs[t] +
					   rnd_below(hz[h]);
				s.sec = rnd_below(1ULL << 40);
				s.snsec = rnd_below(NSEC << s.shift);
				n += conv_check(&s, CLOCK_REALTIME, "long delta");
			}
		}
	}
	t_end("conversion: %ld deltas of 1 s to 10 years at 32 kHz..5 GHz, both paths", n);
}

static void test_second_edges(void)
{
	static const u64 k[] = { 1, 2, 60, 3600, 86400, 1ULL << 32, 1ULL << 33 };
	long n = 0;
	unsigned int shift;
	size_t i;
	int d;

	t_begin();
	/* 1 ns a cycle: ns lands exactly around k seconds */
	for (shift = 0; shift <= 31; shift++) {
		for (i = 0; i < ARRAY_SIZE(k); i++) {
			for (d = -2; d <= 2; d++) {
				struct conv s = {
					.mask = U64_MAX, .mult = 1U << shift,
					.shift = shift, .sec = 1000,
					.cycle_last = rnd64(),
				};
				u64 part = rnd_below(NSEC);

				s.sec_delta_cut = d & 1 ? U64_MAX : 0;
				s.snsec = part << shift;
				s.cycles = s.cycle_last + k[i] * NSEC - part + d;
				n += conv_check(&s, CLOCK_MONOTONIC, "second edge");
				/* the same with the last fraction of a unit */
				s.snsec |= (1ULL << shift) - 1;
				n += conv_check(&s, CLOCK_MONOTONIC, "second edge");
			}
		}
	}
	t_end("conversion: %ld reads landing on, just before and just after whole seconds", n);
}

static void test_every_base(void)
{
	static const clockid_t ids[] = {
		CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
		CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME,
		CLOCK_TAI,
	};
	int n;

	t_begin();
	for (n = 0; n < 20000; n++) {
		struct vdso_time_data *vd = vd_k();
		struct conv mono, raw;
		size_t i;

		conv_random(&mono);
		conv_random(&raw);
		/* one counter: the raw clock's scaling, the mono clocks' counter */
		raw.cycle_last = mono.cycle_last;
		raw.mask = mono.mask;
		raw.cycles = mono.cycles;
		vdso_write_begin(vd);
		vd->clock_mode = VDSO_CLOCKMODE_TEST;
		vd->mask = mono.mask;
		for (i = 0; i < VDSO_NR_CLOCKS; i++) {
			const struct conv *s = clock_is(i, T_RAW) ? &raw : &mono;
			struct vdso_clock_base *b = &vd->base[i];

			b->sec = rnd64();
			b->coarse = clock_is(i, T_COARSE);
			if (!clock_is(i, T_COUNTER)) {
				/* as the writer leaves them: no mode */
				b->snsec = rnd_below(NSEC);
				b->cycle_last = rnd64();
				b->sec_delta = rnd64();
				b->mult = rnd64();
				b->shift = rnd_below(33);
				b->mode = VDSO_CLOCKMODE_NONE;
				continue;
			}
			b->snsec = rnd_below(NSEC << s->shift);
			b->cycle_last = s->cycle_last;
			b->sec_delta = ref_sec_delta(s->mult, s->shift, b->snsec);
			b->mult = s->mult;
			b->shift = s->shift;
			b->mode = VDSO_CLOCKMODE_TEST;
		}
		vdso_write_end(vd);
		vdso_test_cycles = mono.cycles;

		for (i = 0; i < ARRAY_SIZE(ids); i++) {
			const struct vdso_clock_base *b = &vd->base[ids[i]];
			struct __kernel_timespec got, want;
			struct conv s = clock_is(ids[i], T_RAW) ? raw : mono;

			s.sec = b->sec;
			s.snsec = b->snsec;
			if (clock_is(ids[i], T_COARSE)) {
				want.tv_sec = b->sec;
				want.tv_nsec = b->snsec;
			} else if (!conv_ref(&s, &want)) {
				continue;
			}
			if (test_vdso_clock_gettime(ids[i], &got) || !ts_eq(&got, &want))
				t_fail("clock %d: %lld.%09lld, want %lld.%09lld", ids[i],
				       got.tv_sec, got.tv_nsec, want.tv_sec, want.tv_nsec);
		}
	}
	t_end("conversion: each of the 7 clocks reads its own base and counter (20000 pages)");
}

static void test_sec_delta_free(void)
{
	long n = 0;
	int i;

	t_begin();
	for (i = 0; i < 200000; i++) {
		struct conv s;

		conv_random(&s);
		/* any sec_delta up to the writer's is the same answer */
		s.sec_delta_cut = 0;
		if (!conv_check(&s, CLOCK_MONOTONIC, "sec_delta exact"))
			continue;
		s.sec_delta_cut = U64_MAX;
		conv_check(&s, CLOCK_MONOTONIC, "sec_delta 0");
		s.sec_delta_cut = rnd64();
		conv_check(&s, CLOCK_MONOTONIC, "sec_delta random");
		s.sec_delta_cut = rnd_log();
		conv_check(&s, CLOCK_MONOTONIC, "sec_delta a little lower");
		n++;
	}
	t_end("conversion: %ld states read alike on the 64-bit and the 96-bit path, any sec_delta",
	      n);
}

void run_conv_tests(void)
{
	vvar_view(false);
	sys_reset();
	test_kat();
	test_random();
	test_wrap();
	test_behind();
	test_long_deltas();
	test_second_edges();
	test_every_base();
	test_sec_delta_free();
}
