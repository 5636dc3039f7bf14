// SPDX-License-Identifier: GPL-2.0
/*
 * x86: setting up the vDSO images at boot and mapping them at execve:
 * the x86-64 image, and with IA32 emulation and the x32 ABI their own.
 * The mapping itself is generic (lib/vdso/vma.c); x86 adds the pages
 * hypervisors write their clocks to, at the top of [vvar].
 */
#include <linux/clocksource.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/ptrace.h>
#include <linux/string.h>
#include <asm/alternative.h>
#include <asm/pvclock.h>
#include <asm/syscall.h>
#include <asm/vdso.h>
#include <clocksource/hyperv_timer.h>
#include <vdso/datapage.h>

/* Which vDSO clock modes have been in use: see vclock_was_used() */
unsigned int vclocks_used __read_mostly;

/* vdso=0 on the command line leaves 64-bit and x32 processes without one. */
unsigned int vdso64_enabled __read_mostly = 1;

static int __init vdso_setup(char *s)
{
	return kstrtouint(s, 0, &vdso64_enabled) == 0;
}
__setup("vdso=", vdso_setup);

VDSO_IMAGE_DEFINE(vdso_image_64, vdso64);
#ifdef CONFIG_X86_X32_ABI
VDSO_IMAGE_DEFINE(vdso_image_x32, vdsox32);
#endif

/*
 * vdso_section32() and vdso_section64(): the section @name of an ELF
 * image of that class, or NULL
 */
#define VDSO_SECTION_OF_CLASS(bits)					\
static u8 * __init vdso_section##bits(u8 *elf, const char *name,	\
				      unsigned long *size)		\
{									\
	const struct elf##bits##_hdr *eh = (const void *)elf;		\
	const struct elf##bits##_shdr *sh = (const void *)(elf + eh->e_shoff); \
	const char *names = (const char *)elf + sh[eh->e_shstrndx].sh_offset; \
	unsigned int i;							\
									\
	for (i = 0; i < eh->e_shnum; i++) {				\
		if (!strcmp(names + sh[i].sh_name, name)) {		\
			*size = sh[i].sh_size;				\
			return elf + sh[i].sh_offset;			\
		}							\
	}								\
	return NULL;							\
}

VDSO_SECTION_OF_CLASS(32)
VDSO_SECTION_OF_CLASS(64)

/* The section @name of an image of either class, or NULL */
static u8 * __init vdso_section(const struct vdso_image *image,
				const char *name, unsigned long *size)
{
	if (image->text[EI_CLASS] == ELFCLASS64)
		return vdso_section64(image->text, name, size);
	return vdso_section32(image->text, name, size);
}

/* Patch the image's alternatives for this CPU, as the kernel's own. */
static int __init vdso_x86_image_init(struct vdso_image *image)
{
	unsigned long size;
	u8 *alt = vdso_section(image, ".altinstructions", &size);

	if (alt)
		apply_alternatives((struct alt_instr *)alt,
				   (struct alt_instr *)(alt + size));
	return vdso_image_init(image);
}

static int __init vdso_init(void)
{
	int ret = vdso_x86_image_init(&vdso_image_64);

#ifdef CONFIG_X86_X32_ABI
	if (!ret)
		ret = vdso_x86_image_init(&vdso_image_x32);
#endif
#ifdef CONFIG_IA32_EMULATION
	if (!ret)
		ret = vdso_x86_image_init(&vdso_image_32);
#endif
	return ret;
}
subsys_initcall(vdso_init);

#ifdef CONFIG_HAVE_VDSO_ARCH_PAGES
/*
 * The pvclock and Hyper-V pages are mapped only on a system whose
 * clocksource has put the vDSO on them (vclocks_set_used()): elsewhere
 * they may not exist, and nothing reads them.
 */
