// SPDX-License-Identifier: GPL-2.0
/*
 * Monotonic clocks read through the vDSO must never go backwards: not
 * within one thread, and not between threads on different CPUs.
 *
 * Cross-thread check: before each read a thread loads (acquire) the
 * value last published by any thread; after its read it publishes
 * (release) its own value. A published value was read before the load
 * that sees it, so the new read must not be smaller.
 *
 * Usage: vdso_monotonic [-n total_calls] [-t max_seconds]
 */
#include <getopt.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

#include "kselftest.h"
#include "vdso_util.h"

#define DEFAULT_CALLS	2000000L
#define DEFAULT_SECONDS	20
#define NCLOCKS		3
#define CHECK_EVERY	4096

static const clockid_t clocks[NCLOCKS] = {
	CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_BOOTTIME,
};

static struct vdso_fns vdso;
static _Atomic int64_t published[NCLOCKS];
static pthread_barrier_t start;
static int64_t deadline_ns;

struct worker {
	pthread_t thread;
	int cpu;
	long calls;		/* to do */
	long done;
	long errors;		/* non-zero return values */
	long local_back[NCLOCKS];
	long cross_back[NCLOCKS];
	int64_t worst_local[NCLOCKS];	/* largest backward step, ns */
	int64_t worst_cross[NCLOCKS];
};

static void note(long *count, int64_t *worst, int64_t step)
{
	(*count)++;
	if (step > *worst)
		*worst = step;
}

static void *run(void *arg)
{
	struct worker *w = arg;
	int64_t prev[NCLOCKS] = { 0 };
	struct timespec ts;
	cpu_set_t set;
	long i;

	CPU_ZERO(&set);
	CPU_SET(w->cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
	pthread_barrier_wait(&start);

	for (i = 0; i < w->calls; i++) {
		int k = i % NCLOCKS;
		int64_t seen, t;

		seen = atomic_load_explicit(&published[k], memory_order_acquire);
		if (vdso.clock_gettime(clocks[k], &ts)) {
			w->errors++;
			continue;
		}
		t = ts_ns(&ts);
		if (t < prev[k])
			note(&w->local_back[k], &w->worst_local[k], prev[k] - t);
		if (t < seen)
			note(&w->cross_back[k], &w->worst_cross[k], seen - t);
		prev[k] = t;
		atomic_store_explicit(&published[k], t, memory_order_release);
		if (k == 0 && i % CHECK_EVERY == 0 && t > deadline_ns) {
			i++;
			break;
		}
	}
	w->done = i;
	return NULL;
}

static int pick_cpus(int *cpus, int max)
{
	cpu_set_t set;
	int cpu, n = 0;

	if (sched_getaffinity(0, sizeof(set), &set))
		return 0;
	for (cpu = 0; cpu < CPU_SETSIZE && n < max; cpu++)
		if (CPU_ISSET(cpu, &set))
			cpus[n++] = cpu;
	return n;
}

int main(int argc, char **argv)
{
	long total = DEFAULT_CALLS, done = 0, errors = 0;
	int seconds = DEFAULT_SECONDS, ncpus, nthreads, i, k, opt;
	struct worker workers[64] = { 0 };
	int cpus[64];
	struct vdso_image img;
	struct timespec now;

	while ((opt = getopt(argc, argv, "n:t:")) != -1) {
		if (opt == 'n')
			total = atol(optarg);
		else if (opt == 't')
			seconds = atoi(optarg);
		else
			ksft_exit_fail_msg("usage: %s [-n total_calls] [-t max_seconds]\n",
					   argv[0]);
	}
	if (total < NCLOCKS || seconds <= 0)
		ksft_exit_fail_msg("bad -n or -t\n");

	ksft_print_header();
	if (vdso_fns_init(&img, &vdso))
		ksft_exit_fail_msg("vDSO unusable or incomplete\n");
	if (!vdso.clock_gettime)
		ksft_exit_skip("the vDSO has no clock_gettime\n");
	ncpus = pick_cpus(cpus, ARRAY_SIZE(cpus));
	if (!ncpus)
		ksft_exit_fail_perror("sched_getaffinity");
	nthreads = ncpus < 2 ? 2 : ncpus;
	ksft_set_plan(1 + 2 * NCLOCKS);
	ksft_print_msg("%ld calls in total over %d threads on %d CPUs, at most %d s\n",
		       total, nthreads, ncpus, seconds);

	sys_clock_gettime(CLOCK_MONOTONIC, &now);
	deadline_ns = ts_ns(&now) + seconds * NSEC_PER_SEC;
	if (pthread_barrier_init(&start, NULL, nthreads))
		ksft_exit_fail_msg("pthread_barrier_init failed\n");
	for (i = 0; i < nthreads; i++) {
		workers[i].cpu = cpus[i % ncpus];
		workers[i].calls = total / nthreads;
		if (pthread_create(&workers[i].thread, NULL, run, &workers[i]))
			ksft_exit_fail_msg("pthread_create failed\n");
	}
	for (i = 0; i < nthreads; i++) {
		pthread_join(workers[i].thread, NULL);
		done += workers[i].done;
		errors += workers[i].errors;
	}
	ksft_print_msg("%ld calls made\n", done);
	ksft_test_result(!errors, "%ld calls, %ld returned an error\n", done, errors);

	for (k = 0; k < NCLOCKS; k++) {
		long local = 0, cross = 0;
		int64_t wl = 0, wc = 0;

		for (i = 0; i < nthreads; i++) {
			local += workers[i].local_back[k];
			cross += workers[i].cross_back[k];
			if (workers[i].worst_local[k] > wl)
				wl = workers[i].worst_local[k];
			if (workers[i].worst_cross[k] > wc)
				wc = workers[i].worst_cross[k];
		}
		ksft_test_result(!local, "%s: %ld backward steps within a thread (worst %lld ns)\n",
				 clock_name(clocks[k]), local, (long long)wl);
		ksft_test_result(!cross, "%s: %ld backward steps across threads (worst %lld ns)\n",
				 clock_name(clocks[k]), cross, (long long)wc);
	}
	ksft_finished();
}
