/* tests/cli/test_log.c — `rewind log dump` and `rewind log check` on a
 * recording directory: the output of the printers (tested in
 * tests/replay/), exit statuses, and the one-line errors. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <glib.h>

#include "cli/log.h"
#include "replay/log.h"

static char *dir, *logfile;

/* A recording directory holding a small, cleanly closed log: serial
 * input, a clock read, an end. */
static void write_log(void)
{
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 1u << 22, .sync_groups = 64,
                        .command_line = "rewind record -o rec prog.elf" };
    RrLogWriter *w = rr_log_writer_open(logfile, &hdr, &err);
    cr_assert(w, "%s", err ? err->message : "");
    RrEvent ev = { .kind = RR_EVENT_SERIAL_IN, .icount = 100, .bytes = (const uint8_t *)"hi\n", .len = 3 };
    cr_assert(rr_log_writer_append(w, &ev, &err));
    cr_assert(rr_log_writer_flush(w, &err));
    ev = (RrEvent){ .kind = RR_EVENT_HOST_CLOCK, .icount = 250, .value = 1700000000 };
    cr_assert(rr_log_writer_append(w, &ev, &err));
    ev = (RrEvent){ .kind = RR_EVENT_END, .icount = 300 };
    cr_assert(rr_log_writer_append(w, &ev, &err));
    cr_assert(rr_log_writer_close(w, 300, &err));
}

static void setup(void)
{
    dir = g_dir_make_tmp("rewind-log-XXXXXX", NULL);
    logfile = g_build_filename(dir, "events.rwl", NULL);
    cr_redirect_stdout();
    cr_redirect_stderr();
}

static void teardown(void)
{
    g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    g_free(logfile);
    g_free(dir);
}

TestSuite(cli_log, .init = setup, .fini = teardown, .timeout = 20);

static int run(int argc, const char **argv)
{
    int rc = cli_log_main(argc, (char **)argv);
    fflush(stdout);
    fflush(stderr);
    return rc;
}

Test(cli_log, dump_prints_every_event_of_a_recording_directory)
{
    write_log();
    const char *argv[] = { "log", "dump", dir };
    cr_assert_eq(run(3, argv), 0);
    /* The printer's exact format is tested in tests/replay/; here: every
     * event, in order, from the directory's events.rwl. */
    FILE *out = cr_get_redirected_stdout();
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, out);
    buf[n] = 0;
    const char *a = strstr(buf, "serial-in"), *b = strstr(buf, "host-clock"), *c = strstr(buf, "end");
    cr_assert(a && b && c && a < b && b < c, "dump output:\n%s", buf);
}

Test(cli_log, check_passes_a_sound_log)
{
    write_log();
    const char *argv[] = { "log", "check", logfile };
    cr_assert_eq(run(3, argv), 0);
}

Test(cli_log, check_fails_a_truncated_log_with_one_line)
{
    write_log();
    gchar *data;
    gsize len;
    cr_assert(g_file_get_contents(logfile, &data, &len, NULL));
    cr_assert(g_file_set_contents(logfile, data, (gssize)len - 50, NULL));   /* no trailer */
    g_free(data);
    const char *argv[] = { "log", "check", dir };
    cr_assert_eq(run(3, argv), 2);
    FILE *err = cr_get_redirected_stderr();
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, err);
    buf[n] = 0;
    cr_assert(g_str_has_prefix(buf, "rewind log check: "), "%s", buf);
    cr_assert(strchr(buf, '\n') == buf + n - 1, "one line: %s", buf);
    cr_assert(strstr(buf, "offset"), "names the offset: %s", buf);
}

Test(cli_log, usage_errors)
{
    const char *a1[] = { "log" };
    cr_assert_eq(run(1, a1), 1);
    const char *a2[] = { "log", "frob", "x" };
    cr_assert_eq(run(3, a2), 1);
    const char *a3[] = { "log", "dump" };
    cr_assert_eq(run(2, a3), 1);
    const char *a4[] = { "log", "dump", "--bogus", "x" };
    cr_assert_eq(run(4, a4), 1);
    cr_assert_stderr_eq_str("rewind log: dump or check? (see rewind log --help)\n"
                            "rewind log: unknown subcommand 'frob' (see rewind log --help)\n"
                            "rewind log: dump: no recording given (see rewind log --help)\n"
                            "rewind log: dump: unexpected argument '--bogus' (see rewind log --help)\n");
}

Test(cli_log, missing_recording_is_an_error)
{
    const char *argv[] = { "log", "dump", "/nonexistent/rec" };
    cr_assert_eq(run(3, argv), 2);
}
