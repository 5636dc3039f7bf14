// SPDX-License-Identifier: GPL-2.0
/*
 * vclock-bench: calls an x86 vDSO image's clock functions on the host, on
 * [vvar] pages this program writes, so that valgrind's callgrind can
 * count the instructions per call in any clock mode. QEMU without KVM
 * shows a guest neither kvm-clock nor the Hyper-V TSC page, so this is
 * where the hypervisors' clocks get a figure (harness/vclock-bench.sh).
 *
 *   vclock-bench IMAGE LAYOUT MODE FUNCTION CLOCK CALLS
 *
 * IMAGE is a vdso64.so or vdso32.so, built for this program's word size.
 * LAYOUT names whose data the image reads: "ours" (include/vdso/
 * datapage.h, asm/vdso/pages.h) or "upstream" (Linux 6.12's struct
 * vdso_data and vvar pages). MODE is the clock mode number (1 TSC,
 * 2 kvm-clock, 3 Hyper-V); FUNCTION an exported name, or "empty" for
 * the cost of the call alone; CLOCK the clock
 * id (ignored by gettimeofday). TIMENS=1 in the environment maps the
 * pages as for a task in a time namespace (zero offsets).
 *
 * The data is made so that every read is answered in user space: the
 * TSC page's and pvclock page's conversions halve the TSC, counted from
 * now; the bases are 1000 + id seconds. The last call's result is checked
 * against that, so that a read the image answered by the system call, or
 * from the wrong place, fails here rather than giving a figure.
 */
#include <elf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#ifdef __i386__
#define ELF(type)	Elf32_##type
#else
#define ELF(type)	Elf64_##type
#endif

#define PAGE		4096
#define NR_CLOCKS	12
#define BASE_SEC	1000

/* where each layout keeps things, as byte offsets below the image */
struct layout {
	long vvar_size;		/* [vvar] bytes below the image */
	uint32_t timens_mode;	/* VDSO_CLOCKMODE_TIMENS */
	long time;		/* the time data, from the start of [vvar] */
	long sys;		/* the system's time data for a namespace's task */
	long pvclock, hvclock;	/* the hypervisors' pages */
	/* in the time data; a clock's slot: its size, where its sec_delta is */
	long seq, mode, mono, raw, base, slot, sec_delta;
	/*
	 * ours: in a clock's slot, its cycle_last, scaling, clock mode,
	 * coarse flag; -1 upstream
	 */
	long slot_cycle_last, slot_mult, slot_shift, slot_mode, slot_coarse;
	/*
	 * in a counter's conversion: cycle_last, mask, max_delta or
	 * max_cycles, scaling (-1: none there)
	 */
	long cycle_last, mask, max, mult, shift;
};

static const struct layout ours = {
	/* VDSO_PAGE_TIME 0, VDSO_PAGE_TIMENS 1, RNG 2, PVCLOCK 3, HVCLOCK 4 */
	.vvar_size = 5 * PAGE, .timens_mode = -1, .time = 0, .sys = PAGE,
	.pvclock = 3 * PAGE, .hvclock = 4 * PAGE,
	/* the counter's mask; each clock's cycle_last and scaling in its slot */
	.seq = 0, .mode = 4, .mono = 8, .raw = -1, .base = 16, .slot = 64, .sec_delta = 24,
	.slot_cycle_last = 16, .slot_mult = 32, .slot_shift = 36, .slot_mode = 40,
	.slot_coarse = 44,
	.cycle_last = -1, .mask = 0, .max = -1, .mult = -1, .shift = -1,
};

