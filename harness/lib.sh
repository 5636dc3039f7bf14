# SPDX-License-Identifier: GPL-2.0
#
# What the harness scripts share; each sets $top, then sources this file.

# archvar ARCH NAME: <ARCH>-<NAME> from harness/arches.mk ('' if unset)
archvar() { make -s -f "$top/harness/arches.mk" -f - <<<"x:;@echo \$($1-$2)" x; }
# arches: the supported architectures (ARCHES in harness/arches.mk)
arches() { make -s -f "$top/harness/arches.mk" -f - <<<'x:;@echo $(ARCHES)' x; }

# owned_copy FROM TO PATH: make PATH (a line of harness/owned-paths) in
# the tree TO what it is in FROM: a folder's files, less build outputs
# (objects, kbuild's .cmd files, checkpatch's caches, the host harness's
# out/), or a single file; gone from TO where FROM has none
owned_copy() {
	local from=$1 to=$2 p=$3
	case $p in
	*/)
		if [ -d "$from/$p" ]; then
			mkdir -p "$to/$p"
			rsync -rc --delete --exclude='*.o' --exclude='.*.cmd' \
				--exclude='.checkpatch-*' --exclude='/out/' \
				"$from/$p" "$to/$p"
		else
			rm -rf "${to:?}/$p"
		fi ;;
	*)
		if [ -f "$from/$p" ]; then
			cmp -s "$from/$p" "$to/$p" || cp "$from/$p" "$to/$p"
		else
			rm -f "${to:?}/$p"
		fi ;;
	esac
}
