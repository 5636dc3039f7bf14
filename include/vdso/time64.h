/* SPDX-License-Identifier: GPL-2.0 */
/* Unit ratios used when converting between time representations. */
#ifndef __VDSO_TIME64_H
#define __VDSO_TIME64_H

#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define USEC_PER_MSEC	1000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L
#define PSEC_PER_SEC	1000000000000LL
#define FSEC_PER_SEC	1000000000000000LL

#endif /* __VDSO_TIME64_H */
