// SPDX-License-Identifier: GPL-2.0
/*
 * s390: the vDSO at boot and at execve.
 *
 * The images are lib/vdso's, mapped by lib/vdso/vma.c above the stack,
 * where STACK_TOP leaves room for them (asm/processor.h): the 64-bit one,
 * and for 31-bit tasks (COMPAT) the 31-bit one, which has only the
 * entries the kernel sends tasks to. This file says how much room, picks
 * the place, and keeps each CPU's number where the vDSO's getcpu() reads
 * it.
 */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/processor.h>
#include <linux/random.h>
#include <linux/smp.h>
#include <linux/compat.h>
#include <linux/fpu.h>
#include <asm/timex.h>
#include <asm/vdso.h>
#include <vdso/datapage.h>

VDSO_IMAGE_DEFINE(vdso64_image, vdso64);
#ifdef CONFIG_COMPAT
VDSO_IMAGE_DEFINE(vdso32_image, vdso32);
#endif

/* The current task's image */
static struct vdso_image *task_vdso_image(void)
{
#ifdef CONFIG_COMPAT
	if (is_compat_task())
		return &vdso32_image;
#endif
	return &vdso64_image;
}

/*
 * Each CPU's number in its TOD programmable field, which the vDSO's
 * getcpu() reads (arch/s390/kernel/vdso64/entry.S). Called on each CPU as
 * it comes up (smp.c), the boot CPU first.
 */
int vdso_getcpu_init(void)
{
	set_tod_programmable_field(smp_processor_id());
	return 0;
}
early_initcall(vdso_getcpu_init);

/*
 * The current task's image's pages, from its labels: STACK_TOP needs it
 * before vdso_init() has run
 */
unsigned long vdso_text_size(void)
{
	const struct vdso_image *image = task_vdso_image();

	return PAGE_ALIGN(image->end - image->text);
}

/* [vvar] and [vdso] together */
unsigned long vdso_size(void)
{
	return VDSO_DATA_SIZE + vdso_text_size();
}

/*
 * Where [vvar] starts: VDSO_BASE, right above the stack, or with address
 * space randomisation a random page from the top of the stack up to the
 * next PMD boundary, so that the two share their page table.
 */
static unsigned long vdso_place(void)
{
	unsigned long size = vdso_size(), lo, hi;

	if (!(current->flags & PF_RANDOMIZE))
		return VDSO_BASE;
	lo = PAGE_ALIGN(current->mm->start_stack + PAGE_SIZE);
	hi = min(ALIGN(lo + size, PMD_SIZE), VDSO_BASE);
	if (hi < lo + size)
		return lo;
	return lo + ((unsigned long)get_random_u32_below(((hi - size - lo) >> PAGE_SHIFT) + 1)
		     << PAGE_SHIFT);
}

static int __init vdso_init(void)
{
	/* getrandom()'s ChaCha20 on the vector registers, where there are some */
	vdso_k_arch_page.data.vector = cpu_has_vx();
#ifdef CONFIG_COMPAT
	int ret = vdso_image_init(&vdso32_image);

	if (ret)
		return ret;
#endif
	return vdso_image_init(&vdso64_image);
}
arch_initcall(vdso_init);

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	return vdso_map(current->mm, task_vdso_image(), vdso_place());
}
