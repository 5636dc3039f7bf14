/* SPDX-License-Identifier: GPL-2.0 */
/* Pages, as kernel/time/vsyscall.c uses them. */
#ifndef _TEST_LINUX_MM_H
#define _TEST_LINUX_MM_H

#include <linux/compiler_types.h>
#include <asm/page.h>

/* In the harness a struct page * is simply the page's address. */
struct page;

static inline void *page_address(const struct page *page)
{
	return (void *)page;
}

/* a whole page of its own: the tests map another page over it */
#define __page_aligned_data	__aligned(PAGE_SIZE)

#endif /* _TEST_LINUX_MM_H */
