/* cli/repl.c — see repl.h. */
#include "cli/repl.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

/* History lines kept in the file. */
#define HISTORY_LINES 1000
/* A progress bar shows once a command has run this long. */
#define PROGRESS_DELAY_US 250000

void cli_repl_backend_free(CliReplBackend *b)
{
    if (b) {
        b->free(b->self);
        g_free(b);
    }
}

/* ---- Progress bar ---------------------------------------------------------- */

void cli_progress_bar_init(CliProgressBar *b, int fd)
{
    *b = (CliProgressBar){ .fd = fd, .tty = isatty(fd) };
}

char *cli_progress_bar_format(double fraction, double eta, unsigned width)
{
    fraction = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
    unsigned filled = (unsigned)(fraction * width + 0.5);
    GString *s = g_string_new("[");
    for (unsigned i = 0; i < width; i++)
        g_string_append_c(s, i < filled ? '#' : '.');
    g_string_append_printf(s, "] %3d%%", (int)(fraction * 100));
    if (eta < 0)
        g_string_append(s, "  ETA --");
    else if (eta < 60)
        g_string_append_printf(s, "  ETA %.1f s", eta);
    else
        g_string_append_printf(s, "  ETA %um%02us", (unsigned)(eta / 60), (unsigned)fmod(eta, 60));
    return g_string_free(s, false);
}

