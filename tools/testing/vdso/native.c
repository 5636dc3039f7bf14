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
 * Usage: vdso_native [calls [rounds]], by default 10^7 and 5. A report:
 * it exits nonzero only when it cannot measure at all.
 */
#include <cpuid.h>
#include <time.h>

#include "vdso_test.h"

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
	unsigned int a, b, c, d;
	char cpu[128], cs[64];
	u32 mult, shift;
	s64 off0, off1;
	size_t i;
	double hz;

	if (calls < 1 || rounds < 1) {
		fprintf(stderr, "usage: vdso_native [calls [rounds]]\n");
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
	vvar_fini();
	return 0;
}
