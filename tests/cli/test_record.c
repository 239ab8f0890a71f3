/* tests/cli/test_record.c — `rewind record` and `rewind replay` usage
 * errors: one clear line on stderr and a non-zero exit status. (Recording
 * and replaying real guests: tests/replay/run-rr.sh.) */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <glib.h>

#include "cli/run.h"

static char *dir;

static void setup(void)
{
    dir = g_dir_make_tmp("rewind-record-XXXXXX", NULL);
    cr_redirect_stderr();
}

static void teardown(void)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(dir);
}

TestSuite(cli_record, .init = setup, .fini = teardown, .timeout = 20);

static int record(int argc, const char **argv) { return cli_record_main(argc, (char **)argv); }
static int replay(int argc, const char **argv) { return cli_replay_main(argc, (char **)argv); }

Test(cli_record, record_needs_a_directory)
{
    const char *argv[] = { "record", "prog.elf" };
    cr_assert_eq(record(2, argv), 1);
    fflush(stderr);
    cr_assert_stderr_eq_str("rewind record: no recording directory given (-o DIR)\n");
}

Test(cli_record, record_refuses_to_overwrite_a_recording)
{
    g_autofree char *man = g_build_filename(dir, "manifest", NULL);
    cr_assert(g_file_set_contents(man, "", 0, NULL));
    g_autofree char *prog = g_build_filename(dir, "p.elf", NULL);
    cr_assert(g_file_set_contents(prog, "x", 1, NULL));
    const char *argv[] = { "record", "-o", dir, prog };
    cr_assert_eq(record(4, argv), 4);
    fflush(stderr);
    g_autofree char *want = g_strdup_printf(
        "rewind record: %s already holds a recording (remove it, or record to another -o)\n", dir);
    cr_assert_stderr_eq_str(want);
}

Test(cli_record, replay_usage_errors)
{
    const char *a1[] = { "replay" };
    cr_assert_eq(replay(1, a1), 1);
    const char *a2[] = { "replay", "/nonexistent/rec" };
    cr_assert_eq(replay(2, a2), 1);
    const char *a3[] = { "replay", "--bogus", dir };
    cr_assert_eq(replay(3, a3), 1);
    fflush(stderr);
    g_autofree char *want = g_strdup(
        "rewind replay: no recording given (see rewind replay --help)\n"
        "rewind replay: /nonexistent/rec: no such recording directory\n"
        "rewind replay: unknown option --bogus (see rewind replay --help)\n");
    cr_assert_stderr_eq_str(want);
}

Test(cli_record, record_into_an_impossible_directory)
{
    g_autofree char *file = g_build_filename(dir, "file", NULL);
    cr_assert(g_file_set_contents(file, "x", 1, NULL));
    g_autofree char *out = g_build_filename(file, "rec", NULL);    /* under a file */
    const char *argv[] = { "record", "-o", out, file };
    cr_assert_eq(record(4, argv), 4);
    fflush(stderr);
    g_autofree char *want = g_strdup_printf("rewind record: -o %s: Not a directory\n", out);
    cr_assert_stderr_eq_str(want);
}
