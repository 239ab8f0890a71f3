/* cli/symbols.c — see symbols.h. */
#include "cli/symbols.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <string.h>
#include <unistd.h>

typedef struct Sym {
    uint64_t addr, size;
    uint64_t end;                /* one past the last address it covers (> addr) */
    const char *name;            /* in `strings` */
    int rank;                    /* lower wins where several cover an address */
} Sym;

struct CliSymbols {
    GStringChunk *strings;
    GArray *syms;                /* Sym, by increasing addr */
    uint64_t widest;             /* the largest end - addr */
    GHashTable *by_name;         /* name -> index + 1 in syms */
    const char **names;          /* sorted, NULL-terminated */
};

typedef struct Section {
    uint64_t addr, size;
} Section;

static int binding_rank(int bind)
{
    return bind == STB_GLOBAL ? 0 : bind == STB_WEAK ? 1 : 2;
}

/* Sized symbols first, then by binding, then fewer leading underscores;
 * the name settles ties so that the choice never depends on table order. */
static int compare_preference(const Sym *a, const Sym *b)
{
    if ((a->size != 0) != (b->size != 0))
        return a->size ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank - b->rank;
    size_t ua = strspn(a->name, "_"), ub = strspn(b->name, "_");
    if (ua != ub)
        return ua < ub ? -1 : 1;
    return strcmp(a->name, b->name);
}

static gint compare_addr(gconstpointer pa, gconstpointer pb)
{
    const Sym *a = pa, *b = pb;
    if (a->addr != b->addr)
        return a->addr < b->addr ? -1 : 1;
    return compare_preference(a, b);
}

static gint compare_name(gconstpointer pa, gconstpointer pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static bool wanted(const GElf_Sym *sym, const char *name)
{
    int type = GELF_ST_TYPE(sym->st_info);
    if (type != STT_FUNC && type != STT_OBJECT && type != STT_NOTYPE && type != STT_GNU_IFUNC)
        return false;
    if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= SHN_LORESERVE)
        return false;
    return name && *name && name[0] != '$' && !g_str_has_prefix(name, ".L");
}

/* Read the symbols of the table `scn` (its names in section sh->sh_link). */
static void read_table(CliSymbols *s, Elf *elf, Elf_Scn *scn, const GElf_Shdr *sh,
                       const GArray *sections)
{
    Elf_Data *data = elf_getdata(scn, NULL);
    size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
    for (size_t i = 1; data && i < n; i++) {
        GElf_Sym sym;
        if (!gelf_getsym(data, (int)i, &sym))
            break;
        const char *name = elf_strptr(elf, sh->sh_link, sym.st_name);
        if (!wanted(&sym, name))
            continue;
        Sym k = { .addr = sym.st_value, .size = sym.st_size,
                  .name = g_string_chunk_insert_const(s->strings, name),
                  .rank = binding_rank(GELF_ST_BIND(sym.st_info)) };
        /* Without a size, as far as its section goes (the next symbol
         * may end it sooner: below). */
        k.end = k.addr + k.size;
        if (!k.size && sym.st_shndx < sections->len) {
            const Section *sec = &g_array_index(sections, Section, sym.st_shndx);
            if (k.addr >= sec->addr && k.addr < sec->addr + sec->size)
                k.end = sec->addr + sec->size;
        }
        if (k.end <= k.addr)
            k.end = k.addr + 1;
        g_array_append_val(s->syms, k);
    }
}

static void index_symbols(CliSymbols *s)
{
    g_array_sort(s->syms, compare_addr);
    guint n = s->syms->len;
    for (guint i = 0; i < n; i++) {
        Sym *k = &g_array_index(s->syms, Sym, i);
        if (!k->size) {
            /* Up to the next symbol at a higher address. */
            for (guint j = i + 1; j < n; j++) {
                const Sym *next = &g_array_index(s->syms, Sym, j);
                if (next->addr > k->addr) {
                    k->end = MIN(k->end, next->addr);
                    break;
                }
            }
        }
        s->widest = MAX(s->widest, k->end - k->addr);
        gpointer old = g_hash_table_lookup(s->by_name, k->name);
        if (!old || compare_preference(k, &g_array_index(s->syms, Sym,
                                                         GPOINTER_TO_UINT(old) - 1)) < 0)
            g_hash_table_insert(s->by_name, (gpointer)k->name, GUINT_TO_POINTER(i + 1));
    }
    GPtrArray *names = g_ptr_array_new();
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, s->by_name);
    while (g_hash_table_iter_next(&it, &key, NULL))
        g_ptr_array_add(names, key);
    g_ptr_array_sort(names, compare_name);
    g_ptr_array_add(names, NULL);
    s->names = (const char **)g_ptr_array_free(names, false);
}

