// SPDX-License-Identifier: GPL-2.0
/*
 * The time functions of the vDSO: clock_gettime(), clock_getres(),
 * gettimeofday() and time().
 *
 * Built into each architecture's vDSO image, never into the kernel. The
 * architecture's glue header, asm/vdso/gettimeofday.h, supplies:
 *
 *   VDSO_ENTRY(name)        the exported name of each function
 *   VDSO_ALIAS(name)        optional: a second name for VDSO_ENTRY(name)
 *   vdso_read_counter()     read the counter a clock mode names, or say
 *                           that user space cannot read it
 *   vdso_read_counter_fast() optional: the same for the modes worth
 *                           reading on the fast path (x86: the TSC, not
 *                           the hypervisors' clocks); all by default
 *   vdso_syscall3()         make a system call of up to three arguments
 *   VDSO_TIME_PAGE_IN_REGISTER optional: defined where the time page's
 *                           address is better kept in a register than
 *                           formed again from the program counter
 *                           (32-bit arm: the retry would form it twice)
 *
 * Where long is 32 bits wide (VDSO_TIME32, vdso/gettime.h) there are two
 * entries each for clock_gettime() and clock_getres(): the plain ones with
 * the y2038-limited timespec, and clock_gettime64() and
 * clock_getres_time64() with the 64-bit one. Each falls back to its own
 * system call, and the 32-bit ones cut the seconds to 32 bits as their
 * system calls do.
 *
 * One clock id, from the top: clock_gettime() checks that the id has a
 * slot in struct vdso_time_data, which says how to read the clock. A
 * counter clock is its base plus the cycles since the base, scaled by its
 * mult and shift; a coarse clock is its base alone. The fast path, inline in each
 * entry, reads what nearly every call asks for (vdso_read_fast()); the
 * rest goes by a tail call to out-of-line code: a time namespace's
 * offset, a writer at work, a long sleep, another clock mode
 * (vdso_read_slow()). Anything the data cannot answer goes to the system
 * call, so the caller always gets the system call's answer.
 */
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <uapi/linux/time.h>
#include <vdso/time64.h>
#include <asm/barrier.h>
#include <asm/vdso/gettimeofday.h>
#include <vdso/datapage.h>
#include <vdso/gettime.h>
#include <vdso/ktime.h>
#include <vdso/math64.h>
#include <vdso/processor.h>
#include <vdso/time32.h>

/*
 * The entries that take the 64-bit timespec, and their system calls: the
 * plain names, or the _time64 ones where those are the 32-bit ABI's.
 */
#ifdef VDSO_TIME32
#define vdso_gettime64		VDSO_ENTRY(clock_gettime64)
#define vdso_getres64		VDSO_ENTRY(clock_getres_time64)
#define VDSO_NR_GETTIME64	__NR_clock_gettime64
#define VDSO_NR_GETRES64	__NR_clock_getres_time64
#else
#define vdso_gettime64		VDSO_ENTRY(clock_gettime)
#define vdso_getres64		VDSO_ENTRY(clock_getres)
#define VDSO_NR_GETTIME64	__NR_clock_gettime
#define VDSO_NR_GETRES64	__NR_clock_getres
#endif

/* the time page: the system's, or a namespace's for a task in one */
static __always_inline const struct vdso_time_data *vdso_time_page(void)
{
	const struct vdso_time_data *vd = (const void *)vdso_data_page(VDSO_PAGE_TIME);

#ifdef VDSO_TIME_PAGE_IN_REGISTER
	OPTIMIZER_HIDE_VAR(vd);
#endif
	return vd;
}

/* Outcome of one read of the data */
enum vdso_read {
	VDSO_READ_OK,		/* @ts holds the clock's value */
	VDSO_READ_SYSCALL,	/* only the system call can answer */
	VDSO_READ_TIMENS,	/* the page is a time namespace's */
};

/*
 * A plain load is enough: a namespace page's mode never changes, and the
 * system's page never holds VDSO_CLOCKMODE_TIMENS.
 */
static __always_inline bool vdso_is_timens_page(const struct vdso_time_data *vd)
{
	return IS_ENABLED(CONFIG_TIME_NS) &&
	       vd->clock_mode == VDSO_CLOCKMODE_TIMENS;
}

/*
 * The system's time data, whether or not the task is in a time namespace:
 * for one in a namespace the page at VDSO_PAGE_TIME is the namespace's,
 * and page VDSO_PAGE_TIMENS always holds the system's (vdso/datapage.h).
 */
