/* cli/commands.c — see commands.h. */
#include "cli/commands.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/disas.h"
#include "cli/symbols.h"
#include "gdbstub/server.h"

enum { WATCH_SHOWN = 16 };       /* bytes of a watched range a stop report shows */

typedef struct Point {
    unsigned num;
    bool watch;
    EmuWatch w;                  /* watch */
    uint64_t addr;               /* break */
    uint8_t before[WATCH_SHOWN]; /* watch: the range when continue or rc began */
    bool before_ok;
} Point;

struct CliCommands {
    RrTravel *t;
    EmuMachine *m;
    char *named;
    CliSymbols *syms;            /* NULL: none (syms_error says why, if an ELF was given) */
    char *syms_error;
    CliDisas *disas;
    GArray *points;              /* Point */
    unsigned next_num;
    bool quit;
    char x_format;               /* x's last format and unit size, as gdb keeps them */
    unsigned x_size;
    const char *fmt;             /* the /FMT after the running command's name, or NULL */
    bool serving;                /* gdbserver is running: gdb's monitor is this table */
    bool (*interrupted)(void *opaque);   /* cli_commands_set_interrupt */
    void *interrupted_opaque;
};

void cli_commands_set_interrupt(CliCommands *c, bool (*fn)(void *opaque), void *opaque)
{
    c->interrupted = fn;
    c->interrupted_opaque = opaque;
}

bool cli_commands_interrupted(const CliCommands *c)
{
    return c->interrupted && c->interrupted(c->interrupted_opaque);
}

typedef bool (*Run)(CliCommands *c, int argc, char **argv, GString *out);
/* Add to `out` the candidates for argument `argi` (argv[0..argi-1] are
 * those before it) that start with `word`. */
typedef void (*Complete)(CliCommands *c, int argi, char **argv, const char *word, GPtrArray *out);

typedef struct Command {
    const char *name;
    const char *aliases;         /* space-separated, or NULL */
    const char *args;            /* the syntax, for help and usage errors */
    const char *help;
    int min_args, max_args;      /* words after the name (a separate /FMT not counted) */
    Run run;
    Complete complete;           /* NULL: arguments are not completed */
    bool slash;                  /* takes /FMT after its name (x/4xw) */
} Command;

static const Command *table(size_t *n);
static const Command *find(const char *word, bool *ambiguous);

CliCommands *cli_commands_new(RrTravel *t, EmuMachine *m, const char *named, const char *elf)
{
    CliCommands *c = g_new0(CliCommands, 1);
    c->t = t;
    c->m = m;
    c->named = g_strdup(named);
    c->points = g_array_new(false, false, sizeof(Point));
    c->next_num = 1;
    c->x_format = 'x';
    c->x_size = 4;
    GError *err = NULL;
    if (elf && !(c->syms = cli_symbols_load(elf, &err))) {
        c->syms_error = g_strdup(err->message);
        g_clear_error(&err);
    }
    c->disas = cli_disas_new(c->syms, &err);
    g_assert(c->disas);          /* capstone without AArch64 is a broken install */
    return c;
}

void cli_commands_free(CliCommands *c)
{
    if (!c)
        return;
    cli_disas_free(c->disas);
    cli_symbols_free(c->syms);
    g_free(c->syms_error);
    g_array_unref(c->points);
    g_free(c->named);
    g_free(c);
}

bool cli_commands_quit(const CliCommands *c) { return c->quit; }

const char *cli_commands_symbols_error(const CliCommands *c) { return c->syms_error; }

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

/* " <sym+off>" for addr, or nothing. */
static void append_symbol(const CliCommands *c, uint64_t addr, GString *out)
{
    g_autofree char *sym = cli_symbols_format(c->syms, addr);
    if (sym)
        g_string_append_printf(out, " <%s>", sym);
}

static void append_addr(const CliCommands *c, uint64_t addr, GString *out)
{
    g_string_append_printf(out, "0x%" PRIx64, addr);
    append_symbol(c, addr, out);
}

static void where(CliCommands *c, GString *out)
{
    g_string_append_printf(out, "icount %" PRIu64 ", pc ", rr_travel_icount(c->t));
    append_addr(c, emu_cpu_pc(cpu(c)), out);
    g_string_append_c(out, '\n');
}

/* ---- Registers ------------------------------------------------------------ */

#define REGISTERS "x0-x30, w0-w30, fp, lr, sp, pc, cpsr, fpsr, fpcr, v0-v31"

/* The register `in` names (a leading $ allowed; fp, lr and pstate are x29,
 * x30 and cpsr), as "x5", "w5", "v5", "sp", "pc", "cpsr", "fpsr" or "fpcr". */
static bool reg_name(const char *in, char canon[8])
{
    static const char *const plain[] = { "sp", "pc", "cpsr", "fpsr", "fpcr" };
    if (*in == '$')
        in++;
    if (!strcmp(in, "fp") || !strcmp(in, "lr") || !strcmp(in, "pstate")) {
        g_strlcpy(canon, in[0] == 'f' ? "x29" : in[0] == 'l' ? "x30" : "cpsr", 8);
        return true;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(plain); i++)
        if (!strcmp(in, plain[i])) {
            g_strlcpy(canon, in, 8);
            return true;
        }
    if ((in[0] == 'x' || in[0] == 'w' || in[0] == 'v') && g_ascii_isdigit(in[1]) &&
        (in[1] != '0' || !in[2]) && strlen(in) <= 3) {
        unsigned n = (unsigned)atoi(in + 1);
        if (!g_ascii_isdigit(in[strlen(in) - 1]) || n > (in[0] == 'v' ? 31u : 30u))
            return false;
        g_snprintf(canon, 8, "%c%u", in[0], n);
        return true;
    }
    return false;
}

/* A canonical register's value (v: the low 64 bits). */
static uint64_t reg_value(CliCommands *c, const char *canon)
{
    EmuCpu *u = cpu(c);
    unsigned n = (unsigned)atoi(canon + 1);
    switch (canon[0]) {
    case 'x': return emu_cpu_x(u, n);
    case 'w': return (uint32_t)emu_cpu_x(u, n);
    case 'v': {
        uint64_t v[2];
        emu_cpu_v(u, n, v);
        return v[0];
    }
    }
    if (!strcmp(canon, "sp"))
        return emu_cpu_sp(u);
    if (!strcmp(canon, "pc"))
        return emu_cpu_pc(u);
    if (!strcmp(canon, "cpsr"))
        return emu_cpu_pstate(u);
    return !strcmp(canon, "fpsr") ? emu_cpu_fpsr(u) : emu_cpu_fpcr(u);
}

