/* SPDX-License-Identifier: GPL-2.0 */
/* min() and max() for the writer, on the host: each argument read once */
#ifndef _TEST_LINUX_MINMAX_H
#define _TEST_LINUX_MINMAX_H

#define min(a, b)	({ typeof(a) __a = (a); typeof(b) __b = (b); __a < __b ? __a : __b; })
#define max(a, b)	({ typeof(a) __a = (a); typeof(b) __b = (b); __a > __b ? __a : __b; })

#endif /* _TEST_LINUX_MINMAX_H */
