/* tests/cli/test_options.c — machine option parsing. */
#include <criterion/criterion.h>
#include <string.h>

#include "cli/options.h"
#include "emu/machine.h"

TestSuite(options, .timeout = 10);

Test(options, sizes_follow_qemu_syntax)
{
    struct { const char *in; uint64_t out; } ok[] = {
        { "128M", 128ull << 20 }, { "1G", 1ull << 30 }, { "512", 512ull << 20 },
        { "64k", 64ull << 10 }, { "2g", 2ull << 30 }, { "1.5G", 3ull << 29 },
        { "256MiB", 256ull << 20 }, { "4096B", 4096 },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        uint64_t v = 0;
        cr_assert(cli_parse_size(ok[i].in, &v), "%s", ok[i].in);
        cr_assert_eq(v, ok[i].out, "%s", ok[i].in);
    }
    const char *bad[] = { "", "foo", "-1", "12Q", "0", "1Mx", "M" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint64_t v;
        cr_assert_not(cli_parse_size(bad[i], &v), "%s", bad[i]);
    }
}

static int parse(CliMachineOptions *o, int argc, char **argv, GError **err)
{
    int i = 0;
    return cli_machine_option(o, argc, argv, &i, err);
}

Test(options, serial_backends)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    GError *err = NULL;
    char *a[] = { "-serial", "file:/tmp/x.txt" };
    cr_assert_eq(parse(&o, 2, a, &err), 1);
    cr_assert_eq(o.serial, CLI_SERIAL_FILE);
    cr_assert_str_eq(o.serial_path, "/tmp/x.txt");
    char *b[] = { "-serial", "none" };
    cr_assert_eq(parse(&o, 2, b, &err), 1);
    cr_assert_eq(o.serial, CLI_SERIAL_NONE);
    char *c[] = { "-serial", "tcp:1234" };
    cr_assert_eq(parse(&o, 2, c, &err), -1);
    cr_assert(strstr(err->message, "unknown backend") != NULL);
    g_clear_error(&err);
    cli_machine_options_clear(&o);
}

Test(options, missing_argument_is_an_error)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    GError *err = NULL;
    char *a[] = { "-m" };
    cr_assert_eq(parse(&o, 1, a, &err), -1);
    cr_assert(strstr(err->message, "needs an argument") != NULL);
    g_clear_error(&err);
    cli_machine_options_clear(&o);
}

Test(options, unknown_option_is_not_consumed)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    char *a[] = { "-frobnicate" };
    cr_assert_eq(parse(&o, 1, a, NULL), 0);
    cli_machine_options_clear(&o);
}

Test(options, icount_shift_follows_qemu_syntax)
{
    struct { const char *in; unsigned shift; } ok[] = {
        { "0", 0 }, { "3", 3 }, { "shift=7", 7 }, { "shift=auto", EMU_DEFAULT_ICOUNT_SHIFT },
        { "auto", EMU_DEFAULT_ICOUNT_SHIFT }, { "shift=10", 10 },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        CliMachineOptions o;
        cli_machine_options_init(&o);
        GError *err = NULL;
        char *argv[] = { "-icount", (char *)ok[i].in };
        cr_assert_eq(parse(&o, 2, argv, &err), 1, "%s: %s", ok[i].in, err ? err->message : "");
        cr_assert_eq(o.icount_shift, ok[i].shift, "%s", ok[i].in);
        cli_machine_options_clear(&o);
    }
    struct { const char *in, *msg; } bad[] = {
        { "11", "-icount 11: shift must be a number from 0 to 10, or auto" },
        { "shift=-1", "-icount shift=-1: shift must be a number from 0 to 10, or auto" },
        { "shift=", "-icount shift=: shift must be a number from 0 to 10, or auto" },
        { "x", "-icount x: shift must be a number from 0 to 10, or auto" },
        { "shift=2,align=on", "-icount shift=2,align=on: unknown suboption \"align=on\" (rewind knows "
                              "shift=N|auto, sleep=on|off, rr=record|replay, rrfile=PATH, sync-interval=N, "
                              "sync-groups=G)" },
        { "sleep=maybe", "-icount sleep=maybe: sleep must be on or off" },
        { "rr=play,rrfile=x", "-icount rr=play,rrfile=x: rr must be record or replay" },
        { "rr=record", "-icount rr=record: rr= and rrfile= go together" },
        { "shift=1,rrfile=x", "-icount shift=1,rrfile=x: rr= and rrfile= go together" },
        { "", "-icount: empty argument (try -icount shift=0)" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CliMachineOptions o;
        cli_machine_options_init(&o);
        GError *err = NULL;
        char *argv[] = { "-icount", (char *)bad[i].in };
        cr_assert_eq(parse(&o, 2, argv, &err), -1, "%s", bad[i].in);
        cr_assert_str_eq(err->message, bad[i].msg);
        g_error_free(err);
        cli_machine_options_clear(&o);
    }
}

Test(options, icount_rr_is_qemus_spelling_of_record_and_replay)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    GError *err = NULL;
    char *argv[] = { "-icount", "shift=auto,rr=replay,rrfile=rec dir" };
    cr_assert_eq(parse(&o, 2, argv, &err), 1, "%s", err ? err->message : "");
    cr_assert_eq(o.rr_mode, CLI_RR_REPLAY);
    cr_assert_str_eq(o.rr_file, "rec dir");
    cr_assert_eq(o.icount_shift, EMU_DEFAULT_ICOUNT_SHIFT);
    cr_assert(o.icount_sleep);
    char *off[] = { "-icount", "sleep=off" };
    cr_assert_eq(parse(&o, 2, off, &err), 1);
    cr_assert_not(o.icount_sleep);
    cli_machine_options_clear(&o);
}

