// SPDX-License-Identifier: GPL-2.0
/* The 32-bit image's getcpu(): the x86-64 image's, built for i386. */
#include "../vgetcpu.c"
