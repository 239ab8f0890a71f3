/* tests/cli/test_expr.c — assert's expressions (cli/expr.h) on a made-up
 * machine: every operator with C's precedence, registers and their aliases,
 * loads of each size, errors naming the column or the register, and the
 * explanation of a false assertion. */
#include <criterion/criterion.h>
#include <string.h>

#include "cli/expr.h"

/* x_n = 0x100 + n, sp 0x4000fff0, pc 0x40000080, icount 1234, cpsr
 * 0x600003c5; memory: 64 bytes at 0x1000 holding 0x00, 0x01, ... (byte i
 * = i), anything else unreadable. */
static uint64_t fake_reg(void *opaque, const char *name)
{
    if (name[0] == 'x')
        return 0x100 + (uint64_t)atoi(name + 1);
    if (!strcmp(name, "sp"))
        return 0x4000fff0;
    if (!strcmp(name, "pc"))
        return 0x40000080;
    if (!strcmp(name, "icount"))
        return 1234;
    if (!strcmp(name, "cpsr"))
        return 0x600003c5;
    return 0;
}

static bool fake_mem(void *opaque, uint64_t addr, unsigned size, uint64_t *value)
{
    if (addr < 0x1000 || addr + size > 0x1040)
        return false;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++)
        v |= (uint64_t)(addr - 0x1000 + i) << (8 * i);
    *value = v;
    return true;
}

static const CliExprEnv env = { .reg = fake_reg, .mem = fake_mem };

static uint64_t value_of(const char *text)
{
    GError *err = NULL;
    g_autoptr(CliExpr) e = cli_expr_parse(text, &err);
    cr_assert(e, "%s: %s", text, err ? err->message : "");
    uint64_t v;
    cr_assert(cli_expr_eval(e, &env, &v, &err), "%s: %s", text, err ? err->message : "");
    return v;
}

typedef struct Case {
    const char *text;
    uint64_t want;
} Case;

static const Case values[] = {
        { "42", 42 }, { "0x2a", 42 }, { "0b101010", 42 }, { "  7  ", 7 },
        { "x0", 0x100 }, { "x30", 0x11e }, { "lr", 0x11e }, { "fp", 0x11d },
        { "w5", 0x105 }, { "xzr", 0 }, { "wzr + 1", 1 }, { "sp", 0x4000fff0 },
        { "pc", 0x40000080 }, { "icount", 1234 }, { "pstate", 0x600003c5 },
        { "1 + 2 * 3", 7 }, { "(1 + 2) * 3", 9 }, { "10 - 2 - 3", 5 }, { "17 / 5", 3 },
        { "17 % 5", 2 }, { "1 << 4 + 1", 32 }, { "256 >> 4", 16 }, { "1 << 64", 0 },
        { "0xf0 | 0x0f", 0xff }, { "0xff ^ 0x0f", 0xf0 }, { "0xff & 0x0f", 0x0f },
        { "1 | 2 ^ 3 & 1", 1 | (2 ^ (3 & 1)) }, { "2 < 3", 1 }, { "3 <= 3", 1 },
        { "3 > 3", 0 }, { "3 >= 4", 0 }, { "1 == 1 && 2 != 2", 0 },
        { "0 || 5", 1 }, { "0 && x0 / 0", 0 }, { "1 || x0 / 0", 1 },
        { "!0", 1 }, { "!7", 0 }, { "~0", UINT64_MAX }, { "-1", UINT64_MAX },
        { "0 - 1 > 0", 1 }, { "3 == 3 == 1", 1 },
        { "*(u8*)0x1003", 3 }, { "*(u16 *)0x1002", 0x0302 }, { "*( u32 * ) 0x1004", 0x07060504 },
        { "*(u64*)0x1008", 0x0f0e0d0c0b0a0908ull }, { "*0x1000", 0x0706050403020100ull },
        { "*(u32*)(0x1000 + 4) + 1", 0x07060505 }, { "*(u8*)0x1001 * 2", 2 },
        { "(u8)0x1234", 0x34 }, { "(u16)-1", 0xffff }, { "(u32)x0 == x0", 1 },
        { "w0 == (u32)x0", 1 }, { "icount > 1000 && x0 == 0x100", 1 },
        { "0xffffffffffffffff", UINT64_MAX },
};

