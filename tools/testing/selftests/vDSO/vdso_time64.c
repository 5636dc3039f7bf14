// SPDX-License-Identifier: GPL-2.0
/*
 * The time ABI of a 32-bit vDSO (arm, i386): the time32 entries
 * clock_gettime, clock_getres and gettimeofday and their 64-bit twins
 * clock_gettime64 and clock_getres_time64 must each give exactly the
 * answer of their own system call.
 *
 * Proven for every clock id 0..11, invalid ids and CPU-time clocks:
 * - clock_gettime64 and clock_gettime return what their system calls
 *   return, and read between two readings of the system call (a coarse
 *   clock within two ticks, never ahead of the fine clock); tv_nsec is
 *   in range, for clock_gettime64 all of its 64-bit slot. A NULL
 *   timespec gives -EFAULT (VDSO_NULL_TS_MAY_FAULT=1 accepts a fault).
 * - clock_getres_time64 and clock_getres give their system calls'
 *   results and resolutions, and accept a NULL resolution alike.
 * - clock_gettime agrees with clock_gettime64: it reads between two
 *   clock_gettime64 readings, its seconds being theirs truncated to 32
 *   bits; gettimeofday likewise, and against its system call, which
 *   it matches for gettimeofday(NULL, NULL) (0) and the timezone too.
 * - Past 2038, with CLOCK_REALTIME set to 2^31 + 1000 s and to
 *   2^32 + 5 s: clock_gettime and gettimeofday give their system calls'
 *   truncated seconds (no error), clock_gettime64 the full ones, for
 *   CLOCK_REALTIME and CLOCK_REALTIME_COARSE. This sets the clock, so it
 *   runs only as root with VDSO_TEST_MAY_CHANGE_CLOCKS=1 (or
 *   vdso_test.may_change_clocks=1), in a child; the clock is restored
 *   (with the time elapsed meanwhile) by the child before it reports
 *   and again by the parent, which checks it.
 *
 * A time32 reading is compared by widening it to the 64-bit value
 * nearest a reference that has the same low 32 bits of seconds, so the
 * same checks hold before and after 2038. 64-bit ABIs, x32 included,
 * have no 32-bit time ABI: there the test skips.
 */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <linux/time_types.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_abi.h"
#include "vdso_child.h"
#include "vdso_util.h"

/* System call numbers of the 32-bit ABIs. */
#define NR_gettimeofday		78
#define NR_clock_gettime64	403
#define NR_clock_settime64	404
#define NR_clock_getres_time64	406
#if defined(__arm__)
#define NR_clock_gettime32	263
#define NR_clock_getres32	264
#elif defined(__i386__)
#define NR_clock_gettime32	265
#define NR_clock_getres32	266
#else
/* no 32-bit time ABI: never called */
#define NR_clock_gettime32	-1
#define NR_clock_getres32	-1
#endif

#if defined(SYS_clock_gettime64) && defined(SYS_clock_getres_time64)
static_assert(SYS_clock_gettime == NR_clock_gettime32 &&
	      SYS_clock_getres == NR_clock_getres32 &&
	      SYS_gettimeofday == NR_gettimeofday &&
	      SYS_clock_gettime64 == NR_clock_gettime64 &&
	      SYS_clock_settime64 == NR_clock_settime64 &&
	      SYS_clock_getres_time64 == NR_clock_getres_time64,
	      "system call numbers differ from the libc's");
#endif

#define ROUNDS		500
#define Y2038_ROUNDS	200
#define Y2038_RESULTS	6	/* per time set */
#define BOUND_NS	(NSEC_PER_SEC / 2)
#define DAY_NS		(24 * 3600 * NSEC_PER_SEC)

/* A reader's answer for a field out of range; not an errno. */
#define BAD_FIELD	1

#define POISON32	0x5a5a5a5a
#define POISON64	0x5a5a5a5a5a5a5a5aLL

/* CPU-time clock ids, as the kernel encodes them in the clockid. */
#define CPUCLOCK_SCHED		2
#define CPUCLOCK_PERTHREAD	4
#define CPU_CLOCK(pid, which)	((clockid_t)((~(unsigned int)(pid) << 3) | (which)))
/* above PID_MAX_LIMIT: never a process */
#define NO_PID			4194304

