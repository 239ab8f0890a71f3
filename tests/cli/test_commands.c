/* tests/cli/test_commands.c — the command table on a replay of the
 * planted-bug guest (tests/guest/planted.c): help, abbreviations and
 * aliases, every usage error one clear line that leaves the position where
 * it was, stepping both ways, breakpoints and a reverse watchpoint landing
 * on the corrupting store, registers, named points. */
#include <criterion/criterion.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "tests/replay/planted.h"

static PlantedReplay planted;
static RrTravel *travel;
static EmuMachine *machine;
static CliCommands *cmds;
static uint64_t end_icount, victim, tick;

static void setup(void)
{
    planted_replay_open(&planted, "rewind-clicmd-XXXXXX");
    travel = planted.travel, machine = planted.machine;
    end_icount = planted.end, victim = planted.victim, tick = planted.tick;
    cmds = cli_commands_new(travel, machine, planted.named);
}

static void teardown(void)
{
    cli_commands_free(cmds);
    planted_replay_close(&planted);
}

TestSuite(cli_commands, .init = setup, .fini = teardown, .timeout = 60);

/* Run a line; its output (g_free); *ok whether it succeeded. */
static char *run(const char *line, bool *ok)
{
    GString *out = g_string_new(NULL);
    bool r = cli_commands_run(cmds, line, out);
    if (ok)
        *ok = r;
    return g_string_free(out, false);
}

static void assert_out(const char *line, bool want_ok, const char *want)
{
    bool ok;
    g_autofree char *got = run(line, &ok);
    cr_assert_eq(ok, want_ok, "%s: %s", line, got);
    cr_assert(strstr(got, want), "%s: \"%s\" does not say \"%s\"", line, got, want);
}

static uint32_t mem32(uint64_t va)
{
    uint32_t v;
    cr_assert(emu_cpu_read_virt(emu_machine_cpu(machine), va, &v, 4));
    return v;
}

Test(cli_commands, help_names_and_errors)
{
    g_autofree char *help = run("help", NULL);
    for (const char *const *n = cli_commands_names(); *n; n++)
        cr_assert(strstr(help, *n), "help does not mention %s:\n%s", *n, help);
    assert_out("help seek", true, "seek ICOUNT");
    assert_out("help nope", false, "help: no command \"nope\"");
    assert_out("frobnicate", false, "unknown command \"frobnicate\" (help lists them)");
    assert_out("s", false, "ambiguous command \"s\"");
    assert_out("seek", false, "usage: seek ICOUNT");
    assert_out("seek 1 2", false, "usage: seek ICOUNT");
    assert_out("seek soon", false, "seek: \"soon\" is not an icount");
    g_autofree char *past = g_strdup_printf("seek %lu", (unsigned long)end_icount + 1);
    assert_out(past, false, "is past the end of the recording");
    assert_out("rsi 0", false, "rsi: \"0\" is not a count");
    assert_out("info nothing", false, "info nothing: unknown");
    assert_out("info registers x99", false, "no register \"x99\"");
    assert_out("break here", false, "break: \"here\" is not an address");
    assert_out("watch -r", false, "watch: \"\" is not an address");
    assert_out("watch 0x1000 0", false, "not a length");
    assert_out("delete 9", false, "delete: no breakpoint or watchpoint 9");
    assert_out("", true, "");
    /* None of that moved the replay. */
    cr_assert_eq(rr_travel_icount(travel), 0);
    assert_out("info replay", true, "replaying, icount 0 of");
}

Test(cli_commands, stepping_both_ways_and_registers)
{
    assert_out("stepi 10", true, "icount 10, pc 0x");
    assert_out("si", true, "icount 11, pc");
    assert_out("rsi 3", true, "icount 8, pc");
    assert_out("reverse-stepi", true, "icount 7, pc");
    assert_out("cont", true, "the end of the recording: icount");
    assert_out("rsi 1000000000", true, "the start of the recording: icount 0");
    assert_out("seek 5000", true, "icount 5000");
    g_autofree char *all = run("info registers", NULL);
    size_t lines = 0;
    for (const char *p = all; *p; p++)
        lines += *p == '\n';
    cr_assert_eq(lines, 36, "%s", all);
    g_autofree char *pc = g_strdup_printf("pc    0x%016lx", (unsigned long)emu_cpu_pc(emu_machine_cpu(machine)));
    assert_out("info registers pc", true, pc);
    assert_out("info registers v0", true, "v0    0x");
    assert_out("quit", true, "");
    cr_assert(cli_commands_quit(cmds));
}

Test(cli_commands, breakpoints_watchpoints_and_named_points)
{
    g_autofree char *b = g_strdup_printf("break 0x%lx", (unsigned long)tick);
    assert_out(b, true, "breakpoint 1 at 0x");
    g_autofree char *at_tick = g_strdup_printf("pc 0x%lx", (unsigned long)tick);
    assert_out("c", true, "breakpoint 1: icount");
    assert_out("c", true, at_tick);
    assert_out("rc", true, "breakpoint 1: icount");
    assert_out("info breakpoints", true, "1  breakpoint 0x");
    assert_out("delete 1", true, "deleted 1");
    assert_out("continue", true, "the end of the recording");
    cr_assert_eq(mem32(victim), 0xdeadbeef);
    g_autofree char *w = g_strdup_printf("watch 0x%lx 4", (unsigned long)victim);
    assert_out(w, true, "watchpoint 2 (write) at 0x");
    assert_out("reverse-continue", true, "watchpoint 2: write of 4 bytes at 0x");
    cr_assert_eq(mem32(victim), 3000, "before the corrupting store");
    assert_out("savevm bug", true, "savevm bug: done, icount");
    uint64_t at = rr_travel_icount(travel);
    assert_out("delete", true, "all breakpoints and watchpoints deleted");
    assert_out("seek 0", true, "icount 0");
    assert_out("loadvm bug", true, "loadvm bug: done, icount");
    cr_assert_eq(rr_travel_icount(travel), at);
    assert_out("info snapshots", true, "bug");
    assert_out("delvm bug", true, "delvm bug: done");
    assert_out("loadvm bug", false, "loadvm bug: ");
    cr_assert_eq(rr_travel_icount(travel), at, "a failed loadvm moved the replay");
}