static void register_names(const char *word, bool dollar, GPtrArray *out)
{
    static const char *const plain[] = { "fp", "lr", "sp", "pc", "cpsr", "fpsr", "fpcr" };
    const char *d = dollar ? "$" : "";
    for (unsigned i = 0; i <= 30; i++)
        g_ptr_array_add(out, g_strdup_printf("%sx%u", d, i));
    for (size_t i = 0; i < G_N_ELEMENTS(plain); i++)
        g_ptr_array_add(out, g_strconcat(d, plain[i], NULL));
    for (unsigned i = 0; i <= 31; i++)
        g_ptr_array_add(out, g_strdup_printf("%sv%u", d, i));
}

/* ---- Addresses ------------------------------------------------------------ */

/* An address: a number, a symbol or a $register, optionally followed by
 * +N or -N. *size: the symbol's size when the address is a symbol with no
 * offset, else 0. False with one line in `out`. */
static bool address(CliCommands *c, const char *cmd, const char *s, uint64_t *addr,
                    uint64_t *size, GString *out)
{
    g_autofree char *base = g_strdup(s);
    uint64_t off = 0, sz = 0;
    bool minus = false;
    char *sign = *base ? strpbrk(base + 1, "+-") : NULL;
    if (sign) {
        minus = *sign == '-';
        if (!number(sign + 1, &off))
            return fail(out, "%s: \"%s\" is not an address (ADDR, SYMBOL or $REG, then +N or "
                        "-N)", cmd, s);
        *sign = 0;
    }
    uint64_t v;
    char reg[8];
    if (g_ascii_isdigit(*base)) {
        if (!number(base, &v))
            return fail(out, "%s: \"%s\" is not an address", cmd, s);
    } else if (*base == '$') {
        if (!reg_name(base, reg))
            return fail(out, "%s: no register \"%s\" (" REGISTERS ")", cmd, base);
        v = reg_value(c, reg);
    } else if (!*base || !(g_ascii_isalpha(*base) || *base == '_' || *base == '.')) {
        return fail(out, "%s: \"%s\" is not an address", cmd, s);
    } else if (!cli_symbols_lookup(c->syms, base, &v, &sz)) {
        if (c->syms)
            return fail(out, "%s: no symbol \"%s\" in the program", cmd, base);
        return fail(out, "%s: no symbol \"%s\" (%s)", cmd, base,
                    c->syms_error ? c->syms_error : "no program symbols in this session");
    }
    *addr = minus ? v - off : v + off;
    if (size)
        *size = sign ? 0 : sz;
    return true;
}

/* Read guest memory as the CPU sees it now; false with one line in `out`. */
static bool read_mem(CliCommands *c, const char *cmd, uint64_t addr, void *buf, size_t len,
                     GString *out)
{
    if (emu_cpu_read_virt(cpu(c), addr, buf, len))
        return true;
    return fail(out, "%s: cannot read %zu byte%s at 0x%" PRIx64 " (not RAM)", cmd, len,
                len == 1 ? "" : "s", addr);
}

/* A watched value: a number if it is 1, 2, 4 or 8 bytes, else its bytes. */
static void append_value(const uint8_t *b, uint64_t len, GString *out)
{
    if (len == 1 || len == 2 || len == 4 || len == 8) {
        uint64_t v = 0;
        for (uint64_t i = len; i-- > 0;)
            v = v << 8 | b[i];
        g_string_append_printf(out, "0x%" PRIx64, v);
        return;
    }
    for (uint64_t i = 0; i < MIN(len, (uint64_t)WATCH_SHOWN); i++)
        g_string_append_printf(out, "%s%02x", i ? " " : "", b[i]);
    if (len > WATCH_SHOWN)
        g_string_append(out, " ...");
}

/* ---- Breakpoints, watchpoints and stop reports ---------------------------- */

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

/* Note each watched range's bytes before a run, for the old/new values of
 * its stop report. */
static void remember_watched(CliCommands *c)
{
    for (guint i = 0; i < c->points->len; i++) {
        Point *p = &g_array_index(c->points, Point, i);
        if (p->watch)
            p->before_ok = emu_cpu_read_virt(cpu(c), p->w.va, p->before,
                                             MIN(p->w.len, (uint64_t)WATCH_SHOWN));
    }
}

/* The user's point a hit belongs to, or NULL. */
static const Point *point_of(const CliCommands *c, const RrTravelHit *hit)
{
    for (guint i = 0; i < c->points->len; i++) {
        const Point *p = &g_array_index(c->points, Point, i);
        if (!p->watch && hit->kind == RR_HIT_BREAKPOINT && p->addr == hit->pc)
            return p;
        if (p->watch && (hit->kind == RR_HIT_READ || hit->kind == RR_HIT_WRITE) &&
            p->w.va < hit->addr + hit->size && hit->addr < p->w.va + p->w.len)
            return p;
    }
    return NULL;
}

/* A watchpoint's part of a stop report: the access, and the range's value
 * (a write: before and after it). Forwards the run stops after the access,
 * backwards before it; no write to the range lies between the stop and
 * where the run began (it would have been the hit). */
static void report_watch(CliCommands *c, const Point *p, const RrTravelHit *hit, bool reverse,
                         GString *out)
{
    g_string_append_printf(out, "watchpoint %u: %s of %u bytes at ", p ? p->num : 0,
                           hit->kind == RR_HIT_WRITE ? "write" : "read", hit->size);
    append_addr(c, hit->addr, out);
    g_string_append(out, " by pc ");
    append_addr(c, hit->pc, out);
    g_string_append_printf(out, " (icount %" PRIu64 ")", hit->icount);
    uint8_t now[WATCH_SHOWN];
    uint64_t len = p ? p->w.len : 0;
    bool now_ok = p && emu_cpu_read_virt(cpu(c), p->w.va, now, MIN(len, (uint64_t)WATCH_SHOWN));
    if (now_ok && hit->kind == RR_HIT_READ) {
        g_string_append(out, ", value ");
        append_value(now, len, out);
    } else if (now_ok && p->before_ok) {
        g_string_append(out, ", old ");
        append_value(reverse ? now : p->before, len, out);
        g_string_append(out, ", new ");
        append_value(reverse ? p->before : now, len, out);
    }
    g_string_append(out, "; now ");
}