/* The kernel's struct old_timespec32 and struct old_timeval32. */
struct old_timespec32 {
	int32_t tv_sec;
	int32_t tv_nsec;
};

struct old_timeval32 {
	int32_t tv_sec;
	int32_t tv_usec;
};

static struct {
	int (*gettime32)(clockid_t clk, struct old_timespec32 *ts);
	int (*getres32)(clockid_t clk, struct old_timespec32 *res);
	int (*gtod32)(struct old_timeval32 *tv, void *tz);
	int (*gettime64)(clockid_t clk, struct __kernel_timespec *ts);
	int (*getres64)(clockid_t clk, struct __kernel_timespec *res);
} vdso;

struct clock_id {
	clockid_t clk;
	const char *name;
};

/* 0..LAST_CLOCK_ID, then the odd ones; filled in by main() */
static struct clock_id ids[LAST_CLOCK_ID + 1 + 8];
static unsigned int nids;

static const clockid_t vdso_clocks[] = {
	CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
	CLOCK_TAI, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE,
};

static int sys_ret(long ret)
{
	return ret == -1 ? -errno : (int)ret;
}

static int sys_gettime32(clockid_t clk, struct old_timespec32 *ts)
{
	return sys_ret(syscall(NR_clock_gettime32, clk, ts));
}

static int sys_getres32(clockid_t clk, struct old_timespec32 *res)
{
	return sys_ret(syscall(NR_clock_getres32, clk, res));
}

static int sys_gtod32(struct old_timeval32 *tv, void *tz)
{
	return sys_ret(syscall(NR_gettimeofday, tv, tz));
}

static int sys_gettime64(clockid_t clk, struct __kernel_timespec *ts)
{
	return sys_ret(syscall(NR_clock_gettime64, clk, ts));
}

static int sys_settime64(clockid_t clk, const struct __kernel_timespec *ts)
{
	return sys_ret(syscall(NR_clock_settime64, clk, ts));
}

static int sys_getres64(clockid_t clk, struct __kernel_timespec *res)
{
	return sys_ret(syscall(NR_clock_getres_time64, clk, res));
}

/* The seconds nearest @ref whose low 32 bits are @sec. */
static int64_t widen(int32_t sec, int64_t ref)
{
	return ref + (int32_t)((uint32_t)sec - (uint32_t)ref);
}

static int64_t round_down(int64_t x, int64_t unit)
{
	int64_t r = x % unit;

	return r < 0 ? x - r - unit : x - r;
}

static void print_ns(const char *what, int64_t ns)
{
	int64_t rem = ns - round_down(ns, NSEC_PER_SEC);

	ksft_print_msg("  %s %lld.%09lld\n", what,
		       (long long)((ns - rem) / NSEC_PER_SEC), (long long)rem);
}

static int is_coarse(clockid_t clk)
{
	return clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE;
}

/*
 * A reader reads @clk (gettimeofday: CLOCK_REALTIME) into *@ns, a time32
 * reading widened next to @ref seconds. Returns 0, -errno of the call,
 * or BAD_FIELD when the call returned 0 with a field out of range.
 */
typedef int (*reader_fn)(clockid_t clk, int64_t ref, int64_t *ns);

static int from_ts64(int ret, const struct __kernel_timespec *ts, int64_t *ns)
{
	if (ret)
		return ret;
	if (ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC) {
		ksft_print_msg("  tv_nsec %#llx out of range\n",
			       (unsigned long long)ts->tv_nsec);
		return BAD_FIELD;
	}
	*ns = (int64_t)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
	return 0;
}

static int from_ts32(int ret, const struct old_timespec32 *ts, int64_t ref,
		     int64_t *ns)
{
	if (ret)
		return ret;
	if (ts->tv_nsec < 0 || ts->tv_nsec >= NSEC_PER_SEC) {
		ksft_print_msg("  tv_nsec %d out of range\n", ts->tv_nsec);
		return BAD_FIELD;
	}
	*ns = widen(ts->tv_sec, ref) * NSEC_PER_SEC + ts->tv_nsec;
	return 0;
}

