/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ppc64 glue for the generic vDSO library: the names of the entries, the
 * counter, and the system call the library falls back to.
 *
 * The library's entries are exported as they are, __kernel_*, and run
 * as their callers call them: from assembly (glibc, Go) as often as from
 * C, with the caller's r2 and nothing set up for them. They use neither
 * the stack nor r2 and leave LR alone, take the data's address from the
 * program counter, and clear CR0.SO with their own answer. Whatever they
 * leave to out-of-line code goes by a branch to entry.S's
 * __vdso_ppc_tail, which gives the C function a frame below the caller's
 * protected zone and its TOC pointer, and turns its negative errno into
 * powerpc's convention (a positive errno with CR0.SO set). The image's
 * Makefile checks the entries' code for all of this.
 */
#ifndef __ASM_VDSO_GETTIMEOFDAY_H
#define __ASM_VDSO_GETTIMEOFDAY_H

/*
 * time() is entry.S's own, a leaf that loads the seconds of
 * CLOCK_REALTIME from the system's page (VDSO_PAGE_TIMENS, page 1) at
 * this offset; powerpc.c checks both against the C layout.
 */
#define VDSO_ARCH_TIME
#define VDSO_REALTIME_SEC	16

#ifndef __ASSEMBLY__

/* asm/reg.h: the feature-fixup macros of asm/vdso/processor.h's cpu_relax() */
#include <asm/reg.h>
#include <asm/unistd.h>
#include <vdso/clocksource.h>
#include <vdso/page.h>

#define VDSO_ENTRY(name)	__vdso_ppc_entry_##name
#define __vdso_ppc_entry_clock_gettime	__kernel_clock_gettime
#define __vdso_ppc_entry_clock_getres	__kernel_clock_getres
#define __vdso_ppc_entry_gettimeofday	__kernel_gettimeofday
/*
 * but getrandom()'s, which entry.S wraps as it does powerpc.c's: its fast
 * path's copy takes more registers than the volatile ones (GCC spills
 * r31 into the caller's protected zone), and it runs far below upstream's
 * cost even so. Inside the wrapper (VDSO_PPC_TOC) an entry leaves as the
 * library's entries do by default.
 */
#define __vdso_ppc_entry_getrandom	__c_kernel_getrandom

/*
 * The address of the image's symbol @sym, from the program counter: bcl
 * to the next instruction puts that one's address in LR, which is kept
 * meanwhile in a scratch register, so that an entry never saves LR in
 * its caller's frame (a caller from assembly may keep its own there).
 * Not volatile: the compiler forms each address once per function. For
 * the two instructions between bcl and mtlr an entry's return address
 * is not where its unwind information says: a backtrace taken there (by
 * a signal handler, or a profiler's sample) loses the entry's caller.
 */
#define vdso_ppc_pcrel(sym)	__vdso_ppc_pcrel(sym)
#define __vdso_ppc_pcrel(sym)						\
({									\
	unsigned long __addr, __lr;					\
									\
	asm ("mflr	%1\n\t"						\
	     "bcl	20, 31, 1f\n"					\
	     "1:	mflr	%0\n\t"						\
	     "mtlr	%1\n\t"						\
	     "addis	%0, %0, (" #sym " - 1b)@ha\n\t"			\
	     "addi	%0, %0, (" #sym " - 1b)@l"				\
	     : "=&b" (__addr), "=&r" (__lr));				\
	(void *)__addr;							\
})

/*
 * The data, each page by its own symbol (vdso.lds.S). getrandom.c and
 * powerpc.c run inside entry.S's wrappers (VDSO_PPC_TOC, from the
 * Makefile), where r2 is the image's TOC pointer: a field of such a page
 * is then two instructions from it. The compiler folds into a
 * TOC-relative access only offsets within the symbol's alignment, and
 * would take any other address from a TOC entry, which the image would
 * have to relocate at load time: anything else adds its offset to a
 * hidden base.
 */
#ifdef VDSO_PPC_TOC
#define vdso_data_base()						\
({									\
	u8 *__base = vdso_data_area;					\
									\
	OPTIMIZER_HIDE_VAR(__base);					\
	__base;								\
})
#define __vdso_data_page(n)	vdso_data_page_##n

#define VDSO_DECLARE_PAGE(n)						\
	extern u8 vdso_data_page_##n[VDSO_PAGE_SIZE]			\
		__aligned(VDSO_PAGE_SIZE) __attribute__((visibility("hidden")))
VDSO_DECLARE_PAGE(0);
VDSO_DECLARE_PAGE(1);
VDSO_DECLARE_PAGE(2);
VDSO_DECLARE_PAGE(3);
#else
#define vdso_data_base()	((u8 *)vdso_ppc_pcrel(vdso_data_area))
#define __vdso_data_page(n)	vdso_ppc_pcrel(vdso_data_page_##n)
#endif
#define vdso_data_page(n)	((u8 *)__vdso_data_page(n))

