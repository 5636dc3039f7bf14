// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 readers of the clocks hypervisors keep (arch/x86/include/asm/
 * vdso/vclock.h): kvm-clock's pvclock page and the Hyper-V reference TSC
 * page, against pages written the way KVM and Hyper-V write them, byte
 * offsets from their ABIs (Documentation/virt/kvm/x86/msr.rst, and the
 * Hyper-V TLFS), not from the C structs the reader uses.
 *
 * QEMU without KVM shows neither clock to a guest, so this is where the
 * read paths are tested: values against a 128-bit reference, the bits
 * and values that send the caller to the system call, and a hypervisor
 * that rewrites the page while the reader is in the middle of it (the
 * TSC read, vdso_vclock_rdtsc(), is where it strikes), or that leaves
 * the page mid-update until a moment later (another thread).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>
#include <asm/vdso/processor.h>

/* the TSC the reader sees, and a hypervisor that may act at each read */
static u64 test_tsc;
static unsigned int tsc_reads;
static void (*at_tsc_read)(unsigned int n);

static u64 vdso_vclock_rdtsc(void)
{
	tsc_reads++;
	if (at_tsc_read)
		at_tsc_read(tsc_reads);
	return READ_ONCE(test_tsc);
}

#include <asm/vdso/vclock.h>

/* --- TAP --------------------------------------------------------------- */

static int n_tests, n_failed;

static __printf(2, 3) void ok(bool pass, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", pass ? "" : "not ", ++n_tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	n_failed += !pass;
}

/* --- the pages, as the hypervisors write them ------------------------- */

static u8 page[4096] __aligned(4096);

static void put32(unsigned int off, u32 v)
{
	__atomic_store_n((u32 *)&page[off], v, __ATOMIC_RELEASE);
}

static void put64(unsigned int off, u64 v)
{
	__atomic_store_n((u64 *)&page[off], v, __ATOMIC_RELEASE);
}

static u32 get32(unsigned int off)
{
	return __atomic_load_n((u32 *)&page[off], __ATOMIC_ACQUIRE);
}

/* struct pvclock_vcpu_time_info, by the KVM ABI */
#define PV_VERSION	0
#define PV_TSC		8
#define PV_SYSTIME	16
#define PV_MUL		24
#define PV_SHIFT	28
#define PV_FLAGS	29
#define PV_STABLE	0x01

struct pv {
	u64 tsc, systime;
	u32 mul;
	s8 shift;
	u8 flags;
};

/* KVM's update: version odd, the fields, version even again */
static void pv_write(const struct pv *p)
{
	u32 v = get32(PV_VERSION);

	put32(PV_VERSION, v | 1);
	put64(PV_TSC, p->tsc);
	put64(PV_SYSTIME, p->systime);
	put32(PV_MUL, p->mul);
	page[PV_SHIFT] = (u8)p->shift;
	page[PV_FLAGS] = p->flags;
	put32(PV_VERSION, (v | 1) + 1);
}

/* what kvm-clock reads at @tsc, computed 128 bits wide */
static u64 pv_ref(const struct pv *p, u64 tsc)
{
	u64 d = tsc - p->tsc;

	d = p->shift < 0 ? d >> -p->shift : d << p->shift;
	return p->systime + (u64)(((u128)d * p->mul) >> 32);
}

static const struct pvclock_vcpu_time_info *pvti = (const void *)page;

static u64 rng = 0x9e3779b97f4a7c15ULL;

static u64 rand64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* a wrong kvm-clock reading: the TSC, the page, the result, the reference */
#define PV_BAD	\
	"# tsc %#llx stamp %#llx shift %d mul %#x: got %#llx, want %#llx\n"

static void test_pv_values(void)
{
	static const s8 shifts[] = { -8, -3, -1, 0, 1, 2, 5 };
	unsigned int i, bad = 0;
	struct pv p;
	u64 ns = 0;

	memset(page, 0, sizeof(page));
	for (i = 0; i < 100000; i++) {
		p.tsc = rand64();
		p.systime = rand64() >> (rand64() & 31);
		p.mul = (u32)rand64() | 1;
		p.shift = shifts[i % sizeof(shifts)];
		p.flags = PV_STABLE;
		pv_write(&p);
		/* deltas from none up to 2^40 cycles, and the TSC behind */
		test_tsc = p.tsc + (rand64() >> (24 + (i & 31)));
		if (i % 7 == 0)
			test_tsc = p.tsc;
		if (!vdso_pvclock_read(pvti, &ns) || ns != pv_ref(&p, test_tsc)) {
			if (bad++ < 5)
				printf(PV_BAD,
				       (unsigned long long)test_tsc,
				       (unsigned long long)p.tsc, p.shift, p.mul,
				       (unsigned long long)ns,
				       (unsigned long long)pv_ref(&p, test_tsc));
		}
	}
	ok(!bad, "pvclock: 100000 pages and TSC values read as kvm-clock does (%u wrong)", bad);
}

