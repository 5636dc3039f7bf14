// SPDX-License-Identifier: GPL-2.0
/*
 * Look up symbols in the vDSO by walking its ELF structures.
 * Written from the System V gABI and the GNU symbol versioning notes.
 */
#include <string.h>
#include <sys/auxv.h>

#include "vdso_sym.h"

#define SYM_TYPES	((1u << STT_NOTYPE) | (1u << STT_OBJECT) | \
			 (1u << STT_FUNC) | (1u << STT_COMMON))
#define SYM_BINDS	((1u << STB_GLOBAL) | (1u << STB_WEAK) | \
			 (1u << STB_GNU_UNIQUE))

static int ehdr_usable(const Elf_Ehdr *eh)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return 0;
	if (eh->e_ident[EI_CLASS] != (sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32))
		return 0;
	if (eh->e_type != ET_DYN)
		return 0;
	return eh->e_phentsize == sizeof(Elf_Phdr) && eh->e_phnum;
}

/* Find PT_LOAD (for the bias) and PT_DYNAMIC; 0 when both were found. */
static int read_phdrs(struct vdso_image *img)
{
	int have_load = 0;
	Elf_Half i;

	img->phdr = (const Elf_Phdr *)(img->base + img->ehdr->e_phoff);
	for (i = 0; i < img->ehdr->e_phnum; i++) {
		const Elf_Phdr *ph = &img->phdr[i];

		if (ph->p_type == PT_LOAD && !have_load) {
			img->bias = img->base + ph->p_offset - ph->p_vaddr;
			have_load = 1;
		} else if (ph->p_type == PT_DYNAMIC) {
			img->dyn = (const Elf_Dyn *)(img->base + ph->p_offset);
		}
	}
	return have_load && img->dyn ? 0 : -1;
}

static void read_dynamic(struct vdso_image *img)
{
	const Elf_Dyn *d;

	for (d = img->dyn; d->d_tag != DT_NULL; d++) {
		uintptr_t p = img->bias + d->d_un.d_ptr;

		switch (d->d_tag) {
		case DT_SYMTAB:
			img->symtab = (const Elf_Sym *)p;
			break;
		case DT_STRTAB:
			img->strtab = (const char *)p;
			break;
		case DT_STRSZ:
			img->strsz = d->d_un.d_val;
			break;
		case DT_HASH:
			img->sysv_hash = (const Elf_HashWord *)p;
			break;
		case DT_GNU_HASH:
			img->gnu_hash = (const Elf32_Word *)p;
			break;
		case DT_VERSYM:
			img->versym = (const Elf_Versym *)p;
			break;
		case DT_VERDEF:
			img->verdef = (const Elf_Verdef *)p;
			break;
		}
	}
}

/*
 * DT_GNU_HASH layout: nbuckets, symoffset, bloom_size, bloom_shift,
 * then bloom_size address-sized bloom words, nbuckets buckets and the
 * chain array, whose entry i describes symbol symoffset + i.
 */
static const Elf32_Word *gnu_buckets(const Elf32_Word *h)
{
	return h + 4 + h[2] * (sizeof(Elf_Addr) / sizeof(Elf32_Word));
}

static const Elf32_Word *gnu_chain(const Elf32_Word *h)
{
	return gnu_buckets(h) + h[0];
}

static size_t gnu_symbol_count(const Elf32_Word *h)
{
	const Elf32_Word *buckets = gnu_buckets(h);
	const Elf32_Word *chain = gnu_chain(h);
	Elf32_Word i, last = 0;

	for (i = 0; i < h[0]; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < h[1])
		return h[1];
	while (!(chain[last - h[1]] & 1))
		last++;
	return (size_t)last + 1;
}

int vdso_open(struct vdso_image *img, uintptr_t base)
{
	memset(img, 0, sizeof(*img));
	img->base = base;
	img->ehdr = (const Elf_Ehdr *)base;
	if (!base || !ehdr_usable(img->ehdr) || read_phdrs(img))
		return -1;
	read_dynamic(img);
	if (!img->symtab || !img->strtab || !img->strsz)
		return -1;
	if (!img->sysv_hash && !img->gnu_hash)
		return -1;
	if (img->sysv_hash)
		img->nsyms = img->sysv_hash[1];
	else
		img->nsyms = gnu_symbol_count(img->gnu_hash);
	return 0;
}

int vdso_open_auxv(struct vdso_image *img)
{
	return vdso_open(img, (uintptr_t)getauxval(AT_SYSINFO_EHDR));
}

const Elf_Dyn *vdso_dyn_find(const struct vdso_image *img, Elf_Sxword tag)
{
	const Elf_Dyn *d;

	for (d = img->dyn; d->d_tag != DT_NULL; d++)
		if (d->d_tag == tag)
			return d;
	return NULL;
}

static const char *str_at(const struct vdso_image *img, size_t off)
{
	return off < img->strsz ? img->strtab + off : NULL;
}

static const Elf_Verdef *verdef_by_index(const struct vdso_image *img,
					 unsigned int ndx)
{
	const Elf_Verdef *vd = img->verdef;

	while (vd) {
		if (vd->vd_ndx == ndx)
			return vd;
		if (!vd->vd_next)
			break;
		vd = (const Elf_Verdef *)((const char *)vd + vd->vd_next);
	}
	return NULL;
}

const char *vdso_version_name(const struct vdso_image *img, unsigned int ndx)
{
	const Elf_Verdef *vd = verdef_by_index(img, ndx);
	const Elf_Verdaux *aux;

	if (!vd || !vd->vd_cnt)
		return NULL;
	aux = (const Elf_Verdaux *)((const char *)vd + vd->vd_aux);
	return str_at(img, aux->vda_name);
}