static __always_inline const struct vdso_time_data *vdso_sys_page(void)
{
	return (const void *)vdso_data_page(VDSO_PAGE_TIMENS);
}

/*
 * vdso_seq_begin() - wait for a stable sequence count
 *
 * Returns the even count to check against in vdso_seq_retry(), or
 * VDSO_READ_TIMENS's odd stand-in (1) when @vd is a namespace page, whose
 * count is odd for good.
 */
static __always_inline u32 vdso_seq_begin(const struct vdso_time_data *vd)
{
	u32 seq;

	/* the data read after the count is no older than it: vdso_write_end() */
	while (unlikely((seq = smp_load_acquire(&vd->seq)) & 1)) {
		if (vdso_is_timens_page(vd))
			return 1;
		cpu_relax();
	}
	return seq;
}

/*
 * The host harness (tools/testing/vdso) defines vdso_seq_retry() itself
 * for a build that must fail its torture test: one without the retry.
 */
#ifndef vdso_seq_retry
static __always_inline bool vdso_seq_retry(const struct vdso_time_data *vd, u32 seq)
{
	/* the data read before this is no newer than the count read here */
	smp_rmb();
	return unlikely(READ_ONCE(vd->seq) != seq);
}
#endif

/*
 * Cycles since the bases were taken, turned into nanoseconds by @b's
 * mult and shift and added to its shifted nanoseconds. Up to sec_delta
 * cycles 64 bits are enough. Past it the product is taken 96 bits wide,
 * so any delta up to the counter's mask is right however long the system
 * slept; and a counter read that is behind cycle_last (a 64-bit counter
 * a little behind on this CPU) counts as no time at all.
 */
static __always_inline u64 vdso_counter_ns(const struct vdso_time_data *vd,
					   const struct vdso_clock_base *b, u64 cycles)
{
	u64 delta = (cycles - b->cycle_last) & vd->mask;

	if (likely(delta <= b->sec_delta))
		return (delta * b->mult + b->snsec) >> b->shift;
	if ((s64)delta < 0)
		return b->snsec >> b->shift;
	return mul_u64_u32_add_u64_shr(delta, b->mult, b->snsec, b->shift);
}

/*
 * Seconds and nanoseconds into @ts: @ns is below a second, but for the
 * last moments of one or a long sleep.
 */
static __always_inline void vdso_put_ts(struct __kernel_timespec *ts, u64 sec, u64 ns)
{
	u32 rem;

	if (likely(ns < NSEC_PER_SEC)) {
		ts->tv_sec = sec;
		ts->tv_nsec = ns;
	} else {
		ts->tv_sec = sec + vdso_split_ns(ns, &rem);
		ts->tv_nsec = rem;
	}
}

/*
 * Add a time namespace's offset for a clock, from the clock's slot @nb on
 * the namespace's page, to @sec and @ns: zero for REALTIME,
 * REALTIME_COARSE and TAI, which no namespace moves. @ns, below one
 * second, may then reach a second (below 2^32 still: on 32-bit, the low
 * word alone), which vdso_carry_sec() carries.
 */
static __always_inline void vdso_timens_add(const struct vdso_clock_base *nb,
					    u64 *sec, unsigned long *ns)
{
	*sec += nb->timens_offset.sec;
	*ns += (unsigned long)nb->timens_offset.nsec;
}

/* @ns below two seconds: one carry at most */
static __always_inline void vdso_carry_sec(u64 *sec, unsigned long *ns)
{
	if (*ns >= NSEC_PER_SEC) {
		*ns -= NSEC_PER_SEC;
		(*sec)++;
	}
}

static __always_inline enum vdso_read
vdso_counter_read(const struct vdso_time_data *vd, clockid_t clock,
		  struct __kernel_timespec *ts)
{
	const struct vdso_clock_base *b = &vd->base[clock];
	u64 cycles, sec, ns;
	u32 seq;

	do {
		seq = vdso_seq_begin(vd);
		if (unlikely(seq & 1))
			return VDSO_READ_TIMENS;
		/* plain loads from here on: the retry catches a torn read */
		if (!vdso_read_counter(b->mode, &cycles))
			return VDSO_READ_SYSCALL;
		/*
		 * Converted in the loop, so that only two values live on:
		 * arithmetic on a torn read cannot trap, and is thrown away.
		 */
		sec = b->sec;
		ns = vdso_counter_ns(vd, b, cycles);
	} while (vdso_seq_retry(vd, seq));

