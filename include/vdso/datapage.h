/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The data the kernel publishes to the vDSO, and where it lives.
 *
 * The [vvar] mapping is VDSO_DATA_PAGES pages placed right below the
 * vDSO text. Page VDSO_PAGE_TIME holds struct vdso_time_data; the other
 * pages are described below. Everything here is plain
 * data written only by the kernel under @seq and read by the vDSO.
 */
#ifndef __VDSO_DATAPAGE_H
#define __VDSO_DATAPAGE_H

#include <vdso/page.h>

/*
 * The pages of the [vvar] mapping, lowest first:
 *
 * VDSO_PAGE_TIME:   the time data. A task in a time namespace sees its
 *                   namespace's page here instead.
 * VDSO_PAGE_TIMENS: the system's time data, for every task: for a task
 *                   in a time namespace the real data, for any other a
 *                   second view of VDSO_PAGE_TIME's page. What no
 *                   namespace changes (time(), the timezone, the
 *                   resolutions) is read here without asking which.
 * VDSO_PAGE_RNG:    struct vdso_rng_data, for getrandom()
 * VDSO_PAGE_ARCH:   with CONFIG_ARCH_HAS_VDSO_DATA only: the
 *                   architecture's struct vdso_arch_data
 *                   (asm/vdso/arch_data.h), the same in every namespace
 * VDSO_PAGE_ARCH_OWN and up: with CONFIG_HAVE_VDSO_ARCH_PAGES only:
 *                   VDSO_ARCH_PAGES pages the architecture maps itself
 *                   (asm/vdso/pages.h names them), such as the pages a
 *                   hypervisor writes its clock to
 */
#define VDSO_PAGE_TIME		0
#define VDSO_PAGE_TIMENS	1
#define VDSO_PAGE_RNG		2
#define VDSO_PAGE_ARCH		3
#ifdef CONFIG_ARCH_HAS_VDSO_DATA
#define VDSO_PAGE_ARCH_OWN	(VDSO_PAGE_ARCH + 1)
#else
#define VDSO_PAGE_ARCH_OWN	VDSO_PAGE_ARCH
#endif
#ifdef CONFIG_HAVE_VDSO_ARCH_PAGES
#include <asm/vdso/pages.h>
#else
#define VDSO_ARCH_PAGES		0
#endif
#define VDSO_DATA_PAGES		(VDSO_PAGE_ARCH_OWN + VDSO_ARCH_PAGES)

#define VDSO_DATA_SIZE	(VDSO_DATA_PAGES * VDSO_PAGE_SIZE)

#ifndef __ASSEMBLY__

#include <linux/types.h>
#include <uapi/linux/time.h>
#include <vdso/bits.h>
#include <vdso/clocksource.h>
#include <vdso/time.h>

/* Clock ids up to CLOCK_TAI have a slot; bigger or negative ids never do. */
#define VDSO_NR_CLOCKS		(CLOCK_TAI + 1)

/* Clocks read from the counter with the NTP-steered mult */
#define VDSO_CLOCKS_MONO	(BIT(CLOCK_REALTIME) | BIT(CLOCK_MONOTONIC) | \
				 BIT(CLOCK_BOOTTIME) | BIT(CLOCK_TAI))
/* Clocks read from the counter with the clocksource's own mult */
#define VDSO_CLOCKS_RAW		BIT(CLOCK_MONOTONIC_RAW)
/* Clocks that are only the value of the last tick */
#define VDSO_CLOCKS_COARSE	(BIT(CLOCK_REALTIME_COARSE) | \
				 BIT(CLOCK_MONOTONIC_COARSE))

