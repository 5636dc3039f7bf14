// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO time functions and their writer, built from the real sources
 * and run on the host: every test but the torture test.
 */
#include <time.h>

#include "vdso_test.h"

int main(void)
{
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	vvar_init();
	tap_plan(math_tests + conv_tests + clock_tests + fallback_tests + timens_tests);
	run_math_tests();
	run_conv_tests();
	run_clock_tests();
	run_fallback_tests();
	run_timens_tests();
	vvar_fini();
	clock_gettime(CLOCK_MONOTONIC, &t1);
	tap_diag("%.2f s", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return tap_done();
}