	vdso_put_ts(ts, sec, ns);
	return VDSO_READ_OK;
}

static __always_inline enum vdso_read
vdso_coarse_read(const struct vdso_time_data *vd, clockid_t clock,
		 struct __kernel_timespec *ts)
{
	const struct vdso_clock_base *b = &vd->base[clock];
	u64 sec, ns;
	u32 seq;

	do {
		seq = vdso_seq_begin(vd);
		if (unlikely(seq & 1))
			return VDSO_READ_TIMENS;
		sec = b->sec;
		ns = b->snsec;
	} while (vdso_seq_retry(vd, seq));

	ts->tv_sec = sec;
	ts->tv_nsec = ns;
	return VDSO_READ_OK;
}

/* Any clock @vd can answer, in any clock mode, however long the sleep */
static __always_inline enum vdso_read
vdso_read_clock(const struct vdso_time_data *vd, clockid_t clock,
		struct __kernel_timespec *ts)
{
	u32 kind;

	/* Negative ids (CPU-time clocks) become huge and fail this too. */
	if ((u32)clock >= VDSO_NR_CLOCKS)
		return VDSO_READ_SYSCALL;
	kind = BIT(clock);
	if (kind & (VDSO_CLOCKS_MONO | VDSO_CLOCKS_RAW))
		return vdso_counter_read(vd, clock, ts);
	if (kind & VDSO_CLOCKS_COARSE)
		return vdso_coarse_read(vd, clock, ts);
	return VDSO_READ_SYSCALL;
}

/*
 * The fast path: what nearly every call is. A counter clock read on the
 * clock modes the architecture reads inline (vdso_read_counter_fast(),
 * all of them unless its glue says otherwise), within its slot's
 * sec_delta, which keeps the product in 64 bits and the nanoseconds below
 * one second; or a coarse clock. Every counter clock is read alike, by
 * the mode, scaling and base in its slot: no test of which it is. A slot
 * whose mode names no counter is a coarse clock's, when it says so, or
 * the slow path's.
 * Anything else is left to out-of-line code too: a writer at work, a time
 * namespace's page, a clock's next second or a long sleep, another clock
 * mode, an id without a slot. The entries then call their out-of-line
 * paths, which read the data again: the fast path keeps few values live,
 * so that the entries need no callee-saved register and no frame.
 *
 * For a task in a time namespace (@timens), @vd is the system's page
 * (vdso_sys_page()), and the offset for @clock on the namespace's page
 * (vdso_time_page()) is added (zero for the clocks a namespace does not
 * move). The entry's own fast path has then found that @clock has a slot
 * and @ts is not NULL (VDSO_FAST_BUSY on the namespace's page).
 */
#ifdef vdso_read_counter_fast
#define VDSO_FAST_MODES_ONLY	1
#else
#define VDSO_FAST_MODES_ONLY	0
#define vdso_read_counter_fast	vdso_read_counter
#define vdso_clock_mode_out_of_line(mode)	((void)(mode), false)
#endif

/*
 * The mode is loaded again for vdso_clock_mode_out_of_line(), so that the
 * fast path's own test needs no register for it (x86 compares it in
 * memory). Where long is 64 bits wide that test comes before the coarse
 * clocks', which can spare the instructions a guest on a hypervisor's
 * clock would pay; where it is 32 bits wide, after it.
 */
#define VDSO_VCLOCK_FIRST	(VDSO_FAST_MODES_ONLY && sizeof(long) == 8)

/* What the fast path made of a call */
enum vdso_fast {
	VDSO_FAST_NO,		/* anything but the three below: the slow path's */
	VDSO_FAST_DONE,		/* @ts holds the time */
	VDSO_FAST_VCLOCK,	/* a counter clock, in a clock mode read out of line */
	/*
	 * The count was odd: a writer at work, or a time namespace's page,
	 * whose count always is. @clock has a slot.
	 */
	VDSO_FAST_BUSY,
};

/*
 * The fast path's answer into @ts: @sec and @ns, below one second (within
 * sec_delta, or a coarse clock's base), plus on a namespace's task the
 * namespace's offset for @clock, below one second too: then one carry at
 * most, and below 2^32 still.
 */
