// SPDX-License-Identifier: GPL-2.0
/*
 * A native figure for the x86-64 read path: lib/vdso/gettimeofday.c, built
 * unchanged with the glue in native/ (the real ordered TSC read), reading
 * a time page that the real update_vsyscall() filled from a timekeeper
 * that converts this host's TSC. It times:
 *
 *   ours   our clock_gettime(CLOCK_MONOTONIC)
 *   bare   the ordered TSC read alone, as the glue does it
 *   libc   the host's libc clock_gettime(CLOCK_MONOTONIC), that is the
 *          host kernel's vDSO, for context
 *
 * each CALLS times per round, best of ROUNDS rounds, in ns per call. The
 * TSC frequency is measured against CLOCK_MONOTONIC_RAW over 50 ms.
 *
 * Then getrandom(buf, len, 0) at lengths of 1 byte to 64 KiB, in ns per
 * call, best of ROUNDS rounds of about MS milliseconds each:
 *
 *   vector   lib/vdso/getrandom.c, the tests' std build (the vector
 *            ChaCha20, as x86-64 builds it)
 *   scalar   the same file, the tests' scalar build
 *   syscall  the host kernel's getrandom system call, for context
 *
 * The RNG page is ready at a fixed generation and each build has a state
 * of its own, allocated as its params say; each state's key request, the
 * one system call either build makes, comes before any timing, and the
 * figure counts what system calls came after it (none, or the figure
 * says so).
 *
 * Usage: vdso_native [calls [rounds [ms]]], by default 10^7, 5 and 20.
 * A report: it exits nonzero only when it cannot measure at all.
 */
#include <cpuid.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/random.h>

#include "vdso_test.h"
#include <vdso/getrandom.h>

#define CALIBRATE_NS	50000000ULL
#define MAX_SECONDS	600		/* the longest idle the scale allows for */
#define TSC_READ	(VDSO_NATIVE_RDTSCP ? "rdtscp" : "lfence;rdtsc")

static u64 host_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (u64)ts.tv_sec * NSEC + ts.tv_nsec;
}

/* the TSC and a host clock at one moment: the narrowest of a few brackets */
static void tsc_and(clockid_t id, u64 *tsc, u64 *ns)
{
	u64 best = U64_MAX;
	int i;

	for (i = 0; i < 16; i++) {
		u64 a = vdso_native_tsc(), t = host_ns(id), b = vdso_native_tsc();

		if (b - a < best) {
			best = b - a;
			*tsc = a + (b - a) / 2;
			*ns = t;
		}
	}
}

static double calibrate_hz(void)
{
	struct timespec pause = { 0, CALIBRATE_NS };
	u64 c0, n0, c1, n1;

	tsc_and(CLOCK_MONOTONIC_RAW, &c0, &n0);
	nanosleep(&pause, NULL);
	tsc_and(CLOCK_MONOTONIC_RAW, &c1, &n1);
	return (double)(c1 - c0) * NSEC / (double)(n1 - n0);
}

/* mult and shift for @hz, as precise as MAX_SECONDS of cycles allow */
static void scale(u64 hz, u32 *mult, u32 *shift)
{
	ref_u128 m = 0;
	int sh;

	for (sh = 32; sh > 0; sh--) {
		m = (((ref_u128)NSEC << sh) + hz / 2) / hz;
		if (!(m >> 32) && !((m * hz * MAX_SECONDS) >> 64))
			break;
	}
	*mult = (u32)m;
	*shift = sh;
}

static struct timespec64 ts_sub(u64 a, u64 b)
{
	s64 d = (s64)(a - b);
	struct timespec64 ts = { d / (s64)NSEC, d % (s64)NSEC };

	if (ts.tv_nsec < 0) {
		ts.tv_nsec += NSEC;
		ts.tv_sec--;
	}
	return ts;
}

