/* SPDX-License-Identifier: GPL-2.0 */
/*
 * __kernel_vsyscall: the system call entry of 32-bit processes, which
 * the kernel announces in AT_SYSINFO and as the image's ELF entry point.
 * The C libraries call it for every system call as they would execute
 * "int $0x80": the number in EAX, the arguments in EBX, ECX, EDX, ESI,
 * EDI and EBP, the result in EAX, every other register kept.
 *
 * Where the CPU has a faster entry the kernel patches it in at boot:
 * SYSENTER (which does not save the user's EIP or ESP, so ESP goes in
 * EBP) or SYSCALL (which takes ECX for the return address, so the second
 * argument goes in EBP). Either way the kernel finds the sixth argument
 * at the top of the user's stack, where EBP was pushed, and returns to
 * int80_landing_pad, from which the system call can also be restarted:
 * the two bytes before it are an "int $0x80". SYSEXIT and SYSRET take
 * ECX and EDX, which is why those are saved here too.
 * arch/x86/entry/entry_64_compat.S and do_fast_syscall_32() hold the
 * kernel's side of these rules.
 */
#include <linux/linkage.h>
#include <asm/alternative.h>
#include <asm/cpufeatures.h>

	.text
	.globl	__kernel_vsyscall
	.type	__kernel_vsyscall, @function
	.p2align 4
__kernel_vsyscall:
	.cfi_startproc
	pushl	%ecx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ecx, 0
	pushl	%edx
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset edx, 0
	pushl	%ebp
	.cfi_adjust_cfa_offset 4
	.cfi_rel_offset ebp, 0

	ALTERNATIVE_2 "", "movl %esp, %ebp; sysenter", X86_FEATURE_SYSENTER32, \
			  "movl %ecx, %ebp; syscall", X86_FEATURE_SYSCALL32
	int	$0x80
int80_landing_pad:
	popl	%ebp
	.cfi_adjust_cfa_offset -4
	.cfi_restore ebp
	popl	%edx
	.cfi_adjust_cfa_offset -4
	.cfi_restore edx
	popl	%ecx
	.cfi_adjust_cfa_offset -4
	.cfi_restore ecx
	ret
	.cfi_endproc
	.size	__kernel_vsyscall, . - __kernel_vsyscall