static __always_inline enum vdso_fast
vdso_fast_put(struct __kernel_timespec *ts, clockid_t clock, u64 sec, unsigned long ns,
	      bool timens)
{
	if (timens) {
		vdso_timens_add(&vdso_time_page()->base[clock], &sec, &ns);
		vdso_carry_sec(&sec, &ns);
	}
	ts->tv_sec = sec;
	ts->tv_nsec = ns;
	return VDSO_FAST_DONE;
}

static __always_inline enum vdso_fast
__vdso_read_fast(const struct vdso_time_data *vd, clockid_t clock,
		 struct __kernel_timespec *ts, bool timens, bool any_mode)
{
	const struct vdso_clock_base *b;
	u64 cycles, delta, sec, snsec;
	/* below one second: on 32-bit, the low word alone */
	unsigned long ns;
	u32 seq;
	s32 mode;

	/*
	 * Negative ids (CPU-time clocks) become huge and fail this too. With
	 * @any_mode, @clock is one the fast path found read from the counter;
	 * with @timens, one it found a slot for (VDSO_FAST_BUSY).
	 */
	if (!any_mode && !timens && (u32)clock >= VDSO_NR_CLOCKS)
		return VDSO_FAST_NO;
	/*
	 * The system's page, a page above the base of the data: in a
	 * register, where the compiler would fold the page's offset into
	 * each load's, past the reach of the loads of pairs.
	 */
	if (timens)
		OPTIMIZER_HIDE_VAR(vd);
	b = &vd->base[clock];
	do {
		/* as in vdso_seq_begin() */
		seq = smp_load_acquire(&vd->seq);
		if (unlikely(seq & 1))
			return VDSO_FAST_BUSY;
		/*
		 * VDSO_CLOCKMODE_NONE in the slot of a clock not read from
		 * the counter. With @any_mode, a counter clock's: the same
		 * as the page's, which needs no register for the slot yet.
		 */
		mode = any_mode ? vd->clock_mode : b->mode;
		if (likely(any_mode ? vdso_read_counter(mode, &cycles) :
				      vdso_read_counter_fast(mode, &cycles))) {
			/*
			 * Not masked: a counter narrower than 64 bits that
			 * wrapped since cycle_last, or one read behind it,
			 * gives a delta far past sec_delta, and the slow path
			 * masks it. Such a counter takes the slow path from
			 * its wrap to the next update, a tick at most.
			 */
			delta = cycles - b->cycle_last;
			if (unlikely(delta > b->sec_delta))
				return VDSO_FAST_NO;
			sec = b->sec;
			/*
			 * Within sec_delta, below 2^32: where long is 32 bits
			 * wide, one 32x32 multiply.
			 */
			if (sizeof(long) == 4)
				delta = (u32)delta;
			snsec = delta * b->mult + b->snsec;
			/*
			 * Where long is 64 bits wide, converted before the
			 * retry: fewer values live across it. Where it is 32
			 * bits wide, the compiler's own choice costs fewer
			 * instructions.
			 */
			if (sizeof(long) == 8)
				OPTIMIZER_HIDE_VAR(snsec);
			ns = snsec >> b->shift;
		} else if (VDSO_VCLOCK_FIRST && !any_mode &&
			   vdso_clock_mode_out_of_line(READ_ONCE(b->mode))) {
			return VDSO_FAST_VCLOCK;
		} else if (!any_mode && b->coarse) {
			sec = b->sec;
			ns = b->snsec;
		} else {
			if (!VDSO_VCLOCK_FIRST && VDSO_FAST_MODES_ONLY && !any_mode &&
			    vdso_clock_mode_out_of_line(READ_ONCE(b->mode)))
				return VDSO_FAST_VCLOCK;
			return VDSO_FAST_NO;
		}
	} while (vdso_seq_retry(vd, seq));

	return vdso_fast_put(ts, clock, sec, ns, timens);
}

static __always_inline enum vdso_fast
vdso_read_fast(const struct vdso_time_data *vd, clockid_t clock,
	       struct __kernel_timespec *ts, bool timens)
{
	return __vdso_read_fast(vd, clock, ts, timens, false);
}