static void test_pv_unstable(void)
{
	struct pv p = { 1000, 5000, 0x80000000u, 0, 0 };
	u64 ns = 42;
	bool r1, r2;

	pv_write(&p);
	test_tsc = 3000;
	r1 = vdso_pvclock_read(pvti, &ns);
	p.flags = PV_STABLE | 0x02;	/* PVCLOCK_GUEST_STOPPED: not in the way */
	pv_write(&p);
	r2 = vdso_pvclock_read(pvti, &ns);
	ok(!r1 && r2 && ns == 6000,
	   "pvclock: without PVCLOCK_TSC_STABLE_BIT the system call (%d); with it %d, %llu ns",
	   r1, r2, (unsigned long long)ns);
}

/* the host rewrites the page at the reader's first TSC read */
static struct pv pv_next;

static void pv_rewrite(unsigned int n)
{
	if (n == 1)
		pv_write(&pv_next);
}

static void test_pv_mid_update(void)
{
	struct pv p = { 1000, 5000, 0x80000000u, 0, PV_STABLE };
	u64 ns = 0;
	bool r;

	pv_write(&p);
	pv_next = (struct pv){ 2000, 900000, 0x40000000u, 1, PV_STABLE };
	test_tsc = 4000;
	tsc_reads = 0;
	at_tsc_read = pv_rewrite;
	r = vdso_pvclock_read(pvti, &ns);
	at_tsc_read = NULL;
	ok(r && tsc_reads == 2 && ns == pv_ref(&pv_next, 4000),
	   "pvclock: rewritten during the read: read again (%u TSC reads), %llu ns (want %llu)",
	   tsc_reads, (unsigned long long)ns, (unsigned long long)pv_ref(&pv_next, 4000));

	/* and rewritten to unstable while the reader was at it */
	pv_write(&p);
	pv_next.flags = 0;
	tsc_reads = 0;
	at_tsc_read = pv_rewrite;
	r = vdso_pvclock_read(pvti, &ns);
	at_tsc_read = NULL;
	ok(!r && tsc_reads == 1,
	   "pvclock: made unstable during the read: the system call (%d, %u TSC reads)",
	   r, tsc_reads);
}

/* A host that is half-way through an update (version odd) for a while */
static void *pv_slow_host(void *arg)
{
	struct pv *p = arg;

	usleep(20000);
	put64(PV_TSC, p->tsc);
	put64(PV_SYSTIME, p->systime);
	put32(PV_MUL, p->mul);
	page[PV_SHIFT] = (u8)p->shift;
	page[PV_FLAGS] = p->flags;
	put32(PV_VERSION, get32(PV_VERSION) + 1);
	return NULL;
}

static void test_pv_odd(void)
{
	struct pv p = { 1000, 5000, 0x80000000u, 0, PV_STABLE };
	struct pv q = { 3000, 777777, 0x20000000u, 2, PV_STABLE };
	pthread_t t;
	u64 ns = 0;
	bool r;

	pv_write(&p);
	/* odd, with garbage in the fields, until the host finishes */
	put32(PV_VERSION, get32(PV_VERSION) + 1);
	put64(PV_SYSTIME, ~0ULL);
	put32(PV_MUL, 0xffffffffu);
	test_tsc = 9000;
	pthread_create(&t, NULL, pv_slow_host, &q);
	r = vdso_pvclock_read(pvti, &ns);
	pthread_join(t, NULL);
	ok(r && ns == pv_ref(&q, 9000) && !(get32(PV_VERSION) & 1),
	   "pvclock: an odd version is waited out: %llu ns (want %llu)",
	   (unsigned long long)ns, (unsigned long long)pv_ref(&q, 9000));
}

