/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal reader for the vDSO's dynamic symbol table.
 *
 * The vDSO is a tiny ELF shared object that the kernel maps into every
 * process; its address is in the auxiliary vector (AT_SYSINFO_EHDR).
 * This reader finds the dynamic section from the program headers, and
 * from there the symbol, string, hash and version tables, so that symbols
 * can be looked up by name and version, or listed.
 */
#ifndef VDSO_SYM_H
#define VDSO_SYM_H

#include <elf.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>

/* The ELF types of the native word size. */
#define Elf_Addr	ElfW(Addr)
#define Elf_Dyn		ElfW(Dyn)
#define Elf_Ehdr	ElfW(Ehdr)
#define Elf_Half	ElfW(Half)
#define Elf_Phdr	ElfW(Phdr)
#define Elf_Sxword	ElfW(Sxword)
#define Elf_Sym		ElfW(Sym)
#define Elf_Verdaux	ElfW(Verdaux)
#define Elf_Verdef	ElfW(Verdef)
#define Elf_Versym	ElfW(Versym)
#define Elf_Word	ElfW(Word)

/*
 * A word of the DT_HASH table: 32 bits, except on s390x (and alpha), whose
 * ABI makes them 64 bits wide. DT_GNU_HASH has 32-bit words everywhere.
 */
#if defined(__s390x__) || defined(__alpha__)
#define Elf_HashWord	uint64_t
#else
#define Elf_HashWord	Elf32_Word
#endif

/* Which hash table a lookup walks. */
enum vdso_hash_kind {
	VDSO_HASH_ANY,		/* DT_GNU_HASH if present, else DT_HASH */
	VDSO_HASH_SYSV,		/* DT_HASH only */
	VDSO_HASH_GNU,		/* DT_GNU_HASH only */
};

struct vdso_image {
	uintptr_t base;			/* where the ELF header is mapped */
	uintptr_t bias;			/* add to a p_vaddr / d_ptr */
	const Elf_Ehdr *ehdr;
	const Elf_Phdr *phdr;
	const Elf_Dyn *dyn;
	const Elf_Sym *symtab;
	const char *strtab;
	size_t strsz;
	const Elf_HashWord *sysv_hash;
	const Elf32_Word *gnu_hash;
	const Elf_Versym *versym;
	const Elf_Verdef *verdef;
	size_t nsyms;
};

struct vdso_symbol {
	const char *name;
	const char *version;	/* NULL when the object has no versions */
	int hidden;		/* version is not the default (name@VER) */
	unsigned char type;	/* STT_* */
	unsigned char bind;	/* STB_* */
	unsigned int shndx;
	void *addr;
};

/* Parse the image mapped at @base; 0 on success, -1 if unusable. */
int vdso_open(struct vdso_image *img, uintptr_t base);
/* Same, for the address in AT_SYSINFO_EHDR; -1 if there is none. */
int vdso_open_auxv(struct vdso_image *img);

/* Address of a defined symbol @name of version @version (any if NULL). */
void *vdso_lookup(const struct vdso_image *img, const char *name,
		  const char *version);
void *vdso_lookup_hash(const struct vdso_image *img, const char *name,
		       const char *version, enum vdso_hash_kind kind);

/* Dynamic symbol table entries, index 0 (the null symbol) included. */
size_t vdso_symbol_count(const struct vdso_image *img);
int vdso_symbol_at(const struct vdso_image *img, size_t idx,
		   struct vdso_symbol *sym);

/* First dynamic entry with tag @tag, or NULL. */
const Elf_Dyn *vdso_dyn_find(const struct vdso_image *img, Elf_Sxword tag);
/* Name of version definition index @ndx, or NULL. */
const char *vdso_version_name(const struct vdso_image *img, unsigned int ndx);

#endif /* VDSO_SYM_H */
