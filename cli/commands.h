/* cli/commands.h — the one command table of rewind's prompt, scripts and
 * gdb `monitor`: each command has a name, aliases, an argument syntax, a
 * line of help and a completer; the table makes `help`, the usage errors
 * and completion. Commands act on a replay through the time-travel engine.
 *
 *   CliCommands *c = cli_commands_new(travel, machine, "rec/snapshots.qcow2", "prog.elf");
 *   GString *out = g_string_new(NULL);
 *   if (!cli_commands_run(c, "rsi 3", out)) ...      // out says what went wrong
 *
 * The commands (`help` lists them with their syntax): help, info
 * replay|snapshots|breakpoints|registers [REG]|symbol ADDR, seek
 * (replay_seek), stepi (si), rsi (reverse-stepi), continue (c) [ICOUNT], rc
 * (reverse-continue), replay_break ICOUNT, replay_delete_break, break (b),
 * watch [-r|-a], delete (d), last-write ADDR [LEN], x/FMT ADDR, disas
 * (disassemble) [ADDR] [N], bt (backtrace, where), set REG VALUE,
 * savevm/loadvm/delvm NAME, quit (q). A command may be shortened to any
 * prefix only it has.
 *
 * Where an address is wanted, it may be a number (decimal, or hex with
 * 0x), a symbol of the program, or a register as $x0, $sp, $pc..., each
 * optionally followed by +N or -N. Registers are named as gdb names them:
 * x0-x30, w0-w30, fp (x29), lr (x30), sp, pc, cpsr, fpsr, fpcr, v0-v31.
 *
 * Every report of where the replay stopped is one line: why (breakpoint N;
 * watchpoint N with the access, its pc and old/new values; replay_break at
 * icount N; reached icount N; the start or end of the recording), then the
 * icount and the pc with its symbol ("icount 7, pc 0x40000200 <tick>").
 */
#ifndef CLI_COMMANDS_H
#define CLI_COMMANDS_H

#include <glib.h>
#include <stdbool.h>

#include "replay/travel.h"

typedef struct CliCommands CliCommands;

/* `t` and `m` stay the caller's; `named` is the qcow2 of savevm/loadvm
 * (NULL: those are refused); `elf` the guest program whose symbols name
 * addresses (NULL: none). A program whose symbols cannot be read is no
 * error here: commands then take numbers only and say why where a symbol
 * was given (see cli_commands_symbols_error). */
CliCommands *cli_commands_new(RrTravel *t, EmuMachine *m, const char *named, const char *elf);
void cli_commands_free(CliCommands *c);

/* Why the program's symbols could not be read (for a warning at start),
 * or NULL if they were or no program was given. c's string. */
const char *cli_commands_symbols_error(const CliCommands *c);

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

/* Completion of the word that ends at byte `point` of `line` (the text
 * from the last blank before `point`; "" after a blank): command names and
 * aliases for the first word; then, by command, `info`'s subcommands,
 * register names (set, info registers, and $REG where an address goes),
 * symbol names where an address goes (break, watch, x, disas, last-write,
 * info symbol), snapshot names (savevm, loadvm, delvm) and breakpoint
 * numbers (delete). Returns the candidates, each a whole word that starts
 * with that text, sorted and each once, NULL-terminated (no candidates:
 * just the NULL); g_strfreev it.
 *
 * With readline: set rl_completer_word_break_characters to " \t" (so that
 * "$sp" and "x/4x" are single words), and in the
 * rl_attempted_completion_function call this with rl_line_buffer and
 * `end`, copying the candidates with malloc'd strings (readline frees
 * them with free()). */
char **cli_commands_complete(CliCommands *c, const char *line, size_t point);

/* How a command that waits (gdbserver, for gdb to connect) asks whether
 * the user called it off: the prompt's Ctrl-C. NULL: it waits. */
void cli_commands_set_interrupt(CliCommands *c, bool (*fn)(void *opaque), void *opaque);
/* Whether that hook says the user interrupted (after a command failed:
 * was it called off?). */
bool cli_commands_interrupted(const CliCommands *c);

/* Whether `quit` was given. */
bool cli_commands_quit(const CliCommands *c);

/* The command names (with their aliases) in table order, NULL-terminated. */
const char *const *cli_commands_names(void);

#endif
