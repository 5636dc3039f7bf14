// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel RNG's side of the vDSO's getrandom(): what it tells the vDSO
 * (struct vdso_rng_data, mapped at VDSO_PAGE_RNG).
 */
#include <linux/cache.h>
#include <linux/compiler.h>
#include <linux/linkage.h>
#include <asm/barrier.h>
#include <asm/page.h>
#include <vdso/datapage.h>
#include <vdso/getrandom.h>

union vdso_rng_page vdso_k_rng_page __page_aligned_data;

/**
 * vdso_rng_set_generation() - tell the vDSO that the RNG was reseeded
 * @generation: the new generation, never 0
 *
 * The caller has stored the new key first; the release orders the two,
 * so a vDSO that sees @generation and asks for a key gets the new one.
 */
void vdso_rng_set_generation(unsigned long generation)
{
	/* the new key before the new generation: see above */
	smp_store_release(&vdso_k_rng_page.data.generation, generation);
}

/**
 * vdso_rng_set_ready() - tell the vDSO that the RNG is seeded
 */
void vdso_rng_set_ready(void)
{
	WRITE_ONCE(vdso_k_rng_page.data.is_ready, 1);
}
