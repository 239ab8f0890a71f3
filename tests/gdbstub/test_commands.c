/* tests/gdbstub/test_commands.c — the command layer on a replay of the
 * planted-bug guest (tests/guest/planted.c): what gdb asks at connection
 * (qSupported, the target description, registers, memory), breakpoints and
 * watchpoints with the stop replies gdb expects, forwards and in reverse,
 * the ends of the recording, monitor commands, and an error reply for
 * every malformed packet. */
#include <criterion/criterion.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "gdbstub/commands.h"
#include "gdbstub/tdesc.h"
#include "tests/replay/planted.h"

static PlantedReplay planted;
static RrTravel *travel;
static EmuMachine *machine;
static GdbTarget *target;
static CliCommands *table;
static GdbCommands *cmds;
static uint64_t end_icount, victim, tick;

static void setup(void)
{
    planted_replay_open(&planted, "rewind-gdbcmd-XXXXXX");
    travel = planted.travel, machine = planted.machine;
    end_icount = planted.end, victim = planted.victim, tick = planted.tick;
    target = gdb_target_new(travel, machine);
    table = cli_commands_new(travel, machine, planted.named, NULL);
    gdb_target_set_monitor(target, cli_commands_monitor, table);
    cmds = gdb_commands_new(target);
}

static void teardown(void)
{
    gdb_commands_free(cmds);
    gdb_target_free(target);
    cli_commands_free(table);
    planted_replay_close(&planted);
}

TestSuite(gdb_commands, .init = setup, .fini = teardown, .timeout = 60);

/* Send one payload; the reply (g_free). */
static char *ask(const char *payload, GdbAction *action)
{
    GString *r = g_string_new(NULL);
    GdbAction a = gdb_commands_handle(cmds, payload, strlen(payload), r);
    if (action)
        *action = a;
    return g_string_free(r, false);
}

static void assert_reply(const char *payload, const char *want)
{
    g_autofree char *got = ask(payload, NULL);
    cr_assert_str_eq(got, want, "%s: got \"%s\", want \"%s\"", payload, got, want);
}

static uint64_t reg(unsigned n)
{
    g_autofree char *p = g_strdup_printf("p%x", n);
    g_autofree char *hex = ask(p, NULL);
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | (uint64_t)g_ascii_strtoull((char[]){ hex[2 * i], hex[2 * i + 1], 0 }, NULL, 16);
    return v;
}

static uint32_t mem32(uint64_t addr)
{
    g_autofree char *p = g_strdup_printf("m%" G_GINT64_MODIFIER "x,4", addr);
    g_autofree char *hex = ask(p, NULL);
    cr_assert_eq(strlen(hex), 8, "%s: %s", p, hex);
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--)
        v = v << 8 | (uint32_t)g_ascii_strtoull((char[]){ hex[2 * i], hex[2 * i + 1], 0 }, NULL, 16);
    return v;
}

static char *monitor(const char *cmd)
{
    GString *p = g_string_new("qRcmd,");
    for (const char *c = cmd; *c; c++)
        g_string_append_printf(p, "%02x", (unsigned char)*c);
    g_autofree char *hex = ask(p->str, NULL);
    g_string_free(p, true);
    GString *out = g_string_new(NULL);
    for (size_t i = 0; hex[i] && hex[i + 1]; i += 2)
        g_string_append_c(out, (char)g_ascii_strtoull((char[]){ hex[i], hex[i + 1], 0 }, NULL, 16));
    return g_string_free(out, false);
}