Test(options, icount_sync_interval_and_groups)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    GError *err = NULL;
    char *ok[] = { "-icount", "shift=0,sync-interval=4096,sync-groups=4096" };
    cr_assert_eq(parse(&o, 2, ok, &err), 1, "%s", err ? err->message : "");
    cr_assert_eq(o.sync_interval, 4096);
    cr_assert_eq(o.sync_groups, 4096);
    cli_machine_options_clear(&o);
    struct { const char *in, *msg; } bad[] = {
        { "sync-groups=3", "-icount sync-groups=3: sync-groups must be a power of two from 1 to 4096" },
        { "sync-groups=8192", "-icount sync-groups=8192: sync-groups must be a power of two from 1 to 4096" },
        { "sync-interval=0", "-icount sync-interval=0: sync-interval must be a number of instructions above 0" },
        { "sync-interval=x", "-icount sync-interval=x: sync-interval must be a number of instructions above 0" },
        { "sync-interval=100,sync-groups=8", "-icount sync-interval=100,sync-groups=8: sync-groups must divide sync-interval" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cli_machine_options_init(&o);
        char *argv[] = { "-icount", (char *)bad[i].in };
        cr_assert_eq(parse(&o, 2, argv, &err), -1, "%s", bad[i].in);
        cr_assert_str_eq(err->message, bad[i].msg);
        g_clear_error(&err);
        cli_machine_options_clear(&o);
    }
}

Test(options, gdb_addresses)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    GError *err = NULL;
    char *s[] = { "-s" };
    cr_assert_eq(parse(&o, 1, s, &err), 1);
    cr_assert_str_eq(o.gdb, "tcp::1234");
    char *g[] = { "-gdb", "unix:/tmp/rewind-gdb.sock" };
    cr_assert_eq(parse(&o, 2, g, &err), 1, "%s", err ? err->message : "");
    cr_assert_str_eq(o.gdb, "unix:/tmp/rewind-gdb.sock");
    char *S[] = { "-S" };
    cr_assert_eq(parse(&o, 1, S, &err), 1);
    cr_assert(o.start_stopped);
    char *bad[] = { "-gdb", "tcp:nope" };
    cr_assert_eq(parse(&o, 2, bad, &err), -1);
    cr_assert(strstr(err->message, "tcp:nope"), "%s", err->message);
    g_clear_error(&err);
    char *missing[] = { "-gdb" };
    cr_assert_eq(parse(&o, 1, missing, &err), -1);
    g_clear_error(&err);
    cli_machine_options_clear(&o);
}

Test(options, snapshot_budget)
{
    CliMachineOptions o;
    cli_machine_options_init(&o);
    GError *err = NULL;
    char *ok[] = { "-snapshot-budget", "512M" };
    cr_assert_eq(parse(&o, 2, ok, &err), 1, "%s", err ? err->message : "");
    cr_assert_eq(o.snapshot_budget, 512ull << 20);
    char *bad[] = { "-snapshot-budget", "lots" };
    cr_assert_eq(parse(&o, 2, bad, &err), -1);
    cr_assert(g_str_has_prefix(err->message, "-snapshot-budget lots: "), "%s", err->message);
    g_clear_error(&err);
    cli_machine_options_clear(&o);
}
