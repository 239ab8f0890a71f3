/* cli/commands.c — see commands.h. */
#include "cli/commands.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

typedef struct Point {
    unsigned num;
    bool watch;
    EmuWatch w;                  /* watch */
    uint64_t addr;               /* break */
} Point;

struct CliCommands {
    RrTravel *t;
    EmuMachine *m;
    char *named;
    GArray *points;              /* Point */
    unsigned next_num;
    bool quit;
};

typedef bool (*Run)(CliCommands *c, int argc, char **argv, GString *out);

typedef struct Command {
    const char *name;
    const char *aliases;         /* space-separated, or NULL */
    const char *args;            /* the syntax, for help and usage errors */
    const char *help;
    int min_args, max_args;      /* words after the name */
    Run run;
} Command;

static const Command *table(size_t *n);

CliCommands *cli_commands_new(RrTravel *t, EmuMachine *m, const char *named)
{
    CliCommands *c = g_new0(CliCommands, 1);
    c->t = t;
    c->m = m;
    c->named = g_strdup(named);
    c->points = g_array_new(false, false, sizeof(Point));
    c->next_num = 1;
    return c;
}

void cli_commands_free(CliCommands *c)
{
    if (!c)
        return;
    g_array_unref(c->points);
    g_free(c->named);
    g_free(c);
}

bool cli_commands_quit(const CliCommands *c) { return c->quit; }

char *cli_commands_monitor(void *opaque, const char *line)
{
    GString *out = g_string_new(NULL);
    cli_commands_run(opaque, line, out);
    return g_string_free(out, false);
}

/* ---- Helpers ------------------------------------------------------------- */

