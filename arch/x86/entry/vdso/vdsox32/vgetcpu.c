// SPDX-License-Identifier: GPL-2.0
/* The x32 image's getcpu(): the x86-64 image's. */
#include "../vgetcpu.c"
