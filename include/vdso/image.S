/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Embeds a linked vDSO image in the kernel, page aligned, between the
 * labels VDSO_NAME_start and VDSO_NAME_end (see VDSO_IMAGE_DEFINE()).
 *
 * Built by lib/vdso/image.mk with VDSO_NAME and VDSO_FILE defined, or
 * included by an architecture's own file that defines them. The image
 * sits in data that is writable until the end of boot, so that an
 * architecture can patch it (x86 and arm64 apply their alternatives).
 */
#include <linux/linkage.h>
#include <vdso/page.h>

#define VDSO_LABEL2(name, suffix)	name ## suffix
#define VDSO_LABEL(name, suffix)	VDSO_LABEL2(name, suffix)

	.section ".data..ro_after_init", "aw"
	.balign VDSO_PAGE_SIZE
	.globl VDSO_LABEL(VDSO_NAME, _start)
VDSO_LABEL(VDSO_NAME, _start):
	.incbin VDSO_FILE
	.balign VDSO_PAGE_SIZE
	.globl VDSO_LABEL(VDSO_NAME, _end)
VDSO_LABEL(VDSO_NAME, _end):
	.previous
