/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _TEST_ASM_PARAM_H
#define _TEST_ASM_PARAM_H

#define HZ	CONFIG_HZ

#endif /* _TEST_ASM_PARAM_H */
