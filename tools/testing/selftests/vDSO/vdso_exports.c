// SPDX-License-Identifier: GPL-2.0
/*
 * Check the shape of the vDSO image: program headers, dynamic entries,
 * the version definition and the exact set of exported symbols.
 */
#include <stdio.h>
#include <string.h>

#include "kselftest.h"
#include "vdso_abi.h"
#include "vdso_sym.h"

#define FIXED_TESTS	13

static struct vdso_image img;

static int count_phdrs(Elf_Word type, const Elf_Phdr **first)
{
	int i, n = 0;

	for (i = 0; i < img.ehdr->e_phnum; i++) {
		if (img.phdr[i].p_type != type)
			continue;
		if (!n++ && first)
			*first = &img.phdr[i];
	}
	return n;
}

static void test_ehdr(void)
{
	const Elf_Ehdr *eh = img.ehdr;

	ksft_test_result(eh->e_type == ET_DYN && eh->e_machine == vdso_abi.machine &&
			 eh->e_ident[EI_VERSION] == EV_CURRENT,
			 "ELF header: ET_DYN, e_machine %u (want %u)\n",
			 eh->e_machine, vdso_abi.machine);
}

static void test_load(void)
{
	const Elf_Phdr *ph = NULL;
	int n = count_phdrs(PT_LOAD, &ph);

	if (n != 1) {
		ksft_test_result_fail("one PT_LOAD: found %d\n", n);
		return;
	}
	ksft_test_result(ph->p_flags == (PF_R | PF_X) && ph->p_offset == 0,
			 "one PT_LOAD, flags %#x (want R+X), offset %#lx (want 0)\n",
			 (unsigned int)ph->p_flags, (unsigned long)ph->p_offset);
}

static void test_phdr_present(Elf_Word type, const char *name)
{
	int n = count_phdrs(type, NULL);

	ksft_test_result(n >= 1, "%s present (%d found)\n", name, n);
}

static void test_phdr_absent(void)
{
	int tls = count_phdrs(PT_TLS, NULL);
	int interp = count_phdrs(PT_INTERP, NULL);
	int relro = count_phdrs(PT_GNU_RELRO, NULL);

	ksft_test_result(!tls && !interp && !relro,
			 "no PT_TLS (%d), PT_INTERP (%d), PT_GNU_RELRO (%d)\n",
			 tls, interp, relro);
}

static void test_dyn_pair(Elf_Sxword a, const char *an,
			  Elf_Sxword b, const char *bn)
{
	int ha = !!vdso_dyn_find(&img, a), hb = !!vdso_dyn_find(&img, b);

	ksft_test_result(ha && hb, "%s (%s) and %s (%s)\n", an,
			 ha ? "present" : "MISSING", bn, hb ? "present" : "MISSING");
}

/* DT_HASH always; DT_GNU_HASH too, except where the ABI has none */
static void test_hash_tables(void)
{
	int sysv = !!vdso_dyn_find(&img, DT_HASH);
	int gnu = !!vdso_dyn_find(&img, DT_GNU_HASH);

	ksft_test_result(sysv && gnu == !vdso_abi.sysv_hash_only,
			 "DT_HASH (%s) and DT_GNU_HASH (%s, want %s)\n",
			 sysv ? "present" : "MISSING", gnu ? "present" : "absent",
			 vdso_abi.sysv_hash_only ? "absent" : "present");
}

static void test_soname(void)
{
	const Elf_Dyn *d = vdso_dyn_find(&img, DT_SONAME);
	const char *name = NULL;

	if (d && d->d_un.d_val < img.strsz)
		name = img.strtab + d->d_un.d_val;
	ksft_test_result(name && !strcmp(name, vdso_abi.soname),
			 "DT_SONAME is %s (want %s)\n", name ? name : "(none)",
			 vdso_abi.soname);
}

/* Is @name the name of one of the image's version definitions? */
static int is_version_name(const char *name)
{
	unsigned int ndx;
	const char *v;

	for (ndx = 1; ndx < 0x7fff; ndx++) {
		v = vdso_version_name(&img, ndx);
		if (!v)
			return 0;
		if (!strcmp(v, name))
			return 1;
	}
	return 0;
}

