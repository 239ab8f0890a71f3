/* cli/run.h — `rewind run`: run a program on the virt board until it
 * powers off or exits. */
#ifndef CLI_RUN_H
#define CLI_RUN_H

/* Returns the process exit status: the guest's semihosting exit status,
 * 0 after PSCI SYSTEM_OFF, 1 for bad usage or a program that cannot be
 * loaded, 3 when emulation stops on an error. */
int cli_run_main(int argc, char **argv);

/* `rewind record -o DIR [OPTIONS] PROGRAM.elf`: run as `run` does and
 * record every non-deterministic input into the directory DIR. Exit status
 * as run's, 4 if the recording cannot be written. */
int cli_record_main(int argc, char **argv);

/* `rewind replay [--salvage] [-serial DEV] [--stats] DIR`: replay a
 * recording. Exit status as the recorded run's, 4 if it diverged from the
 * recording or the log is damaged. */
int cli_replay_main(int argc, char **argv);

#endif
