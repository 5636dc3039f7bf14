# SPDX-License-Identifier: GPL-2.0
#
# Building a vDSO image, for every architecture. The architecture's vDSO
# Makefile sets these, then includes this file:
#
#   vdso-name         the image: $(obj)/<name>.so.dbg and <name>.so, and
#                     <name>-image.o, which puts it into the kernel
#   vdso-lib          the lib/vdso/*.c files to build in, without .c
#   vdso-arch-objs    the architecture's own objects in the image
#   vdso-ldflags      the linker's flags: emulation, -soname
#   vdso-hash-style   the linker's --hash-style; both by default (mips:
#                     sysv, as its ABI has it)
#   vdso-cflags       flags added for the image's code
#   vdso-cflags-out   kernel flags to take away for it
#   vdso-cflags-<lib>, vdso-cflags-out-<lib>
#                     flags to add, and to take away, for one lib/vdso
#                     file only (getrandom's vector registers)
#   vdso-exports      symbol@VERSION pairs the image must export
#   vdso-embed        n when the architecture embeds the image itself
#                     (with include/vdso/image.S); y by default
#   vdso-kbuild-cflags the kernel flags the image's start from; the
#                     kernel's KBUILD_CFLAGS by default (a compat image
#                     built with another compiler gives its own)
#   vdso-kbuild-aflags ditto for assembly, KBUILD_AFLAGS by default
#   vdso-eflags       an ELF32 image's e_flags, to replace the linker's
#                     (arm: an image both float ABIs' loaders take)
#   vdso-objcopy      objcopy flags that turn each object into the image's
#                     format before the link (x32: x86-64 code in an
#                     ELF32 image)
#   vdso-rng-frame-max the largest stack frame getrandom.c may have, in
#                     bytes; 384 by default (see VDSO_RNG_BURN)
#   vdso-frame-pointer y to keep a frame pointer in every frame that has
#                     one (x86, arm64: perf walks their user stacks by
#                     frame pointers); by default the images omit it, and
#                     unwinders go by .eh_frame (arm's by .ARM.exidx)
#   vdso-postlink     a command that fails when the linked image ($@) has
#                     what the architecture cannot have (mips: a call or
#                     a load through the GOT)
#
# The linker script is $(src)/vdso.lds.S. cmd_vdso_offsets writes a header
# of "#define vdso_offset_<name> <offset>" for each <name>=<symbol> in
# $(vdso-offsets), for the kernel code that finds entries by offset.

vdso-page-size	:= $(shell echo $$((1 << $(CONFIG_PAGE_SHIFT))))
vdso-lib-objs	:= $(patsubst %,vdso-lib-%.o,$(vdso-lib))
vdso-objs	:= $(vdso-arch-objs) $(vdso-lib-objs)

vdso-embed	?= y
vdso-kbuild-cflags ?= $(KBUILD_CFLAGS)
vdso-kbuild-aflags ?= $(KBUILD_AFLAGS)

ifdef vdso-objcopy
vdso-link-objs	:= $(patsubst %.o,%-conv.o,$(vdso-objs))
else
vdso-link-objs	:= $(vdso-objs)
endif

targets += $(sort $(vdso-objs) $(vdso-link-objs)) vdso.lds \
	   $(vdso-name).so.dbg $(vdso-name).so
obj-$(vdso-embed) += $(vdso-name)-image.o

# User-space code: no tracing, sanitizers, coverage, stack protector or
# kernel code model; position-independent, with unwind tables. Tail calls
# stay tail calls even with frame pointers, which turn them off in the
# kernel: the entries reach their slow paths through them, so that their
# fast paths need no frame.
vdso-kernel-only := -pg -mfentry -mrecord-mcount -fpatchable-function-entry=% \
		    -fno-PIE -fno-pie -fno-asynchronous-unwind-tables \
		    -ftrivial-auto-var-init=% -fzero-call-used-regs=% \
		    -fstack-protector% -mstack-protector-guard% \
		    $(CC_FLAGS_FTRACE) $(PADDING_CFLAGS) $(CC_FLAGS_LTO) \
		    $(CC_FLAGS_CFI) $(CC_FLAGS_SCS) $(RANDSTRUCT_CFLAGS) \
		    $(GCC_PLUGINS_CFLAGS) $(RETPOLINE_CFLAGS) $(RETHUNK_CFLAGS)

