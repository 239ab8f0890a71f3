/* tests/cli/test_commands.c — the command table on a replay of the
 * planted-bug guest (tests/guest/planted.c), with its ELF's symbols: help,
 * abbreviations and aliases, every usage error one clear line that leaves
 * the position where it was, stepping both ways, breakpoints and a reverse
 * watchpoint landing on the corrupting store with its old and new values,
 * symbols in stop reports, x, disas, bt, last-write, replay_break and
 * continue to an icount, set, registers, named points, completion. */
#include <criterion/criterion.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "tests/replay/planted.h"
#include "tests/replay/testdir.h"

static PlantedReplay planted;
static RrTravel *travel;
static EmuMachine *machine;
static CliCommands *cmds;
static uint64_t end_icount, victim, tick;
static char *elf;                /* the guest program, for its symbols */

static void setup(void)
{
    planted_replay_open(&planted, "rewind-clicmd-XXXXXX");
    travel = planted.travel, machine = planted.machine;
    end_icount = planted.end, victim = planted.victim, tick = planted.tick;
    const char *d = g_getenv("REWIND_GUEST_DIR");
    elf = g_strdup_printf("%s/planted-O2-uart.elf", d ? d : "build/guest");
    cmds = cli_commands_new(travel, machine, planted.named, elf);
}

static void teardown(void)
{
    cli_commands_free(cmds);
    g_free(elf);
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
    assert_out("help disassemble", true, "disas [ADDR] [N]");
    assert_out("help x", true, "x/FMT ADDR ");
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
    assert_out("break here", false, "break: no symbol \"here\" in the program");
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

/* Run a line that must fail: one line of output saying `want`, and the
 * replay where it was. */
static void assert_refused(const char *line, const char *want)
{
    uint64_t icount = rr_travel_icount(travel), pc = emu_cpu_pc(emu_machine_cpu(machine));
    bool ok;
    g_autofree char *got = run(line, &ok);
    cr_assert_not(ok, "%s succeeded: %s", line, got);
    cr_assert(strstr(got, want), "%s: \"%s\" does not say \"%s\"", line, got, want);
    cr_assert(strchr(got, '\n') == got + strlen(got) - 1, "%s: not one line: \"%s\"", line, got);
    cr_assert_eq(rr_travel_icount(travel), icount, "%s moved the replay", line);
    cr_assert_eq(emu_cpu_pc(emu_machine_cpu(machine)), pc, "%s moved the pc", line);
}

/* The symbol's address. */
static uint64_t sym(const char *name)
{
    g_autofree char *line = g_strdup_printf("info symbol %s", name);
    g_autofree char *out = run(line, NULL);
    unsigned long long a;
    cr_assert(sscanf(out, "0x%llx is ", &a) == 1, "%s", out);
    return a;
}

static char *fmt(const char *f, ...) G_GNUC_PRINTF(1, 2);
static char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    char *s = g_strdup_vprintf(f, ap);
    va_end(ap);
    return s;
}

