#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-entries.sh OBJDUMP READELF IMAGE SYMBOL...
#
# Fails (and says why) unless each function SYMBOL of IMAGE runs as its
# callers call it with nothing set up (asm/vdso/gettimeofday.h): no
# global entry point that sets r2 from r12, no use of r1 (no frame, no
# stack slot, nothing in the caller's protected zone) or of r2 (but the
# no-op "ori r2,r2,0"), and no call, which would save LR in the
# caller's frame. Its tail calls are branches: to __vdso_ppc_tail, or
# to another function held to the same.

objdump=$1
readelf=$2
image=$3
shift 3

fail() {
	echo "$image: $*" >&2
	exit 1
}

syms=$($readelf -sW "$image") || fail "not an ELF file"
code=$($objdump -d --no-show-raw-insn "$image") || fail "cannot be disassembled"
for sym in "$@"; do
	echo "$syms" | grep -qE " $sym(@|\$)" || fail "has no $sym"
	! echo "$syms" | grep -E "localentry.* $sym(@|\$)" >/dev/null ||
		fail "$sym sets r2 at a global entry point"
	body=$(echo "$code" | awk -v s="<$sym>:" '$2 == s { on = 1; next } on && !NF { exit } on')
	[ -n "$body" ] || fail "$sym: no code"
	bad=$(echo "$body" | grep -vE 'ori[[:space:]]+r2,r2,0$' |
	      grep -E '\<r[12]\>|[[:space:]](bl|bctrl|blrl)[[:space:]]|[[:space:]](bctrl|blrl)$')
	[ -z "$bad" ] || fail "$sym uses r1, r2 or makes a call: $bad"
done
