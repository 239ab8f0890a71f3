/* cli/run.h — `rewind run`: run a program on the virt board until it
 * powers off or exits. */
#ifndef CLI_RUN_H
#define CLI_RUN_H

/* Returns the process exit status: the guest's semihosting exit status,
 * 0 after PSCI SYSTEM_OFF, 1 for bad usage or a program that cannot be
 * loaded, 3 when emulation stops on an error. */
int cli_run_main(int argc, char **argv);

#endif
