#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# deps.sh ARCH...: install the Debian packages the build and the tests of
# these architectures need, when they are missing. Needs root (or sudo)
# only when something is missing.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/harness/lib.sh"

pkgs="make gcc libc6-dev linux-source-6.12 flex bison bc libelf-dev libssl-dev
      cpio ccache rsync patch xz-utils python3 gawk binutils"
for arch in "$@"; do
	more=$(archvar "$arch" pkgs)
	[ -n "$more" ] || { echo "deps: unknown architecture '$arch' (see harness/arches.mk)" >&2; exit 2; }
	pkgs="$pkgs $more"
done

missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -n "$missing" ] || exit 0

echo "  DEPS    installing:$missing"
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
if ! $sudo apt-get install -y --no-install-recommends $missing >/tmp/vdso-deps.log 2>&1; then
	$sudo apt-get update >>/tmp/vdso-deps.log 2>&1 || true
	$sudo apt-get install -y --no-install-recommends $missing >>/tmp/vdso-deps.log 2>&1 || {
		tail -5 /tmp/vdso-deps.log >&2
		echo "deps: could not install:$missing (see /tmp/vdso-deps.log); install them by hand and retry" >&2
		exit 1
	}
fi