Test(cli_commands, every_error_is_one_line_and_leaves_the_position)
{
    assert_out("seek 5000", true, "icount 5000");
    g_autofree char *seek_past = fmt("seek %lu", (unsigned long)end_icount + 1);
    g_autofree char *cont_past = fmt("continue %lu", (unsigned long)end_icount + 1);
    g_autofree char *rb_past = fmt("replay_break %lu", (unsigned long)end_icount + 1);
    const struct {
        const char *line, *want;
    } bad[] = {
        { "frobnicate", "unknown command \"frobnicate\" (help lists them)" },
        { "s", "ambiguous command \"s\"" },
        { "/4x victim", "unknown command \"/4x\"" },
        { "seek/4 1", "seek: takes no /FMT" },
        { seek_past, "seek: icount" },
        { seek_past, "is past the end of the recording" },
        { cont_past, "continue: icount" },
        { rb_past, "replay_break: icount" },
        { "replay_break soon", "replay_break: \"soon\" is not an icount" },
        { "continue 10", "continue: icount 10 is not ahead of here (5000)" },
        { "continue soon", "continue: \"soon\" is not an icount" },
        { "x", "usage: x/FMT ADDR" },
        { "x/4x nowhere", "x: no symbol \"nowhere\" in the program" },
        { "x/4x 0xzz", "x: \"0xzz\" is not an address" },
        { "x/4x victim+zz", "x: \"victim+zz\" is not an address" },
        { "x/4x 0x10", "x: cannot read 16 bytes at 0x10 (not RAM)" },
        { "x/4q victim", "x: 'q' in /4q is not a format (x d u c s i) or a size (b h w g)" },
        { "x/0x victim", "x: the count in /0x must be from 1 to 1024" },
        { "x/4x $x99", "x: no register \"$x99\"" },
        { "x/s 0x10", "x: cannot read memory at 0x10" },
        { "break nowhere", "break: no symbol \"nowhere\" in the program" },
        { "break 12ab", "break: \"12ab\" is not an address" },
        { "watch nowhere", "watch: no symbol \"nowhere\"" },
        { "watch victim 0", "watch: \"0\" is not a length from 1 to 4096" },
        { "watch -a", "watch: \"\" is not an address" },
        { "last-write nowhere", "last-write: no symbol \"nowhere\"" },
        { "last-write 0x10", "last-write: cannot read 4 bytes at 0x10 (not RAM)" },
        { "last-write victim 5000", "last-write: \"5000\" is not a length" },
        { "disas nowhere", "disas: no symbol \"nowhere\"" },
        { "disas main 0", "disas: \"0\" is not a count from 1 to 4096" },
        { "disas 0x10", "disas: cannot read 40 bytes at 0x10 (not RAM)" },
        { "bt 3", "usage: bt" },
        { "gdbserver 99999", "gdbserver: port 99999 is out of range (0-65535)" },
        { "gdbserver soon", "gdbserver: \"soon\" is not a port, tcp:HOST:PORT or unix:PATH" },
        { "gdbserver unix:/nonexistent-dir/x.sock", "gdbserver: unix:/nonexistent-dir/x.sock:" },
        { "info registers x31", "info registers: no register \"x31\" (x0-x30" },
        { "info registers $v32", "no register \"$v32\"" },
        { "info symbol 0x10", "info symbol: no symbol matches 0x10" },
        { "info symbol nowhere", "info symbol: no symbol \"nowhere\"" },
        { "set x99 1", "set: no register \"x99\" (x0-x30" },
        { "set x0 0xzz", "set: \"0xzz\" is not a value" },
        { "set pc nowhere", "set: no symbol \"nowhere\"" },
        { "set x0", "usage: set REG VALUE" },
        { "set x0 1 2", "usage: set REG VALUE" },
        { "stepi 0", "stepi: \"0\" is not a count" },
        { "delete 9", "delete: no breakpoint or watchpoint 9" },
        { "help nope", "help: no command \"nope\"" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++)
        assert_refused(bad[i].line, bad[i].want);
    cr_assert_eq(rr_travel_icount(travel), 5000);
    assert_out("info breakpoints", true, "no breakpoints or watchpoints");
    assert_out("info replay", true, "replaying, icount 5000 of");
}

Test(cli_commands, symbols_name_addresses_in_commands_and_stop_reports)
{
    uint64_t main_addr = sym("main");
    assert_out("info symbol main+16", true, "is main+16");
    assert_out("seek 0", true, "icount 0, pc 0x40000000 <_start>");
    g_autofree char *at_tick = fmt("breakpoint 1 at 0x%lx <tick>", (unsigned long)tick);
    assert_out("break tick", true, at_tick);
    g_autofree char *hit = fmt("breakpoint 1: icount %s", "");
    assert_out("c", true, hit);
    g_autofree char *pc_tick = fmt("pc 0x%lx <tick>\n", (unsigned long)tick);
    assert_out("info registers pc", true, "<tick>");
    assert_out("rsi", true, "<main+");
    assert_out("si", true, pc_tick);
    g_autofree char *star = fmt("breakpoint 2 at 0x%lx <main+8>", (unsigned long)main_addr + 8);
    assert_out("break *main+8", true, star);
    assert_out("info breakpoints", true, "1  breakpoint 0x");
    assert_out("info breakpoints", true, "<tick>");
    assert_out("rc", true, "breakpoint 2: icount");
    assert_out("info registers lr", true, "x30");
    assert_out("delete", true, "all breakpoints");
}

Test(cli_commands, watch_a_symbol_reports_old_and_new_values)
{
    g_autofree char *w = fmt("watchpoint 1 (write) at 0x%lx <victim>, 4 bytes",
                             (unsigned long)victim);
    assert_out("watch victim", true, w);
    assert_out("seek 0", true, "icount 0");
    /* start.S clears .bss eight bytes at a time, victim with calls. */
    assert_out("c", true, "watchpoint 1: write of 8 bytes at");
    assert_out("c", true, "old 0x0, new 0x0; now icount");
    assert_out("c", true, "<victim> by pc");
    assert_out("c", true, "old 0x3e8, new 0x7d0; now");
    /* From the end: backwards to the bug, then forwards over it. */
    g_autofree char *end = fmt("seek %lu", (unsigned long)end_icount);
    assert_out(end, true, "icount");
    assert_out("rc", true, "old 0xbb8, new 0xdeadbeef; now icount");
    cr_assert_eq(mem32(victim), 3000, "before the store");
    uint64_t store = rr_travel_icount(travel);
    assert_out("c", true, "old 0xbb8, new 0xdeadbeef; now icount");
    cr_assert_eq(rr_travel_icount(travel), store + 1, "after the store");
    assert_out("delete 1", true, "deleted 1");
    /* A read watchpoint says the value read: printf's argument at the end. */
    assert_out("watch -r victim", true, "watchpoint 2 (read) at");
    assert_out("c", true, ", value 0xdeadbeef; now icount");
    assert_out("delete", true, "deleted");
    assert_out("watch -a calls 4", true, "watchpoint 3 (access) at");
}

Test(cli_commands, x_reads_memory_in_gdb_formats)
{
    /* At the first printf: x0 is the format string. */
    uint64_t call = sym("main") + 92;
    g_autofree char *b = fmt("break 0x%lx", (unsigned long)call);
    assert_out(b, true, "<main+92>");
    assert_out("c", true, "breakpoint 1:");
    assert_out("x/s $x0", true, ":\t\"planted: victim at %p, tick at %p\\n\"\n");
    assert_out("x/8c $x0", true, ":\t112 'p'\t108 'l'\t97 'a'\t110 'n'\t116 't'\t101 'e'\t100 'd'"
               "\t58 ':'\n");
    g_autofree char *i2 = fmt("=> 0x%lx <main+92>:\tbl      #0x", (unsigned long)call);
    assert_out("x/2i $pc", true, i2);
    assert_out("x/2i $pc", true, "<printf>\n   0x");
    g_autofree char *end = fmt("seek %lu", (unsigned long)end_icount);
    assert_out(end, true, "icount");
    g_autofree char *xw = fmt("0x%lx <victim>:\t0xdeadbeef\n", (unsigned long)victim);
    assert_out("x/xw victim", true, xw);
    assert_out("x/dw victim", true, ":\t-559038737\n");
    assert_out("x/uw victim", true, ":\t3735928559\n");
    assert_out("x/4xb victim", true, ":\t0xef\t0xbe\t0xad\t0xde\n");
    assert_out("x /2xh victim", true, ":\t0xbeef\t0xdead\n");
    g_autofree char *calls = fmt("0x%lx <calls>:\t0x", (unsigned long)victim - 4);
    assert_out("x/2xw victim-4", true, calls);
    /* gdb keeps the last format and size; four words to a line. */
    assert_out("x/6xw calls", true, "\n0x");
    bool ok;
    g_autofree char *again = run("x victim", &ok);
    cr_assert(ok && strstr(again, "<victim>:\t0xdeadbeef\n"), "%s", again);
    g_autofree char *giant = run("x/xg calls", NULL);
    cr_assert(strstr(giant, ":\t0xdeadbeef"), "%s", giant);
}

Test(cli_commands, disas_lists_functions_with_the_pc_marked)
{
    g_autofree char *b = fmt("break 0x%lx", (unsigned long)tick);
    assert_out(b, true, "<tick>");
    assert_out("c", true, "breakpoint 1");
    g_autofree char *listing = run("disas", NULL);
    g_autofree char *first = fmt("=> 0x%lx <tick>:\tadrp    x2, #0x", (unsigned long)tick);
    cr_assert(g_str_has_prefix(listing, first), "%s", listing);
    cr_assert(strstr(listing, "<tick+16>:\tret\n"), "%s", listing);
    size_t lines = 0;
    for (const char *p = listing; *p; p++)
        lines += *p == '\n';
    cr_assert_eq(lines, 5, "tick is five instructions:\n%s", listing);
    g_autofree char *main3 = run("disassemble main 3", NULL);
    cr_assert(g_str_has_prefix(main3, "   0x40000080 <main>:\tstp     x29, x30, [sp, #-0x50]!\n"
                               "   0x40000084 <main+4>:\tadrp    x2, #0x40000000 <_start>\n"),
              "%s", main3);
    assert_out("disas $lr 1", true, "<main+");
}

Test(cli_commands, bt_walks_the_frame_pointers)
{
    assert_out("bt", true, "#0 0x40000000 <_start>\n");
    g_autofree char *start = run("bt", NULL);
    cr_assert_str_eq(start, "#0 0x40000000 <_start>\n", "nothing called _start");
    g_autofree char *b = fmt("break 0x%lx", (unsigned long)tick);
    assert_out(b, true, "<tick>");
    assert_out("c", true, "breakpoint 1");
    /* tick is a leaf: main through lr, then main's frame record. */
    g_autofree char *in_tick = run("backtrace", NULL);
    g_autofree char *want = fmt("#0 0x%lx <tick>\n#1 0x", (unsigned long)tick);
    cr_assert(g_str_has_prefix(in_tick, want), "%s", in_tick);
    cr_assert(strstr(in_tick, " <main+"), "%s", in_tick);
    cr_assert(g_str_has_suffix(in_tick, "\n#2 0x40000070 <_start+112>\n"), "%s", in_tick);
    /* In main, with its frame set up: main, then _start. */
    assert_out("delete", true, "deleted");
    assert_out("watch victim", true, "watchpoint");
    assert_out("c", true, "<main+");
    g_autofree char *in_main = run("where", NULL);
    cr_assert(g_str_has_prefix(in_main, "#0 0x4000"), "%s", in_main);
    cr_assert(g_str_has_suffix(in_main, "\n#1 0x40000070 <_start+112>\n"), "%s", in_main);
}

Test(cli_commands, last_write_finds_the_store_without_moving)
{
    /* Where the bug's store is, by a reverse watchpoint. */
    g_autofree char *end = fmt("seek %lu", (unsigned long)end_icount);
    assert_out(end, true, "icount");
    g_autofree char *w = fmt("watch 0x%lx", (unsigned long)victim);
    assert_out(w, true, "watchpoint 1");
    assert_out("rc", true, "watchpoint 1");
    uint64_t store = rr_travel_icount(travel), store_pc = emu_cpu_pc(emu_machine_cpu(machine));
    assert_out("delete", true, "deleted");

    /* The user's points and replay_break survive it. */
    g_autofree char *b = fmt("break 0x%lx", (unsigned long)tick);
    assert_out(b, true, "breakpoint 2");
    assert_out("replay_break 100", true, "replay_break at icount 100");
    assert_out("seek 150000", true, "icount 150000");
    uint64_t pc = emu_cpu_pc(emu_machine_cpu(machine));
    g_autofree char *want = fmt("last write to 0x%lx <victim> (4 bytes): icount %lu, pc 0x%lx "
                                "<main+", (unsigned long)victim, (unsigned long)store,
                                (unsigned long)store_pc);
    bool ok;
    g_autofree char *got = run("last-write victim", &ok);
    cr_assert(ok && g_str_has_prefix(got, want), "%s", got);
    cr_assert(strstr(got, ">: str     w21, [x0, #4]; old 0xbb8, now 0xdeadbeef\n"), "%s", got);
    cr_assert_eq(rr_travel_icount(travel), 150000, "last-write moved the replay");
    cr_assert_eq(emu_cpu_pc(emu_machine_cpu(machine)), pc);
    assert_out("info breakpoints", true, "2  breakpoint");
    assert_out("info replay", true, "replay_break at icount 100");
    assert_out("rc", true, "breakpoint 2: icount");

    /* Early on, start.S clearing .bss; before that, nothing. */
    assert_out("seek 200", true, "icount 200");
    assert_out("last-write victim", true, "<_start+60>: str     xzr, [x0], #8; old 0x0, now 0x0\n");
    assert_out("seek 20", true, "icount 20");
    g_autofree char *none = fmt("no write to 0x%lx (4 bytes) since the start of the recording\n",
                                (unsigned long)victim);
    assert_out("last-write victim", true, none);
    cr_assert_eq(rr_travel_icount(travel), 20);
}

Test(cli_commands, replay_break_and_continue_to_an_icount)
{
    assert_out("replay_break 20000", true, "replay_break at icount 20000\n");
    assert_out("info replay", true, ", replay_break at icount 20000\n");
    assert_out("c", true, "replay_break at icount 20000: icount 20000, pc 0x");
    assert_out("seek 30000", true, "icount 30000");
    assert_out("rc", true, "replay_break at icount 20000: icount 20000");
    assert_out("replay_delete_break", true, "replay_break deleted\n");
    assert_out("replay_delete_break", true, "no replay_break was set\n");
    g_autofree char *info = run("info replay", NULL);
    cr_assert_not(strstr(info, "replay_break"), "%s", info);
    assert_out("seek 0", true, "icount 0");
    assert_out("c 5000", true, "reached icount 5000: icount 5000, pc 0x");
    /* A nearer replay_break ends the run first and stays; a farther one
     * stays too. */
    assert_out("replay_break 6000", true, "at icount 6000");
    assert_out("continue 7000", true, "replay_break at icount 6000: icount 6000");
    assert_out("continue 7000", true, "reached icount 7000: icount 7000");
    assert_out("info replay", true, "replay_break at icount 6000");
    assert_out("replay_break 9000", true, "at icount 9000");
    assert_out("c 8000", true, "reached icount 8000");
    assert_out("c", true, "replay_break at icount 9000: icount 9000");
    /* A breakpoint before the icount wins. */
    g_autofree char *b = fmt("break 0x%lx", (unsigned long)tick);
    assert_out(b, true, "breakpoint 1");
    assert_out("replay_delete_break", true, "deleted");
    g_autofree char *far = fmt("c %lu", (unsigned long)end_icount);
    assert_out(far, true, "breakpoint 1: icount");
}

Test(cli_commands, set_is_refused_in_a_replay)
{
    assert_out("seek 5000", true, "icount 5000");
    uint64_t x0 = emu_cpu_x(emu_machine_cpu(machine), 0);
    /* A replay cannot change: its registers are the recording's. */
    assert_refused("set x0 5", "set: a replay cannot change registers");
    assert_refused("set $x0 = 0x1234", "set: a replay cannot change registers");
    assert_refused("set w0 -1", "set: a replay cannot change registers");
    assert_refused("set pc main", "set: a replay cannot change registers");
    cr_assert_eq(emu_cpu_x(emu_machine_cpu(machine), 0), x0);
    assert_refused("set q0 1", "set: no register \"q0\"");
}

/* The candidates for completing `line` at its end, space-separated. */
static char *complete(const char *line)
{
    g_auto(GStrv) v = cli_commands_complete(cmds, line, strlen(line));
    return g_strjoinv(" ", v);
}

static void assert_completes(const char *line, const char *want)
{
    g_autofree char *got = complete(line);
    cr_assert_str_eq(got, want, "complete \"%s\"", line);
}

Test(cli_commands, completion_knows_commands_registers_symbols_and_snapshots)
{
    assert_completes("s", "savevm seek set si stepi");
    assert_completes("  rev", "reverse-continue reverse-stepi");
    assert_completes("replay_", "replay_break replay_delete_break replay_seek");
    assert_completes("frob", "");
    assert_completes("info ", "breakpoints registers replay snapshots symbol watchpoints");
    assert_completes("info re", "registers replay");
    assert_completes("info registers x2", "x2 x20 x21 x22 x23 x24 x25 x26 x27 x28 x29");
    assert_completes("info registers $f", "$fp $fpcr $fpsr");
    assert_completes("set f", "fp fpcr fpsr");
    assert_completes("set pc ma", "main");
    assert_completes("break ti", "tick");
    assert_completes("b vi", "victim");
    assert_completes("watch -", "-a -r");
    assert_completes("watch -r vic", "victim");
    assert_completes("watch victim ", "");
    assert_completes("x/4xw $s", "$sp");
    assert_completes("x /4xw vic", "victim");
    assert_completes("disas mai", "main");
    assert_completes("last-write cal", "calls");
    assert_completes("help dis", "disas disassemble");
    assert_completes("bt ", "");
    assert_completes("seek ", "");
    /* Only up to the point: the rest of the line is not looked at. */
    g_auto(GStrv) mid = cli_commands_complete(cmds, "break ti 0x10", strlen("break ti"));
    cr_assert(mid[0] && !strcmp(mid[0], "tick") && !mid[1]);
    /* Everything starts with "": every command. */
    g_auto(GStrv) all = cli_commands_complete(cmds, "", 0);
    size_t n = 0;
    for (const char *const *p = cli_commands_names(); *p; p++)
        n++;
    cr_assert_eq(g_strv_length(all), n);

    assert_completes("loadvm ", "");
    assert_out("savevm bug", true, "done");
    assert_out("savevm boot", true, "done");
    assert_completes("loadvm b", "boot bug");
    assert_completes("delvm bu", "bug");
    g_autofree char *b = fmt("break 0x%lx", (unsigned long)tick);
    assert_out(b, true, "breakpoint 1");
    assert_out("watch victim", true, "watchpoint 2");
    assert_completes("delete ", "1 2");
}

Test(cli_commands, without_symbols_addresses_are_numbers)
{
    CliCommands *bare = cli_commands_new(travel, machine, NULL, NULL);
    cr_assert_null(cli_commands_symbols_error(bare));
    GString *out = g_string_new(NULL);
    cr_assert_not(cli_commands_run(bare, "break main", out));
    cr_assert_str_eq(out->str, "break: no symbol \"main\" (no program symbols in this session)\n");
    g_string_truncate(out, 0);
    cr_assert(cli_commands_run(bare, "seek 0", out));
    cr_assert_str_eq(out->str, "icount 0, pc 0x40000000\n");
    cli_commands_free(bare);

    CliCommands *broken = cli_commands_new(travel, machine, NULL, "/nonexistent/prog.elf");
    cr_assert(strstr(cli_commands_symbols_error(broken), "/nonexistent/prog.elf"));
    g_string_truncate(out, 0);
    cr_assert_not(cli_commands_run(broken, "x/x victim", out));
    cr_assert(strstr(out->str, "x: no symbol \"victim\" (/nonexistent/prog.elf: "), "%s", out->str);
    cli_commands_free(broken);
    g_string_free(out, true);
}

/* ---- A recording being made: set at its frontier ----------------------- */

typedef struct Recorder {
    RrSession *s;
    GString *output;
} Recorder;

static void rec_serial(void *opaque, uint8_t byte)
{
    g_string_append_c(((Recorder *)opaque)->output, (char)byte);
}
static uint64_t rec_clock(void *opaque) { return rr_session_host_seconds(((Recorder *)opaque)->s); }
static void rec_entropy(void *opaque, uint8_t *b, size_t n)
{
    rr_session_entropy(((Recorder *)opaque)->s, b, n);
}

/* Under the engine while it records the planted guest, the table's set
 * changes a register at the frontier (the engine logs it), refuses in the
 * recording's past, and the guest's run shows the change: x0 = 7 as
 * tick(3000) is entered makes calls 0 + 7 + 6000 + 9000. */
Test(cli_commands_recording, set_at_the_frontier_changes_the_run, .timeout = 60)
{
    char *dir = testdir_new("rewind-clirec-XXXXXX");
    g_autofree char *logpath = g_build_filename(dir, "events.rwl", NULL);
    const char *d = g_getenv("REWIND_GUEST_DIR");
    g_autofree char *prog = g_strdup_printf("%s/planted-O2-uart.elf", d ? d : "build/guest");
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 1u << 20, .sync_groups = 64 };
    Recorder r = { .output = g_string_new(NULL) };
    r.s = rr_session_record(logpath, &hdr, &err);
    cr_assert(r.s, "%s", err ? err->message : "");
    EmuMachineConfig cfg = { .serial_out = rec_serial, .host_seconds = rec_clock,
                             .entropy = rec_entropy, .idle_returns = true, .opaque = &r };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, prog, &err), "%s", err ? err->message : "");
    rr_session_attach(r.s, m);
    RrTravel *t = rr_travel_new(r.s, m, NULL, &err);
    cr_assert(t, "%s", err ? err->message : "");
    cmds = cli_commands_new(t, m, NULL, prog);
    travel = t, machine = m;

    assert_out("break tick", true, "breakpoint 1 at");
    do
        assert_out("c", true, "breakpoint 1: icount");
    while ((emu_cpu_x(emu_machine_cpu(m), 0) & 0xffffffff) != 3000);
    assert_out("info replay", true, "recording, icount");
    /* In the recording's past: refused, nothing changed. */
    assert_out("rsi 5", true, "icount");
    assert_refused("set x0 7", "is in the recording's past, which cannot change");
    assert_out("si 5", true, "<tick>");
    cr_assert(rr_travel_live(t));
    assert_out("set $w0 = 0x100000007", true, "x0 = 0x7\n");
    assert_out("info registers x0", true, "x0    0x0000000000000007");
    assert_out("delete", true, "deleted");
    assert_out("c", true, "the end of the recording");
    cr_assert(strstr(r.output->str, "calls 15007"), "%s", r.output->str);
    cr_assert(rr_travel_finish(t, &err), "%s", err ? err->message : "");

    cli_commands_free(cmds);
    cmds = NULL;
    rr_travel_free(t);
    rr_session_free(r.s);
    emu_machine_free(m);
    g_string_free(r.output, true);
    testdir_remove(dir);
}