static int from_tv32(int ret, const struct old_timeval32 *tv, int64_t ref,
		     int64_t *ns)
{
	if (ret)
		return ret;
	if (tv->tv_usec < 0 || tv->tv_usec >= USEC_PER_SEC) {
		ksft_print_msg("  tv_usec %d out of range\n", tv->tv_usec);
		return BAD_FIELD;
	}
	*ns = widen(tv->tv_sec, ref) * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
	return 0;
}

static int rd_sys64(clockid_t clk, int64_t ref, int64_t *ns)
{
	struct __kernel_timespec ts = { POISON64, POISON64 };

	(void)ref;
	return from_ts64(sys_gettime64(clk, &ts), &ts, ns);
}

static int rd_vdso64(clockid_t clk, int64_t ref, int64_t *ns)
{
	struct __kernel_timespec ts = { POISON64, POISON64 };

	(void)ref;
	return from_ts64(vdso.gettime64(clk, &ts), &ts, ns);
}

static int rd_sys32(clockid_t clk, int64_t ref, int64_t *ns)
{
	struct old_timespec32 ts = { POISON32, POISON32 };

	return from_ts32(sys_gettime32(clk, &ts), &ts, ref, ns);
}

static int rd_vdso32(clockid_t clk, int64_t ref, int64_t *ns)
{
	struct old_timespec32 ts = { POISON32, POISON32 };

	return from_ts32(vdso.gettime32(clk, &ts), &ts, ref, ns);
}

static int rd_sys_gtod(clockid_t clk, int64_t ref, int64_t *ns)
{
	struct old_timeval32 tv = { POISON32, POISON32 };

	(void)clk;
	return from_tv32(sys_gtod32(&tv, NULL), &tv, ref, ns);
}

static int rd_vdso_gtod(clockid_t clk, int64_t ref, int64_t *ns)
{
	struct old_timeval32 tv = { POISON32, POISON32 };

	(void)clk;
	return from_tv32(vdso.gtod32(&tv, NULL), &tv, ref, ns);
}

/* How @inner is checked against readings of @outer taken around it. */
struct pairing {
	const char *name;
	reader_fn outer;
	reader_fn inner;
	int64_t unit;		/* @inner's unit: @outer is rounded down to it */
	int coarse_slack;	/* coarse clocks: two ticks either side */
	int time32;		/* @inner has 32-bit seconds */
};

static const struct pairing gettime64_sys = {
	.name = "clock_gettime64 vs its syscall",
	.outer = rd_sys64, .inner = rd_vdso64, .unit = 1, .coarse_slack = 1,
};

static const struct pairing gettime32_sys = {
	.name = "clock_gettime vs its syscall",
	.outer = rd_sys32, .inner = rd_vdso32, .unit = 1, .coarse_slack = 1,
	.time32 = 1,
};

static const struct pairing gettime32_64 = {
	.name = "clock_gettime vs clock_gettime64",
	.outer = rd_vdso64, .inner = rd_vdso32, .unit = 1, .time32 = 1,
};

static const struct pairing gtod_sys = {
	.name = "gettimeofday vs its syscall",
	.outer = rd_sys_gtod, .inner = rd_vdso_gtod, .unit = NSEC_PER_USEC,
	.time32 = 1,
};

static const struct pairing gtod_64 = {
	.name = "gettimeofday vs clock_gettime64",
	.outer = rd_vdso64, .inner = rd_vdso_gtod, .unit = NSEC_PER_USEC,
	.time32 = 1,
};

static int64_t tick_ns(clockid_t clk)
{
	struct __kernel_timespec res;

	if (sys_getres64(clk, &res))
		return NSEC_PER_SEC;
	return (int64_t)res.tv_sec * NSEC_PER_SEC + res.tv_nsec;
}

/*
 * @outer, @inner, @outer, @rounds times: the inner reading must lie
 * between the outer ones. A coarse clock may lag the tick differently
 * in the vDSO and the kernel: with coarse_slack it may be two ticks off
 * either way, but never ahead of the fine clock read after it. The
 * last inner reading is left in *@last. Returns 0, or the failing
 * round + 1.
 */
