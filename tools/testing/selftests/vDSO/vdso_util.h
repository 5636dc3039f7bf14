/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the vDSO tests: typed entry points, raw system
 * calls that return -errno like the vDSO does, time arithmetic, the
 * /proc/self/maps reader and a way to run checks in a child process.
 */
#ifndef VDSO_UTIL_H
#define VDSO_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>
#include <time.h>

#include "vdso_sym.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#endif

#define NSEC_PER_SEC	1000000000LL
#define USEC_PER_SEC	1000000LL
#define NSEC_PER_USEC	1000LL

/* Highest clock id the kernel knows about (CLOCK_TAI). */
#define LAST_CLOCK_ID	11

struct vdso_fns {
	int (*clock_gettime)(clockid_t clk, struct timespec *ts);
	int (*gettimeofday)(struct timeval *tv, struct timezone *tz);
	time_t (*time)(time_t *t);
	long (*getcpu)(unsigned int *cpu, unsigned int *node, void *cache);
	int (*clock_getres)(clockid_t clk, struct timespec *res);
};

#ifdef __powerpc64__
/*
 * powerpc's entries return a failure as a positive errno with CR0.SO
 * set. vdso_call() calls entry @fn with CR0.SO set beforehand and returns
 * what the other architectures' entries return: the result, or -errno.
 * An entry that breaks the convention (SO left set with no errno, a
 * negative result without SO, r2 not kept) gives VDSO_CALL_BAD, which no
 * test takes for an answer.
 * vdso_fns_lookup() puts such calls behind the struct's pointers.
 */
#define VDSO_CALL_BAD	0x7bad0bad
long vdso_call(const void *fn, long a, long b, long c, long d, long e);
#endif

#ifdef __s390x__
/* What the registers were after vdso_s390_call() */
struct s390_after {
	long ret;		/* r2 */
	unsigned long gpr[8];	/* r6-r13 */
	unsigned long fpr[8];	/* f8-f15, as bits */
	unsigned long sp;	/* r15 */
};

/*
 * vdso_s390_call(fn, sp, args, after): call @fn with r15 = @sp and the
 * five arguments @args in r2-r6, r7-r13 and f8-f15 set to known bits
 * (regval()), and fill @after. The 16 bytes above @sp's save area hold
 * this function's own r15 and @after while the entry runs.
 */
void vdso_s390_call(const void *fn, void *sp, const long *args,
		    struct s390_after *after);
#endif

/* Look up the arch's entry points in @img; missing ones stay NULL. */
void vdso_fns_lookup(struct vdso_fns *fns, const struct vdso_image *img);
/*
 * Open the vDSO named by auxv and look up the entry points: 0, or -1
 * (with a TAP note) when there is no vDSO or one the arch's table
 * names is missing. Absent entries of the table stay NULL.
 */
int vdso_fns_init(struct vdso_image *img, struct vdso_fns *fns);

/* Raw system calls: result, or -errno on failure. */
int sys_clock_gettime(clockid_t clk, struct timespec *ts);
int sys_clock_getres(clockid_t clk, struct timespec *res);
int sys_clock_settime(clockid_t clk, const struct timespec *ts);
int sys_gettimeofday(struct timeval *tv, struct timezone *tz);
long sys_time(time_t *t);
int sys_getcpu(unsigned int *cpu, unsigned int *node);

static inline int64_t ts_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

static inline int64_t tv_us(const struct timeval *tv)
{
	return (int64_t)tv->tv_sec * USEC_PER_SEC + tv->tv_usec;
}

const char *clock_name(clockid_t clk);

/*
 * True when environment variable @env is "1" or the kernel command line
 * has the word "@param=1".
 */
int test_flag(const char *env, const char *param);
/* VDSO_TEST_MAY_CHANGE_CLOCKS=1 or vdso_test.may_change_clocks=1 */
int clocks_may_change(void);

struct map_entry {
	uintptr_t start;
	uintptr_t end;
	char perms[8];
};

/*
 * Find mappings whose name is exactly @name (e.g. "[vdso]") in
 * /proc/self/maps. Returns how many there are, the first in @m.
 */
int maps_find(const char *name, struct map_entry *m);

/* Reserve @len bytes of address space (PROT_NONE); 0 on failure. */
uintptr_t maps_reserve(size_t len);
/* Move mapping @m whole to @to (mremap); 0 or -errno. */
int maps_move(const struct map_entry *m, uintptr_t to);
#ifdef __i386__
/*
 * The C library's pointers to __kernel_vsyscall, when they point into
 * [@lo, @hi), follow the mapping moved to @to; maps_move() does this.
 */
void libc_sysinfo_follow(uintptr_t lo, uintptr_t hi, uintptr_t to);
/* glibc's copy of AT_SYSINFO in a static program (weak: absent elsewhere) */
extern uintptr_t _dl_sysinfo;
#endif

/* Read the first line of a file, without its newline; 0 or -errno. */
int read_line(const char *path, char *buf, size_t len);
/* Write @s to the file at @path; 0 or -errno. */
int write_str(const char *path, const char *s);

/* One result sent by a child process to its parent. */
struct child_report {
	int status;		/* KSFT_PASS, KSFT_FAIL or KSFT_SKIP */
	char msg[200];
};

/* Send one result, @msg, from a child to its parent. */
void child_report_send(int fd, int status, const char *msg);
/*
 * child_result(fd, status, fmt, ...): format one result (snprintf()
 * checks the format against the arguments) and send it.
 */
#define child_result(fd, status, ...)					\
	do {								\
		struct child_report __rep;				\
									\
		snprintf(__rep.msg, sizeof(__rep.msg), __VA_ARGS__);	\
		child_report_send((fd), (status), __rep.msg);		\
	} while (0)

/*
 * Run @fn(fd, arg) in a forked child that sends its results with
 * child_result() on @fd. Up to @max reports are stored in @out; returns
 * how many arrived, and in *@wstatus how the child ended.
 * See vdso_child.h for the part that prints them.
 */
int child_collect(void (*fn)(int fd, void *arg), void *arg,
		  struct child_report *out, int max, int *wstatus);

/*
 * Install a seccomp filter on this thread and its future children (it
 * cannot be taken off) that answers the system calls @nrs with @action
 * (SECCOMP_RET_ERRNO | errno, SECCOMP_RET_KILL_PROCESS, ...) and lets
 * every other one through. Returns 0 or -errno.
 */
int block_syscalls(const unsigned int *nrs, unsigned int n, unsigned int action);

#endif /* VDSO_UTIL_H */
