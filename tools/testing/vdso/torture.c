// SPDX-License-Identifier: GPL-2.0
/*
 * A writer thread rewrites the time page as fast as it can, under
 * vdso_write_begin()/vdso_write_end(), while reader threads read every
 * clock through the real reader and check each value.
 *
 * Every field of generation g is a function of g, and so is what each
 * clock must read: clock k reads g + k * 2^40 seconds and nsec(g, k)
 * nanoseconds, with nsec() mixing the base, cycle_last, mult and shift of
 * that generation. A reader recovers g from the seconds and checks the
 * nanoseconds; a read that mixes two generations shows up as a mismatch,
 * as does a generation older than the last one this reader saw.
 *
 * The writer runs flat out, but after one update in eight it idles for a
 * moment (a plain loop: PAUSE would make a KVM guest give its CPU away),
 * so that reads also complete between updates, not only while the writer
 * is scheduled out. The glue counts counter reads per thread, which shows
 * how many reads the retry threw away.
 *
 * Built a second time with noretry.h, a reader without the retry: there
 * the test passes only if it catches torn reads.
 *
 * Usage: vdso_torture [reads [readers [seconds]]]: by default 10^8 reads by
 * 2 readers, cut short (and said so) after 35 seconds. The no-retry build
 * also stops once a reader has seen 1000 torn reads.
 */
#include <time.h>

#include "vdso_test.h"

#define CYCLES		0x0123456789abcdefULL	/* what the counter reads */
#define SEC_STRIDE	BIT_ULL(40)		/* between the clocks' seconds */

static const clockid_t ids[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW,
	CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI,
};

static u64 mix(u64 g, u64 k)
{
	u64 z = g * 0x9e3779b97f4a7c15ULL + k * 0xd6e8feb86659fd93ULL;

	z = (z ^ (z >> 32)) * 0xd6e8feb86659fd93ULL;
	return z ^ (z >> 32);
}

static bool is_raw(clockid_t k)
{
	return clock_is(k, T_RAW);
}

static u32 gen_shift(u64 g, bool raw)
{
	return raw ? 5 + g % 23 : 4 + g % 25;
}

static u32 gen_ns_per_cycle(u64 g, bool raw)
{
	return raw ? 1 + g % 5 : 1 + g % 7;
}

/* one counter for every clock: the cycles since its bases */
static u64 gen_delta(u64 g)
{
	return 1 + mix(g, 100) % 1000003;
}

/* the base's nanoseconds: below 0.99 s, so the sum stays below 1 s */
static u64 gen_base_ns(u64 g, clockid_t k)
{
	return mix(g, k) % 990000000;
}

static u64 expect_nsec(u64 g, clockid_t k)
{
	if (clock_is(k, T_COARSE))
		return gen_base_ns(g, k);
	return gen_base_ns(g, k) + gen_delta(g) * gen_ns_per_cycle(g, is_raw(k));
}

/*
 * A counter clock's slot: its scaling, and its sec_delta as the writer
 * makes it, or 0 in odd generations (the 96-bit path)
 */
static void gen_clock(struct vdso_clock_base *b, u64 g, bool raw)
{
	b->cycle_last = CYCLES - gen_delta(g);
	b->mult = gen_ns_per_cycle(g, raw) << gen_shift(g, raw);
	b->shift = gen_shift(g, raw);
	b->sec_delta = g & 1 ? 0 : ref_sec_delta(b->mult, b->shift, b->snsec);
	b->mode = VDSO_CLOCKMODE_TEST;
}

static void write_generation(struct vdso_time_data *vd, u64 g)
{
	size_t i;

	vdso_write_begin(vd);
	vd->clock_mode = VDSO_CLOCKMODE_TEST;
	vd->mask = U64_MAX;
	for (i = 0; i < ARRAY_SIZE(ids); i++) {
		clockid_t k = ids[i];
		u64 ns = gen_base_ns(g, k);

		vd->base[k].sec = g + k * SEC_STRIDE;
		vd->base[k].snsec = clock_is(k, T_COARSE) ? ns :
				    ns << gen_shift(g, is_raw(k));
	}
	gen_clock(&vd->base[CLOCK_REALTIME], g, false);
	gen_clock(&vd->base[CLOCK_MONOTONIC], g, false);
	gen_clock(&vd->base[CLOCK_BOOTTIME], g, false);
	gen_clock(&vd->base[CLOCK_TAI], g, false);
	gen_clock(&vd->base[CLOCK_MONOTONIC_RAW], g, true);
	vd->base[CLOCK_REALTIME_COARSE].coarse = 1;
	vd->base[CLOCK_MONOTONIC_COARSE].coarse = 1;
	vdso_write_end(vd);
}

#ifdef vdso_seq_retry
#define ENOUGH_TORN	1000
#else
#define ENOUGH_TORN	U64_MAX
#endif

static u64 generation;		/* the last one written */
static bool stop;		/* for the writer */
static bool stop_readers;	/* out of time */
static int readers_running;

static void *writer(void *arg)
{
	struct vdso_time_data *vd = vd_k();
	u64 g = 1;

	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED)) {
		u64 idle;

		write_generation(vd, ++g);
		__atomic_store_n(&generation, g, __ATOMIC_RELAXED);
		if (mix(g, 7) & 7)
			continue;
		for (idle = mix(g, 8) % 1024; idle; idle--)
			barrier();
	}
	return NULL;
}