static int check_between(const struct pairing *p, clockid_t clk, int rounds,
			 int64_t *last)
{
	int64_t a, v = 0, b, f = INT64_MAX, slack = 0;
	clockid_t fine = -1;
	int i, ret;

	if (p->coarse_slack && is_coarse(clk)) {
		slack = 2 * tick_ns(clk);
		fine = clk == CLOCK_REALTIME_COARSE ? CLOCK_REALTIME :
						       CLOCK_MONOTONIC;
	}
	for (i = 0; i < rounds; i++) {
		ret = p->outer(clk, 0, &a);
		if (!ret)
			ret = p->inner(clk, a / NSEC_PER_SEC, &v);
		if (!ret)
			ret = p->outer(clk, a / NSEC_PER_SEC, &b);
		if (!ret && fine >= 0)
			ret = p->outer(fine, a / NSEC_PER_SEC, &f);
		if (ret) {
			ksft_print_msg("  %s, %s: a reading returned %d\n",
				       p->name, clock_name(clk), ret);
			return i + 1;
		}
		if (v < round_down(a, p->unit) - slack || v > b + slack ||
		    v > f) {
			if (slack)
				ksft_print_msg("  tick %lld ns\n",
					       (long long)slack / 2);
			print_ns("before", a);
			print_ns("read  ", v);
			print_ns("after ", b);
			if (fine >= 0)
				print_ns("fine  ", f);
			return i + 1;
		}
	}
	*last = v;
	return 0;
}

/* Cases 1 and 3: the return value, then the readings in order. */
static void test_gettime(const struct pairing *p, const struct clock_id *id)
{
	int64_t ns, last;
	int oret, iret, bad;

	oret = p->outer(id->clk, 0, &ns);
	iret = p->inner(id->clk, 0, &ns);
	if (iret == BAD_FIELD || oret == BAD_FIELD) {
		ksft_test_result_fail("%s, %s (%d): a field out of range\n",
				      p->name, id->name, id->clk);
		return;
	}
	if (iret != oret) {
		ksft_test_result_fail("%s, %s (%d): returned %d, want %d\n",
				      p->name, id->name, id->clk, iret, oret);
		return;
	}
	if (oret) {
		ksft_test_result_pass("%s, %s (%d): both return %d\n", p->name,
				      id->name, id->clk, oret);
		return;
	}
	bad = check_between(p, id->clk, ROUNDS, &last);
	if (bad)
		ksft_test_result_fail("%s, %s (%d): wrong in round %d\n",
				      p->name, id->name, id->clk, bad);
	else
		ksft_test_result_pass("%s, %s (%d): returns 0, %s over %d rounds\n",
				      p->name, id->name, id->clk,
				      p->coarse_slack && is_coarse(id->clk) ?
				      "within a tick" : "ordered", ROUNDS);
}

struct null_call {
	clockid_t clk;
	int time64;
};

static void call_null(int fd, void *arg)
{
	const struct null_call *c = arg;
	int ret = c->time64 ? vdso.gettime64(c->clk, NULL) :
			      vdso.gettime32(c->clk, NULL);

	child_result(fd, KSFT_PASS, "%d", ret);
}

static void test_null(clockid_t clk, int time64)
{
	const char *fn = time64 ? "clock_gettime64" : "clock_gettime";
	int sret = time64 ? sys_gettime64(clk, NULL) : sys_gettime32(clk, NULL);
	int may_fault = test_flag("VDSO_NULL_TS_MAY_FAULT",
				  "vdso_test.null_ts_may_fault");
	struct null_call c = { clk, time64 };
	struct child_report rep;
	int ws, vret;

	if (child_collect(call_null, &c, &rep, 1, &ws) != 1) {
		int sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;

		if (sig == SIGSEGV && may_fault)
			ksft_test_result_pass("%s, %s, NULL: vdso faults (allowed), syscall %d\n",
					      fn, clock_name(clk), sret);
		else
			ksft_test_result_fail("%s, %s, NULL: vdso died (signal %d), syscall %d\n",
					      fn, clock_name(clk), sig, sret);
		return;
	}
	vret = atoi(rep.msg);
	ksft_test_result(vret == sret && sret == -EFAULT,
			 "%s, %s, NULL: vdso returns %d, syscall %d (want %d)\n",
			 fn, clock_name(clk), vret, sret, -EFAULT);
}

