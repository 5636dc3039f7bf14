#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# series-check.sh [ARCH...]: build the test kernels (x86_64 and arm64 by
# default) after every patch of the series make series wrote, commit by
# commit in $BUILD/series-git, incrementally (one build folder an
# architecture, and ccache). The log is $BUILD/series-check.log; its last
# line says how it went, and the cover letter quotes it.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
repo=$build/series-git
log=$build/series-check.log
[ $# -gt 0 ] || set -- x86_64 arm64

die() { echo "series-check: $*" | tee -a "$log" >&2; exit 1; }
say() { printf '  %-7s %s\n' "$1" "$2"; }

git -C "$repo" rev-parse -q --verify series >/dev/null ||
	{ echo "series-check: no series: run 'make series' first" >&2; exit 1; }
: > "$log"
trap 'git -C "$repo" checkout -q -f series' EXIT
n=0
for c in $(git -C "$repo" rev-list --reverse pristine..series); do
	n=$((n + 1))
	git -C "$repo" checkout -q -f "$c"
	say PATCH "$n: $(git -C "$repo" log -1 --format=%s "$c")" | tee -a "$log"
	for arch in "$@"; do
		"$top/harness/build-kernel.sh" "$arch" series >>"$log" 2>&1 ||
			die "patch $n ($(git -C "$repo" log -1 --format=%s "$c")): the $arch kernel does not build (see $build/$arch/series/build.log)"
	done
done
echo "make series-check: the $* test kernels built after each of the $n patches ($(date -u +%Y-%m-%d))." | tee -a "$log"
