// SPDX-License-Identifier: GPL-2.0
/*
 * mips: the vDSO at boot and at execve.
 *
 * The image (n64, or o32 on a 32-bit kernel) is lib/vdso's, mapped by
 * lib/vdso/vma.c right above the stack, in the room mips_stack_top()
 * leaves for it. There is no other way back from a signal handler on
 * mips (no SA_RESTORER, no trampoline on the stack): every process gets
 * the image.
 */
#include <linux/binfmts.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/processor.h>
#include <linux/random.h>
#include <asm/abi.h>
#include <asm/cpu-features.h>
#include <asm/mips-cps.h>
#include <asm/page.h>
#include <asm/vdso.h>
#include <generated/vdso-offsets.h>
#include <vdso/datapage.h>

VDSO_IMAGE_DEFINE(vdso_n64_image, vdso);

struct mips_vdso_image vdso_image = {
	.image = &vdso_n64_image,
	.off_rt_sigreturn = vdso_offset_rt_sigreturn,
#ifdef CONFIG_32BIT
	.off_sigreturn = vdso_offset_sigreturn,
#endif
};

static int __init vdso_init(void)
{
	int ret = vdso_image_init(&vdso_n64_image);

	if (ret)
		return ret;
	vdso_image.size = VDSO_DATA_SIZE + vdso_n64_image.size;
	return 0;
}
arch_initcall(vdso_init);

#ifdef CONFIG_HAVE_VDSO_ARCH_PAGES
/*
 * The GIC's user-mode visible section, uncached, wherever there is a GIC:
 * only then can its clocksource, and so the vDSO's GIC mode, exist.
 */
vm_fault_t vdso_arch_vvar_fault(struct vm_area_struct *vma,
				struct vm_fault *vmf, unsigned long page)
{
	if (page == VDSO_PAGE_GIC && mips_gic_present())
		return vmf_insert_pfn_prot(vma, vmf->address,
					   PHYS_PFN(mips_gic_phys_base + MIPS_GIC_USER_OFS),
					   pgprot_noncached(vma->vm_page_prot));
	return VM_FAULT_SIGBUS;
}
#endif

/*
 * Above the stack: past the page the FP emulation runs branch delay slots
 * in, and with address space randomisation at a random page within
 * VDSO_RANDOMIZE_SIZE, all of which mips_stack_top() left room for.
 *
 * Where the data cache aliases, a page read through an address of
 * another colour than the one the kernel writes it through can be
 * served stale lines: [vvar] starts at the colour of the time page, the
 * page the kernel rewrites at every tick (mips_stack_top() keeps room for
 * this too). The getrandom and time namespace pages, rewritten seldom or
 * never, do not get their colours matched (see Documentation/vdso).
 */
static unsigned long vdso_place(void)
{
	unsigned long base = STACK_TOP;

	if (IS_ENABLED(CONFIG_MIPS_FP_SUPPORT))
		base += PAGE_SIZE;
	if (current->flags & PF_RANDOMIZE)
		base += (unsigned long)get_random_u32_below(VDSO_RANDOMIZE_SIZE >> PAGE_SHIFT)
			<< PAGE_SHIFT;
	base = PAGE_ALIGN(base);
	if (cpu_has_dc_aliases) {
		base = ALIGN(base, shm_align_mask + 1);
		base += (unsigned long)&vdso_k_time_page & shm_align_mask;
	}
	return base;
}

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	return vdso_map(current->mm, current->thread.abi->vdso->image, vdso_place());
}
