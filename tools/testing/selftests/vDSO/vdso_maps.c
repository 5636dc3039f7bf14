// SPDX-License-Identifier: GPL-2.0
/*
 * How the vDSO and its data pages ([vvar]) are mapped: one of each,
 * [vvar] read-only right below [vdso], [vdso] read-only and executable,
 * AT_SYSINFO_EHDR at the start of [vdso], and neither can be written.
 *
 * Kernels since 6.13 split the data into [vvar] and [vvar_vclock]; when
 * the latter exists it must be read-only too, and together they must
 * end where [vdso] starts.
 */
#include <signal.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include "kselftest.h"
#include "vdso_util.h"

static struct map_entry vdso_m, vvar_m, vclock_m;
static int nvdso, nvvar, nvclock;

static void test_counts(void)
{
	ksft_test_result(nvdso == 1, "exactly one [vdso] (%d)\n", nvdso);
	ksft_test_result(nvvar == 1, "exactly one [vvar] (%d)\n", nvvar);
}

static void test_perms(void)
{
	ksft_test_result(nvdso == 1 && !strcmp(vdso_m.perms, "r-xp"),
			 "[vdso] is r-xp (%s)\n", nvdso ? vdso_m.perms : "none");
	ksft_test_result(nvvar == 1 && !strcmp(vvar_m.perms, "r--p") &&
			 (!nvclock || !strcmp(vclock_m.perms, "r--p")),
			 "[vvar] is r--p (%s%s%s)\n", nvvar ? vvar_m.perms : "none",
			 nvclock ? ", [vvar_vclock] " : "", nvclock ? vclock_m.perms : "");
}

static void test_auxv(void)
{
	unsigned long at = getauxval(AT_SYSINFO_EHDR);

	ksft_test_result(at && at == vdso_m.start && !memcmp((void *)at, "\177ELF", 4),
			 "AT_SYSINFO_EHDR %#lx is the start of [vdso] %#lx and an ELF header\n",
			 at, (unsigned long)vdso_m.start);
}

static void test_adjacent(void)
{
	uintptr_t end = vvar_m.end;

	if (nvclock == 1 && vclock_m.start == vvar_m.end)
		end = vclock_m.end;
	ksft_test_result(nvvar == 1 && nvdso == 1 && end == vdso_m.start,
			 "[vvar] %#lx-%#lx%s ends where [vdso] %#lx starts\n",
			 (unsigned long)vvar_m.start, (unsigned long)vvar_m.end,
			 end != vvar_m.end ? " (+[vvar_vclock])" : "",
			 (unsigned long)vdso_m.start);
}

static void write_to(int fd, void *arg)
{
	char *p = arg;

	/* store back what is there, in case the write does go through */
	__atomic_store_n(p, __atomic_load_n(p, __ATOMIC_RELAXED), __ATOMIC_RELAXED);
	child_result(fd, KSFT_FAIL, "write to %p did not fault", arg);
}

static void test_write(const char *name, uintptr_t addr)
{
	struct child_report rep;
	int ws, got, sig;

	got = child_collect(write_to, (void *)addr, &rep, 1, &ws);
	sig = WIFSIGNALED(ws) ? WTERMSIG(ws) : 0;
	ksft_test_result(!got && (sig == SIGSEGV || sig == SIGBUS),
			 "a write to %s kills the writer (signal %d)\n", name, sig);
}

static void test_mprotect(int prot, char bit, const char *what)
{
	size_t len = vvar_m.end - vvar_m.start;
	struct map_entry now;
	int ret, err;

	ret = mprotect((void *)vvar_m.start, len, PROT_READ | prot);
	err = errno;
	if (maps_find("[vvar]", &now) != 1) {
		ksft_test_result_fail("mprotect %s: [vvar] gone from maps\n", what);
		return;
	}
	if (!ret)
		mprotect((void *)vvar_m.start, len, PROT_READ);
	ksft_test_result(!strchr(now.perms, bit),
			 "mprotect([vvar], %s) %s (%s), maps then say %s\n", what,
			 ret ? "fails" : "succeeds", ret ? strerror(err) : "-",
			 now.perms);
}

static void test_still_works(void)
{
	struct vdso_image img;
	struct vdso_fns fns;
	struct timespec ts, s1, s2;
	int ret = -1;

	if (!vdso_fns_init(&img, &fns) && fns.clock_gettime) {
		sys_clock_gettime(CLOCK_MONOTONIC, &s1);
		ret = fns.clock_gettime(CLOCK_MONOTONIC, &ts);
		sys_clock_gettime(CLOCK_MONOTONIC, &s2);
	}
	ksft_test_result(!ret && ts_ns(&s1) <= ts_ns(&ts) && ts_ns(&ts) <= ts_ns(&s2),
			 "vDSO clock_gettime still works after that (%d)\n", ret);
}

int main(void)
{
	ksft_print_header();
	nvdso = maps_find("[vdso]", &vdso_m);
	nvvar = maps_find("[vvar]", &vvar_m);
	nvclock = maps_find("[vvar_vclock]", &vclock_m);
	if (nvdso < 0)
		ksft_exit_fail_perror("/proc/self/maps");
	if (nvclock > 0)
		ksft_print_msg("[vvar_vclock] %#lx-%#lx %s\n",
			       (unsigned long)vclock_m.start,
			       (unsigned long)vclock_m.end, vclock_m.perms);
	ksft_set_plan(11);

	test_counts();
	test_perms();
	test_auxv();
	test_adjacent();
	if (nvdso == 1 && nvvar == 1) {
		test_write("[vvar]", vvar_m.start);
		test_write("[vdso]", vdso_m.start);
		test_mprotect(PROT_WRITE, 'w', "PROT_READ | PROT_WRITE");
		test_mprotect(PROT_EXEC, 'x', "PROT_READ | PROT_EXEC");
		test_still_works();
	} else {
		for (int i = 0; i < 5; i++)
			ksft_test_result_skip("needs one [vdso] and one [vvar]\n");
	}
	ksft_finished();
}
