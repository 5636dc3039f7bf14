#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# check.sh ARCH...: run the host harness (tools/testing/vdso), then build,
# boot and test each architecture; print a summary per step and last
# "N passed, N failed, N skipped". Exits nonzero on any failure, hang or
# panic.
#
# Each architecture boots several times, each with its own list of tests:
#
#   main      everything, on a clocksource the vDSO reads
#   fallback  the correctness tests and the libc proof on a clocksource
#             the vDSO cannot read (<arch>-fallback in arches.mk): every
#             answer must still be right, and the libc proof must fail,
#             since the vDSO now makes the system calls
#   novdso    no vDSO (<arch>-novdso: x86's vdso=0): the libc proof must
#             fail, so the proof has teeth
#   hidden    arm (<arch>-hidden): a device tree whose timer the firmware
#             left unset, where the kernel takes the time entries out of
#             the vDSO's symbol table: vdso_hidden checks that, and the
#             libc proof must fail
#   chacha    s390x and x86-64 (<arch>-chacha-qemu): a CPU on which
#             getrandom()'s ChaCha20 takes its other form (s390x without
#             the vector facility: scalar; x86-64 without SSSE3: SSE2):
#             its selftest (known answers included) and the libc proof,
#             for each ABI
#   numa      ppc64le (<arch>-numa-qemu): two NUMA nodes, a CPU in each:
#             vdso_getcpu, whose node is then not always 0
#   VARIANT   each of <arch>-variants: another kernel of the architecture
#             (mips64el's Release 6 one), whose guest is one program of
#             ours, <arch>-<variant>-init, run as init
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
. "$top/harness/lib.sh"

# The tests of each boot: "pass|fail NAME [TIMEOUT] [ARGS]". Each set
# runs for the architecture, then for each other ABI it runs (arm64:
# AArch32; x86-64: i386 and x32).
# sets ARCH: "CC PREFIX" of each set of programs
sets() {
	local pair
	echo "$(archvar "$1" cross)gcc "
	for pair in $(archvar "$1" compat); do
		echo "$(archvar "${pair%%:*}" cross)gcc ${pair#*:}"
	done
}
main_tests() {
	local t cc pre
	sets "$1" | while read -r cc pre; do
		for t in $(make -s -C "$top/tools/testing/selftests/vDSO" STANDALONE=1 \
				CC="$cc" print-tests); do
			echo "pass $pre$t 600"
		done
		for t in $(cd "$build/$1/root/tests" && ls "${pre}upstream_"*); do
			case " $(archvar "$1" upstream-fail) " in
			*" $t "*) echo "fail $t 300" ;;
			*) echo "pass $t 300" ;;
			esac
		done
		echo "pass ${pre}libc_vdso 60"
		echo "pass ${pre}libc_vdso_static 60"
	done
}
fallback_tests() {
	local t cc pre
	sets "$1" | while read -r cc pre; do
		for t in $(make -s -C "$top/tools/testing/selftests/vDSO" STANDALONE=1 \
				CC="$cc" print-fallback-tests); do
			echo "pass $pre$t 600"
		done
		echo "fail ${pre}libc_vdso 60"
		echo "fail ${pre}libc_vdso_static 60"
	done
}
novdso_tests() {
	local cc pre
	sets "$1" | while read -r cc pre; do
		echo "fail ${pre}libc_vdso 60"
		echo "fail ${pre}libc_vdso_static 60"
	done
}
chacha_tests() {
	local cc pre
	sets "$1" | while read -r cc pre; do
		echo "pass ${pre}vdso_getrandom 600"
		echo "pass ${pre}libc_vdso 60"
	done
}
numa_tests() {
	local cc pre
	sets "$1" | while read -r cc pre; do
		echo "pass ${pre}vdso_getcpu 300"
	done
}
hidden_tests() {
	echo "pass vdso_hidden 60"
	echo "fail libc_vdso 60"
	echo "fail libc_vdso_static 60"
}

# summarise ARCH NAME: add up the results of boot NAME
summarise() {
	local dir=$build/$1/boot-$2 res
	res=$(awk -v expect="$dir/expect" -v boot="$1/$2" \
		-f "$top/harness/tap-summary.awk" "$dir/console.log")
	printf '%s\n' "$res" | grep -v '^TOTAL'
	set -- $(printf '%s\n' "$res" | sed -n 's/^TOTAL //p')
	passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3))
}

