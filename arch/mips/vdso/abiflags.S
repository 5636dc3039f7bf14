/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The image's MIPS ABI flags (PT_MIPS_ABIFLAGS), written out by hand.
 *
 * The dynamic loader refuses to load a library whose floating-point ABI
 * does not match the objects already loaded, the vDSO among them. The
 * assembler would describe the kernel's own soft-float objects; the vDSO
 * has no floating point and must load into any process, so it claims
 * the floating-point ABI "any" and no FP registers. vdso.lds.S discards
 * the assembler's sections and keeps this one.
 */

/* Elf_MIPS_ABIFlags_v0 (see the MIPS ELF psABI supplement) */
	.section .vdso_abiflags, "a"
	.balign	8
	.hword	0			/* version */
	.byte	__mips			/* isa_level: 32 or 64 */
#ifdef __mips_isa_rev
	.byte	__mips_isa_rev		/* isa_rev */
#else
	.byte	0
#endif
#if _MIPS_SIM == _MIPS_SIM_ABI32
	.byte	1			/* gpr_size: AFL_REG_32 */
#else
	.byte	2			/* gpr_size: AFL_REG_64 */
#endif
	.byte	0			/* cpr1_size: AFL_REG_NONE */
	.byte	0			/* cpr2_size: AFL_REG_NONE */
	.byte	0			/* fp_abi: Val_GNU_MIPS_ABI_FP_ANY */
	.word	0			/* isa_ext */
	.word	0			/* ases */
	.word	0			/* flags1 */
	.word	0			/* flags2 */