/* gettimeofday(NULL, NULL), then with a timezone only the answer is in */
static void call_gtod_null(int fd, void *arg)
{
	struct timezone tz = { POISON32, POISON32 };
	struct old_timeval32 tv;
	int null_ret, tz_ret;

	(void)arg;
	null_ret = vdso.gtod32(NULL, NULL);
	tz_ret = vdso.gtod32(&tv, &tz);
	child_result(fd, KSFT_PASS, "%d %d %d %d", null_ret, tz_ret,
		     tz.tz_minuteswest, tz.tz_dsttime);
}

static void test_gtod_null(void)
{
	struct timezone v = { POISON32, POISON32 }, s = { POISON32, POISON32 };
	int snull = sys_gtod32(NULL, NULL), vnull = 1, stz, vtz = 1, ws;
	struct old_timeval32 tv;
	struct child_report rep;

	stz = sys_gtod32(&tv, &s);
	if (child_collect(call_gtod_null, NULL, &rep, 1, &ws) != 1 ||
	    sscanf(rep.msg, "%d %d %d %d", &vnull, &vtz, &v.tz_minuteswest,
		   &v.tz_dsttime) != 4) {
		ksft_test_result_fail("gettimeofday, NULL: vdso died (signal %d)\n",
				      WIFSIGNALED(ws) ? WTERMSIG(ws) : 0);
		return;
	}
	ksft_test_result(vnull == snull && !snull && vtz == stz &&
			 v.tz_minuteswest == s.tz_minuteswest &&
			 v.tz_dsttime == s.tz_dsttime,
			 "gettimeofday: (NULL, NULL) vdso %d, syscall %d; timezone vdso %d %d/%d, syscall %d %d/%d\n",
			 vnull, snull, vtz, v.tz_minuteswest, v.tz_dsttime,
			 stz, s.tz_minuteswest, s.tz_dsttime);
}

/* One clock_getres answer: its result, resolution and NULL result. */
struct res_answer {
	int ret;
	int null_ret;
	int64_t sec;
	int64_t nsec;
};

static void compare_res(const char *fn, const struct clock_id *id,
			const struct res_answer *v, const struct res_answer *s)
{
	if (v->ret != s->ret)
		ksft_test_result_fail("%s, %s (%d): vdso returned %d, syscall %d\n",
				      fn, id->name, id->clk, v->ret, s->ret);
	else if (!s->ret && (v->sec != s->sec || v->nsec != s->nsec))
		ksft_test_result_fail("%s, %s (%d): vdso %lld.%09lld, syscall %lld.%09lld\n",
				      fn, id->name, id->clk, (long long)v->sec,
				      (long long)v->nsec, (long long)s->sec,
				      (long long)s->nsec);
	else if (v->null_ret != s->null_ret)
		ksft_test_result_fail("%s, %s (%d): NULL res: vdso %d, syscall %d\n",
				      fn, id->name, id->clk, v->null_ret,
				      s->null_ret);
	else if (s->ret)
		ksft_test_result_pass("%s, %s (%d): both return %d (NULL res: %d)\n",
				      fn, id->name, id->clk, s->ret, s->null_ret);
	else
		ksft_test_result_pass("%s, %s (%d): %lld.%09lld (NULL res: %d)\n",
				      fn, id->name, id->clk, (long long)s->sec,
				      (long long)s->nsec, s->null_ret);
}

/* Linux 6.17 made ids 16..23 auxiliary clocks */
static int skip_aux(const char *fn, const struct clock_id *id)
{
	if (id->clk < 16 || id->clk > 23 || !ksft_min_kernel_version(6, 17))
		return 0;
	ksft_test_result_skip("%s, %d: an auxiliary clock id since Linux 6.17\n",
			      fn, id->clk);
	return 1;
}

static void test_getres64(const struct clock_id *id)
{
	struct __kernel_timespec vr = { POISON64, POISON64 };
	struct __kernel_timespec sr = { POISON64, POISON64 };
	struct res_answer v, s;

	if (skip_aux("clock_getres_time64", id))
		return;
	s.ret = sys_getres64(id->clk, &sr);
	v.ret = vdso.getres64(id->clk, &vr);
	s.null_ret = sys_getres64(id->clk, NULL);
	v.null_ret = vdso.getres64(id->clk, NULL);
	s.sec = sr.tv_sec;
	s.nsec = sr.tv_nsec;
	v.sec = vr.tv_sec;
	v.nsec = vr.tv_nsec;
	compare_res("clock_getres_time64", id, &v, &s);
}