Test(cli_expr, values_follow_c)
{
    for (size_t i = 0; i < G_N_ELEMENTS(values); i++) {
        uint64_t got = value_of(values[i].text);
        cr_expect_eq(got, values[i].want, "%s = 0x%lx, want 0x%lx", values[i].text,
                     (unsigned long)got, (unsigned long)values[i].want);
    }
}

typedef struct Bad {
    const char *text;
    const char *message;
} Bad;

static const Bad bad[] = {
        { "", "an operand is missing at column 1" },
        { "x0 ==", "an operand is missing at column 6" },
        { "(x0 == 1", "missing ')' at column 9" },
        { "x0 == 1)", "unexpected \")\" at column 8" },
        { "x31 == 0", "no register \"x31\"" },
        { "foo", "no register \"foo\"" },
        { "x01", "no register \"x01\"" },
        { "12ab", "\"12a\" is not a number at column 1" },
        { "0x", "\"0x\" is not a number" },
        { "99999999999999999999", "does not fit in 64 bits" },
        { "*(u32)0x1000", "a load is written *(u8*)" },
        { "(u32 x0", "missing ')' after the type" },
        { "x0 = 1", "unexpected \"= 1\" at column 4" },
        { "x0 @ 1", "unexpected \"@ 1\" at column 4" },
};

Test(cli_expr, errors_name_the_column_or_the_register)
{
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        GError *err = NULL;
        CliExpr *e = cli_expr_parse(bad[i].text, &err);
        cr_assert_null(e, "%s parsed", bad[i].text);
        cr_expect(err && strstr(err->message, bad[i].message), "%s: \"%s\", want \"%s\"",
                  bad[i].text, err ? err->message : "", bad[i].message);
        g_clear_error(&err);
    }
}

Test(cli_expr, evaluation_errors_name_the_operand)
{
    GError *err = NULL;
    uint64_t v;
    g_autoptr(CliExpr) load = cli_expr_parse("*(u32*)0x2000 == 1", &err);
    cr_assert(load);
    cr_assert_not(cli_expr_eval(load, &env, &v, &err));
    cr_assert_str_eq(err->message, "cannot read 4 bytes at 0x2000 (*(u32*)0x2000)");
    g_clear_error(&err);
    g_autoptr(CliExpr) div = cli_expr_parse("x0 % (x1 - x1)", &err);
    cr_assert_not(cli_expr_eval(div, &env, &v, &err));
    cr_assert_str_eq(err->message, "division by zero in x0 % (x1 - x1)");
    g_clear_error(&err);
}

static char *why(const char *text)
{
    GError *err = NULL;
    g_autoptr(CliExpr) e = cli_expr_parse(text, &err);
    cr_assert(e, "%s: %s", text, err ? err->message : "");
    cr_assert_str_eq(cli_expr_text(e), text);
    uint64_t v;
    cr_assert(cli_expr_eval(e, &env, &v, &err) && v == 0, "%s is not false", text);
    return cli_expr_explain(e, &env);
}

static void assert_why(const char *text, const char *want)
{
    g_autofree char *got = why(text);
    cr_assert_str_eq(got, want, "%s", text);
}

Test(cli_expr, a_false_assertion_says_what_it_saw)
{
    assert_why("x0 == 0x2a", "x0 = 0x100, expected == 0x2a");
    assert_why("w7 != 0x107", "w7 = 0x107, expected != 0x107");
    assert_why("icount > 2000", "icount = 1234, expected > 2000");
    assert_why("*(u32*)0x1004 == 0xdeadbeef",
               "*(u32*)0x1004 = 0x7060504, expected == 0xdeadbeef");
    assert_why("x0 == x1", "x0 = 0x100, expected == 0x101 (x1)");
    assert_why("(x3 & 0xf) == 2", "(x3 & 0xf) = 0x3 (x3 = 0x103), expected == 0x2");
    assert_why("*(u8*)(x0 + 0xf00) == 9",
               "*(u8*)(x0 + 0xf00) = 0x0 (x0 = 0x100), expected == 0x9");
    assert_why("x0 == 0x100 && icount < 5", "icount = 1234, expected < 5");
    assert_why("x0 == 1 || x1 == 2", "x0 = 0x100, expected == 0x1; x1 = 0x101, expected == 0x2");
    assert_why("!(x2)", "(x2) = 0x102, expected 0");
    assert_why("x0 - 0x100", "x0 - 0x100 = 0x0 (x0 = 0x100), expected non-zero");
    assert_why("xzr", "xzr = 0x0, expected non-zero");
}
