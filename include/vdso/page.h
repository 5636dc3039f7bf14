/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page size of the vDSO's data layout: the kernel's, since the image
 * is built with the kernel it belongs to.
 */
#ifndef __VDSO_PAGE_H
#define __VDSO_PAGE_H

#include <asm/page.h>

#define VDSO_PAGE_SIZE	PAGE_SIZE

#endif /* __VDSO_PAGE_H */
