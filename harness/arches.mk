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
# <arch>-novdso   kernel arguments that leave processes without a vDSO
# <arch>-hidden   set: boot once more on a device tree whose timer node
#                 says the firmware left the counter unset (arm)
# <arch>-chacha-qemu QEMU options for a CPU on which getrandom()'s
#                 ChaCha20 takes its other form: a boot that runs
#                 vdso_getrandom on it (s390x without the vector
#                 facility: the scalar form; x86-64 without SSSE3: SSE2)
# <arch>-numa-qemu QEMU options for a machine of two NUMA nodes, a CPU
#                 in each: a boot that runs vdso_getcpu there, so that a
#                 node other than 0 is compared with the system call's
# <arch>-bench    further kernel arguments for make bench (-icount)
# <arch>-bench-qemu further QEMU options for make bench (determinism)
# <arch>-pkgs     Debian packages it needs
# <arch>-kmake    further variables for kbuild (the compat compiler)
# <arch>-upstream-fail upstream selftests that fail on this machine with
#                 upstream's vDSO as with ours, for a reason outside both
#                 (said where it is set): the main boot expects them to fail
# <arch>-compat   the other ABIs whose programs also run here, each as
#                 ABI:PREFIX: built with <ABI>-cross's compiler (upstream's
#                 selftests with ARCH=<ABI>-kbuild), named PREFIX<test>
# <abi>-compat-image  the debug image of that ABI's vDSO, when it is
#                 another architecture's compat ABI (make bench's sizes)
# <arch>-variants further kernels of the architecture: VARIANT is ours
#                 with harness/config/<arch>-<variant>.config on top,
#                 booted as <arch>-<variant>-qemu, -console and -append
#                 say, with the program <arch>-<variant>-init (one of our
#                 selftests) as its init and nothing else

ARCHES ?= x86_64 arm64 riscv64 arm ppc64le s390x mips64el

x86_64-kbuild	:= x86
x86_64-cross	:=
x86_64-image	:= arch/x86/boot/bzImage
x86_64-qemu	:= qemu-system-x86_64 -machine pc -cpu max -smp 2 -m 512M
x86_64-console	:= ttyS0
x86_64-append	:= tsc=reliable
x86_64-pkgs	:= gcc qemu-system-x86 gcc-i686-linux-gnu libc6-dev-i386-cross \
		   gcc-x86-64-linux-gnux32 libc6-dev-x32-cross valgrind
x86_64-fallback	:= clocksource=hpet
x86_64-novdso	:= vdso=0 vdso32=0
# a CPU without SSSE3, QEMU's default model (-cpu max,-ssse3 is a CPU no
# program expects: the guest's init died of SIGILL on it): getrandom() on
# the SSE2 ChaCha20
x86_64-chacha-qemu := -cpu qemu64
x86_64-bench	:= tsc_early_khz=1000000 norandmaps
x86_64-bench-qemu	:= -cpu max,-rdrand,-rdseed
x86_64-compat	:= i386:i386_ x32:x32_

# ABIs whose programs run only on another's kernel: x86-64's 32-bit
# (IA32 emulation) and x32 processes. Debian's cross compilers, not
# gcc-multilib, which would remove the other cross compilers.
i386-kbuild	:= x86
i386-cross	:= i686-linux-gnu-
x32-kbuild	:= x86
x32-cross	:= x86_64-linux-gnux32-
i386-compat-image := vdso32.so.dbg
x32-compat-image := vdsox32.so.dbg

arm64-kbuild	:= arm64
arm64-cross	:= aarch64-linux-gnu-
arm64-image	:= arch/arm64/boot/Image
arm64-qemu	:= qemu-system-aarch64 -machine virt -cpu max,pauth-impdef=on -smp 2 -m 512M
arm64-console	:= ttyAMA0
arm64-append	:=
arm64-fallback	:= clocksource=jiffies highres=off nohz=off
arm64-novdso	:=
arm64-bench	:= norandmaps
arm64-bench-qemu :=
arm64-pkgs	:= gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-system-arm \
		   gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
# the AArch32 vDSO is built with the 32-bit arm compiler
arm64-kmake	:= CROSS_COMPILE_COMPAT=arm-linux-gnueabihf-
arm64-compat	:= arm:a32_
arm-compat-image := vdso32.so.dbg

riscv64-kbuild	:= riscv
riscv64-cross	:= riscv64-linux-gnu-
riscv64-image	:= arch/riscv/boot/Image
riscv64-qemu	:= qemu-system-riscv64 -machine virt -cpu rv64 -smp 2 -m 512M
riscv64-console	:= ttyS0
riscv64-append	:=
riscv64-fallback	:= clocksource=jiffies highres=off nohz=off
riscv64-novdso	:=
riscv64-bench	:= norandmaps
riscv64-bench-qemu :=
riscv64-pkgs	:= gcc-riscv64-linux-gnu libc6-dev-riscv64-cross qemu-system-misc