/* a timekeeper at this moment, the TSC at @hz, through update_vsyscall() */
static void publish(u64 hz, u32 *mult, u32 *shift)
{
	static struct clocksource cs = { .vdso_clock_mode = VDSO_CLOCKMODE_TEST };
	struct timekeeper tk = { 0 };
	u64 tsc, real, mono, raw, boot, t;

	scale(hz, mult, shift);
	tsc_and(CLOCK_REALTIME, &tsc, &real);
	/* the other clocks, a moment later: moved back by what the TSC says */
	tsc_and(CLOCK_MONOTONIC, &t, &mono);
	mono -= (t - tsc) * NSEC / hz;
	tsc_and(CLOCK_MONOTONIC_RAW, &t, &raw);
	raw -= (t - tsc) * NSEC / hz;
	tsc_and(CLOCK_BOOTTIME, &t, &boot);
	boot -= (t - tsc) * NSEC / hz;

	tk.tkr_mono.clock = &cs;
	tk.tkr_mono.mask = U64_MAX;
	tk.tkr_mono.cycle_last = tsc;
	tk.tkr_mono.mult = *mult;
	tk.tkr_mono.shift = *shift;
	tk.tkr_mono.xtime_nsec = (real % NSEC) << *shift;
	tk.tkr_raw = tk.tkr_mono;
	tk.tkr_raw.xtime_nsec = (raw % NSEC) << *shift;
	tk.xtime_sec = real / NSEC;
	tk.raw_sec = raw / NSEC;
	tk.wall_to_monotonic = ts_sub(mono, real);
	tk.monotonic_to_boot = ts_sub(boot, mono);
	tk.tai_offset = 37;
	hrtimer_resolution = 1;
	update_vsyscall(&tk);
}

static s64 ours_minus_host(void)
{
	struct __kernel_timespec ts;
	u64 host = host_ns(CLOCK_MONOTONIC);

	test_vdso_clock_gettime(CLOCK_MONOTONIC, &ts);
	return (s64)((u64)ts.tv_sec * NSEC + ts.tv_nsec - host);
}

static noinline void loop_ours(long n)
{
	struct __kernel_timespec ts = { 0 };
	long i;

	for (i = 0; i < n; i++)
		test_vdso_clock_gettime(CLOCK_MONOTONIC, &ts);
}

/* the asm is volatile: every read happens, used or not */
static noinline void loop_bare(long n)
{
	long i;

	for (i = 0; i < n; i++)
		vdso_native_tsc();
}

static noinline void loop_libc(long n)
{
	struct timespec ts = { 0 };
	long i;

	for (i = 0; i < n; i++)
		clock_gettime(CLOCK_MONOTONIC, &ts);
}

/* --- getrandom() --------------------------------------------------------- */

#define GRND_GENERATION	1	/* the RNG page's, throughout */
#define GRND_MAX	65536

static const size_t grnd_lens[] = { 1, 4, 16, 64, 200, 256, 1024, 4096, GRND_MAX };

static u8 grnd_buf[GRND_MAX] __aligned(64);

struct grnd_kind {
	const char *name;
	ssize_t (*fn)(void *buffer, size_t len, unsigned int flags,
		      void *opaque_state, size_t opaque_len);
	void *state;
	size_t state_len;
	/* per length: calls in a round, the best ns per call */
	long calls[ARRAY_SIZE(grnd_lens)];
	double best[ARRAY_SIZE(grnd_lens)];
	/* over all its calls: vector wipes, returns other than the length */
	unsigned long wipes, bad;
};

/* the system call, as the vDSO entry point is called (no state) */
static ssize_t host_getrandom(void *buffer, size_t len, unsigned int flags,
			      void *opaque_state __maybe_unused,
			      size_t opaque_len __maybe_unused)
{
	return syscall(SYS_getrandom, buffer, len, flags);
}

/* the same loop for all three: an indirect call, as libc makes it */
static noinline void loop_grnd(struct grnd_kind *k, size_t len, long n)
{
	unsigned long wipes = vdso_test_vector_wipes;
	long i;

	for (i = 0; i < n; i++)
		if (k->fn(grnd_buf, len, 0, k->state, k->state_len) != (ssize_t)len)
			k->bad++;
	k->wipes += vdso_test_vector_wipes - wipes;
}

/* ns for @n calls of @k at @len */
static u64 time_grnd(struct grnd_kind *k, size_t len, long n)
{
	u64 t0 = host_ns(CLOCK_MONOTONIC);

	loop_grnd(k, len, n);
	return host_ns(CLOCK_MONOTONIC) - t0;
}

