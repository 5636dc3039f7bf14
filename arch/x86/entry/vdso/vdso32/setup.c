// SPDX-License-Identifier: GPL-2.0
/*
 * The 32-bit vDSO of IA32 emulation: the image, whether 32-bit processes
 * get it, and the entry points the kernel itself uses.
 */
#include <linux/elf.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sysctl.h>
#include <asm/vdso.h>
#include "vdso32-offsets.h"

VDSO_IMAGE_DEFINE(vdso_image_32, vdso32);

const struct vdso32_entries vdso32_entries = {
	.vsyscall			= vdso_offset_vsyscall,
	.sigreturn			= vdso_offset_sigreturn,
	.rt_sigreturn			= vdso_offset_rt_sigreturn,
	.int80_landing_pad		= vdso_offset_int80_landing_pad,
	.sigreturn_landing_pad		= vdso_offset_sigreturn_landing_pad,
	.rt_sigreturn_landing_pad	= vdso_offset_rt_sigreturn_landing_pad,
};

/*
 * 1: 32-bit processes get the vDSO (and AT_SYSINFO); 0: they make their
 * system calls with "int $0x80" and have no vDSO. COMPAT_VDSO makes 0
 * the default, for the one glibc that cannot take a vDSO mapped where
 * its ELF headers do not say. Set by vdso32= at boot and by the sysctl
 * abi.vsyscall32 after; a process keeps what it had at execve.
 */
unsigned int vdso32_enabled __read_mostly = !IS_ENABLED(CONFIG_COMPAT_VDSO);

static int __init vdso32_setup(char *s)
{
	unsigned int val;

	if (kstrtouint(s, 0, &val) || val > 1) {
		pr_warn("vdso32=%s: only 0 and 1 are valid; the 32-bit vDSO is off\n", s);
		val = 0;
	}
	vdso32_enabled = val;
	return 1;
}
__setup("vdso32=", vdso32_setup);

/* abi.vsyscall32: vdso32_enabled, 0 or 1, after boot */
static int __init vdso32_sysctl_register(void)
{
	static struct ctl_table abi_vsyscall32[] = {
		{
			.procname	= "vsyscall32",
			.data		= &vdso32_enabled,
			.extra1		= SYSCTL_ZERO,
			.extra2		= SYSCTL_ONE,
			.maxlen		= sizeof(unsigned int),
			.proc_handler	= proc_douintvec_minmax,
			.mode		= 0644,
		},
	};

	return register_sysctl("abi", abi_vsyscall32) ? 0 : -ENOMEM;
}
device_initcall(vdso32_sysctl_register);
