# SPDX-License-Identifier: GPL-2.0
#
# What the harness scripts share; each sets $top, then sources this file.

# archvar ARCH NAME: <ARCH>-<NAME> from harness/arches.mk ('' if unset)
archvar() { make -s -f "$top/harness/arches.mk" -f - <<<"x:;@echo \$($1-$2)" x; }
# arches: the supported architectures (ARCHES in harness/arches.mk)
arches() { make -s -f "$top/harness/arches.mk" -f - <<<'x:;@echo $(ARCHES)' x; }
