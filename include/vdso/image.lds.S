/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layout every vDSO image shares, included by each architecture's
 * linker script after its OUTPUT_FORMAT and before its VERSION node.
 *
 * One PT_LOAD, read and execute, from file offset 0: the image is mapped
 * as it is in the file and never relocated. The data pages ([vvar]) sit
 * right below it; vdso_data_area is their address as the code sees it.
 * An architecture with sections of its own to keep (x86's alternatives)
 * defines VDSO_ARCH_SECTIONS before including this file, and
 * VDSO_ARCH_PHDRS for their program headers (mips' ABI flags); one
 * whose unwind tables are not DWARF's .eh_frame (arm's .ARM.exidx)
 * defines VDSO_UNWIND_PHDRS and VDSO_UNWIND_SECTIONS.
 *
 * .eh_frame ends with a zero length word, as a linked program's does
 * (crtend.o's), so that a program can hand the image's unwind tables to
 * __register_frame() when the image is somewhere its C library does not
 * know: after mremap() of [vdso].
 */
#include <vdso/datapage.h>

#ifndef VDSO_ARCH_SECTIONS
#define VDSO_ARCH_SECTIONS
#endif

#ifndef VDSO_ARCH_PHDRS
#define VDSO_ARCH_PHDRS
#endif

#ifndef VDSO_UNWIND_SECTIONS
#define VDSO_UNWIND_PHDRS						\
	eh_frame_hdr	PT_GNU_EH_FRAME	FLAGS(4);
#define VDSO_UNWIND_SECTIONS						\
	.eh_frame_hdr	: { *(.eh_frame_hdr) }		:text	:eh_frame_hdr \
	.eh_frame	: { KEEP(*(.eh_frame)) LONG(0) }	:text
#endif

PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;	/* R + X */
	dynamic		PT_DYNAMIC	FLAGS(4);		/* R */
	note		PT_NOTE		FLAGS(4);
	VDSO_UNWIND_PHDRS
	VDSO_ARCH_PHDRS
}

SECTIONS
{
	PROVIDE_HIDDEN(vdso_data_area = . - VDSO_DATA_SIZE);
	/* each page by a name of its own, for a glue's vdso_data_page() */
	PROVIDE_HIDDEN(vdso_data_page_0 = vdso_data_area + 0 * VDSO_PAGE_SIZE);
	PROVIDE_HIDDEN(vdso_data_page_1 = vdso_data_area + 1 * VDSO_PAGE_SIZE);
	PROVIDE_HIDDEN(vdso_data_page_2 = vdso_data_area + 2 * VDSO_PAGE_SIZE);
	PROVIDE_HIDDEN(vdso_data_page_3 = vdso_data_area + 3 * VDSO_PAGE_SIZE);

	. = SIZEOF_HEADERS;

	/*
	 * First, as the first pattern that names an input section wins.
	 * .note.gnu.property (x86's CET marking, from -fcf-protection) is
	 * 8-byte aligned in a 64-bit object: in .note next to the 4-byte
	 * aligned build id it would make the segment's notes unreadable to
	 * anyone who walks them at the segment's alignment (readelf, perf,
	 * gdb), and nothing reads it from the vDSO.
	 */
	/DISCARD/ : {
		*(.discard .discard.*)
		*(.note.GNU-stack)
		*(.note.gnu.property)
		*(.comment)
	}

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.dynamic	: { *(.dynamic) }		:text	:dynamic
	.gnu.version	: { *(.gnu.version) }		:text
	.gnu.version_d	: { *(.gnu.version_d) }

	.rodata		: { *(.rodata .rodata.*) }

	.note		: { *(.note.*) }		:text	:note

	VDSO_UNWIND_SECTIONS

	.text		: { *(.text .text.*) }		:text

	VDSO_ARCH_SECTIONS
}