CliSymbols *cli_symbols_load(const char *path, GError **err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "%s: %s", path, g_strerror(e));
        return NULL;
    }
    elf_version(EV_CURRENT);
    Elf *elf = elf_begin(fd, ELF_C_READ, NULL);
    CliSymbols *s = NULL;
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not an ELF file", path);
        goto out;
    }
    /* Every section's range, and the symbol table to read. */
    GArray *sections = g_array_new(false, true, sizeof(Section));
    Elf_Scn *symtab = NULL, *dynsym = NULL;
    GElf_Shdr symtab_sh, dynsym_sh;
    for (Elf_Scn *scn = NULL; (scn = elf_nextscn(elf, scn));) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            continue;
        size_t idx = elf_ndxscn(scn);
        if (sections->len <= idx)
            g_array_set_size(sections, (guint)idx + 1);
        if (sh.sh_flags & SHF_ALLOC)
            g_array_index(sections, Section, idx) = (Section){ sh.sh_addr, sh.sh_size };
        if (sh.sh_type == SHT_SYMTAB && !symtab)
            symtab = scn, symtab_sh = sh;
        else if (sh.sh_type == SHT_DYNSYM && !dynsym)
            dynsym = scn, dynsym_sh = sh;
    }
    if (!symtab && !dynsym) {
        g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: no symbol table (stripped?)",
                    path);
        g_array_unref(sections);
        goto out;
    }
    s = g_new0(CliSymbols, 1);
    s->strings = g_string_chunk_new(4096);
    s->syms = g_array_new(false, false, sizeof(Sym));
    s->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    if (symtab)
        read_table(s, elf, symtab, &symtab_sh, sections);
    else
        read_table(s, elf, dynsym, &dynsym_sh, sections);
    g_array_unref(sections);
    index_symbols(s);
out:
    if (elf)
        elf_end(elf);
    close(fd);
    return s;
}

void cli_symbols_free(CliSymbols *s)
{
    if (!s)
        return;
    g_free(s->names);
    g_hash_table_unref(s->by_name);
    g_array_unref(s->syms);
    g_string_chunk_free(s->strings);
    g_free(s);
}

bool cli_symbols_find(const CliSymbols *s, uint64_t addr, const char **name, uint64_t *offset)
{
    if (!s || !s->syms->len)
        return false;
    /* The last symbol at or below addr; those that cover addr are at most
     * `widest` below it. */
    guint lo = 0, hi = s->syms->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(s->syms, Sym, mid).addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    const Sym *best = NULL;
    for (guint i = lo; i-- > 0;) {
        const Sym *k = &g_array_index(s->syms, Sym, i);
        if (addr - k->addr >= s->widest)
            break;
        if (addr < k->end && (!best || compare_preference(k, best) < 0))
            best = k;
    }
    if (!best)
        return false;
    *name = best->name;
    *offset = addr - best->addr;
    return true;
}

char *cli_symbols_format(const CliSymbols *s, uint64_t addr)
{
    const char *name;
    uint64_t off;
    if (!cli_symbols_find(s, addr, &name, &off))
        return NULL;
    return off ? g_strdup_printf("%s+%" G_GUINT64_FORMAT, name, off) : g_strdup(name);
}

bool cli_symbols_lookup(const CliSymbols *s, const char *name, uint64_t *addr, uint64_t *size)
{
    gpointer v = s ? g_hash_table_lookup(s->by_name, name) : NULL;
    if (!v)
        return false;
    const Sym *k = &g_array_index(s->syms, Sym, GPOINTER_TO_UINT(v) - 1);
    *addr = k->addr;
    *size = k->size;
    return true;
}

const char *const *cli_symbols_names(const CliSymbols *s)
{
    return s->names;
}