/* Say where a run stopped and why, in one line; false for a failure.
 * `target`: the icount `continue ICOUNT` asked for (0: none). */
static bool report(CliCommands *c, RrTravelResult r, const RrTravelHit *hit, GError *err,
                   bool reverse, uint64_t target, GString *out)
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
    case RR_TRAVEL_STOPPED: {
        /* A step or seek stops early only when asked to. */
        static const RrTravelHit requested = { .kind = RR_HIT_REQUEST };
        if (!hit)
            hit = &requested;
        const Point *p = point_of(c, hit);
        if (hit->kind == RR_HIT_BREAKPOINT && p)
            g_string_append_printf(out, "breakpoint %u: ", p->num);
        else if (hit->kind == RR_HIT_BREAKPOINT)
            g_string_append(out, "a breakpoint: ");
        else if (hit->kind == RR_HIT_ICOUNT && target && hit->icount == target)
            g_string_append_printf(out, "reached icount %" PRIu64 ": ", target);
        else if (hit->kind == RR_HIT_ICOUNT)
            g_string_append_printf(out, "replay_break at icount %" PRIu64 ": ", hit->icount);
        else if (hit->kind == RR_HIT_REQUEST)
            g_string_append(out, "stopped on request: ");
        else
            report_watch(c, p, hit, reverse, out);
        break;
    }
    case RR_TRAVEL_REACHED:
        break;
    }
    where(c, out);
    g_clear_error(&err);
    return true;
}

/* ---- Completion helpers ---------------------------------------------------- */

static void complete_symbols(CliCommands *c, const char *word, GPtrArray *out)
{
    if (*word == '$') {
        register_names(word, true, out);
        return;
    }
    if (!c->syms)
        return;
    for (const char *const *n = cli_symbols_names(c->syms); *n; n++)
        if (g_str_has_prefix(*n, word))
            g_ptr_array_add(out, g_strdup(*n));
}

static void complete_address(CliCommands *c, int argi, char **argv, const char *word,
                             GPtrArray *out)
{
    if (argi == 0)
        complete_symbols(c, word, out);
}

static void complete_command(CliCommands *c, int argi, char **argv, const char *word,
                             GPtrArray *out)
{
    if (argi == 0)
        for (const char *const *n = cli_commands_names(); *n; n++)
            g_ptr_array_add(out, g_strdup(*n));
}

/* ---- Commands ------------------------------------------------------------ */

