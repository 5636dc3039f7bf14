// SPDX-License-Identifier: GPL-2.0
/*
 * Move the vDSO with mremap(), as checkpoint/restore tools do, and check
 * that it still works from its new address, signals included.
 *
 * The vDSO code reaches its data pages at a fixed distance below
 * itself, so [vvar] (and [vvar_vclock] on kernels that have it) is
 * moved together with [vdso], keeping the layout. Moving [vvar] alone
 * is tried in a child: refused, or allowed with the vDSO still giving
 * correct results, passes; allowed with the vDSO then faulting (what
 * upstream kernels do: the code still looks for its data at the old
 * place) is reported as an expected failure (XFAIL).
 *
 * Once the vDSO has moved, the C library's own pointers into it are
 * stale, so this program uses only raw system calls for time.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "kselftest.h"
#include "vdso_abi.h"
#include "vdso_util.h"

#define MAX_PARTS	3
#define VVAR_ALONE	"mremap of [vvar] alone"

struct part {
	const char *name;
	struct map_entry m;
};

static struct part parts[MAX_PARTS];
static int nparts;
static uintptr_t old_lo, old_hi, new_lo;
static struct vdso_image img;
static struct vdso_fns vdso;

/* Set by the signal handler; accessed with atomic builtins. */
static int handled;
static int handler_ret = -1;

static int find_parts(void)
{
	static const char * const names[] = { "[vvar]", "[vvar_vclock]", "[vdso]" };
	struct map_entry m;
	size_t i;
	int n;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		n = maps_find(names[i], &m);
		if (n == 0 && i == 1)
			continue;
		if (n != 1)
			return -1;
		parts[nparts].name = names[i];
		parts[nparts++].m = m;
	}
	old_lo = parts[0].m.start;
	old_hi = parts[nparts - 1].m.end;
	return 0;
}

static void test_move(void)
{
	int i, ret = 0;

	new_lo = maps_reserve(old_hi - old_lo);
	if (!new_lo) {
		ksft_test_result_fail("mmap of a %lu byte area failed\n",
				      (unsigned long)(old_hi - old_lo));
		return;
	}
	for (i = 0; i < nparts && !ret; i++) {
		ret = maps_move(&parts[i].m, new_lo + parts[i].m.start - old_lo);
		if (ret)
			ksft_print_msg("moving %s: %s\n", parts[i].name, strerror(-ret));
	}
	ksft_test_result(!ret, "moved %#lx-%#lx to %#lx\n", (unsigned long)old_lo,
			 (unsigned long)old_hi, (unsigned long)new_lo);
	if (ret)
		new_lo = 0;
}

static void test_maps(void)
{
	const struct map_entry *v = &parts[nparts - 1].m;
	uintptr_t want = new_lo + v->start - old_lo;
	struct map_entry m;
	int n = maps_find("[vdso]", &m);

	ksft_test_result(n == 1 && m.start == want && m.end == want + v->end - v->start,
			 "maps show one [vdso] at %#lx (want %#lx)\n",
			 n == 1 ? (unsigned long)m.start : 0UL, (unsigned long)want);
}

/* Returns 0 if the moved vDSO can be used. */
static int test_lookup(void)
{
	uintptr_t base = new_lo + parts[nparts - 1].m.start - old_lo;
	uintptr_t end = base + parts[nparts - 1].m.end - parts[nparts - 1].m.start;
	uintptr_t f;

	if (vdso_open(&img, base)) {
		ksft_test_result_fail("no ELF image at the new address %#lx\n",
				      (unsigned long)base);
		return -1;
	}
	vdso_fns_lookup(&vdso, &img);
	/* the entry itself: vdso.clock_gettime may be a caller of it (powerpc) */
	f = (uintptr_t)vdso_lookup(&img, vdso_abi.clock_gettime, vdso_abi.version);
	ksft_test_result(f >= base && f < end,
			 "symbols resolve inside the moved [vdso] (clock_gettime at %#lx)\n",
			 (unsigned long)f);
	return f >= base && f < end ? 0 : -1;
}

static int clock_ok(clockid_t clk)
{
	struct timespec s1, v, s2;

	sys_clock_gettime(clk, &s1);
	if (vdso.clock_gettime(clk, &v))
		return 0;
	sys_clock_gettime(clk, &s2);
	return ts_ns(&s1) <= ts_ns(&v) && ts_ns(&v) <= ts_ns(&s2);
}

