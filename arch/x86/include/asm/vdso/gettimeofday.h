/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 glue for the generic vDSO library: exported names, the counters,
 * and the system call the library falls back to.
 *
 * Three images are built from it: the x86-64 image, the x32 image (the
 * same 64-bit code, linked as ELF32) and, where the compiler targets
 * i386 (__i386__), the 32-bit image of IA32 emulation. The 32-bit image
 * makes its system calls through its own __kernel_vsyscall, with the
 * i386 numbers.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

#include <asm/alternative.h>
#include <asm/barrier.h>
#include <asm/cpufeatures.h>
#include <vdso/clocksource.h>
#include <vdso/datapage.h>
#include <vdso/processor.h>

#ifdef __i386__
#include <asm/unistd_32_ia32.h>

#define __NR_clock_gettime		__NR_ia32_clock_gettime
#define __NR_clock_gettime64		__NR_ia32_clock_gettime64
#define __NR_clock_getres		__NR_ia32_clock_getres
#define __NR_clock_getres_time64	__NR_ia32_clock_getres_time64
#define __NR_gettimeofday		__NR_ia32_gettimeofday
#define __NR_getrandom			__NR_ia32_getrandom
#else
#include <asm/unistd.h>
#endif

#define VDSO_ENTRY(name)	__vdso_##name
#ifndef __i386__
/* x86-64 also exports each function under its plain name, weakly. */
#define VDSO_ALIAS(name)						\
	asm(".weak " #name "\n\t.set " #name ", __vdso_" #name)
#endif

/*
 * The TSC, read no earlier than the loads before it, as the kernel's
 * clocksource reads it: after an LFENCE where that orders RDTSC, or with
 * RDTSCP; the kernel patches the image for the CPU at boot. RDTSCP's
 * TSC_AUX lands in ECX, which the code keeps: the fast path needs every
 * register it has, and a clobbered ECX costs it moves on every call,
 * where the push and pop cost only the CPUs that take RDTSCP. The stack
 * below the stack pointer is free: the image is built without a red zone.
 */
static __always_inline u64 vdso_rdtsc(void)
{
#ifdef __i386__
	/* "=A": EDX:EAX, the pair i386 keeps a u64 in, with no moves */
	u64 tsc;

	asm volatile (ALTERNATIVE_2("rdtsc",
				    "lfence; rdtsc", X86_FEATURE_LFENCE_RDTSC,
				    "push %%ecx; rdtscp; pop %%ecx", X86_FEATURE_RDTSCP)
		      : "=A" (tsc));
	return tsc;
#else
	u32 lo, hi;

	asm volatile (ALTERNATIVE_2("rdtsc",
				    "lfence; rdtsc", X86_FEATURE_LFENCE_RDTSC,
				    "push %%rcx; rdtscp; pop %%rcx", X86_FEATURE_RDTSCP)
		      : "=a" (lo), "=d" (hi));
	return (u64)hi << 32 | lo;
#endif
}

#if defined(CONFIG_PARAVIRT_CLOCK) || defined(CONFIG_HYPERV_TIMER)
#define vdso_vclock_rdtsc	vdso_rdtsc
#include <asm/vdso/vclock.h>
#endif

/*
 * The TSC, what bare metal and most guests run on, is read inline on the
 * fast path. The hypervisors' clocks would cost it registers: they are
 * read by a copy of it out of line (lib/vdso's vdso_gettime_vclock()),
 * for the modes vdso_clock_mode_out_of_line() names.
 */
static __always_inline bool vdso_read_counter_fast(s32 clock_mode, u64 *cycles)
{
	if (likely(clock_mode == VDSO_CLOCKMODE_TSC)) {
		*cycles = vdso_rdtsc();
		return true;
	}
	return false;
}

#define vdso_read_counter_fast	vdso_read_counter_fast

/*
 * Asked of a mode vdso_read_counter_fast() did not read: any but NONE is
 * a hypervisor's clock, one compare.
 */
static __always_inline bool vdso_clock_mode_out_of_line(s32 clock_mode)
{
	return clock_mode != VDSO_CLOCKMODE_NONE;
}

/*
 * The clock a hypervisor keeps from the TSC in a page of [vvar]
 * (asm/vdso/vclock.h), or the TSC itself. The hypervisors' first: the
 * fast path has read the TSC, and what comes here on the TSC is a long
 * sleep or a writer at work.
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
#ifdef CONFIG_PARAVIRT_CLOCK
	if (clock_mode == VDSO_CLOCKMODE_PVCLOCK)
		return vdso_pvclock_read((const void *)&vdso_data_area[VDSO_PAGE_PVCLOCK *
								       VDSO_PAGE_SIZE],
					 cycles);
#endif
#ifdef CONFIG_HYPERV_TIMER
	if (clock_mode == VDSO_CLOCKMODE_HVCLOCK)
		return vdso_hvclock_read((const void *)&vdso_data_area[VDSO_PAGE_HVCLOCK *
								       VDSO_PAGE_SIZE],
					 cycles);
#endif
	return vdso_read_counter_fast(clock_mode, cycles);
}

#ifdef __i386__
/*
 * __kernel_vsyscall (vdso32/system_call.S) takes the number in EAX and
 * the arguments in EBX, ECX and EDX, and changes no register but EAX.
 */
static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	asm volatile ("call	__kernel_vsyscall"
		      : "=a" (ret)
		      : "0" (nr), "b" (a0), "c" (a1), "d" (a2)
		      : "memory");
	return ret;
}
#else
/*
 * The x32 image (VDSO_X32) is this same code: the system calls it makes
 * for an x32 process are x32's, as the process's own are, so that a
 * seccomp filter or audit rule written for x32 sees them as such.
 */
