/* cli/log.h — `rewind log dump` and `rewind log check`: read a recording's
 * event log (replay/FORMAT.md). */
#ifndef CLI_LOG_H
#define CLI_LOG_H

/* argv[0] is "log". Returns the process exit status: 0 when the log was
 * printed or checked sound, 1 for bad usage, 2 for a damaged or unreadable
 * log (one line on stderr naming the offset, the icount reached and what
 * to do). */
int cli_log_main(int argc, char **argv);

#endif
