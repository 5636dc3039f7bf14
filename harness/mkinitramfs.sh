#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# mkinitramfs.sh GEN_INIT_CPIO ROOT OUT: pack the folder ROOT into the
# initramfs OUT (a newc cpio), owned by root, with /dev/console. Uses the
# kernel's own usr/gen_init_cpio, so no root rights are needed.
set -euo pipefail
gen=$1 root=$2 out=$3

{
	echo "dir /dev 0755 0 0"
	echo "nod /dev/console 0600 0 0 c 5 1"
	(cd "$root" && find . -mindepth 1 | sort) | while read -r p; do
		p=${p#.}
		if [ -L "$root$p" ]; then
			echo "slink $p $(readlink "$root$p") 0777 0 0"
		elif [ -d "$root$p" ]; then
			[ "$p" = /dev ] || echo "dir $p 0755 0 0"
		else
			mode=$(stat -c '%a' "$root$p")
			echo "file $p $root$p $mode 0 0"
		fi
	done
} > "$out.list"
"$gen" "$out.list" > "$out"
