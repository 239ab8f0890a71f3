/* cli/repl.h — rewind's prompt: read a line, run it (cli/script.h: the
 * command table plus send, expect-output, assert, echo), print what it
 * says, until `quit` or the end of input (Ctrl-D).
 *
 *   (rewind 0/183146) break 0x40000200
 *   breakpoint 1 at 0x40000200
 *   (rewind 0/183146) continue
 *
 * The prompt shows the icount and the end of the recording. Ctrl-C while a
 * command runs interrupts it, at a consistent position (the engine's
 * progress report returns false); Ctrl-C at the prompt drops the line
 * typed. Long commands show a progress bar with the time left.
 *
 * The person at the other end is a backend: readline on a terminal (with
 * history in a file and completion), or, for tests, a list of lines in and
 * the output kept.
 *
 *   CliReplBackend *b = cli_repl_backend_readline(NULL);
 *   CliRepl *r = cli_repl_new(script, travel, cmds, b);
 *   cli_repl_run(r);
 *   cli_repl_free(r); cli_repl_backend_free(b);
 */
#ifndef CLI_REPL_H
#define CLI_REPL_H

#include <glib.h>
#include <stdbool.h>

#include "cli/commands.h"
#include "cli/script.h"
#include "replay/travel.h"

typedef enum CliReplRead {
    CLI_REPL_LINE,               /* a line was read */
    CLI_REPL_INTERRUPT,          /* Ctrl-C at the prompt: the line typed is dropped */
    CLI_REPL_END,                /* Ctrl-D on an empty line, or the end of the input */
} CliReplRead;

/* Candidates to complete the word that ends at byte `point` of `line`:
 * whole words, NULL-terminated (g_strfreev'd by the caller). */
typedef char **(*CliReplCompleter)(void *data, const char *line, size_t point);

/* What the prompt needs from a person. `self` is the backend's. */
typedef struct CliReplBackend {
    /* Show `prompt` and read a line into *line (g_free'd by the caller). */
    CliReplRead (*read_line)(void *self, const char *prompt, char **line);
    void (*add_history)(void *self, const char *line);
    void (*set_completer)(void *self, CliReplCompleter fn, void *data);
    void (*print)(void *self, const char *text);
    /* Whether Ctrl-C was pressed since the command started. */
    bool (*interrupted)(void *self);
    /* A command is `fraction` (0 to 1) done; done: it ended. */
    void (*progress)(void *self, double fraction);
    void (*progress_done)(void *self);
    void (*free)(void *self);
    void *self;
} CliReplBackend;

void cli_repl_backend_free(CliReplBackend *b);

/* The terminal's: GNU readline on standard input, with the history kept in
 * `history` (NULL: $REWIND_HISTORY, else ~/.rewind_history; kept to the
 * last 1000 lines), Ctrl-C caught (SIGINT) while the backend lives, the
 * output on stdout and the progress bar on stderr if it is a terminal.
 * Standard input that is no terminal is read line by line, the prompt
 * printed, no history. One readline backend at a time. */
CliReplBackend *cli_repl_backend_readline(const char *history);
/* The history file cli_repl_backend_readline(NULL) uses (g_free). */
char *cli_repl_history_path(void);

/* For tests: `lines` are read in turn (copied), then the input ends. A
 * line "^C" is Ctrl-C at the prompt; "^C " followed by a command runs the
 * command with Ctrl-C pressed at its first progress report. The prompts,
 * the lines as typed and what is printed accumulate in the output. */
CliReplBackend *cli_repl_backend_test(const char *const *lines);
const char *cli_repl_backend_test_output(const CliReplBackend *b);
/* The history the prompt kept, one line each ("\n" after each). */
const char *cli_repl_backend_test_history(const CliReplBackend *b);
/* Ask the completer for the end of `line`, as Tab would. */
char **cli_repl_backend_test_complete(const CliReplBackend *b, const char *line);
/* How many progress reports the backend got. */
unsigned cli_repl_backend_test_progress_reports(const CliReplBackend *b);

typedef struct CliRepl CliRepl;

/* Everything stays the caller's and must outlive the prompt, which sets
 * the script's hooks (cli_script_set_hooks) and makes it verbose. */
CliRepl *cli_repl_new(CliScript *script, RrTravel *t, CliCommands *cmds, CliReplBackend *b);
void cli_repl_free(CliRepl *r);

/* Prompt until `quit` or the end of the input. Returns the number of
 * lines that failed (errors and assertions), for whoever wants it. */
unsigned cli_repl_run(CliRepl *r);

/* The prompt as shown now: "(rewind ICOUNT/END) " (g_free). */
char *cli_repl_prompt(const CliRepl *r);

/* Completion for the prompt: command names (the table's and the
 * script's) for the first word, then what the table completes. */
char **cli_repl_complete(CliRepl *r, const char *line, size_t point);

/* A progress bar on a terminal: nothing for the first quarter second of a
 * command, then "[#######.............]  35%  ETA 1.2 s" redrawn in place
 * on `fd`, erased when the command ends. Nothing if `fd` is no terminal. */
typedef struct CliProgressBar {
    int fd;
    bool tty, shown;
    gint64 first;                /* time of the first report of this command, 0: none yet */
    double first_fraction;
} CliProgressBar;
void cli_progress_bar_init(CliProgressBar *b, int fd);
void cli_progress_bar_update(CliProgressBar *b, double fraction);
void cli_progress_bar_done(CliProgressBar *b);
/* The bar's text for `fraction` done, `eta` seconds left (< 0: unknown),
 * `width` characters of bar (g_free). */
char *cli_progress_bar_format(double fraction, double eta, unsigned width);

#endif