static void test_getres32(const struct clock_id *id)
{
	struct old_timespec32 vr = { POISON32, POISON32 };
	struct old_timespec32 sr = { POISON32, POISON32 };
	struct res_answer v, s;

	if (skip_aux("clock_getres", id))
		return;
	s.ret = sys_getres32(id->clk, &sr);
	v.ret = vdso.getres32(id->clk, &vr);
	s.null_ret = sys_getres32(id->clk, NULL);
	v.null_ret = vdso.getres32(id->clk, NULL);
	s.sec = sr.tv_sec;
	s.nsec = sr.tv_nsec;
	v.sec = vr.tv_sec;
	v.nsec = vr.tv_nsec;
	compare_res("clock_getres", id, &v, &s);
}

/* Case 4: past 2038, in a child; the parent restores the clock too. */

static const int64_t y2038_times[] = { (1LL << 31) + 1000, (1LL << 32) + 5 };

static int64_t saved_real, saved_mono;

/* The saved CLOCK_REALTIME plus the time since; 0 or -errno. */
static int restore_clock(void)
{
	struct __kernel_timespec ts;
	int64_t mono, want;
	int ret;

	ret = rd_sys64(CLOCK_MONOTONIC, 0, &mono);
	if (ret)
		return ret < 0 ? ret : -EIO;
	want = saved_real + mono - saved_mono;
	ts.tv_sec = want / NSEC_PER_SEC;
	ts.tv_nsec = want % NSEC_PER_SEC;
	return sys_settime64(CLOCK_REALTIME, &ts);
}

/* Results the child holds until the clock is restored. */
static struct child_report notes[ARRAY_SIZE(y2038_times) * Y2038_RESULTS];
static unsigned int nnotes;

static __printf(2, 3) void note(int status, const char *fmt, ...)
{
	va_list ap;

	if (nnotes >= ARRAY_SIZE(notes))
		return;
	notes[nnotes].status = status;
	va_start(ap, fmt);
	vsnprintf(notes[nnotes].msg, sizeof(notes[nnotes].msg), fmt, ap);
	va_end(ap);
	nnotes++;
}

static void note_between(const struct pairing *p, clockid_t clk, int64_t set)
{
	int64_t last = 0, sec;
	int bad;

	if ((p->inner == rd_vdso32 && !vdso.gettime32) ||
	    (p->inner == rd_vdso_gtod && !vdso.gtod32)) {
		note(KSFT_SKIP, "%lld s: %s: not in the vDSO", (long long)set,
		     p->name);
		return;
	}
	bad = check_between(p, clk, Y2038_ROUNDS, &last);
	if (bad) {
		note(KSFT_FAIL, "%lld s: %s, %s: wrong in round %d",
		     (long long)set, p->name, clock_name(clk), bad);
		return;
	}
	sec = round_down(last, NSEC_PER_SEC) / NSEC_PER_SEC;
	if (p->time32) {
		note(KSFT_PASS, "%lld s: %s, %s: ordered over %d rounds, tv_sec %d",
		     (long long)set, p->name, clock_name(clk), Y2038_ROUNDS,
		     (int32_t)sec);
		return;
	}
	/* clock_gettime64 must give the full seconds */
	note(sec >= set ? KSFT_PASS : KSFT_FAIL,
	     "%lld s: %s, %s: ordered over %d rounds, tv_sec %lld",
	     (long long)set, p->name, clock_name(clk), Y2038_ROUNDS,
	     (long long)sec);
}

