#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# check-image.sh READELF IMAGE SYMBOL@VERSION...
#
# Fails (and says why) unless IMAGE is a vDSO that user space can use
# as mapped: no relocations; one PT_LOAD, not writable, at offset 0; no
# PT_TLS, PT_INTERP or PT_GNU_RELRO; PT_DYNAMIC, PT_NOTE, PT_GNU_EH_FRAME
# (PT_ARM_EXIDX on arm);
# DT_HASH, DT_GNU_HASH (not on mips, whose ABI has none), DT_VERSYM,
# DT_VERDEF, DT_SONAME and a DT_SYMENT equal to the symbol size; and each
# SYMBOL exported as a function with VERSION as its default version.

readelf=$1
image=$2
shift 2

fail() {
	echo "$image: $*" >&2
	exit 1
}

rel=$($readelf -rW "$image" | grep -E ' R_[A-Z0-9_]+' | grep -v '_NONE')
[ -z "$rel" ] || fail "has relocations: $rel"

phdrs=$($readelf -lW "$image") || fail "not an ELF file"
loads=$(echo "$phdrs" | grep -c '^ *LOAD ')
[ "$loads" = 1 ] || fail "has $loads PT_LOAD segments, not 1"
echo "$phdrs" | grep -E '^ *LOAD +0x0+ ' | grep -q 'R E' ||
	fail "PT_LOAD is not read+execute at file offset 0"
for p in TLS INTERP GNU_RELRO; do
	echo "$phdrs" | grep -q "^ *$p " && fail "has PT_$p"
done
for p in DYNAMIC NOTE; do
	echo "$phdrs" | grep -q "^ *$p " || fail "lacks PT_$p"
done
# DWARF's unwind tables, or arm's
echo "$phdrs" | grep -qE '^ *(GNU_EH_FRAME|EXIDX) ' ||
	fail "lacks PT_GNU_EH_FRAME (or arm's PT_ARM_EXIDX)"

# what perf and gdb find the debug image by
notes=$($readelf -nW "$image" 2>&1)
echo "$notes" | grep -qi 'warning' && fail "has notes readelf cannot read: $notes"
echo "$notes" | grep -q 'Build ID: [0-9a-f]' || fail "has no GNU build id note"

dyn=$($readelf -dW "$image")
tags="HASH VERSYM VERDEF SONAME SYMENT"
$readelf -hW "$image" | grep -q 'Machine: *MIPS' || tags="$tags GNU_HASH"
for t in $tags; do
	echo "$dyn" | grep -q "(${t})" || fail "lacks DT_$t"
done
if $readelf -hW "$image" | grep -q 'ELF64'; then symsize=24; else symsize=16; fi
echo "$dyn" | grep '(SYMENT)' | grep -q " $symsize (bytes)" ||
	fail "DT_SYMENT is not $symsize"

syms=$($readelf --dyn-syms -W "$image")
for want in "$@"; do
	name=${want%@*}
	ver=${want#*@}
	echo "$syms" | awk -v s="$name@@$ver" '
		$8 == s && $4 == "FUNC" && ($5 == "GLOBAL" || $5 == "WEAK") &&
		$6 == "DEFAULT" && $7 != "UND" { found = 1 }
		END { exit !found }' || fail "does not export $name@@$ver as a function"
done
exit 0
