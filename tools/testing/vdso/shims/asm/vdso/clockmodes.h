/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The harness's counters, as enumerators of enum vdso_clock_mode (this
 * file is included inside the enum, hence no guard). The glue reads
 * whichever one vdso_test_readable_mode names; by default the first. It
 * reads VDSO_CLOCKMODE_TEST_SLOW too, but on the slow path only, as x86's
 * reads its hypervisors' clocks.
 */
VDSO_CLOCKMODE_TEST,
VDSO_CLOCKMODE_TEST_OTHER,
VDSO_CLOCKMODE_TEST_SLOW,