static void y2038_child(int fd, void *arg)
{
	struct __kernel_timespec ts = { 0, 0 };
	unsigned int i, j;
	int ret;

	(void)arg;
	for (i = 0; i < ARRAY_SIZE(y2038_times); i++) {
		ts.tv_sec = y2038_times[i];
		ret = sys_settime64(CLOCK_REALTIME, &ts);
		if (ret) {
			for (j = 0; j < Y2038_RESULTS; j++)
				note(ret == -EPERM ? KSFT_SKIP : KSFT_FAIL,
				     "%lld s: clock_settime64: %s",
				     (long long)ts.tv_sec, strerror(-ret));
			continue;
		}
		note_between(&gettime32_sys, CLOCK_REALTIME, ts.tv_sec);
		note_between(&gettime32_sys, CLOCK_REALTIME_COARSE, ts.tv_sec);
		note_between(&gettime64_sys, CLOCK_REALTIME, ts.tv_sec);
		note_between(&gettime64_sys, CLOCK_REALTIME_COARSE, ts.tv_sec);
		note_between(&gtod_sys, CLOCK_REALTIME, ts.tv_sec);
		note_between(&gettime32_64, CLOCK_REALTIME, ts.tv_sec);
	}
	ret = restore_clock();
	if (ret)
		ksft_print_msg("child: restoring the clock: %s\n", strerror(-ret));
	for (i = 0; i < nnotes; i++)
		child_result(fd, notes[i].status, "%s", notes[i].msg);
}

static void test_y2038(void)
{
	int64_t now, want, mono, v;
	int ret;

	if (rd_sys64(CLOCK_MONOTONIC, 0, &saved_mono) ||
	    rd_sys64(CLOCK_REALTIME, 0, &saved_real))
		ksft_exit_fail_msg("cannot read the clocks to save\n");
	/*
	 * CLOCK_REALTIME cannot be set below CLOCK_MONOTONIC, so a machine
	 * without an RTC, which starts at 1970, could not be restored
	 * exactly: move such a one a day ahead first, as vdso_settime does.
	 */
	if (saved_real - saved_mono < DAY_NS) {
		saved_real += DAY_NS;
		ret = restore_clock();
		if (ret)
			ksft_exit_fail_msg("clock_settime64: %s\n", strerror(-ret));
		ksft_print_msg("CLOCK_REALTIME was within a day of CLOCK_MONOTONIC: a day added\n");
	}
	run_in_child(ARRAY_SIZE(notes), y2038_child, NULL);

	ret = restore_clock();
	if (ret)
		ksft_print_msg("restoring the clock: %s\n", strerror(-ret));
	if (rd_sys64(CLOCK_REALTIME, 0, &now) ||
	    rd_sys64(CLOCK_MONOTONIC, 0, &mono))
		ksft_exit_fail_msg("cannot read the clocks after restoring\n");
	want = saved_real + mono - saved_mono;
	/* the vDSO must see the restored clock too */
	v = now;
	if (vdso.gettime32 && rd_vdso32(CLOCK_REALTIME, now / NSEC_PER_SEC, &v))
		ret = ret ? ret : -EIO;
	ksft_test_result(!ret && now - want <= BOUND_NS && want - now <= BOUND_NS &&
			 v - now <= BOUND_NS && now - v <= BOUND_NS,
			 "clock restored to %lld s (%+lld ms off), clock_gettime reads %lld s\n",
			 (long long)(now / NSEC_PER_SEC),
			 (long long)(now - want) / 1000000,
			 (long long)(v / NSEC_PER_SEC));
}

/* The entry @name of the ABI's version; *@missing is set when absent. */
static void *entry(const struct vdso_image *img, const char *name, int *missing)
{
	void *fn;

	if (!name)
		return NULL;
	fn = vdso_lookup(img, name, vdso_abi.version);
	if (!fn) {
		ksft_print_msg("%s@%s not found in the vDSO\n", name,
			       vdso_abi.version);
		*missing = 1;
	}
	return fn;
}

/* Results of a case: @n, or one skip when @fn is absent. */
static unsigned int lines(void *fn, unsigned int n)
{
	return fn ? n : 1;
}