static bool cmd_help(CliCommands *c, int argc, char **argv, GString *out)
{
    size_t n;
    const Command *t = table(&n);
    bool ambiguous;
    const Command *one = argc == 1 ? find(argv[0], &ambiguous) : NULL;
    for (size_t i = 0; i < n; i++) {
        if (argc == 1 && &t[i] != one)
            continue;
        g_autofree char *head = g_strdup_printf("%s%s%s", t[i].name,
                                                t[i].args[0] && !t[i].slash ? " " : "", t[i].args);
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

static void info_registers(CliCommands *c, GString *out)
{
    static const char *const named[] = { "sp", "pc", "cpsr", "fpsr", "fpcr" };
    for (unsigned i = 0; i < 31; i++) {
        char name[8];
        g_snprintf(name, sizeof name, "x%u", i);
        g_string_append_printf(out, "%-5s 0x%016" PRIx64 "\n", name, reg_value(c, name));
    }
    for (size_t i = 0; i < G_N_ELEMENTS(named); i++) {
        g_string_append_printf(out, "%-5s 0x%016" PRIx64, named[i], reg_value(c, named[i]));
        if (i == 1)
            append_symbol(c, reg_value(c, named[i]), out);
        g_string_append_c(out, '\n');
    }
}

static bool info_register(CliCommands *c, const char *reg, GString *out)
{
    char canon[8];
    if (!reg_name(reg, canon))
        return fail(out, "info registers: no register \"%s\" (" REGISTERS ")", reg);
    if (canon[0] == 'v') {
        uint64_t v[2];
        emu_cpu_v(cpu(c), (unsigned)atoi(canon + 1), v);
        g_string_append_printf(out, "%-5s 0x%016" PRIx64 "%016" PRIx64 "\n", canon, v[1], v[0]);
        return true;
    }
    uint64_t v = reg_value(c, canon);
    g_string_append_printf(out, canon[0] == 'w' ? "%-5s 0x%08" PRIx64 : "%-5s 0x%016" PRIx64,
                           canon, v);
    if (canon[0] == 'x' || !strcmp(canon, "pc") || !strcmp(canon, "sp"))
        append_symbol(c, v, out);
    g_string_append_c(out, '\n');
    return true;
}

static bool cmd_info(CliCommands *c, int argc, char **argv, GString *out)
{
    const char *what = argv[0];
    if (!strcmp(what, "replay") && argc == 1) {
        uint64_t stop, at = rr_travel_icount(c->t), end = rr_travel_end(c->t);
        g_string_append_printf(out, "%s, icount %" PRIu64 " of %" PRIu64 " (%.1f%%)",
                               rr_travel_live(c->t) ? "recording" : "replaying", at, end,
                               end ? 100.0 * (double)at / (double)end : 100.0);

        if (rr_travel_icount_stop(c->t, &stop))
            g_string_append_printf(out, ", replay_break at icount %" PRIu64, stop);
        g_string_append_c(out, '\n');
        return true;
    }
    if (!strcmp(what, "snapshots") && argc == 1) {
        g_string_append_printf(out, "automatic snapshots: %zu, %zu bytes; footprints of what "
                               "they ran and wrote: %zu bytes\n", rr_travel_snapshot_count(c->t),
                               rr_travel_snapshot_bytes(c->t), rr_travel_footprint_bytes(c->t));
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
                g_string_append_printf(out, "%u  watchpoint (%s) ", p->num,
                                       p->w.read && p->w.write ? "access"
                                       : p->w.read ? "read" : "write");
            else
                g_string_append_printf(out, "%u  breakpoint ", p->num);
            append_addr(c, p->watch ? p->w.va : p->addr, out);
            if (p->watch)
                g_string_append_printf(out, ", %" PRIu64 " bytes", p->w.len);
            g_string_append_c(out, '\n');
        }
        return true;
    }
    if (!strcmp(what, "registers") && argc <= 2) {
        if (argc == 1) {
            info_registers(c, out);
            return true;
        }
        return info_register(c, argv[1], out);
    }
    if (!strcmp(what, "symbol") && argc == 2) {
        uint64_t addr;
        if (!address(c, "info symbol", argv[1], &addr, NULL, out))
            return false;
        g_autofree char *sym = cli_symbols_format(c->syms, addr);
        if (!sym)
            return fail(out, "info symbol: no symbol matches 0x%" PRIx64, addr);
        g_string_append_printf(out, "0x%" PRIx64 " is %s\n", addr, sym);
        return true;
    }
    return fail(out, "info %s: unknown; info knows replay, snapshots, breakpoints, "
                "registers [REG], symbol ADDR", what);
}

static void complete_info(CliCommands *c, int argi, char **argv, const char *word, GPtrArray *out)
{
    static const char *const subs[] = { "replay", "snapshots", "breakpoints", "watchpoints",
                                        "registers", "symbol" };
    if (argi == 0)
        for (size_t i = 0; i < G_N_ELEMENTS(subs); i++)
            g_ptr_array_add(out, g_strdup(subs[i]));
    else if (argi == 1 && !strcmp(argv[0], "registers"))
        register_names(word, *word == '$', out);
    else if (argi == 1 && !strcmp(argv[0], "symbol"))
        complete_symbols(c, word, out);
}

/* An icount for seek, replay_break and continue: false with one line if it
 * is not a number or is past the end of a replay. */
static bool icount_arg(CliCommands *c, const char *cmd, const char *s, uint64_t *v, GString *out)
{
    if (!number(s, v))
        return fail(out, "%s: \"%s\" is not an icount", cmd, s);
    if (*v > rr_travel_end(c->t) && !rr_travel_live(c->t))
        return fail(out, "%s: icount %" PRIu64 " is past the end of the recording (%" PRIu64 ")",
                    cmd, *v, rr_travel_end(c->t));
    return true;
}

static bool cmd_seek(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t v;
    if (!icount_arg(c, "seek", argv[0], &v, out))
        return false;
    GError *err = NULL;
    return report(c, rr_travel_seek(c->t, v, &err), NULL, err, false, 0, out);
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
    return report(c, rr_travel_step(c->t, n, &err), NULL, err, false, 0, out);
}

static bool cmd_rsi(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t n;
    if (!count_arg(argc, argv, &n, "rsi", out))
        return false;
    GError *err = NULL;
    return report(c, rr_travel_step_back(c->t, n, &err), NULL, err, true, 0, out);
}

/* continue [ICOUNT]: the icount is a stop for this run only, in the
 * engine's one slot; the user's replay_break stays the stop if it comes
 * first, and is put back after. */
static bool cmd_continue(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t target = 0, now = rr_travel_icount(c->t), stop;
    bool have_stop = rr_travel_icount_stop(c->t, &stop);
    if (argc == 1) {
        if (!icount_arg(c, "continue", argv[0], &target, out))
            return false;
        if (target <= now)
            return fail(out, "continue: icount %" PRIu64 " is not ahead of here (%" PRIu64 "); "
                        "rc or seek go back", target, now);
        if (!have_stop || stop <= now || stop > target)
            rr_travel_set_icount_stop(c->t, true, target);
    }
    GError *err = NULL;
    RrTravelHit hit;
    remember_watched(c);
    RrTravelResult r = rr_travel_continue(c->t, &hit, &err);
    rr_travel_set_icount_stop(c->t, have_stop, stop);
    return report(c, r, &hit, err, false, target, out);
}

static bool cmd_rc(CliCommands *c, int argc, char **argv, GString *out)
{
    GError *err = NULL;
    RrTravelHit hit;
    remember_watched(c);
    return report(c, rr_travel_reverse_continue(c->t, &hit, &err), &hit, err, true, 0, out);
}

static bool cmd_replay_break(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t v;
    if (!icount_arg(c, "replay_break", argv[0], &v, out))
        return false;
    rr_travel_set_icount_stop(c->t, true, v);
    g_string_append_printf(out, "replay_break at icount %" PRIu64 "\n", v);
    return true;
}

static bool cmd_replay_delete_break(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t v;
    bool had = rr_travel_icount_stop(c->t, &v);
    rr_travel_set_icount_stop(c->t, false, 0);
    g_string_append(out, had ? "replay_break deleted\n" : "no replay_break was set\n");
    return true;
}

static bool cmd_break(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t addr;
    /* gdb's `break *ADDR` means the same. */
    const char *a = argv[0][0] == '*' && argv[0][1] ? argv[0] + 1 : argv[0];
    if (!address(c, "break", a, &addr, NULL, out))
        return false;
    Point p = { .num = c->next_num++, .addr = addr };
    g_array_append_val(c->points, p);
    sync_points(c);
    g_string_append_printf(out, "breakpoint %u at ", p.num);
    append_addr(c, addr, out);
    g_string_append_c(out, '\n');
    return true;
}

/* LEN for watch and last-write: given, else the symbol's size, else 4. */
static bool length_arg(const char *cmd, const char *s, uint64_t sym_size, uint64_t *len,
                       GString *out)
{
    *len = sym_size && sym_size <= 4096 ? sym_size : 4;
    if (s && (!number(s, len) || *len == 0 || *len > 4096))
        return fail(out, "%s: \"%s\" is not a length from 1 to 4096", cmd, s);
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
    uint64_t addr, size, len;
    if (i >= argc)
        return fail(out, "watch: \"\" is not an address");
    if (!address(c, "watch", argv[i], &addr, &size, out))
        return false;
    if (!length_arg("watch", i + 1 < argc ? argv[i + 1] : NULL, size, &len, out))
        return false;
    if (i + 2 < argc)
        return fail(out, "watch: too many arguments (watch [-r|-a] ADDR [LEN])");
    Point p = { .num = c->next_num++, .watch = true,
                .w = { .va = addr, .len = len, .read = read, .write = write } };
    g_array_append_val(c->points, p);
    sync_points(c);
    g_string_append_printf(out, "watchpoint %u (%s) at ", p.num,
                           read && write ? "access" : read ? "read" : "write");
    append_addr(c, addr, out);
    g_string_append_printf(out, ", %" PRIu64 " bytes\n", len);
    return true;
}

static void complete_watch(CliCommands *c, int argi, char **argv, const char *word,
                           GPtrArray *out)
{
    if (argi == 0 && *word == '-') {
        g_ptr_array_add(out, g_strdup("-r"));
        g_ptr_array_add(out, g_strdup("-a"));
    } else if (argi == 0 || (argi == 1 && argv[0][0] == '-')) {
        complete_symbols(c, word, out);
    }
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
    return fail(out, "delete: no breakpoint or watchpoint %" PRIu64
                " (info breakpoints lists them)", n);
}

static void complete_delete(CliCommands *c, int argi, char **argv, const char *word,
                            GPtrArray *out)
{
    for (guint i = 0; argi == 0 && i < c->points->len; i++)
        g_ptr_array_add(out, g_strdup_printf("%u", g_array_index(c->points, Point, i).num));
}

/* last-write ADDR [LEN]: a reverse-continue with only a write watchpoint on
 * the range, then back to here; the user's breakpoints, watchpoints and
 * icount stop are put back whatever happens. */
static bool cmd_last_write(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t addr, size, len;
    if (!address(c, "last-write", argv[0], &addr, &size, out) ||
        !length_arg("last-write", argc > 1 ? argv[1] : NULL, size, &len, out))
        return false;
    uint64_t here = rr_travel_icount(c->t), stop;
    uint8_t now[WATCH_SHOWN];
    if (!read_mem(c, "last-write", addr, now, MIN(len, (uint64_t)WATCH_SHOWN), out))
        return false;
    bool have_stop = rr_travel_icount_stop(c->t, &stop);
    /* The engine's points as they are (the table's, or gdb's under
     * gdbserver), put back after. */
    const uint64_t *bps;
    const EmuWatch *ws;
    size_t nbp = rr_travel_breakpoints(c->t, &bps), nw = rr_travel_watchpoints(c->t, &ws);
    g_autofree uint64_t *saved_bps = g_memdup2(bps, nbp * sizeof *bps);
    g_autofree EmuWatch *saved_ws = g_memdup2(ws, nw * sizeof *ws);
    EmuWatch w = { .va = addr, .len = len, .write = true };
    rr_travel_set_breakpoints(c->t, NULL, 0);
    rr_travel_set_watchpoints(c->t, &w, 1);
    rr_travel_set_icount_stop(c->t, false, 0);
    GError *err = NULL;
    RrTravelHit hit;
    RrTravelResult r = rr_travel_reverse_continue(c->t, &hit, &err);
    GString *found = g_string_new(NULL);
    g_string_append(found, "last write to ");
    append_addr(c, addr, found);
    g_string_append_printf(found, " (%" PRIu64 " bytes)", len);
    bool ok = true;
    if (r == RR_TRAVEL_STOPPED && hit.kind == RR_HIT_WRITE) {
        uint32_t insn;
        uint8_t old[WATCH_SHOWN];
        g_string_append_printf(found, ": icount %" PRIu64 ", pc ", hit.icount);
        append_addr(c, hit.pc, found);
        if (emu_cpu_read_virt(cpu(c), hit.pc, &insn, 4)) {
            g_string_append(found, ": ");
            cli_disas_insn(c->disas, hit.pc, insn, found);
        }
        if (emu_cpu_read_virt(cpu(c), addr, old, MIN(len, (uint64_t)WATCH_SHOWN))) {
            g_string_append(found, "; old ");
            append_value(old, len, found);
            g_string_append(found, ", now ");
            append_value(now, len, found);
        }
        g_string_append_c(found, '\n');
    } else if (r == RR_TRAVEL_AT_START) {
        g_string_printf(found, "no write to 0x%" PRIx64 " (%" PRIu64 " bytes) since the start of "
                        "the recording\n", addr, len);
    } else {
        g_string_truncate(found, 0);
        ok = fail(found, "last-write: %s", r == RR_TRAVEL_INTERRUPTED ? "interrupted"
                  : r == RR_TRAVEL_STOPPED ? "stopped on request before finding one"
                  : err ? err->message : "the replay failed");
    }
    g_clear_error(&err);
    rr_travel_set_breakpoints(c->t, saved_bps, nbp);
    rr_travel_set_watchpoints(c->t, saved_ws, nw);
    rr_travel_set_icount_stop(c->t, have_stop, stop);
    if (rr_travel_icount(c->t) != here &&
        rr_travel_seek(c->t, here, &err) != RR_TRAVEL_REACHED) {
        g_string_free(found, true);
        fail(out, "last-write: could not go back to icount %" PRIu64 ": %s", here,
             err ? err->message : "stopped on the way");
        g_clear_error(&err);
        return false;
    }
    g_string_append(out, found->str);
    g_string_free(found, true);
    return ok;
}

/* ---- x, disas, bt ---------------------------------------------------------- */

/* x's /FMT: [COUNT][FORMAT][SIZE] in any order after the count, as gdb. */
static bool parse_x_format(CliCommands *c, const char *fmt, uint64_t *count, char *format,
                           unsigned *size, GString *out)
{
    *count = 1;
    *format = c->x_format;
    *size = c->x_size;
    bool size_given = false;
    const char *p = fmt;
    if (g_ascii_isdigit(*p)) {
        char *end;
        *count = g_ascii_strtoull(p, &end, 10);
        p = end;
        if (*count == 0 || *count > 1024)
            return fail(out, "x: the count in /%s must be from 1 to 1024", fmt);
    }
    for (; *p; p++) {
        if (strchr("xduisc", *p))
            *format = *p;
        else if (strchr("bhwg", *p))
            *size = *p == 'b' ? 1 : *p == 'h' ? 2 : *p == 'w' ? 4 : 8, size_given = true;
        else
            return fail(out, "x: '%c' in /%s is not a format (x d u c s i) or a size (b h w g)",
                        *p, fmt);
    }
    if ((*format == 'c' || *format == 's') && !size_given)
        *size = 1;
    return true;
}

static void x_label(CliCommands *c, uint64_t addr, GString *out)
{
    append_addr(c, addr, out);
    g_string_append_c(out, ':');
}

static void x_unit(char format, unsigned size, uint64_t v, GString *out)
{
    int bits = (int)size * 8;
    int64_t sv = bits == 64 ? (int64_t)v : (int64_t)(v << (64 - bits)) >> (64 - bits);
    if (format == 'x') {
        g_string_append_printf(out, "\t0x%0*" PRIx64, (int)size * 2, v);
    } else if (format == 'd') {
        g_string_append_printf(out, "\t%" PRId64, sv);
    } else if (format == 'u') {
        g_string_append_printf(out, "\t%" PRIu64, v);
    } else {
        char ch[2] = { (char)v, 0 };
        g_autofree char *esc = v ? g_strescape(ch, NULL) : g_strdup("\\000");
        g_string_append_printf(out, "\t%" PRId64 " '%s'", sv, esc);
    }
}

static bool x_strings(CliCommands *c, uint64_t addr, uint64_t count, GString *out)
{
    enum { LIMIT = 200 };        /* characters shown of one string, as gdb */
    for (uint64_t i = 0; i < count; i++) {
        char buf[LIMIT + 1];
        size_t n = 0;
        uint8_t b = 1;
        for (; n < LIMIT; n++) {
            if (!emu_cpu_read_virt(cpu(c), addr + n, &b, 1)) {
                if (n == 0)
                    return fail(out, "x: cannot read memory at 0x%" PRIx64 " (not RAM)",
                                addr + n);
                break;
            }
            if (!b)
                break;
            buf[n] = (char)b;
        }
        buf[n] = 0;
        g_autofree char *esc = g_strescape(buf, NULL);
        x_label(c, addr, out);
        g_string_append_printf(out, "\t\"%s\"%s\n", esc, b && n == LIMIT ? "..." : "");
        addr += n + (b == 0);
    }
    return true;
}

static bool cmd_x(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t count, addr;
    char format;
    unsigned size;
    if (!parse_x_format(c, c->fmt ? c->fmt : "", &count, &format, &size, out) ||
        !address(c, "x", argv[0], &addr, NULL, out))
        return false;
    c->x_format = format;
    c->x_size = size;
    if (format == 's')
        return x_strings(c, addr, count, out);
    if (format == 'i')
        size = 4;
    g_autofree uint8_t *buf = g_malloc(count * size);
    if (!read_mem(c, "x", addr, buf, count * size, out))
        return false;
    uint64_t pc = emu_cpu_pc(cpu(c));
    unsigned per_line = format == 'c' ? 8 : size == 1 || size == 2 ? 8 : size == 4 ? 4 : 2;
    for (uint64_t i = 0; i < count; i++) {
        uint64_t v = 0, at = addr + i * size;
        for (unsigned k = size; k-- > 0;)
            v = v << 8 | buf[i * size + k];
        if (format == 'i') {
            cli_disas_line(c->disas, at, (uint32_t)v, at == pc, out);
            continue;
        }
        if (i % per_line == 0)
            x_label(c, at, out);
        x_unit(format, size, v, out);
        if (i % per_line == per_line - 1 || i == count - 1)
            g_string_append_c(out, '\n');
    }
    return true;
}

static void complete_x(CliCommands *c, int argi, char **argv, const char *word, GPtrArray *out)
{
    if (argi == 0 || (argi == 1 && argv[0][0] == '/'))
        complete_symbols(c, word, out);
}

/* The function `addr` is in, if the symbols know it and its size. */
static bool function_at(CliCommands *c, uint64_t addr, uint64_t *start, uint64_t *size)
{
    const char *name;
    uint64_t off;
    return cli_symbols_find(c->syms, addr, &name, &off) &&
           cli_symbols_lookup(c->syms, name, start, size) && *start == addr - off && *size;
}

/* disas [ADDR] [N]: N instructions from ADDR; without N, the whole function
 * ADDR is in when the symbols say where it is, else 10 instructions. */
static bool cmd_disas(CliCommands *c, int argc, char **argv, GString *out)
{
    uint64_t pc = emu_cpu_pc(cpu(c)), addr = pc, n = 10, start, size;
    if (argc >= 1 && !address(c, "disas", argv[0], &addr, NULL, out))
        return false;
    if (argc == 2 && (!number(argv[1], &n) || n == 0 || n > 4096))
        return fail(out, "disas: \"%s\" is not a count from 1 to 4096", argv[1]);
    if (argc < 2 && function_at(c, addr, &start, &size) && size <= 4096 * 4)
        addr = start, n = (size + 3) / 4;
    g_autofree uint32_t *code = g_new(uint32_t, n);
    if (!read_mem(c, "disas", addr, code, n * 4, out))
        return false;
    for (uint64_t i = 0; i < n; i++)
        cli_disas_line(c->disas, addr + 4 * i, GUINT32_FROM_LE(code[i]), addr + 4 * i == pc, out);
    return true;
}

/* Whether the function pc is in has set its frame pointer (an `add x29,
 * sp, #imm`, `mov x29, sp` among them, between its start and pc), so that
 * x29's frame record holds this frame's return address, not lr. Not at a
 * `ret`: the frame is gone by then. */
static bool frame_set_up(CliCommands *c, uint64_t pc)
{
    uint64_t start, size;
    uint32_t insn;
    if (!function_at(c, pc, &start, &size) || !emu_cpu_read_virt(cpu(c), pc, &insn, 4) ||
        insn == 0xd65f03c0)
        return false;
    start = MAX(start, pc > 1024 ? pc - 1024 : 0);
    for (uint64_t a = start; a < pc; a += 4)
        if (emu_cpu_read_virt(cpu(c), a, &insn, 4) && (insn & 0xffc003ff) == 0x910003fd)
            return true;
    return false;
}

static void frame_line(CliCommands *c, unsigned n, uint64_t pc, GString *out)
{
    g_string_append_printf(out, "#%u ", n);
    append_addr(c, pc, out);
    g_string_append_c(out, '\n');
}

/* bt: frame 0 at pc; frame 1 at lr while the function has not set up its
 * frame record; then the x29 chain of {previous fp, return address}
 * records, until a null, unreadable or non-increasing fp, a null return
 * address, or 64 frames. */
static bool cmd_bt(CliCommands *c, int argc, char **argv, GString *out)
{
    enum { MAX_FRAMES = 64 };
    EmuCpu *u = cpu(c);
    uint64_t pc = emu_cpu_pc(u), fp = emu_cpu_x(u, 29), lr = emu_cpu_x(u, 30);
    unsigned n = 0;
    frame_line(c, n++, pc, out);
    uint64_t rec[2];
    bool rec_ok = fp && emu_cpu_read_virt(u, fp, rec, sizeof rec);
    if (lr && !frame_set_up(c, pc) && !(rec_ok && rec[1] == lr))
        frame_line(c, n++, lr, out);
    while (n < MAX_FRAMES && fp && emu_cpu_read_virt(u, fp, rec, sizeof rec) && rec[1]) {
        frame_line(c, n++, rec[1], out);
        if (rec[0] && rec[0] <= fp)
            break;
        fp = rec[0];
    }
    return true;
}

/* ---- set ------------------------------------------------------------------ */

/* set REG VALUE (also `set $REG = VALUE`). */
/* Whether the user called off a wait (the prompt's Ctrl-C). */
static bool gdbserver_stop(void *opaque)
{
    return cli_commands_interrupted(opaque);
}

static bool cmd_gdbserver(CliCommands *c, int argc, char **argv, GString *out)
{
    if (c->serving)
        return fail(out, "gdbserver: gdb is already attached here");
    g_autofree char *spec = NULL;
    const char *a = argc ? argv[0] : "1234";
    uint64_t port;
    if (number(a, &port)) {
        if (port > 65535)
            return fail(out, "gdbserver: port %" PRIu64 " is out of range (0-65535)", port);
        spec = g_strdup_printf("tcp::%" PRIu64, port);
    } else if (g_str_has_prefix(a, "tcp:") || g_str_has_prefix(a, "unix:")) {
        spec = g_strdup(a);
    } else {
        return fail(out, "gdbserver: \"%s\" is not a port, tcp:HOST:PORT or unix:PATH", a);
    }
    GError *err = NULL;
    GdbTarget *target = gdb_target_new(c->t, c->m);
    gdb_target_set_monitor(target, cli_commands_monitor, c);
    GdbServer *server = gdb_server_new(spec, target, &err);
    if (!server) {
        fail(out, "gdbserver: %s: %s", spec, err->message);
        g_error_free(err);
        gdb_target_free(target);
        return false;
    }
    gdb_server_set_once(server, gdbserver_stop, c);
    /* Said now, not with the output: the command waits for gdb. */
    fprintf(stderr, "gdbserver: waiting for gdb on %s (target remote %s%s); back here when it "
            "detaches\n", gdb_server_address(server), g_str_has_prefix(spec, "unix:") ? "" : ":",
            g_str_has_prefix(spec, "unix:") ? gdb_server_address(server)
                                             : strrchr(gdb_server_address(server), ':') + 1);
    c->serving = true;
    bool ok = gdb_server_run(server, &err);
    c->serving = false;
    gdb_server_free(server);
    gdb_target_free(target);
    /* gdb's breakpoints went with it; the table's are the engine's again. */
    sync_points(c);
    if (!ok) {
        fail(out, "gdbserver: %s", err->message);
        g_error_free(err);
        return false;
    }
    if (gdbserver_stop(c))
        return fail(out, "gdbserver: interrupted; icount %" PRIu64 ", pc 0x%" PRIx64,
                    rr_travel_icount(c->t), emu_cpu_pc(emu_machine_cpu(c->m)));
    g_string_append_printf(out, "gdbserver: done; icount %" PRIu64 ", pc 0x%" PRIx64 "\n",
                           rr_travel_icount(c->t), emu_cpu_pc(emu_machine_cpu(c->m)));
    return true;
}

static bool cmd_set(CliCommands *c, int argc, char **argv, GString *out)
{
    const char *w[3];
    int n = 0;
    for (int i = 0; i < argc; i++)
        if (strcmp(argv[i], "=") != 0 && n < 3)
            w[n++] = argv[i];
    if (n != 2 || (argc == 3 && strcmp(argv[1], "=") != 0))
        return fail(out, "usage: set REG VALUE");
    char reg[8];
    if (!reg_name(w[0], reg))
        return fail(out, "set: no register \"%s\" (" REGISTERS ")", w[0]);
    uint64_t v;
    bool neg = w[1][0] == '-';
    if (neg || g_ascii_isdigit(w[1][0])) {
        if (!number(w[1] + neg, &v))
            return fail(out, "set: \"%s\" is not a value", w[1]);
        if (neg)
            v = -v;
    } else if (!address(c, "set", w[1], &v, NULL, out)) {
        return false;            /* a $REG or SYMBOL, [+-N]: address() said what is wrong */
    }
    if (reg[0] == 'w') {
        reg[0] = 'x';
        v = (uint32_t)v;
    }
    GError *err = NULL;
    if (!rr_travel_set_register(c->t, reg, v, &err)) {
        fail(out, "set: %s", err ? err->message : "refused");
        g_clear_error(&err);
        return false;
    }
    g_string_append_printf(out, "%s = 0x%" PRIx64 "\n", reg, v);
    return true;
}

static void complete_set(CliCommands *c, int argi, char **argv, const char *word, GPtrArray *out)
{
    if (argi == 0)
        register_names(word, *word == '$', out);
    else
        complete_symbols(c, word, out);
}

/* ---- Named points --------------------------------------------------------- */

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

static bool cmd_savevm(CliCommands *c, int argc, char **argv, GString *out)
{
    return cmd_named(c, "savevm", argv[0], out);
}

static bool cmd_loadvm(CliCommands *c, int argc, char **argv, GString *out)
{
    return cmd_named(c, "loadvm", argv[0], out);
}

static bool cmd_delvm(CliCommands *c, int argc, char **argv, GString *out)
{
    return cmd_named(c, "delvm", argv[0], out);
}

static void complete_snapshot(CliCommands *c, int argi, char **argv, const char *word,
                              GPtrArray *out)
{
    if (argi != 0 || !c->named || !g_file_test(c->named, G_FILE_TEST_EXISTS))
        return;
    SnapNamed *n = snap_named_open(c->named, 0, NULL);
    for (size_t i = 0; n && i < snap_named_count(n); i++) {
        SnapNamedInfo info;
        snap_named_info(n, i, &info);
        if (info.name && *info.name)
            g_ptr_array_add(out, g_strdup(info.name));
    }
    snap_named_free(n);
}

static bool cmd_quit(CliCommands *c, int argc, char **argv, GString *out)
{
    c->quit = true;
    return true;
}

static const Command commands[] = {
    { "help", NULL, "[COMMAND]", "this list, or one command's line", 0, 1, cmd_help,
      complete_command, false },
    { "info", NULL, "replay|snapshots|breakpoints|registers [REG]|symbol ADDR",
      "where the replay is; snapshots; breakpoints; registers; the symbol at ADDR", 1, 2,
      cmd_info, complete_info, false },
    { "seek", "replay_seek", "ICOUNT", "go to an icount, forwards or backwards", 1, 1,
      cmd_seek, NULL, false },
    { "stepi", "si", "[N]", "N instructions forwards (1)", 0, 1, cmd_stepi, NULL, false },
    { "rsi", "reverse-stepi", "[N]", "N instructions backwards (1)", 0, 1, cmd_rsi, NULL,
      false },
    { "continue", "c", "[ICOUNT]",
      "forwards to the next breakpoint, watchpoint or replay_break hit, or to ICOUNT", 0, 1,
      cmd_continue, NULL, false },
    { "rc", "reverse-continue", "",
      "backwards to the last breakpoint, watchpoint or replay_break hit", 0, 0, cmd_rc, NULL,
      false },
    { "replay_break", NULL, "ICOUNT", "continue and rc stop when they reach ICOUNT", 1, 1,
      cmd_replay_break, NULL, false },
    { "replay_delete_break", NULL, "", "delete the replay_break", 0, 0,
      cmd_replay_delete_break, NULL, false },
    { "break", "b", "ADDR|SYMBOL", "a breakpoint at an address or a function", 1, 1, cmd_break,
      complete_address, false },
    { "watch", NULL, "[-r|-a] ADDR|SYMBOL [LEN]",
      "a write (-r read, -a access) watchpoint, LEN bytes (the symbol's size, or 4)", 1, 3,
      cmd_watch, complete_watch, false },
    { "delete", "d", "[N]", "delete breakpoint or watchpoint N, or all", 0, 1, cmd_delete,
      complete_delete, false },
    { "last-write", NULL, "ADDR|SYMBOL [LEN]",
      "where the range was last written before here, without moving", 1, 2, cmd_last_write,
      complete_address, false },
    { "x", NULL, "/FMT ADDR",
      "memory: FMT is [COUNT][x d u c s i][b h w g]; ADDR a number, SYMBOL or $REG, [+-N]",
      1, 1, cmd_x, complete_x, true },
    { "disas", "disassemble", "[ADDR] [N]",
      "N instructions from ADDR (pc), or the whole function, => at pc", 0, 2, cmd_disas,
      complete_address, false },
    { "bt", "backtrace where", "", "the call stack, from the frame pointers", 0, 0, cmd_bt,
      NULL, false },
    { "set", NULL, "REG VALUE", "change a register (at a recording's frontier only)", 2, 3,
      cmd_set, complete_set, false },
    { "savevm", NULL, "NAME", "save this point under NAME (kept in the recording)", 1, 1,
      cmd_savevm, complete_snapshot, false },
    { "loadvm", NULL, "NAME", "go back to a saved point", 1, 1, cmd_loadvm, complete_snapshot,
      false },
    { "delvm", NULL, "NAME", "delete a saved point", 1, 1, cmd_delvm, complete_snapshot,
      false },
    { "gdbserver", NULL, "[PORT|tcp:HOST:PORT|unix:PATH]",
      "serve gdb here (port 1234) until it detaches, then back to the prompt", 0, 1,
      cmd_gdbserver, NULL, false },
    { "quit", "q", "", "leave", 0, 0, cmd_quit, NULL, false },
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
        if (*word && g_str_has_prefix(k->name, word)) {
            *ambiguous = prefix != NULL;
            prefix = k;
        }
    }
    return *ambiguous ? NULL : prefix;
}

