// SPDX-License-Identifier: GPL-2.0
/*
 * powerpc: the vDSO at boot and at execve.
 *
 * The 64-bit image is lib/vdso's, mapped by lib/vdso/vma.c; this file
 * fills powerpc's data page (the systemcfg layout, the system call map,
 * the timebase and the cache geometry) and keeps each CPU's number where
 * the vDSO's getcpu() reads it. 32-bit tasks, and 32-bit kernels, have
 * no vDSO: signal delivery then puts the trampoline on the stack.
 */
#include <linux/binfmts.h>
#include <linux/cache.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/cputable.h>
#include <asm/firmware.h>
#include <asm/paca.h>
#include <asm/reg.h>
#include <asm/syscall.h>
#include <asm/syscalls.h>
#include <asm/vdso.h>
#include <asm/vdso_datapage.h>

#ifdef CONFIG_HAVE_GENERIC_VDSO

struct vdso_arch_data *vdso_data = &vdso_k_arch_page.data;

VDSO_IMAGE_DEFINE(vdso64_image, vdso64);

static bool vdso_enabled __ro_after_init = true;

/* vdso=0 leaves processes without a vDSO */
static int __init vdso_setup(char *s)
{
	return !kstrtobool(s, &vdso_enabled);
}
__setup("vdso=", vdso_setup);

/*
 * Each CPU's number, and its node, in the SPR the vDSO's getcpu() reads
 * (arch/powerpc/kernel/vdso/entry.S): the node in the upper word, the
 * number in the lower, which a store of the word takes as it is. The
 * paca keeps a copy that the KVM code puts back after running a guest.
 * Called on each CPU as it comes up, the boot CPU first.
 */
int vdso_getcpu_init(void)
{
	unsigned long cpu, node;

	cpu = get_cpu();
	node = cpu_to_node(cpu);
	get_paca()->sprg_vdso = (u32)cpu | (u64)(u32)node << 32;
	mtspr(SPRN_SPRG_VDSO_WRITE, get_paca()->sprg_vdso);
	put_cpu();
	return 0;
}
early_initcall(vdso_getcpu_init);

/* Bit (31 - n % 32) of word n / 32: system call n exists */
static void __init vdso_syscall_map(u32 *map, const syscall_fn *table)
{
	unsigned int n;

	for (n = 0; n < NR_syscalls; n++)
		if (table[n] != (syscall_fn)sys_ni_syscall)
			map[n / 32] |= 0x80000000U >> (n % 32);
}

/* An L1 cache's geometry, as the systemcfg layout keeps it */
static void __init vdso_l1_geometry(const struct ppc_cache_info *c, u32 *size,
				    u32 *line, u32 *block, u32 *log_block)
{
	*size = c->size;
	*line = c->line_size;
	*block = c->block_size;
	*log_block = c->log_block_size;
}

static int __init vdso_init(void)
{
	struct vdso_arch_data *ad = vdso_data;

	/* the systemcfg layout that /proc/ppc64/systemcfg shows */
	strscpy(ad->eye_catcher, "SYSTEMCFG:PPC64", sizeof(ad->eye_catcher));
	ad->version.major = SYSTEMCFG_MAJOR;
	ad->version.minor = SYSTEMCFG_MINOR;
	ad->processor = mfspr(SPRN_PVR);
	ad->platform = 0x100 | (firmware_has_feature(FW_FEATURE_LPAR) ? 1 : 0);
	ad->physicalMemorySize = memblock_phys_mem_size();

	vdso_l1_geometry(&ppc64_caches.l1d, &ad->dcache_size, &ad->dcache_line_size,
			 &ad->dcache_block_size, &ad->dcache_log_block_size);
	vdso_l1_geometry(&ppc64_caches.l1i, &ad->icache_size, &ad->icache_line_size,
			 &ad->icache_block_size, &ad->icache_log_block_size);
	ad->icache_coherent = cpu_has_feature(CPU_FTR_COHERENT_ICACHE);

	vdso_syscall_map(ad->syscall_map, sys_call_table);
#ifdef CONFIG_COMPAT
	vdso_syscall_map(ad->compat_syscall_map, compat_sys_call_table);
#endif
	return vdso_image_init(&vdso64_image);
}
arch_initcall(vdso_init);

/*
 * entry.S enters the C code at ELF ABI v2 global entry points: a kernel
 * built for ABI v1 (big-endian only) maps no vDSO.
 */
int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	if (!vdso_enabled || is_32bit_task() ||
	    !IS_ENABLED(CONFIG_PPC64_ELF_ABI_V2))
		return 0;
	return vdso_map(current->mm, &vdso64_image, 0);
}

#else /* !CONFIG_HAVE_GENERIC_VDSO */

int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	return 0;
}

#endif /* CONFIG_HAVE_GENERIC_VDSO */