static const struct layout upstream = {
	/* vvar_page (vdso_data at +128), pvclock_page, hvclock_page, timens_page */
	.vvar_size = 4 * PAGE, .timens_mode = 0x7fffffff, .time = 128, .sys = 3 * PAGE + 128,
	.pvclock = PAGE, .hvclock = 2 * PAGE,
	/* vdso_data[CS_HRES_COARSE], then vdso_data[CS_RAW] 248 bytes on */
	.seq = 0, .mode = 4, .mono = 8, .raw = 248 + 8, .base = 40, .slot = 16, .sec_delta = -1,
	.slot_cycle_last = -1, .slot_mult = -1, .slot_shift = -1, .slot_mode = -1,
	.slot_coarse = -1,
	.cycle_last = 0, .max = 8, .mask = 16, .mult = 24, .shift = 28,
};

typedef long (*fn_t)(long, void *);

static unsigned char image[1 << 20];

/* the cost of the call itself, which the script takes off */
static long empty(long a, void *b)
{
	asm volatile("" : : "r" (b) : "memory");
	return a - a;
}

static void put32(unsigned char *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(unsigned char *p, uint64_t v) { memcpy(p, &v, 8); }

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a" (lo), "=d" (hi));
	return (uint64_t)hi << 32 | lo;
}

static void *symbol(unsigned char *base, const char *name)
{
	const ELF(Ehdr) *eh = (const void *)image;
	const ELF(Shdr) *sh = (const void *)(image + eh->e_shoff);
	int i;

	for (i = 0; i < eh->e_shnum; i++) {
		const ELF(Sym) *s = (const void *)(image + sh[i].sh_offset);
		const char *str = (const char *)image + sh[sh[i].sh_link].sh_offset;
		size_t j;

		if (sh[i].sh_type != SHT_DYNSYM)
			continue;
		for (j = 0; j < sh[i].sh_size / sizeof(*s); j++)
			if (!strcmp(str + s[j].st_name, name))
				return base + s[j].st_value;
	}
	return NULL;
}

/* 2^-32 ns a cycle: no call reaches the next second, however long the run */
#define MULT	1
#define SHIFT	32

static void counter(const struct layout *l, unsigned char *c, uint64_t cycle_last)
{
	if (l->cycle_last >= 0)
		put64(c + l->cycle_last, cycle_last);
	put64(c + l->mask, ~0ULL);
	if (l->mult < 0)
		return;
	put64(c + l->max, ~0ULL >> 2);
	put32(c + l->mult, MULT);
	put32(c + l->shift, SHIFT);
}

