#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run each test program given (a command line per argument), show its TAP
# output, and end with "N passed, N failed". A program that exits nonzero
# or runs fewer tests than it planned counts as one more failure.

passed=0
failed=0
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT

for cmd in "$@"; do
	start=$(date +%s.%N)
	$cmd >"$tmp" 2>&1
	rc=$?
	end=$(date +%s.%N)
	echo "# ==== $cmd"
	cat "$tmp"
	ok=$(grep -c '^ok ' "$tmp")
	notok=$(grep -c '^not ok ' "$tmp")
	plan=$(sed -n 's/^1\.\.\([0-9]*\)$/\1/p' "$tmp" | head -n 1)
	passed=$((passed + ok))
	failed=$((failed + notok))
	if [ "$rc" -ne 0 ] && [ "$notok" -eq 0 ] ||
	   [ "${plan:-0}" -ne $((ok + notok)) ]; then
		echo "not ok - $cmd: exit status $rc, ran $((ok + notok)) of ${plan:-?} tests"
		failed=$((failed + 1))
	fi
	echo "# $(echo "$end - $start" | awk '{ printf "%.1f", $1 - $3 }') s"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