/**
 * struct vdso_clock_base - one clock's slot in the time data
 * @sec:           seconds, at the last update
 * @snsec:         nanoseconds, below one second: shifted left by @shift
 *                 for clocks read from the counter; plain nanoseconds for
 *                 coarse clocks
 * @timens_offset: on a time namespace's page, whose slots hold no clock's
 *                 value, what the namespace adds to the clock instead:
 *                 zero for the clocks it does not move (REALTIME,
 *                 REALTIME_COARSE, TAI). In the slot of the system's base,
 *                 so that a reader finds both with one index.
 * @cycle_last:    for clocks read from the counter, the counter's value
 *                 when @sec and @snsec were taken, as the counter reads
 *                 it (within the mask): the same in each counter clock's
 *                 slot. Next to @sec_delta, which the delta from it is
 *                 checked against: one load of a pair, where there are
 *                 such loads.
 * @sec_delta:     for clocks read from the counter, the most cycles past
 *                 cycle_last that keep the clock within this second, and
 *                 below 2^32: up to it, @snsec plus the cycles'
 *                 nanoseconds needs neither 96 bits nor a carry, and the
 *                 delta fits in 32 bits
 * @mult:          for clocks read from the counter, nanoseconds per cycle,
 *                 times 2^@shift
 * @shift:         fixed-point shift of @mult and of @snsec
 * @mode:          for clocks read from the counter, the clocksource's
 *                 enum vdso_clock_mode; VDSO_CLOCKMODE_NONE for any other
 *                 clock, whose slot then needs no other test to be told
 *                 from a counter clock's
 * @coarse:        nonzero in a coarse clock's slot, whose base alone is
 *                 the clock's value
 * @unused:        makes the size 64 bytes: a power of two, so that one
 *                 shift indexes the array, and with the array at offset
 *                 16 the fields above of each slot share a cache line
 *
 * Everything a read of the clock needs besides the counter is in the
 * slot: every counter clock is read the same way, with one index.
 */
struct vdso_clock_base {
	union {
		struct {
			u64 sec;
			u64 snsec;
		};
		struct timens_offset timens_offset;
	};
	u64 cycle_last;
	u64 sec_delta;
	u32 mult;
	u32 shift;
	s32 mode;
	u32 coarse;
	u32 unused[4];
};

/**
 * struct vdso_time_data - the time data, one copy per system
 * @seq:            sequence count: odd while the kernel writes, bumped
 *                  twice per update. Always odd on a namespace page.
 * @clock_mode:     the current clocksource's enum vdso_clock_mode, or
 *                  VDSO_CLOCKMODE_TIMENS on a time namespace's page
 * @mask:           the counter's width, as a mask of its valid bits: for
 *                  the slow path. The fast path's delta goes unmasked: a
 *                  wrap since cycle_last (or a read behind it) makes it
 *                  far bigger than any slot's sec_delta, and so the slow
 *                  path's.
 * @base:           each clock's slot, by clock id: its value at the last
 *                  update, or on a namespace page the namespace's offset.
 *                  At an offset below the slots' size: the compiler then
 *                  adds no part of the array's offset to the index.
 * @tz_minuteswest: the kernel's timezone, for gettimeofday()
 * @tz_dsttime:     ditto
 * @hrtimer_res:    resolution of the counter-read clocks, in ns
 */
struct vdso_time_data {
	u32 seq;
	s32 clock_mode;
	u64 mask;
	struct vdso_clock_base base[VDSO_NR_CLOCKS];
	s32 tz_minuteswest;
	s32 tz_dsttime;
	u32 hrtimer_res;
};

/**
 * struct vdso_rng_data - the kernel RNG's state, for getrandom()
 * @generation: bumped whenever the kernel's RNG is reseeded; never 0
 * @is_ready:   nonzero once the RNG is seeded
 *
 * @generation has 8 bytes of room on every kernel: a 64-bit kernel's
 * compat image, with its 32-bit longs, then finds @is_ready where the
 * kernel put it, and reads the low half of @generation (little-endian
 * only), which changes at every reseed as the whole does.
 */
struct vdso_rng_data {
	union {
		unsigned long generation;
		u64 generation_room;
	};
	u32 is_ready;
};

#ifdef CONFIG_ARCH_HAS_VDSO_DATA
#include <asm/vdso/arch_data.h>
#endif

#ifndef __VDSO__
/*
 * The data as the kernel writes it: each a whole page, so that nothing
 * else the kernel keeps shows through it. The time page is written by
 * kernel/time/vsyscall.c, the RNG page by lib/vdso/rng.c.
 */
union vdso_time_page {
	struct vdso_time_data data;
	u8 page[VDSO_PAGE_SIZE];
};

