/* SPDX-License-Identifier: GPL-2.0 */
/* The arm64 vDSO image, embedded between vdso_start and vdso_end. */
#define VDSO_NAME	vdso
#define VDSO_FILE	"arch/arm64/kernel/vdso/vdso.so"
#include <vdso/image.S>
