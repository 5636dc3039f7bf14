// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO time functions and getrandom(), and their writers, built from
 * the real sources and run on the host: every test but the torture test;
 * in the scalar build (VDSO_TEST_NO_VECTORS), the getrandom() tests only.
 *
 *   vdso_test [vector|scalar]
 *
 * The argument, if given, is the ChaCha20 path getrandom() must have
 * taken (getrandom.c checks it).
 */
#include <time.h>

#include "vdso_test.h"

int main(int argc, char **argv)
{
	struct timespec t0, t1;

	/* "vector" or "scalar": the ChaCha20 path getrandom() must take */
	if (argc > 1)
		getrandom_path = argv[1];
	clock_gettime(CLOCK_MONOTONIC, &t0);
	vvar_init();
#ifdef VDSO_TEST_NO_VECTORS
	/* the scalar build differs in getrandom() only: its tests alone */
	tap_plan(getrandom_tests);
#else
	tap_plan(math_tests + conv_tests + clock_tests + fallback_tests + timens_tests +
		 getrandom_tests);
	run_math_tests();
	run_conv_tests();
	run_clock_tests();
	run_fallback_tests();
	run_timens_tests();
#endif
	run_getrandom_tests();
	vvar_fini();
	clock_gettime(CLOCK_MONOTONIC, &t1);
	tap_diag("%.2f s", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	return tap_done();
}
