/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The harness's counters, as enumerators of enum vdso_clock_mode (this
 * file is included inside the enum, hence no guard). The glue reads
 * whichever one vdso_test_readable_mode names; by default the first.
 */
VDSO_CLOCKMODE_TEST,
VDSO_CLOCKMODE_TEST_OTHER,
