#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build-guest.sh ARCH: build the programs the guest runs into the folder
# $BUILD/<arch>/root (the initramfs less its /etc/tests):
#
#   /init                      harness/guest/init.c, static
#   /tests/vdso_*              our selftests (tools/testing/selftests/vDSO)
#   /tests/upstream_*          upstream's 6.12 vDSO selftests, unmodified,
#                              built from the pristine tree
#   /tests/libc_vdso[_static]  the C library's use of the vDSO
#   /tests/vdso_demo           what 'make run' shows
#   /tests/vdso_bench          what 'make bench' measures
#   the shared libraries the dynamic programs need
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
arch=${1:?usage: build-guest.sh ARCH}

die() { echo "build-guest: $arch: $*" >&2; exit 1; }
say() { printf '  %-7s %s\n' "$1" "$2"; }
. "$top/harness/lib.sh"

cross=$(archvar "$arch" cross)
cc=${cross}gcc
command -v "$cc" >/dev/null || die "no $cc: run 'make deps'"
root=$build/$arch/root
work=$build/$arch/guest-build
rm -rf "$root"
mkdir -p "$root/tests" "$root/etc" "$work"
log=$work/build.log
: > "$log"
cflags="-O2 -Wall -Wextra -Werror"

say GUEST "$arch test programs, log in $log"
run() { "$@" >>"$log" 2>&1 || { tail -20 "$log" >&2; die "failed: $*"; }; }

run $cc $cflags -static -o "$root/init" "$top/harness/guest/init.c"

# our selftests
st=$top/tools/testing/selftests/vDSO
ksft=$build/pristine/tools/testing/selftests
run make -C "$st" STANDALONE=1 OUTPUT="$work/ours" CC="$cc" KSFT_DIR="$ksft"
for t in $(make -s -C "$st" STANDALONE=1 CC="$cc" print-tests); do
	cp "$work/ours/$t" "$root/tests/$t"
done
libc_vdso() { # OUT [-static]
	run $cc $cflags -D_GNU_SOURCE ${2:-} -I"$st" -o "$root/tests/$1" \
		"$top/harness/guest/libc_vdso.c" "$st/vdso_sym.c" "$st/vdso_abi.c" "$st/vdso_util.c"
}
libc_vdso libc_vdso
libc_vdso libc_vdso_static -static
for p in vdso_demo vdso_bench; do
	run $cc $cflags -D_GNU_SOURCE -static -I"$st" -o "$root/tests/$p" "$top/harness/guest/$p.c" \
		"$st/vdso_sym.c" "$st/vdso_abi.c" "$st/vdso_util.c"
done

# upstream's selftests, as upstream builds them
up=$build/pristine/tools/testing/selftests/vDSO
mkdir -p "$work/upstream"
run make -C "$up" OUTPUT="$work/upstream" CC="$cc" ARCH="$(archvar "$arch" kbuild)"
for t in $(cd "$work/upstream" && ls); do
	cp "$work/upstream/$t" "$root/tests/upstream_$t"
done

# the libraries of the dynamic programs: the host's, or the cross
# toolchain's from its sysroot (the loader where the program asks for
# it, the rest where that loader looks: /lib/<triplet>)
triplet=${cross%-}
for f in "$root"/tests/*; do
	"${cross}readelf" -d "$f" 2>/dev/null | grep -q NEEDED || continue
	if [ -z "$cross" ]; then
		ldd "$f" 2>/dev/null | grep -o '/[^ ]*' | while read -r lib; do
			mkdir -p "$root$(dirname "$lib")"
			cp -L "$lib" "$root$lib"
		done
		continue
	fi
	interp=$("${cross}readelf" -lW "$f" | sed -n 's/.*interpreter: \(.*\)\]/\1/p')
	mkdir -p "$root$(dirname "$interp")" "$root/lib/$triplet"
	cp -L "/usr/$triplet/lib/$(basename "$interp")" "$root$interp"
	"${cross}readelf" -d "$f" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' |
		while read -r lib; do
			cp -L "/usr/$triplet/lib/$lib" "$root/lib/$triplet/$lib"
		done
done