struct reader {
	pthread_t thread;
	u64 reads;		/* to do, then done */
	u64 torn;
	u64 generations;	/* how many times g changed */
	u64 retries;		/* counter reads beyond one a counter-clock read */
	char first[200];	/* the first torn read */
};

static void *reader(void *arg)
{
	struct reader *r = arg;
	u64 last = 0, n = 0, counter_clock_reads = 0;
	size_t i = 0;

	while (n < r->reads) {
		struct __kernel_timespec ts;
		clockid_t k = ids[i];
		u64 g, bound;
		int ret;

		ret = test_vdso_clock_gettime(k, &ts);
		counter_clock_reads += !clock_is(k, T_COARSE);
		bound = __atomic_load_n(&generation, __ATOMIC_RELAXED) + 1;
		g = (u64)ts.tv_sec - k * SEC_STRIDE;
		if (ret || g > bound || g < last || (u64)ts.tv_nsec != expect_nsec(g, k)) {
			if (!r->torn++)
				snprintf(r->first, sizeof(r->first),
					 "clock %d read %lld.%09lld: generation %llu (last %llu), want nsec %llu",
					 k, ts.tv_sec, ts.tv_nsec, g, last,
					 g <= bound ? expect_nsec(g, k) : 0);
		} else {
			r->generations += g != last;
			last = g;
		}
		if (++i == ARRAY_SIZE(ids))
			i = 0;
		if (!(++n & 4095) && (__atomic_load_n(&stop_readers, __ATOMIC_RELAXED) ||
				      r->torn >= ENOUGH_TORN))
			break;
	}
	r->reads = n;
	r->retries = vdso_test_counter_reads - counter_clock_reads;
	__atomic_fetch_sub(&readers_running, 1, __ATOMIC_RELEASE);
	return NULL;
}

static double since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int main(int argc, char **argv)
{
	u64 total = argc > 1 ? strtoull(argv[1], NULL, 0) : 100000000ULL;
	int nr = argc > 2 ? atoi(argv[2]) : 2, i;
	double limit = argc > 3 ? atof(argv[3]) : 35;
	struct timespec t0, nap = { 0, 20000000 };
	u64 torn = 0, gens = 0, done = 0, retries = 0;
	struct reader *r;
	pthread_t w;
	double secs;

	if (nr < 1 || !total) {
		fprintf(stderr, "usage: %s [reads [readers [seconds]]]\n", argv[0]);
		return 2;
	}
	vvar_init();
	write_generation(vd_k(), 1);
	generation = 1;
	vdso_test_cycles = CYCLES;
	r = calloc(nr, sizeof(*r));
#ifdef vdso_seq_retry
	tap_plan(1);
#else
	tap_plan(3);
#endif
#ifdef vdso_seq_retry
	tap_diag("%llu reads by %d readers in at most %.0f s, no-retry reader",
		 total, nr, limit);
#else
	tap_diag("%llu reads by %d readers in at most %.0f s", total, nr, limit);
#endif

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (pthread_create(&w, NULL, writer, NULL))
		return 2;
	readers_running = nr;
	for (i = 0; i < nr; i++) {
		r[i].reads = total / nr + (i < (int)(total % nr));
		if (pthread_create(&r[i].thread, NULL, reader, &r[i]))
			return 2;
	}
	while (__atomic_load_n(&readers_running, __ATOMIC_ACQUIRE)) {
		nanosleep(&nap, NULL);
		if (since(&t0) > limit)
			__atomic_store_n(&stop_readers, true, __ATOMIC_RELAXED);
	}
	for (i = 0; i < nr; i++) {
		pthread_join(r[i].thread, NULL);
		torn += r[i].torn;
		gens += r[i].generations;
		done += r[i].reads;
		retries += r[i].retries;
	}
	__atomic_store_n(&stop, true, __ATOMIC_RELAXED);
	pthread_join(w, NULL);
	secs = since(&t0);

	tap_diag("%.2f s: %llu reads (%.1f M/s, %llu retried), %llu updates (%.1f M/s), %llu seen",
		 secs, done, done / secs / 1e6, retries, generation,
		 generation / secs / 1e6, gens);
	for (i = 0; i < nr; i++)
		if (r[i].torn)
			tap_diag("reader %d: %llu torn, first: %s", i, r[i].torn, r[i].first);

	t_begin();
#ifdef vdso_seq_retry
	if (!torn)
		t_fail("%llu reads against a reader without the retry, none torn", done);
	t_end("no-retry build is caught (%llu torn reads)", torn);
#else
	if (torn)
		t_fail("%llu torn reads", torn);
	if (done < total)
		tap_diag("out of time: %llu of %llu reads done", done, total);
	t_end("torture: %llu reads of 7 clocks by %d readers against a busy writer, none torn%s",
	      done, nr, done < total ? " (cut short by the time limit)" : "");
	t_begin();
	if (generation < 1000 || !retries)
		t_fail("writer %llu updates, %llu reads retried", generation, retries);
	t_end("torture: reads overlapped writes (%llu updates, %llu retried, %llu seen)",
	      generation, retries, gens);
	t_begin();
	if (sys_total())
		t_fail("%lu system calls", sys_total());
	t_end("torture: no system call");
#endif
	free(r);
	vvar_fini();
	return tap_done();
}
