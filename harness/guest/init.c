// SPDX-License-Identifier: GPL-2.0
/*
 * init for the test initramfs: mounts the pseudo file systems, runs the
 * programs listed in /etc/tests one after the other, and powers off.
 *
 * Each line of /etc/tests is "NAME [TIMEOUT] [ARGS...]": the program
 * /tests/NAME, run with ARGS and killed after TIMEOUT seconds (default
 * 300). Its output goes to the console between the markers
 *
 *   ### BEGIN NAME
 *   ### END NAME rc=N        (N: exit code, or 128+signal)
 *
 * and "### ALL DONE" follows the last one. The host (harness/check.sh)
 * reads these; no marker, no result. It ends with a reboot: QEMU runs
 * with -no-reboot, so that ends the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ARGS 32

static void setup(void)
{
	mkdir("/proc", 0755);
	mkdir("/sys", 0755);
	mkdir("/dev", 0755);
	mkdir("/tmp", 01777);
	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("tmpfs", "/tmp", "tmpfs", 0, NULL);
	setenv("PATH", "/tests:/bin", 1);
	setenv("VDSO_TEST_MAY_CHANGE_CLOCKS", "1", 1);
	/* /lib/modules has what make vdso_install installed */
	setenv("VDSO_TEST_EXPECT_INSTALLED", "1", 1);
}

static int run(char *name, int timeout, char **argv)
{
	char path[256];
	int status, waited = 0;
	pid_t pid, got;

	snprintf(path, sizeof(path), "/tests/%s", name);
	pid = fork();
	if (pid < 0)
		return 127;
	if (pid == 0) {
		execv(path, argv);
		printf("init: cannot execute %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	/* poll, so that a hung test is killed after its timeout */
	for (;;) {
		got = waitpid(pid, &status, WNOHANG);
		if (got == pid)
			break;
		if (waited >= timeout * 10) {
			printf("init: %s timed out after %d s\n", name, timeout);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return 128 + SIGKILL;
		}
		nanosleep(&(struct timespec){ .tv_nsec = 100000000 }, NULL);
		waited++;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int main(void)
{
	char line[1024];
	FILE *list;

	setup();
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* which counter the kernel (and so the vDSO) runs on in this boot */
	list = fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r");
	if (list && fgets(line, sizeof(line), list))
		printf("init: clocksource %s", line);
	if (list)
		fclose(list);
	list = fopen("/etc/tests", "r");
	if (!list) {
		printf("init: no /etc/tests\n");
		goto out;
	}
	while (fgets(line, sizeof(line), list)) {
		char *argv[MAX_ARGS + 1], *tok, *save;
		int argc = 0, timeout = 300, rc;

		line[strcspn(line, "\n")] = 0;
		tok = strtok_r(line, " ", &save);
		if (!tok || tok[0] == '#')
			continue;
		argv[argc++] = tok;
		tok = strtok_r(NULL, " ", &save);
		if (tok && atoi(tok) > 0) {
			timeout = atoi(tok);
			tok = strtok_r(NULL, " ", &save);
		}
		for (; tok && argc < MAX_ARGS; tok = strtok_r(NULL, " ", &save))
			argv[argc++] = tok;
		argv[argc] = NULL;

		printf("### BEGIN %s\n", argv[0]);
		rc = run(argv[0], timeout, argv);
		printf("### END %s rc=%d\n", argv[0], rc);
	}
	fclose(list);
	printf("### ALL DONE\n");
out:
	fflush(stdout);
	sync();
	/* with QEMU -no-reboot, a reset ends the run on every machine */
	reboot(RB_AUTOBOOT);
	return 0;
}
