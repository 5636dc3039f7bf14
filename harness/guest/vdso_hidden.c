// SPDX-License-Identifier: GPL-2.0
/*
 * vdso_hidden: on a 32-bit arm kernel whose counter user space cannot
 * use (the device tree's timer node says the firmware left it
 * unconfigured), the vDSO's time entries are out of its symbol table:
 * no lookup finds them, by either hash table or with any version, their
 * symbols are still there with an empty name, and getrandom stays.
 * harness/check.sh runs it in arm's "hidden" boot, where libc_vdso must
 * also fail: the C library makes the system calls itself.
 */
#include <stdio.h>
#include <string.h>

#include "vdso_abi.h"
#include "vdso_sym.h"
#include "vdso_util.h"

static const char * const hidden[] = {
	"__vdso_clock_gettime", "__vdso_clock_gettime64", "__vdso_gettimeofday",
	"__vdso_clock_getres", "__vdso_clock_getres_time64",
};

static int nr_test, failed;

static void result(int ok, const char *what, const char *name)
{
	printf("%sok %d %s%s\n", ok ? "" : "not ", ++nr_test, what, name);
	failed |= !ok;
}

int main(void)
{
	struct vdso_image img;
	struct vdso_symbol sym;
	size_t i, nameless = 0;
	unsigned int n;

	printf("TAP version 13\n1..%zu\n", 2 * ARRAY_SIZE(hidden) + 2);
	if (vdso_open_auxv(&img)) {
		printf("Bail out! no vDSO at AT_SYSINFO_EHDR\n");
		return 1;
	}
	for (n = 0; n < ARRAY_SIZE(hidden); n++) {
		result(!vdso_lookup_hash(&img, hidden[n], NULL, VDSO_HASH_SYSV) &&
		       !vdso_lookup_hash(&img, hidden[n], NULL, VDSO_HASH_GNU) &&
		       !vdso_lookup(&img, hidden[n], vdso_abi.version),
		       "not found: ", hidden[n]);
		/* and not renamed either: the name is nowhere in the table */
		for (i = 1; i < vdso_symbol_count(&img); i++)
			if (!vdso_symbol_at(&img, i, &sym) && sym.name &&
			    !strcmp(sym.name, hidden[n]))
				break;
		result(i == vdso_symbol_count(&img), "no symbol named ", hidden[n]);
	}
	for (i = 1; i < vdso_symbol_count(&img); i++)
		if (!vdso_symbol_at(&img, i, &sym) && (!sym.name || !*sym.name) &&
		    sym.type == STT_FUNC)
			nameless++;
	printf("# %zu functions without a name\n", nameless);
	result(nameless == ARRAY_SIZE(hidden),
	       "the hidden entries are still there, nameless", "");
	result(!!vdso_lookup(&img, "__vdso_getrandom", vdso_abi.version),
	       "getrandom is still found", "");
	return failed;
}