static void test_verdef(void)
{
	int found = 0, base = 0;
	unsigned int ndx;
	const char *v;

	for (ndx = 1; (v = vdso_version_name(&img, ndx)); ndx++) {
		ksft_print_msg("version definition %u: %s\n", ndx, v);
		if (ndx == 1 && !strcmp(v, vdso_abi.soname))
			base = 1;
		if (ndx > 1 && !strcmp(v, vdso_abi.version))
			found = 1;
	}
	ksft_test_result(found && base,
			 "version definitions: base %s, node %s\n",
			 base ? "ok" : "MISSING", found ? "ok" : "MISSING");
}

static int expected(const struct vdso_export *e)
{
	return !e->getrandom || vdso_abi_expect_getrandom();
}

static const struct vdso_export *table_entry(const char *name)
{
	const struct vdso_export *e;

	for (e = vdso_abi.exports; e->name; e++)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}

/* A defined global or weak symbol other than a version's own symbol. */
static int is_export(const struct vdso_symbol *s)
{
	if (s->shndx == SHN_UNDEF)
		return 0;
	if (s->bind != STB_GLOBAL && s->bind != STB_WEAK)
		return 0;
	return !(s->shndx == SHN_ABS && s->type == STT_OBJECT &&
		 is_version_name(s->name));
}

static void test_export_set(void)
{
	const struct vdso_export *e;
	struct vdso_symbol s;
	int extra = 0, missing = 0;
	size_t i;

	for (i = 1; i < vdso_symbol_count(&img); i++) {
		if (vdso_symbol_at(&img, i, &s)) {
			ksft_print_msg("symbol %zu has a bad name\n", i);
			extra++;
			continue;
		}
		if (!is_export(&s)) {
			if (s.shndx != SHN_UNDEF)
				ksft_print_msg("not an export: %s\n", s.name);
			continue;
		}
		ksft_print_msg("export %s@%s%s type %u bind %u\n", s.name,
			       s.hidden ? "" : "@", s.version ? s.version : "(none)",
			       s.type, s.bind);
		e = table_entry(s.name);
		if (!e || !expected(e)) {
			ksft_print_msg("unexpected export: %s\n", s.name);
			extra++;
		}
	}
	for (e = vdso_abi.exports; e->name; e++) {
		if (expected(e) && !vdso_lookup(&img, e->name, NULL)) {
			ksft_print_msg("missing export: %s\n", e->name);
			missing++;
		}
	}
	ksft_test_result(!extra && !missing,
			 "exports equal the table (%d unexpected, %d missing)\n",
			 extra, missing);
}

/* Dynamic symbol table index of the exported @name, or 0. */
static size_t find_index(const char *name)
{
	struct vdso_symbol s;
	size_t i;

	for (i = 1; i < vdso_symbol_count(&img); i++)
		if (!vdso_symbol_at(&img, i, &s) && is_export(&s) &&
		    !strcmp(s.name, name))
			return i;
	return 0;
}

static int in_load(void *addr)
{
	const Elf_Phdr *ph = NULL;
	uintptr_t a = (uintptr_t)addr;

	if (!count_phdrs(PT_LOAD, &ph))
		return 0;
	return a >= img.bias + ph->p_vaddr && a < img.bias + ph->p_vaddr + ph->p_memsz;
}

