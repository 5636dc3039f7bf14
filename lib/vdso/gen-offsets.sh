#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# gen-offsets.sh NM IMAGE NAME=SYMBOL...
#
# Prints "#define vdso_offset_NAME 0x<offset>" for each SYMBOL of the
# linked vDSO IMAGE (linked at 0, so its value is its offset), and fails
# when one is missing.

nm=$1
image=$2
shift 2
syms=$($nm "$image") || exit 1
for pair in "$@"; do
	name=${pair%%=*}
	sym=${pair#*=}
	off=$(echo "$syms" | awk -v s="$sym" '$3 == s { print $1; exit }')
	if [ -z "$off" ]; then
		echo "gen-offsets.sh: $image has no $sym" >&2
		exit 1
	fi
	echo "#define vdso_offset_$name 0x$off"
done
