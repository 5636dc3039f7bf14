#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# set-eflags.sh IMAGE VALUE: write VALUE into the e_flags field of IMAGE,
# a little-endian ELF32 file (arm's vDSO: see vdso-eflags in image.mk).

image=$1
v=$(($2))

# EI_CLASS 1 (ELF32) and EI_DATA 1 (little-endian), bytes 4 and 5
[ "$(od -An -tu1 -j4 -N2 "$image" | tr -s ' ')" = " 1 1" ] || {
	echo "$image: not a little-endian ELF32 file" >&2
	exit 1
}
# e_flags is the 32-bit word at offset 36
bytes=$(printf '\\%03o\\%03o\\%03o\\%03o' $((v & 255)) $((v >> 8 & 255)) \
	$((v >> 16 & 255)) $((v >> 24 & 255)))
# shellcheck disable=SC2059
printf "$bytes" | dd of="$image" bs=1 seek=36 count=4 conv=notrunc 2>/dev/null