static void write_all(int fd, const char *s)
{
    size_t len = strlen(s);
    while (len) {
        ssize_t n = write(fd, s, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        s += n;
        len -= (size_t)n;
    }
}

void cli_progress_bar_update(CliProgressBar *b, double fraction)
{
    if (!b->tty)
        return;
    gint64 now = g_get_monotonic_time();
    if (!b->first) {
        /* The engine's first report comes about 20 ms into the command. */
        b->first = now;
        b->first_fraction = fraction;
        return;
    }
    if (now - b->first < PROGRESS_DELAY_US)
        return;
    double rate = (fraction - b->first_fraction) / (double)(now - b->first) * 1e6;
    double eta = rate > 0 ? (1 - fraction) / rate : -1;
    struct winsize ws;
    unsigned cols = ioctl(b->fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
    unsigned width = cols > 60 ? 40 : cols > 30 ? cols - 26 : 4;
    g_autofree char *bar = cli_progress_bar_format(fraction, eta, width);
    g_autofree char *line = g_strdup_printf("\r%s\033[K", bar);
    write_all(b->fd, line);
    b->shown = true;
}

void cli_progress_bar_done(CliProgressBar *b)
{
    if (b->shown)
        write_all(b->fd, "\r\033[K");
    b->shown = false;
    b->first = 0;
}

/* ---- The readline backend ------------------------------------------------------ */

/* readline is one per process, and so is its state here. */
typedef struct Readline {
    bool tty;                    /* standard input is a terminal */
    char *history;
    CliProgressBar bar;
    bool said_interrupt;         /* the command running was interrupted */
    struct sigaction old_int;
} Readline;

static volatile sig_atomic_t got_sigint;
static CliReplCompleter completer_fn;
static void *completer_data;
static char *got_line;
static bool got_eof, got_done;

static void on_sigint(int sig) { got_sigint = 1; }

char *cli_repl_history_path(void)
{
    const char *env = g_getenv("REWIND_HISTORY");
    if (env && *env)
        return g_strdup(env);
    return g_build_filename(g_get_home_dir(), ".rewind_history", NULL);
}

static void on_line(char *line)
{
    got_line = line;
    got_eof = line == NULL;
    got_done = true;
    rl_callback_handler_remove();
}

/* Read a line with readline's callback interface, so that a Ctrl-C (a
 * signal interrupting select) can drop the line and leave. */
static CliReplRead readline_read(void *self, const char *prompt, char **line)
{
    Readline *r = self;
    got_sigint = 0;
    r->said_interrupt = false;
    *line = NULL;
    if (!r->tty) {
        fputs(prompt, stdout);
        fflush(stdout);
        char *buf = NULL;
        size_t size = 0;
        ssize_t n = getline(&buf, &size, stdin);
        if (n < 0) {
            free(buf);
            fputc('\n', stdout);
            return CLI_REPL_END;
        }
        if (n && buf[n - 1] == '\n')
            buf[n - 1] = 0;
        *line = g_strdup(buf);
        free(buf);
        return CLI_REPL_LINE;
    }
    got_done = got_eof = false;
    got_line = NULL;
    rl_callback_handler_install(prompt, on_line);
    while (!got_done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        int n = select(STDIN_FILENO + 1, &fds, NULL, NULL, NULL);
        if (n < 0 && errno == EINTR && got_sigint) {
            got_sigint = 0;
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_replace_line("", 0);
            rl_crlf();
            rl_callback_handler_remove();
            return CLI_REPL_INTERRUPT;
        }
        if (n > 0)
            rl_callback_read_char();
    }
    if (got_eof) {
        fputc('\n', stdout);
        return CLI_REPL_END;
    }
    *line = g_strdup(got_line);
    free(got_line);
    return CLI_REPL_LINE;
}

static void readline_add_history(void *self, const char *line)
{
    Readline *r = self;
    if (!r->tty)
        return;
    HIST_ENTRY *last = history_get(history_base + history_length - 1);
    if (last && !strcmp(last->line, line))
        return;
    add_history(line);
    /* Appended as it is typed: a session that ends badly keeps it. */
    if (append_history(1, r->history) != 0)
        write_history(r->history);
}

static char *completion_next(const char *text, int state)
{
    static char **cands;
    static size_t i;
    if (!state) {
        g_strfreev(cands);
        cands = completer_fn ? completer_fn(completer_data, rl_line_buffer, (size_t)rl_point)
                             : NULL;
        i = 0;
    }
    if (!cands || !cands[i]) {
        g_clear_pointer(&cands, g_strfreev);
        return NULL;
    }
    return strdup(cands[i++]);   /* readline frees it with free() */
}

static char **readline_attempt(const char *text, int start, int end)
{
    rl_attempted_completion_over = 1;    /* no file names */
    return rl_completion_matches(text, completion_next);
}

static void readline_set_completer(void *self, CliReplCompleter fn, void *data)
{
    completer_fn = fn;
    completer_data = data;
}

static void readline_print(void *self, const char *text)
{
    fputs(text, stdout);
    fflush(stdout);
}

/* A Ctrl-C seen while a command runs: the terminal has echoed "^C"; what
 * the command says next goes on a line of its own. */
static bool readline_interrupted(void *self)
{
    Readline *r = self;
    if (got_sigint && !r->said_interrupt) {
        cli_progress_bar_done(&r->bar);
        fputc('\n', stdout);
        fflush(stdout);
        r->said_interrupt = true;
    }
    return got_sigint != 0;
}

static void readline_progress(void *self, double fraction)
{
    cli_progress_bar_update(&((Readline *)self)->bar, fraction);
}

static void readline_progress_done(void *self) { cli_progress_bar_done(&((Readline *)self)->bar); }

static void readline_free(void *self)
{
    Readline *r = self;
    if (r->tty)
        history_truncate_file(r->history, HISTORY_LINES);
    sigaction(SIGINT, &r->old_int, NULL);
    completer_fn = NULL;
    completer_data = NULL;
    g_free(r->history);
    g_free(r);
}

CliReplBackend *cli_repl_backend_readline(const char *history)
{
    Readline *r = g_new0(Readline, 1);
    r->tty = isatty(STDIN_FILENO);
    r->history = history ? g_strdup(history) : cli_repl_history_path();
    cli_progress_bar_init(&r->bar, STDERR_FILENO);
    if (r->tty) {
        rl_readline_name = "rewind";
        rl_catch_signals = 0;            /* SIGINT is ours (below) */
        rl_completer_word_break_characters = " \t";
        rl_attempted_completion_function = readline_attempt;
        using_history();
        stifle_history(HISTORY_LINES);
        read_history(r->history);        /* none yet is fine */
    }
    /* No SA_RESTART: select (and a recording's waits) return on Ctrl-C. */
    struct sigaction sa = { .sa_handler = on_sigint };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &r->old_int);
    CliReplBackend *b = g_new0(CliReplBackend, 1);
    *b = (CliReplBackend){
        .read_line = readline_read, .add_history = readline_add_history,
        .set_completer = readline_set_completer, .print = readline_print,
        .interrupted = readline_interrupted, .progress = readline_progress,
        .progress_done = readline_progress_done, .free = readline_free, .self = r,
    };
    return b;
}

/* ---- The test backend ------------------------------------------------------------ */

typedef struct TestBackend {
    char **lines;
    size_t next;
    GString *output, *history;
    CliReplCompleter completer;
    void *completer_data;
    bool ctrl_c_pending, pressed;   /* the line running wants Ctrl-C; it was pressed */
    unsigned reports, dones;
} TestBackend;

static CliReplRead test_read(void *self, const char *prompt, char **line)
{
    TestBackend *t = self;
    t->ctrl_c_pending = t->pressed = false;
    g_string_append(t->output, prompt);
    if (!t->lines[t->next]) {
        g_string_append_c(t->output, '\n');
        return CLI_REPL_END;
    }
    const char *l = t->lines[t->next++];
    if (!strcmp(l, "^C")) {
        g_string_append(t->output, "^C\n");
        return CLI_REPL_INTERRUPT;
    }
    if (g_str_has_prefix(l, "^C ")) {
        t->ctrl_c_pending = true;
        l += 3;
    }
    g_string_append_printf(t->output, "%s\n", l);
    *line = g_strdup(l);
    return CLI_REPL_LINE;
}

static void test_add_history(void *self, const char *line)
{
    g_string_append_printf(((TestBackend *)self)->history, "%s\n", line);
}

static void test_set_completer(void *self, CliReplCompleter fn, void *data)
{
    TestBackend *t = self;
    t->completer = fn;
    t->completer_data = data;
}

static void test_print(void *self, const char *text)
{
    g_string_append(((TestBackend *)self)->output, text);
}

static bool test_interrupted(void *self) { return ((TestBackend *)self)->pressed; }

static void test_progress(void *self, double fraction)
{
    TestBackend *t = self;
    t->reports++;
    if (t->ctrl_c_pending)
        t->pressed = true;
}

static void test_progress_done(void *self) { ((TestBackend *)self)->dones++; }

static void test_free(void *self)
{
    TestBackend *t = self;
    g_strfreev(t->lines);
    g_string_free(t->output, true);
    g_string_free(t->history, true);
    g_free(t);
}

CliReplBackend *cli_repl_backend_test(const char *const *lines)
{
    TestBackend *t = g_new0(TestBackend, 1);
    t->lines = g_strdupv((char **)lines);
    t->output = g_string_new(NULL);
    t->history = g_string_new(NULL);
    CliReplBackend *b = g_new0(CliReplBackend, 1);
    *b = (CliReplBackend){
        .read_line = test_read, .add_history = test_add_history,
        .set_completer = test_set_completer, .print = test_print,
        .interrupted = test_interrupted, .progress = test_progress,
        .progress_done = test_progress_done, .free = test_free, .self = t,
    };
    return b;
}

static const TestBackend *test_of(const CliReplBackend *b)
{
    g_assert(b->read_line == test_read);
    return b->self;
}

const char *cli_repl_backend_test_output(const CliReplBackend *b) { return test_of(b)->output->str; }
const char *cli_repl_backend_test_history(const CliReplBackend *b) { return test_of(b)->history->str; }
unsigned cli_repl_backend_test_progress_reports(const CliReplBackend *b) { return test_of(b)->reports; }

char **cli_repl_backend_test_complete(const CliReplBackend *b, const char *line)
{
    const TestBackend *t = test_of(b);
    g_assert(t->completer);
    return t->completer(t->completer_data, line, strlen(line));
}

/* ---- The prompt ----------------------------------------------------------------- */

struct CliRepl {
    CliScript *script;
    RrTravel *t;
    CliCommands *cmds;
    CliReplBackend *b;
};

static bool repl_progress(void *opaque, double fraction)
{
    CliRepl *r = opaque;
    r->b->progress(r->b->self, fraction);
    return !r->b->interrupted(r->b->self);
}

static void repl_done(void *opaque)
{
    CliRepl *r = opaque;
    r->b->progress_done(r->b->self);
}

static char **complete_hook(void *data, const char *line, size_t point)
{
    return cli_repl_complete(data, line, point);
}

/* A command that waits (gdbserver) asks whether Ctrl-C called it off. */
static bool repl_interrupted(void *opaque)
{
    CliRepl *r = opaque;
    return r->b->interrupted(r->b->self);
}

CliRepl *cli_repl_new(CliScript *script, RrTravel *t, CliCommands *cmds, CliReplBackend *b)
{
    CliRepl *r = g_new0(CliRepl, 1);
    r->script = script;
    r->t = t;
    r->cmds = cmds;
    r->b = b;
    CliScriptHooks h = { .progress = repl_progress, .done = repl_done, .opaque = r };
    cli_script_set_hooks(script, &h);
    cli_script_set_verbose(script, true);
    b->set_completer(b->self, complete_hook, r);
    cli_commands_set_interrupt(cmds, repl_interrupted, r);
    return r;
}

void cli_repl_free(CliRepl *r)
{
    if (!r)
        return;
    cli_script_set_hooks(r->script, NULL);
    cli_commands_set_interrupt(r->cmds, NULL, NULL);
    r->b->set_completer(r->b->self, NULL, NULL);
    g_free(r);
}

char *cli_repl_prompt(const CliRepl *r)
{
    return g_strdup_printf("(rewind %" PRIu64 "/%" PRIu64 ") ", rr_travel_icount(r->t),
                           rr_travel_end(r->t));
}

static int compare_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char **cli_repl_complete(CliRepl *r, const char *line, size_t point)
{
    size_t len = strlen(line);
    point = MIN(point, len);
    /* The word being completed starts after the last blank before point. */
    size_t start = point;
    while (start > 0 && line[start - 1] != ' ' && line[start - 1] != '\t')
        start--;
    size_t first = strspn(line, " \t");
    GPtrArray *out = g_ptr_array_new();
    if (start <= first) {
        /* The command's name: the table's and the script's. */
        g_autofree char *word = g_strndup(line + start, point - start);
        char **table = cli_commands_complete(r->cmds, line, point);
        for (char **c = table; *c; c++)
            g_ptr_array_add(out, g_strdup(*c));
        g_strfreev(table);
        for (const char *const *n = cli_script_command_names(); *n; n++)
            if (g_str_has_prefix(*n, word))
                g_ptr_array_add(out, g_strdup(*n));
        g_ptr_array_sort(out, compare_str);
    } else {
        size_t n = strcspn(line + first, " \t");
        bool own = false;
        for (const char *const *c = cli_script_command_names(); *c; c++)
            own |= strlen(*c) == n && !strncmp(*c, line + first, n);
        if (!own) {
            char **table = cli_commands_complete(r->cmds, line, point);
            for (char **c = table; *c; c++)
                g_ptr_array_add(out, g_strdup(*c));
            g_strfreev(table);
        }
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, false);
}

unsigned cli_repl_run(CliRepl *r)
{
    unsigned failed = 0;
    GString *out = g_string_new(NULL);
    while (!cli_script_quit(r->script)) {
        g_autofree char *prompt = cli_repl_prompt(r);
        char *line = NULL;
        CliReplRead got = r->b->read_line(r->b->self, prompt, &line);
        if (got == CLI_REPL_END)
            break;
        if (got == CLI_REPL_INTERRUPT)
            continue;
        if (*g_strstrip(line)) {
            r->b->add_history(r->b->self, line);
            g_string_truncate(out, 0);
            CliLineStatus st = cli_script_run_line(r->script, line, out);
            if (st == CLI_LINE_ERROR || st == CLI_LINE_FAILED)
                failed++;
            r->b->print(r->b->self, out->str);
        }
        g_free(line);
    }
    g_string_free(out, true);
    return failed;
}