int main(int argc, char **argv)
{
	const struct layout *l;
	unsigned char *map, *base, *vd, *pv, *hv;
	long clock, calls, i, ret = 0;
	uint64_t now = rdtsc();
	int mode, c, gtod, narrow;
	fn_t fn;
	FILE *f;
	size_t size;
	struct { int64_t sec, frac; } out64;
	struct { int32_t sec, frac; } out32;

	if (argc != 7) {
		fprintf(stderr, "usage: %s IMAGE ours|upstream MODE FUNCTION CLOCK CALLS\n",
			argv[0]);
		return 2;
	}
	l = strcmp(argv[2], "upstream") ? &ours : &upstream;
	mode = atoi(argv[3]);
	clock = atol(argv[5]);
	calls = atol(argv[6]);
	gtod = !!strstr(argv[4], "gettimeofday");

	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	size = fread(image, 1, sizeof(image), f);
	fclose(f);
	map = mmap(NULL, l->vvar_size + size + PAGE, PROT_READ | PROT_WRITE | PROT_EXEC,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	base = map + l->vvar_size;
	memcpy(base, image, size);
	fn = strcmp(argv[4], "empty") ? (fn_t)symbol(base, argv[4]) : empty;
	if (!fn) {
		fprintf(stderr, "%s: no %s\n", argv[1], argv[4]);
		return 2;
	}

	vd = map + (getenv("TIMENS") ? l->sys : l->time);
	pv = map + l->pvclock;
	hv = map + l->hvclock;
	put32(vd + l->seq, 0);
	put32(vd + l->mode, mode);
	/* TSC mode: the counter is the TSC; else the clock, from 0 now */
	counter(l, vd + l->mono, mode == 1 ? now : 0);
	if (l->raw >= 0)
		counter(l, vd + l->raw, mode == 1 ? now : 0);
	for (c = 0; c < NR_CLOCKS; c++)
		put64(vd + l->base + l->slot * c, BASE_SEC + c);
	/*
	 * ours: each counter clock's cycle_last, scaling, mode and sec_delta,
	 * as the kernel's for a base of 0 (REALTIME, MONOTONIC, RAW,
	 * BOOTTIME, TAI)
	 */
	for (c = 0; c < NR_CLOCKS && l->slot_mode >= 0; c++) {
		unsigned char *b = vd + l->base + l->slot * c;

		/* REALTIME_COARSE, MONOTONIC_COARSE */
		if (c == 5 || c == 6)
			put32(b + l->slot_coarse, 1);
		if (!((1 << 0 | 1 << 1 | 1 << 4 | 1 << 7 | 1 << 11) & (1 << c)))
			continue;
		/* the second's end, capped at 2^32 - 1 as the kernel does */
		put64(b + l->slot_cycle_last, mode == 1 ? now : 0);
		put64(b + l->sec_delta, 0xffffffffULL);
		put32(b + l->slot_mult, MULT);
		put32(b + l->slot_shift, SHIFT);
		put32(b + l->slot_mode, mode);
	}
	if (l == &upstream) {
		/* CLOCK_MONOTONIC_RAW is read from vdso_data[CS_RAW], whole */
		put32(vd + l->raw - 8 + l->seq, 0);
		put32(vd + l->raw - 8 + l->mode, mode);
		put64(vd + l->raw - 8 + l->base + l->slot * 4, BASE_SEC + 4);
	}
	/* kvm-clock: version, tsc_timestamp, system_time, mul, shift, flags */
	put32(pv, 2);
	put64(pv + 8, now);
	put64(pv + 16, 0);
	put32(pv + 24, 1U << 31);
	pv[28] = 0;
	pv[29] = 1;	/* PVCLOCK_TSC_STABLE_BIT */
	/* Hyper-V: tsc_sequence, tsc_scale, tsc_offset */
	put32(hv, 1);
	put64(hv + 8, 1ULL << 63);
	put64(hv + 16, -(int64_t)(now / 2));
	if (l == &ours && !getenv("TIMENS")) {
		/*
		 * Outside a namespace, our VDSO_PAGE_TIMENS is a second view
		 * of the time page (vdso/datapage.h)
		 */
		memcpy(map + l->sys, vd, PAGE);
	} else if (getenv("TIMENS")) {
		/* a namespace's page: odd for good, mode TIMENS, zero offsets */
		unsigned char *ns = map + l->time;

		put32(ns + l->seq, 1);
		put32(ns + l->mode, l->timens_mode);
		if (l == &upstream) {	/* and so is its vdso_data[CS_RAW] */
			put32(ns + l->raw - 8 + l->seq, 1);
			put32(ns + l->raw - 8 + l->mode, l->timens_mode);
		}
	}

	/* the 32-bit timespec and timeval where long is 32 bits, but for *64 */
	narrow = sizeof(long) == 4 && !strstr(argv[4], "64");
	if (gtod)
		clock = 0;
	for (i = 0; i < calls; i++) {
		void *out = narrow ? (void *)&out32 : (void *)&out64;

		ret |= gtod ? fn((long)out, NULL) : fn(clock, out);
	}
	/* the seconds are the base's, a few at most past it: not the kernel's */
	if (narrow)
		out64.sec = out32.sec;
	if (fn == empty)
		return 0;
	if (ret || out64.sec < BASE_SEC + clock || out64.sec > BASE_SEC + clock + 5) {
		fprintf(stderr, "%s %s mode %d clock %ld: ret %ld, %lld s: not the data's\n",
			argv[4], argv[2], mode, clock, ret, (long long)out64.sec);
		return 1;
	}
	return 0;
}
