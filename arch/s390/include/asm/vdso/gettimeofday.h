/* SPDX-License-Identifier: GPL-2.0 */
/*
 * s390x glue for the generic vDSO library: the names of the C functions,
 * the counter, and the system call the library falls back to.
 *
 * The entries user space calls, __kernel_*, are the assembly wrappers of
 * arch/s390/kernel/vdso64/entry.S, which give the C code a frame of its
 * own; the C names here are internal: __c_kernel_*.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

#include <asm/unistd.h>
#include <vdso/clocksource.h>
#include <vdso/datapage.h>

#define VDSO_ENTRY(name)	__c_kernel_##name

/*
 * The TOD clock, read as time.c's clocksource reads it: bits 0-63 of the
 * clock (STORE CLOCK FAST: the same bits as STORE CLOCK EXTENDED, without
 * the uniqueness the kernel does not need either), corrected by the
 * steering still in progress (asm/vdso/arch_data.h). The steering data
 * is read inside the caller's sequence count, which covers its updates.
 * A clock value taken before the data's loads lands before cycle_last
 * and counts as no time (vdso_counter_ns()).
 *
 * STCKF only stores. It stores into the slot for f0 of the register save
 * area the ABI has below every function's caller's frame (160 bytes at
 * r15: back chain, then r2-r15, then f0, f2, f4 and f6), which only a
 * variadic function with hard float would use, and the image has
 * neither (-msoft-float, the layout without -mpacked-stack): a leaf then
 * needs no frame of its own for the value. Read back at once, it is
 * nobody's across a call.
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	const struct vdso_arch_data *ad = vdso_arch_data();
	u64 tod;
	s64 left;

	if (unlikely(clock_mode != VDSO_CLOCKMODE_TOD))
		return false;
	asm volatile ("stckf	128(%%r15)\n\t"
		      "lg	%0, 128(%%r15)"
		      : "=d" (tod) : : "cc", "memory");
	left = READ_ONCE(ad->tod_steering_end) - tod;
	if (unlikely(left > 0)) {
		u64 fix = (u64)left >> 15;

		tod += READ_ONCE(ad->tod_steering_delta) < 0 ? fix : -fix;
	}
	*cycles = tod;
	return true;
}

/*
 * SVC 0: the number in r1, the arguments from r2, the result in r2. The
 * kernel gives back every other register as it was.
 */
static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	register long r1 asm("1") = nr;
	register long r2 asm("2") = a0;
	register long r3 asm("3") = a1;
	register long r4 asm("4") = a2;

	asm volatile ("svc	0"
		      : "+d" (r2)
		      : "d" (r1), "d" (r3), "d" (r4)
		      : "cc", "memory");
	return r2;
}

/*
 * getrandom()'s ChaCha20 runs on the vector registers where the machine
 * has the vector facility (z13 and later), which the kernel says in the
 * architecture's page (vdso_init()): the vector form is compiled for z13
 * alone, and the scalar form runs on older machines. VERLLF rotates each
 * word by any amount.
 */
#define VDSO_CHACHA_VECTORS		1
#define VDSO_CHACHA_ROTATES		1
#define VDSO_CHACHA_VECTOR_TARGET	__attribute__((target("arch=z13,vx,hard-float")))

#define vdso_chacha_vectors()	READ_ONCE(vdso_arch_data()->vector)

/*
 * Clear what the vector form left in registers: v0-v7 and v16-v31 are
 * the caller's to lose; of v8-v15 the caller keeps the left halves (its
 * f8-f15, which the compiler restored), so only the right halves go.
 */
static __always_inline void vdso_vector_wipe(void)
{
	asm volatile (".machine push\n\t.machine z13\n\t"
		      ".irp r,0,1,2,3,4,5,6,7,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
		      "vzero	%%v\\r\n\t"
		      ".endr\n\t"
		      ".irp r,8,9,10,11,12,13,14,15\n\t"
		      "vleig	%%v\\r,0,1\n\t"
		      ".endr\n\t"
		      ".machine pop"
		      : : : "memory");
}

/*
 * getrandom()'s copies out of its batch and its wipes (lib/vdso/
 * getrandom.c): MVC moves and XC clears up to 256 bytes an instruction,
 * where a loop of loads and stores would take 16 bytes a step. The last
 * piece goes through EXRL, which runs the instruction it points at with
 * the piece's length less one from a register; that instruction sits
 * apart, in a section of the image's text the code never falls into.
 */
#define VDSO_S390_EXRL(insn)						\
	"exrl	%[len],0f\n\t"						\
	".pushsection .text.vdso_exrl,\"ax\"\n"				\
	"0:	" insn "\n\t"						\
	".popsection"

static __always_inline void vdso_arch_rng_copy(u8 *dst, const u8 *src, size_t n)
{
	for (; n > 256; n -= 256, dst += 256, src += 256)
		asm volatile ("mvc	0(256,%[dst]),0(%[src])"
			      : : [dst] "a" (dst), [src] "a" (src) : "memory");
	if (n)
		asm volatile (VDSO_S390_EXRL("mvc	0(1,%[dst]),0(%[src])")
			      : : [len] "a" (n - 1), [dst] "a" (dst), [src] "a" (src)
			      : "memory");
}

static __always_inline void vdso_arch_rng_clear(u8 *p, size_t n)
{
	for (; n > 256; n -= 256, p += 256)
		asm volatile ("xc	0(256,%[p]),0(%[p])"
			      : : [p] "a" (p) : "cc", "memory");
	if (n)
		asm volatile (VDSO_S390_EXRL("xc	0(1,%[p]),0(%[p])")
			      : : [len] "a" (n - 1), [p] "a" (p) : "cc", "memory");
}

#define vdso_arch_rng_copy	vdso_arch_rng_copy
#define vdso_arch_rng_clear	vdso_arch_rng_clear

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
