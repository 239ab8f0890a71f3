/* tests/cli/test_repl.c — the prompt (cli/repl.h) through its test
 * backend, on replays and recordings of guests made here: the prompt and
 * history, every error one line that leaves the position, completion,
 * Ctrl-C at the prompt and during a long command (through the engine's
 * progress reports), and the script commands at the prompt: expect-output
 * stopping right after the instruction that completes the match, from new
 * ground and from known ground alike, send in a recording, refused in a
 * replay, a guest waiting for input never sent. */
#include <criterion/criterion.h>
#include <glib.h>
#include <string.h>

#include "cli/repl.h"
#include "replay/statehash.h"
#include "tests/replay/testdir.h"

typedef struct Fixture {
    char *dir, *log, *named, *elf;
    RrSession *s;
    EmuMachine *m;
    RrTravel *t;
    CliCommands *cmds;
    CliScript *script;
    CliReplBackend *b;
    CliRepl *repl;               /* kept for completion */
    RrSessionIo io;
    GString *shown;              /* the guest output the script says to show */
    uint64_t end;                /* a replay: the recording's end */
} Fixture;

static Fixture f;

static void serial_hook(void *opaque, uint8_t byte)
{
    if (!f.script || cli_script_guest_output(f.script, byte))
        g_string_append_c(f.shown, (char)byte);
}
static uint64_t clock_hook(void *opaque) { return rr_session_host_seconds(f.s); }
static void entropy_hook(void *opaque, uint8_t *b, size_t n) { rr_session_entropy(f.s, b, n); }

static EmuMachine *machine(void)
{
    GError *err = NULL;
    EmuMachineConfig cfg = { .serial_out = serial_hook, .host_seconds = clock_hook,
                             .entropy = entropy_hook, .idle_returns = true };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, f.elf, &err), "%s", err ? err->message : "");
    rr_session_attach(f.s, m);
    return m;
}

static void begin(const char *guest)
{
    memset(&f, 0, sizeof f);
    f.dir = testdir_new("rewind-repl-XXXXXX");
    f.log = g_build_filename(f.dir, "events.rwl", NULL);
    f.named = g_build_filename(f.dir, "snapshots.qcow2", NULL);
    const char *d = g_getenv("REWIND_GUEST_DIR");
    f.elf = g_strdup_printf("%s/%s.elf", d ? d : "build/guest", guest);
    f.shown = g_string_new(NULL);
}

static void start_travel(bool recording)
{
    GError *err = NULL;
    f.m = machine();
    f.t = rr_travel_new(f.s, f.m, NULL, &err);
    cr_assert(f.t, "%s", err ? err->message : "");
    f.cmds = cli_commands_new(f.t, f.m, f.named, f.elf);
    f.script = cli_script_new(f.t, f.m, f.cmds, recording);
    f.io = (RrSessionIo){ .poll_serial = cli_script_poll_serial, .opaque = f.script };
    if (recording)
        rr_travel_set_io(f.t, &f.io);
}