/*
 * VDSO_FAST_VCLOCK: where the fast path reads fewer clock modes than
 * vdso_read_counter() (VDSO_FAST_MODES_ONLY: x86, whose hypervisors'
 * clocks would cost it registers), the glue's
 * vdso_clock_mode_out_of_line() names the modes it leaves out. A counter
 * clock in such a mode goes by a tail call to a second copy of the fast
 * path, out of line, that reads every mode: a guest on such a clock pays
 * a test and a jump, not the slow path. Dead code everywhere else.
 *
 * vdso_read_vclock() - that copy, on the system's data: @clock is a
 * counter clock, as VDSO_FAST_VCLOCK says; @timens says the task is in a
 * time namespace, whose offset is then added as in vdso_read_fast().
 * Inline in each entry's out-of-line path; where long is 32 bits wide,
 * not for a task in a time namespace, which there takes the slow path:
 * one more copy would cost more room than it saves instructions.
 */
#define VDSO_TIMENS_VCLOCK	(sizeof(long) == 8)

static __always_inline bool
vdso_read_vclock(clockid_t clock, struct __kernel_timespec *ts, bool timens)
{
	/* outside a namespace, the page the fast path read: the same data */
	const struct vdso_time_data *vd = timens ? vdso_sys_page() : vdso_time_page();

	return __vdso_read_fast(vd, clock, ts, timens, true) == VDSO_FAST_DONE;
}

/*
 * Any clock the fast path did not answer, the long way (vdso_read_clock()):
 * for a task in a time namespace, the system's clock plus the offset. One
 * copy, out of line, for all the entries' slow paths.
 */
static noinline VDSO_LOCAL_FN enum vdso_read
vdso_read_slow(clockid_t clock, struct __kernel_timespec *ts)
{
	const struct vdso_time_data *vd = vdso_time_page();
	bool timens = vdso_is_timens_page(vd);
	enum vdso_read ret;

	ret = vdso_read_clock(timens ? vdso_sys_page() : vd, clock, ts);
	if (ret == VDSO_READ_OK && timens) {
		u64 sec = ts->tv_sec;
		unsigned long ns = ts->tv_nsec;

		vdso_timens_add(&vd->base[clock], &sec, &ns);
		vdso_carry_sec(&sec, &ns);
		ts->tv_sec = sec;
		ts->tv_nsec = ns;
	}
	return ret;
}

/*
 * Each entry has its fast path inline and more out of line, reached by
 * tail calls so that the fast path stays free of calls: one for a
 * counter clock in a mode only vdso_read_vclock() reads, one for a task
 * in a time namespace (the fast path again on the system's page, plus an
 * offset) and one that takes every case the long way. The first two are
 * only reached with a pointer to store to: a NULL one goes straight to
 * the last, and on to the system call.
 */

/* clock_gettime() past the fast path */
static noinline VDSO_LOCAL_FN int
vdso_gettime_slow(clockid_t clock, struct __kernel_timespec *ts)
{
	if (ts && vdso_local_fn(vdso_read_slow)(clock, ts) == VDSO_READ_OK)
		return 0;
	return vdso_syscall3(VDSO_NR_GETTIME64, clock, (long)ts, 0);
}

/*
 * Without VDSO_FAST_MODES_ONLY no VDSO_FAST_VCLOCK comes, and the
 * out-of-line paths vdso_read_vclock() is inline in are not built: their
 * names stand for the slow paths, in calls the compiler drops.
 */
#if VDSO_FAST_MODES_ONLY
/* clock_gettime() of a counter clock in a mode the fast path leaves out */
static noinline VDSO_LOCAL_FN int
vdso_gettime_vclock(clockid_t clock, struct __kernel_timespec *ts)
{
	if (likely(vdso_read_vclock(clock, ts, false)))
		return 0;
	return vdso_local_fn(vdso_gettime_slow)(clock, ts);
}

/* clock_gettime() in a time namespace: the system's page in such a mode */
static noinline VDSO_LOCAL_FN int
vdso_timens_vclock(clockid_t clock, struct __kernel_timespec *ts)
{
	if (likely(vdso_read_vclock(clock, ts, true)))
		return 0;
	return vdso_local_fn(vdso_gettime_slow)(clock, ts);
}
#else
#define vdso_gettime_vclock	vdso_gettime_slow
#define vdso_timens_vclock	vdso_gettime_slow
#endif

/*
 * clock_gettime() in a time namespace, of a clock with a slot, to a
 * non-NULL @ts. Reached from the entry by vdso_entry_jump2(), it runs and
 * leaves as the entry does (vdso_entry_done(), vdso_entry_tail2()): on
 * powerpc, still without a frame or a TOC pointer.
 */