/* The words of a line, empty ones dropped; g_ptr_array_free(w, true). The
 * strings belong to *store (g_strfreev). */
static GPtrArray *split_words(const char *line, gchar ***store)
{
    *store = g_strsplit_set(line, " \t\r\n", -1);
    GPtrArray *w = g_ptr_array_new();
    for (gchar **p = *store; *p; p++)
        if (**p)
            g_ptr_array_add(w, *p);
    return w;
}

bool cli_commands_run(CliCommands *c, const char *line, GString *out)
{
    g_auto(GStrv) store = NULL;
    GPtrArray *w = split_words(line, &store);
    if (!w->len) {
        g_ptr_array_free(w, true);
        return true;
    }
    bool ambiguous;
    char *name = g_ptr_array_index(w, 0);
    /* x/4xw: the format after the name. */
    char *slash = strchr(name, '/');
    if (slash && slash != name)
        *slash = 0;
    const Command *k = slash == name ? NULL : find(name, &ambiguous);
    if (slash == name)
        ambiguous = false;
    char **argv = (char **)w->pdata + 1;
    int argc = (int)w->len - 1;
    c->fmt = NULL;
    if (k && k->slash && slash && slash != name)
        c->fmt = slash + 1;
    else if (k && k->slash && argc > 0 && argv[0][0] == '/')
        c->fmt = argv[0] + 1, argv++, argc--;
    bool ok;
    if (!k)
        ok = fail(out, "%s command \"%.40s%s\" (help lists them)",
                  ambiguous ? "ambiguous" : "unknown", name, strlen(name) > 40 ? "..." : "");
    else if (slash && slash != name && !k->slash)
        ok = fail(out, "%s: takes no /FMT", k->name);
    else if (argc < k->min_args || argc > k->max_args)
        ok = fail(out, "usage: %s%s%s", k->name, k->args[0] && !k->slash ? " " : "", k->args);
    else
        ok = k->run(c, argc, argv, out);
    c->fmt = NULL;
    g_ptr_array_free(w, true);
    return ok;
}

