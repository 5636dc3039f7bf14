/* SPDX-License-Identifier: GPL-2.0 */
/* The AArch32 vDSO image, embedded between vdso32_start and vdso32_end. */
#define VDSO_NAME	vdso32
#define VDSO_FILE	"arch/arm64/kernel/vdso32/vdso32.so"
#include <vdso/image.S>
