/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The clocks of virtual machines, read by the vDSO: kvm-clock's pvclock
 * page and the Hyper-V reference TSC page. Each is written by the
 * hypervisor under its own sequence count; each turns the TSC into the
 * value its clocksource's read() returns (nanoseconds, or 100 ns units),
 * which the generic library then converts as it does any counter.
 *
 * The includer supplies vdso_vclock_rdtsc(), the TSC read as ordered
 * after the loads before it: asm/vdso/gettimeofday.h in the image, the
 * host harness (tools/testing/vdso) in its tests of these readers.
 * Both readers return false when the page says the TSC may not be used
 * from here; the caller then makes the system call.
 */
#ifndef __ASM_VDSO_VCLOCK_H
#define __ASM_VDSO_VCLOCK_H

#include <linux/types.h>
#include <asm/pvclock-abi.h>
#include <asm/hyperv-tlfs.h>
#include <vdso/math64.h>

/*
 * (@a * @mul) >> 32, the 96-bit product cut to 64 bits, as kvm-clock
 * takes it. Without a 128-bit type: the high half's product is already
 * shifted by 32, and the low half's contributes its top 32 bits, with no
 * carry lost between them (two 32x32 multiplies on i386).
 */
static __always_inline u64 vdso_mul_u64_u32_shr32(u64 a, u32 mul)
{
#ifdef VDSO_HAVE_U128
	return (u64)(((u128)a * mul) >> 32);
#else
	return (u64)(u32)(a >> 32) * mul + (((u64)(u32)a * mul) >> 32);
#endif
}

/**
 * vdso_pvclock_read() - kvm-clock's time, from a pvclock page
 * @pvti: the pvclock data of CPU 0, as KVM writes it
 * @ns:   set to the nanoseconds kvm-clock's read() would return
 *
 * Only CPU 0's data is mapped. It is good for every CPU when the host
 * says the TSC is stable across them (PVCLOCK_TSC_STABLE_BIT); without
 * that bit, only the kernel, which knows its CPU, can answer. The
 * version is odd while the host writes, and changes with every update.
 *
 * Return: false when the data may not be used here.
 */
static __always_inline bool
vdso_pvclock_read(const struct pvclock_vcpu_time_info *pvti, u64 *ns)
{
	u64 delta, val;
	u32 version;
	s8 shift;

	do {
		version = READ_ONCE(pvti->version);
		if (unlikely(version & 1)) {
			cpu_relax();
			continue;
		}
		/* the fields read below are no older than @version */
		smp_rmb();
		if (unlikely(!(READ_ONCE(pvti->flags) & PVCLOCK_TSC_STABLE_BIT)))
			return false;
		/*
		 * Converted inside the loop, where a torn read's arithmetic
		 * is harmless and thrown away: only @version and the result
		 * live across the check, which keeps the reader within the
		 * registers the caller has free.
		 */
		delta = vdso_vclock_rdtsc() - READ_ONCE(pvti->tsc_timestamp);
		/*
		 * Times 2^tsc_shift: one shift, the way it takes. Hidden
		 * from the compiler, which would otherwise make both and
		 * pick one, in a register more than the caller has free.
		 */
		shift = READ_ONCE(pvti->tsc_shift);
		if (shift < 0) {
			OPTIMIZER_HIDE_VAR(delta);
			delta >>= -shift;
		} else {
			delta <<= shift;
		}
		val = READ_ONCE(pvti->system_time) +
		      vdso_mul_u64_u32_shr32(delta, READ_ONCE(pvti->tsc_to_system_mul));
		/* or the compiler moves the arithmetic past the check */
		OPTIMIZER_HIDE_VAR(val);
		/* and no newer than the version read again below */
		smp_rmb();
	} while (unlikely((version & 1) || READ_ONCE(pvti->version) != version));

	*ns = val;
	return true;
}

/**
 * vdso_hvclock_read() - the Hyper-V reference time, from the TSC page
 * @tp:    the reference TSC page, as Hyper-V writes it
 * @ticks: set to the 100 ns units the TSC page clocksource's read()
 *         would return: the TSC times tsc_scale / 2^64, plus tsc_offset
 *
 * A tsc_sequence of 0 means the page is not valid now (the partition
 * migrated, say) and the reference counter MSR must be read: only the
 * kernel can. Any other value changes whenever the hypervisor rewrites
 * scale and offset.
 *
 * Return: false when the page is not valid.
 */
static __always_inline bool
vdso_hvclock_read(const struct ms_hyperv_tsc_page *tp, u64 *ticks)
{
	u64 val;
	u32 seq;

	do {
		seq = READ_ONCE(tp->tsc_sequence);
		if (unlikely(!seq))
			return false;
		/* scale and offset are no older than @seq */
		smp_rmb();
		/* converted inside the loop, as in vdso_pvclock_read() */
		val = vdso_mul_hi64(vdso_vclock_rdtsc(), READ_ONCE(tp->tsc_scale)) +
		      READ_ONCE(tp->tsc_offset);
		OPTIMIZER_HIDE_VAR(val);
		/* and no newer than the sequence read again below */
		smp_rmb();
	} while (unlikely(READ_ONCE(tp->tsc_sequence) != seq));

	*ticks = val;
	return true;
}

#endif /* __ASM_VDSO_VCLOCK_H */