$(addprefix $(obj)/,$(vdso-objs)): KBUILD_CFLAGS := \
	$(filter-out $(vdso-kernel-only) $(vdso-cflags-out),$(vdso-kbuild-cflags)) \
	-fPIC -O2 -fasynchronous-unwind-tables -fno-stack-protector \
	-fno-tree-loop-distribute-patterns \
	$(if $(filter y,$(vdso-frame-pointer)),-fno-omit-frame-pointer,-fomit-frame-pointer) \
	-foptimize-sibling-calls \
	-D__VDSO__ -DBUILD_VDSO \
	-DDISABLE_BRANCH_PROFILING $(vdso-cflags)
$(addprefix $(obj)/,$(vdso-objs)): KBUILD_AFLAGS := $(vdso-kbuild-aflags) \
	-D__VDSO__ -DBUILD_VDSO

$(foreach o,$(vdso-objs),$(eval KASAN_SANITIZE_$(o) := n)	\
	$(eval KCSAN_SANITIZE_$(o) := n)			\
	$(eval KMSAN_SANITIZE_$(o) := n)			\
	$(eval UBSAN_SANITIZE_$(o) := n)			\
	$(eval KCOV_INSTRUMENT_$(o) := n)			\
	$(eval GCOV_PROFILE_$(o) := n)				\
	$(eval OBJECT_FILES_NON_STANDARD_$(o) := y))

$(foreach l,$(vdso-lib),$(eval CFLAGS_vdso-lib-$(l).o += $(vdso-cflags-$(l)))	\
	$(eval CFLAGS_REMOVE_vdso-lib-$(l).o += $(vdso-cflags-out-$(l))))
# getrandom.c overwrites ChaCha20's frame after use with a larger one
# (VDSO_RNG_BURN): no frame of its may be larger than vdso-rng-frame-max
# bytes, which an image whose ABI spills more (i386) sets higher
vdso-rng-frame-max ?= 384
CFLAGS_vdso-lib-getrandom.o += -Werror=frame-larger-than=$(vdso-rng-frame-max) \
			       -DVDSO_RNG_FRAME_MAX=$(vdso-rng-frame-max)

$(obj)/vdso-lib-%.o: $(srctree)/lib/vdso/%.c FORCE
	$(call if_changed_rule,cc_o_c)

CPPFLAGS_vdso.lds += -P -C

quiet_cmd_vdso_link = VDSOLD  $@
      cmd_vdso_link = $(LD) -shared -Bsymbolic --no-undefined \
			--hash-style=$(or $(vdso-hash-style),both) \
			--build-id=sha1 --eh-frame-hdr \
			-z noexecstack -z max-page-size=$(vdso-page-size) \
			$(vdso-ldflags) -T $(filter %.lds,$^) \
			$(filter %.o,$^) -o $@ && \
		      $(if $(vdso-eflags),$(CONFIG_SHELL) \
			$(srctree)/lib/vdso/set-eflags.sh $@ $(vdso-eflags) &&) \
		      $(if $(vdso-postlink),$(vdso-postlink) &&) \
		      $(CONFIG_SHELL) $(srctree)/lib/vdso/check-image.sh \
			'$(READELF)' $@ $(vdso-exports) || { rm -f $@; false; }

ifdef vdso-objcopy
$(addprefix $(obj)/,$(vdso-link-objs)): OBJCOPYFLAGS := $(vdso-objcopy)
$(addprefix $(obj)/,$(vdso-link-objs)): $(obj)/%-conv.o: $(obj)/%.o FORCE
	$(call if_changed,objcopy)
endif

$(obj)/$(vdso-name).so.dbg: $(obj)/vdso.lds $(addprefix $(obj)/,$(vdso-link-objs)) FORCE
	$(call if_changed,vdso_link)

$(obj)/$(vdso-name).so: OBJCOPYFLAGS := -S
$(obj)/$(vdso-name).so: $(obj)/$(vdso-name).so.dbg FORCE
	$(call if_changed,objcopy)

AFLAGS_$(vdso-name)-image.o := -DVDSO_NAME=$(vdso-name) \
			       -DVDSO_FILE='"$(obj)/$(vdso-name).so"'
$(obj)/$(vdso-name)-image.o: $(srctree)/include/vdso/image.S $(obj)/$(vdso-name).so FORCE
	$(call if_changed_rule,as_o_S)

quiet_cmd_vdso_offsets = VDSOSYM $@
      cmd_vdso_offsets = $(CONFIG_SHELL) $(srctree)/lib/vdso/gen-offsets.sh \
			 '$(NM)' $< $(vdso-offsets) > $@
