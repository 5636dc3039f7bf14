/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included into the no-retry build: a reader that never retries,
 * which the torture test must catch. lib/vdso/gettimeofday.c leaves its
 * own vdso_seq_retry() out when this is defined.
 */
#define vdso_seq_retry(vd, seq)	((void)(vd), (void)(seq), false)
