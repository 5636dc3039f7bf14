// SPDX-License-Identifier: GPL-2.0
/*
 * arm64: setting up the vDSO images at boot and mapping them at execve.
 * The mapping itself is generic (lib/vdso/vma.c); the kernel's
 * alternatives code patches the 64-bit image (apply_alternatives_vdso()).
 *
 * An AArch32 task gets what a 32-bit arm kernel would give it: the kuser
 * helpers in [vectors] at 0xffff0000, arm's vDSO image (built by
 * vdso32/) and the signal return code in [sigpage].
 */
#include <linux/binfmts.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/processor.h>
#include <linux/string.h>
#include <asm/cacheflush.h>
#include <asm/vdso.h>

VDSO_IMAGE_DEFINE(vdso_image, vdso);

#ifdef CONFIG_COMPAT_VDSO
VDSO_IMAGE_DEFINE(vdso32_image, vdso32);
#endif

#ifdef CONFIG_COMPAT
static int __init aarch32_init(void);
#else
static inline int aarch32_init(void) { return 0; }
#endif

static int __init vdso_init(void)
{
	int ret = aarch32_init();

	if (ret)
		return ret;
#ifdef CONFIG_COMPAT_VDSO
	ret = vdso_image_init(&vdso32_image);
	if (ret)
		return ret;
#endif
	return vdso_image_init(&vdso_image);
}
arch_initcall(vdso_init);

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	return vdso_map(current->mm, &vdso_image, 0);
}

#ifdef CONFIG_COMPAT
/* The kernel remembers where the signal return code went (signal32.c). */
static int a32_sigret_moved(const struct vm_special_mapping *sm,
			    struct vm_area_struct *vma)
{
	vma->vm_mm->context.sigpage = (void *)vma->vm_start;
	return 0;
}

/*
 * The special mappings, by the names user space knows them by; each has
 * one page, filled at boot. A NULL page means "not provided".
 */
static struct page *a32_kuser_page[2] __ro_after_init;
static struct page *a32_sigret_page[2] __ro_after_init;

static const struct vm_special_mapping a32_kuser = { .name = "[vectors]", .pages = a32_kuser_page };
static const struct vm_special_mapping a32_sigret = { .name = "[sigpage]", .pages = a32_sigret_page,
						      .mremap = a32_sigret_moved };

/* An undefined instruction in either instruction set: the page's filler */
#define A32_UNDEF	0xe7fddef1

/*
 * A new page holding the code between @start and @end, at its top (the
 * kuser helpers, whose addresses count down from 0xffff1000) over zeroes,
 * or at its bottom over undefined instructions (the signal return code).
 */
static struct page *__init a32_code_page(const char *start, const char *end,
					 bool top)
{
	size_t len = end - start;
	u32 *va;

	if (WARN_ON(len > PAGE_SIZE))
		return NULL;
	va = (u32 *)get_zeroed_page(GFP_KERNEL);
	if (!va)
		return NULL;
	if (top) {
		memcpy((u8 *)va + PAGE_SIZE - len, start, len);
	} else {
		memset32(va, A32_UNDEF, PAGE_SIZE / sizeof(*va));
		memcpy(va, start, len);
	}
	/* user space executes it: the next mapping makes it coherent */
	flush_dcache_page(virt_to_page(va));
	return virt_to_page(va);
}

static int __init aarch32_init(void)
{
	if (IS_ENABLED(CONFIG_KUSER_HELPERS)) {
		a32_kuser_page[0] = a32_code_page(__kuser_helper_start,
						  __kuser_helper_end, true);
		if (!a32_kuser_page[0])
			return -ENOMEM;
	}
	a32_sigret_page[0] = a32_code_page(__aarch32_sigret_code_start,
					   __aarch32_sigret_code_end, false);
	return a32_sigret_page[0] ? 0 : -ENOMEM;
}

/* Map @sm's page at @addr, or anywhere when @addr is 0; return where */
static unsigned long a32_map(struct mm_struct *mm,
			     const struct vm_special_mapping *sm,
			     unsigned long addr, unsigned long flags)
{
	void *vma;

	if (mmap_write_lock_killable(mm))
		return -EINTR;
	if (!addr)
		addr = get_unmapped_area(NULL, 0, PAGE_SIZE, 0, 0);
	if (!IS_ERR_VALUE(addr)) {
		vma = _install_special_mapping(mm, addr, PAGE_SIZE,
					       VM_READ | VM_EXEC | VM_MAYREAD |
					       VM_MAYEXEC | flags, sm);
		if (IS_ERR(vma))
			addr = PTR_ERR(vma);
		else if (sm == &a32_sigret)
			mm->context.sigpage = (void *)addr;
	}
	mmap_write_unlock(mm);
	return addr;
}

/**
 * aarch32_setup_additional_pages() - what an AArch32 task gets at execve
 * @bprm:        the program being executed
 * @uses_interp: whether it has a program interpreter
 *
 * The kuser helpers at their fixed address (read and execute only, not
 * even a debugger may write them), the vDSO, and the signal return code
 * (which a debugger may write its breakpoints into, in its own copy).
 *
 * Return: 0, or a negative error code.
 */
int aarch32_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr;
	int ret = 0;

	if (IS_ENABLED(CONFIG_KUSER_HELPERS)) {
		addr = a32_map(mm, &a32_kuser, AARCH32_VECTORS_BASE, 0);
		if (IS_ERR_VALUE(addr))
			return addr;
	}
#ifdef CONFIG_COMPAT_VDSO
	ret = vdso_map(mm, &vdso32_image, 0);
#endif
	if (ret)
		return ret;
	addr = a32_map(mm, &a32_sigret, 0, VM_MAYWRITE);
	return IS_ERR_VALUE(addr) ? (int)addr : 0;
}
#endif /* CONFIG_COMPAT */
