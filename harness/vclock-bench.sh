#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vclock-bench.sh: instructions per call of the x86 images' time functions
# in each clock mode, ours against upstream's, counted on the host by
# valgrind's callgrind (harness/vclock-bench.c maps an image on [vvar]
# pages it writes). The TSC rows check the method against make bench's
# QEMU figures; the kvm-clock and Hyper-V rows are the only figures for
# those clocks, which QEMU without KVM does not show a guest.
#
# Needs the x86_64 build (make bench or make check), valgrind and
# i686-linux-gnu-gcc. Prints a Markdown section; never fails on a number.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
ours=$build/x86_64/kbuild/arch/x86/entry/vdso
up=$build/x86_64/upstream/arch/x86/entry/vdso
out=$build/vclock-bench
mkdir -p "$out"

command -v valgrind >/dev/null || { echo "vclock-bench: no valgrind" >&2; exit 1; }
for f in "$ours/vdso64.so" "$ours/vdso32/vdso32.so" "$up/vdso64.so" "$up/vdso32.so"; do
	[ -f "$f" ] || { echo "vclock-bench: no $f: build x86_64 first" >&2; exit 1; }
done
gcc -O2 -Wall -o "$out/vb64" "$top/harness/vclock-bench.c"
i686-linux-gnu-gcc -O2 -Wall -static -o "$out/vb32" "$top/harness/vclock-bench.c"

# ir PROG ARGS...: instructions the program ran, all of them
ir() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 |
		sed -n 's/.*Collected : //p'
}

# per_call PROG IMAGE LAYOUT MODE FUNCTION CLOCK: instructions per call,
# less an empty call's: the difference of 2000 and 1000 calls, each way
per_call() {
	local prog=$1 img=$2 lay=$3 mode=$4 fn=$5 clock=$6 a b e1 e2
	a=$(ir "$prog" "$img" "$lay" "$mode" "$fn" "$clock" 1000) || return 1
	b=$(ir "$prog" "$img" "$lay" "$mode" "$fn" "$clock" 2000) || return 1
	e1=$(ir "$prog" "$img" "$lay" "$mode" empty "$clock" 1000)
	e2=$(ir "$prog" "$img" "$lay" "$mode" empty "$clock" 2000)
	# a run whose check failed printed no count
	[ -n "$a" ] && [ -n "$b" ] || return 1
	echo $(((b - a - (e2 - e1)) / 1000))
}

# row NAME PROG OURS UPSTREAM FUNCTION CLOCK: one table row, three modes
row() {
	local name=$1 prog=$2 oimg=$3 uimg=$4 fn=$5 clock=$6 m o u line
	line="| $name"
	for m in 1 2 3; do
		o=$(per_call "$prog" "$oimg" ours $m "$fn" "$clock") || o=-
		u=$(per_call "$prog" "$uimg" upstream $m "$fn" "$clock") || u=-
		if [ "$o" = - ] || [ "$u" = - ]; then
			line="$line | $o | $u | -"
		else
			line="$line | $o | $u | $(awk -v o="$o" -v u="$u" 'BEGIN { printf("%.2f", o / u) }')"
		fi
	done
	echo "$line |"
}

cat <<EOF
### x86: the hypervisors' clocks (host, callgrind)

Instructions per call on the host, counted by callgrind with the image
mapped on [vvar] pages written as each kernel lays them out
(\`harness/vclock-bench.sh\`): the TSC, kvm-clock's pvclock page and the
Hyper-V TSC page. Each cell: ours / upstream / ratio. TSC rows agree with
the QEMU tables above to a few instructions.

| call | TSC ours | TSC upstream | ratio | kvm-clock ours | kvm-clock upstream | ratio | Hyper-V ours | Hyper-V upstream | ratio |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
EOF
o64=$ours/vdso64.so u64=$up/vdso64.so
o32=$ours/vdso32/vdso32.so u32=$up/vdso32.so
row "x86_64 clock_gettime(MONOTONIC)" "$out/vb64" "$o64" "$u64" __vdso_clock_gettime 1
row "x86_64 clock_gettime(MONOTONIC_RAW)" "$out/vb64" "$o64" "$u64" __vdso_clock_gettime 4
row "x86_64 clock_gettime(BOOTTIME)" "$out/vb64" "$o64" "$u64" __vdso_clock_gettime 7
row "x86_64 gettimeofday" "$out/vb64" "$o64" "$u64" __vdso_gettimeofday 0
TIMENS=1 row "x86_64 clock_gettime(MONOTONIC),timens" "$out/vb64" "$o64" "$u64" __vdso_clock_gettime 1
row "i386 clock_gettime64(MONOTONIC)" "$out/vb32" "$o32" "$u32" __vdso_clock_gettime64 1
row "i386 clock_gettime(MONOTONIC)" "$out/vb32" "$o32" "$u32" __vdso_clock_gettime 1
row "i386 gettimeofday" "$out/vb32" "$o32" "$u32" __vdso_gettimeofday 0
echo
