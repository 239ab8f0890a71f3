/* tests/cli/test_symbols.c — the guest program's symbols (cli/symbols.c)
 * read from the planted-bug guest (tests/guest/planted.c, in
 * REWIND_GUEST_DIR or build/guest): names to addresses and sizes, addresses
 * to "name+offset", which symbol wins where several cover an address, what
 * is left out, and the errors for a missing file, a file that is not ELF
 * and an ELF file without a symbol table. */
#include <criterion/criterion.h>
#include <elf.h>
#include <glib.h>
#include <string.h>

#include "cli/symbols.h"
#include "tests/replay/testdir.h"

static CliSymbols *syms;

static char *planted_elf(void)
{
    const char *d = g_getenv("REWIND_GUEST_DIR");
    return g_strdup_printf("%s/planted-O2-uart.elf", d ? d : "build/guest");
}

static void setup(void)
{
    g_autofree char *path = planted_elf();
    GError *err = NULL;
    syms = cli_symbols_load(path, &err);
    cr_assert(syms, "%s", err ? err->message : "");
}

static void teardown(void) { cli_symbols_free(syms); }

TestSuite(cli_symbols, .init = setup, .fini = teardown);

static uint64_t addr_of(const char *name, uint64_t *size)
{
    uint64_t a, s;
    cr_assert(cli_symbols_lookup(syms, name, &a, &s), "no symbol %s", name);
    if (size)
        *size = s;
    return a;
}

static void assert_format(uint64_t addr, const char *want)
{
    g_autofree char *got = cli_symbols_format(syms, addr);
    cr_assert_str_eq(got ? got : "(null)", want, "0x%lx", (unsigned long)addr);
}

Test(cli_symbols, names_give_addresses_and_sizes)
{
    uint64_t size;
    uint64_t victim = addr_of("victim", &size);
    cr_assert_eq(size, 4, "a uint32_t");
    uint64_t main_addr = addr_of("main", &size);
    cr_assert_gt(size, 16);
    cr_assert_eq(addr_of("_start", NULL), 0x40000000, "the ELF entry (guest.ld)");
    cr_assert_gt(victim, main_addr);
    uint64_t a, s;
    cr_assert_not(cli_symbols_lookup(syms, "no_such_symbol", &a, &s));
}

Test(cli_symbols, addresses_read_as_name_plus_offset)
{
    uint64_t size, main_addr = addr_of("main", &size), tick = addr_of("tick", NULL);
    assert_format(main_addr, "main");
    assert_format(main_addr + 16, "main+16");
    g_autofree char *last = g_strdup_printf("main+%lu", (unsigned long)size - 4);
    assert_format(main_addr + size - 4, last);
    assert_format(tick + 4, "tick+4");
    assert_format(addr_of("victim", NULL) + 2, "victim+2");
    const char *name;
    uint64_t off;
    cr_assert(cli_symbols_find(syms, main_addr + 8, &name, &off));
    cr_assert_str_eq(name, "main");
    cr_assert_eq(off, 8);
    /* Nothing covers the start of memory, or anything without a symbol. */
    cr_assert_null(cli_symbols_format(syms, 0x10));
    cr_assert_null(cli_symbols_format(NULL, main_addr), "no symbols: no names");
}

Test(cli_symbols, a_label_without_size_covers_up_to_the_next_symbol)
{
    /* vectors (start.S) is a plain label: the table's entries are in it. */
    uint64_t vectors = addr_of("vectors", NULL), exc = addr_of("exc_common", NULL);
    cr_assert_gt(exc, vectors + 0x200);
    assert_format(vectors + 0x200, "vectors+512");
    assert_format(exc, "exc_common");
}

Test(cli_symbols, preferred_names_where_several_cover_an_address)
{
    /* picolibc: vfprintf and __d_vfprintf are one function; getauxval and
     * the weak __getauxval too. */
    uint64_t a = addr_of("vfprintf", NULL);
    cr_assert_eq(addr_of("__d_vfprintf", NULL), a);
    assert_format(a + 4, "vfprintf+4");
    assert_format(addr_of("__getauxval", NULL), "getauxval");
}

Test(cli_symbols, names_sorted_once_without_mapping_symbols)
{
    const char *const *n = cli_symbols_names(syms);
    size_t count = 0;
    bool main_seen = false;
    for (; n[count]; count++) {
        if (count)
            cr_assert_lt(strcmp(n[count - 1], n[count]), 0, "%s, %s", n[count - 1], n[count]);
        cr_assert_neq(n[count][0], '$', "a mapping symbol: %s", n[count]);
        cr_assert_not(g_str_has_prefix(n[count], ".L"), "%s", n[count]);
        main_seen |= !strcmp(n[count], "main");
    }
    cr_assert(main_seen);
    cr_assert_gt(count, 20);
    uint64_t a, s;
    cr_assert_not(cli_symbols_lookup(syms, "$x", &a, &s));
}

Test(cli_symbols, errors_name_the_file)
{
    GError *err = NULL;
    cr_assert_null(cli_symbols_load("/nonexistent/prog.elf", &err));
    cr_assert(g_error_matches(err, G_FILE_ERROR, G_FILE_ERROR_NOENT), "%s", err->message);
    cr_assert(strstr(err->message, "/nonexistent/prog.elf"), "%s", err->message);
    g_clear_error(&err);

    char *dir = testdir_new("rewind-syms-XXXXXX");
    g_autofree char *text = g_build_filename(dir, "notes.txt", NULL);
    cr_assert(g_file_set_contents(text, "not a program\n", -1, NULL));
    cr_assert_null(cli_symbols_load(text, &err));
    cr_assert(strstr(err->message, "notes.txt: not an ELF file"), "%s", err->message);
    g_clear_error(&err);

    /* An ELF header and nothing else: no sections, so no symbol table. */
    Elf64_Ehdr eh = { .e_ident = { ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB,
                                   EV_CURRENT },
                      .e_type = ET_EXEC, .e_machine = EM_AARCH64, .e_version = EV_CURRENT,
                      .e_ehsize = sizeof eh };
    g_autofree char *bare = g_build_filename(dir, "stripped.elf", NULL);
    cr_assert(g_file_set_contents(bare, (const char *)&eh, sizeof eh, NULL));
    cr_assert_null(cli_symbols_load(bare, &err));
    cr_assert(strstr(err->message, "stripped.elf: no symbol table"), "%s", err->message);
    g_clear_error(&err);
    testdir_remove(dir);
}