static noinline VDSO_LOCAL_FN int
vdso_timens_gettime(clockid_t clock, struct __kernel_timespec *ts)
{
	enum vdso_fast r = vdso_read_fast(vdso_sys_page(), clock, ts, true);

	if (likely(r == VDSO_FAST_DONE))
		return vdso_entry_done(0);
	if (VDSO_TIMENS_VCLOCK && r == VDSO_FAST_VCLOCK)
		return vdso_entry_tail2(vdso_timens_vclock, clock, ts);
	return vdso_entry_tail2(vdso_gettime_slow, clock, ts);
}

/**
 * vdso_gettime64() - clock_gettime(2) for the 64-bit timespec
 * @clock: the clock id
 * @ts:    where the time goes
 *
 * Exported as clock_gettime(), or as clock_gettime64() with VDSO_TIME32.
 * A NULL @ts gets the system call's -EFAULT; any other bad pointer
 * faults in user space, as a store through it would.
 *
 * Return: 0, or what the system call returns.
 */
int vdso_gettime64(clockid_t clock, struct __kernel_timespec *ts)
{
	const struct vdso_time_data *vd = vdso_time_page();
	enum vdso_fast r = likely(ts) ? vdso_read_fast(vd, clock, ts, false) : VDSO_FAST_NO;

	if (likely(r == VDSO_FAST_DONE))
		return vdso_entry_done(0);
	if (r == VDSO_FAST_VCLOCK)
		return vdso_entry_tail2(vdso_gettime_vclock, clock, ts);
	if (r == VDSO_FAST_BUSY && vdso_is_timens_page(vd))
		return vdso_entry_jump2(vdso_timens_gettime, clock, ts);
	return vdso_entry_tail2(vdso_gettime_slow, clock, ts);
}

#ifdef VDSO_TIME32
/* as the system call stores it: the seconds cut to 32 bits */
static __always_inline void vdso_put_timespec32(struct old_timespec32 *d,
						const struct __kernel_timespec *s)
{
	d->tv_sec = (old_time32_t)s->tv_sec;
	d->tv_nsec = s->tv_nsec;
}

/* clock_gettime() of the 32-bit timespec past the fast path */
static noinline VDSO_LOCAL_FN int
vdso_gettime32_slow(clockid_t clock, struct old_timespec32 *ts32)
{
	struct __kernel_timespec ts;

	if (!ts32 || vdso_local_fn(vdso_read_slow)(clock, &ts) != VDSO_READ_OK)
		return vdso_syscall3(__NR_clock_gettime, clock, (long)ts32, 0);
	vdso_put_timespec32(ts32, &ts);
	return 0;
}

#if VDSO_FAST_MODES_ONLY
/* clock_gettime() of the 32-bit timespec for a counter clock in a mode the fast path leaves out */
static noinline VDSO_LOCAL_FN int
vdso_gettime32_vclock(clockid_t clock, struct old_timespec32 *ts32)
{
	struct __kernel_timespec ts;

	if (likely(vdso_read_vclock(clock, &ts, false))) {
		vdso_put_timespec32(ts32, &ts);
		return 0;
	}
	return vdso_local_fn(vdso_gettime32_slow)(clock, ts32);
}
#else
#define vdso_gettime32_vclock	vdso_gettime32_slow
#endif

/* the same in a time namespace, as vdso_timens_gettime() */
static noinline VDSO_LOCAL_FN int
vdso_timens_gettime32(clockid_t clock, struct old_timespec32 *ts32)
{
	struct __kernel_timespec ts;

	if (likely(vdso_read_fast(vdso_sys_page(), clock, &ts, true) == VDSO_FAST_DONE)) {
		vdso_put_timespec32(ts32, &ts);
		return vdso_entry_done(0);
	}
	return vdso_entry_tail2(vdso_gettime32_slow, clock, ts32);
}

/**
 * VDSO_ENTRY(clock_gettime) - clock_gettime(2) for the 32-bit timespec
 * @clock: the clock id
 * @ts32:  where the time goes
 *
 * Past 2038 the seconds wrap, as the system call's do.
 *
 * Return: 0, or what the system call returns.
 */
