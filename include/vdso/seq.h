/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The sequence count that guards struct vdso_time_data.
 *
 * The writer makes vdso_time_data.seq odd, writes, and makes it even
 * again; a reader copies what it needs between two reads of the count
 * and starts over when the first was odd or the two differ. The readers
 * are in lib/vdso/gettimeofday.c, next to the data they read; the writer
 * is this pair.
 */
#ifndef __VDSO_SEQ_H
#define __VDSO_SEQ_H

#include <asm/barrier.h>
#include <vdso/datapage.h>

/**
 * vdso_write_begin() - start an update of the time data
 * @vd: the data; the caller serialises writers
 */
static __always_inline void vdso_write_begin(struct vdso_time_data *vd)
{
	WRITE_ONCE(vd->seq, vd->seq + 1);
	/* the odd count is visible before any of the new data */
	smp_wmb();
}

/**
 * vdso_write_end() - publish an update started by vdso_write_begin()
 * @vd: the data
 */
static __always_inline void vdso_write_end(struct vdso_time_data *vd)
{
	/* all of the new data is visible before the even count */
	smp_wmb();
	WRITE_ONCE(vd->seq, vd->seq + 1);
}

#endif /* __VDSO_SEQ_H */
