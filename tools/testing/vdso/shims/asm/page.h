/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TEST_ASM_PAGE_H
#define _TEST_ASM_PAGE_H

#include <linux/const.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	_BITUL(PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#endif /* _TEST_ASM_PAGE_H */