#ifdef VDSO_X32
#define VDSO_SYSCALL_BIT	__X32_SYSCALL_BIT
#else
#define VDSO_SYSCALL_BIT	0
#endif

static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	asm volatile ("syscall"
		      : "=a" (ret)
		      : "0" (nr | VDSO_SYSCALL_BIT), "D" (a0), "S" (a1), "d" (a2)
		      : "rcx", "r11", "memory");
	return ret;
}
#endif

/*
 * getrandom() is built with SSE2 (see the Makefiles): ChaCha20 then runs
 * on the XMM registers, all of which the caller saves in both the i386
 * and the x86-64 ABI, and which are cleared of key material before
 * returning. An i386 process has eight of them.
 */
#ifdef __SSE2__
#define VDSO_CHACHA_VECTORS	1

/*
 * Where the CPU has SSSE3 (nearly every x86-64 CPU), vgetrandom-ssse3.c's
 * form, whose rotations are byte shuffles; the kernel patches the jump
 * out of the image at boot for such a CPU. False where getrandom.c's
 * SSE2 form is to run. getrandom.c asks for whole runs of four blocks,
 * and that form makes nothing else (no code for single blocks).
 */
void __vdso_chacha20_ssse3(u32 in[16], u8 *dst, size_t runs)
	__attribute__((visibility("hidden")));

static __always_inline bool vdso_arch_chacha20_blocks(u32 in[16], u8 *dst, size_t n)
{
	asm goto(ALTERNATIVE("jmp %l[sse2]", "", X86_FEATURE_SSSE3) : : : : sse2);
	__vdso_chacha20_ssse3(in, dst, n / 4);
	return true;
sse2:
	return false;
}

#define vdso_arch_chacha20_blocks	vdso_arch_chacha20_blocks

static __always_inline void vdso_vector_wipe(void)
{
	asm volatile ("pxor	%%xmm0, %%xmm0\n\tpxor	%%xmm1, %%xmm1\n\t"
		      "pxor	%%xmm2, %%xmm2\n\tpxor	%%xmm3, %%xmm3\n\t"
		      "pxor	%%xmm4, %%xmm4\n\tpxor	%%xmm5, %%xmm5\n\t"
		      "pxor	%%xmm6, %%xmm6\n\tpxor	%%xmm7, %%xmm7"
		      : : : "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5",
			    "xmm6", "xmm7");
#ifdef __x86_64__
	asm volatile ("pxor	%%xmm8, %%xmm8\n\tpxor	%%xmm9, %%xmm9\n\t"
		      "pxor	%%xmm10, %%xmm10\n\tpxor	%%xmm11, %%xmm11\n\t"
		      "pxor	%%xmm12, %%xmm12\n\tpxor	%%xmm13, %%xmm13\n\t"
		      "pxor	%%xmm14, %%xmm14\n\tpxor	%%xmm15, %%xmm15"
		      : : : "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
			    "xmm14", "xmm15");
#endif
}
#endif

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
