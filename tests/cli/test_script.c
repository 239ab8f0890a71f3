/* tests/cli/test_script.c — `--script FILE` through rewind's own main
 * functions (cli/run.h): exit status 0 when every line runs and every
 * assertion holds, 5 for an assert or expect-output that fails, 6 for a
 * wrong line or an unreadable script, with FILE:LINE, the position and the
 * values seen on stderr; commands' output on stdout; send in a recording
 * (and refused in a replay), the recording sealed whatever the script's
 * outcome. Record, then replay to the same state hash:
 * tests/cli/run-script.sh. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cli/log.h"
#include "cli/run.h"
#include "tests/replay/testdir.h"

static char *dir, *rec, *out_file;
static unsigned long victim;

static char *guest(const char *name)
{
    const char *d = g_getenv("REWIND_GUEST_DIR");
    return g_strdup_printf("%s/%s.elf", d ? d : "build/guest", name);
}

/* A recording of the planted-bug guest, its output in rec.out. */
static void setup(void)
{
    dir = testdir_new("rewind-script-XXXXXX");
    rec = g_build_filename(dir, "rec", NULL);
    out_file = g_build_filename(dir, "rec.out", NULL);
    g_autofree char *serial = g_strdup_printf("file:%s", out_file);
    g_autofree char *elf = guest("planted-O2-uart");
    const char *argv[] = { "record", "-o", rec, "-serial", serial, elf };
    cr_assert_eq(cli_record_main(6, (char **)argv), 0);
    g_autofree char *text = NULL;
    cr_assert(g_file_get_contents(out_file, &text, NULL, NULL));
    const char *at = strstr(text, "victim at 0x");
    cr_assert(at && sscanf(at, "victim at 0x%lx", &victim) == 1, "%s", text);
    cr_redirect_stdout();
    cr_redirect_stderr();
}

static void teardown(void)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(dir);
    g_free(rec);
    g_free(out_file);
}

TestSuite(cli_script, .init = setup, .fini = teardown, .timeout = 60);

/* The script's text in a file; its path (g_free). */
static char *script(const char *text)
{
    char *path = g_build_filename(dir, "test.rws", NULL);
    cr_assert(g_file_set_contents(path, text, -1, NULL));
    return path;
}

/* rewind replay -serial none --script PATH rec */
static int replay(const char *path)
{
    const char *argv[] = { "replay", "-serial", "none", "--script", path, rec };
    return cli_replay_main(6, (char **)argv);
}

static char *slurp(FILE *f)
{
    GString *s = g_string_new(NULL);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        g_string_append_len(s, buf, (gssize)n);
    return g_string_free(s, false);
}

static char *out(void)
{
    fflush(stdout);
    return slurp(cr_get_redirected_stdout());
}

static char *err(void)
{
    fflush(stderr);
    return slurp(cr_get_redirected_stderr());
}

Test(cli_script, every_assertion_holds_exit_0)
{
    g_autofree char *text = g_strdup_printf(
        "# the planted bug: victim is fine at first, 0xdeadbeef at the end\n"
        "\n"
        "echo checking   # a comment after a blank\n"
        "expect-output \"victim at \"\n"
        "assert icount > 0 && *(u32*)0x%1$lx != 0xdeadbeef\n"
        "expect-output -re \"calls [0-9]+\\n\"\n"
        "assert *(u32*)0x%1$lx == 0xdeadbeef\n"
        "echo \"#\" is kept in quotes\n"
        "info replay\n", victim);
    g_autofree char *path = script(text);
    cr_assert_eq(replay(path), 0);
    g_autofree char *o = out(), *e = err();
    cr_assert(g_str_has_prefix(o, "checking\n\"#\" is kept in quotes\nreplaying, icount "), "%s",
              o);
    cr_assert_str_eq(e, "");
}

Test(cli_script, a_false_assertion_exits_5_with_the_line_the_position_and_the_values)
{
    g_autofree char *path = script("stepi 3\nassert x0 == 0x2a\necho not reached\n");
    cr_assert_eq(replay(path), 5);
    g_autofree char *o = out(), *e = err();
    cr_assert(strstr(o, "icount 3, pc 0x"), "stepi's output: %s", o);
    cr_assert_null(strstr(o, "not reached"));
    g_autofree char *head = g_strdup_printf("%s:2: assert x0 == 0x2a: false at icount 3, pc 0x",
                                            path);
    cr_assert(g_str_has_prefix(e, head), "%s", e);
    cr_assert(strstr(e, ": x0 = 0x") && g_str_has_suffix(e, ", expected == 0x2a\n"), "%s", e);
    cr_assert_eq(strchr(e, '\n'), e + strlen(e) - 1, "one line: %s", e);
}

