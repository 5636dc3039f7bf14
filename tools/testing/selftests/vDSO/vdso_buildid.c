// SPDX-License-Identifier: GPL-2.0
/*
 * The debug image "make vdso_install" installed is the running vDSO's:
 * perf and gdb find it by the build-id note of the [vdso] they see, at
 * /lib/modules/$(uname -r)/vdso/.build-id/xx/yyyy.debug, and name the
 * functions in [vdso] from its symbol table.
 *
 * - the running [vdso] has a GNU build-id note;
 * - the installed tree has that build id's link, to an ELF of this ABI's
 *   class and machine with the same note;
 * - its .text is byte for byte the running image's (on x86, but for the
 *   instructions the kernel rewrote at boot, which .altinstructions
 *   lists), and its symbol table names every function the running image
 *   exports.
 *
 * Without an installed tree (no /lib/modules/$(uname -r)/vdso) the test
 * skips, unless VDSO_TEST_EXPECT_INSTALLED=1 (or the kernel parameter
 * vdso_test.expect_installed=1) says the tree must be there.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "kselftest.h"
#include "vdso_util.h"

#define Elf_Nhdr	ElfW(Nhdr)
#define Elf_Shdr	ElfW(Shdr)

#define BUILD_ID_MAX	64

/*
 * The GNU build-id note among the notes at [@p, @p + @len), walked as
 * readers do, padded to the segment's or section's alignment @align (8
 * or 4): its length, copied to @id, or 0
 */
static size_t find_build_id(const unsigned char *p, size_t len, size_t align,
			    unsigned char *id)
{
	size_t off = 0, pad = align == 8 ? 7 : 3;

	while (off + sizeof(Elf_Nhdr) <= len) {
		const Elf_Nhdr *n = (const Elf_Nhdr *)(p + off);
		size_t name = (n->n_namesz + pad) & ~pad;
		size_t desc = (n->n_descsz + pad) & ~pad;
		const unsigned char *d = p + off + sizeof(*n) + name;

		if (off + sizeof(*n) + name + desc > len)
			return 0;
		if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 &&
		    !memcmp(p + off + sizeof(*n), "GNU", 4) &&
		    n->n_descsz && n->n_descsz <= BUILD_ID_MAX) {
			memcpy(id, d, n->n_descsz);
			return n->n_descsz;
		}
		off += sizeof(*n) + name + desc;
	}
	return 0;
}

/* The running image's build id, from its PT_NOTE segments */
static size_t running_build_id(const struct vdso_image *img, unsigned char *id)
{
	unsigned int i;
	size_t n;

	for (i = 0; i < img->ehdr->e_phnum; i++) {
		const Elf_Phdr *ph = &img->phdr[i];

		if (ph->p_type != PT_NOTE)
			continue;
		n = find_build_id((const unsigned char *)(img->bias + ph->p_vaddr),
				  ph->p_memsz, ph->p_align, id);
		if (n)
			return n;
	}
	return 0;
}

/* An ELF file read whole */
struct elf_file {
	unsigned char *data;
	size_t size;
	const Elf_Ehdr *ehdr;
	const Elf_Shdr *shdr;
	const char *shstr;
};

static int elf_read(struct elf_file *f, const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	void *p;

	memset(f, 0, sizeof(*f));
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) || st.st_size < (off_t)sizeof(Elf_Ehdr)) {
		close(fd);
		return -EINVAL;
	}
	p = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return -errno;
	f->data = p;
	f->size = st.st_size;
	f->ehdr = p;
	if (memcmp(f->ehdr->e_ident, ELFMAG, SELFMAG) ||
	    f->ehdr->e_shentsize != sizeof(Elf_Shdr) ||
	    f->ehdr->e_shoff + (size_t)f->ehdr->e_shnum * sizeof(Elf_Shdr) > f->size ||
	    f->ehdr->e_shstrndx >= f->ehdr->e_shnum)
		return -ENOEXEC;
	f->shdr = (const Elf_Shdr *)(f->data + f->ehdr->e_shoff);
	f->shstr = (const char *)f->data + f->shdr[f->ehdr->e_shstrndx].sh_offset;
	return 0;
}

static const Elf_Shdr *elf_section(const struct elf_file *f, const char *name)
{
	unsigned int i;

	for (i = 0; i < f->ehdr->e_shnum; i++)
		if (!strcmp(f->shstr + f->shdr[i].sh_name, name))
			return &f->shdr[i];
	return NULL;
}

static const Elf_Shdr *elf_section_type(const struct elf_file *f, unsigned int type)
{
	unsigned int i;

	for (i = 0; i < f->ehdr->e_shnum; i++)
		if (f->shdr[i].sh_type == type)
			return &f->shdr[i];
	return NULL;
}

/* The file's build id, from its SHT_NOTE sections */
static size_t file_build_id(const struct elf_file *f, unsigned char *id)
{
	unsigned int i;
	size_t n;

	for (i = 0; i < f->ehdr->e_shnum; i++) {
		const Elf_Shdr *s = &f->shdr[i];

		if (s->sh_type != SHT_NOTE || s->sh_offset + s->sh_size > f->size)
			continue;
		n = find_build_id(f->data + s->sh_offset, s->sh_size, s->sh_addralign, id);
		if (n)
			return n;
	}
	return 0;
}

