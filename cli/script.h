/* cli/script.h — the line interpreter of rewind's prompt and of `--script
 * FILE` runs: every command of the table (cli/commands.h), plus four of
 * its own that gdb's `monitor` has no use for:
 *
 *   send "TEXT"                      serial input at the current icount, in a
 *                                    recording (C escapes: \n \r \t \\ \" \xHH \NNN)
 *   expect-output "TEXT" [timeout N] run forwards until the guest's UART output
 *   expect-output -re "REGEX" [timeout N]   contains TEXT (a plain substring), or
 *                                    matches REGEX (GLib's, PCRE syntax, its own
 *                                    escapes; \" for a quote); stop right after
 *                                    the instruction that completed it
 *   assert EXPR                      EXPR (cli/expr.h) is non-zero here
 *   echo TEXT                        print TEXT
 *
 * and `# comments` (a line starting with #, or # after a blank outside
 * quotes) and blank lines.
 *
 * expect-output stops right after the instruction that sent the byte
 * completing the match (rr_travel_request_stop ends the run there). Should
 * a run end later (a byte sent outside an instruction), a replay goes back
 * to that point; a recording being made stays where it is, since moving
 * back would leave the frontier, where send's input goes.
 *
 * The output expect-output looks at is what the guest printed since the
 * last expect-output matched (or since icount 0): the bytes the UART sent
 * at icounts from there to here. A move back before that point moves it
 * back too. It is searched where the replay already went (no need to
 * replay it) and then, forwards from there, as the guest prints;
 * `timeout N` gives up N instructions from here; without one, at the end
 * of the recording (or, recording, when the guest's run ends or it waits
 * for input that no `send` has given).
 *
 *   CliScript *s = cli_script_new(travel, machine, cmds, recording);
 *   ... the machine's serial hook calls cli_script_guest_output ...
 *   int status = cli_script_run_file(s, "check.rws", stdout, stderr);
 */
#ifndef CLI_SCRIPT_H
#define CLI_SCRIPT_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/commands.h"
#include "replay/travel.h"

/* Exit statuses of a script run (besides 0: every line ran, every
 * assertion held). */
#define CLI_SCRIPT_FAILED 5      /* an assert or expect-output did not hold */
#define CLI_SCRIPT_ERROR 6       /* a line is wrong: unknown command, bad argument, a
                                  * command that failed; or the script cannot be read */
#define CLI_SCRIPT_INTERRUPTED 130   /* Ctrl-C */

typedef struct CliScript CliScript;

/* `t`, `m` and `cmds` stay the caller's and must outlive the script;
 * `recording`: `t` travels in a recording being made (send is taken). */
CliScript *cli_script_new(RrTravel *t, EmuMachine *m, CliCommands *cmds, bool recording);
void cli_script_free(CliScript *s);

/* Whether to say so when a send, assert or expect-output succeeds (at the
 * prompt; a script is silent then). Default false. */
void cli_script_set_verbose(CliScript *s, bool verbose);

/* While a command runs: `progress` about every 20 ms with how far along it
 * is (returning false interrupts it, at a consistent position), and
 * `done` when a line that reported progress ends. Either may be NULL. */
typedef struct CliScriptHooks {
    bool (*progress)(void *opaque, double fraction);
    void (*done)(void *opaque);
    void *opaque;
} CliScriptHooks;
void cli_script_set_hooks(CliScript *s, const CliScriptHooks *h);

/* The guest's UART output, byte by byte, from the machine's serial hook
 * (the instruction sending it is running). Returns true the first time
 * the session gets to this byte (a replay going back and forth sends the
 * same bytes again): the caller shows those. */
bool cli_script_guest_output(CliScript *s, uint8_t byte);

/* RrSessionIo.poll_serial of a recording made under a script or the
 * prompt (`opaque` is the CliScript): the bytes `send` queued. Never ends
 * the input: a guest waiting for more than was sent makes an
 * expect-output stop and say so. */
long cli_script_poll_serial(void *opaque, uint8_t *buf, size_t size, bool block);

typedef enum CliLineStatus {
    CLI_LINE_OK,
    CLI_LINE_ERROR,              /* a wrong line or a command that failed */
    CLI_LINE_FAILED,             /* an assert or expect-output that did not hold */
    CLI_LINE_INTERRUPTED,        /* the progress hook said stop */
} CliLineStatus;

/* Run one line. Its output is appended to `out`; unless OK, the output
 * ends with one line saying what went wrong (a failed assert: where, the
 * expression and the values seen). An error leaves the position as it
 * was unless the output says otherwise. */
CliLineStatus cli_script_run_line(CliScript *s, const char *line, GString *out);

/* Run the lines of the file at `path` in order (standard input for "-"):
 * commands' output to `out`; the first line that is not OK stops the run
 * with "PATH:LINE: ..." on `err`. Returns 0, or CLI_SCRIPT_FAILED,
 * CLI_SCRIPT_ERROR or CLI_SCRIPT_INTERRUPTED. */
int cli_script_run_file(CliScript *s, const char *path, FILE *out, FILE *err);

/* Whether the last line run was `quit`. */
bool cli_script_quit(const CliScript *s);

/* The script's own commands, NULL-terminated, and a line of help for each
 * (help's output, appended to `out`). */
const char *const *cli_script_command_names(void);
void cli_script_help(GString *out);

#endif
