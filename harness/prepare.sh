#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# prepare.sh: lay out the kernel tree we build, in $BUILD/src.
#
#   pristine 6.12 (from the linux-source-6.12 tarball)
#   - upstream's files in every path we own (harness/owned-paths)
#   + our files in those paths
#   + patches/*.patch, in order
#
# Incremental: only files whose content changed are rewritten, so an
# edit costs a small rebuild. A change to the owned-path list starts the
# tree over; a change to the patches re-applies them on pristine copies
# of the files they touch.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/harness/lib.sh"
build=${BUILD:-$top/build}
tarball=${LINUX_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
pristine=$build/pristine
src=$build/src

die() { echo "prepare: $*" >&2; exit 1; }
say() { printf '  %-7s %s\n' "$1" "$2"; }

[ -r "$tarball" ] || die "$tarball is missing: run 'make deps' (apt-get install linux-source-6.12)"
mkdir -p "$build"

# 1. The pristine tree, once per tarball.
stamp=$(stat -c '%s %Y' "$tarball")
if [ "$(cat "$pristine/.tarball" 2>/dev/null)" != "$stamp" ]; then
	say UNPACK "$tarball"
	rm -rf "$pristine" "$src"
	mkdir -p "$pristine"
	tar -xJf "$tarball" -C "$pristine" --strip-components=1 ||
		die "could not unpack $tarball"
	echo "$stamp" > "$pristine/.tarball"
fi

# 2. The base of our tree: pristine less the paths we own.
mapfile -t owned < <(grep -v -e '^#' -e '^$' "$top/harness/owned-paths")
owned_sum=$(sha1sum < "$top/harness/owned-paths")
if [ "$(cat "$src/.owned" 2>/dev/null)" != "$owned_sum" ]; then
	say COPY "pristine tree to $src"
	rm -rf "$src"
	cp -a "$pristine" "$src"
	for p in "${owned[@]}"; do
		rm -rf "${src:?}/$p"
	done
	echo "$owned_sum" > "$src/.owned"
fi

# 3. Our files, where their content differs.
for p in "${owned[@]}"; do
	owned_copy "$top" "$src" "$p"
done

# 4. The patches to files we do not own.
patched_files() { sed -n 's#^+++ b/\([^[:space:]]*\).*#\1#p' "$@" 2>/dev/null | sort -u; }
shopt -s nullglob
patches=("$top"/patches/*.patch)
patch_sum=$(cat /dev/null "${patches[@]}" | sha1sum)
if [ "$(cat "$src/.patches" 2>/dev/null)" != "$patch_sum" ]; then
	# put back what the previous set changed
	if [ -f "$src/.patched-files" ]; then
		while read -r f; do
			if [ -e "$pristine/$f" ]; then cp -a "$pristine/$f" "$src/$f"
			else rm -f "${src:?}/$f"; fi
		done < "$src/.patched-files"
	fi
	for p in "${patches[@]}"; do
		say PATCH "$(basename "$p")"
		patch -d "$src" -p1 -s --no-backup-if-mismatch -F0 < "$p" ||
			die "$(basename "$p") does not apply to the pristine tree"
	done
	if [ ${#patches[@]} -gt 0 ]; then
		patched_files "${patches[@]}" > "$src/.patched-files"
	else
		: > "$src/.patched-files"
	fi
	echo "$patch_sum" > "$src/.patches"
fi

# 5. No upstream vDSO code may be left in what we own.
for p in "${owned[@]}"; do
	[ -e "$src/$p" ] || continue
	[ -e "$top/$p" ] || die "$p is still in the tree but not ours"
done
exit 0