Test(cli_script, an_unreadable_address_fails_the_assertion)
{
    g_autofree char *path = script("assert *(u32*)0x10 == 1\n");
    cr_assert_eq(replay(path), 5);
    g_autofree char *e = err();
    g_autofree char *want = g_strdup_printf("%s:1: assert *(u32*)0x10 == 1: at icount 0, pc 0x",
                                            path);
    cr_assert(g_str_has_prefix(e, want), "%s", e);
    cr_assert(g_str_has_suffix(e, ": cannot read 4 bytes at 0x10 (*(u32*)0x10)\n"), "%s", e);
}

Test(cli_script, a_wrong_line_exits_6_with_the_line)
{
    g_autofree char *path = script("info replay\nfrobnicate now\ninfo replay\n");
    cr_assert_eq(replay(path), 6);
    g_autofree char *o = out(), *e = err();
    cr_assert(g_str_has_prefix(o, "replaying, icount 0 of "), "%s", o);
    cr_assert_null(strstr(o + 1, "replaying"), "stops at the wrong line: %s", o);
    g_autofree char *want = g_strdup_printf(
        "%s:2: error: unknown command \"frobnicate\" (help lists them)\n", path);
    cr_assert_str_eq(e, want);
}

Test(cli_script, a_syntax_error_in_an_assertion_exits_6)
{
    g_autofree char *path = script("assert x0 ==\n");
    cr_assert_eq(replay(path), 6);
    g_autofree char *e = err();
    g_autofree char *want = g_strdup_printf(
        "%s:1: error: assert: an operand is missing at column 6\n", path);
    cr_assert_str_eq(e, want);
}

Test(cli_script, send_is_refused_in_a_replay)
{
    g_autofree char *path = script("\n\nsend \"hello\\n\"\n");
    cr_assert_eq(replay(path), 6);
    g_autofree char *e = err();
    g_autofree char *want = g_strdup_printf(
        "%s:3: error: send: this is a replay: the guest's input is the recording's (send is for "
        "rewind record and run)\n", path);
    cr_assert_str_eq(e, want);
}

Test(cli_script, expect_output_not_seen_exits_5_with_the_output)
{
    g_autofree char *path = script("expect-output \"victim at\"\nexpect-output \"no such text\"\n");
    cr_assert_eq(replay(path), 5);
    g_autofree char *e = err();
    g_autofree char *head = g_strdup_printf(
        "%s:2: expect-output \"no such text\": the recording ended first, at icount ", path);
    cr_assert(g_str_has_prefix(e, head), "%s", e);
    cr_assert(strstr(e, "; the output since icount "), "%s", e);
    cr_assert(g_str_has_suffix(e, "calls 18000\\nplanted: ok\\n\"\n"), "%s", e);
}

Test(cli_script, an_unreadable_script_exits_6)
{
    cr_assert_eq(replay("/nonexistent/script.rws"), 6);
    g_autofree char *e = err();
    cr_assert(g_str_has_prefix(e, "rewind: --script /nonexistent/script.rws: "), "%s", e);
}

Test(cli_script, quit_ends_the_script)
{
    g_autofree char *path = script("echo one\nquit\necho two\n");
    cr_assert_eq(replay(path), 0);
    g_autofree char *o = out();
    cr_assert_str_eq(o, "one\n");
}

/* Recording: the echo guest answers what send gives it; a failing
 * assertion still leaves a sealed recording. */
Test(cli_script, record_with_send_and_a_failing_assertion)
{
    g_autofree char *path = script(
        "expect-output \"echo: ready\\n\" timeout 1000000\n"
        "send \"ping\\n\"\n"
        "expect-output \"[GNIP] len 4\" timeout 10000000\n"
        "assert icount == 1\n");
    g_autofree char *elf = guest("echo-O2-uart");
    g_autofree char *rec2 = g_build_filename(dir, "rec2", NULL);
    g_autofree char *serial = g_strdup_printf("file:%s/rec2.out", dir);
    const char *argv[] = { "record", "-o", rec2, "-serial", serial, "--script", path, elf };
    cr_assert_eq(cli_record_main(8, (char **)argv), 5);
    g_autofree char *e = err();
    cr_assert(strstr(e, ":4: assert icount == 1: false at icount "), "%s", e);
    cr_assert(strstr(e, "rewind record: "), "the recording is sealed: %s", e);
    g_autofree char *text = NULL;
    g_autofree char *outpath = g_strdup_printf("%s/rec2.out", dir);
    cr_assert(g_file_get_contents(outpath, &text, NULL, NULL));
    cr_assert(g_str_has_prefix(text, "echo: ready\n  1 [GNIP] len 4"), "%s", text);
    const char *check[] = { "log", "check", rec2 };
    cr_assert_eq(cli_log_main(3, (char **)check), 0);
}

Test(cli_script, run_with_a_script_can_go_back)
{
    g_autofree char *path = script("stepi 1000\nrsi 10\nassert icount == 990\n");
    g_autofree char *elf = guest("planted-O2-uart");
    const char *argv[] = { "run", "-serial", "none", "--script", path, elf };
    cr_assert_eq(cli_run_main(6, (char **)argv), 0);
    g_autofree char *o = out();
    cr_assert(strstr(o, "icount 990, pc 0x"), "%s", o);
}
