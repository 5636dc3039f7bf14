/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a 32-bit signal handler installed without SA_RESTORER returns:
 * the kernel points the handler's return address at __kernel_sigreturn
 * or __kernel_rt_sigreturn (arch/x86/kernel/signal_32.c).
 *
 * Their instructions are an ABI of their own: libgcc's unwinder and gdb
 * recognise a signal frame by these exact bytes, the ones the kernel
 * also writes into the frame's retcode:
 *   sigreturn:    58 b8 77 00 00 00 cd 80   popl %eax; movl $119, %eax;
 *                                           int $0x80
 *   rt_sigreturn: b8 ad 00 00 00 cd 80      movl $173, %eax; int $0x80
 *
 * They also carry unwind tables that say so (augmentation "S"), which
 * find the interrupted registers in the frame's struct sigcontext_32.
 * A caller's unwinder looks up the return address less one: each table
 * starts at a nop placed right before its entry.
 *
 * The landing pads are where the kernel sees the sigreturn system call
 * come from: Syscall User Dispatch lets those through.
 */
#include <linux/linkage.h>
#include <asm/unistd_32_ia32.h>

/* DWARF numbers of the i386 registers */
#define DW_EAX	0
#define DW_ECX	1
#define DW_EDX	2
#define DW_EBX	3
#define DW_EBP	5
#define DW_ESI	6
#define DW_EDI	7
#define DW_EIP	8

/* struct sigcontext_32, by field */
#define SC_EDI	16
#define SC_ESI	20
#define SC_EBP	24
#define SC_ESP	28
#define SC_EBX	32
#define SC_EDX	36
#define SC_ECX	40
#define SC_EAX	44
#define SC_EIP	56

/*
 * Where struct sigcontext_32 is, from the stack pointer when the handler
 * has returned (ESP at the signal number, its return address popped):
 * struct sigframe_ia32 has it right after the number; struct
 * rt_sigframe_ia32 has the number, pinfo and puc (12 bytes), the 128
 * bytes of siginfo, then uc_flags, uc_link and uc_stack (20 bytes) of
 * the ucontext before uc_mcontext.
 */
#define SIGFRAME_SC	4
#define RT_SIGFRAME_SC	160
/* and once __kernel_sigreturn has popped the number */
#define SIGFRAME_SC_POPPED 0

/*
 * DW_OP_breg4 (ESP plus an offset), the offset as a two-byte SLEB128:
 * a longer form than needed below 64, which DWARF allows; right for
 * offsets below 8192.
 */
#define ESP_PLUS(off)	0x74, (((off) & 0x7f) | 0x80), (((off) >> 7) & 0x7f)

/* the caller's register @reg is at @sc + @field, from ESP */
.macro	saved reg, sc, field
	.cfi_escape 0x10, \reg, 3, ESP_PLUS(\sc + \field)	/* DW_CFA_expression */
.endm

/* the whole frame, with the sigcontext at ESP + @sc */
.macro	sigframe sc
	/* DW_CFA_def_cfa_expression: CFA = *(ESP + sc + SC_ESP) */
	.cfi_escape 0x0f, 4, ESP_PLUS(\sc + SC_ESP), 0x06
	saved	DW_EAX, \sc, SC_EAX
	saved	DW_ECX, \sc, SC_ECX
	saved	DW_EDX, \sc, SC_EDX
	saved	DW_EBX, \sc, SC_EBX
	saved	DW_EBP, \sc, SC_EBP
	saved	DW_ESI, \sc, SC_ESI
	saved	DW_EDI, \sc, SC_EDI
	saved	DW_EIP, \sc, SC_EIP
.endm

	.text
	.globl	__kernel_sigreturn
	.type	__kernel_sigreturn, @function
	.p2align 4
	.cfi_startproc simple
	.cfi_signal_frame
	sigframe SIGFRAME_SC
	nop
__kernel_sigreturn:
	popl	%eax
	sigframe SIGFRAME_SC_POPPED
	movl	$__NR_ia32_sigreturn, %eax
	int	$0x80
vdso32_sigreturn_landing_pad:
	.cfi_endproc
	.size	__kernel_sigreturn, . - __kernel_sigreturn

	.globl	__kernel_rt_sigreturn
	.type	__kernel_rt_sigreturn, @function
	.p2align 4
	.cfi_startproc simple
	.cfi_signal_frame
	sigframe RT_SIGFRAME_SC
	nop
__kernel_rt_sigreturn:
	movl	$__NR_ia32_rt_sigreturn, %eax
	int	$0x80
vdso32_rt_sigreturn_landing_pad:
	.cfi_endproc
	.size	__kernel_rt_sigreturn, . - __kernel_rt_sigreturn