/*
 * The out-of-line functions, called by name from code that has its TOC
 * pointer; an entry's tail calls name them in assembly, which the
 * compiler does not see (__used: kept as they are, under their names).
 * Inside a wrapper nothing names them so, and the unused go.
 */
#define vdso_local_fn(fn)	(fn)
#ifdef VDSO_PPC_TOC
#define VDSO_LOCAL_FN
#else
#define VDSO_LOCAL_FN		__used
#endif

#ifndef VDSO_PPC_TOC
/* An entry's own answer: CR0.SO clear, after anything that sets CR0 */
#define vdso_entry_done(v)						\
({									\
	asm volatile ("crclr	so" : : : "cr0");			\
	(v);								\
})

/*
 * An entry's tail call: a branch to __vdso_ppc_tail (entry.S) with the
 * two arguments in r3 and r4 and the function's address in r11. The
 * entry has no frame to undo, and its caller's return address is still
 * in LR, to which __vdso_ppc_tail returns. The compiler sees no call:
 * nothing it would do around one (save LR, set up r2).
 */
#define vdso_entry_tail2(fn, a, b)					\
({									\
	register void *__r11 asm("r11") = vdso_ppc_pcrel(fn);		\
									\
	__vdso_ppc_branch("__vdso_ppc_tail", a, b, "r" (__r11));	\
})

/*
 * The same branch straight to @fn, for one that runs as the entry does
 * (lib/vdso's vdso_timens_gettime()): the image's Makefile checks it too.
 */
#define vdso_entry_jump2(fn, a, b)	__vdso_ppc_jump(fn, a, b)
#define __vdso_ppc_jump(fn, a, b)	__vdso_ppc_branch(#fn, a, b)

#define __vdso_ppc_branch(target, a, b, ...)				\
({									\
	register unsigned long __r3 asm("r3") = (unsigned long)(a);	\
	register unsigned long __r4 asm("r4") = (unsigned long)(b);	\
									\
	asm volatile ("b	" target					\
		      : : "r" (__r3), "r" (__r4), ##__VA_ARGS__ : "memory");	\
	__builtin_unreachable();					\
	0;								\
})
#endif /* !VDSO_PPC_TOC: inside a wrapper, the library's plain forms */

/*
 * The timebase (TBR 268, readable in user mode). Not ordered against the
 * loads around it: a read that the CPU takes before the data's loads
 * lands before cycle_last and counts as no time (vdso_counter_ns()), and
 * the sequence count's retry covers the data itself. The memory clobber
 * keeps the compiler from moving it out of the retry loop.
 */
static __always_inline bool vdso_read_counter(s32 clock_mode, u64 *cycles)
{
	u64 tb;

	if (unlikely(clock_mode != VDSO_CLOCKMODE_ARCHTIMER))
		return false;
	asm volatile ("mfspr	%0, 268" : "=r" (tb) : : "memory");
	*cycles = tb;
	return true;
}

/*
 * sc: the number in r0, the arguments from r3, the result in r3; an error
 * comes back as a positive errno with CR0.SO set, made negative here as
 * the library expects. The kernel may change r0, r4-r12, CR0, CTR and XER.
 */
static __always_inline long vdso_syscall3(long nr, long a0, long a1, long a2)
{
	register long r0 asm("r0") = nr;
	register long r3 asm("r3") = a0;
	register long r4 asm("r4") = a1;
	register long r5 asm("r5") = a2;

	asm volatile ("sc\n\t"
		      "bns+	1f\n\t"
		      "neg	%1, %1\n"
		      "1:"
		      : "+r" (r0), "+r" (r3), "+r" (r4), "+r" (r5)
		      :
		      : "r6", "r7", "r8", "r9", "r10", "r11", "r12",
			"cr0", "ctr", "xer", "memory");
	return r3;
}

/* powerpc's own entries (arch/powerpc/kernel/vdso/powerpc.c) */
const u32 *__c_kernel_get_syscall_map(unsigned int *count);
u64 __c_kernel_get_tbfreq(void);
int __c_kernel_sync_dicache(unsigned long start, unsigned long end);

/*
 * getrandom()'s ChaCha20: the generic vector form on the AltiVec
 * registers (vgetrandom-vmx.c), called through entry.S's
 * __vdso_chacha20_vmx(), which keeps the caller's vector registers.
 */
void __vdso_chacha20_vmx(u32 in[16], u8 *dst, size_t n);
/* what it calls, built with AltiVec */
void __vdso_chacha20_vmx_blocks(u32 in[16], u8 *dst, size_t n);
#define vdso_arch_chacha20_blocks(in, dst, n)	(__vdso_chacha20_vmx(in, dst, n), true)

#endif /* !__ASSEMBLY__ */

#endif /* __ASM_VDSO_GETTIMEOFDAY_H */