/* calls of @k at @len that take about @ns, found by doubling (a warm-up) */
static long grnd_calls(struct grnd_kind *k, size_t len, u64 ns)
{
	long n = 1;
	u64 t;

	while ((t = time_grnd(k, len, n)) < ns / 8 && n < (1L << 40))
		n *= 2;
	n = (long)((double)n * ns / (t ? t : 1));
	return n > 0 ? n : 1;
}

/* a state as @k's params describe it; "" or how the mapping differs */
static const char *grnd_state(struct grnd_kind *k)
{
	struct vgetrandom_opaque_params p;
	const char *how = "";

	memset(&p, 0xff, sizeof(p));
	if (k->fn(NULL, 0, 0, &p, ~0UL)) {
		fprintf(stderr, "vdso_native: %s getrandom() gave no params\n", k->name);
		exit(2);
	}
	k->state_len = p.size_of_opaque_state;
	k->state = mmap(NULL, k->state_len, p.mmap_prot, p.mmap_flags, -1, 0);
	if (k->state == MAP_FAILED) {
		/* a host before Linux 6.11 has no MAP_DROPPABLE */
		k->state = mmap(NULL, k->state_len, p.mmap_prot, MAP_PRIVATE | MAP_ANONYMOUS,
				-1, 0);
		how = " (MAP_PRIVATE, not the params' mmap flags)";
	}
	if (k->state == MAP_FAILED) {
		perror("vdso_native: mmap");
		exit(2);
	}
	return how;
}

static void native_getrandom(int rounds, u64 round_ns)
{
	struct grnd_kind kinds[] = {
		{ .name = "vector", .fn = native_getrandom_std },
		{ .name = "scalar", .fn = native_getrandom_scalar },
		{ .name = "syscall", .fn = host_getrandom },
	};
	unsigned long keys, after;
	const char *how = "";
	size_t l, k;
	int r;

	memset(grnd_buf, 0, sizeof(grnd_buf));
	vdso_rng_set_generation(GRND_GENERATION);
	vdso_rng_set_ready();
	keys = sys_calls[__NR_getrandom];
	for (k = 0; k < 2; k++) {
		const char *h = grnd_state(&kinds[k]);

		if (*h)
			how = h;
		/* a fresh state: its key request, before any timing */
		loop_grnd(&kinds[k], 1, 1);
	}
	keys = sys_calls[__NR_getrandom] - keys;

	after = sys_total();
	for (l = 0; l < ARRAY_SIZE(grnd_lens); l++) {
		for (k = 0; k < ARRAY_SIZE(kinds); k++) {
			kinds[k].calls[l] = grnd_calls(&kinds[k], grnd_lens[l], round_ns);
			kinds[k].best[l] = 1e30;
		}
		for (r = 0; r < rounds; r++) {
			for (k = 0; k < ARRAY_SIZE(kinds); k++) {
				struct grnd_kind *g = &kinds[k];
				double ns = (double)time_grnd(g, grnd_lens[l], g->calls[l]) /
					    g->calls[l];

				if (ns < g->best[l])
					g->best[l] = ns;
			}
		}
	}
	after = sys_total() - after;

	for (l = 0; l < ARRAY_SIZE(grnd_lens); l++) {
		printf("getrandom: %zu bytes:", grnd_lens[l]);
		for (k = 0; k < ARRAY_SIZE(kinds); k++)
			printf(" %s %.2f", kinds[k].name, kinds[k].best[l]);
		printf(" ns/call (calls per round");
		for (k = 0; k < ARRAY_SIZE(kinds); k++)
			printf(" %ld", kinds[k].calls[l]);
		printf(")\n");
	}
	printf("getrandom rounds: %d of about %llu ms each, the best\n", rounds,
	       (unsigned long long)round_ns / 1000000);
	/* as the tests tell the paths apart: only the vector build wipes */
	printf("getrandom paths: %s, %s (vector wipes: %lu, %lu)\n",
	       kinds[0].wipes ? "vector" : "scalar", kinds[1].wipes ? "vector" : "scalar",
	       kinds[0].wipes, kinds[1].wipes);
	printf("getrandom check: %lu key requests before timing, %lu system calls after,",
	       keys, after);
	printf(" %lu short returns; states of %zu bytes%s\n",
	       kinds[0].bad + kinds[1].bad + kinds[2].bad, kinds[0].state_len, how);
	for (k = 0; k < 2; k++)
		munmap(kinds[k].state, kinds[k].state_len);
}

