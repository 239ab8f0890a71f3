/* cli/options.h — QEMU-style machine options shared by the subcommands
 * that build a machine (run, record, replay), and the prompt and script
 * options they share. */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum CliSerial { CLI_SERIAL_STDIO, CLI_SERIAL_FILE, CLI_SERIAL_NONE } CliSerial;

typedef enum CliRrMode { CLI_RR_NONE, CLI_RR_RECORD, CLI_RR_REPLAY } CliRrMode;

typedef struct CliMachineOptions {
    uint64_t ram_size;          /* bytes */
    bool semihosting;
    bool no_reboot;
    CliSerial serial;
    char *serial_path;          /* CLI_SERIAL_FILE */
    char *append;               /* -append: the guest command line */
    char *kernel;               /* the program (positional or -kernel) */
    bool stats;                 /* --stats: icount and speed on stderr */
    unsigned icount_shift;      /* -icount shift=N: an instruction is 2^N ns */
    bool icount_sleep;          /* -icount sleep=on|off: recorded idle time follows real time */
    CliRrMode rr_mode;          /* -icount rr=record|replay */
    char *rr_file;              /* -icount rrfile=DIR: the recording directory */
    char *gdb;                  /* -gdb SPEC (-s: tcp::1234): serve gdb there */
    bool start_stopped;         /* -S */
    uint64_t snapshot_budget;   /* -snapshot-budget: bytes for time-travel snapshots; 0: default */
    uint64_t sync_interval;     /* -icount sync-interval=N; 0: the default */
    uint32_t sync_groups;       /* -icount sync-groups=G; 0: the default */
    bool interactive;           /* -i: rewind's prompt (cli/repl.h) */
    char *script;               /* --script FILE: run its commands (cli/script.h) */
} CliMachineOptions;

void cli_machine_options_init(CliMachineOptions *o);
void cli_machine_options_clear(CliMachineOptions *o);

/* Parse QEMU's -m syntax: a number with an optional K/M/G/T suffix; a bare
 * number means MiB. Returns false for anything else. */
bool cli_parse_size(const char *s, uint64_t *bytes);

/* Parse argv[*i] (and its argument) if it is a machine option: returns 1
 * if consumed (advancing *i past its argument), 0 if not an option we
 * know, -1 with *err set for a bad value or a missing argument. */
int cli_machine_option(CliMachineOptions *o, int argc, char **argv, int *i, GError **err);

/* The help text for the machine options; for -i and --script, which
 * every subcommand that makes a machine takes. */
extern const char cli_machine_options_help[];
extern const char cli_session_options_help[];

#endif