vm_fault_t vdso_arch_vvar_fault(struct vm_area_struct *vma,
				struct vm_fault *vmf, unsigned long page)
{
#ifdef CONFIG_PARAVIRT_CLOCK
	if (page == VDSO_PAGE_PVCLOCK && vclock_was_used(VDSO_CLOCKMODE_PVCLOCK)) {
		struct pvclock_vsyscall_time_info *pvti = pvclock_get_pvti_cpu0_va();

		/* the vDSO reads CPU 0's data at the start of the page */
		if (pvti && !WARN_ON_ONCE(offset_in_page(pvti)))
			return vmf_insert_pfn_prot(vma, vmf->address,
						   __pa(pvti) >> PAGE_SHIFT,
						   pgprot_decrypted(vma->vm_page_prot));
	}
#endif
#ifdef CONFIG_HYPERV_TIMER
	if (page == VDSO_PAGE_HVCLOCK && vclock_was_used(VDSO_CLOCKMODE_HVCLOCK)) {
		unsigned long pfn = hv_get_tsc_pfn();

		if (pfn)
			return vmf_insert_pfn(vma, vmf->address, pfn);
	}
#endif
	return VM_FAULT_SIGBUS;
}
#endif

/* Map @image, and remember which image the process has. */
static int vdso_x86_map(const struct vdso_image *image, unsigned long hint)
{
	struct mm_struct *mm = current->mm;
	int ret;

	mm->context.vdso_image = image;
	ret = vdso_map(mm, image, hint);
	if (ret)
		mm->context.vdso_image = NULL;
	return ret;
}

/*
 * The image a program gets at execve, by its ABI, or NULL where that
 * ABI's vDSO is off: vdso= rules x86-64 and x32 programs, vdso32= and
 * abi.vsyscall32 the 32-bit ones.
 */
static const struct vdso_image *vdso_for_exec(bool compat, bool x32)
{
	if (!compat)
		return vdso64_enabled ? &vdso_image_64 : NULL;
#ifdef CONFIG_X86_X32_ABI
	if (x32)
		return vdso64_enabled ? &vdso_image_x32 : NULL;
#endif
#ifdef CONFIG_IA32_EMULATION
	if (!x32)
		return vdso32_enabled ? &vdso_image_32 : NULL;
#endif
	return NULL;
}

static int vdso_exec_map(const struct vdso_image *image)
{
	return image ? vdso_x86_map(image, 0) : 0;
}

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	return vdso_exec_map(vdso_for_exec(false, false));
}

#ifdef CONFIG_COMPAT
int compat_arch_setup_additional_pages(struct linux_binprm *bprm,
				       int uses_interp, bool x32)
{
	return vdso_exec_map(vdso_for_exec(true, x32));
}
#endif

/**
 * arch_vdso_set_base() - note where a process's vDSO text now starts
 * @mm:   the process
 * @base: the address of the image
 *
 * Called when the vDSO is mapped, and when mremap() moves it. A 32-bit
 * process moving it with a system call made through __kernel_vsyscall
 * returns to the landing pad in the image (do_fast_syscall_32()): that
 * return moves along.
 */
void arch_vdso_set_base(struct mm_struct *mm, unsigned long base)
{
#ifdef CONFIG_IA32_EMULATION
	unsigned long old = (unsigned long)mm->context.vdso;

	if (old && mm == current->mm && in_ia32_syscall() &&
	    mm->context.vdso_image == &vdso_image_32) {
		struct pt_regs *regs = current_pt_regs();

		if (regs->ip == old + vdso32_entries.int80_landing_pad)
			regs->ip = base + vdso32_entries.int80_landing_pad;
	}
#endif
	mm->context.vdso = (void __user *)base;
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
	return vdso_x86_map(image, addr);
}

/*
 * Syscall User Dispatch lets signal returns through. 64-bit and x32
 * tasks return through their own SA_RESTORER code; a 32-bit task's
 * handler may return through the image's sigreturn code, whose system
 * call comes from the landing pads after it.
 */
bool arch_syscall_is_vdso_sigreturn(struct pt_regs *regs)
{
#ifdef CONFIG_IA32_EMULATION
	struct mm_struct *mm = current->mm;
	unsigned long vdso = (unsigned long)mm->context.vdso;

	if (in_ia32_syscall() && vdso && mm->context.vdso_image == &vdso_image_32)
		return regs->ip == vdso + vdso32_entries.sigreturn_landing_pad ||
		       regs->ip == vdso + vdso32_entries.rt_sigreturn_landing_pad;
#endif
	return false;
}