static int version_ok(const struct vdso_image *img, size_t idx,
		      const char *version)
{
	unsigned int ndx;
	const char *name;

	if (!version || !img->versym)
		return 1;
	ndx = img->versym[idx] & 0x7fff;
	if (ndx == VER_NDX_LOCAL || ndx == VER_NDX_GLOBAL)
		return 0;
	name = vdso_version_name(img, ndx);
	return name && !strcmp(name, version);
}

static int symbol_ok(const struct vdso_image *img, size_t idx,
		     const char *name, const char *version)
{
	const Elf_Sym *s = &img->symtab[idx];
	const char *sname;

	if (!((1u << ELF64_ST_TYPE(s->st_info)) & SYM_TYPES))
		return 0;
	if (!((1u << ELF64_ST_BIND(s->st_info)) & SYM_BINDS))
		return 0;
	if (s->st_shndx == SHN_UNDEF)
		return 0;
	sname = str_at(img, s->st_name);
	if (!sname || strcmp(sname, name))
		return 0;
	return version_ok(img, idx, version);
}

static void *sym_addr(const struct vdso_image *img, size_t idx)
{
	const Elf_Sym *s = &img->symtab[idx];

	if (s->st_shndx == SHN_ABS)
		return (void *)s->st_value;
	return (void *)(img->bias + s->st_value);
}

/* The System V ABI's hash: fold the top nibble back in, keep 28 bits. */
static uint32_t sysv_hash_of(const char *name)
{
	const unsigned char *p;
	uint32_t h = 0;

	for (p = (const unsigned char *)name; *p; p++) {
		h = (h << 4) + *p;
		h = (h ^ ((h >> 24) & 0xf0)) & 0x0fffffff;
	}
	return h;
}

static uint32_t gnu_hash_of(const char *name)
{
	const unsigned char *p = (const unsigned char *)name;
	uint32_t h = 5381;

	while (*p)
		h = h * 33 + *p++;
	return h;
}

static void *lookup_sysv(const struct vdso_image *img, const char *name,
			 const char *version)
{
	const Elf_HashWord *h = img->sysv_hash;
	const Elf_HashWord *bucket = h + 2, *chain = h + 2 + h[0];
	Elf_HashWord i;

	if (!h[0])
		return NULL;
	for (i = bucket[sysv_hash_of(name) % h[0]]; i != STN_UNDEF; i = chain[i]) {
		if (i >= h[1])
			return NULL;
		if (symbol_ok(img, i, name, version))
			return sym_addr(img, i);
	}
	return NULL;
}

static int gnu_bloom_may_have(const Elf32_Word *h, uint32_t hash)
{
	const Elf_Addr *bloom = (const Elf_Addr *)(h + 4);
	const unsigned int bits = sizeof(Elf_Addr) * 8;
	Elf_Addr word, mask;

	if (!h[2])
		return 1;
	word = bloom[(hash / bits) % h[2]];
	mask = ((Elf_Addr)1 << (hash % bits)) |
	       ((Elf_Addr)1 << ((hash >> h[3]) % bits));
	return (word & mask) == mask;
}

static void *lookup_gnu(const struct vdso_image *img, const char *name,
			const char *version)
{
	const Elf32_Word *h = img->gnu_hash;
	const Elf32_Word *chain = gnu_chain(h);
	uint32_t hash = gnu_hash_of(name);
	Elf32_Word i;

	if (!h[0] || !gnu_bloom_may_have(h, hash))
		return NULL;
	i = gnu_buckets(h)[hash % h[0]];
	if (i < h[1])
		return NULL;
	for (;; i++) {
		Elf32_Word ch = chain[i - h[1]];

		if ((ch | 1) == (hash | 1) && symbol_ok(img, i, name, version))
			return sym_addr(img, i);
		if (ch & 1)
			return NULL;
	}
}

void *vdso_lookup_hash(const struct vdso_image *img, const char *name,
		       const char *version, enum vdso_hash_kind kind)
{
	if (kind == VDSO_HASH_ANY)
		kind = img->gnu_hash ? VDSO_HASH_GNU : VDSO_HASH_SYSV;
	if (kind == VDSO_HASH_GNU)
		return img->gnu_hash ? lookup_gnu(img, name, version) : NULL;
	return img->sysv_hash ? lookup_sysv(img, name, version) : NULL;
}

void *vdso_lookup(const struct vdso_image *img, const char *name,
		  const char *version)
{
	return vdso_lookup_hash(img, name, version, VDSO_HASH_ANY);
}

size_t vdso_symbol_count(const struct vdso_image *img)
{
	return img->nsyms;
}

int vdso_symbol_at(const struct vdso_image *img, size_t idx,
		   struct vdso_symbol *sym)
{
	const Elf_Sym *s;

	if (idx >= img->nsyms)
		return -1;
	s = &img->symtab[idx];
	memset(sym, 0, sizeof(*sym));
	sym->name = str_at(img, s->st_name);
	sym->type = ELF64_ST_TYPE(s->st_info);
	sym->bind = ELF64_ST_BIND(s->st_info);
	sym->shndx = s->st_shndx;
	sym->addr = s->st_shndx == SHN_UNDEF ? NULL : sym_addr(img, idx);
	if (img->versym && img->verdef) {
		unsigned int ndx = img->versym[idx] & 0x7fff;

		if (ndx > VER_NDX_GLOBAL)
			sym->version = vdso_version_name(img, ndx);
		sym->hidden = !!(img->versym[idx] & 0x8000);
	}
	return sym->name ? 0 : -1;
}
