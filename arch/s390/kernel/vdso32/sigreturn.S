/* SPDX-License-Identifier: GPL-2.0 */
/* The 31-bit image's entries: the 64-bit image's code, compat names. */
#define VDSO_COMPAT
#include "../vdso64/sigreturn.S"