static bool fail(GString *out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static bool fail(GString *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_string_append_vprintf(out, fmt, ap);
    va_end(ap);
    g_string_append_c(out, '\n');
    return false;
}

/* A number: decimal, or hex with 0x. */
static bool number(const char *s, uint64_t *v)
{
    char *end;
    if (!s || !g_ascii_isdigit(*s))
        return false;
    errno = 0;
    *v = g_ascii_strtoull(s, &end, 0);
    return !*end && errno == 0;
}

static EmuCpu *cpu(CliCommands *c) { return emu_machine_cpu(c->m); }

static void where(CliCommands *c, GString *out)
{
    g_string_append_printf(out, "icount %" PRIu64 ", pc 0x%" PRIx64 "\n",
                           rr_travel_icount(c->t), emu_cpu_pc(cpu(c)));
}

static void sync_points(CliCommands *c)
{
    GArray *bps = g_array_new(false, false, sizeof(uint64_t));
    GArray *ws = g_array_new(false, false, sizeof(EmuWatch));
    for (guint i = 0; i < c->points->len; i++) {
        const Point *p = &g_array_index(c->points, Point, i);
        if (p->watch)
            g_array_append_val(ws, p->w);
        else
            g_array_append_val(bps, p->addr);
    }
    rr_travel_set_breakpoints(c->t, (const uint64_t *)(void *)bps->data, bps->len);
    rr_travel_set_watchpoints(c->t, (const EmuWatch *)(void *)ws->data, ws->len);
    g_array_unref(bps);
    g_array_unref(ws);
}

/* The user's number of the point a hit belongs to (0 if none matches). */
static unsigned point_of(const CliCommands *c, const RrTravelHit *hit)
{
    for (guint i = 0; i < c->points->len; i++) {
        const Point *p = &g_array_index(c->points, Point, i);
        if (!p->watch && hit->kind == RR_HIT_BREAKPOINT && p->addr == hit->pc)
            return p->num;
        if (p->watch && hit->kind != RR_HIT_BREAKPOINT && p->w.va < hit->addr + hit->size &&
            hit->addr < p->w.va + p->w.len)
            return p->num;
    }
    return 0;
}

/* Say where a run stopped and why; false for a failure. */
static bool report(CliCommands *c, RrTravelResult r, const RrTravelHit *hit, GError *err,
                   GString *out)
{
    switch (r) {
    case RR_TRAVEL_FAILED:
        fail(out, "%s", err ? err->message : "the replay failed");
        g_clear_error(&err);
        return false;
    case RR_TRAVEL_INTERRUPTED:
        g_string_append(out, "interrupted: ");
        break;
    case RR_TRAVEL_AT_START:
        g_string_append(out, "the start of the recording: ");
        break;
    case RR_TRAVEL_AT_END:
        g_string_append(out, "the end of the recording: ");
        break;
    case RR_TRAVEL_STOPPED:
        if (hit->kind == RR_HIT_BREAKPOINT)
            g_string_append_printf(out, "breakpoint %u: ", point_of(c, hit));
        else
            g_string_append_printf(out, "watchpoint %u: %s of %u bytes at 0x%" PRIx64
                                   " by pc 0x%" PRIx64 " (icount %" PRIu64 "); now ",
                                   point_of(c, hit), hit->kind == RR_HIT_WRITE ? "write" : "read",
                                   hit->size, hit->addr, hit->pc, hit->icount);
        break;
    case RR_TRAVEL_REACHED:
        break;
    }
    where(c, out);
    g_clear_error(&err);
    return true;
}

/* ---- Commands ------------------------------------------------------------ */

static bool cmd_help(CliCommands *c, int argc, char **argv, GString *out)
{
    size_t n;
    const Command *t = table(&n);
    for (size_t i = 0; i < n; i++) {
        if (argc == 1 && strcmp(argv[0], t[i].name) != 0)
            continue;
        g_autofree char *head = g_strdup_printf("%s%s%s", t[i].name, t[i].args[0] ? " " : "",
                                                t[i].args);
        g_string_append_printf(out, "  %-28s %s%s%s%s\n", head, t[i].help,
                               t[i].aliases ? " (also: " : "", t[i].aliases ? t[i].aliases : "",
                               t[i].aliases ? ")" : "");
        if (argc == 1)
            return true;
    }
    if (argc == 1)
        return fail(out, "help: no command \"%s\"", argv[0]);
    return true;
}

static bool cmd_info(CliCommands *c, int argc, char **argv, GString *out)
{
    const char *what = argv[0];
    if (!strcmp(what, "replay") && argc == 1) {
        g_string_append_printf(out, "%s, icount %" PRIu64 " of %" PRIu64 "\n",
                               rr_travel_live(c->t) ? "recording" : "replaying",
                               rr_travel_icount(c->t), rr_travel_end(c->t));
        return true;
    }
    if (!strcmp(what, "snapshots") && argc == 1) {
        g_string_append_printf(out, "automatic snapshots: %zu, %zu bytes\n",
                               rr_travel_snapshot_count(c->t), rr_travel_snapshot_bytes(c->t));
        if (c->named && g_file_test(c->named, G_FILE_TEST_EXISTS)) {
            GError *err = NULL;
            SnapNamed *n = snap_named_open(c->named, 0, &err);
            if (!n) {
                fail(out, "info snapshots: %s", err->message);
                g_error_free(err);
                return false;
            }
            g_autofree char *list = snap_named_format_list(n);
            g_string_append_printf(out, "named snapshots:\n%s", list);
            snap_named_free(n);
        }
        return true;
    }
    if ((!strcmp(what, "breakpoints") || !strcmp(what, "watchpoints")) && argc == 1) {
        if (!c->points->len)
            g_string_append(out, "no breakpoints or watchpoints\n");
        for (guint i = 0; i < c->points->len; i++) {
            const Point *p = &g_array_index(c->points, Point, i);
            if (p->watch)
                g_string_append_printf(out, "%u  watchpoint (%s) 0x%" PRIx64 ", %" PRIu64
                                       " bytes\n", p->num, p->w.read && p->w.write ? "access"
                                       : p->w.read ? "read" : "write", p->w.va, p->w.len);
            else
                g_string_append_printf(out, "%u  breakpoint 0x%" PRIx64 "\n", p->num, p->addr);
        }
        return true;
    }
    if (!strcmp(what, "registers") && argc <= 2) {
        static const char *const named[] = { "sp", "pc", "cpsr", "fpsr", "fpcr" };
        EmuCpu *u = cpu(c);
        const uint64_t vals[] = { emu_cpu_sp(u), emu_cpu_pc(u), emu_cpu_pstate(u),
                                  emu_cpu_fpsr(u), emu_cpu_fpcr(u) };
        const char *reg = argc == 2 ? argv[1] : NULL;
        bool found = false;
        for (unsigned i = 0; i < 31; i++) {
            char name[8];
            g_snprintf(name, sizeof name, "x%u", i);
            if (!reg || !strcmp(reg, name)) {
                g_string_append_printf(out, "%-5s 0x%016" PRIx64 "\n", name, emu_cpu_x(u, i));
                found = true;
            }
        }
        for (size_t i = 0; i < G_N_ELEMENTS(named); i++)
            if (!reg || !strcmp(reg, named[i]) || (i == 2 && !strcmp(reg, "pstate"))) {
                g_string_append_printf(out, "%-5s 0x%016" PRIx64 "\n", named[i], vals[i]);
                found = true;
            }
        for (unsigned i = 0; reg && i < 32; i++) {
            char name[8];
            g_snprintf(name, sizeof name, "v%u", i);
            if (!strcmp(reg, name)) {
                uint64_t v[2];
                emu_cpu_v(u, i, v);
                g_string_append_printf(out, "%-5s 0x%016" PRIx64 "%016" PRIx64 "\n", name, v[1],
                                       v[0]);
                found = true;
            }
        }
        if (!found)
            return fail(out, "info registers: no register \"%s\" (x0-x30, sp, pc, cpsr, fpsr, "
                        "fpcr, v0-v31)", reg);
        return true;
    }
    return fail(out, "info %s: unknown; info knows replay, snapshots, breakpoints, registers [REG]",
                what);
}

static bool cmd_seek(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t v;
    if (!number(argv[0], &v))
        return fail(out, "seek: \"%s\" is not an icount", argv[0]);
    if (v > rr_travel_end(c->t) && !rr_travel_live(c->t))
        return fail(out, "seek: icount %" PRIu64 " is past the end of the recording (%" PRIu64
                    ")", v, rr_travel_end(c->t));
    GError *err = NULL;
    return report(c, rr_travel_seek(c->t, v, &err), NULL, err, out);
}

static bool count_arg(int argc, char **argv, uint64_t *n, const char *cmd, GString *out)
{
    *n = 1;
    if (argc == 1 && (!number(argv[0], n) || *n == 0))
        return fail(out, "%s: \"%s\" is not a count of instructions", cmd, argv[0]);
    return true;
}

static bool cmd_stepi(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t n;
    if (!count_arg(argc, argv, &n, "stepi", out))
        return false;
    GError *err = NULL;
    return report(c, rr_travel_step(c->t, n, &err), NULL, err, out);
}

static bool cmd_rsi(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t n;
    if (!count_arg(argc, argv, &n, "rsi", out))
        return false;
    GError *err = NULL;
    return report(c, rr_travel_step_back(c->t, n, &err), NULL, err, out);
}

static bool cmd_continue(CliCommands *c, int argc, char **argv, GString *out)
{
    GError *err = NULL;
    RrTravelHit hit;
    return report(c, rr_travel_continue(c->t, &hit, &err), &hit, err, out);
}

static bool cmd_rc(CliCommands *c, int argc, char **argv, GString *out)
{
    GError *err = NULL;
    RrTravelHit hit;
    return report(c, rr_travel_reverse_continue(c->t, &hit, &err), &hit, err, out);
}

static bool cmd_break(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t addr;
    if (!number(argv[0], &addr))
        return fail(out, "break: \"%s\" is not an address", argv[0]);
    Point p = { .num = c->next_num++, .addr = addr };
    g_array_append_val(c->points, p);
    sync_points(c);
    g_string_append_printf(out, "breakpoint %u at 0x%" PRIx64 "\n", p.num, addr);
    return true;
}

static bool cmd_watch(CliCommands *c, int argc, char **argv, GString *out)
{
    bool read = false, write = true;
    int i = 0;
    if (!strcmp(argv[0], "-r"))
        read = true, write = false, i++;
    else if (!strcmp(argv[0], "-a"))
        read = true, i++;
    uint64_t addr, len = 4;
    if (i >= argc || !number(argv[i], &addr))
        return fail(out, "watch: \"%s\" is not an address", i < argc ? argv[i] : "");
    if (i + 1 < argc && (!number(argv[i + 1], &len) || len == 0 || len > 4096))
        return fail(out, "watch: \"%s\" is not a length from 1 to 4096", argv[i + 1]);
    if (i + 2 < argc)
        return fail(out, "watch: too many arguments (watch [-r|-a] ADDR [LEN])");
    Point p = { .num = c->next_num++, .watch = true,
                .w = { .va = addr, .len = len, .read = read, .write = write } };
    g_array_append_val(c->points, p);
    sync_points(c);
    g_string_append_printf(out, "watchpoint %u (%s) at 0x%" PRIx64 ", %" PRIu64 " bytes\n", p.num,
                           read && write ? "access" : read ? "read" : "write", addr, len);
    return true;
}

static bool cmd_delete(CliCommands *c, int argc, char **argv, GString *out)
{
    if (argc == 0) {
        g_array_set_size(c->points, 0);
        sync_points(c);
        g_string_append(out, "all breakpoints and watchpoints deleted\n");
        return true;
    }
    uint64_t n;
    if (!number(argv[0], &n))
        return fail(out, "delete: \"%s\" is not a breakpoint number", argv[0]);
    for (guint i = 0; i < c->points->len; i++)
        if (g_array_index(c->points, Point, i).num == n) {
            g_array_remove_index(c->points, i);
            sync_points(c);
            g_string_append_printf(out, "deleted %" PRIu64 "\n", n);
            return true;
        }
    return fail(out, "delete: no breakpoint or watchpoint %" PRIu64 " (info breakpoints lists them)",
                n);
}

static bool cmd_named(CliCommands *c, const char *cmd, const char *name, GString *out)
{
    if (!c->named)
        return fail(out, "%s: no snapshot file for this session", cmd);
    GError *err = NULL;
    SnapNamed *n = snap_named_open(c->named, SNAP_NAMED_EMPTY_SIZE, &err);
    bool ok = n != NULL;
    if (ok && !strcmp(cmd, "savevm"))
        ok = rr_travel_savevm(c->t, n, name, &err);
    else if (ok && !strcmp(cmd, "loadvm"))
        ok = rr_travel_loadvm(c->t, n, name, &err) == RR_TRAVEL_REACHED;
    else if (ok)
        ok = snap_named_delete(n, name, &err);
    if (n && ok)
        ok = snap_named_close(n, &err);
    else if (n)
        snap_named_free(n);
    if (!ok) {
        fail(out, "%s %s: %s", cmd, name, err->message);
        g_error_free(err);
        return false;
    }
    g_string_append_printf(out, "%s %s: done, ", cmd, name);
    where(c, out);
    return true;
}

static bool cmd_savevm(CliCommands *c, int argc, char **argv, GString *out) { return cmd_named(c, "savevm", argv[0], out); }
static bool cmd_loadvm(CliCommands *c, int argc, char **argv, GString *out) { return cmd_named(c, "loadvm", argv[0], out); }
static bool cmd_delvm(CliCommands *c, int argc, char **argv, GString *out) { return cmd_named(c, "delvm", argv[0], out); }

static bool cmd_quit(CliCommands *c, int argc, char **argv, GString *out)
{
    c->quit = true;
    return true;
}

static const Command commands[] = {
    { "help", NULL, "[COMMAND]", "this list, or one command's line", 0, 1, cmd_help },
    { "info", NULL, "replay|snapshots|breakpoints|registers [REG]",
      "where the replay is; snapshots; breakpoints; registers", 1, 2, cmd_info },
    { "seek", "replay_seek", "ICOUNT", "go to an icount, forwards or backwards", 1, 1, cmd_seek },
    { "stepi", "si", "[N]", "N instructions forwards (1)", 0, 1, cmd_stepi },
    { "rsi", "reverse-stepi", "[N]", "N instructions backwards (1)", 0, 1, cmd_rsi },
    { "continue", "c", "", "forwards to the next breakpoint or watchpoint hit", 0, 0, cmd_continue },
    { "rc", "reverse-continue", "", "backwards to the last breakpoint or watchpoint hit", 0, 0,
      cmd_rc },
    { "break", "b", "ADDR", "a breakpoint at an address", 1, 1, cmd_break },
    { "watch", NULL, "[-r|-a] ADDR [LEN]", "a write (-r read, -a access) watchpoint, LEN bytes (4)",
      1, 3, cmd_watch },
    { "delete", "d", "[N]", "delete breakpoint or watchpoint N, or all", 0, 1, cmd_delete },
    { "savevm", NULL, "NAME", "save this point under NAME (kept in the recording)", 1, 1,
      cmd_savevm },
    { "loadvm", NULL, "NAME", "go back to a saved point", 1, 1, cmd_loadvm },
    { "delvm", NULL, "NAME", "delete a saved point", 1, 1, cmd_delvm },
    { "quit", "q", "", "leave", 0, 0, cmd_quit },
};

static const Command *table(size_t *n)
{
    *n = G_N_ELEMENTS(commands);
    return commands;
}

const char *const *cli_commands_names(void)
{
    static const char **names;
    if (g_once_init_enter(&names)) {
        GPtrArray *a = g_ptr_array_new();
        for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
            g_ptr_array_add(a, (gpointer)commands[i].name);
            if (commands[i].aliases) {
                gchar **al = g_strsplit(commands[i].aliases, " ", -1);
                for (gchar **p = al; *p; p++)
                    g_ptr_array_add(a, *p);
                g_free(al);          /* the strings live on in the array */
            }
        }
        g_ptr_array_add(a, NULL);
        g_once_init_leave(&names, (const char **)g_ptr_array_free(a, false));
    }
    return names;
}

