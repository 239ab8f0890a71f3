/* tests/cli/test_disas.c — disassembly for people (cli/disas.c): raw A64
 * words to capstone's text, branch targets and listing lines labelled with
 * the planted-bug guest's symbols (tests/guest/planted.c), the current
 * instruction marked, and words that are not instructions. */
#include <criterion/criterion.h>
#include <glib.h>
#include <string.h>

#include "cli/disas.h"

static CliSymbols *syms;
static CliDisas *plain, *labelled;

static void setup(void)
{
    const char *d = g_getenv("REWIND_GUEST_DIR");
    g_autofree char *path = g_strdup_printf("%s/planted-O2-uart.elf", d ? d : "build/guest");
    GError *err = NULL;
    syms = cli_symbols_load(path, &err);
    cr_assert(syms, "%s", err ? err->message : "");
    plain = cli_disas_new(NULL, &err);
    labelled = cli_disas_new(syms, &err);
    cr_assert(plain && labelled, "%s", err ? err->message : "");
}

static void teardown(void)
{
    cli_disas_free(plain);
    cli_disas_free(labelled);
    cli_symbols_free(syms);
}

TestSuite(cli_disas, .init = setup, .fini = teardown);

static uint64_t sym(const char *name)
{
    uint64_t a, s;
    cr_assert(cli_symbols_lookup(syms, name, &a, &s), "%s", name);
    return a;
}

/* The text of one word at addr. */
static void assert_insn(CliDisas *d, uint64_t addr, uint32_t insn, bool valid, const char *want)
{
    GString *out = g_string_new(NULL);
    cr_assert_eq(cli_disas_insn(d, addr, insn, out), valid, "0x%08x: %s", insn, out->str);
    cr_assert_str_eq(out->str, want, "0x%08x", insn);
    g_string_free(out, true);
}

static const struct {
    uint32_t insn;
    const char *text;
} words[] = {
    { 0xd65f03c0, "ret" },                              /* ret */
    { 0xd503201f, "nop" },                              /* nop */
    { 0x910003fd, "mov     x29, sp" },                  /* mov x29, sp */
    { 0xa9bb7bfd, "stp     x29, x30, [sp, #-0x50]!" },  /* stp x29, x30, [sp, #-80]! */
    { 0xb9000453, "str     w19, [x2, #4]" },            /* str w19, [x2, #4] */
    { 0x1b18cc00, "msub    w0, w0, w24, w19" },         /* msub w0, w0, w24, w19 */
};

Test(cli_disas, words_read_as_capstone_writes_them)
{
    for (size_t i = 0; i < G_N_ELEMENTS(words); i++)
        assert_insn(plain, 0x40000000, words[i].insn, true, words[i].text);
}

Test(cli_disas, a_word_that_is_no_instruction_says_so)
{
    assert_insn(plain, 0x40000000, 0x00000000, false, ".inst 0x00000000 (undefined)");
    assert_insn(labelled, 0x40000000, 0xffffffff, false, ".inst 0xffffffff (undefined)");
}

Test(cli_disas, branch_targets_get_their_symbol)
{
    uint64_t main_addr = sym("main"), tick = sym("tick");
    /* bl tick, placed at main */
    uint32_t bl = 0x94000000 | (uint32_t)(((tick - main_addr) / 4) & 0x3ffffff);
    g_autofree char *want = g_strdup_printf("bl      #0x%lx <tick>", (unsigned long)tick);
    assert_insn(labelled, main_addr, bl, true, want);
    g_autofree char *bare = g_strdup_printf("bl      #0x%lx", (unsigned long)tick);
    assert_insn(plain, main_addr, bl, true, bare);
    /* b.eq main+16, from main+8: an offset into a function */
    uint32_t beq = 0x54000000 | (2u << 5);
    g_autofree char *want_b = g_strdup_printf("b.eq    #0x%lx <main+16>",
                                              (unsigned long)main_addr + 16);
    assert_insn(labelled, main_addr + 8, beq, true, want_b);
    /* An immediate that is no address is left alone. */
    assert_insn(labelled, main_addr, 0x52800000 | (0x10u << 5), true, "movz    w0, #0x10");
}

Test(cli_disas, listing_lines_mark_the_current_instruction)
{
    uint64_t tick = sym("tick");
    GString *out = g_string_new(NULL);
    cli_disas_line(labelled, tick, 0xd65f03c0, true, out);
    cli_disas_line(labelled, tick + 4, 0xd503201f, false, out);
    g_autofree char *want = g_strdup_printf("=> 0x%lx <tick>:\tret\n"
                                            "   0x%lx <tick+4>:\tnop\n",
                                            (unsigned long)tick, (unsigned long)tick + 4);
    cr_assert_str_eq(out->str, want);
    g_string_truncate(out, 0);
    cli_disas_line(plain, 0x1000, 0xd65f03c0, false, out);
    cr_assert_str_eq(out->str, "   0x1000:\tret\n");
    g_string_free(out, true);
}
