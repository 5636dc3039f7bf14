/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's linux/stddef.h: the UAPI one, and offsetof() from the C library */
#ifndef _VDSO_TEST_LINUX_STDDEF_H
#define _VDSO_TEST_LINUX_STDDEF_H

#include_next <linux/stddef.h>
#include <stddef.h>

#endif
