/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ppc64 glue for the generic vDSO library: the names of the C functions,
 * the counter, and the system call the library falls back to.
 *
 * The C functions return a negative errno, as the kernel's do; the entries
 * user space calls, __kernel_*, are the assembly wrappers of
 * arch/powerpc/kernel/vdso/entry.S, which turn that into powerpc's
 * convention (a positive errno with CR0.SO set) and give the C code its
 * TOC pointer. Hence the C names here are internal: __c_kernel_*.
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

#define VDSO_ENTRY(name)	__c_kernel_##name

/*
 * The data's address, from the TOC pointer (the entries set r2): the
 * compiler folds into a TOC-relative access only offsets within the
 * symbol's alignment, a page, and takes any other address from a TOC
 * entry, which the image would have to relocate at load time. It has no
 * relocations: each page the code reads is a symbol of its own
 * (vdso.lds.S), whose fields a load reaches in two instructions, and
 * anything else adds its offset to a hidden base.
 */
#define vdso_data_base()						\
({									\
	u8 *__base = vdso_data_area;					\
									\
	OPTIMIZER_HIDE_VAR(__base);					\
	__base;								\
})

#define vdso_data_page(n)	__vdso_data_page(n)
#define __vdso_data_page(n)	vdso_data_page_##n

#define VDSO_DECLARE_PAGE(n)						\
	extern u8 vdso_data_page_##n[VDSO_PAGE_SIZE]			\
		__aligned(VDSO_PAGE_SIZE) __attribute__((visibility("hidden")))
VDSO_DECLARE_PAGE(0);
VDSO_DECLARE_PAGE(1);
VDSO_DECLARE_PAGE(2);
VDSO_DECLARE_PAGE(3);

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