/* A replay of `guest` (recorded here with no input) at icount 0. */
static void open_replay(const char *guest)
{
    begin(guest);
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 4u << 20, .sync_groups = 64 };
    f.s = rr_session_record(f.log, &hdr, &err);
    cr_assert(f.s, "%s", err ? err->message : "");
    EmuMachine *m = machine();
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    while ((rs = rr_session_run(f.s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert(rs == RR_RUN_DONE && rr_session_finish(f.s, &res, &err), "%s",
              err ? err->message : "");
    f.end = res.icount;
    rr_session_free(f.s);
    emu_machine_free(m);
    g_string_truncate(f.shown, 0);
    f.s = rr_session_replay(f.log, RR_LOG_STRICT, &err);
    cr_assert(f.s, "%s", err ? err->message : "");
    start_travel(false);
}

/* A recording of `guest` being made, at icount 0; its input is `send`'s. */
static void open_recording(const char *guest)
{
    begin(guest);
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 4u << 20, .sync_groups = 64 };
    f.s = rr_session_record(f.log, &hdr, &err);
    cr_assert(f.s, "%s", err ? err->message : "");
    start_travel(true);
}

static void teardown(void)
{
    if (!f.dir)
        return;                  /* a test without a machine */
    cli_repl_free(f.repl);
    cli_repl_backend_free(f.b);
    cli_script_free(f.script);
    cli_commands_free(f.cmds);
    rr_travel_free(f.t);
    rr_session_free(f.s);
    emu_machine_free(f.m);
    g_string_free(f.shown, true);
    g_free(f.log);
    g_free(f.named);
    g_free(f.elf);
    testdir_remove(f.dir);
}

TestSuite(cli_repl, .fini = teardown, .timeout = 120);

/* Run the prompt on `lines` (NULL-terminated); what it showed. */
static const char *session(const char *const *lines)
{
    cli_repl_backend_free(f.b);
    f.b = cli_repl_backend_test(lines);
    CliRepl *r = cli_repl_new(f.script, f.t, f.cmds, f.b);
    cli_repl_run(r);
    cli_repl_free(r);
    return cli_repl_backend_test_output(f.b);
}

/* One line at the prompt: what it printed (between the line typed and the
 * next prompt). */
static char *one(const char *line)
{
    const char *lines[] = { line, NULL };
    const char *all = session(lines);
    const char *start = strchr(all, '\n');
    const char *end = strrchr(all, '(');
    cr_assert(start && end && end > start, "%s", all);
    return g_strndup(start + 1, (gsize)(end - start - 1));
}

static uint64_t icount(void) { return rr_travel_icount(f.t); }

Test(cli_repl, the_prompt_shows_where_and_runs_commands)
{
    open_replay("planted-O2-uart");
    const char *lines[] = { "info replay", "stepi 10", "", "rsi 3", "quit", "info replay", NULL };
    const char *out = session(lines);
    g_autofree char *want = g_strdup_printf(
        "(rewind 0/%1$lu) info replay\nreplaying, icount 0 of %1$lu (0.0%%)\n"
        "(rewind 0/%1$lu) stepi 10\n", (unsigned long)f.end);
    cr_assert(g_str_has_prefix(out, want), "%s", out);
    g_autofree char *after = g_strdup_printf("(rewind 10/%lu) \n(rewind 10/%lu) rsi 3\n",
                                             (unsigned long)f.end, (unsigned long)f.end);
    cr_assert(strstr(out, after), "%s", out);
    g_autofree char *last = g_strdup_printf("(rewind 7/%lu) quit\n", (unsigned long)f.end);
    cr_assert(g_str_has_suffix(out, last), "quit leaves; %s", out);
    cr_assert_eq(icount(), 7);
    cr_assert_str_eq(cli_repl_backend_test_history(f.b), "info replay\nstepi 10\nrsi 3\nquit\n");
}

Test(cli_repl, the_end_of_input_leaves)
{
    open_replay("planted-O2-uart");
    const char *lines[] = { "stepi", NULL };
    const char *out = session(lines);
    g_autofree char *want = g_strdup_printf("(rewind 1/%lu) \n", (unsigned long)f.end);
    cr_assert(g_str_has_suffix(out, want), "%s", out);
}

Test(cli_repl, every_error_is_one_line_and_leaves_the_position)
{
    open_replay("planted-O2-uart");
    g_free(one("seek 500"));
    g_autofree char *past = g_strdup_printf("seek %lu", (unsigned long)f.end + 1);
    const char *bad[] = {
        "frobnicate", "seek soon", past, "info registers x99", "assert x99 == 1",
        "break 0xzz", "watch -r", "send \"hello\"", "expect-output", "expect-output hello",
        "expect-output \"x\" timeout soon", "assert (x0", "assert", "rsi 0",
        "expect-output -re \"(\"",
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *out = one(bad[i]);
        cr_assert(*out, "%s: nothing said", bad[i]);
        cr_assert_eq(strchr(out, '\n'), out + strlen(out) - 1, "%s: not one line: %s", bad[i],
                     out);
        cr_assert_eq(icount(), 500, "%s moved to %lu", bad[i], (unsigned long)icount());
    }
    g_autofree char *unknown = one("frobnicate");
    cr_assert(strstr(unknown, "unknown command \"frobnicate\""), "%s", unknown);
    g_autofree char *reg = one("assert x99 == 1");
    cr_assert_str_eq(reg, "assert: no register \"x99\" (x0-x30, w0-w30, sp, pc, lr, fp, xzr, "
                          "cpsr, fpsr, fpcr, icount)\n");
    g_autofree char *send = one("send \"hi\\n\"");
    cr_assert(strstr(send, "this is a replay"), "%s", send);
    g_autofree char *end = one(past);
    cr_assert(strstr(end, "past the end of the recording"), "%s", end);
}

Test(cli_repl, completion_knows_the_table_and_the_script_commands)
{
    open_replay("planted-O2-uart");
    const char *none[] = { NULL };
    f.b = cli_repl_backend_test(none);
    f.repl = cli_repl_new(f.script, f.t, f.cmds, f.b);
    g_auto(GStrv) se = cli_repl_backend_test_complete(f.b, "se");
    cr_assert(g_strv_contains((const char *const *)se, "seek"));
    cr_assert(g_strv_contains((const char *const *)se, "send"));
    g_auto(GStrv) ex = cli_repl_backend_test_complete(f.b, "  exp");
    cr_assert(ex[0] && !strcmp(ex[0], "expect-output") && !ex[1]);
    g_auto(GStrv) all = cli_repl_backend_test_complete(f.b, "");
    for (const char *const *n = cli_script_command_names(); *n; n++)
        cr_assert(g_strv_contains((const char *const *)all, *n), "%s", *n);
    cr_assert(g_strv_contains((const char *const *)all, "help"));
    for (size_t i = 1; all[i]; i++)
        cr_assert_lt(strcmp(all[i - 1], all[i]), 0, "sorted, each once");
    g_auto(GStrv) info = cli_repl_backend_test_complete(f.b, "info re");
    cr_assert(g_strv_contains((const char *const *)info, "replay"));
    cr_assert(g_strv_contains((const char *const *)info, "registers"));
    g_auto(GStrv) assert_ = cli_repl_backend_test_complete(f.b, "assert x");
    cr_assert_null(assert_[0]);
    g_auto(GStrv) nothing = cli_repl_backend_test_complete(f.b, "zzz");
    cr_assert_null(nothing[0]);
}

Test(cli_repl, help_lists_the_script_commands)
{
    open_replay("planted-O2-uart");
    g_autofree char *help = one("help");
    for (const char *const *n = cli_script_command_names(); *n; n++)
        cr_assert(strstr(help, *n), "%s", help);
    cr_assert(strstr(help, "seek ICOUNT"), "%s", help);
    g_autofree char *one_help = one("help assert");
    cr_assert(g_str_has_prefix(one_help, "  assert EXPR"), "%s", one_help);
    cr_assert_eq(strchr(one_help, '\n'), one_help + strlen(one_help) - 1);
}

Test(cli_repl, ctrl_c_at_the_prompt_drops_the_line)
{
    open_replay("planted-O2-uart");
    const char *lines[] = { "stepi 5", "^C", "info replay", NULL };
    const char *out = session(lines);
    g_autofree char *want = g_strdup_printf("^C\n(rewind 5/%1$lu) info replay\n"
                                            "replaying, icount 5 of %1$lu (0.0%%)\n", (unsigned long)f.end);
    cr_assert(strstr(out, want), "%s", out);
    cr_assert_str_eq(cli_repl_backend_test_history(f.b), "stepi 5\ninfo replay\n");
}

static void hash_here(RrStateHash *h)
{
    rr_state_hash(emu_machine_cpu(f.m), emu_machine_mem(f.m), 1, h);
}

Test(cli_repl, ctrl_c_interrupts_a_long_command_at_a_consistent_position)
{
    open_replay("loop-O2-uart");
    g_autofree char *seek_end = g_strdup_printf("^C seek %lu", (unsigned long)f.end);
    const char *lines[] = { seek_end, NULL };
    const char *out = session(lines);
    uint64_t at = icount();
    cr_assert(strstr(out, "interrupted: icount"), "%s", out);
    cr_assert(at > 0 && at < f.end, "interrupted at %lu of %lu", (unsigned long)at,
              (unsigned long)f.end);
    cr_assert_geq(cli_repl_backend_test_progress_reports(f.b), 1);
    g_autofree char *prompt = g_strdup_printf("(rewind %lu/%lu) \n", (unsigned long)at,
                                              (unsigned long)f.end);
    cr_assert(g_str_has_suffix(out, prompt), "back at the prompt where it stopped: %s", out);
    /* A position like any other: going there again gives the same machine. */
    RrStateHash h1, h2;
    hash_here(&h1);
    g_free(one("seek 0"));
    g_autofree char *again = g_strdup_printf("seek %lu", (unsigned long)at);
    g_free(one(again));
    cr_assert_eq(icount(), at);
    hash_here(&h2);
    cr_assert(h1.cpu == h2.cpu && h1.ram == h2.ram);
}

Test(cli_repl, expect_output_stops_after_the_instruction_that_completes_it)
{
    open_replay("planted-O2-uart");
    g_autofree char *first = one("expect-output \"victim at \"");
    uint64_t s = icount();
    cr_assert(g_str_has_prefix(first, "expect-output: matched at icount"), "%s", first);
    cr_assert(g_str_has_suffix(f.shown->str, "planted: victim at "), "\"%s\"", f.shown->str);
    /* One back, the last byte is not sent yet; forwards to it again: the
     * same icount, found in the output already known. */
    g_free(one("rsi 1"));
    g_autofree char *space = one("expect-output \" \"");
    cr_assert(strstr(space, "matched"), "%s", space);
    cr_assert_eq(icount(), s);
    g_free(one("seek 0"));
    g_autofree char *again = one("expect-output \"victim at \"");
    cr_assert_eq(icount(), s, "%s", again);
    /* Printed already since the last match: no move. */
    g_free(one("seek 0"));
    g_free(one("expect-output \"victim\""));
    g_free(one("seek 5000"));
    g_autofree char *already = one("expect-output \"0x\"");
    cr_assert(strstr(already, "printed already"), "%s", already);
    cr_assert_eq(icount(), 5000);
    /* A regular expression; a timeout; the end of the recording. */
    g_autofree char *re = one("expect-output -re \"victim [0-9a-f]+, calls\"");
    cr_assert(strstr(re, "matched"), "%s", re);
    cr_assert(g_str_has_suffix(f.shown->str, "planted: victim deadbeef, calls"), "%s",
              f.shown->str);
    uint64_t here = icount();
    g_autofree char *timeout = one("expect-output \"ok\" timeout 10");
    cr_assert(strstr(timeout, "not within 10 instructions"), "%s", timeout);
    cr_assert(strstr(timeout, "the output since icount"), "%s", timeout);
    cr_assert_eq(icount(), here + 10);
    g_autofree char *end = one("expect-output \"never printed\"");
    cr_assert(strstr(end, "the recording ended first"), "%s", end);
    cr_assert(strstr(end, "planted: ok\\n\""), "the output seen: %s", end);
    cr_assert_eq(icount(), f.end);
}

Test(cli_repl, assert_at_the_prompt)
{
    open_replay("planted-O2-uart");
    g_autofree char *yes = one("assert icount == 0 && pc != 0");
    cr_assert_str_eq(yes, "assert: true\n");
    g_free(one("stepi 3"));
    g_autofree char *no = one("assert icount == 2");
    cr_assert(g_str_has_prefix(no, "assert icount == 2: false at icount 3, pc 0x"), "%s", no);
    cr_assert(g_str_has_suffix(no, ": icount = 3, expected == 2\n"), "%s", no);
}

Test(cli_repl, send_and_expect_output_in_a_recording)
{
    open_recording("echo-O2-uart");
    const char *lines[] = {
        "expect-output \"ready\\n\" timeout 1000000",
        "send \"hi\\n\"",
        "expect-output \"[IH] len 2\" timeout 10000000",
        "rsi 10",
        "send \"x\"",
        "stepi 10",
        "send \"quit\\n\"",
        "expect-output \"echo: ok\\n\" timeout 10000000",
        NULL,
    };
    const char *out = session(lines);
    cr_assert(strstr(out, "send: 3 bytes for the guest from icount"), "%s", out);
    cr_assert(strstr(out, "send: the recording is back at icount"), "%s", out);
    cr_assert(strstr(f.shown->str, "  1 [IH] len 2 hash"), "%s", f.shown->str);
    cr_assert(g_str_has_suffix(f.shown->str, "echo: 1 lines\necho: ok\n"), "%s", f.shown->str);
    GError *err = NULL;
    cr_assert(rr_travel_finish(f.t, &err), "%s", err ? err->message : "");
}

Test(cli_repl, a_guest_waiting_for_input_never_sent_stops_expect_output)
{
    open_recording("irq-O2-uart");
    g_autofree char *starved = one("expect-output \"received\"");
    cr_assert(strstr(starved, "the guest waits for input that was not sent"), "%s", starved);
    g_free(one("send \"hey\\n\""));
    g_autofree char *got = one("expect-output \"uart: received 4 bytes: hey\\n\"");
    cr_assert(strstr(got, "matched"), "%s", got);
    GError *err = NULL;
    cr_assert(rr_travel_finish(f.t, &err), "%s", err ? err->message : "");
}

Test(cli_repl, progress_bar_text)
{
    g_autofree char *half = cli_progress_bar_format(0.5, 1.5, 10);
    cr_assert_str_eq(half, "[#####.....]  50%  ETA 1.5 s");
    g_autofree char *start = cli_progress_bar_format(0, -1, 4);
    cr_assert_str_eq(start, "[....]   0%  ETA --");
    g_autofree char *slow = cli_progress_bar_format(0.999, 125, 4);
    cr_assert_str_eq(slow, "[####]  99%  ETA 2m05s");
}
