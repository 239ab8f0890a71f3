/* cli/commands.h — the one command table of rewind's prompt, scripts and
 * gdb `monitor`: each command has a name, aliases, an argument syntax and
 * a line of help; the table makes `help`, the usage errors and (later)
 * completion. Commands act on a replay through the time-travel engine.
 *
 *   CliCommands *c = cli_commands_new(travel, machine, "rec/snapshots.qcow2");
 *   GString *out = g_string_new(NULL);
 *   if (!cli_commands_run(c, "rsi 3", out)) ...      // out says what went wrong
 */
#ifndef CLI_COMMANDS_H
#define CLI_COMMANDS_H

#include <glib.h>
#include <stdbool.h>

#include "replay/travel.h"

typedef struct CliCommands CliCommands;

/* `t` and `m` stay the caller's; `named` is the qcow2 of savevm/loadvm
 * (NULL: those are refused). */
CliCommands *cli_commands_new(RrTravel *t, EmuMachine *m, const char *named);
void cli_commands_free(CliCommands *c);

/* Run one command line; its output (or, on failure, one line saying what
 * went wrong and how to ask for help) is appended to `out`. Returns false
 * for an unknown command, bad arguments or a failed operation; the
 * position in the recording is then unchanged unless the output says
 * otherwise. An empty line does nothing. */
bool cli_commands_run(CliCommands *c, const char *line, GString *out);

/* cli_commands_run as gdb's `monitor` wants it (gdbstub/target.h's
 * GdbMonitorFn; `opaque` is the CliCommands): the output, g_free'd by the
 * caller. */
char *cli_commands_monitor(void *opaque, const char *line);

/* Whether `quit` was given. */
bool cli_commands_quit(const CliCommands *c);

/* The command names (with their aliases) in table order, NULL-terminated,
 * for completion. */
const char *const *cli_commands_names(void);

#endif
