/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A vDSO image built into the kernel, and mapping it into a process.
 *
 * The architecture embeds its linked image between two page-aligned
 * labels (VDSO_IMAGE_DEFINE() below), calls vdso_image_init() once at boot and
 * vdso_map() at execve. lib/vdso/vma.c does the rest: [vvar] below the
 * text, the time namespace pages, mremap() of the text.
 *
 * asm/vdso.h supplies arch_vdso_set_base(mm, base), told where the image
 * is whenever it is mapped or moved, and may define arch_vdso_unmap(mm,
 * start), told when the image at @start goes away.
 */
#ifndef __VDSO_IMAGE_H
#define __VDSO_IMAGE_H

#ifndef __ASSEMBLY__

#include <linux/mm_types.h>

/**
 * struct vdso_image - a vDSO image and its [vdso] mapping
 * @text:    the image, page aligned
 * @end:     its end, page aligned
 * @size:    @end - @text, set up by vdso_image_init()
 * @pages:   @text's pages and a NULL, set up by vdso_image_init()
 * @mapping: the special mapping user space sees as [vdso]
 */
struct vdso_image {
	u8 *text;
	u8 *end;
	unsigned long size;
	struct page **pages;
	struct vm_special_mapping mapping;
};

/*
 * VDSO_IMAGE_DEFINE() - define @var, the image lib/vdso/image.S embedded
 * between the labels <name>_start and <name>_end
 */
#define VDSO_IMAGE_DEFINE(var, name)				\
	extern char name##_start[], name##_end[];		\
	struct vdso_image var = {				\
		.text = (u8 *)name##_start,			\
		.end = (u8 *)name##_end,			\
	}

int vdso_image_init(struct vdso_image *image);
int vdso_install(struct mm_struct *mm, const struct vdso_image *image,
		 unsigned long addr);
int vdso_map(struct mm_struct *mm, const struct vdso_image *image,
	     unsigned long hint);
bool vdso_is_mapped(struct mm_struct *mm);

#ifdef CONFIG_HAVE_VDSO_ARCH_PAGES
/**
 * vdso_arch_vvar_fault() - map one of the architecture's own [vvar] pages
 * @vma:  the [vvar] mapping
 * @vmf:  the fault
 * @page: which page: VDSO_PAGE_ARCH_OWN up to VDSO_DATA_PAGES - 1
 *
 * Supplied by an architecture that selects HAVE_VDSO_ARCH_PAGES.
 *
 * Return: what vmf_insert_pfn() returns, or VM_FAULT_SIGBUS for a page
 * that has nothing behind it on this system.
 */
vm_fault_t vdso_arch_vvar_fault(struct vm_area_struct *vma,
				struct vm_fault *vmf, unsigned long page);
#endif

#endif /* !__ASSEMBLY__ */

#endif /* __VDSO_IMAGE_H */
