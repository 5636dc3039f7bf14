// SPDX-License-Identifier: GPL-2.0
/*
 * The kuser helpers of 32-bit arm (Documentation/arch/arm/kernel_user_helpers.rst):
 * the code the kernel puts at the top of the page at 0xffff0000 for
 * AArch32 programs, on a 32-bit arm kernel and on an arm64 one alike.
 * libgcc's __sync_* on pre-v6 targets, musl without HWCAP_TLS and Go with
 * GOARM<7 call them by address.
 *
 * Checked: the page is mapped as [vectors], readable and executable and
 * never writable; the version word says every helper below is there;
 * __kuser_get_tls returns the thread pointer; __kuser_cmpxchg and
 * __kuser_cmpxchg64 swap exactly when the old value matches, also under
 * contention between two threads; __kuser_memory_barrier returns.
 * Elsewhere than on 32-bit arm the test skips.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>

#include "kselftest.h"
#include "vdso_util.h"

#ifdef __arm__

#define KUSER_PAGE		0xffff0000UL
#define KUSER_VERSION		0xffff0ffcUL
#define KUSER_GET_TLS		0xffff0fe0UL
#define KUSER_CMPXCHG		0xffff0fc0UL
#define KUSER_BARRIER		0xffff0fa0UL
#define KUSER_CMPXCHG64		0xffff0f60UL

typedef void *(*kuser_get_tls_t)(void);
typedef int (*kuser_cmpxchg_t)(int oldval, int newval, int *ptr);
typedef void (*kuser_barrier_t)(void);
typedef int (*kuser_cmpxchg64_t)(const int64_t *oldval, const int64_t *newval,
				 int64_t *ptr);

#define kuser_get_tls		((kuser_get_tls_t)KUSER_GET_TLS)
#define kuser_cmpxchg		((kuser_cmpxchg_t)KUSER_CMPXCHG)
#define kuser_barrier		((kuser_barrier_t)KUSER_BARRIER)
#define kuser_cmpxchg64		((kuser_cmpxchg64_t)KUSER_CMPXCHG64)

#define ROUNDS	20000

static void test_mapping(void)
{
	struct map_entry m;
	int n = maps_find("[vectors]", &m);
	int wr = mprotect((void *)KUSER_PAGE, 4096, PROT_READ | PROT_WRITE);

	ksft_test_result(n == 1 && m.start <= KUSER_PAGE && KUSER_VERSION < m.end &&
			 m.perms[0] == 'r' && m.perms[1] == '-' && m.perms[2] == 'x' &&
			 wr == -1,
			 "[vectors]: %d found, %#lx-%#lx %s; mprotect to writable: %s\n",
			 n, n == 1 ? (unsigned long)m.start : 0,
			 n == 1 ? (unsigned long)m.end : 0, n == 1 ? m.perms : "-",
			 wr ? strerror(errno) : "allowed");
}

static void test_tls(void)
{
	void *tp;

	asm volatile ("mrc	p15, 0, %0, c13, c0, 3" : "=r" (tp));
	ksft_test_result(kuser_get_tls() == tp && tp == __builtin_thread_pointer(),
			 "__kuser_get_tls: %p, TPIDRURO %p\n", kuser_get_tls(), tp);
}

static void test_cmpxchg(void)
{
	int v = 5;
	int miss = kuser_cmpxchg(4, 9, &v);
	int missv = v;
	int hit = kuser_cmpxchg(5, 9, &v);

	ksft_test_result(miss != 0 && missv == 5 && hit == 0 && v == 9,
			 "__kuser_cmpxchg: old mismatch %d (value %d), match %d (value %d)\n",
			 miss, missv, hit, v);
}

static void test_cmpxchg64(void)
{
	int64_t v = 0x123456789abcdefLL;
	int64_t wrong = 0x123456700000000LL, right = v, new = -3;
	int miss = kuser_cmpxchg64(&wrong, &new, &v);
	int64_t missv = v;
	int hit = kuser_cmpxchg64(&right, &new, &v);

	ksft_test_result(miss != 0 && missv == right && hit == 0 && v == new,
			 "__kuser_cmpxchg64: old mismatch %d, match %d, value %lld\n",
			 miss, hit, (long long)v);
}

/* both only ever changed by the helpers, read atomically in between */
static int counter;
static int64_t counter64;

static void *adder(void *arg)
{
	int i, old;
	int64_t old64, new64;

	(void)arg;
	for (i = 0; i < ROUNDS; i++) {
		do {
			old = __atomic_load_n(&counter, __ATOMIC_RELAXED);
		} while (kuser_cmpxchg(old, old + 1, &counter));
		do {
			old64 = __atomic_load_n(&counter64, __ATOMIC_RELAXED);
			new64 = old64 + 0x100000001LL;
		} while (kuser_cmpxchg64(&old64, &new64, &counter64));
		kuser_barrier();
	}
	return NULL;
}

static void test_contention(void)
{
	pthread_t t;
	int ok = !pthread_create(&t, NULL, adder, NULL);

	adder(NULL);
	ok = ok && !pthread_join(t, NULL);
	ksft_test_result(ok && counter == 2 * ROUNDS &&
			 counter64 == 2 * ROUNDS * 0x100000001LL,
			 "two threads, %d rounds each: counter %d, counter64 %#llx\n",
			 ROUNDS, counter, (unsigned long long)counter64);
}

int main(void)
{
	struct map_entry m;
	unsigned int version;

	ksft_print_header();
	if (maps_find("[vectors]", &m) < 1)
		ksft_exit_fail_msg("no [vectors] mapping: no kuser helpers\n");
	version = *(const unsigned int *)KUSER_VERSION;
	ksft_set_plan(6);
	/* 5: __kuser_cmpxchg64 is there, and libgcc's 64-bit atomics need it */
	ksft_test_result(version >= 5, "__kuser_helper_version %u (5 or more)\n", version);
	test_mapping();
	test_tls();
	test_cmpxchg();
	test_cmpxchg64();
	test_contention();
	ksft_finished();
}

#else

int main(void)
{
	ksft_print_header();
	ksft_exit_skip("kuser helpers are 32-bit arm's\n");
}

#endif