int VDSO_ENTRY(clock_gettime)(clockid_t clock, struct old_timespec32 *ts32)
{
	const struct vdso_time_data *vd = vdso_time_page();
	struct __kernel_timespec ts;
	enum vdso_fast r = likely(ts32) ? vdso_read_fast(vd, clock, &ts, false) : VDSO_FAST_NO;

	if (likely(r == VDSO_FAST_DONE)) {
		vdso_put_timespec32(ts32, &ts);
		return vdso_entry_done(0);
	}
	if (r == VDSO_FAST_VCLOCK)
		return vdso_entry_tail2(vdso_gettime32_vclock, clock, ts32);
	if (r == VDSO_FAST_BUSY && vdso_is_timens_page(vd))
		return vdso_entry_jump2(vdso_timens_gettime32, clock, ts32);
	return vdso_entry_tail2(vdso_gettime32_slow, clock, ts32);
}
#endif

VDSO_ALIAS(clock_gettime);

static __always_inline void vdso_put_timeval(struct __kernel_old_timeval *tv,
					     const struct __kernel_timespec *ts)
{
	tv->tv_sec = ts->tv_sec;
	/* below 2^30, where division by 1000 is this multiply exactly */
	tv->tv_usec = (u32)(((u64)ts->tv_nsec * 0x10624dd3ULL) >> 38);
}

static __always_inline void vdso_put_tz(struct timezone *tz)
{
	const struct vdso_time_data *vd = vdso_sys_page();

	tz->tz_minuteswest = READ_ONCE(vd->tz_minuteswest);
	tz->tz_dsttime = READ_ONCE(vd->tz_dsttime);
}

/* gettimeofday() past the fast path: out of line, and whole */
static noinline VDSO_LOCAL_FN int
vdso_gettimeofday_slow(struct __kernel_old_timeval *tv, struct timezone *tz)
{
	struct __kernel_timespec ts;

	if (tv) {
		if (vdso_local_fn(vdso_read_slow)(CLOCK_REALTIME, &ts) != VDSO_READ_OK)
			return vdso_syscall3(__NR_gettimeofday, (long)tv, (long)tz, 0);
		vdso_put_timeval(tv, &ts);
	}
	if (tz)
		vdso_put_tz(tz);
	return 0;
}

/* gettimeofday() of a non-NULL @tv: the rest as clock_gettime()'s */
static __always_inline void
vdso_gettimeofday_put(struct __kernel_old_timeval *tv, struct timezone *tz,
		      const struct __kernel_timespec *ts)
{
	vdso_put_timeval(tv, ts);
	if (unlikely(tz))
		vdso_put_tz(tz);
}

#if VDSO_FAST_MODES_ONLY
/* gettimeofday() in a mode the fast path leaves out */
static noinline VDSO_LOCAL_FN int
vdso_gettimeofday_vclock(struct __kernel_old_timeval *tv, struct timezone *tz)
{
	struct __kernel_timespec ts;

	if (likely(vdso_read_vclock(CLOCK_REALTIME, &ts, false))) {
		vdso_gettimeofday_put(tv, tz, &ts);
		return 0;
	}
	return vdso_local_fn(vdso_gettimeofday_slow)(tv, tz);
}
#else
#define vdso_gettimeofday_vclock	vdso_gettimeofday_slow
#endif

/* gettimeofday()'s fast path, as clock_gettime()'s */
static __always_inline enum vdso_fast
vdso_gettimeofday_fast(struct __kernel_old_timeval *tv, struct timezone *tz)
{
	const struct vdso_time_data *vd = vdso_time_page();
	struct __kernel_timespec ts;
	enum vdso_fast r = VDSO_FAST_NO;

	if (tv)
		r = vdso_read_fast(vd, CLOCK_REALTIME, &ts, false);
	if (r != VDSO_FAST_DONE)
		return r;
	vdso_gettimeofday_put(tv, tz, &ts);
	return VDSO_FAST_DONE;
}

/**
 * VDSO_ENTRY(gettimeofday) - gettimeofday(2)
 * @tv: where CLOCK_REALTIME goes, in microseconds; may be NULL
 * @tz: where the kernel's timezone goes; may be NULL
 *
 * Return: 0, or what the system call returns.
 */
int VDSO_ENTRY(gettimeofday)(struct __kernel_old_timeval *tv, struct timezone *tz)
{
	enum vdso_fast r = vdso_gettimeofday_fast(tv, tz);

	if (likely(r == VDSO_FAST_DONE))
		return vdso_entry_done(0);
	/* tail calls, as in clock_gettime() */
	if (r == VDSO_FAST_VCLOCK)
		return vdso_entry_tail2(vdso_gettimeofday_vclock, tv, tz);
	return vdso_entry_tail2(vdso_gettimeofday_slow, tv, tz);
}

