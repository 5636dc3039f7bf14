// SPDX-License-Identifier: GPL-2.0
/* The 32-bit image's ChaCha20 for SSSE3: the x86-64 image's, built for i386. */
#include "../vgetrandom-ssse3.c"
