/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page size of the vDSO's data layout: the kernel's, since the image
 * is built with the kernel it belongs to. From the config alone, so that
 * an image built with another compiler (a compat one) needs none of the
 * kernel's own page headers.
 */
#ifndef __VDSO_PAGE_H
#define __VDSO_PAGE_H

#include <vdso/const.h>

#define VDSO_PAGE_SIZE	(_AC(1, UL) << CONFIG_PAGE_SHIFT)

#endif /* __VDSO_PAGE_H */
