// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64: setting up the vDSO image at boot and mapping it at execve.
 * The mapping itself is generic (lib/vdso/vma.c).
 */
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/alternative.h>
#include <asm/clocksource.h>
#include <asm/elf.h>
#include <asm/vdso.h>

/* Which vDSO clock modes have been in use: see vclock_was_used() */
unsigned int vclocks_used __read_mostly;

/* vdso=0 on the command line leaves processes without a vDSO. */
unsigned int vdso64_enabled __read_mostly = 1;

static int __init vdso_setup(char *s)
{
	return kstrtouint(s, 0, &vdso64_enabled) == 0;
}
__setup("vdso=", vdso_setup);

VDSO_IMAGE_DEFINE(vdso_image_64, vdso64);

/* Patch the image's alternatives for this CPU, as the kernel's own. */
static void __init vdso_apply_alternatives(const struct vdso_image *image)
{
	const struct elf64_hdr *eh = (const void *)image->text;
	const struct elf64_shdr *sh = (const void *)(image->text + eh->e_shoff);
	const char *names = (const char *)image->text + sh[eh->e_shstrndx].sh_offset;
	unsigned int i;

	for (i = 0; i < eh->e_shnum; i++) {
		u8 *start = image->text + sh[i].sh_offset;

		if (strcmp(names + sh[i].sh_name, ".altinstructions"))
			continue;
		apply_alternatives((struct alt_instr *)start,
				   (struct alt_instr *)(start + sh[i].sh_size));
	}
}

static int __init vdso_init(void)
{
	vdso_apply_alternatives(&vdso_image_64);
	return vdso_image_init(&vdso_image_64);
}
subsys_initcall(vdso_init);

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	if (!vdso64_enabled)
		return 0;
	return vdso_map(current->mm, &vdso_image_64, 0);
}

/**
 * map_vdso_once() - map a vDSO into a process that has none (CRIU)
 * @image: the image
 * @addr:  where its [vvar] must start
 *
 * Return: 0, -EEXIST when the process has a vDSO, or another error.
 */
int map_vdso_once(const struct vdso_image *image, unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	bool mapped;

	if (mmap_read_lock_killable(mm))
		return -EINTR;
	mapped = vdso_is_mapped(mm);
	mmap_read_unlock(mm);
	if (mapped)
		return -EEXIST;
	return vdso_map(mm, image, addr);
}

/*
 * Syscall User Dispatch lets signal returns through: 64-bit tasks return
 * through their own SA_RESTORER code, and there is no 32-bit vDSO whose
 * sigreturn could be the caller.
 */
bool arch_syscall_is_vdso_sigreturn(struct pt_regs *regs)
{
	return false;
}
