# SPDX-License-Identifier: GPL-2.0
#
# A clean-room vDSO for Linux 6.12: build, boot and test. See README.md.
#
#   make run [ARCH=x86_64]         build, boot, show the vDSO at work
#   make check [ARCHES="..."]      every test, every supported architecture
#   make kernel ARCH=<arch>        build one kernel
#   make bench [ARCHES="..."]      instructions per call, ours and upstream
#   make boot ARCH=<arch> INITRAMFS=<file>
#                                  boot our kernel with any initramfs
#   make series                    the patch series, in build/series
#   make series-check              build x86_64 and arm64 after each patch
#   make deps                      install what the above need
#   make clean                     remove build/

include harness/arches.mk

ARCH ?= x86_64
BUILD ?= $(CURDIR)/build
export BUILD

.PHONY: help deps prepare kernel check run bench boot series series-check clean

help:
	@sed -n 's/^#   //p' Makefile

deps:
	@harness/deps.sh $(sort $(ARCHES) $(ARCH))

prepare: deps
	@harness/prepare.sh

kernel: deps
	@harness/build-kernel.sh $(ARCH)

check: deps
	@harness/check.sh $(ARCHES)

run: deps
	@harness/run.sh $(ARCH)

bench: deps
	@harness/bench.sh $(ARCHES)

series: deps
	@harness/series.sh

series-check: deps
	@harness/series.sh --keep-going
	@harness/series-check.sh

boot:
	@test -n "$(INITRAMFS)" || { echo "make boot: say INITRAMFS=<file>" >&2; exit 2; }
	@test -f "$(BUILD)/$(ARCH)/boot-image" || harness/build-kernel.sh $(ARCH)
	@harness/boot.sh $(ARCH) $(BUILD)/$(ARCH)/boot-image $(INITRAMFS) 1800

clean:
	rm -rf $(BUILD)
