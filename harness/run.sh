#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh ARCH: build our kernel and the guest programs, boot, and show the
# vDSO at work (harness/guest/vdso_demo.c); the guest then powers off.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
arch=${1:-x86_64}

"$top/harness/build-kernel.sh" "$arch"
"$top/harness/build-guest.sh" "$arch"
dir=$build/$arch/boot-run
mkdir -p "$dir"
echo "vdso_demo 600" > "$build/$arch/root/etc/tests"
"$top/harness/mkinitramfs.sh" "$build/$arch/kbuild/usr/gen_init_cpio" \
	"$build/$arch/root" "$dir/initramfs"
printf '  %-7s %s\n' BOOT "$arch, console in $dir/console.log"
"$top/harness/boot.sh" "$arch" "$build/$arch/boot-image" "$dir/initramfs" 600 |
	tee "$dir/console.log" |
	sed -n '/^### BEGIN/,/^### END/{/^###/!p}'
grep -q '^### END vdso_demo rc=0' "$dir/console.log" ||
	{ echo "run: the demo did not finish well: see $dir/console.log" >&2; exit 1; }
