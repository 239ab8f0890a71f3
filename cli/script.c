/* cli/script.c — see script.h.
 *
 * The guest's output is kept as a timeline: every byte the UART sent, with
 * the icount of the instruction that sent it, in icount order, for the
 * whole stretch the session has been through. A run of the machine always
 * starts at or before the furthest point reached (the engine restores
 * snapshots it took on the way), so the bytes it sends before that point
 * are ones the timeline has, and the first byte past the last one kept is
 * new: the timeline never has holes, and expect-output can search what is
 * known without replaying it.
 */
#define _GNU_SOURCE             /* memmem */
#include "cli/script.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "cli/expr.h"

/* What expect-output looks for. */
typedef struct Pattern {
    GByteArray *text;            /* a substring, or */
    GRegex *re;                  /* a regular expression over the raw bytes */
} Pattern;

struct CliScript {
    RrTravel *t;
    EmuMachine *m;
    CliCommands *cmds;
    bool recording;
    bool verbose;
    bool quit;
    CliScriptHooks hooks;
    bool reported;               /* the line running has called hooks.progress */
    bool interrupted;            /* ... and it said stop */

    /* The output timeline (above). */
    GByteArray *bytes;
    GArray *icounts;             /* uint64_t, one per byte */
    uint64_t next_new;           /* a byte sent at this icount or later is new */
    uint64_t mark;               /* expect-output looks at the output from here */

    /* An expect-output running forwards past the known output. */
    bool expecting, matched;
    uint64_t match_icount;       /* of the instruction that sent the last byte */
    const Pattern *pattern;

    /* send's bytes, not yet taken by the UART; whether a recorded guest
     * waited for more (during the line running). */
    GByteArray *input;
    bool starved;
};

static bool on_progress(void *opaque, double fraction)
{
    CliScript *s = opaque;
    s->reported = true;
    if (s->hooks.progress && !s->hooks.progress(s->hooks.opaque, fraction)) {
        s->interrupted = true;
        return false;
    }
    return true;
}

CliScript *cli_script_new(RrTravel *t, EmuMachine *m, CliCommands *cmds, bool recording)
{
    CliScript *s = g_new0(CliScript, 1);
    s->t = t;
    s->m = m;
    s->cmds = cmds;
    s->recording = recording;
    s->bytes = g_byte_array_new();
    s->icounts = g_array_new(false, false, sizeof(uint64_t));
    s->input = g_byte_array_new();
    s->mark = rr_travel_icount(t);
    rr_travel_set_progress(t, on_progress, s);
    return s;
}

void cli_script_free(CliScript *s)
{
    if (!s)
        return;
    rr_travel_set_progress(s->t, NULL, NULL);
    g_byte_array_unref(s->bytes);
    g_array_unref(s->icounts);
    g_byte_array_unref(s->input);
    g_free(s);
}

void cli_script_set_verbose(CliScript *s, bool verbose) { s->verbose = verbose; }
bool cli_script_quit(const CliScript *s) { return s->quit; }

void cli_script_set_hooks(CliScript *s, const CliScriptHooks *h)
{
    s->hooks = h ? *h : (CliScriptHooks){ 0 };
}

/* ---- The output timeline ---------------------------------------------------- */

/* The index of the first byte sent at `icount` or later. */
static guint index_at(const CliScript *s, uint64_t icount)
{
    guint lo = 0, hi = s->icounts->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g_array_index(s->icounts, uint64_t, mid) < icount)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether the bytes [from, to) contain the pattern (`anywhere`), or a match
 * that ends with the byte at to - 1 (the bytes before it having none). */
static bool window_matches(const CliScript *s, const Pattern *p, guint from, guint to,
                           bool anywhere)
{
    const uint8_t *b = s->bytes->data + from;
    size_t len = to - from;
    if (p->re)
        return g_regex_match_full(p->re, (const char *)b, (gssize)len, 0, 0, NULL, NULL);
    size_t n = p->text->len;
    if (len < n)
        return false;
    if (!anywhere)
        return memcmp(b + len - n, p->text->data, n) == 0;
    return memmem(b, len, p->text->data, n) != NULL;
}

