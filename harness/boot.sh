#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# boot.sh ARCH KERNEL INITRAMFS [TIMEOUT] [EXTRA KERNEL ARGS...]
#
# Boots KERNEL with INITRAMFS under QEMU as the architecture's entry in
# harness/arches.mk says, the serial console on standard output, and
# returns when the guest powers off (exit 0), or when TIMEOUT seconds
# (default 1200) pass (exit 124). QEMU_EXTRA adds QEMU options.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
arch=$1 kernel=$2 initramfs=$3 tmo=${4:-1200}
shift 4 2>/dev/null || shift $#

. "$top/harness/lib.sh"
qemu=$(archvar "$arch" qemu)
[ -n "$qemu" ] || { echo "boot: unknown architecture '$arch' (see harness/arches.mk)" >&2; exit 2; }
console=$(archvar "$arch" console)
append="console=$console panic=-1 loglevel=4 $(archvar "$arch" append) $*"
command -v "${qemu%% *}" >/dev/null || { echo "boot: no ${qemu%% *}: run 'make deps'" >&2; exit 2; }

# shellcheck disable=SC2086
exec timeout --foreground -k 10 "$tmo" $qemu ${QEMU_EXTRA:-} \
	-display none -monitor none -serial stdio -no-reboot \
	-kernel "$kernel" -initrd "$initramfs" -append "$append" </dev/null
