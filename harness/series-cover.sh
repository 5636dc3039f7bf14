#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# series-cover.sh REPO N CHECKPATCH_LOG: the cover letter's subject (the
# first line) and body, for harness/series.sh. The prose is here; the
# matrix comes from README.md's table, the costs from bench/results.md,
# the checks left from checkpatch's log of the series.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
repo=$1 n=$2 cplog=$3

cat <<'EOF'
vdso: a new generic vDSO, on seven architectures

This series replaces the kernel's vDSO with a new implementation: one
generic library (lib/vdso, include/vdso) that does everything every
architecture does alike, the writer that feeds it from timekeeping
(kernel/time/vsyscall.c), and thin glue per architecture. User space
sees the same ABI: the same exported names, version nodes and ELF
layout, so glibc, musl, Go and Rust keep working unchanged.

Design, in short
----------------
- [vvar] is a fixed set of pages (time data, the time namespace's host
  page, getrandom's generation, an architecture's own page) inserted on
  fault by lib/vdso/vma.c, which also maps the image and follows
  mremap(); an architecture calls vdso_map() at execve.
- A clock read is one pass under the sequence count: the counter, and
  the delta checked against one bound per clock that the writer sets at
  each update, short of the clock's next second: no overflow and no
  carry on the fast path; past it, a 96-bit multiply where 64 bits
  could overflow. Each clock's slot holds its scaling and clock mode,
  so that every clock is read by the same instructions. Anything the
  vDSO cannot answer (an unknown clock, a counter user space cannot
  read, a time namespace's page, an RNG not ready) makes the real system
  call, so the answer is always the system call's, bad input included.
- getrandom() has a vector ChaCha20 in C (vdso/chacha.h) for every
  architecture with vector registers and a scalar one otherwise, and
  leaves no key material in registers or on the stack.
- An architecture's glue is a header (read the counter or say it
  cannot; make the system call), a version script and the mapping: 400
  to 1100 lines per architecture against 900 to 2300 upstream.

What is beyond upstream
-----------------------
- getrandom() on riscv64, arm (and arm64's AArch32 tasks), i386 tasks
  and mips; time namespaces on arm and mips; clock_getres_time64() on
  the 32-bit ABIs; riscv_hwprobe() answers for any set of CPUs where
  every CPU answers alike, following CPU hotplug.

What is not done yet
--------------------
- No compat image for riscv (rv32; COMPAT depends on BROKEN), no 32-bit
  powerpc vDSO (those tasks run without one, as vdso=0 does), no o32 or
  n32 images on mips64 (MIPS32_O32 and MIPS32_N32 cannot be selected).
- Some calls still cost more instructions than upstream's (below).

Bisection
---------
include/vdso is shared by every architecture's vDSO, so the new library
cannot land beside the old one: patch 2 replaces it and moves x86, arm64
and arm (whose image arm64's AArch32 tasks use) onto it at once. The
x86-64 and arm64 test kernels are meant to build after every patch (the
project's make series-check builds both at each one); riscv, powerpc,
s390 and mips do not build from patch 2 until their own patch, which
follows it directly.
EOF
echo
if [ -s "${BUILD:-$top/build}/series-check.log" ]; then
	tail -1 "${BUILD:-$top/build}/series-check.log"
else
	echo "make series-check has not been run on this series."
fi
cat <<'EOF'

Supported matrix
----------------
EOF
sed -n '/^| arch /,/^$/p' "$top/README.md"

cat <<'EOF'
Tests
-----
Every architecture boots under QEMU on a clocksource the vDSO reads and
on one it cannot (where every answer must come from the system call),
and without a vDSO where processes can run without one. The selftests
(patch 8) hold every entry to the system call's answer; upstream's 6.12
vDSO selftests run unmodified; Debian's glibc, dynamic and static, gets
every answer under a seccomp filter that kills the process on those
system calls. A host harness (patch 7) checks the library against an
exact reference and the paravirtual clocks against pages written as the
hypervisors write them.

Cost
----
Instructions per call under QEMU with -icount shift=0, ours against
upstream 6.12 on the same config (ranges of ours/upstream over the
rows of each table; getrandom has no upstream figure where upstream has
none):

EOF
awk '
	/^### / { if (arch != "") report(); arch = $2; sub(/ \(two runs.*/, "", arch)
		  title = $0; sub(/^### /, "", title); sub(/ \(two runs.*/, "", title)
		  lo = ""; hi = ""; next }
	/^\| [a-z_]+\(|^\| (gettimeofday|time|getcpu) / && arch != "" {
		n = split($0, f, "|"); r = f[5]; gsub(/ /, "", r)
		if (r ~ /^[0-9.]+$/) { if (lo == "" || r < lo) lo = r; if (hi == "" || r > hi) hi = r }
	}
	function report() { if (lo != "") printf("  %-32s %s to %s\n", title, lo, hi); arch = "" }
	END { if (arch != "") report() }
' "$top/bench/results.md"

echo
echo "Checks left by checkpatch --strict"
echo "----------------------------------"
if grep -q '^CHECK:' "$cplog"; then
	grep -o '^CHECK:[A-Z_]*' "$cplog" | sort | uniq -c | sort -rn |
		while read -r count type; do
			type=${type#CHECK:}
			case $type in
			CAMELCASE) why="ELF, libgcc and hypervisor ABI names (Elf64_Sym, _Unwind_Backtrace)" ;;
			ARCH_DEFINES) why="per-architecture ABI facts (selftests, x86's 32-bit/x32 glue, the host harness's x86-64 stand-ins)" ;;
			UNDOCUMENTED_SETUP) why="vdso32=, which kernel-parameters.txt documents already (the __setup moved files)" ;;
			MACRO_ARG_REUSE) why="arguments that are types or symbol names, never evaluated twice" ;;
			*) why="see the patch" ;;
			esac
			printf '  %3d %s: %s\n' "$count" "$type" "$why"
		done
else
	echo "  none"
fi