int main(void)
{
	const struct clock_id odd[] = {
		{ -1, "invalid" },
		{ LAST_CLOCK_ID + 1, "invalid" },
		{ 16, "invalid" },
		{ INT_MAX, "invalid" },
		{ INT_MIN, "invalid" },
		{ CPU_CLOCK(NO_PID, CPUCLOCK_SCHED), "clock of no process" },
		{ CPU_CLOCK(getpid(), CPUCLOCK_SCHED), "process sched clock" },
		{ CPU_CLOCK(gettid(), CPUCLOCK_SCHED | CPUCLOCK_PERTHREAD),
		  "thread sched clock" },
	};
	unsigned int i, n_null = ARRAY_SIZE(vdso_clocks), plan;
	int missing = 0, y2038;
	struct vdso_image img;

	ksft_print_header();
	/* x32's longs are 32 bits wide, but its time ABI is x86-64's */
#ifdef __x86_64__
	ksft_exit_skip("no 32-bit time ABI\n");
#endif
	if (sizeof(long) != 4)
		ksft_exit_skip("no 32-bit time ABI\n");
	if (vdso_open_auxv(&img))
		ksft_exit_fail_msg("no usable vDSO at AT_SYSINFO_EHDR\n");
	vdso.gettime32 = entry(&img, vdso_abi.clock_gettime, &missing);
	vdso.getres32 = entry(&img, vdso_abi.clock_getres, &missing);
	vdso.gtod32 = entry(&img, vdso_abi.gettimeofday, &missing);
	vdso.gettime64 = entry(&img, "__vdso_clock_gettime64", &missing);
	if (missing || !vdso.gettime64)
		ksft_exit_fail_msg("the vDSO lacks entries it must have\n");
	vdso.getres64 = vdso_lookup(&img, "__vdso_clock_getres_time64",
				    vdso_abi.version);

	for (nids = 0; nids <= LAST_CLOCK_ID; nids++)
		ids[nids] = (struct clock_id){ nids, clock_name(nids) };
	for (i = 0; i < ARRAY_SIZE(odd); i++)
		ids[nids++] = odd[i];

	y2038 = clocks_may_change() && !geteuid();
	plan = nids + n_null + lines(vdso.gettime32, nids + n_null) +
	       lines(vdso.getres64, nids) + lines(vdso.getres32, nids) +
	       lines(vdso.gettime32, nids) + lines(vdso.gtod32, 3) +
	       (y2038 ? ARRAY_SIZE(notes) + 1 : 1);
	ksft_set_plan(plan);

	/* 1: each clock_gettime against its own system call */
	for (i = 0; i < nids; i++)
		test_gettime(&gettime64_sys, &ids[i]);
	for (i = 0; i < n_null; i++)
		test_null(vdso_clocks[i], 1);
	if (vdso.gettime32) {
		for (i = 0; i < nids; i++)
			test_gettime(&gettime32_sys, &ids[i]);
		for (i = 0; i < n_null; i++)
			test_null(vdso_clocks[i], 0);
	} else {
		ksft_test_result_skip("no time32 clock_gettime in this ABI\n");
	}

	/* 2: each clock_getres against its own system call */
	if (vdso.getres64)
		for (i = 0; i < nids; i++)
			test_getres64(&ids[i]);
	else
		ksft_test_result_skip("clock_getres_time64: not in this vDSO (%s)\n",
				      "upstream lacks it");
	if (vdso.getres32)
		for (i = 0; i < nids; i++)
			test_getres32(&ids[i]);
	else
		ksft_test_result_skip("no time32 clock_getres in this ABI\n");

	/* 3: the time32 readings are the time64 ones, truncated */
	if (vdso.gettime32)
		for (i = 0; i < nids; i++)
			test_gettime(&gettime32_64, &ids[i]);
	else
		ksft_test_result_skip("no time32 clock_gettime in this ABI\n");
	if (vdso.gtod32) {
		test_gettime(&gtod_sys, &ids[CLOCK_REALTIME]);
		test_gettime(&gtod_64, &ids[CLOCK_REALTIME]);
		test_gtod_null();
	} else {
		ksft_test_result_skip("no gettimeofday in this ABI\n");
	}

	/* 4: past 2038 */
	if (!clocks_may_change())
		ksft_test_result_skip("past 2038: %s lets this test set the clock\n",
				      "VDSO_TEST_MAY_CHANGE_CLOCKS=1");
	else if (geteuid())
		ksft_test_result_skip("past 2038: setting the clock needs root\n");
	else
		test_y2038();
	ksft_finished();
}