# boot ARCH NAME KERNEL-ARGS: run one boot's tests, add up its results
boot() {
	local arch=$1 name=$2 args=$3 dir=$build/$1/boot-$2
	mkdir -p "$dir"
	"${name}_tests" "$arch" > "$dir/expect.full"
	cut -d' ' -f1,2 "$dir/expect.full" > "$dir/expect"
	cut -d' ' -f2- "$dir/expect.full" > "$build/$arch/root/etc/tests"
	"$top/harness/mkinitramfs.sh" "$build/$arch/kbuild/usr/gen_init_cpio" \
		"$build/$arch/root" "$dir/initramfs"
	printf '  %-7s %s: %s\n' BOOT "$arch" "$name${args:+ ($args)}, console in $dir/console.log"
	QEMU_EXTRA=${qemu_extra:-} "$top/harness/boot.sh" "$arch" \
		"$build/$arch/boot-image" "$dir/initramfs" \
		1800 $args > "$dir/console.log" 2>&1
	summarise "$arch" "$name"
}

# boot_variant ARCH VARIANT: build its kernel, boot it with its init alone
boot_variant() {
	local arch=$1 v=$2 dir=$build/$1/boot-$2 init
	init=$(archvar "$arch" "$v-init")
	if ! "$top/harness/build-kernel.sh" "$arch" "$v"; then
		echo "  FAIL  $arch/$v: could not build (see above)"
		failed=$((failed + 1))
		return
	fi
	rm -rf "$dir" && mkdir -p "$dir/root"
	cp "$build/$arch/root/tests/$init" "$dir/root/init"
	echo "pass $init" > "$dir/expect"
	"$top/harness/mkinitramfs.sh" "$build/$arch/kbuild/usr/gen_init_cpio" \
		"$dir/root" "$dir/initramfs"
	printf '  %-7s %s: %s\n' BOOT "$arch" "$v, console in $dir/console.log"
	"$top/harness/boot.sh" "$arch-$v" "$build/$arch/boot-image-$v" \
		"$dir/initramfs" 600 > "$dir/console.log" 2>&1
	summarise "$arch" "$v"
}

all_p=0 all_f=0 all_s=0 status=0

# First the generic library on the host (tools/testing/vdso).
"$top/harness/prepare.sh" || exit 1
printf '  %-7s %s\n' HOST "tools/testing/vdso, log in $build/host-tests.log"
make -C "$top/tools/testing/vdso" > "$build/host-tests.log" 2>&1
host_rc=$?
res=$(tail -n 5 "$build/host-tests.log" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p')
if [ -z "$res" ]; then
	echo "  FAIL  host: tools/testing/vdso did not finish: see $build/host-tests.log"
	all_f=1
else
	grep '^not ok' "$build/host-tests.log" | sed 's/^/        /'
	all_p=${res% *}; all_f=${res#* }
	[ "$host_rc" = 0 ] || [ "$all_f" != 0 ] || all_f=1
	echo "host: $all_p passed, $all_f failed"
fi
[ "$all_f" = 0 ] || status=1

for arch in "$@"; do
	passed=0 failed=0 skipped=0
	if [ -z "$(archvar "$arch" kbuild)" ]; then
		echo "check: unknown architecture '$arch' (supported: $(arches))" >&2
		exit 2
	fi
	if ! "$top/harness/build-kernel.sh" "$arch" || ! "$top/harness/build-guest.sh" "$arch"; then
		echo "  FAIL  $arch: could not build (see above)"
		failed=1
	else
		boot "$arch" main ""
		# an architecture without such a clocksource or switch skips it
		fb=$(archvar "$arch" fallback)
		[ -z "$fb" ] || boot "$arch" fallback "$fb"
		nv=$(archvar "$arch" novdso)
		[ -z "$nv" ] || boot "$arch" novdso "$nv"
		# arm: a device tree whose timer the firmware left unset
		if [ -n "$(archvar "$arch" hidden)" ]; then
			"$top/harness/dtb-timer-unset.sh" "$arch" \
				"$build/$arch/kbuild/scripts/dtc/dtc" "$build/$arch/hidden.dtb" &&
			qemu_extra="-dtb $build/$arch/hidden.dtb" boot "$arch" hidden "" ||
			{ echo "  FAIL  $arch: no device tree for the hidden boot"; failed=$((failed + 1)); }
		fi
		# a CPU on which getrandom()'s ChaCha20 takes its other form
		cq=$(archvar "$arch" chacha-qemu)
		[ -z "$cq" ] || qemu_extra="$cq" boot "$arch" chacha ""
		nq=$(archvar "$arch" numa-qemu)
		[ -z "$nq" ] || qemu_extra="$nq" boot "$arch" numa ""
		for v in $(archvar "$arch" variants); do
			boot_variant "$arch" "$v"
		done
	fi
	printf '%s: %d passed, %d failed, %d skipped\n' "$arch" "$passed" "$failed" "$skipped"
	all_p=$((all_p + passed)); all_f=$((all_f + failed)); all_s=$((all_s + skipped))
	[ "$failed" = 0 ] || status=1
done
echo "$all_p passed, $all_f failed, $all_s skipped"
exit $status