static gint compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char **cli_commands_complete(CliCommands *c, const char *line, size_t point)
{
    g_autofree char *head = g_strndup(line, point);
    g_auto(GStrv) store = NULL;
    GPtrArray *w = split_words(head, &store);
    /* The word being completed: the last one, or a new one after a blank. */
    const char *word = "";
    if (w->len && !strchr(" \t", head[strlen(head) - 1]))
        word = g_ptr_array_steal_index(w, w->len - 1);
    GPtrArray *cands = g_ptr_array_new_with_free_func(g_free);
    if (!w->len) {
        complete_command(c, 0, NULL, word, cands);
    } else {
        bool ambiguous;
        char *name = g_ptr_array_index(w, 0);
        char *slash = strchr(name, '/');
        if (slash && slash != name)
            *slash = 0;
        const Command *k = slash == name ? NULL : find(name, &ambiguous);
        if (k && k->complete)
            k->complete(c, (int)w->len - 1, (char **)w->pdata + 1, word, cands);
    }
    /* Those that start with the word, sorted, each once. */
    GPtrArray *res = g_ptr_array_new();
    g_ptr_array_sort(cands, compare_strings);
    for (guint i = 0; i < cands->len; i++) {
        const char *s = g_ptr_array_index(cands, i);
        if (g_str_has_prefix(s, word) &&
            (!res->len || strcmp(g_ptr_array_index(res, res->len - 1), s) != 0))
            g_ptr_array_add(res, g_strdup(s));
    }
    g_ptr_array_add(res, NULL);
    g_ptr_array_free(cands, true);
    g_ptr_array_free(w, true);
    return (char **)g_ptr_array_free(res, false);
}