static void read_line(const char *path, const char *key, char *out, size_t size)
{
	size_t klen = key ? strlen(key) : 0, len;
	char line[256];
	FILE *f = fopen(path, "r");

	snprintf(out, size, "unknown");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *v = line;

		if (key) {
			if (strncmp(line, key, klen))
				continue;
			v = strchr(line, ':');
			if (!v)
				continue;
			v += 1 + strspn(v + 1, " \t");
		}
		len = strcspn(v, "\n");
		if (len >= size)
			len = size - 1;
		memcpy(out, v, len);
		out[len] = 0;
		break;
	}
	fclose(f);
}

int main(int argc, char **argv)
{
	void (*const loops[])(long) = { loop_ours, loop_bare, loop_libc };
	double best[ARRAY_SIZE(loops)];
	long calls = argc > 1 ? atol(argv[1]) : 10000000;
	int rounds = argc > 2 ? atoi(argv[2]) : 5, r;
	long ms = argc > 3 ? atol(argv[3]) : 20;
	unsigned int a, b, c, d;
	char cpu[128], cs[64];
	u32 mult, shift;
	s64 off0, off1;
	size_t i;
	double hz;

	if (calls < 1 || rounds < 1 || ms < 1) {
		fprintf(stderr, "usage: vdso_native [calls [rounds [ms]]]\n");
		return 2;
	}
	/* CPUID 0x80000001: EDX bit 27 is RDTSCP */
	if (!__get_cpuid(0x80000001, &a, &b, &c, &d) || !!(d & (1U << 27)) != VDSO_NATIVE_RDTSCP) {
		fprintf(stderr, "vdso_native: built for another CPU: make clean, then again\n");
		return 2;
	}
	read_line("/proc/cpuinfo", "model name", cpu, sizeof(cpu));
	read_line("/sys/devices/system/clocksource/clocksource0/current_clocksource", NULL,
		  cs, sizeof(cs));

	vvar_init();
	hz = calibrate_hz();
	publish((u64)(hz + 0.5), &mult, &shift);
	sys_reset();
	ours_minus_host();	/* the first read faults the page in */
	off0 = ours_minus_host();

	for (i = 0; i < ARRAY_SIZE(loops); i++) {
		loops[i](calls / 10 + 1);	/* warm up */
		best[i] = 1e30;
	}
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < ARRAY_SIZE(loops); i++) {
			u64 t0 = host_ns(CLOCK_MONOTONIC), t1;
			double ns;

			loops[i](calls);
			t1 = host_ns(CLOCK_MONOTONIC);
			ns = (double)(t1 - t0) / calls;
			if (ns < best[i])
				best[i] = ns;
		}
	}
	off1 = ours_minus_host();

	printf("cpu: %s\n", cpu);
	printf("tsc: %.3f MHz, read with %s (%llu ms against MONOTONIC_RAW; mult %u, shift %u)\n",
	       hz / 1e6, TSC_READ, CALIBRATE_NS / 1000000, mult, shift);
	printf("ours: %.2f ns/call (clock_gettime(CLOCK_MONOTONIC), lib/vdso/gettimeofday.c)\n",
	       best[0]);
	printf("bare: %.2f ns/call (ordered TSC read, %s)\n", best[1], TSC_READ);
	printf("diff: %.2f ns/call (ours - bare)\n", best[0] - best[1]);
	printf("libc: %.2f ns/call (host libc clock_gettime(CLOCK_MONOTONIC), clocksource %s)\n",
	       best[2], cs);
	printf("calls: %ld per round, best of %d rounds\n", calls, rounds);
	printf("check: ours - host MONOTONIC %+lld ns first, %+lld ns last; %lu system calls\n",
	       (long long)off0, (long long)off1, sys_total());
	fflush(stdout);

	native_getrandom(rounds, (u64)ms * 1000000);
	vvar_fini();
	return 0;
}
