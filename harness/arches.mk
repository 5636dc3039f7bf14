# The supported architectures, and what each needs: one place.
#
# <arch>-kbuild   ARCH= for kbuild
# <arch>-cross    CROSS_COMPILE= prefix ('' for the host)
# <arch>-image    the boot image, relative to the kbuild output
# <arch>-qemu     the QEMU command, less -kernel/-initrd/-append
# <arch>-console  the console= argument
# <arch>-append   further kernel arguments
# <arch>-fallback kernel arguments that put the kernel on a clocksource
#                 the vDSO cannot read
# <arch>-bench    further kernel arguments for make bench (-icount)
# <arch>-bench-qemu further QEMU options for make bench (determinism)
# <arch>-pkgs     Debian packages it needs

ARCHES ?= x86_64

x86_64-kbuild	:= x86
x86_64-cross	:=
x86_64-image	:= arch/x86/boot/bzImage
x86_64-qemu	:= qemu-system-x86_64 -machine pc -cpu max -smp 2 -m 512M
x86_64-console	:= ttyS0
x86_64-append	:= tsc=reliable
x86_64-pkgs	:= gcc qemu-system-x86
x86_64-fallback	:= clocksource=hpet
x86_64-bench	:= tsc_early_khz=1000000 norandmaps
x86_64-bench-qemu	:= -cpu max,-rdrand,-rdseed