/* struct ms_hyperv_tsc_page, by the TLFS */
#define HV_SEQ		0
#define HV_SCALE	8
#define HV_OFFSET	16

struct hv {
	u32 seq;
	u64 scale;
	s64 offset;
};

/* Hyper-V's update: sequence 0 (invalid) while it writes, then a new one */
static void hv_write(const struct hv *h)
{
	put32(HV_SEQ, 0);
	put64(HV_SCALE, h->scale);
	put64(HV_OFFSET, (u64)h->offset);
	put32(HV_SEQ, h->seq);
}

static u64 hv_ref(const struct hv *h, u64 tsc)
{
	return (u64)(((u128)tsc * h->scale) >> 64) + (u64)h->offset;
}

static const struct ms_hyperv_tsc_page *tp = (const void *)page;

/* a wrong Hyper-V reading: the TSC, the page, the result, the reference */
#define HV_BAD	\
	"# tsc %#llx scale %#llx offset %lld: got %#llx, want %#llx\n"

static void test_hv_values(void)
{
	unsigned int i, bad = 0;
	struct hv h;
	u64 t = 0;

	memset(page, 0, sizeof(page));
	for (i = 0; i < 100000; i++) {
		h.seq = (u32)rand64() | 1;
		h.scale = rand64();
		h.offset = (s64)rand64() >> (i & 63);
		hv_write(&h);
		test_tsc = rand64() >> (i & 15);
		if (!vdso_hvclock_read(tp, &t) || t != hv_ref(&h, test_tsc)) {
			if (bad++ < 5)
				printf(HV_BAD,
				       (unsigned long long)test_tsc,
				       (unsigned long long)h.scale, (long long)h.offset,
				       (unsigned long long)t,
				       (unsigned long long)hv_ref(&h, test_tsc));
		}
	}
	ok(!bad, "Hyper-V TSC page: 100000 pages and TSC values read as the TLFS says (%u wrong)",
	   bad);
}

static void test_hv_invalid(void)
{
	struct hv h = { 0, 1ULL << 63, 100 };
	unsigned int reads;
	bool r1, r2;
	u64 t = 42;

	hv_write(&h);
	test_tsc = 1000;
	tsc_reads = 0;
	r1 = vdso_hvclock_read(tp, &t);
	reads = tsc_reads;
	h.seq = 0xffffffffu;
	hv_write(&h);
	r2 = vdso_hvclock_read(tp, &t);
	ok(!r1 && !reads && r2 && t == 600,
	   "Hyper-V TSC page: sequence 0 is the system call (%d, %u TSC reads); 0xffffffff is valid (%d, %llu)",
	   r1, reads, r2, (unsigned long long)t);
}

static struct hv hv_next;

static void hv_rewrite(unsigned int n)
{
	if (n == 1)
		hv_write(&hv_next);
}

static void test_hv_mid_update(void)
{
	struct hv h = { 7, 1ULL << 62, -50 };
	bool r;
	u64 t = 0;

	hv_write(&h);
	hv_next = (struct hv){ 8, 3ULL << 62, 1000000 };
	test_tsc = 4000;
	tsc_reads = 0;
	at_tsc_read = hv_rewrite;
	r = vdso_hvclock_read(tp, &t);
	at_tsc_read = NULL;
	ok(r && tsc_reads == 2 && t == hv_ref(&hv_next, 4000),
	   "Hyper-V TSC page: rewritten during the read: read again (%u TSC reads), %llu (want %llu)",
	   tsc_reads, (unsigned long long)t, (unsigned long long)hv_ref(&hv_next, 4000));

	/* invalidated during the read (a migration): the system call */
	hv_write(&h);
	hv_next.seq = 0;
	tsc_reads = 0;
	at_tsc_read = hv_rewrite;
	r = vdso_hvclock_read(tp, &t);
	at_tsc_read = NULL;
	ok(!r && tsc_reads == 1,
	   "Hyper-V TSC page: made invalid during the read: the system call (%d, %u TSC reads)",
	   r, tsc_reads);
}

int main(void)
{
	printf("TAP version 13\n1..9\n");
	test_pv_values();
	test_pv_unstable();
	test_pv_mid_update();
	test_pv_odd();
	test_hv_values();
	test_hv_invalid();
	test_hv_mid_update();
	printf("# %d failed\n", n_failed);
	return n_failed ? 1 : 0;
}
