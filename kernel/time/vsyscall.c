// SPDX-License-Identifier: GPL-2.0
/*
 * The writer of the vDSO time data.
 *
 * Timekeeping calls update_vsyscall() with the timekeeper lock held
 * whenever the time changes: at each tick, on settimeofday() and
 * adjtimex(), on a clocksource switch and after suspend. It turns the
 * timekeeper's state into what lib/vdso/gettimeofday.c reads (see
 * struct vdso_time_data): one base per clock, plus the counter scaling.
 */
#include <linux/hrtimer.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/time_namespace.h>
#include <linux/timekeeper_internal.h>
#include <vdso/datapage.h>
#include <vdso/seq.h>

#include "timekeeping_internal.h"

union vdso_time_page vdso_k_time_page __page_aligned_data;

/*
 * @b = @sec seconds and @snsec shifted nanoseconds, brought below one
 * second. Timekeeping keeps them there already; the reader's fast path
 * counts on it (vdso_clock_set()), so it is made sure of here.
 */
static void vdso_base_set(struct vdso_clock_base *b, u64 sec, u64 snsec, u32 shift)
{
	u64 one_sec = (u64)NSEC_PER_SEC << shift;

	while (snsec >= one_sec) {
		snsec -= one_sec;
		sec++;
	}
	b->sec = sec;
	b->snsec = snsec;
}

/* @b = @from plus @sec seconds and @snsec shifted nanoseconds, as above */
static void vdso_base_add(struct vdso_clock_base *b, const struct vdso_clock_base *from,
			  s64 sec, u64 snsec, u32 shift)
{
	vdso_base_set(b, from->sec + sec, from->snsec + snsec, shift);
}

/*
 * @b's clock is read from the counter as @tkr converts it, in clock mode
 * @mode, from @tkr's cycle_last. Timekeeping adds whole intervals to that
 * without the mask, so that past the first wrap of a counter narrower
 * than 64 bits it is above anything the counter reads: the reader's fast
 * path, which does not mask, needs it as the counter reads it.
 *
 * Its sec_delta is the most cycles past cycle_last that keep it within
 * the second of its base: the reader's fast path checks the delta
 * against this one bound and then needs neither 96 bits nor a carry.
 * Below 2^32 too: a counter read behind cycle_last (a "negative" delta)
 * is never within it, and a 32-bit reader multiplies the delta's low
 * word alone. A tick is far shorter than 2^32 cycles of any counter.
 */
static void vdso_clock_set(struct vdso_clock_base *b, s32 mode, const struct tk_read_base *tkr)
{
	u64 left = ((u64)NSEC_PER_SEC << tkr->shift) - 1 - b->snsec;
	u64 most = div_u64(left, tkr->mult);

	b->cycle_last = tkr->cycle_last & tkr->mask;
	b->sec_delta = most < U32_MAX ? most : U32_MAX;
	b->mult = tkr->mult;
	b->shift = tkr->shift;
	b->mode = mode;
}

/**
 * update_vsyscall() - publish the timekeeper's state to the vDSO
 * @tk: the timekeeper, locked by the caller
 */
