// SPDX-License-Identifier: GPL-2.0
/*
 * Per-architecture expectations. This is the one place to edit when the
 * vDSO gains or loses an export (e.g. when getrandom lands, flip its
 * entries from 1 to 0 in the getrandom column).
 */
#include <elf.h>
#include <string.h>

#include "vdso_abi.h"
#include "vdso_util.h"

#ifndef VDSO_EXPECT_GETRANDOM
#define VDSO_EXPECT_GETRANDOM 0
#endif

#if defined(__x86_64__) && defined(__ILP32__)

/* tsc-early is the TSC too, until its frequency is refined */
static const char * const clocksources[] = { "tsc", "tsc-early", NULL };

/*
 * x32: x86-64's code and names, in an ELF32 image; neither the plain
 * aliases nor getrandom, whose size_t arguments are 32 bits wide here.
 */
static const struct vdso_export exports[] = {
	{ "__vdso_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__vdso_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__vdso_time",		STB_GLOBAL,	0, NULL },
	{ "__vdso_getcpu",		STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres",	STB_GLOBAL,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "x32",
	.machine	= EM_X86_64,
	.version	= "LINUX_2.6",
	.soname		= "linux-vdso.so.1",
	.clock_gettime	= "__vdso_clock_gettime",
	.gettimeofday	= "__vdso_gettimeofday",
	.time		= "__vdso_time",
	.getcpu		= "__vdso_getcpu",
	.clock_getres	= "__vdso_clock_getres",
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__x86_64__)

/* tsc-early is the TSC too, until its frequency is refined */
static const char * const clocksources[] = { "tsc", "tsc-early", NULL };

static const struct vdso_export exports[] = {
	{ "__vdso_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__vdso_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__vdso_time",		STB_GLOBAL,	0, NULL },
	{ "__vdso_getcpu",		STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "clock_gettime",		STB_WEAK,	0, NULL },
	{ "gettimeofday",		STB_WEAK,	0, NULL },
	{ "time",			STB_WEAK,	0, NULL },
	{ "getcpu",			STB_WEAK,	0, NULL },
	{ "clock_getres",		STB_WEAK,	0, NULL },
	{ "__vdso_getrandom",		STB_GLOBAL,	0, NULL },
	{ "getrandom",			STB_WEAK,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "x86_64",
	.machine	= EM_X86_64,
	.version	= "LINUX_2.6",
	.soname		= "linux-vdso.so.1",
	.clock_gettime	= "__vdso_clock_gettime",
	.gettimeofday	= "__vdso_gettimeofday",
	.time		= "__vdso_time",
	.getcpu		= "__vdso_getcpu",
	.clock_getres	= "__vdso_clock_getres",
	.getrandom	= "__vdso_getrandom",
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__aarch64__)

static const char * const clocksources[] = { "arch_sys_counter", NULL };

static const struct vdso_export exports[] = {
	{ "__kernel_rt_sigreturn",	STB_GLOBAL,	0, NULL },
	{ "__kernel_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__kernel_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__kernel_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "__kernel_getrandom",		STB_GLOBAL,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "aarch64",
	.machine	= EM_AARCH64,
	.version	= "LINUX_2.6.39",
	.soname		= "linux-vdso.so.1",
	.clock_gettime	= "__kernel_clock_gettime",
	.gettimeofday	= "__kernel_gettimeofday",
	.clock_getres	= "__kernel_clock_getres",
	.getrandom	= "__kernel_getrandom",
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

static const char * const clocksources[] = { "timebase", NULL };

/*
 * The entries return powerpc's convention: a failure is a positive errno
 * with CR0.SO set (vdso_util.c calls them through vdso_call()).
 * get_syscall_map, get_tbfreq, sync_dicache and the signal trampoline
 * are powerpc's own.
 */
static const struct vdso_export exports[] = {
	{ "__kernel_get_syscall_map",	STB_GLOBAL,	0, NULL },
	{ "__kernel_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__kernel_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__kernel_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "__kernel_get_tbfreq",	STB_GLOBAL,	0, NULL },
	{ "__kernel_sync_dicache",	STB_GLOBAL,	0, NULL },
	{ "__kernel_sigtramp_rt64",	STB_GLOBAL,	0, NULL },
	{ "__kernel_getcpu",		STB_GLOBAL,	0, NULL },
	{ "__kernel_time",		STB_GLOBAL,	0, NULL },
	{ "__kernel_getrandom",		STB_GLOBAL,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "ppc64le",
	.machine	= EM_PPC64,
	.version	= "LINUX_2.6.15",
	.soname		= "linux-vdso64.so.1",
	.clock_gettime	= "__kernel_clock_gettime",
	.gettimeofday	= "__kernel_gettimeofday",
	.time		= "__kernel_time",
	.getcpu		= "__kernel_getcpu",
	.clock_getres	= "__kernel_clock_getres",
	.getrandom	= "__kernel_getrandom",
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__riscv) && __riscv_xlen == 64

static const char * const clocksources[] = { "riscv_clocksource", NULL };

/* flush_icache and riscv_hwprobe are riscv's own; getrandom is new here */
static const struct vdso_export exports[] = {
	{ "__vdso_rt_sigreturn",	STB_GLOBAL,	0, NULL },
	{ "__vdso_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "__vdso_getcpu",		STB_GLOBAL,	0, NULL },
	{ "__vdso_flush_icache",	STB_GLOBAL,	0, NULL },
	{ "__vdso_riscv_hwprobe",	STB_GLOBAL,	0, NULL },
	{ "__vdso_getrandom",		STB_GLOBAL,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "riscv64",
	.machine	= EM_RISCV,
	.version	= "LINUX_4.15",
	.soname		= "linux-vdso.so.1",
	.clock_gettime	= "__vdso_clock_gettime",
	.gettimeofday	= "__vdso_gettimeofday",
	.getcpu		= "__vdso_getcpu",
	.getcpu_syscall	= 1,
	.clock_getres	= "__vdso_clock_getres",
	.getrandom	= "__vdso_getrandom",
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__s390x__)

static const char * const clocksources[] = { "tod", NULL };

/*
 * The kernel itself sends tasks to sigreturn, rt_sigreturn and
 * restart_syscall; getcpu reads the TOD clock's programmable field.
 */
static const struct vdso_export exports[] = {
	{ "__kernel_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__kernel_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__kernel_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "__kernel_getcpu",		STB_GLOBAL,	0, NULL },
	{ "__kernel_restart_syscall",	STB_GLOBAL,	0, NULL },
	{ "__kernel_rt_sigreturn",	STB_GLOBAL,	0, NULL },
	{ "__kernel_sigreturn",		STB_GLOBAL,	0, NULL },
	{ "__kernel_getrandom",		STB_GLOBAL,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "s390x",
	.machine	= EM_S390,
	.version	= "LINUX_2.6.29",
	.soname		= "linux-vdso64.so.1",
	.clock_gettime	= "__kernel_clock_gettime",
	.gettimeofday	= "__kernel_gettimeofday",
	.getcpu		= "__kernel_getcpu",
	.clock_getres	= "__kernel_clock_getres",
	.getrandom	= "__kernel_getrandom",
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__mips__) && _MIPS_SIM == _ABI64

/* the R4K clocksource (CP0 Count) is named "MIPS" */
static const char * const clocksources[] = { "MIPS", NULL };

/*
 * Upstream's three, and getrandom (new here); the signal return is not
 * exported: the kernel finds it by its offset
 */
static const struct vdso_export exports[] = {
	{ "__vdso_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__vdso_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "__vdso_getrandom",		STB_GLOBAL,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "mips64el",
	.machine	= EM_MIPS,
	.version	= "LINUX_2.6",
	.soname		= "linux-vdso.so.1",
	.clock_gettime	= "__vdso_clock_gettime",
	.gettimeofday	= "__vdso_gettimeofday",
	.clock_getres	= "__vdso_clock_getres",
	.getrandom	= "__vdso_getrandom",
	.libc_getres_syscall = 1,
	.sysv_hash_only	= 1,
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__arm__)

static const char * const clocksources[] = { "arch_sys_counter", NULL };

/*
 * The time32 entries and their _time64 twins; clock_getres_time64 and
 * getrandom are new here. No time (EABI has no time system call) and no
 * getcpu (no CPU number user space can read).
 */
static const struct vdso_export exports[] = {
	{ "__vdso_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__vdso_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_gettime64",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres_time64",	STB_GLOBAL,	0, NULL },
	{ "__vdso_getrandom",		STB_GLOBAL,	0, NULL },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "arm",
	.machine	= EM_ARM,
	.version	= "LINUX_2.6",
	.soname		= "linux-vdso.so.1",
	.clock_gettime	= "__vdso_clock_gettime",
	.gettimeofday	= "__vdso_gettimeofday",
	.clock_getres	= "__vdso_clock_getres",
	.libc_getres_syscall = 1,
	.getrandom	= "__vdso_getrandom",
	.clocksources	= clocksources,
	.exports	= exports,
};

#elif defined(__i386__)

/* tsc-early is the TSC too, until its frequency is refined */
static const char * const clocksources[] = { "tsc", "tsc-early", NULL };

/*
 * The time32 entries and their _time64 twins; clock_getres_time64 and
 * getrandom are new here. The system call entry and the signal return
 * code are in LINUX_2.5.
 */
static const struct vdso_export exports[] = {
	{ "__vdso_clock_gettime",	STB_GLOBAL,	0, NULL },
	{ "__vdso_gettimeofday",	STB_GLOBAL,	0, NULL },
	{ "__vdso_time",		STB_GLOBAL,	0, NULL },
	{ "__vdso_getcpu",		STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_gettime64",	STB_GLOBAL,	0, NULL },
	{ "__vdso_clock_getres_time64",	STB_GLOBAL,	0, NULL },
	{ "__vdso_getrandom",		STB_GLOBAL,	0, NULL },
	{ "__kernel_vsyscall",		STB_GLOBAL,	0, "LINUX_2.5" },
	{ "__kernel_sigreturn",		STB_GLOBAL,	0, "LINUX_2.5" },
	{ "__kernel_rt_sigreturn",	STB_GLOBAL,	0, "LINUX_2.5" },
	{ NULL, 0, 0, NULL }
};

const struct vdso_abi vdso_abi = {
	.arch		= "i386",
	.machine	= EM_386,
	.version	= "LINUX_2.6",
	.soname		= "linux-gate.so.1",
	.clock_gettime	= "__vdso_clock_gettime",
	.gettimeofday	= "__vdso_gettimeofday",
	.time		= "__vdso_time",
	.getcpu		= "__vdso_getcpu",
	.clock_getres	= "__vdso_clock_getres",
	.libc_getres_syscall = 1,
	.getrandom	= "__vdso_getrandom",
	.clocksources	= clocksources,
	.exports	= exports,
};

#else
#error "this architecture has no entry in the table above"
#endif

int vdso_abi_clocksource_ok(const char *name)
{
	const char * const *cs;

	for (cs = vdso_abi.clocksources; cs && *cs; cs++)
		if (!strcmp(*cs, name))
			return 1;
	return 0;
}

int vdso_abi_expect_getrandom(void)
{
	return VDSO_EXPECT_GETRANDOM ||
	       test_flag("VDSO_EXPECT_GETRANDOM", "vdso_test.expect_getrandom");
}
