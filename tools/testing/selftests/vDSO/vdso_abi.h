/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the vDSO of this project is expected to provide on the
 * architecture the tests are built for. The table lives in vdso_abi.c.
 */
#ifndef VDSO_ABI_H
#define VDSO_ABI_H

struct vdso_export {
	const char *name;
	unsigned char bind;	/* STB_GLOBAL or STB_WEAK */
	int getrandom;		/* expected only when getrandom is expected */
	const char *version;	/* its version node; NULL: vdso_abi.version */
};

struct vdso_abi {
	const char *arch;
	unsigned int machine;		/* EM_* */
	const char *version;		/* version node of the exports */
	const char *soname;
	/* Names of the entry points; NULL when the arch has none. */
	const char *clock_gettime;
	const char *gettimeofday;
	const char *time;
	const char *getcpu;
	const char *clock_getres;
	const char *getrandom;
	/*
	 * 1 when getcpu is a system call by design: the architecture has no
	 * per-CPU value user space can read, so the vDSO asks the kernel.
	 */
	int getcpu_syscall;
	/*
	 * 1 when the system's C library makes clock_getres()'s system call
	 * without asking the vDSO (Debian's glibc 2.36 on arm looks up
	 * only clock_gettime, clock_gettime64 and gettimeofday there; on
	 * i386 its clock_getres() is clock_getres_time64's system call; on
	 * mips it looks up clock_gettime and gettimeofday only).
	 */
	int libc_getres_syscall;
	/*
	 * 1 when the image has DT_HASH and no DT_GNU_HASH: on MIPS the
	 * dynamic symbols are sorted for the GOT, an order DT_GNU_HASH's
	 * cannot share (binutils would emit DT_MIPS_XHASH, which neither
	 * libc's vDSO parser reads).
	 */
	int sysv_hash_only;
	/* Clocksources the vDSO can read without a system call. */
	const char * const *clocksources;
	/* Exact set of exported symbols; NULL when not filled in yet. */
	const struct vdso_export *exports;
};

extern const struct vdso_abi vdso_abi;

/* Is @name one of vdso_abi.clocksources? */
int vdso_abi_clocksource_ok(const char *name);
/* VDSO_EXPECT_GETRANDOM: build-time define, environment or cmdline. */
int vdso_abi_expect_getrandom(void);

#endif /* VDSO_ABI_H */
