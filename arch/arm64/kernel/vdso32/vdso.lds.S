/* SPDX-License-Identifier: GPL-2.0 */
/* The AArch32 vDSO is arm's image: its layout, exports and version node. */
#include "../../../arm/vdso/vdso.lds.S"
