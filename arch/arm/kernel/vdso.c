// SPDX-License-Identifier: GPL-2.0
/*
 * arm: setting up the vDSO image at boot and mapping it at execve. The
 * mapping itself is generic (lib/vdso/vma.c); arch/arm/kernel/process.c
 * places it above the [sigpage] and calls arm_install_vdso().
 *
 * Whether user space can read the counter is known only at boot: a
 * kernel without the architected timer, or one whose firmware left the
 * virtual counter unconfigured, cannot serve the time functions from the
 * vDSO. Their names are then taken out of the image's dynamic symbol
 * table, so that the C library's lookup fails and it makes the system
 * calls itself, without a detour through the vDSO.
 */
#include <linux/cache.h>
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/string.h>
#include <asm/cachetype.h>
#include <asm/vdso.h>
#include <vdso/datapage.h>

VDSO_IMAGE_DEFINE(vdso_image, vdso);

unsigned int vdso_total_pages __ro_after_init;

/* vdso=0 on the command line leaves processes without a vDSO. */
static bool vdso_enabled __initdata = true;

static int __init vdso_setup(char *s)
{
	return kstrtobool(s, &vdso_enabled) == 0;
}
__setup("vdso=", vdso_setup);

/* The entries that read the counter, or that libc pairs with those */
static const char *const vdso_time_entries[] __initconst = {
	"__vdso_clock_gettime",
	"__vdso_clock_gettime64",
	"__vdso_gettimeofday",
	"__vdso_clock_getres",
	"__vdso_clock_getres_time64",
};

/* The architected timer's device tree nodes */
static const struct of_device_id vdso_timer_ids[] __initconst = {
	{ .compatible = "arm,armv7-timer" },
	{ .compatible = "arm,armv8-timer" },
	{ }
};

/*
 * Can user space read the virtual count? The arch timer driver lets it
 * whenever the timer is there, but the count means something only where
 * the firmware set up the virtual offset.
 */
static bool __init vdso_counter_readable(void)
{
	struct device_node *np = NULL;
	bool unset;

	if (IS_ENABLED(CONFIG_ARM_ARCH_TIMER))
		np = of_find_matching_node(NULL, vdso_timer_ids);
	if (!np)
		return false;
	unset = of_property_read_bool(np, "arm,cpu-registers-not-fw-configured");
	of_node_put(np);
	return !unset;
}

/*
 * Give the dynamic symbols in @names the empty name: every lookup by
 * name then misses them. The symbol table is found by its section type,
 * its strings through the table's sh_link.
 */
static void __init vdso_hide(const char *const *names, unsigned int n)
{
	Elf32_Ehdr *eh = (Elf32_Ehdr *)vdso_image.text;
	Elf32_Shdr *sh = (Elf32_Shdr *)(vdso_image.text + eh->e_shoff);
	unsigned int i, j, k;

	for (i = 0; i < eh->e_shnum; i++) {
		Elf32_Sym *sym = (Elf32_Sym *)(vdso_image.text + sh[i].sh_offset);
		const char *str;

		if (sh[i].sh_type != SHT_DYNSYM)
			continue;
		str = (const char *)vdso_image.text + sh[sh[i].sh_link].sh_offset;
		for (j = 0; j < sh[i].sh_size / sizeof(*sym); j++) {
			for (k = 0; k < n; k++) {
				if (sym[j].st_name && !strcmp(str + sym[j].st_name, names[k]))
					sym[j].st_name = 0;
			}
		}
	}
}

static int __init vdso_init(void)
{
	int ret;

	/*
	 * The kernel writes the data through its own mapping, and user space
	 * reads it through [vvar]: with a cache that lets the two alias,
	 * the reader could see stale data.
	 */
	if (!vdso_enabled || cache_is_vipt_aliasing())
		return 0;
	if (!vdso_counter_readable())
		vdso_hide(vdso_time_entries, ARRAY_SIZE(vdso_time_entries));
	ret = vdso_image_init(&vdso_image);
	if (ret)
		return ret;
	vdso_total_pages = (VDSO_DATA_SIZE + vdso_image.size) >> PAGE_SHIFT;
	return 0;
}
arch_initcall(vdso_init);

/**
 * arm_install_vdso() - map [vvar] and [vdso] at @addr
 * @mm:   the address space, with mmap_lock held for writing
 * @addr: vdso_total_pages free pages, chosen by the caller
 *
 * A process without a vDSO still runs: signal return goes through the
 * [sigpage], and the C library makes the system calls.
 */
void arm_install_vdso(struct mm_struct *mm, unsigned long addr)
{
	arch_vdso_set_base(mm, 0);
	if (vdso_total_pages)
		vdso_install(mm, &vdso_image, addr);
}