# 32-bit arm (armhf): QEMU's virt machine, a Cortex-A15 with the
# architected timer. Signal return goes through the [sigpage], not the
# vDSO, so processes also run with vdso=0.
arm-kbuild	:= arm
arm-cross	:= arm-linux-gnueabihf-
arm-image	:= arch/arm/boot/zImage
arm-qemu	:= qemu-system-arm -machine virt -cpu cortex-a15 -smp 2 -m 512M
arm-console	:= ttyAMA0
arm-append	:=
arm-fallback	:= clocksource=jiffies highres=off nohz=off
arm-novdso	:= vdso=0
arm-hidden	:= yes
arm-bench	:= norandmaps
arm-bench-qemu	:=
arm-pkgs	:= gcc-arm-linux-gnueabihf libc6-dev-armhf-cross qemu-system-arm

# ppc64le: QEMU's pseries machine, a POWER9 under SLOF. The kernel is
# loaded as an ELF (vmlinux); 64K pages.
ppc64le-kbuild	:= powerpc
ppc64le-cross	:= powerpc64le-linux-gnu-
ppc64le-image	:= vmlinux
ppc64le-qemu	:= qemu-system-ppc64 -machine pseries -cpu power9 -smp 2 -m 1024M
ppc64le-console	:= hvc0
ppc64le-append	:=
ppc64le-fallback	:= clocksource=jiffies highres=off nohz=off
ppc64le-novdso	:= vdso=0
# getcpu()'s node is half of the SPR it reads (vdso_getcpu_init())
ppc64le-numa-qemu := -object memory-backend-ram,id=m0,size=512M \
		     -object memory-backend-ram,id=m1,size=512M \
		     -numa node,nodeid=0,cpus=0,memdev=m0 \
		     -numa node,nodeid=1,cpus=1,memdev=m1
ppc64le-bench	:= norandmaps
ppc64le-bench-qemu :=
ppc64le-pkgs	:= gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross qemu-system-ppc

# s390x: QEMU's s390-ccw-virtio machine under TCG, the TOD clock, the
# SCLP console. Signal return and restarted system calls go through the
# vDSO (there is no vdso= switch), so there is no boot without one. Nor
# on another clocksource: the TOD clock is s390's only one (jiffies is
# registered only where the architecture has no default clocksource).
s390x-kbuild	:= s390
s390x-cross	:= s390x-linux-gnu-
s390x-image	:= arch/s390/boot/bzImage
s390x-qemu	:= qemu-system-s390x -machine s390-ccw-virtio -cpu max -smp 2 -m 512M
s390x-console	:= ttysclp0
s390x-append	:=
s390x-fallback	:=
s390x-novdso	:=
# the vector facility off: getrandom() on the scalar ChaCha20
s390x-chacha-qemu := -cpu max,vx=off,vxeh=off,vxeh2=off,vxpd=off,vxpdeh=off,vxpdeh2=off
# upstream's getrandom test sizes its states by the L1 cache line, which
# glibc cannot learn under TCG (sysconf() says -1): it divides by zero
s390x-upstream-fail := upstream_vdso_test_getrandom
s390x-bench	:= norandmaps
s390x-bench-qemu :=
s390x-pkgs	:= gcc-s390x-linux-gnu libc6-dev-s390x-cross qemu-system-misc

# mips64el (n64): QEMU's malta board with a MIPS64 Release 2 CPU, whose
# CP0 Count user space reads with rdhwr (malta's default CPU, a MIPS64 R1,
# cannot). One CPU: malta's SMP needs a Coherence Manager, which only the
# Release 6 CPUs have, and Debian's mips64el user space is Release 2.
# Signal return goes through the vDSO: no boot without one.
mips64el-kbuild	:= mips
mips64el-cross	:= mips64el-linux-gnuabi64-
mips64el-image	:= vmlinux
mips64el-qemu	:= qemu-system-mips64el -machine malta -cpu MIPS64R2-generic -smp 1 -m 512M
mips64el-console	:= ttyS0
mips64el-append	:=
mips64el-fallback	:= clocksource=jiffies highres=off nohz=off
mips64el-novdso	:=
# nowait: an idle CPU spins rather than WAIT, which QEMU's malta never
# wakes from under -icount sleep=off (the bench hung at its first idle)
mips64el-bench	:= norandmaps nowait
mips64el-bench-qemu :=
mips64el-pkgs	:= gcc-mips64el-linux-gnuabi64 libc6-dev-mips64el-cross qemu-system-mips
# r6: a Release 6 CPU, the I6400, whose Coherence Manager brings the GIC
# (the vDSO's other clock mode) and two CPUs. Debian's Release 2
# programs do not run there (their jr traps, and the kernel's R2-to-R6
# emulator does not take it): the guest is vdso_mips_r6 alone, a
# freestanding Release 6 program that switches between GIC, MIPS (CP0
# Count) and jiffies, which needs highres=off
mips64el-variants	:= r6
mips64el-r6-qemu	:= qemu-system-mips64el -machine malta -cpu I6400 -smp 2 -m 512M
mips64el-r6-console	:= ttyS0
mips64el-r6-append	:= highres=off nohz=off
mips64el-r6-init	:= vdso_mips_r6
