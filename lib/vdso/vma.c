// SPDX-License-Identifier: GPL-2.0
/*
 * Mapping the vDSO into a process: the same for every architecture.
 *
 * The layout, from low addresses up:
 *
 *   [vvar]  VDSO_DATA_PAGES pages, read-only, never executable
 *   [vdso]  the image, read and execute
 *
 * The image finds the data at a fixed distance below its own start (its
 * linker script says where), so the two are always mapped together.
 * [vvar] pages are inserted on fault, which is how a task in a time
 * namespace gets its namespace's page in place of the time page.
 */
#include <linux/err.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/time_namespace.h>
#include <asm/vdso.h>
#include <vdso/datapage.h>
#include <vdso/image.h>

static unsigned long vdso_time_pfn(void)
{
	return PHYS_PFN(__pa_symbol(&vdso_k_time_page));
}

static unsigned long vdso_rng_pfn(void)
{
	return PHYS_PFN(__pa_symbol(&vdso_k_rng_page));
}

#ifdef CONFIG_ARCH_HAS_VDSO_DATA
union vdso_arch_page vdso_k_arch_page __page_aligned_data;
#endif

static vm_fault_t vdso_vvar_fault(const struct vm_special_mapping *sm,
				  struct vm_area_struct *vma,
				  struct vm_fault *vmf)
{
	struct page *timens = find_timens_vvar_page(vma);
	unsigned long pfn;

	switch (vmf->pgoff) {
	case VDSO_PAGE_TIME:
		pfn = timens ? page_to_pfn(timens) : vdso_time_pfn();
		break;
	case VDSO_PAGE_TIMENS:
		/* the system's data, in a namespace or not (vdso/datapage.h) */
		pfn = vdso_time_pfn();
		break;
	case VDSO_PAGE_RNG:
		if (!IS_ENABLED(CONFIG_VDSO_GETRANDOM))
			return VM_FAULT_SIGBUS;
		pfn = vdso_rng_pfn();
		break;
#ifdef CONFIG_ARCH_HAS_VDSO_DATA
	case VDSO_PAGE_ARCH:
		pfn = PHYS_PFN(__pa_symbol(&vdso_k_arch_page));
		break;
#endif
	default:
#ifdef CONFIG_HAVE_VDSO_ARCH_PAGES
		if (vmf->pgoff >= VDSO_PAGE_ARCH_OWN && vmf->pgoff < VDSO_DATA_PAGES)
			return vdso_arch_vvar_fault(vma, vmf, vmf->pgoff);
#endif
		return VM_FAULT_SIGBUS;
	}
	return vmf_insert_pfn(vma, vmf->address, pfn);
}

/*
 * [vvar] may move only whole: the image finds it at a fixed offset below
 * itself, so whoever moves one (CRIU restoring a process) moves both.
 */
static int vdso_vvar_mremap(const struct vm_special_mapping *sm,
			    struct vm_area_struct *new_vma)
{
	if (new_vma->vm_end - new_vma->vm_start != VDSO_DATA_SIZE)
		return -EINVAL;
	return 0;
}

static const struct vm_special_mapping vdso_vvar_mapping = {
	.name = "[vvar]",
	.fault = vdso_vvar_fault,
	.mremap = vdso_vvar_mremap,
};

static int vdso_text_mremap(const struct vm_special_mapping *sm,
			    struct vm_area_struct *new_vma)
{
	const struct vdso_image *image =
		container_of(sm, struct vdso_image, mapping);

	if (new_vma->vm_end - new_vma->vm_start != image->size)
		return -EINVAL;
	arch_vdso_set_base(new_vma->vm_mm, new_vma->vm_start);
	return 0;
}

#ifdef arch_vdso_unmap
/*
 * The image unmapped, or left behind by mremap(): an architecture whose
 * kernel code finds the image through the mm (powerpc's signal delivery)
 * forgets it, unless it has moved.
 */
static void vdso_text_close(const struct vm_special_mapping *sm,
			    struct vm_area_struct *vma)
{
	arch_vdso_unmap(vma->vm_mm, vma->vm_start);
}
#endif

/**
 * vdso_image_init() - prepare an image for mapping
 * @image: the image, as VDSO_IMAGE_DEFINE() describes it
 *
 * Return: 0, or -ENOMEM.
 */
