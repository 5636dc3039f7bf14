// SPDX-License-Identifier: GPL-2.0
/*
 * vdso_demo: what 'make run' shows in the guest. The [vdso] and [vvar]
 * mappings, the clocksource, the vDSO's exports with their versions, and
 * what each function costs through the vDSO and through the system call.
 *
 * Uses the symbol reader of our selftests (vdso_sym.c, vdso_abi.c).
 */

#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "vdso_abi.h"
#include "vdso_sym.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define CALLS 20000

typedef int (*gettime_fn)(clockid_t, struct timespec *);
typedef int (*gettimeofday_fn)(void *, void *);
typedef long (*time_fn)(long *);
typedef long (*getcpu_fn)(unsigned int *, unsigned int *, void *);

static gettime_fn vdso_gettime;

static long long now(void)
{
	struct timespec ts;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void show_file(const char *path, const char *match)
{
	char line[512];
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (!match || strstr(line, match))
			printf("  %s", line);
	fclose(f);
}

static void show_exports(const struct vdso_image *img)
{
	static const char *const types[] = { "NOTYPE", "OBJECT", "FUNC" };
	static const char *const binds[] = { "LOCAL", "GLOBAL", "WEAK" };
	struct vdso_symbol sym;
	size_t i;

	for (i = 1; i < vdso_symbol_count(img); i++) {
		if (vdso_symbol_at(img, i, &sym) || sym.shndx == SHN_UNDEF ||
		    sym.shndx == SHN_ABS)
			continue;
		printf("  %-28s %-6s %-6s %s%s\n", sym.name,
		       sym.type < 3 ? types[sym.type] : "?",
		       sym.bind < 3 ? binds[sym.bind] : "?",
		       sym.hidden ? "@" : "@@", sym.version ? sym.version : "");
	}
}

/* ns per call of @body, run CALLS times */
#define COST(body) ({							\
	long long t0 = now();						\
	for (int _n = 0; _n < CALLS; _n++) {			\
		body;							\
	}								\
	(double)(now() - t0) / CALLS;					\
})

static void row(const char *what, double vdso, double sys)
{
	printf("  %-32s %9.1f %9.1f %7.1fx\n", what, vdso, sys, sys / vdso);
}

int main(void)
{
	static const struct { clockid_t id; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "REALTIME" },
		{ CLOCK_MONOTONIC, "MONOTONIC" },
		{ CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" },
		{ CLOCK_BOOTTIME, "BOOTTIME" },
		{ CLOCK_TAI, "TAI" },
		{ CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
		{ CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" },
	};
	struct vdso_image img;
	gettime_fn getres = NULL;
	gettimeofday_fn gtod = NULL;
#ifdef SYS_time
	time_fn vtime = NULL;
#endif
	getcpu_fn getcpu = NULL;
	struct timespec ts;
	struct timeval tv;
	unsigned int cpu;
	char name[64];
	size_t i;

	printf("\n== The vDSO of this process ==\n");
	if (vdso_open_auxv(&img)) {
		printf("  no vDSO (AT_SYSINFO_EHDR is not set)\n");
		return 1;
	}
	printf("AT_SYSINFO_EHDR: %#lx\n/proc/self/maps:\n", (unsigned long)img.base);
	show_file("/proc/self/maps", "[v");
	printf("clocksource:\n");
	show_file("/sys/devices/system/clocksource/clocksource0/current_clocksource", NULL);
	printf("exported symbols:\n");
	show_exports(&img);

	vdso_gettime = vdso_lookup(&img, vdso_abi.clock_gettime, vdso_abi.version);
	if (vdso_abi.clock_getres)
		getres = vdso_lookup(&img, vdso_abi.clock_getres, vdso_abi.version);
	if (vdso_abi.gettimeofday)
		gtod = vdso_lookup(&img, vdso_abi.gettimeofday, vdso_abi.version);
#ifdef SYS_time
	if (vdso_abi.time)
		vtime = vdso_lookup(&img, vdso_abi.time, vdso_abi.version);
#endif
	if (vdso_abi.getcpu)
		getcpu = vdso_lookup(&img, vdso_abi.getcpu, vdso_abi.version);
	if (!vdso_gettime) {
		printf("  no %s in the vDSO\n", vdso_abi.clock_gettime);
		return 1;
	}

	printf("\nns per call (%d calls each; guest time, under emulation)\n", CALLS);
	printf("  %-32s %9s %9s %8s\n", "function", "vDSO", "syscall", "gain");
	for (i = 0; i < ARRAY_SIZE(clocks); i++) {
		snprintf(name, sizeof(name), "clock_gettime(%s)", clocks[i].name);
		row(name, COST(vdso_gettime(clocks[i].id, &ts)),
		    COST(syscall(SYS_clock_gettime, clocks[i].id, &ts)));
	}
	if (getres)
		row("clock_getres(MONOTONIC)", COST(getres(CLOCK_MONOTONIC, &ts)),
		    COST(syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts)));
	if (gtod)
		row("gettimeofday", COST(gtod(&tv, NULL)),
		    COST(syscall(SYS_gettimeofday, &tv, NULL)));
#ifdef SYS_time
	if (vtime)
		row("time", COST(vtime(NULL)), COST(syscall(SYS_time, NULL)));
#endif
	if (getcpu)
		row("getcpu", COST(getcpu(&cpu, NULL, NULL)),
		    COST(syscall(SYS_getcpu, &cpu, NULL, NULL)));
	printf("\n");
	return 0;
}
