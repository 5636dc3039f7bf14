// SPDX-License-Identifier: GPL-2.0
/*
 * The vDSO is placed at a random address in each new program (when
 * address space randomisation is on), and a forked child keeps its
 * parent's vDSO where it was.
 *
 * The program runs itself again through /proc/self/exe with the
 * argument "--report", in which case it only writes its vDSO address
 * to standard output.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/auxv.h>
#include <sys/wait.h>

#include "kselftest.h"
#include "vdso_util.h"

#define RUNS	8

static int report(void)
{
	unsigned long at = getauxval(AT_SYSINFO_EHDR);
	struct map_entry m = { 0 };

	maps_find("[vdso]", &m);
	printf("%lx %lx\n", at, (unsigned long)m.start);
	return 0;
}

/* Start /proc/self/exe --report and parse what it prints; 0 or -1. */
static int child_addr(int do_exec, unsigned long *at, unsigned long *start)
{
	char buf[64] = "";
	int fds[2], ws;
	ssize_t n;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC))
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		static char * const argv[] = { "vdso_aslr", "--report", NULL };
		static char * const envp[] = { NULL };

		if (dup2(fds[1], STDOUT_FILENO) < 0)
			_exit(1);
		if (do_exec)
			execve("/proc/self/exe", argv, envp);
		else
			report();
		fflush(stdout);
		_exit(do_exec ? 127 : 0);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	waitpid(pid, &ws, 0);
	if (n <= 0 || !WIFEXITED(ws) || WEXITSTATUS(ws))
		return -1;
	buf[n] = '\0';
	return sscanf(buf, "%lx %lx", at, start) == 2 ? 0 : -1;
}

static void test_fork(void)
{
	unsigned long at, start, mine = getauxval(AT_SYSINFO_EHDR);

	if (child_addr(0, &at, &start)) {
		ksft_test_result_fail("fork: no address from the child\n");
		return;
	}
	ksft_test_result(at == mine && start == mine,
			 "fork keeps the vDSO at %#lx (child: auxv %#lx, maps %#lx)\n",
			 mine, at, start);
}

static void test_exec(void)
{
	unsigned long addr[RUNS], at, start;
	int i, j, distinct = 0, bad = 0;
	char rnd[16] = "";

	for (i = 0; i < RUNS; i++) {
		if (child_addr(1, &at, &start)) {
			ksft_test_result_fail("exec %d: no address from the child\n", i);
			return;
		}
		ksft_print_msg("exec %d: vDSO at %#lx (maps %#lx)\n", i, at, start);
		if (!at || at != start || (at & 0xfff))
			bad++;
		addr[i] = at;
		for (j = 0; j < i && addr[j] != at; j++)
			;
		distinct += j == i;
	}
	if (bad) {
		ksft_test_result_fail("%d children had a bad or inconsistent address\n", bad);
		return;
	}
	read_line("/proc/sys/kernel/randomize_va_space", rnd, sizeof(rnd));
	if (!strcmp(rnd, "0"))
		ksft_test_result_skip("randomize_va_space is 0 (%d distinct addresses)\n",
				      distinct);
	else
		ksft_test_result(distinct >= 2, "%d distinct vDSO addresses in %d execs\n",
				 distinct, RUNS);
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--report"))
		return report();

	ksft_print_header();
	ksft_set_plan(2);
	test_fork();
	test_exec();
	ksft_finished();
}
