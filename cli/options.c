/* cli/options.c — see options.h. */
#include "cli/options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "emu/errors.h"
#include "emu/machine.h"
#include "gdbstub/transport.h"
#include "snapshots/store.h"

const char cli_machine_options_help[] =
    "  -m SIZE             guest RAM (default 128M; suffix K, M, G; a bare number is MiB)\n"
    "  -semihosting        enable Arm semihosting (HLT #0xf000): console output, exit status\n"
    "  -serial DEV         where the PL011 goes: stdio (default), file:PATH, none\n"
    "  -no-reboot          exit instead of rebooting on PSCI SYSTEM_RESET\n"
    "  -append TEXT        the guest command line (semihosting SYS_GET_CMDLINE)\n"
    "  -kernel FILE        the program to run (same as giving it as the last argument)\n"
    "  -icount [shift=]N|auto[,sleep=on|off][,rr=record|replay,rrfile=DIR]\n"
    "          [,sync-interval=N][,sync-groups=G]\n"
    "                      virtual time: each instruction is 2^N ns (0..10, default\n"
    "                      0; auto means the default); sleep=on (default): while a\n"
    "                      recorded guest waits for its timer, time passes as in real\n"
    "                      life; off: at once; rr= records to or replays from the\n"
    "                      recording directory DIR (as rewind record/replay);\n"
    "                      a recording checks the machine's state every N\n"
    "                      instructions (default 4194304) in G groups (a power of\n"
    "                      two up to 4096 dividing N, default 64): smaller groups\n"
    "                      locate a divergence more closely, for a larger log\n"
    "  -gdb DEV            wait for gdb on DEV: tcp::PORT (127.0.0.1), tcp:HOST:PORT,\n"
    "                      unix:PATH (record and replay)\n"
    "  -s                  the same as -gdb tcp::1234\n"
    "  -S                  start stopped at the first instruction, for gdb (with\n"
    "                      -gdb, a replay always starts so)\n"
    "  -snapshot-budget SIZE|N%\n"
    "                      memory for the snapshots time travel keeps (default a\n"
    "                      quarter of host RAM): 512M, 2G, 10%\n"
    "  --stats             print instructions retired, time and speed on stderr at exit\n";

const char cli_session_options_help[] =
    "  -i                  rewind's prompt: travel in the run with the commands of\n"
    "                      `help` (seek, rsi, continue, rc, break, watch, x,\n"
    "                      assert...); replay opens it by itself on a terminal\n"
    "  --script FILE       run the commands in FILE (- for stdin) instead, one a line,\n"
    "                      stopping at the first that fails: besides the prompt's,\n"
    "                      send \"TEXT\", expect-output \"TEXT\" [timeout N],\n"
    "                      assert EXPR, echo TEXT (README: Prompt and scripts)\n";

void cli_machine_options_init(CliMachineOptions *o)
{
    memset(o, 0, sizeof *o);
    o->ram_size = EMU_DEFAULT_RAM;
    o->serial = CLI_SERIAL_STDIO;
    o->icount_shift = EMU_DEFAULT_ICOUNT_SHIFT;
    o->icount_sleep = true;
}

void cli_machine_options_clear(CliMachineOptions *o)
{
    g_free(o->serial_path);
    g_free(o->append);
    g_free(o->kernel);
    g_free(o->rr_file);
    g_free(o->gdb);
    g_free(o->script);
    memset(o, 0, sizeof *o);
}

bool cli_parse_size(const char *s, uint64_t *bytes)
{
    char *end;
    errno = 0;
    if (!*s || *s == '-')
        return false;
    double v = strtod(s, &end);
    if (errno || end == s || v <= 0)
        return false;
    double unit = 1024.0 * 1024.0;
    if (*end) {
        switch (g_ascii_toupper(*end)) {
        case 'B': unit = 1; break;
        case 'K': unit = 1024.0; break;
        case 'M': unit = 1024.0 * 1024.0; break;
        case 'G': unit = 1024.0 * 1024.0 * 1024.0; break;
        case 'T': unit = 1024.0 * 1024.0 * 1024.0 * 1024.0; break;
        default: return false;
        }
        if (end[1] && !(g_ascii_toupper(end[1]) == 'B' && !end[2]) &&
            !(g_ascii_toupper(end[1]) == 'I' && g_ascii_toupper(end[2]) == 'B' && !end[3]))
            return false;
    }
    double b = v * unit;
    if (b >= 18446744073709551616.0)
        return false;
    *bytes = (uint64_t)b;
    return true;
}

