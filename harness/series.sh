#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# series.sh [--keep-going]: write the patch series (make series) into
# $BUILD/series.
#
#   $BUILD/series-git   a git repository of the pristine tree (tag
#                       "pristine"), then one commit per patch of
#                       harness/series, each laying out its owned paths
#                       as harness/prepare.sh does and applying its
#                       patches/ files
#   $BUILD/series       git format-patch's output, with a cover letter
#                       (harness/series-cover.sh)
#
# Then it checks that the last commit's tree is the tree prepare.sh lays
# out, file for file, that git am of the patches onto the pristine tree
# gives that tree, and runs checkpatch --strict on every patch: any
# error or warning fails, unless --keep-going (make series-check, which
# builds the series whatever its style). The Signed-off-by is git
# config's user, when set.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/harness/lib.sh"
build=${BUILD:-$top/build}
repo=$build/series-git
out=$build/series

die() { echo "series: $*" >&2; exit 1; }
say() { printf '  %-7s %s\n' "$1" "$2"; }

"$top/harness/prepare.sh"
pristine=$build/pristine src=$build/src

# The series description, parsed into one folder a patch: subject,
# paths, diffs, message.
desc=$build/series-desc
rm -rf "$desc"
mkdir -p "$desc"
awk -v d="$desc" '
	/^#/ && !n { next }
	/^=== / { n++; f = sprintf("%s/%02d", d, n); system("mkdir -p " f)
		  sub(/^=== /, ""); print > (f "/subject"); close(f "/subject")
		  body = 0; next }
	!n { next }
	!body && /^paths:/ { sub(/^paths: */, ""); gsub(/ +/, "\n"); print >> (f "/paths"); next }
	!body && /^diffs:/ { sub(/^diffs: */, ""); gsub(/ +/, "\n"); print >> (f "/diffs"); next }
	!body && /^$/ { body = 1; next }
	body { print >> (f "/message") }
' "$top/harness/series"