static void test_calls(void)
{
	int mono = clock_ok(CLOCK_MONOTONIC), real = clock_ok(CLOCK_REALTIME);
	int bad = 0;

	if (vdso.gettimeofday) {
		struct timeval tv;
		struct timespec s;

		sys_clock_gettime(CLOCK_REALTIME, &s);
		bad += vdso.gettimeofday(&tv, NULL) != 0 ||
		       tv_us(&tv) < ts_ns(&s) / NSEC_PER_USEC;
	}
	if (vdso.time) {
		long s = sys_time(NULL);

		bad += vdso.time(NULL) < s;
	}
	if (vdso.getcpu) {
		unsigned int cpu = ~0u;

		bad += vdso.getcpu(&cpu, NULL, NULL) != 0 || cpu == ~0u;
	}
	ksft_test_result(mono && real && !bad,
			 "calls through the new address: MONOTONIC %s, REALTIME %s, %d other failures\n",
			 mono ? "ok" : "BAD", real ? "ok" : "BAD", bad);
}

static void on_signal(int sig)
{
	struct timespec ts;

	(void)sig;
	__atomic_store_n(&handler_ret, vdso.clock_gettime(CLOCK_MONOTONIC, &ts),
			 __ATOMIC_RELAXED);
	__atomic_store_n(&handled, 1, __ATOMIC_SEQ_CST);
}

static void test_signal(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	int ok, got, ret;

	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL)) {
		ksft_test_result_fail("sigaction: %s\n", strerror(errno));
		return;
	}
	syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1);
	ok = clock_ok(CLOCK_MONOTONIC);
	got = __atomic_load_n(&handled, __ATOMIC_SEQ_CST);
	ret = __atomic_load_n(&handler_ret, __ATOMIC_RELAXED);
	ksft_test_result(got && !ret && ok,
			 "signal handled (%d), vDSO used in the handler (%d) and after return (%s)\n",
			 got, ret, ok ? "ok" : "BAD");
}

/* Runs in a child, in the original layout. */
static void vvar_alone(int fd, void *arg)
{
	const struct map_entry *v = &parts[nparts - 1].m;
	uintptr_t to;
	int i, ret = 0;

	(void)arg;
	to = maps_reserve(v->start - old_lo);
	if (!to) {
		child_result(fd, KSFT_FAIL, "mmap failed");
		return;
	}
	for (i = 0; i < nparts - 1 && !ret; i++)
		ret = maps_move(&parts[i].m, to + parts[i].m.start - old_lo);
	if (ret) {
		child_result(fd, KSFT_PASS, "refused (%s)", strerror(-ret));
		return;
	}
	child_result(fd, KSFT_PASS, "allowed");
	/* The vDSO code is where it was; this may kill the child. */
	ret = clock_ok(CLOCK_MONOTONIC) && clock_ok(CLOCK_REALTIME);
	child_result(fd, ret ? KSFT_PASS : KSFT_FAIL, "%s",
		     ret ? "vDSO keeps working" : "vDSO gives wrong results");
}

/*
 * Refused: pass. Allowed and the vDSO still right: pass. Allowed and
 * the vDSO faults because its data moved away: an expected failure,
 * as on upstream kernels. Allowed and wrong results: fail.
 */
static void test_vvar_alone(void)
{
	struct child_report rep[2];
	int ws, got, sig;

	got = child_collect(vvar_alone, NULL, rep, 2, &ws);
	sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
	if (got == 1 && !strcmp(rep[0].msg, "allowed") && (sig == SIGSEGV || sig == SIGBUS))
		ksft_test_result_xfail("%s: allowed, then the vDSO faults (signal %d)\n",
				       VVAR_ALONE, sig);
	else if (got == 1 && strcmp(rep[0].msg, "allowed"))
		ksft_test_result_report(rep[0].status, "%s: %s\n", VVAR_ALONE, rep[0].msg);
	else if (got == 2)
		ksft_test_result_report(rep[1].status, "%s: allowed, %s\n", VVAR_ALONE,
					rep[1].msg);
	else
		ksft_test_result_fail("%s: child died (signal %d, %d reports)\n",
				      VVAR_ALONE, sig, got);
}

int main(void)
{
	ksft_print_header();
	if (vdso_fns_init(&img, &vdso) || !vdso.clock_gettime)
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	if (find_parts())
		ksft_exit_fail_msg("need exactly one [vvar] and one [vdso] in maps\n");
	ksft_set_plan(6);

	test_vvar_alone();
	test_move();
	if (!new_lo)
		ksft_exit_fail_msg("the vDSO could not be moved\n");
	test_maps();
	if (test_lookup())
		ksft_exit_fail_msg("no usable vDSO at its new address\n");
	test_calls();
	test_signal();
	ksft_finished();
}