Test(gdb_commands, what_gdb_asks_first)
{
    g_autofree char *sup = ask("qSupported:multiprocess+;swbreak+;hwbreak+;xmlRegisters=i386", NULL);
    const char *features[] = { "PacketSize=4000", "qXfer:features:read+", "ReverseStep+",
                               "ReverseContinue+", "swbreak+", "hwbreak+", "vContSupported+",
                               "QStartNoAckMode+" };
    for (size_t i = 0; i < G_N_ELEMENTS(features); i++)
        cr_assert(strstr(sup, features[i]), "%s", sup);
    /* The description, read in small pieces, is the whole document. */
    GString *xml = g_string_new(NULL);
    for (uint64_t off = 0;; off += 100) {
        g_autofree char *p = g_strdup_printf("qXfer:features:read:target.xml:%lx,64",
                                             (unsigned long)off);
        g_autofree char *part = ask(p, NULL);
        cr_assert(part[0] == 'm' || part[0] == 'l', "%s", part);
        g_string_append_len(xml, part + 1, MIN((gssize)strlen(part + 1), 100));
        if (part[0] == 'l' || strlen(part + 1) < 64)
            break;
        g_string_truncate(xml, off + 64);
        off -= 36;                        /* next from off + 64 */
    }
    cr_assert(g_str_has_prefix(gdb_tdesc_xml(), xml->str) && strstr(xml->str, "</target>"),
              "%s", xml->str);
    g_string_free(xml, true);
    assert_reply("qXfer:features:read:other.xml:0,100", "E00");
    assert_reply("qAttached", "1");
    assert_reply("qC", "QC1");
    assert_reply("qfThreadInfo", "m1");
    assert_reply("qsThreadInfo", "l");
    assert_reply("Hg0", "OK");
    assert_reply("?", "T05thread:1;");
    assert_reply("vMustReplyEmpty", "");
    assert_reply("qTStatus", "");
    GdbAction a;
    g_autofree char *r = ask("QStartNoAckMode", &a);
    cr_assert_str_eq(r, "OK");
    cr_assert_eq(a, GDB_ACTION_REPLY_NOACK);
    /* All registers: 31 x + sp + pc (8 bytes), cpsr (4), 32 v (16), fpsr, fpcr (4). */
    g_autofree char *g = ask("g", NULL);
    cr_assert_eq(strlen(g), 2 * (33 * 8 + 4 + 32 * 16 + 4 + 4));
    cr_assert_eq(reg(GDB_REG_PC), emu_cpu_pc(emu_machine_cpu(machine)));
    cr_assert_eq(mem32(victim), 0);
}

Test(gdb_commands, every_malformed_packet_gets_an_error)
{
    const char *bad[] = { "m", "mzz,4", "m1000", "m1000,", "m1000,4x", "m10000000000000000,4",
                          "m0,ffffffff", "p", "p44", "pzz", "Z0", "Z0,1000", "Z0,zz,4", "z0,1000,4",
                          "G00", "P1f=00", "M1000,1:00", "X1000,1:a", "c1000", "s1000",
                          "P1f=zz", "P99=00", "P1f=0011", "M1000,2:00", "M1000,1:zz", "Mzz,1:00",
                          "X1000,2:a", "X1000,1", "qRcmd,00",
                          "vCont;x", "vCont;", "qRcmd,6", "qRcmd,zz", "qXfer:features:read:target.xml:zz",
                          "qXfer:features:read:target.xml:0" };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *r = ask(bad[i], NULL);
        cr_assert(r[0] == 'E', "%s: \"%s\"", bad[i], r);
    }
    /* Unknown packets: the empty reply. */
    assert_reply("qUnknownThing", "");
    assert_reply("vFile:open:x", "");
    assert_reply("Z7,1000,4", "");
    /* Memory outside RAM: an error, not a crash. */
    assert_reply("m0,4", "E14");
    /* The position did not move. */
    cr_assert_eq(rr_travel_icount(travel), 0);
}

Test(gdb_commands, breakpoints_forwards_and_backwards)
{
    g_autofree char *z = g_strdup_printf("Z0,%" G_GINT64_MODIFIER "x,4", tick);
    assert_reply(z, "OK");
    uint64_t calls[4];
    for (int i = 0; i < 4; i++) {
        assert_reply("c", "T05swbreak:;thread:1;");
        cr_assert_eq(reg(GDB_REG_PC), tick);
        calls[i] = rr_travel_icount(travel);
        cr_assert_eq(reg(0) & 0xffffffff, 3000u * (unsigned)i);
    }
    assert_reply("c", "T05replaylog:end;thread:1;");
    cr_assert_eq(rr_travel_icount(travel), end_icount);
    for (int i = 3; i >= 0; i--) {
        assert_reply("bc", "T05swbreak:;thread:1;");
        cr_assert_eq(rr_travel_icount(travel), calls[i]);
    }
    assert_reply("bc", "T05replaylog:begin;thread:1;");
    assert_reply("bs", "T05replaylog:begin;thread:1;");
    /* Steps: forwards one, back one, to the same PC. */
    assert_reply("s", "T05thread:1;");
    uint64_t pc1 = reg(GDB_REG_PC);
    assert_reply("vCont;s:1", "T05thread:1;");
    assert_reply("bs", "T05thread:1;");
    cr_assert_eq(reg(GDB_REG_PC), pc1);
    g_autofree char *zr = g_strdup_printf("z0,%" G_GINT64_MODIFIER "x,4", tick);
    assert_reply(zr, "OK");
    assert_reply(zr, "E01");                         /* no longer set */
    assert_reply("vCont;c", "T05replaylog:end;thread:1;");
}

