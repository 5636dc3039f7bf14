// SPDX-License-Identifier: GPL-2.0
/*
 * Random valid timekeepers, published through the real update_vsyscall(),
 * and the 128-bit reference for what each clock must then read:
 *
 *   REALTIME  = xtime_sec + (xtime_nsec + delta * mult) >> shift
 *   MONOTONIC = REALTIME + wall_to_monotonic
 *   BOOTTIME  = MONOTONIC + monotonic_to_boot
 *   TAI       = REALTIME + tai_offset
 *   RAW       = raw_sec + (raw xtime_nsec + delta * raw mult) >> raw shift
 *   *_COARSE  = the same at delta = 0
 */
#include "vdso_test.h"

static u64 random_hz(void)
{
	u64 base = 1ULL << (15 + rnd_below(18));	/* 32 kHz .. 4 GHz */

	return base + rnd_below(base);
}

/* mult and shift as the kernel picks them, or any pair at all */
static void random_scale(u64 hz, u32 *mult, u32 *shift)
{
	int sh;

	if (!rnd_below(4)) {
		*shift = rnd_below(33);
		*mult = rnd64() >> rnd_below(32);
		if (*mult < 2)
			*mult = 2;
		return;
	}
	for (sh = 32; sh > 0; sh--) {
		ref_u128 m = (((ref_u128)NSEC << sh) + hz / 2) / hz;

		if (!(m >> 32) && !((m * hz * 600) >> 64))
			break;
	}
	*shift = sh;
	*mult = (((ref_u128)NSEC << sh) + hz / 2) / hz;
	if (*mult < 2)
		*mult = 2;
}

void tk_random(struct tk_sample *s)
{
	static const u64 masks[] = { 0xffffffffULL, (1ULL << 56) - 1, U64_MAX };
	struct timekeeper *tk = &s->tk;
	u64 hz = random_hz(), mask, delta, uptime;
	u32 mult, shift;
	s64 adj;

	memset(s, 0, sizeof(*s));
	s->cs.vdso_clock_mode = VDSO_CLOCKMODE_TEST;
	tk->tkr_mono.clock = &s->cs;
	tk->tkr_raw.clock = &s->cs;

	mask = masks[rnd_below(ARRAY_SIZE(masks))];
	random_scale(hz, &mult, &shift);
	tk->tkr_raw.mult = mult;
	/* NTP steers the mono mult a little off the raw one */
	adj = (s64)(mult / 2000) - (s64)rnd_below(mult / 1000 + 1);
	tk->tkr_mono.mult = mult + adj > 1 ? mult + adj : mult;
	tk->tkr_mono.shift = shift;
	tk->tkr_raw.shift = shift;
	tk->tkr_mono.mask = mask;
	tk->tkr_raw.mask = mask;
	tk->tkr_mono.cycle_last = rnd64() & mask;
	/*
	 * Timekeeping adds whole intervals to cycle_last without the mask:
	 * past a narrow counter's first wrap, it has bits above it
	 */
	if (mask != U64_MAX && rnd_below(2))
		tk->tkr_mono.cycle_last += (mask + 1) * (1 + rnd_below(1000));
	tk->tkr_raw.cycle_last = tk->tkr_mono.cycle_last;
	tk->tkr_mono.xtime_nsec = rnd_below(NSEC << shift);
	tk->tkr_raw.xtime_nsec = rnd_below(NSEC << shift);

	tk->xtime_sec = rnd_below(1ULL << 34);
	uptime = rnd_below(tk->xtime_sec + 1);
	tk->wall_to_monotonic.tv_sec = (s64)uptime - (s64)tk->xtime_sec;
	tk->wall_to_monotonic.tv_nsec = rnd_below(NSEC);
	tk->monotonic_to_boot.tv_sec = rnd_below(1ULL << 30);
	tk->monotonic_to_boot.tv_nsec = rnd_below(NSEC);
	tk->tai_offset = rnd_below(64);
	tk->raw_sec = rnd_below(1ULL << 34);

	switch (rnd_below(5)) {
	case 0:
		delta = 0;
		break;
	case 1:
		delta = rnd_below(1 << 16);
		break;
	case 2:		/* up to a few seconds */
		delta = rnd_below(hz * 4);
		break;
	case 3:		/* up to a month asleep */
		delta = rnd_below(hz * 30 * 86400);
		break;
	default:	/* anything the counter holds */
		delta = rnd64();
		break;
	}
	delta &= mask;
	/* keep every clock below 2^62 ns past its base */
	while (((ref_u128)delta * tk->tkr_mono.mult >> shift) >> 62 ||
	       ((ref_u128)delta * tk->tkr_raw.mult >> shift) >> 62)
		delta >>= 1;
	s->cycles = (tk->tkr_mono.cycle_last + delta) & mask;
	hrtimer_resolution = rnd_below(2) ? 1 : 1 + rnd_below(LOW_RES_NSEC);
}

void tk_publish(struct tk_sample *s)
{
	update_vsyscall(&s->tk);
	vdso_test_cycles = s->cycles;
}

static ref_u128 tkr_ns(const struct tk_read_base *tkr, u64 cycles)
{
	u64 delta = (cycles - tkr->cycle_last) & tkr->mask;

	if (delta >> 63)	/* behind cycle_last: no time passed */
		delta = 0;
	return ((ref_u128)delta * tkr->mult + tkr->xtime_nsec) >> tkr->shift;
}

static ref_s128 ts64_ns(const struct timespec64 *ts)
{
	return (ref_s128)ts->tv_sec * (ref_s128)NSEC + ts->tv_nsec;
}

struct __kernel_timespec tk_ref(const struct tk_sample *s, clockid_t id)
{
	const struct timekeeper *tk = &s->tk;
	ref_s128 real = (ref_s128)tk->xtime_sec * NSEC + tkr_ns(&tk->tkr_mono, s->cycles);
	ref_s128 tick = (ref_s128)tk->xtime_sec * NSEC +
			(tk->tkr_mono.xtime_nsec >> tk->tkr_mono.shift);

	switch (id) {
	case CLOCK_REALTIME:
		return ref_ts(real);
	case CLOCK_MONOTONIC:
		return ref_ts(real + ts64_ns(&tk->wall_to_monotonic));
	case CLOCK_BOOTTIME:
		return ref_ts(real + ts64_ns(&tk->wall_to_monotonic) +
			      ts64_ns(&tk->monotonic_to_boot));
	case CLOCK_TAI:
		return ref_ts(real + (ref_s128)tk->tai_offset * NSEC);
	case CLOCK_MONOTONIC_RAW:
		return ref_ts((ref_s128)tk->raw_sec * NSEC + tkr_ns(&tk->tkr_raw, s->cycles));
	case CLOCK_REALTIME_COARSE:
		return ref_ts(tick);
	case CLOCK_MONOTONIC_COARSE:
		return ref_ts(tick + ts64_ns(&tk->wall_to_monotonic));
	}
	abort();
}