# Every owned path and every patch exactly once.
mapfile -t owned < <(grep -v -e '^#' -e '^$' "$top/harness/owned-paths")
listed() { cat "$desc"/*/"$1" 2>/dev/null | grep -v '^$' | sort; }
[ -z "$(listed paths | uniq -d)" ] || die "paths in two patches: $(listed paths | uniq -d)"
[ -z "$(listed diffs | uniq -d)" ] || die "diffs in two patches: $(listed diffs | uniq -d)"
missing=$(comm -23 <(printf '%s\n' "${owned[@]}" | sort) <(listed paths))
[ -z "$missing" ] || die "owned paths in no patch of harness/series: $missing"
extra=$(comm -13 <(printf '%s\n' "${owned[@]}" | sort) <(listed paths))
[ -z "$extra" ] || die "paths in harness/series that are not owned: $extra"
missing=$(comm -23 <(cd "$top/patches" && ls ./*.patch | sed 's#^\./##' | sort) <(listed diffs))
[ -z "$missing" ] || die "patches/ files in no patch of harness/series: $missing"

# The repository of the pristine tree, once per tarball.
stamp=$(cat "$pristine/.tarball")
if [ "$(cat "$repo/.git/series-tarball" 2>/dev/null)" != "$stamp" ]; then
	say GIT "a repository of the pristine tree, in $repo"
	rm -rf "$repo"
	mkdir -p "$repo"
	(cd "$pristine" && tar -cf - --exclude=./.tarball .) | (cd "$repo" && tar -xf -)
	git -C "$repo" init -q
	git -C "$repo" add -A -f
	git -C "$repo" -c user.name=Linux -c user.email=linux@localhost \
		commit -q -m "Linux 6.12 (Debian linux-source-6.12)"
	git -C "$repo" tag pristine
	echo "$stamp" > "$repo/.git/series-tarball"
fi
git -C "$repo" checkout -q -f -B series pristine
git -C "$repo" clean -q -fdx

name=$(git -C "$top" config user.name || true)
email=$(git -C "$top" config user.email || true)
author=(-c "user.name=${name:-vDSO developers}" -c "user.email=${email:-vdso@localhost}")

for d in "$desc"/*/; do
	subject=$(cat "$d/subject")
	say COMMIT "$subject"
	if [ -f "$d/paths" ]; then
		while read -r p; do
			[ -n "$p" ] || continue
			owned_copy "$top" "$repo" "$p"
		done < "$d/paths"
	fi
	if [ -f "$d/diffs" ]; then
		while read -r f; do
			[ -n "$f" ] || continue
			patch -d "$repo" -p1 -s --no-backup-if-mismatch -F0 < "$top/patches/$f" ||
				die "$f does not apply"
		done < "$d/diffs"
	fi
	git -C "$repo" add -A -f
	{
		echo "$subject"
		echo
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$d/message"
		if [ -n "$name" ] && [ -n "$email" ]; then
			echo
			echo "Signed-off-by: $name <$email>"
		fi
	} | git -C "$repo" "${author[@]}" commit -q -F -
done

# The last commit is the tree the harness builds and tests.
say CHECK "the series' tree against $src"
if ! diff -r -q -x .git -x .tarball -x .owned -x .patches -x .patched-files \
	"$repo" "$src" >"$build/series-diff.log" 2>&1; then
	head -20 "$build/series-diff.log" >&2
	die "the series does not make the tree prepare.sh lays out (see $build/series-diff.log)"
fi

# The patches, with a cover letter.
rm -rf "$out"
git -C "$repo" format-patch -q --cover-letter --no-signature \
	-o "$out" pristine..series
cover=$(ls "$out"/0000-*.patch)
n=$(git -C "$repo" rev-list --count pristine..series)

# What a maintainer does with them: git am onto the pristine tree must
# give the series' tree, object for object.
say CHECK "git am of the $n patches onto pristine"
am=$build/series-am
git -C "$repo" worktree remove --force "$am" >/dev/null 2>&1 || rm -rf "$am"
git -C "$repo" worktree prune
git -C "$repo" worktree add -q --detach "$am" pristine
# shellcheck disable=SC2046
git -C "$am" -c user.name=series -c user.email=series@localhost am -q \
	$(ls "$out"/0*.patch | grep -v '/0000-') ||
	die "git am does not apply the patches to pristine (see $am)"
[ "$(git -C "$am" rev-parse 'HEAD^{tree}')" = "$(git -C "$repo" rev-parse 'series^{tree}')" ] ||
	die "git am of the patches gives another tree than the series' (see $am)"
git -C "$repo" worktree remove --force "$am"

# checkpatch on every patch: errors and warnings fail, checks are listed
say CHECK "checkpatch --strict on $n patches"
bad=0
: > "$out/checkpatch.log"
for p in "$out"/0*.patch; do
	case $p in */0000-*) continue ;; esac
	res=$(cd "$repo" && scripts/checkpatch.pl --strict --show-types "$p" 2>&1 || true)
	sum=$(printf '%s\n' "$res" | sed -n 's/^total: //p' | tail -1)
	printf '%s: %s\n' "$(basename "$p")" "${sum:-?}" | tee -a "$out/checkpatch.log"
	printf '%s\n' "$res" | grep -E '^(ERROR|WARNING|CHECK):|^#[0-9]+: FILE:' \
		>> "$out/checkpatch.log" || true
	echo "$sum" | grep -q '^0 errors, 0 warnings' || bad=1
done
"$top/harness/series-cover.sh" "$repo" "$n" "$out/checkpatch.log" > "$build/series-blurb"
python3 - "$cover" "$build/series-blurb" <<'EOF'
import sys
cover, blurb = sys.argv[1], open(sys.argv[2]).read()
s = open(cover).read()
subject, body = blurb.split('\n', 1)
s = s.replace('*** SUBJECT HERE ***', subject).replace('*** BLURB HERE ***', body.strip('\n'))
open(cover, 'w').write(s)
EOF
if [ "$bad" != 0 ]; then
	[ "${1:-}" = --keep-going ] ||
		die "checkpatch found errors or warnings: see $out/checkpatch.log"
	echo "series: checkpatch found errors or warnings: see $out/checkpatch.log" >&2
fi
say DONE "$out: $n patches and a cover letter"