/* The corrupting store, found backwards from the end with a write
 * watchpoint: gdb gets watch:ADDR with the machine just after the store,
 * steps back over it (as it does for AArch64 watchpoints) and is before
 * it, on the store. */
Test(gdb_commands, reverse_watchpoint_on_the_corrupted_global)
{
    assert_reply("c", "T05replaylog:end;thread:1;");
    cr_assert_eq(mem32(victim), 0xdeadbeef);
    g_autofree char *z = g_strdup_printf("Z2,%" G_GINT64_MODIFIER "x,4", victim);
    assert_reply(z, "OK");
    g_autofree char *want = g_strdup_printf("T05watch:%" G_GINT64_MODIFIER "x;thread:1;", victim);
    assert_reply("bc", want);
    cr_assert_eq(mem32(victim), 0xdeadbeef, "reported just after the store");
    assert_reply("bs", "T05thread:1;");
    cr_assert_eq(mem32(victim), 3000, "stepped back over it: before the store");
    uint64_t store_pc = reg(GDB_REG_PC);
    /* Forwards, the hit is reported before the store; gdb steps over it. */
    assert_reply("bs", "T05thread:1;");
    assert_reply("c", want);
    cr_assert_eq(reg(GDB_REG_PC), store_pc, "forwards: before the store");
    cr_assert_eq(mem32(victim), 3000);
    assert_reply("s", "T05thread:1;");
    cr_assert_eq(mem32(victim), 0xdeadbeef);
    /* An access watchpoint reports awatch. */
    g_autofree char *zr = g_strdup_printf("z2,%" G_GINT64_MODIFIER "x,4", victim);
    assert_reply(zr, "OK");
    g_autofree char *za = g_strdup_printf("Z4,%" G_GINT64_MODIFIER "x,4", victim);
    assert_reply(za, "OK");
    g_autofree char *wa = g_strdup_printf("T05awatch:%" G_GINT64_MODIFIER "x;thread:1;", victim);
    assert_reply("bc", wa);
}

Test(gdb_commands, monitor_commands)
{
    g_autofree char *info = monitor("info replay");
    g_autofree char *want = g_strdup_printf("replaying, icount 0 of %" G_GUINT64_FORMAT " (0.0%%)\n",
                                            end_icount);
    cr_assert_str_eq(info, want);
    /* The command table's answer (cli/commands.c), through the stub. */
    g_autofree char *seek = monitor("seek 5000");
    cr_assert_eq(rr_travel_icount(travel), 5000);
    g_autofree char *seek_want = g_strdup_printf("icount 5000, pc 0x%" G_GINT64_MODIFIER "x\n",
                                                 emu_cpu_pc(emu_machine_cpu(machine)));
    cr_assert_str_eq(seek, seek_want);
    g_autofree char *rb = monitor("replay_break 20000");
    cr_assert_str_eq(rb, "replay_break at icount 20000\n");
    assert_reply("c", "T05thread:1;");
    cr_assert_eq(rr_travel_icount(travel), 20000);
    g_autofree char *del = monitor("replay_delete_break");
    g_autofree char *save = monitor("savevm here");
    cr_assert(strstr(save, "savevm here: done, icount 20000"), "%s", save);
    g_autofree char *seek2 = monitor("seek 100");
    g_autofree char *load = monitor("loadvm here");
    cr_assert(strstr(load, "loadvm here: done, icount 20000"), "%s", load);
    cr_assert_eq(rr_travel_icount(travel), 20000);
    g_autofree char *list = monitor("info snapshots");
    cr_assert(strstr(list, "automatic snapshots:") && strstr(list, "here"), "%s", list);
    g_autofree char *bad = monitor("seek soon");
    cr_assert_str_eq(bad, "seek: \"soon\" is not an icount\n");
    g_autofree char *unknown = monitor("frobnicate");
    cr_assert_str_eq(unknown, "unknown command \"frobnicate\" (help lists them)\n");
}