/* QEMU caps the shift at 10 (about 1 MIPS of virtual time). */
#define MAX_ICOUNT_SHIFT 10

/* -icount: "N", "auto", or comma-separated suboptions of which rewind knows
 * shift=N|auto, rr=record|replay and rrfile=PATH (QEMU's spelling of
 * rewind record -o PATH and rewind replay PATH). */
static bool parse_icount(CliMachineOptions *o, const char *arg, GError **err)
{
    gchar **parts = g_strsplit(arg, ",", -1);
    bool ok = parts[0] != NULL;
    for (gchar **p = parts; ok && *p; p++) {
        const char *v = *p;
        if (g_str_has_prefix(v, "rr=")) {
            if (!strcmp(v + 3, "record") || !strcmp(v + 3, "replay")) {
                o->rr_mode = !strcmp(v + 3, "record") ? CLI_RR_RECORD : CLI_RR_REPLAY;
                continue;
            }
            g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG,
                        "-icount %s: rr must be record or replay", arg);
            ok = false;
            break;
        }
        if (g_str_has_prefix(v, "sleep=")) {
            if (strcmp(v + 6, "on") && strcmp(v + 6, "off")) {
                g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG,
                            "-icount %s: sleep must be on or off", arg);
                ok = false;
                break;
            }
            o->icount_sleep = !strcmp(v + 6, "on");
            continue;
        }
        if (g_str_has_prefix(v, "sync-interval=") || g_str_has_prefix(v, "sync-groups=")) {
            bool interval = v[5] == 'i';
            const char *num = strchr(v, '=') + 1;
            char *end;
            errno = 0;
            guint64 n = g_ascii_strtoull(num, &end, 10);
            bool good = g_ascii_isdigit(*num) && !*end && !errno && n > 0 &&
                        (interval || (n <= 4096 && (n & (n - 1)) == 0));
            if (!good) {
                g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG, "-icount %s: %s", arg,
                            interval ? "sync-interval must be a number of instructions above 0"
                                     : "sync-groups must be a power of two from 1 to 4096");
                ok = false;
                break;
            }
            if (interval)
                o->sync_interval = n;
            else
                o->sync_groups = (uint32_t)n;
            continue;
        }
        if (g_str_has_prefix(v, "rrfile=")) {
            g_free(o->rr_file);
            o->rr_file = g_strdup(v + 7);
            continue;
        }
        if (g_str_has_prefix(v, "shift="))
            v += 6;
        else if (p != parts) {
            g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG,
                        "-icount %s: unknown suboption \"%s\" (rewind knows shift=N|auto, "
                        "sleep=on|off, rr=record|replay, rrfile=PATH, sync-interval=N, "
                        "sync-groups=G)", arg, v);
            ok = false;
            break;
        }
        if (!strcmp(v, "auto")) {
            o->icount_shift = EMU_DEFAULT_ICOUNT_SHIFT;
            continue;
        }
        char *end;
        errno = 0;
        unsigned long n = strtoul(v, &end, 10);
        if (!*v || *end || errno || !g_ascii_isdigit(*v) || n > MAX_ICOUNT_SHIFT) {
            g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG,
                        "-icount %s: shift must be a number from 0 to %d, or auto", arg,
                        MAX_ICOUNT_SHIFT);
            ok = false;
            break;
        }
        o->icount_shift = (unsigned)n;
    }
    if (!parts[0])
        g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG, "-icount: empty argument (try -icount shift=0)");
    else if (ok && (o->rr_mode != CLI_RR_NONE) != (o->rr_file && *o->rr_file)) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG, "-icount %s: rr= and rrfile= go together", arg);
        ok = false;
    } else if (ok && o->sync_interval && o->sync_groups && o->sync_interval % o->sync_groups) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG, "-icount %s: sync-groups must divide "
                    "sync-interval", arg);
        ok = false;
    }
    g_strfreev(parts);
    return ok;
}