bool cli_script_guest_output(CliScript *s, uint8_t byte)
{
    uint64_t at = emu_machine_icount(s->m);
    if (at < s->next_new)
        return false;
    g_byte_array_append(s->bytes, &byte, 1);
    g_array_append_val(s->icounts, at);
    s->next_new = at + 1;
    if (s->expecting && !s->matched &&
        window_matches(s, s->pattern, index_at(s, s->mark), s->bytes->len, false)) {
        s->matched = true;
        s->match_icount = at;
        rr_travel_request_stop(s->t);
    }
    return true;
}

/* The bytes [from, to) as a C string literal, the last `max` of them. */
static void append_quoted(GString *out, const uint8_t *b, size_t len, size_t max)
{
    g_string_append_c(out, '"');
    if (len > max) {
        g_string_append(out, "...");
        b += len - max;
        len = max;
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t c = b[i];
        if (c == '\n')
            g_string_append(out, "\\n");
        else if (c == '\r')
            g_string_append(out, "\\r");
        else if (c == '\t')
            g_string_append(out, "\\t");
        else if (c == '"' || c == '\\')
            g_string_append_printf(out, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            g_string_append_printf(out, "\\x%02x", c);
        else
            g_string_append_c(out, (char)c);
    }
    g_string_append_c(out, '"');
}

/* ---- Words ----------------------------------------------------------------- */

static EmuCpu *cpu(const CliScript *s) { return emu_machine_cpu(s->m); }

static void append_where(GString *out, const CliScript *s)
{
    g_string_append_printf(out, "icount %" PRIu64 ", pc 0x%" PRIx64, rr_travel_icount(s->t),
                           emu_cpu_pc(cpu(s)));
}

static CliLineStatus fail(GString *out, CliLineStatus st, const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
static CliLineStatus fail(GString *out, CliLineStatus st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_string_append_vprintf(out, fmt, ap);
    va_end(ap);
    g_string_append_c(out, '\n');
    return st;
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* A double-quoted string with C escapes at *p, into `out`; *p after it.
 * `raw` (a regular expression, which has escapes of its own): only \"
 * is one, every other backslash is kept. False with a reason in `why` if
 * there is none or it is malformed. */
static bool parse_quoted(const char **p, GByteArray *out, bool raw, const char **why)
{
    const char *c = skip_blanks(*p);
    if (*c != '"') {
        *why = "the text goes in double quotes";
        return false;
    }
    for (c++; *c && *c != '"'; c++) {
        uint8_t b = (uint8_t)*c;
        if (raw && *c == '\\' && c[1]) {
            if (c[1] != '"')
                g_byte_array_append(out, (const uint8_t *)c, 1);
            c++;
            b = (uint8_t)*c;
        } else if (*c == '\\') {
            c++;
            switch (*c) {
            case 'n': b = '\n'; break;
            case 'r': b = '\r'; break;
            case 't': b = '\t'; break;
            case 'a': b = '\a'; break;
            case 'b': b = '\b'; break;
            case 'e': b = 0x1b; break;
            case 'f': b = '\f'; break;
            case 'v': b = '\v'; break;
            case '\\': case '"': case '\'': b = (uint8_t)*c; break;
            case 'x':
                if (!g_ascii_isxdigit(c[1])) {
                    *why = "\\x wants hex digits";
                    return false;
                }
                b = 0;
                for (int i = 0; i < 2 && g_ascii_isxdigit(c[1]); i++)
                    b = (uint8_t)(b * 16 + g_ascii_xdigit_value(*++c));
                break;
            default:
                if (*c >= '0' && *c <= '7') {
                    unsigned v = 0;
                    for (int i = 0; i < 3 && *c >= '0' && *c <= '7'; i++)
                        v = v * 8 + (unsigned)(*c++ - '0');
                    c--;
                    b = (uint8_t)v;
                    break;
                }
                *why = *c ? "unknown escape (\\n \\r \\t \\\\ \\\" \\xHH \\NNN)"
                          : "the text is not closed with \"";
                return false;
            }
        }
        g_byte_array_append(out, &b, 1);
    }
    if (*c != '"') {
        *why = "the text is not closed with \"";
        return false;
    }
    *p = c + 1;
    return true;
}

/* A count: decimal, or hex with 0x. */
static bool parse_count(const char *w, uint64_t *v)
{
    char *end;
    if (!g_ascii_isdigit(*w))
        return false;
    errno = 0;
    *v = g_ascii_strtoull(w, &end, 0);
    return !*end && !errno;
}

/* The line without its comment: from a '#' at its start or after a blank,
 * outside double quotes. */
static char *strip_comment(const char *line)
{
    bool quoted = false;
    for (const char *c = line; *c; c++) {
        if (quoted && *c == '\\' && c[1]) {
            c++;
            continue;
        }
        if (*c == '"')
            quoted = !quoted;
        else if (!quoted && *c == '#' && (c == line || c[-1] == ' ' || c[-1] == '\t'))
            return g_strndup(line, (gsize)(c - line));
    }
    return g_strdup(line);
}

/* ---- The script's commands ---------------------------------------------------- */

static CliLineStatus cmd_send(CliScript *s, const char *args, GString *out)
{
    GByteArray *text = g_byte_array_new();
    const char *why = NULL, *p = args;
    bool ok = parse_quoted(&p, text, false, &why);
    if (ok && *skip_blanks(p))
        ok = false, why = "one quoted text only";
    CliLineStatus st = CLI_LINE_OK;
    if (!ok) {
        st = fail(out, CLI_LINE_ERROR, "send: %s: send \"TEXT\" (C escapes: \\n \\r \\xHH)", why);
    } else if (!s->recording) {
        st = fail(out, CLI_LINE_ERROR, "send: this is a replay: the guest's input is the "
                  "recording's (send is for rewind record and run)");
    } else if (!rr_travel_live(s->t)) {
        st = fail(out, CLI_LINE_ERROR, "send: the recording is back at icount %" PRIu64
                  "; input goes in where it is being made, icount %" PRIu64 " (seek there first)",
                  rr_travel_icount(s->t), rr_travel_end(s->t));
    } else {
        g_byte_array_append(s->input, text->data, text->len);
        if (s->verbose)
            g_string_append_printf(out, "send: %u bytes for the guest from icount %" PRIu64 "\n",
                                   text->len, rr_travel_icount(s->t));
    }
    g_byte_array_unref(text);
    return st;
}

long cli_script_poll_serial(void *opaque, uint8_t *buf, size_t size, bool block)
{
    CliScript *s = opaque;
    if (s->input->len) {
        size_t n = MIN(size, (size_t)s->input->len);
        memcpy(buf, s->input->data, n);
        g_byte_array_remove_range(s->input, 0, (guint)n);
        return (long)n;
    }
    if (block) {
        /* The guest waits for input no one has sent: an expect-output ends
         * here; anything else runs into the engine's "no progress". */
        s->starved = true;
        if (s->expecting)
            rr_travel_request_stop(s->t);
    }
    return 0;
}

/* Say why an expect-output found nothing; CLI_LINE_FAILED. */
static CliLineStatus expect_failed(CliScript *s, const GByteArray *text, RrTravelResult r,
                                   uint64_t limit, uint64_t timeout, GString *out)
{
    uint64_t now = rr_travel_icount(s->t);
    g_string_append(out, "expect-output ");
    append_quoted(out, text->data, text->len, 200);
    if (r == RR_TRAVEL_STOPPED && s->starved)
        g_string_append(out, ": the guest waits for input that was not sent, at ");
    else if (now == limit)
        g_string_append_printf(out, ": not within %" PRIu64 " instructions, at ", timeout);
    else if (s->recording)
        g_string_append(out, ": the guest's run ended first, at ");
    else
        g_string_append(out, ": the recording ended first, at ");
    append_where(out, s);
    guint a = index_at(s, s->mark), b = index_at(s, now);
    g_string_append_printf(out, "; the output since icount %" PRIu64 " is ", s->mark);
    append_quoted(out, s->bytes->data + a, b - a, 400);
    g_string_append_c(out, '\n');
    return CLI_LINE_FAILED;
}

/* Forwards from here to where the output since the mark first has the
 * pattern, at most to `limit`. */
static CliLineStatus expect_run(CliScript *s, const Pattern *pat, const GByteArray *text,
                                uint64_t limit, uint64_t timeout, GString *out)
{
    uint64_t from = rr_travel_icount(s->t);
    guint start = index_at(s, s->mark), here = index_at(s, from);
    /* Printed already, since the mark: here it is. */
    if (window_matches(s, pat, start, here, true)) {
        s->mark = from;
        if (s->verbose)
            g_string_append(out, "expect-output: printed already; still here\n");
        return CLI_LINE_OK;
    }
    GError *err = NULL;
    RrTravelResult r = RR_TRAVEL_REACHED;
    bool found = false;
    /* In the output known ahead of here: go where it completes. */
    guint j = here;
    while (j < s->bytes->len && !window_matches(s, pat, start, j + 1, false))
        j++;
    if (j < s->bytes->len) {
        uint64_t at = g_array_index(s->icounts, uint64_t, j) + 1;
        r = rr_travel_seek(s->t, MIN(at, limit), &err);
        found = at <= limit && r == RR_TRAVEL_REACHED;
    } else {
        /* Forwards, as the guest prints (cli_script_guest_output). */
        s->pattern = pat;
        s->expecting = true;
        s->matched = false;
        r = rr_travel_seek(s->t, limit != UINT64_MAX || s->recording ? limit
                                                                      : rr_travel_end(s->t), &err);
        s->expecting = false;
        s->pattern = NULL;
        found = s->matched && r == RR_TRAVEL_STOPPED;
        /* Should the run end later than right after the instruction that
         * sent the byte (script.h): back there, but not away from the
         * frontier of a recording, where send's input goes. */
        if (found && rr_travel_icount(s->t) != s->match_icount + 1 && !rr_travel_live(s->t)) {
            r = rr_travel_seek(s->t, s->match_icount + 1, &err);
            found = r == RR_TRAVEL_REACHED;
        }
    }
    if (found) {
        s->mark = rr_travel_icount(s->t);
        if (s->verbose) {
            g_string_append(out, "expect-output: matched at ");
            append_where(out, s);
            g_string_append_c(out, '\n');
        }
        return CLI_LINE_OK;
    }
    if (r == RR_TRAVEL_FAILED) {
        fail(out, CLI_LINE_ERROR, "expect-output: %s", err->message);
        g_error_free(err);
        return CLI_LINE_ERROR;
    }
    if (r == RR_TRAVEL_INTERRUPTED) {
        g_string_append(out, "expect-output: interrupted at ");
        append_where(out, s);
        g_string_append_c(out, '\n');
        return CLI_LINE_INTERRUPTED;
    }
    return expect_failed(s, text, r, limit, timeout, out);
}

static CliLineStatus cmd_expect(CliScript *s, const char *args, GString *out)
{
    const char *p = skip_blanks(args), *why = NULL;
    Pattern pat = { 0 };
    bool regex = false;
    if (g_str_has_prefix(p, "-re") && (p[3] == ' ' || p[3] == '\t' || p[3] == '"'))
        regex = true, p += 3;
    GByteArray *text = g_byte_array_new();
    CliLineStatus st = CLI_LINE_OK;
    if (!parse_quoted(&p, text, regex, &why) || !text->len)
        st = fail(out, CLI_LINE_ERROR, "expect-output: %s: expect-output [-re] \"PATTERN\" "
                  "[timeout ICOUNT]", why ? why : "the pattern is empty");
    /* Then nothing, or: timeout N. */
    gchar **words = g_strsplit_set(skip_blanks(p), " \t", -1);
    GPtrArray *w = g_ptr_array_new();
    for (gchar **x = words; *x; x++)
        if (**x)
            g_ptr_array_add(w, *x);
    uint64_t timeout = 0;
    if (st == CLI_LINE_OK && w->len &&
        (w->len != 2 || strcmp(g_ptr_array_index(w, 0), "timeout") ||
         !parse_count(g_ptr_array_index(w, 1), &timeout)))
        st = fail(out, CLI_LINE_ERROR, "expect-output: after the pattern, only timeout ICOUNT "
                  "(instructions from here)");
    bool have_timeout = w->len == 2;
    g_ptr_array_unref(w);
    g_strfreev(words);
    if (st == CLI_LINE_OK && regex) {
        GError *err = NULL;
        g_autofree char *src = g_strndup((const char *)text->data, text->len);
        pat.re = g_regex_new(src, G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, &err);
        if (!pat.re) {
            st = fail(out, CLI_LINE_ERROR, "expect-output: %s", err->message);
            g_error_free(err);
        }
    }
    pat.text = text;
    if (st == CLI_LINE_OK) {
        uint64_t from = rr_travel_icount(s->t);
        uint64_t limit = have_timeout && timeout <= UINT64_MAX - from ? from + timeout
                                                                     : UINT64_MAX;
        st = expect_run(s, &pat, text, limit, timeout, out);
    }
    if (pat.re)
        g_regex_unref(pat.re);
    g_byte_array_unref(text);
    return st;
}

/* Registers and memory of the machine, for expressions. */
static uint64_t env_reg(void *opaque, const char *name)
{
    CliScript *s = opaque;
    EmuCpu *u = cpu(s);
    if (name[0] == 'x')
        return emu_cpu_x(u, (unsigned)atoi(name + 1));
    if (!strcmp(name, "sp"))
        return emu_cpu_sp(u);
    if (!strcmp(name, "pc"))
        return emu_cpu_pc(u);
    if (!strcmp(name, "cpsr"))
        return emu_cpu_pstate(u);
    if (!strcmp(name, "fpsr"))
        return emu_cpu_fpsr(u);
    if (!strcmp(name, "fpcr"))
        return emu_cpu_fpcr(u);
    if (!strcmp(name, "icount"))
        return rr_travel_icount(s->t);
    g_assert_not_reached();
}

static bool env_mem(void *opaque, uint64_t addr, unsigned size, uint64_t *value)
{
    CliScript *s = opaque;
    uint8_t b[8];
    if (!emu_cpu_read_virt(cpu(s), addr, b, size))
        return false;
    *value = 0;
    for (unsigned i = 0; i < size; i++)
        *value |= (uint64_t)b[i] << (8 * i);
    return true;
}

static CliLineStatus cmd_assert(CliScript *s, const char *args, GString *out)
{
    GError *err = NULL;
    const char *text = skip_blanks(args);
    if (!*text)
        return fail(out, CLI_LINE_ERROR, "usage: assert EXPR (for example: assert x0 == 0x2a)");
    g_autoptr(CliExpr) e = cli_expr_parse(text, &err);
    if (!e) {
        fail(out, CLI_LINE_ERROR, "assert: %s", err->message);
        g_error_free(err);
        return CLI_LINE_ERROR;
    }
    CliExprEnv env = { .reg = env_reg, .mem = env_mem, .opaque = s };
    uint64_t v;
    if (!cli_expr_eval(e, &env, &v, &err)) {
        g_string_append_printf(out, "assert %s: at ", cli_expr_text(e));
        append_where(out, s);
        fail(out, CLI_LINE_FAILED, ": %s", err->message);
        g_error_free(err);
        return CLI_LINE_FAILED;
    }
    if (v) {
        if (s->verbose)
            g_string_append(out, "assert: true\n");
        return CLI_LINE_OK;
    }
    g_autofree char *why = cli_expr_explain(e, &env);
    g_string_append_printf(out, "assert %s: false at ", cli_expr_text(e));
    append_where(out, s);
    return fail(out, CLI_LINE_FAILED, ": %s", why);
}

typedef struct Own {
    const char *name, *args, *help;
    CliLineStatus (*run)(CliScript *s, const char *args, GString *out);
} Own;

static CliLineStatus cmd_echo(CliScript *s, const char *args, GString *out)
{
    g_string_append_printf(out, "%s\n", *args == ' ' || *args == '\t' ? args + 1 : args);
    return CLI_LINE_OK;
}

static const Own own[] = {
    { "send", "\"TEXT\"", "serial input for the guest, recording (C escapes: \\n \\r \\xHH)",
      cmd_send },
    { "expect-output", "[-re] \"PATTERN\" [timeout N]",
      "forwards until the guest's output has PATTERN (a substring, or -re a regex)", cmd_expect },
    { "assert", "EXPR", "fail unless EXPR holds: registers, *(u32*)ADDR, icount, C operators",
      cmd_assert },
    { "echo", "TEXT", "print TEXT", cmd_echo },
};

const char *const *cli_script_command_names(void)
{
    static const char *const names[] = { "send", "expect-output", "assert", "echo", NULL };
    return names;
}

static void help_line(GString *out, const Own *o)
{
    g_autofree char *head = g_strdup_printf("%s %s", o->name, o->args);
    g_string_append_printf(out, "  %-28s %s\n", head, o->help);
}

void cli_script_help(GString *out)
{
    g_string_append(out, "in scripts and at the prompt:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(own); i++)
        help_line(out, &own[i]);
}

/* ---- Lines -------------------------------------------------------------------- */

static CliLineStatus run_line(CliScript *s, const char *line, GString *out)
{
    g_autofree char *text = strip_comment(line);
    g_strstrip(text);
    if (!*text)
        return CLI_LINE_OK;
    size_t n = strcspn(text, " \t");
    g_autofree char *word = g_strndup(text, n);
    const char *args = text + n;
    for (size_t i = 0; i < G_N_ELEMENTS(own); i++)
        if (!strcmp(word, own[i].name) || (i == 1 && !strcmp(word, "expect")))
            return own[i].run(s, args, out);
    if (g_str_has_prefix("help", word)) {     /* help, or a prefix the table takes for it */
        g_autofree char *arg = g_strstrip(g_strdup(args));
        for (size_t i = 0; *arg && i < G_N_ELEMENTS(own); i++)
            if (!strcmp(arg, own[i].name)) {
                help_line(out, &own[i]);
                return CLI_LINE_OK;
            }
        if (!cli_commands_run(s->cmds, text, out))
            return CLI_LINE_ERROR;
        if (!*arg)
            cli_script_help(out);
        return CLI_LINE_OK;
    }
    gsize before = out->len;
    if (cli_commands_run(s->cmds, text, out)) {
        s->quit = cli_commands_quit(s->cmds);
        return CLI_LINE_OK;
    }
    if (cli_commands_interrupted(s->cmds))
        return CLI_LINE_INTERRUPTED;         /* called off (gdbserver's wait) */
    if (s->starved && s->recording && out->len > before && out->str[out->len - 1] == '\n') {
        g_string_truncate(out, out->len - 1);
        g_string_append(out, " (the guest waits for serial input: send \"TEXT\" gives it some)\n");
    }
    return CLI_LINE_ERROR;
}

CliLineStatus cli_script_run_line(CliScript *s, const char *line, GString *out)
{
    s->reported = s->interrupted = s->starved = false;
    CliLineStatus st = run_line(s, line, out);
    if (s->reported && s->hooks.done)
        s->hooks.done(s->hooks.opaque);
    /* A move back before the mark moves it back. */
    s->mark = MIN(s->mark, rr_travel_icount(s->t));
    if (st == CLI_LINE_OK && s->interrupted)
        st = CLI_LINE_INTERRUPTED;
    return st;
}

int cli_script_run_file(CliScript *s, const char *path, FILE *out, FILE *err)
{
    char *contents = NULL;
    gsize len = 0;
    GError *e = NULL;
    bool ok;
    if (!strcmp(path, "-")) {
        GIOChannel *ch = g_io_channel_unix_new(0);
        ok = g_io_channel_read_to_end(ch, &contents, &len, &e) == G_IO_STATUS_NORMAL;
        g_io_channel_unref(ch);
    } else {
        ok = g_file_get_contents(path, &contents, &len, &e);
    }
    if (!ok) {
        fprintf(err, "rewind: --script %s: %s\n", path, e->message);
        g_error_free(e);
        return CLI_SCRIPT_ERROR;
    }
    if (memchr(contents, 0, len)) {
        fprintf(err, "rewind: --script %s: not a text file\n", path);
        g_free(contents);
        return CLI_SCRIPT_ERROR;
    }
    g_auto(GStrv) lines = g_strsplit(contents, "\n", -1);
    g_free(contents);
    GString *o = g_string_new(NULL);
    int status = 0;
    for (size_t i = 0; lines[i] && !s->quit; i++) {
        size_t n = strlen(lines[i]);
        if (n && lines[i][n - 1] == '\r')
            lines[i][n - 1] = 0;
        g_string_truncate(o, 0);
        CliLineStatus st = cli_script_run_line(s, lines[i], o);
        if (st == CLI_LINE_OK) {
            fputs(o->str, out);
            fflush(out);
            continue;
        }
        /* All but the last line of the output are the command's; the last
         * says what went wrong. */
        if (o->len && o->str[o->len - 1] == '\n')
            g_string_truncate(o, o->len - 1);
        const char *last = strrchr(o->str, '\n');
        if (last) {
            fwrite(o->str, 1, (size_t)(last + 1 - o->str), out);
            last++;
        } else {
            last = o->str;
        }
        fflush(out);
        fprintf(err, "%s:%zu: %s%s\n", path, i + 1, st == CLI_LINE_ERROR ? "error: " : "", last);
        status = st == CLI_LINE_FAILED ? CLI_SCRIPT_FAILED
               : st == CLI_LINE_INTERRUPTED ? CLI_SCRIPT_INTERRUPTED : CLI_SCRIPT_ERROR;
        break;
    }
    g_string_free(o, true);
    return status;
}
