/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Report the results a child process collected as TAP lines. This is
 * a header because kselftest.h keeps its counters per source file.
 */
#ifndef VDSO_CHILD_H
#define VDSO_CHILD_H

#include <string.h>
#include <sys/wait.h>

#include "kselftest.h"
#include "vdso_util.h"

/*
 * Run @fn in a child which must report exactly @n results; results
 * that never arrived are failed, naming how the child ended. Returns
 * the number of results that were not a pass or a skip.
 */
static inline int run_in_child(int n, void (*fn)(int fd, void *arg),
			       void *arg)
{
	struct child_report rep[64];
	int i, got, ws = 0, bad = 0;
	char how[64];

	if (n > (int)ARRAY_SIZE(rep))
		ksft_exit_fail_msg("run_in_child: too many results\n");
	got = child_collect(fn, arg, rep, n, &ws);
	if (WIFSIGNALED(ws))
		snprintf(how, sizeof(how), "was killed by signal %d (%s)",
			 WTERMSIG(ws), strsignal(WTERMSIG(ws)));
	else
		snprintf(how, sizeof(how), "exited with status %d",
			 WEXITSTATUS(ws));
	for (i = 0; i < n; i++) {
		if (i >= got) {
			ksft_test_result_fail("result %d of %d missing: child %s\n",
					      i + 1, n, how);
			bad++;
			continue;
		}
		if (rep[i].status != KSFT_PASS && rep[i].status != KSFT_SKIP)
			rep[i].status = KSFT_FAIL;
		if (rep[i].status == KSFT_FAIL)
			bad++;
		ksft_test_result_report(rep[i].status, "%s\n", rep[i].msg);
	}
	return bad;
}

#endif /* VDSO_CHILD_H */
