/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mips glue for the generic vDSO library: the exported names, where the
 * data is, the counter, and the system call the library falls back to.
 * The image is the kernel's ABI's: n64 on a 64-bit kernel, o32 (with the
 * time32 entries and their time64 twins, vdso/gettime.h) on a 32-bit one.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

#ifndef __ASSEMBLY__

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/isa-rev.h>
#include <asm/unistd.h>

#define VDSO_ENTRY(name)	__vdso_##name

#ifdef CONFIG_64BIT
#define VDSO_PTR_ADDU		"daddu"
#else
#define VDSO_PTR_ADDU		"addu"
#endif

/*
 * The address of @sym, from the program counter. Position-independent
 * mips code takes an address from the GOT, whose entries the dynamic
 * loader would have to relocate, and nobody relocates the vDSO: so the
 * offset from here to @sym is a word in the code, behind a bal that puts
 * this word's own address in ra, early enough for the bal's delay slot
 * to load the word (ra is put back from a scratch register, so
 * that a leaf entry keeps its return address there and needs no stack
 * frame; both results are pinned to t8/t9, since without the clobber
 * the compiler could otherwise give either ra itself, once it has saved
 * it). For the [vvar] pages, and for the image's own out-of-line
 * functions, which it then calls through a register (VDSO_LOCAL_FN keeps
 * each under its own name and keeps it even though nothing else names
 * it).
 */
#define vdso_mips_pcrel(sym)						\
({									\
	register void *__p asm("$25");					\
	register unsigned long __ra asm("$24");				\
									\
	asm (".set	push\n\t"					\
	     ".set	noreorder\n\t"					\
	     "move	%1, $31\n\t"					\
	     "bal	1f\n\t"						\
	     " lw	%0, 0($31)\n\t"					\
	     ".word	" #sym " - .\n"					\
	     "1:	" VDSO_PTR_ADDU "	%0, %0, $31\n\t"			\
	     "move	$31, %1\n\t"					\
	     ".set	pop"						\
	     : "=&r" (__p), "=&r" (__ra));				\
	__p;								\
})

#define vdso_data_base()	((u8 *)vdso_mips_pcrel(vdso_data_area))
#define vdso_local_fn(fn)	((typeof(fn) *)vdso_mips_pcrel(fn))
/*
 * __used: the compiler sees no reference in the asm above, and keeps a
 * function it must assume is referenced as it is, under its name, with
 * its signature (no clone, no dropped argument)
 */
#define VDSO_LOCAL_FN		__used

#include <vdso/clocksource.h>
#include <vdso/datapage.h>

/*
 * CP0 Count, which RDHWR $2 reads in user mode where the kernel allows it
 * (HWREna.CC, Release 2 and later): csrc-r4k.c names the mode R4K only
 * then. It is 32 bits wide; the clocksource's mask says so.
 *
 * Or the GIC's shared counter, from the GIC's user-mode visible section
 * in [vvar] (asm/vdso/pages.h), uncached, as two 32-bit registers (not
 * every GIC, nor QEMU's, takes a 64-bit load there): the upper half, the
 * lower, and the upper again until the upper half holds still. The
 * clocksource's mask says how many bits the counter has.
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	unsigned long count;

	if (likely(clock_mode == VDSO_CLOCKMODE_R4K)) {
		asm volatile (".set	push\n\t"
			      ".set	mips32r2\n\t"
			      "rdhwr	%0, $2\n\t"
			      ".set	pop"
			      : "=r" (count) : : "memory");
		*cycles = (u32)count;
		return true;
	}
#ifdef CONFIG_HAVE_VDSO_ARCH_PAGES
	if (clock_mode == VDSO_CLOCKMODE_GIC) {
		const u32 *gic = (const u32 *)(vdso_data_base() +
					       VDSO_PAGE_GIC * VDSO_PAGE_SIZE);
		u32 hi, lo;

		do {
			hi = READ_ONCE(gic[1]);
			lo = READ_ONCE(gic[0]);
		} while (hi != READ_ONCE(gic[1]));
		*cycles = (u64)hi << 32 | lo;
		return true;
	}
#endif
	return false;
}

/*
 * syscall: the number in v0, the arguments in a0-a2, the result in v0 and
 * a3 set on failure, when v0 is the positive errno. The kernel may change
 * at, v1, t0-t9 (a4-a7 included), and hi and lo before Release 6, which
 * has neither.
 */
#if MIPS_ISA_REV >= 6
#define VDSO_SYSCALL_CLOBBERS	"memory"
#else
#define VDSO_SYSCALL_CLOBBERS	"hi", "lo", "memory"
#endif

static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	register long v0 asm("$2") = nr;
	register long r4 asm("$4") = a0;
	register long r5 asm("$5") = a1;
	register long r6 asm("$6") = a2;
	register long r7 asm("$7");

	asm volatile ("syscall"
		      : "+r" (v0), "=r" (r7)
		      : "r" (r4), "r" (r5), "r" (r6)
		      : "$1", "$3", "$8", "$9", "$10", "$11", "$12", "$13",
			"$14", "$15", "$24", "$25", VDSO_SYSCALL_CLOBBERS);
	return r7 ? -v0 : v0;
}

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