static void test_symbol(const struct vdso_export *e)
{
	const char *v = e->version ? e->version : vdso_abi.version;
	void *sysv, *gnu;
	struct vdso_symbol s;
	size_t i = find_index(e->name);

	if (!i || vdso_symbol_at(&img, i, &s)) {
		ksft_test_result_fail("%s: not exported\n", e->name);
		return;
	}
	sysv = vdso_lookup_hash(&img, e->name, v, VDSO_HASH_SYSV);
	gnu = vdso_lookup_hash(&img, e->name, v, VDSO_HASH_GNU);
	if (s.type != STT_FUNC || s.bind != e->bind)
		ksft_test_result_fail("%s: type %u bind %u, want FUNC (%u) bind %u\n",
				      e->name, s.type, s.bind, STT_FUNC, e->bind);
	else if (!s.version || strcmp(s.version, v) || s.hidden)
		ksft_test_result_fail("%s: version %s%s, want default %s\n",
				      e->name, s.version ? s.version : "(none)",
				      s.hidden ? " (hidden)" : "", v);
	else if (!sysv || sysv != s.addr ||
		 gnu != (vdso_abi.sysv_hash_only ? NULL : sysv))
		ksft_test_result_fail("%s: DT_HASH %p, DT_GNU_HASH %p, symtab %p\n",
				      e->name, sysv, gnu, s.addr);
	else
		ksft_test_result(in_load(s.addr), "%s: FUNC %s @@%s at %p\n",
				 e->name, e->bind == STB_WEAK ? "WEAK" : "GLOBAL",
				 v, s.addr);
}

static void test_negative_lookups(void)
{
	static const char * const bogus[] = {
		"", "__vdso_no_such_function", "clock_gettimeX", "LINUX_2.6",
	};
	const char *name = vdso_abi.clock_gettime;
	int bad = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bogus); i++) {
		if (vdso_lookup_hash(&img, bogus[i], NULL, VDSO_HASH_SYSV) ||
		    vdso_lookup_hash(&img, bogus[i], vdso_abi.version, VDSO_HASH_GNU)) {
			ksft_print_msg("bogus name '%s' was found\n", bogus[i]);
			bad++;
		}
	}
	if (vdso_lookup_hash(&img, name, "LINUX_0.0", VDSO_HASH_SYSV) ||
	    vdso_lookup_hash(&img, name, "LINUX_0.0", VDSO_HASH_GNU)) {
		ksft_print_msg("%s found with a wrong version\n", name);
		bad++;
	}
	if (!vdso_lookup(&img, name, NULL) || !vdso_lookup(&img, name, vdso_abi.version)) {
		ksft_print_msg("%s not found\n", name);
		bad++;
	}
	ksft_test_result(!bad, "lookups of absent names and versions fail\n");
}

int main(void)
{
	const struct vdso_export *e;
	int nsym = 0;

	ksft_print_header();
	if (vdso_open_auxv(&img))
		ksft_exit_fail_msg("no usable vDSO at AT_SYSINFO_EHDR\n");
	ksft_print_msg("vDSO at %#lx, %zu dynamic symbols, getrandom %sexpected\n",
		       (unsigned long)img.base, vdso_symbol_count(&img),
		       vdso_abi_expect_getrandom() ? "" : "not ");
	if (vdso_abi.exports)
		for (e = vdso_abi.exports; e->name; e++)
			nsym += expected(e);
	ksft_set_plan(FIXED_TESTS + nsym);

	test_ehdr();
	test_load();
	test_phdr_present(PT_DYNAMIC, "PT_DYNAMIC");
	test_phdr_present(PT_NOTE, "PT_NOTE");
#ifdef __arm__
	/* EHABI: unwinders find the tables through PT_ARM_EXIDX */
	test_phdr_present(PT_ARM_EXIDX, "PT_ARM_EXIDX");
#else
	test_phdr_present(PT_GNU_EH_FRAME, "PT_GNU_EH_FRAME");
#endif
	test_phdr_absent();
	test_hash_tables();
	test_dyn_pair(DT_VERSYM, "DT_VERSYM", DT_VERDEF, "DT_VERDEF");
	test_dyn_pair(DT_SYMTAB, "DT_SYMTAB", DT_STRTAB, "DT_STRTAB");
	test_soname();
	test_verdef();
	test_negative_lookups();
	if (vdso_abi.exports) {
		test_export_set();
		for (e = vdso_abi.exports; e->name; e++)
			if (expected(e))
				test_symbol(e);
	} else {
		ksft_test_result_skip("no export table for %s yet\n", vdso_abi.arch);
	}
	ksft_finished();
}