void update_vsyscall(struct timekeeper *tk)
{
	struct vdso_time_data *vd = &vdso_k_time_page.data;
	struct vdso_clock_base *base = vd->base;
	u32 shift = tk->tkr_mono.shift;
	u64 wtm_snsec = (u64)tk->wall_to_monotonic.tv_nsec << shift;
	u64 boot_snsec = (u64)tk->monotonic_to_boot.tv_nsec << shift;
	s32 mode = tk->tkr_mono.clock->vdso_clock_mode;

	vdso_write_begin(vd);

	vd->clock_mode = mode;
	/* tkr_raw's is the same counter */
	vd->mask = tk->tkr_mono.mask;

	vdso_base_set(&base[CLOCK_REALTIME], tk->xtime_sec, tk->tkr_mono.xtime_nsec, shift);
	vdso_base_add(&base[CLOCK_MONOTONIC], &base[CLOCK_REALTIME],
		      tk->wall_to_monotonic.tv_sec, wtm_snsec, shift);
	vdso_base_add(&base[CLOCK_BOOTTIME], &base[CLOCK_MONOTONIC],
		      tk->monotonic_to_boot.tv_sec, boot_snsec, shift);
	vdso_base_add(&base[CLOCK_TAI], &base[CLOCK_REALTIME],
		      tk->tai_offset, 0, shift);

	vdso_base_set(&base[CLOCK_MONOTONIC_RAW], tk->raw_sec, tk->tkr_raw.xtime_nsec,
		      tk->tkr_raw.shift);

	vdso_clock_set(&base[CLOCK_REALTIME], mode, &tk->tkr_mono);
	vdso_clock_set(&base[CLOCK_MONOTONIC], mode, &tk->tkr_mono);
	vdso_clock_set(&base[CLOCK_BOOTTIME], mode, &tk->tkr_mono);
	vdso_clock_set(&base[CLOCK_TAI], mode, &tk->tkr_mono);
	vdso_clock_set(&base[CLOCK_MONOTONIC_RAW], mode, &tk->tkr_raw);

	/* The coarse clocks are the others at the tick, in plain ns. */
	base[CLOCK_REALTIME_COARSE].coarse = 1;
	base[CLOCK_MONOTONIC_COARSE].coarse = 1;
	base[CLOCK_REALTIME_COARSE].sec = base[CLOCK_REALTIME].sec;
	base[CLOCK_REALTIME_COARSE].snsec = base[CLOCK_REALTIME].snsec >> shift;
	base[CLOCK_MONOTONIC_COARSE].sec = base[CLOCK_MONOTONIC].sec;
	base[CLOCK_MONOTONIC_COARSE].snsec = base[CLOCK_MONOTONIC].snsec >> shift;

	WRITE_ONCE(vd->hrtimer_res, hrtimer_resolution);

	vdso_write_end(vd);
}

/**
 * update_vsyscall_tz() - publish the timezone set by settimeofday()
 */
void update_vsyscall_tz(void)
{
	WRITE_ONCE(vdso_k_time_page.data.tz_minuteswest, sys_tz.tz_minuteswest);
	WRITE_ONCE(vdso_k_time_page.data.tz_dsttime, sys_tz.tz_dsttime);
}

/**
 * vdso_update_begin() - hold the vDSO's readers off the time data
 *
 * For an architecture that changes what the vDSO reads along with the
 * time data, outside update_vsyscall(): s390 steers its TOD clock after
 * a clock synchronisation. Readers retry until vdso_update_end(). Takes
 * the timekeeper lock, with interrupts off.
 *
 * Return: what vdso_update_end() needs to restore interrupts.
 */
unsigned long vdso_update_begin(void)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&timekeeper_lock, flags);
	vdso_write_begin(&vdso_k_time_page.data);
	return flags;
}

/**
 * vdso_update_end() - let the readers in again after vdso_update_begin()
 * @flags: what vdso_update_begin() returned
 */
void vdso_update_end(unsigned long flags)
{
	vdso_write_end(&vdso_k_time_page.data);
	raw_spin_unlock_irqrestore(&timekeeper_lock, flags);
}

#ifdef CONFIG_TIME_NS
static struct timens_offset vdso_timens_offset(struct timespec64 ts)
{
	return (struct timens_offset){ .sec = ts.tv_sec, .nsec = ts.tv_nsec };
}

/**
 * vdso_timens_page_init() - fill a time namespace's [vvar] page
 * @page:    the namespace's page
 * @offsets: the namespace's clock offsets, frozen from now on
 *
 * The page takes the place of the time page for the namespace's tasks.
 * Its sequence count is odd for good and its clock mode says
 * VDSO_CLOCKMODE_TIMENS, which sends readers to the real data one page
 * up (VDSO_PAGE_TIMENS) and has them add these offsets.
 */
void vdso_timens_page_init(struct page *page, const struct timens_offsets *offsets)
{
	struct vdso_time_data *vd = page_address(page);
	struct timens_offset mono = vdso_timens_offset(offsets->monotonic);
	struct timens_offset boot = vdso_timens_offset(offsets->boottime);
	clockid_t clock;

	vd->seq = 1;
	vd->clock_mode = VDSO_CLOCKMODE_TIMENS;
	/* readers add any clock's slot: the ones not set here stay zero */
	for (clock = 0; clock < VDSO_NR_CLOCKS; clock++)
		vd->base[clock].timens_offset = (struct timens_offset){ };
	vd->base[CLOCK_MONOTONIC].timens_offset = mono;
	vd->base[CLOCK_MONOTONIC_RAW].timens_offset = mono;
	vd->base[CLOCK_MONOTONIC_COARSE].timens_offset = mono;
	vd->base[CLOCK_BOOTTIME].timens_offset = boot;
	vd->base[CLOCK_BOOTTIME_ALARM].timens_offset = boot;
}
#endif