/* Does the file's .symtab have a function @name at @value? */
static int symtab_has(const struct elf_file *f, const char *name, Elf_Addr value)
{
	const Elf_Shdr *st = elf_section_type(f, SHT_SYMTAB);
	const Elf_Sym *sym;
	const char *str;
	size_t i;

	if (!st || st->sh_link >= f->ehdr->e_shnum)
		return 0;
	sym = (const Elf_Sym *)(f->data + st->sh_offset);
	str = (const char *)f->data + f->shdr[st->sh_link].sh_offset;
	for (i = 0; i < st->sh_size / sizeof(*sym); i++)
		if (sym[i].st_value == value && !strcmp(str + sym[i].st_name, name))
			return 1;
	return 0;
}

/*
 * Does the file's .text match the running image's? Bytes the kernel may
 * have rewritten (x86's alternatives) are left out.
 */
static int text_matches(const struct elf_file *f, const Elf_Shdr *text, uintptr_t bias)
{
	const unsigned char *run = (const unsigned char *)(bias + text->sh_addr);
	const unsigned char *file = f->data + text->sh_offset;
	unsigned char *skip = calloc(1, text->sh_size);
	size_t i;
	int same = 1;

	if (!skip)
		return 0;
#if defined(__x86_64__) || defined(__i386__)
	{
		/* struct alt_instr: s32 instr_offset, repl_offset; u32; u8 instrlen, replen */
		const Elf_Shdr *alt = elf_section(f, ".altinstructions");
		size_t n;

		for (n = 0; alt && n + 14 <= alt->sh_size; n += 14) {
			const unsigned char *e = f->data + alt->sh_offset + n;
			int32_t rel;
			Elf_Addr at;

			memcpy(&rel, e, 4);
			at = alt->sh_addr + n + rel;
			for (i = 0; i < e[12]; i++)
				if (at + i >= text->sh_addr &&
				    at + i < text->sh_addr + text->sh_size)
					skip[at + i - text->sh_addr] = 1;
		}
	}
#endif
	for (i = 0; i < text->sh_size; i++)
		if (!skip[i] && file[i] != run[i])
			same = 0;
	free(skip);
	return same;
}

int main(void)
{
	unsigned char id[BUILD_ID_MAX], fid[BUILD_ID_MAX];
	char dir[300], path[512], hex[2 * BUILD_ID_MAX + 1];
	int expect = test_flag("VDSO_TEST_EXPECT_INSTALLED", "vdso_test.expect_installed");
	const Elf_Shdr *text;
	struct vdso_image img;
	struct elf_file f;
	struct utsname u;
	size_t n, i, funcs = 0, named = 0;
	struct stat st;
	int ret;

	ksft_print_header();
	ksft_set_plan(5);
	if (vdso_open_auxv(&img))
		ksft_exit_fail_msg("no vDSO\n");
	n = running_build_id(&img, id);
	ksft_test_result(n >= 16, "the running [vdso] has a GNU build id (%zu bytes)\n", n);
	if (!n)
		ksft_exit_fail();
	for (i = 0; i < n; i++)
		sprintf(hex + 2 * i, "%02x", id[i]);
	uname(&u);
	snprintf(dir, sizeof(dir), "/lib/modules/%s/vdso", u.release);
	if (stat(dir, &st) && !expect) {
		ksft_print_msg("no %s: make vdso_install was not run here\n", dir);
		for (i = 0; i < 4; i++)
			ksft_test_result_skip("no installed debug images\n");
		ksft_finished();
	}
	snprintf(path, sizeof(path), "%s/.build-id/%.2s/%s.debug", dir, hex, hex + 2);
	ret = elf_read(&f, path);
	ksft_test_result(!ret, "%s is an ELF file (%s)\n", path, ret ? strerror(-ret) : "yes");
	if (ret)
		ksft_exit_fail();
	n = file_build_id(&f, fid) == n && !memcmp(fid, id, n);
	ksft_test_result(n && f.ehdr->e_ident[EI_CLASS] == img.ehdr->e_ident[EI_CLASS] &&
			 f.ehdr->e_machine == img.ehdr->e_machine,
			 "it is this ABI's (class %d, machine %d) with the same build id\n",
			 f.ehdr->e_ident[EI_CLASS], f.ehdr->e_machine);

	text = elf_section(&f, ".text");
	ksft_test_result(text && text->sh_offset + text->sh_size <= f.size &&
			 text_matches(&f, text, img.bias),
			 "its .text (%zu bytes) is the running image's\n",
			 text ? (size_t)text->sh_size : 0);

	for (i = 0; i < vdso_symbol_count(&img); i++) {
		struct vdso_symbol s;

		if (vdso_symbol_at(&img, i, &s) || s.type != STT_FUNC || !s.shndx)
			continue;
		funcs++;
		named += symtab_has(&f, s.name, (uintptr_t)s.addr - img.bias);
	}
	ksft_test_result(funcs && named == funcs,
			 "its symbol table names all %zu exported functions (%zu)\n", funcs, named);
	ksft_finished();
}
