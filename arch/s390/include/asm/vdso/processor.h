/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __ASM_VDSO_PROCESSOR_H
#define __ASM_VDSO_PROCESSOR_H

/* Nothing to tell the CPU while a reader waits for the writer. */
#define cpu_relax()	barrier()

#endif /* __ASM_VDSO_PROCESSOR_H */