int __init vdso_image_init(struct vdso_image *image)
{
	unsigned long i, npages;

	image->size = image->end - image->text;
	npages = image->size >> PAGE_SHIFT;

	image->pages = kcalloc(npages + 1, sizeof(*image->pages), GFP_KERNEL);
	if (!image->pages)
		return -ENOMEM;
	for (i = 0; i < npages; i++)
		image->pages[i] = pfn_to_page(PHYS_PFN(__pa_symbol(image->text)) + i);

	image->mapping.name = "[vdso]";
	image->mapping.pages = image->pages;
	image->mapping.mremap = vdso_text_mremap;
#ifdef arch_vdso_unmap
	image->mapping.close = vdso_text_close;
#endif
	return 0;
}

/**
 * vdso_install() - map [vvar] and an image at a place already chosen
 * @mm:    the address space, with mmap_lock held for writing
 * @image: the image, set up by vdso_image_init()
 * @addr:  where [vvar] starts; VDSO_DATA_SIZE + @image->size bytes from
 *         there must be free
 *
 * For an architecture that places more of its own next to the vDSO
 * (arm's [sigpage]); the others call vdso_map().
 *
 * Return: 0, or a negative error code.
 */
int vdso_install(struct mm_struct *mm, const struct vdso_image *image,
		 unsigned long addr)
{
	struct vm_area_struct *vma;

	vma = _install_special_mapping(mm, addr, VDSO_DATA_SIZE,
				       VM_READ | VM_MAYREAD | VM_IO |
				       VM_DONTDUMP | VM_PFNMAP,
				       &vdso_vvar_mapping);
	if (IS_ERR(vma))
		return PTR_ERR(vma);

	vma = _install_special_mapping(mm, addr + VDSO_DATA_SIZE, image->size,
				       VM_READ | VM_EXEC | VM_MAYREAD |
				       VM_MAYWRITE | VM_MAYEXEC,
				       &image->mapping);
	if (IS_ERR(vma)) {
		do_munmap(mm, addr, VDSO_DATA_SIZE, NULL);
		return PTR_ERR(vma);
	}
	arch_vdso_set_base(mm, addr + VDSO_DATA_SIZE);
	return 0;
}

/**
 * vdso_map() - map [vvar] and an image into @mm
 * @mm:    the address space, not locked by the caller
 * @image: the image, set up by vdso_image_init()
 * @hint:  where the mapping should start, or 0 for anywhere
 *
 * Return: 0, or a negative error code.
 */
int vdso_map(struct mm_struct *mm, const struct vdso_image *image,
	     unsigned long hint)
{
	unsigned long addr;
	int ret;

	if (mmap_write_lock_killable(mm))
		return -EINTR;

	addr = get_unmapped_area(NULL, hint, VDSO_DATA_SIZE + image->size, 0, 0);
	if (IS_ERR_VALUE(addr))
		ret = addr;
	else
		ret = vdso_install(mm, image, addr);

	mmap_write_unlock(mm);
	return ret;
}

/* The [vvar] mapping of @mm, locked by the caller, or NULL */
static struct vm_area_struct *vdso_vvar_vma(struct mm_struct *mm)
{
	struct vm_area_struct *vma;

	VMA_ITERATOR(vmi, mm, 0);
	for_each_vma(vmi, vma) {
		if (vma_is_special_mapping(vma, &vdso_vvar_mapping))
			return vma;
	}
	return NULL;
}

/**
 * vdso_is_mapped() - does @mm have a vDSO already?
 * @mm: the address space, locked by the caller
 */
bool vdso_is_mapped(struct mm_struct *mm)
{
	return !!vdso_vvar_vma(mm);
}

#ifdef CONFIG_TIME_NS
/**
 * vdso_join_timens() - make @task's [vvar] follow its new time namespace
 * @task: a task entering @ns
 * @ns:   the namespace
 *
 * Drops the [vvar] pages; the next access faults in the namespace's.
 *
 * Return: 0.
 */
int vdso_join_timens(struct task_struct *task, struct time_namespace *ns)
{
	struct vm_area_struct *vvar;

	mmap_read_lock(task->mm);
	vvar = vdso_vvar_vma(task->mm);
	if (vvar)
		zap_vma_pages(vvar);
	mmap_read_unlock(task->mm);
	return 0;
}
#endif
