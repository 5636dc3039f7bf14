/* SPDX-License-Identifier: GPL-2.0 */
/* cpu_relax() and friends, as the architecture defines them for the vDSO. */
#ifndef __VDSO_PROCESSOR_H
#define __VDSO_PROCESSOR_H

#ifndef __ASSEMBLY__
#include <asm/vdso/processor.h>
#endif

#endif /* __VDSO_PROCESSOR_H */
