/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The entries of the ppc64 vDSO that user space calls around C
 * functions (getrandom()'s and powerpc.c's), the way from the library's
 * exported time functions into its out-of-line code, and the signal
 * trampoline.
 *
 * Callers reach an entry from assembly (glibc's INTERNAL_VSYSCALL, Go's
 * vdsoCall) or, for time() and gettimeofday(), as an ordinary function
 * through an IFUNC. Either way an entry
 *  - keeps the caller's r2 (its TOC pointer), every nonvolatile
 *    register, and every floating-point and vector register: the C code
 *    uses none but in getrandom()'s ChaCha20, which runs through
 *    __vdso_chacha20_vmx() below;
 *  - leaves the caller's 288-byte protected zone below r1 alone: a leaf
 *    function calling from assembly keeps its saved registers there
 *    (glibc's clock_getres() does), so the entry's frame starts below it;
 *  - saves LR in that frame, not in the caller's, which an assembly
 *    caller may not have set up;
 *  - points r2 at the image's own TOC and enters the C function at its
 *    local entry point, as a call from within the image would (ELFv2);
 *  - returns powerpc's convention: the result with CR0.SO clear or, for
 *    the functions that can fail, a positive errno with CR0.SO set.
 * time() and getcpu(), a load each, are leaves of their own that keep
 * all of this without a frame or a TOC, and so are the library's time
 * functions on their fast paths (__vdso_ppc_tail below).
 */
#include <asm/reg.h>
#include <asm/unistd.h>
#include <asm/vdso/gettimeofday.h>

/*
 * The caller's protected zone, then our frame: back chain, CR, LR and TOC
 * save slots, then our LR and r2
 */
#define PROTECTED_ZONE	288
#define ENTRY_FRAME	(PROTECTED_ZONE + 48)
#define ENTRY_LR	32
#define ENTRY_TOC	40
#define CR0_SO		3
/* DWARF register numbers */
#define DW_R2		2
#define DW_LR		65

	.text

/* entry_call: the frame, LR and r2 saved in it, around the call of \call */
.macro	entry_call call:vararg
	stdu	%r1, -ENTRY_FRAME(%r1)
	.cfi_adjust_cfa_offset ENTRY_FRAME
	mflr	%r0
	std	%r0, ENTRY_LR(%r1)
	.cfi_rel_offset DW_LR, ENTRY_LR
	std	%r2, ENTRY_TOC(%r1)
	.cfi_rel_offset DW_R2, ENTRY_TOC
	\call
	ld	%r0, ENTRY_LR(%r1)
	ld	%r2, ENTRY_TOC(%r1)
	mtlr	%r0
	.cfi_restore DW_LR
	.cfi_restore DW_R2
	addi	%r1, %r1, ENTRY_FRAME
	.cfi_adjust_cfa_offset -ENTRY_FRAME
.endm

/* entry_return ERRNO: powerpc's convention for the C function's result */
.macro	entry_return errno
.if \errno
	/* a negative result is -errno: return errno with SO set */
	cmpdi	%r3, 0
	crclr	CR0_SO
	bgelr+
	neg	%r3, %r3
	crset	CR0_SO
.else
	crclr	CR0_SO
.endif
	blr
.endm

/* the call of __c_kernel_NAME at its local entry point, r2 the image's TOC */
.macro	toc_call name
	bcl	20, 31, 1f
1:	mflr	%r2
	addis	%r2, %r2, (.TOC. - 1b)@ha
	addi	%r2, %r2, (.TOC. - 1b)@l
	bl	__c_kernel_\name
.endm

/* vdso_entry NAME ERRNO: __kernel_NAME calls __c_kernel_NAME */
.macro	vdso_entry name, errno
	.globl	__kernel_\name
	.type	__kernel_\name, @function
	.balign	16
__kernel_\name:
	.cfi_startproc
	entry_call toc_call \name
	entry_return \errno
	.cfi_endproc
	.size	__kernel_\name, . - __kernel_\name
.endm

	vdso_entry getrandom, 1
	vdso_entry get_syscall_map, 0
	vdso_entry get_tbfreq, 0
	vdso_entry sync_dicache, 0

/* the call of the C function at r11, at its global entry point */
.macro	global_call
	mr	%r12, %r11
	mtctr	%r12
	bctrl
.endm

/*
 * __vdso_ppc_tail: clock_gettime(), clock_getres() and gettimeofday() are
 * the library's C functions themselves, which keep all of the above on
 * their fast paths without a frame or a TOC (asm/vdso/gettimeofday.h).
 * Anything else they leave to a C function of the image by a branch to
 * here, with its arguments in r3 and r4 and its address in r11, LR
 * still the caller's: the C function gets what vdso_entry gives, entered
 * at its global entry point with r12 set, from which it sets r2.
 */
	.globl	__vdso_ppc_tail
	.type	__vdso_ppc_tail, @function
	.hidden	__vdso_ppc_tail
	.balign	16
__vdso_ppc_tail:
	.cfi_startproc
	entry_call global_call
	entry_return 1
	.cfi_endproc
	.size	__vdso_ppc_tail, . - __vdso_ppc_tail

/*
 * getcpu(cpu, node, cache) is a leaf of its own, without the wrapper: the
 * kernel keeps "node << 32 | cpu" in an SPR user space can read, for each
 * CPU (vdso_getcpu_init()), and one mfspr gives both as of one instant.
 * Either pointer may be NULL; the CPU is the register's lower word as
 * stw stores it, the node is shifted down only for a pointer that is
 * not NULL, and a NULL @node returns at once (most callers pass one).
 * The cache is not used. It never fails.
 */
	.globl	__kernel_getcpu
	.type	__kernel_getcpu, @function
	.balign	16
__kernel_getcpu:
	.cfi_startproc
	mfspr	%r0, SPRN_SPRG_VDSO_READ
	cmpldi	%cr1, %r3, 0
	cmpldi	%cr5, %r4, 0
	beq	%cr1, 1f
	stw	%r0, 0(%r3)
1:	li	%r3, 0
	crclr	CR0_SO
	beqlr	%cr5
	srdi	%r12, %r0, 32
	stw	%r12, 0(%r4)
	blr
	.cfi_endproc
	.size	__kernel_getcpu, . - __kernel_getcpu

/*
 * time(t), a leaf too: one load of the seconds of CLOCK_REALTIME on the
 * system's page, whose address comes from the program counter (bcl to
 * the next instruction, LR kept in r0 meanwhile), not the TOC; r2 stays
 * the caller's. The compare goes to CR1, so that nothing sets CR0.SO
 * after it is cleared. It never fails. (The assembler has no PC-relative
 * low half for ld's displacement: the address is formed whole.)
 */

	.globl	__kernel_time
	.type	__kernel_time, @function
	.balign	16
__kernel_time:
	.cfi_startproc
	mflr	%r0
	.cfi_register DW_LR, 0
	bcl	20, 31, 1f
1:	mflr	%r11
	mtlr	%r0
	.cfi_restore DW_LR
	addis	%r11, %r11, (vdso_data_page_1 - 1b)@ha
	addi	%r11, %r11, (vdso_data_page_1 - 1b)@l
	ld	%r11, VDSO_REALTIME_SEC(%r11)
	cmpldi	%cr1, %r3, 0
	crclr	CR0_SO
	beq	%cr1, 2f
	std	%r11, 0(%r3)
2:	mr	%r3, %r11
	blr
	.cfi_endproc
	.size	__kernel_time, . - __kernel_time

/*
 * __vdso_chacha20_vmx(in, dst, n): __vdso_chacha20_vmx_blocks()
 * (vgetrandom-vmx.c), which runs on the AltiVec registers, with the
 * caller's v0-v19 saved before and restored after; the C function saves
 * any of v20-v31 it uses itself. Restoring them also clears ChaCha20's
 * state out of them. Called from C, with r2 set: a frame of the ELF ABI,
 * LR in the caller's save slot.
 */
#define VMX_SAVE	32
#define VMX_FRAME	(VMX_SAVE + 20 * 16)

	.globl	__vdso_chacha20_vmx
	.type	__vdso_chacha20_vmx, @function
	.balign	16
__vdso_chacha20_vmx:
	.cfi_startproc
	mflr	%r0
	std	%r0, 16(%r1)
	.cfi_offset DW_LR, 16
	stdu	%r1, -VMX_FRAME(%r1)
	.cfi_adjust_cfa_offset VMX_FRAME
	addi	%r11, %r1, VMX_SAVE
	.irp	v, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
	stvx	%v\v, 0, %r11
	addi	%r11, %r11, 16
	.endr
	bl	__vdso_chacha20_vmx_blocks
	nop
	addi	%r11, %r1, VMX_SAVE
	.irp	v, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
	lvx	%v\v, 0, %r11
	addi	%r11, %r11, 16
	.endr
	addi	%r1, %r1, VMX_FRAME
	.cfi_adjust_cfa_offset -VMX_FRAME
	ld	%r0, 16(%r1)
	mtlr	%r0
	.cfi_restore DW_LR
	blr
	.cfi_endproc
	.size	__vdso_chacha20_vmx, . - __vdso_chacha20_vmx

/*
 * The signal trampoline. To deliver a signal the kernel starts the task
 * at __kernel_start_sigtramp_rt64 with the handler in CTR and r12 and a
 * 128-byte frame (__SIGNAL_FRAMESIZE) pushed below the signal frame; the
 * handler returns to __kernel_sigtramp_rt64, which pops that frame and
 * calls rt_sigreturn.
 *
 * Unwinders know a signal frame by the three instructions at the return
 * address, and libgcc's own signal-frame code reads -21 * 8 as a marker
 * 32 bytes past it: all of this stays as it is, the return address
 * 8-byte aligned (hence the nop). Without an unwind entry covering it,
 * though, libgcc's unwinder (GCC 12's, at least) aborts here, so the
 * trampoline has one: a signal frame ("S") whose registers are where the
 * kernel saved them, found through the pointer in the sigcontext at
 * r1 + 128 + 168 + 56 (r1 is the kernel's value at both instructions).
 * The interrupted NIP is the return column, 67, which names no register
 * of its own.
 */
#define TRAMP_REGS	(128 + 168 + 56)	/* &uc.uc_mcontext.regs */
#define REGS_FPR	(48 * 8)		/* gp_regs, then fp_regs */
#define REGS_VREGS	((48 + 33) * 8)		/* then the v_regs pointer */
#define DW_RA		67
#define DW_LR		65
#define DW_CTR		66
#define DW_CR2		70			/* libgcc keeps all of CR there */
#define DW_F0		32
#define DW_V0		77
#define DW_VRSAVE	109

/* uleb128 of @v < 16384, as .cfi_escape bytes, after @bytes... */
.macro	uleb_escape v:req, bytes:vararg
.if (\v) < 128
	.cfi_escape \bytes, (\v)
.else
	.cfi_escape \bytes, ((\v) & 0x7f) | 0x80, (\v) >> 7
.endif
.endm

/* DW_OP_breg1 TRAMP_REGS; DW_OP_deref: the address of the saved GPRs */
#define OPS_REGS	0x71, (TRAMP_REGS & 0x7f) | 0x80, TRAMP_REGS >> 7, 0x06

/* column @col is saved at regs + @off: DW_CFA_expression */
.macro	saved_at col:req, off:req
.if (\off) < 128
	.cfi_escape 0x10, (\col), 6, OPS_REGS, 0x23, (\off)
.else
	uleb_escape \off, 0x10, (\col), 7, OPS_REGS, 0x23
.endif
.endm

/* vector register @n is saved at *(regs + REGS_VREGS) + 16 * @n */
.macro	vsaved_at col:req, n:req
.if 16 * (\n) < 128
	.cfi_escape 0x10, (\col), 10, OPS_REGS, 0x23, (REGS_VREGS & 0x7f) | 0x80, \
		REGS_VREGS >> 7, 0x06, 0x23, 16 * (\n)
.else
	uleb_escape 16 * (\n), 0x10, (\col), 11, OPS_REGS, 0x23, \
		(REGS_VREGS & 0x7f) | 0x80, REGS_VREGS >> 7, 0x06, 0x23
.endif
.endm

	.balign	8
	nop
	.cfi_startproc
	.cfi_signal_frame
	.cfi_return_column DW_RA
	/* CFA: the interrupted r1, regs->gpr[1] (DW_CFA_def_cfa_expression) */
	.cfi_escape 0x0f, 7, OPS_REGS, 0x23, 8, 0x06
	.set	n, 0
	.rept	32
	.if	n != 1
	saved_at n, 8 * n
	.endif
	saved_at DW_F0 + n, REGS_FPR + 8 * n
	vsaved_at DW_V0 + n, n
	.set	n, n + 1
	.endr
	saved_at DW_RA, 8 * 32		/* PT_NIP */
	saved_at DW_CTR, 8 * 35		/* PT_CTR */
	saved_at DW_LR, 8 * 36		/* PT_LNK */
	saved_at DW_CR2, 8 * 38		/* PT_CCR, low word */
	vsaved_at DW_VRSAVE, 33
	.globl	__kernel_start_sigtramp_rt64
	.type	__kernel_start_sigtramp_rt64, @function
__kernel_start_sigtramp_rt64:
	bctrl
	.globl	__kernel_sigtramp_rt64
	.type	__kernel_sigtramp_rt64, @function
__kernel_sigtramp_rt64:
	addi	%r1, %r1, 128
	li	%r0, __NR_rt_sigreturn
	sc
	.cfi_endproc
	.long	0
	.quad	0, 0, -21 * 8
	.size	__kernel_sigtramp_rt64, . - __kernel_sigtramp_rt64
	.size	__kernel_start_sigtramp_rt64, . - __kernel_start_sigtramp_rt64