/* The command `word` names: exactly, by an alias, or by a prefix that only
 * one name has. */
static const Command *find(const char *word, bool *ambiguous)
{
    const Command *prefix = NULL;
    *ambiguous = false;
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        const Command *k = &commands[i];
        if (!strcmp(word, k->name))
            return k;
        if (k->aliases) {
            g_auto(GStrv) al = g_strsplit(k->aliases, " ", -1);
            for (gchar **p = al; *p; p++)
                if (!strcmp(word, *p))
                    return k;
        }
        if (g_str_has_prefix(k->name, word)) {
            *ambiguous = prefix != NULL;
            prefix = k;
        }
    }
    return *ambiguous ? NULL : prefix;
}

bool cli_commands_run(CliCommands *c, const char *line, GString *out)
{
    g_auto(GStrv) words = g_strsplit_set(line, " \t\r\n", -1);
    GPtrArray *w = g_ptr_array_new();
    for (gchar **p = words; *p; p++)
        if (**p)
            g_ptr_array_add(w, *p);
    if (!w->len) {
        g_ptr_array_free(w, true);
        return true;
    }
    bool ambiguous;
    const char *name = g_ptr_array_index(w, 0);
    const Command *k = find(name, &ambiguous);
    bool ok;
    int argc = (int)w->len - 1;
    if (!k)
        ok = fail(out, "%s command \"%s\" (help lists them)", ambiguous ? "ambiguous" : "unknown",
                  name);
    else if (argc < k->min_args || argc > k->max_args)
        ok = fail(out, "usage: %s%s%s", k->name, k->args[0] ? " " : "", k->args);
    else
        ok = k->run(c, argc, (char **)w->pdata + 1, out);
    g_ptr_array_free(w, true);
    return ok;
}
