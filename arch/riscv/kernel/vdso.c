// SPDX-License-Identifier: GPL-2.0
/*
 * riscv: setting up the vDSO image at boot and mapping it at execve. The
 * mapping itself is generic (lib/vdso/vma.c); the kernel's alternatives
 * code patches the image (apply_vdso_alternatives()).
 */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <asm/vdso.h>

VDSO_IMAGE_DEFINE(vdso_image, vdso);

static int __init vdso_init(void)
{
	return vdso_image_init(&vdso_image);
}
arch_initcall(vdso_init);

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	return vdso_map(current->mm, &vdso_image, 0);
}
