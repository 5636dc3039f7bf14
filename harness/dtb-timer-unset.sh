#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# dtb-timer-unset.sh ARCH DTC OUT: QEMU's device tree for ARCH's machine,
# with "arm,cpu-registers-not-fw-configured" added to the architected
# timer's node (firmware that left the virtual counter unset), into OUT.
# arm's "hidden" boot runs on it (harness/check.sh).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
arch=$1 dtc=$2 out=$3
. "$top/harness/lib.sh"

# shellcheck disable=SC2086
$(archvar "$arch" qemu) -machine dumpdtb="$out.orig" -display none >/dev/null 2>&1
"$dtc" -q -I dtb -O dts "$out.orig" |
	awk '{ print } /compatible = "arm,armv[78]-timer"/ {
		print "\t\tarm,cpu-registers-not-fw-configured;"; n++ }
	     END { exit n != 1 }' > "$out.dts"
"$dtc" -q -I dts -O dtb -o "$out" "$out.dts"
