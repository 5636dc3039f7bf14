#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# build-kernel.sh ARCH [pristine|series|VARIANT]: configure and build the
# test kernel.
#
# Ours by default, from $BUILD/src (harness/prepare.sh lays it out), into
# $BUILD/<arch>/kbuild; with "pristine", upstream's unmodified tree with
# the same config fragments, into $BUILD/<arch>/upstream (the baseline
# for benchmarks); with "series", whatever commit of the patch series
# $BUILD/series-git has checked out, into $BUILD/<arch>/series (make
# series-check); with a VARIANT named in <arch>-variants (arches.mk),
# ours with harness/config/<arch>-<variant>.config on top, into
# $BUILD/<arch>/kbuild-<variant>. Artifacts: $BUILD/<arch>/boot-image and
# vdso.so.dbg (ours), upstream-boot-image (pristine),
# boot-image-<variant>; what make vdso_install installs, in
# $BUILD/<arch>/vdso-install (ours).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
arch=${1:?usage: build-kernel.sh ARCH [pristine|series|VARIANT]}
flavour=${2:-ours}

die() { echo "build-kernel: $arch: $*" >&2; exit 1; }
say() { printf '  %-7s %s\n' "$1" "$2"; }

. "$top/harness/lib.sh"
kbuild_arch=$(archvar "$arch" kbuild)
cross=$(archvar "$arch" cross)
image=$(archvar "$arch" image)
[ -n "$kbuild_arch" ] || die "unknown architecture (supported: $(arches))"
command -v "${cross}gcc" >/dev/null || die "no ${cross}gcc: run 'make deps'"

if [ "$flavour" = pristine ]; then
	src=$build/pristine
	out=$build/$arch/upstream
	[ -d "$src" ] || "$top/harness/prepare.sh"
elif [ "$flavour" = series ]; then
	src=$build/series-git
	out=$build/$arch/series
	[ -d "$src/.git" ] || die "no $src: run 'make series' first"
elif [ "$flavour" = ours ]; then
	src=$build/src
	out=$build/$arch/kbuild
	"$top/harness/prepare.sh"
else
	case " $(archvar "$arch" variants) " in
	*" $flavour "*) ;;
	*) die "no variant '$flavour' (<arch>-variants in harness/arches.mk)" ;;
	esac
	src=$build/src
	out=$build/$arch/kbuild-$flavour
	"$top/harness/prepare.sh"
fi
mkdir -p "$out"

export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'
export KBUILD_BUILD_USER=vdso KBUILD_BUILD_HOST=build
export CCACHE_BASEDIR=$build
kmake_vars=$(archvar "$arch" kmake)
kmake() {
	# shellcheck disable=SC2086
	make -C "$src" O="$out" ARCH="$kbuild_arch" CROSS_COMPILE="$cross" \
		CC="ccache ${cross}gcc" HOSTCC="ccache gcc" $kmake_vars "$@"
}

# Configure when the fragments changed: tinyconfig, then ours on top.
frags=("$top/harness/config/common.config" "$top/harness/config/$arch.config")
case $flavour in
ours|pristine|series) ;;
*) frags+=("$top/harness/config/$arch-$flavour.config") ;;
esac
sum=$(cat "${frags[@]}" | sha1sum)
if [ ! -f "$out/.config" ] || [ "$(cat "$out/.config-frags" 2>/dev/null)" != "$sum" ]; then
	say CONFIG "$arch ($flavour)"
	kmake -s tinyconfig >/dev/null 2>"$out/config.log" || die "tinyconfig failed: see $out/config.log"
	# shellcheck disable=SC2086
	(cd "$src" && export $kmake_vars && ARCH=$kbuild_arch CROSS_COMPILE=$cross \
		scripts/kconfig/merge_config.sh -m -O "$out" "$out/.config" "${frags[@]}") \
		>>"$out/config.log" 2>&1 || die "merging the config fragments failed: see $out/config.log"
	kmake -s olddefconfig >>"$out/config.log" 2>&1 || die "olddefconfig failed: see $out/config.log"
	# every option a fragment asks for must have stuck (the last
	# fragment that names an option has the last word)
	missing=$(cat "${frags[@]}" | grep -E '^CONFIG_' |
		awk -F= '{ if (!($1 in v)) o[n++] = $1; v[$1] = $0 }
			 END { for (i = 0; i < n; i++) print v[o[i]] }' |
		while IFS= read -r line; do
		sym=${line%%=*}; val=${line#*=}
		if [ "$val" = n ]; then
			if grep -q "^$sym=" "$out/.config"; then echo "$line"; fi
		else
			grep -qx "$line" "$out/.config" || echo "$line"
		fi
	done || true)
	# upstream may lack what ours adds (arm: time namespaces): say so
	if [ -n "$missing" ] && { [ "$flavour" = pristine ] || [ "$flavour" = series ]; }; then
		echo "  NOTE    $arch upstream lacks:" $missing
	elif [ -n "$missing" ]; then
		die "config options did not stick (unmet dependencies?):
$missing"
	fi
	echo "$sum" > "$out/.config-frags"
fi

say BUILD "$arch kernel ($flavour), log in $out/build.log"
# progress: a line every 500 build steps (a cold build is ~2500)
progress() {
	tee "$out/build.log" | awk '/^  [A-Z]/ && ++n % 500 == 0 {
		printf("  ...     %d build steps\n", n); fflush() }'
}
if ! kmake -j"$(nproc)" 2>&1 | progress; then
	grep -E 'error|Error|\*\*\*' "$out/build.log" | head -20 >&2
	die "the kernel build failed: see $out/build.log"
fi

if [ "$flavour" = series ]; then
	say DONE "$out/$image"
	exit 0
elif [ "$flavour" = pristine ]; then
	cp "$out/$image" "$build/$arch/upstream-boot-image"
	say DONE "$build/$arch/upstream-boot-image"
	exit 0
elif [ "$flavour" != ours ]; then
	cp "$out/$image" "$build/$arch/boot-image-$flavour"
	say DONE "$build/$arch/boot-image-$flavour"
	exit 0
fi
cp "$out/$image" "$build/$arch/boot-image"
# the debug images as make vdso_install installs them (with their
# .build-id links), which the guest gets under /lib/modules
rm -rf "$build/$arch/vdso-install"
kmake -s vdso_install INSTALL_MOD_PATH="$build/$arch/vdso-install" >>"$out/build.log" 2>&1 ||
	die "make vdso_install failed: see $out/build.log"
# the native image (x86-64 builds vdso32 and vdsox32 too)
dbg=$(find "$out/arch/$kbuild_arch" -name vdso.so.dbg -o -name vdso64.so.dbg |
	sort | head -1)
[ -n "$dbg" ] || die "no vdso.so.dbg or vdso64.so.dbg in the build"
cp "$dbg" "$build/$arch/vdso.so.dbg"
say DONE "$build/$arch/boot-image"
