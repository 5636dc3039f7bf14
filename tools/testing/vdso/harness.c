// SPDX-License-Identifier: GPL-2.0
/*
 * The stand-ins the glue and the writer call into, the [vvar] mapping and
 * TAP output.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>

#include "vdso_test.h"
#include "timekeeping_internal.h"

/* --- what the shims declare --------------------------------------------- */

s32 vdso_test_readable_mode = VDSO_CLOCKMODE_TEST;
u64 vdso_test_cycles;
__thread unsigned long vdso_test_counter_reads;
__thread unsigned long vdso_test_slow_reads;
unsigned long vdso_test_vector_wipes;
unsigned int hrtimer_resolution = 1;

/* what vdso_update_begin() takes (shims/timekeeping_internal.h) */
raw_spinlock_t timekeeper_lock = PTHREAD_MUTEX_INITIALIZER;
struct timezone sys_tz;

/* --- the system call ----------------------------------------------------- */

unsigned long sys_calls[NR_SLOTS];
bool sys_fake;
long sys_fake_ret;
long (*sys_hook)(long nr, long a0, long a1, long a2);
long sys_last[4];

long vdso_test_syscall3(long nr, long a0, long a1, long a2)
{
	long ret;

	__atomic_fetch_add(&sys_calls[(unsigned long)nr < NR_SLOTS ? nr : 0], 1,
			   __ATOMIC_RELAXED);
	sys_last[0] = nr;
	sys_last[1] = a0;
	sys_last[2] = a1;
	sys_last[3] = a2;
	if (sys_fake)
		return sys_fake_ret;
	if (sys_hook)
		return sys_hook(nr, a0, a1, a2);
	ret = syscall(nr, a0, a1, a2);
	return ret == -1 ? -errno : ret;
}

void sys_reset(void)
{
	memset(sys_calls, 0, sizeof(sys_calls));
	memset(sys_last, 0, sizeof(sys_last));
	sys_fake = false;
	sys_hook = NULL;
}

unsigned long sys_total(void)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i < NR_SLOTS; i++)
		n += __atomic_load_n(&sys_calls[i], __ATOMIC_RELAXED);
	return n;
}

/* --- [vvar] ---------------------------------------------------------- */

/*
 * The reader's [vvar] area; vdso/image.lds.S places it in the real image.
 * The reader declares it const: it only ever maps read-only.
 */
u8 vdso_data_area[VDSO_DATA_SIZE] __aligned(PAGE_SIZE)
	__attribute__((visibility("hidden")));

static int vvar_fd = -1;
static struct vdso_time_data *ns_page;

static void map_or_die(void *addr, int prot, int flags, off_t off)
{
	void *p = mmap(addr, PAGE_SIZE, prot, flags | MAP_FIXED,
		       flags & MAP_ANONYMOUS ? -1 : vvar_fd, off);

	if (p != addr) {
		perror("vdso test: mmap");
		exit(2);
	}
}

void vvar_init(void)
{
	if (sizeof(vdso_k_time_page) != PAGE_SIZE ||
	    (unsigned long)&vdso_k_time_page % PAGE_SIZE ||
	    sizeof(vdso_k_rng_page) != PAGE_SIZE ||
	    (unsigned long)&vdso_k_rng_page % PAGE_SIZE ||
	    (unsigned long)vdso_data_area % PAGE_SIZE) {
		fprintf(stderr, "vdso test: [vvar] pages not page aligned\n");
		exit(2);
	}
	vvar_fd = memfd_create("vdso-test-vvar", 0);
	if (vvar_fd < 0 || ftruncate(vvar_fd, 3 * PAGE_SIZE)) {
		perror("vdso test: memfd");
		exit(2);
	}
	/* file page 0: the time page, written through vdso_k_time_page */
	map_or_die(&vdso_k_time_page, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	/* file page 1: a time namespace's page */
	ns_page = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
		       vvar_fd, PAGE_SIZE);
	if (ns_page == MAP_FAILED) {
		perror("vdso test: mmap");
		exit(2);
	}
	/* file page 2: the RNG page, written through vdso_k_rng_page */
	map_or_die(&vdso_k_rng_page, PROT_READ | PROT_WRITE, MAP_SHARED, 2 * PAGE_SIZE);
	map_or_die(vdso_data_area + VDSO_PAGE_RNG * PAGE_SIZE, PROT_READ, MAP_SHARED,
		   2 * PAGE_SIZE);
	vvar_view(false);
}

void vvar_view(bool timens)
{
	u8 *time = vdso_data_area + VDSO_PAGE_TIME * PAGE_SIZE;
	u8 *host = vdso_data_area + VDSO_PAGE_TIMENS * PAGE_SIZE;

	map_or_die(time, PROT_READ, MAP_SHARED, timens ? PAGE_SIZE : 0);
	map_or_die(host, PROT_READ, MAP_SHARED, 0);
}

/* plain memory again, for LeakSanitizer's scan of the globals at exit */
void vvar_fini(void)
{
	size_t i;

	for (i = 0; i < VDSO_DATA_PAGES; i++)
		map_or_die(vdso_data_area + i * PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, 0);
	map_or_die(&vdso_k_time_page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, 0);
	map_or_die(&vdso_k_rng_page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, 0);
}

struct vdso_time_data *vvar_ns_page(void)
{
	return ns_page;
}

/* --- TAP ----------------------------------------------------------------- */

u64 rnd_state = 0x5eed5eed12345678ULL;

static int tap_planned, tap_count, tap_failed;
static unsigned long cur_fails;

void tap_plan(int n)
{
	tap_planned = n;
	printf("TAP version 13\n1..%d\n", n);
	fflush(stdout);
}

void tap_diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

void t_begin(void)
{
	cur_fails = 0;
}

void t_fail(const char *fmt, ...)
{
	va_list ap;

	/* the first few tell the story */
	if (++cur_fails > 4)
		return;
	fputs("#   ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

unsigned long t_failures(void)
{
	return cur_fails;
}

bool t_end(const char *fmt, ...)
{
	bool ok = !cur_fails;
	va_list ap;

	tap_count++;
	if (!ok)
		tap_failed++;
	printf("%sok %d - ", ok ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!ok)
		printf(" (%lu failures)", cur_fails);
	putchar('\n');
	fflush(stdout);
	return ok;
}

int tap_done(void)
{
	if (tap_count != tap_planned) {
		tap_diag("planned %d tests, ran %d", tap_planned, tap_count);
		return 1;
	}
	return tap_failed ? 1 : 0;
}
