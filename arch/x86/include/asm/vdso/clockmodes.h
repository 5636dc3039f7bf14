/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 counters a clocksource can name, as enumerators of enum
 * vdso_clock_mode: vdso/clocksource.h includes this file inside that enum,
 * hence no include guard. The vDSO reads only the TSC; kvm-clock
 * (PVCLOCK) and Hyper-V (HVCLOCK) keep their modes so that KVM and the
 * clocksource code can tell them apart.
 */
VDSO_CLOCKMODE_TSC,
VDSO_CLOCKMODE_PVCLOCK,
VDSO_CLOCKMODE_HVCLOCK,