static const char *need_arg(int argc, char **argv, int *i, GError **err)
{
    if (*i + 1 >= argc) {
        g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG, "option %s needs an argument", argv[*i]);
        return NULL;
    }
    return argv[++*i];
}

int cli_machine_option(CliMachineOptions *o, int argc, char **argv, int *i, GError **err)
{
    const char *opt = argv[*i], *arg;
    if (!strcmp(opt, "-m")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        /* QEMU also accepts "size=128M". */
        const char *v = g_str_has_prefix(arg, "size=") ? arg + 5 : arg;
        if (!cli_parse_size(v, &o->ram_size) || o->ram_size % 4096) {
            g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG,
                        "-m %s: not a memory size (examples: 128M, 1G, 512)", arg);
            return -1;
        }
        return 1;
    }
    if (!strcmp(opt, "-semihosting")) {
        o->semihosting = true;
        return 1;
    }
    if (!strcmp(opt, "-no-reboot")) {
        o->no_reboot = true;
        return 1;
    }
    if (!strcmp(opt, "--stats")) {
        o->stats = true;
        return 1;
    }
    if (!strcmp(opt, "-serial")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        g_clear_pointer(&o->serial_path, g_free);
        if (!strcmp(arg, "stdio") || !strcmp(arg, "mon:stdio")) {
            o->serial = CLI_SERIAL_STDIO;
        } else if (!strcmp(arg, "none") || !strcmp(arg, "null")) {
            o->serial = CLI_SERIAL_NONE;
        } else if (g_str_has_prefix(arg, "file:") && arg[5]) {
            o->serial = CLI_SERIAL_FILE;
            o->serial_path = g_strdup(arg + 5);
        } else {
            g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG,
                        "-serial %s: unknown backend (use stdio, file:PATH or none)", arg);
            return -1;
        }
        return 1;
    }
    if (!strcmp(opt, "-append")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        g_free(o->append);
        o->append = g_strdup(arg);
        return 1;
    }
    if (!strcmp(opt, "-icount")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        return parse_icount(o, arg, err) ? 1 : -1;
    }
    if (!strcmp(opt, "-s")) {
        g_free(o->gdb);
        o->gdb = g_strdup("tcp::1234");
        return 1;
    }
    if (!strcmp(opt, "-snapshot-budget")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        GError *e = NULL;
        if (!snap_store_parse_budget(arg, &o->snapshot_budget, &e)) {
            g_set_error(err, EMU_ERROR, EMU_ERROR_CONFIG, "-snapshot-budget %s: %s", arg,
                        e->message);
            g_error_free(e);
            return -1;
        }
        return 1;
    }
    if (!strcmp(opt, "-S")) {
        o->start_stopped = true;
        return 1;
    }
    if (!strcmp(opt, "-gdb")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        GdbTransportSpec spec;
        if (!gdb_transport_spec_parse(arg, &spec, err))
            return -1;
        gdb_transport_spec_clear(&spec);
        g_free(o->gdb);
        o->gdb = g_strdup(arg);
        return 1;
    }
    if (!strcmp(opt, "-i")) {
        o->interactive = true;
        return 1;
    }
    if (!strcmp(opt, "--script")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        g_free(o->script);
        o->script = g_strdup(arg);
        return 1;
    }
    if (!strcmp(opt, "-kernel")) {
        if (!(arg = need_arg(argc, argv, i, err)))
            return -1;
        g_free(o->kernel);
        o->kernel = g_strdup(arg);
        return 1;
    }
    return 0;
}