VDSO_ALIAS(gettimeofday);

/* unless the glue's image has its own (VDSO_ARCH_TIME: powerpc's leaf) */
#ifndef VDSO_ARCH_TIME
/**
 * VDSO_ENTRY(time) - time(2)
 * @t: also receives the result when not NULL
 *
 * Return: the seconds of CLOCK_REALTIME at the last tick, as time(2).
 */
__kernel_old_time_t VDSO_ENTRY(time)(__kernel_old_time_t *t)
{
	const struct vdso_time_data *vd = vdso_sys_page();
	/*
	 * One load of the seconds: where long is 32 bits wide, of their
	 * low word alone, which is all that time() returns there.
	 */
	const unsigned long *sec = (const unsigned long *)&vd->base[CLOCK_REALTIME].sec +
		(sizeof(long) == 4 && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__);
	__kernel_old_time_t now = READ_ONCE(*sec);

	if (t)
		*t = now;
	return now;
}

VDSO_ALIAS(time);
#endif

/* The resolution of @clock in ns into @ns; false when only the system call knows it */
static __always_inline bool vdso_getres_ns(clockid_t clock, u64 *ns)
{
	const struct vdso_time_data *vd = vdso_sys_page();

	if ((u32)clock >= VDSO_NR_CLOCKS)
		return false;
	if (((VDSO_CLOCKS_MONO | VDSO_CLOCKS_RAW) >> clock) & 1) {
		*ns = READ_ONCE(vd->hrtimer_res);
		return true;
	}
	if ((VDSO_CLOCKS_COARSE >> clock) & 1) {
		*ns = LOW_RES_NSEC;
		return true;
	}
	return false;
}

/*
 * clock_getres() of a clock only the system call knows: inline where an
 * entry's tail calls are plain calls (one would cost i386 a realigned
 * stack), else out of line, by the glue's vdso_entry_tail2()
 */
#if VDSO_ENTRY_TAILS_PLAIN
#define vdso_getres_fallback(clock, res)				\
	vdso_syscall3(VDSO_NR_GETRES64, clock, (long)(res), 0)
#else
static noinline VDSO_LOCAL_FN int
vdso_getres_syscall(clockid_t clock, struct __kernel_timespec *res)
{
	return vdso_syscall3(VDSO_NR_GETRES64, clock, (long)res, 0);
}

#define vdso_getres_fallback(clock, res)				\
	vdso_entry_tail2(vdso_getres_syscall, clock, res)
#endif

/**
 * vdso_getres64() - clock_getres(2) for the 64-bit timespec
 * @clock: the clock id
 * @res:   where the resolution goes; may be NULL
 *
 * Exported as clock_getres(), or as clock_getres_time64() with
 * VDSO_TIME32.
 *
 * Return: 0, or what the system call returns.
 */
int vdso_getres64(clockid_t clock, struct __kernel_timespec *res)
{
	u64 ns;

	if (unlikely(!vdso_getres_ns(clock, &ns)))
		return vdso_getres_fallback(clock, res);
	if (likely(res)) {
		res->tv_sec = 0;
		res->tv_nsec = ns;
	}
	return vdso_entry_done(0);
}

VDSO_ALIAS(clock_getres);

#ifdef VDSO_TIME32
/* every 32-bit image's tail calls are plain calls: its system call inline */
#if !VDSO_ENTRY_TAILS_PLAIN
#error "clock_getres() for the 32-bit timespec has no out-of-line fallback"
#endif

/**
 * VDSO_ENTRY(clock_getres) - clock_getres(2) for the 32-bit timespec
 * @clock: the clock id
 * @res:   where the resolution goes; may be NULL
 *
 * Return: 0, or what the system call returns.
 */
int VDSO_ENTRY(clock_getres)(clockid_t clock, struct old_timespec32 *res)
{
	u64 ns;

	if (unlikely(!vdso_getres_ns(clock, &ns)))
		return vdso_syscall3(__NR_clock_getres, clock, (long)res, 0);
	if (likely(res)) {
		res->tv_sec = 0;
		res->tv_nsec = ns;
	}
	return vdso_entry_done(0);
}
#endif
