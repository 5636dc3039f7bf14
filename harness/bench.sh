#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# bench.sh ARCH...: instructions per call of each vDSO function and of its
# system call, on our kernel and on upstream's, both built from the same
# config fragments, booted under QEMU with -icount shift=0 (one guest
# nanosecond per instruction, so the figures repeat exactly). Each kernel
# boots twice; the table says whether the two runs agreed.
#
# Prints a Markdown table, writes it to bench/results.md and into the
# README; on an x86-64 host it adds a native figure (native_section), and
# with x86_64 among the arches the hypervisors' clocks, counted on the
# host (vclock-bench.sh). It reports, and never fails on a number.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
. "$top/harness/lib.sh"
out=$top/bench/results.md
mkdir -p "$top/bench"

# run ARCH FLAVOUR N PROGRAM...: boot the bench once, leave each
# program's BENCH lines in its own file, PROGRAM.FLAVOUR.N
run() {
	local arch=$1 flavour=$2 n=$3 dir=$build/$1/bench kernel p
	shift 3
	kernel=$build/$arch/boot-image
	[ "$flavour" = upstream ] && kernel=$build/$arch/upstream-boot-image
	QEMU_EXTRA="-icount shift=0,sleep=off -smp 1 -rtc base=2026-01-01T00:00:00,clock=vm $(archvar "$arch" bench-qemu)" \
		"$top/harness/boot.sh" "$arch" "$kernel" "$dir/initramfs" $((1200 * $#)) \
		$(archvar "$arch" bench) > "$dir/$flavour.$n.log" 2>&1 || true
	for p in "$@"; do
		sed 's/\r$//' "$dir/$flavour.$n.log" |
			awk -v p="$p" '/^### BEGIN / { cur = $3 } cur == p && /^BENCH /' \
			> "$dir/$p.$flavour.$n"
		[ -s "$dir/$p.$flavour.$n" ] ||
			{ echo "bench: $arch/$flavour: no figures from $p, see $dir/$flavour.$n.log" >&2; return 1; }
	done
}

text_size() {
	"$(archvar "$1" cross)size" -A "$2" | awk '$1 == ".text" { print $2 }'
}

# native_section: on an x86-64 host, our clock_gettime() read path on the
# real TSC against a bare ordered TSC read, then our getrandom() with the
# vector and the scalar ChaCha20 against the host's system call, length by
# length (tools/testing/vdso native.c), as a Markdown section; nothing
# elsewhere, or if it cannot be measured
native_section() {
	local fig cpu
	[ "$(uname -m)" = x86_64 ] || return 0
	fig=$(make -s -C "$top/tools/testing/vdso" native 2>/dev/null) || {
		echo "bench: no native x86_64 figure (make -C tools/testing/vdso native)" >&2
		return 0
	}
	cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
	awk -v cpu="${cpu:-unknown CPU}" '
		$1 == "tsc:" { mhz = $2; how = $6 }
		$1 == "ours:" { ours = $2 }
		$1 == "bare:" { bare = $2 }
		$1 == "diff:" { diff = $2 }
		$1 == "libc:" { libc = $2; cs = $NF; sub(/\)$/, "", cs) }
		$1 == "calls:" { calls = $2; rounds = $7 }
		$1 == "getrandom:" {
			len[++n] = $2
			for (i = 4; i < NF; i += 2)
				ns[$2, $i] = $(i + 1)
		}
		$1 == "getrandom" && $2 == "rounds:" { grounds = $3; gms = $6 }
		$1 == "getrandom" && $2 == "paths:" { paths = $3 " " $4 }
		$1 == "getrandom" && $2 == "check:" { keys = $3; after = $8; short = $12 }
		END {
			if (ours == "" || bare == "")
				exit 1
			print "### x86_64 native (host)"
			print ""
			printf("Nanoseconds per call on the host that ran the bench, %s, TSC at %.0f MHz;\n", cpu, mhz)
			printf("best of %d rounds of %d calls (`make -C tools/testing/vdso native`).\n", rounds, calls)
			print ""
			print "| read | ns/call |"
			print "|---|---:|"
			printf("| clock_gettime(MONOTONIC), ours (lib/vdso on the TSC) | %s |\n", ours)
			printf("| ordered TSC read alone (%s) | %s |\n", how, bare)
			printf("| difference: ours less the TSC read | %s |\n", diff)
			printf("| host libc clock_gettime(MONOTONIC) (host vDSO, clocksource %s) | %s |\n", cs, libc)
			print ""
			if (!n)
				exit 0
			print "getrandom(buf, length, 0) in ns per call on the same host, length"
			print "in bytes: lib/vdso/getrandom.c built with the vector ChaCha20 (SSE2,"
			print "as x86-64 has it) and with the scalar one, each from a seeded state"
			print "on a ready RNG page, and the host kernel\047s getrandom system call;"
			printf("best of %d rounds of about %d ms.\n", grounds, gms)
			print ""
			print "| length | vector | scalar | vector/scalar | syscall |"
			print "|---|---:|---:|---:|---:|"
			for (i = 1; i <= n; i++) {
				l = len[i]
				v = ns[l, "vector"]
				s = ns[l, "scalar"]
				k = ns[l, "syscall"]
				printf("| %s | %s | %s | %.2f | %s |\n", l, v, s, v / s, k)
				if (v + 0 >= s + 0)
					slow_s = slow_s " " l
				if (v + 0 >= k + 0)
					slow_k = slow_k " " l
			}
			print ""
			printf("Vector faster than scalar at every length: %s.\n",
			       slow_s == "" ? "yes" : "no, not at" slow_s)
			printf("Vector faster than the system call at every length: %s.\n",
			       slow_k == "" ? "yes" : "no, not at" slow_k)
			if (paths != "vector, scalar")
				printf("The builds took the %s paths: the figures are wrong.\n",
				       paths)
			if (after != 0 || keys != 2)
				printf("System calls: %s key requests, %s while timing.\n",
				       keys, after)
			if (short != 0)
				printf("%s calls returned less than asked for.\n", short)
			print ""
		}' <<<"$fig" || echo "bench: native x86_64 figure unreadable: $fig" >&2
}

{
	echo "Instructions per call (QEMU TCG, \`-icount shift=0\`), ours against upstream"
	echo "Linux 6.12 built from the same config; made on $(date -u +%Y-%m-%d) by \`make bench\`."
	echo
} > "$out.new"

# table ARCH PROGRAM TITLE ABI OURS-IMAGE UPSTREAM-IMAGE: one table
table() {
	local arch=$1 p=$2 title=$3 abi=$4 dir=$build/$1/bench same=yes
	cmp -s "$dir/$p.ours.1" "$dir/$p.ours.2" &&
		cmp -s "$dir/$p.upstream.1" "$dir/$p.upstream.2" || same=no
	echo "### $title (two runs agree: $same)"
	echo
	echo "| function | vDSO ours | vDSO upstream | ours/upstream | syscall ours | syscall upstream |"
	echo "|---|---:|---:|---:|---:|---:|"
	awk 'NR == FNR { vu[$2] = $3; su[$2] = $4; next }
	{
		r = ($3 == "-" || vu[$2] == "-" || vu[$2] + 0 <= 0) ? "-" : sprintf("%.2f", $3 / vu[$2])
		printf("| %s | %s | %s | %s | %s | %s |\n", $2, $3, vu[$2], r, $4, su[$2])
	}' "$dir/$p.upstream.1" "$dir/$p.ours.1"
	echo
	echo "vDSO .text: ours $(text_size "$abi" "$5") bytes, upstream $(text_size "$abi" "$6") bytes."
	echo
}

for arch in "$@"; do
	"$top/harness/build-kernel.sh" "$arch"
	"$top/harness/build-kernel.sh" "$arch" pristine
	"$top/harness/build-guest.sh" "$arch"
	dir=$build/$arch/bench
	rm -rf "$dir"
	mkdir -p "$dir"
	# the native processes' bench, then each other ABI's (arches.mk)
	progs=vdso_bench
	for pair in $(archvar "$arch" compat); do
		progs="$progs ${pair#*:}vdso_bench"
	done
	for p in $progs; do
		echo "$p 1200"
	done > "$build/$arch/root/etc/tests"
	"$top/harness/mkinitramfs.sh" "$build/$arch/kbuild/usr/gen_init_cpio" \
		"$build/$arch/root" "$dir/initramfs"
	for flavour in ours upstream; do
		for n in 1 2; do
			printf '  %-7s %s\n' BENCH "$arch $flavour, run $n"
			run "$arch" "$flavour" "$n" $progs
		done
	done

	up_dbg=$(find "$build/$arch/upstream/arch" -name vdso.so.dbg -o -name vdso64.so.dbg | sort | head -1)
	table "$arch" vdso_bench "$arch" "$arch" "$build/$arch/vdso.so.dbg" "$up_dbg" >> "$out.new"
	for pair in $(archvar "$arch" compat); do
		abi=${pair%%:*}
		img=$(archvar "$abi" compat-image)
		table "$arch" "${pair#*:}vdso_bench" "$arch: $abi processes ($img)" "$abi" \
			"$(find "$build/$arch/kbuild/arch" -name "$img" | head -1)" \
			"$(find "$build/$arch/upstream/arch" -name "$img" | head -1)" >> "$out.new"
	done
done
native_section >> "$out.new"
# the hypervisors' clocks on the x86 images, where the host can count them
case " $* " in
*" x86_64 "*)
	"$top/harness/vclock-bench.sh" >> "$out.new" ||
		echo "bench: no hypervisor clock figures (harness/vclock-bench.sh)" >&2
	;;
esac
mv "$out.new" "$out"
cat "$out"

# the README shows the latest table
readme=$top/README.md
if grep -q '^<!-- bench:start -->' "$readme"; then
	awk -v table="$out" '
		/^<!-- bench:start -->/ { print; while ((getline l < table) > 0) print l; skip = 1; next }
		/^<!-- bench:end -->/ { skip = 0 }
		!skip' "$readme" > "$readme.new" && mv "$readme.new" "$readme"
fi