union vdso_rng_page {
	struct vdso_rng_data data;
	u8 page[VDSO_PAGE_SIZE];
};

extern union vdso_time_page vdso_k_time_page;
extern union vdso_rng_page vdso_k_rng_page;

#ifdef CONFIG_ARCH_HAS_VDSO_DATA
/* The architecture's page, written by the architecture (lib/vdso/vma.c) */
union vdso_arch_page {
	struct vdso_arch_data data;
	u8 page[VDSO_PAGE_SIZE];
};

extern union vdso_arch_page vdso_k_arch_page;
#endif

struct page;
struct timens_offsets;
void vdso_timens_page_init(struct page *page, const struct timens_offsets *offsets);
unsigned long vdso_update_begin(void);
void vdso_update_end(unsigned long flags);
#else
/*
 * The [vvar] pages as the vDSO sees them, placed by vdso/image.lds.S.
 * Not const: the kernel changes them under the reader's feet, and a
 * const object would let the compiler move its loads across barriers.
 * Page aligned, as mapped: without it the compiler copies the structs
 * byte by byte on architectures that do not load unaligned words.
 */
extern u8 vdso_data_area[VDSO_DATA_SIZE]
	__aligned(VDSO_PAGE_SIZE) __attribute__((visibility("hidden")));

/*
 * Where the code finds the pages: vdso_data_area, unless the glue
 * (asm/vdso/gettimeofday.h) has its own way to compute the address, for
 * code that would take it from a table nobody relocates (mips' GOT).
 */
#ifndef vdso_data_base
#define vdso_data_base()	vdso_data_area
#endif

/*
 * Page @n of the data (VDSO_PAGE_*, a plain number): from
 * vdso_data_base(), unless the glue names each page itself, for a
 * compiler that folds into an access only the offsets within a symbol's
 * alignment (powerpc's TOC-relative loads).
 */
#ifndef vdso_data_page
#define vdso_data_page(n)	(&vdso_data_base()[(n) * VDSO_PAGE_SIZE])
#endif

/*
 * How the code calls its own out-of-line functions: by name, unless the
 * glue computes their address itself (vdso_local_fn()), again for code
 * that would take it from the GOT (mips). Such functions are marked
 * VDSO_LOCAL_FN, which keeps each whole and under its own name.
 */
#ifndef vdso_local_fn
#define vdso_local_fn(fn)	(fn)
#define VDSO_LOCAL_FN
#endif

/*
 * How an exported entry leaves: with an answer of its own,
 * vdso_entry_done(@v), which is @v, unless the architecture's
 * convention asks for more on the way out (powerpc clears CR0.SO); or
 * by a tail call to one of its out-of-line functions, of two, four or
 * five arguments, vdso_entry_tail2/4/5(), a plain call unless the glue
 * must first give that function what the entry does without (powerpc's
 * entries run without a frame or a TOC pointer, its out-of-line
 * functions with both). Every answer that is the system call's leaves
 * by the latter. vdso_entry_jump2() is the tail call to an out-of-line
 * function that runs and leaves as an entry does.
 */
#ifndef vdso_entry_done
#define vdso_entry_done(v)	(v)
#endif

#ifndef vdso_entry_tail2
#define VDSO_ENTRY_TAILS_PLAIN			1
#define vdso_entry_tail2(fn, a, b)		vdso_local_fn(fn)(a, b)
#define vdso_entry_tail4(fn, a, b, c, d)	vdso_local_fn(fn)(a, b, c, d)
#define vdso_entry_tail5(fn, a, b, c, d, e)	vdso_local_fn(fn)(a, b, c, d, e)
#else
#define VDSO_ENTRY_TAILS_PLAIN			0
#endif

#ifndef vdso_entry_jump2
#define vdso_entry_jump2(fn, a, b)		vdso_local_fn(fn)(a, b)
#endif

#ifdef CONFIG_ARCH_HAS_VDSO_DATA
static __always_inline const struct vdso_arch_data *vdso_arch_data(void)
{
	return (const void *)vdso_data_page(VDSO_PAGE_ARCH);
}
#endif
#endif

#endif /* !__ASSEMBLY__ */

#endif /* __VDSO_DATAPAGE_H */
