#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build-guest.sh ARCH: build the programs the guest runs into the folder
# $BUILD/<arch>/root (the initramfs less its /etc/tests):
#
#   /init                      harness/guest/init.c, static
#   /tests/vdso_*              our selftests (tools/testing/selftests/vDSO),
#                              those for a boot of their own too
#   /tests/upstream_*          upstream's 6.12 vDSO selftests, unmodified,
#                              built from the pristine tree
#   /tests/libc_vdso[_static]  the C library's use of the vDSO
#   /tests/a32_*, i386_*, x32_*
#                              the same, built for the other ABIs that run
#                              on this kernel (<arch>-compat in arches.mk):
#                              arm64's AArch32, x86-64's i386 and x32
#   /tests/vdso_demo           what 'make run' shows
#   /tests/vdso_bench          what 'make bench' measures (and
#                              PREFIXvdso_bench for each other ABI)
#   /tests/vdso_hidden         arm: the time entries hidden (check.sh)
#   /lib/modules/<release>/vdso  the kernel's make vdso_install
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
# the debug images make vdso_install installed (vdso_buildid)
[ -d "$build/$arch/vdso-install/lib" ] || die "no $build/$arch/vdso-install: build the kernel first"
cp -a "$build/$arch/vdso-install/lib" "$root/"

st=$top/tools/testing/selftests/vDSO
ksft=$build/pristine/tools/testing/selftests
up=$build/pristine/tools/testing/selftests/vDSO

# test_set CC KBUILD-ARCH PREFIX: our selftests, the libc proof and
# upstream's selftests, built with CC, into /tests/PREFIX<name>
test_set() {
	local cc=$1 karch=$2 pre=$3 t
	run make -C "$st" STANDALONE=1 OUTPUT="$work/${pre}ours" CC="$cc" KSFT_DIR="$ksft"
	for t in $(make -s -C "$st" STANDALONE=1 CC="$cc" print-tests print-extra); do
		cp "$work/${pre}ours/$t" "$root/tests/$pre$t"
	done
	for t in libc_vdso libc_vdso_static; do
		run $cc $cflags -D_GNU_SOURCE $([ $t = libc_vdso ] || echo -static) \
			-I"$st" -o "$root/tests/$pre$t" "$top/harness/guest/libc_vdso.c" \
			"$st/vdso_sym.c" "$st/vdso_abi.c" "$st/vdso_util.c"
	done
	# upstream's selftests, as upstream builds them
	mkdir -p "$work/${pre}upstream"
	run make -C "$up" OUTPUT="$work/${pre}upstream" CC="$cc" ARCH="$karch"
	for t in $(cd "$work/${pre}upstream" && ls); do
		cp "$work/${pre}upstream/$t" "$root/tests/${pre}upstream_$t"
	done
}

test_set "$cc" "$(archvar "$arch" kbuild)" ""
hidden=
[ -z "$(archvar "$arch" hidden)" ] || hidden=vdso_hidden
for p in vdso_demo vdso_bench $hidden; do
	run $cc $cflags -D_GNU_SOURCE -static -I"$st" -o "$root/tests/$p" "$top/harness/guest/$p.c" \
		"$st/vdso_sym.c" "$st/vdso_abi.c" "$st/vdso_util.c"
done
# the other ABIs' programs too (arm64: AArch32 as a32_*; x86-64: i386_*, x32_*)
ccross=
for pair in $(archvar "$arch" compat); do
	abi=${pair%%:*}
	ccross="$ccross $(archvar "$abi" cross)"
	ccc=$(archvar "$abi" cross)gcc
	command -v "$ccc" >/dev/null || die "no $ccc: run 'make deps'"
	test_set "$ccc" "$(archvar "$abi" kbuild)" "${pair#*:}"
	run $ccc $cflags -D_GNU_SOURCE -static -I"$st" -o "$root/tests/${pair#*:}vdso_bench" \
		"$top/harness/guest/vdso_bench.c" "$st/vdso_sym.c" "$st/vdso_abi.c" "$st/vdso_util.c"
done

# the libraries of the dynamic programs: the host's, or a cross
# toolchain's from its sysroot (the loader where the program asks for
# it, the rest in the first folder that loader searches, /lib/<multiarch
# triplet>, which is not always the toolchain's: i686's loader looks in
# /lib/i386-linux-gnu); the toolchain is the one whose loader the
# program names
for f in "$root"/tests/*; do
	readelf -d "$f" 2>/dev/null | grep -q NEEDED || continue
	interp=$(readelf -lW "$f" | sed -n 's/.*interpreter: \(.*\)\]/\1/p')
	triplet= ldso=
	for c in $cross $ccross; do
		# in the sysroot's lib/, or where the program names it (lib64/)
		for l in "/usr/${c%-}/lib/$(basename "$interp")" "/usr/${c%-}$interp"; do
			[ -e "$l" ] && triplet=${c%-} && ldso=$l && break 2
		done
	done
	if [ -z "$triplet" ]; then
		ldd "$f" 2>/dev/null | grep -o '/[^ ]*' | while read -r lib; do
			mkdir -p "$root$(dirname "$lib")"
			cp -L "$lib" "$root$lib"
		done
		continue
	fi
	# all of strings' output is read: no SIGPIPE for pipefail to see
	libdir=$(strings "$ldso" | awk '!dir && /^\/lib\/[^\/]*\/$/ { dir = $0 } END { print dir }')
	[ -n "$libdir" ] || libdir=/lib/$triplet/
	mkdir -p "$root$(dirname "$interp")" "$root$libdir"
	cp -L "$ldso" "$root$interp"
	readelf -d "$f" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' |
		while read -r lib; do
			cp -L "/usr/$triplet/lib/$lib" "$root$libdir$lib"
		done
done
