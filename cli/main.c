/* cli/main.c — the rewind program: subcommand dispatch. */
#include <stdio.h>
#include <string.h>

#include "cli/bundle.h"
#include "cli/log.h"
#include "cli/run.h"

#define REWIND_VERSION "0.1.0"

static void usage(FILE *f)
{
    fprintf(f, "usage: rewind COMMAND [OPTIONS] ...\n\n"
               "Commands:\n"
               "  run       run an AArch64 program on the virt board\n"
               "  record    run one, recording its inputs for replay\n"
               "  replay    replay a recording exactly\n"
               "  log       print or check a recording's event log\n"
               "  bundle    pack a recording and its programs into one tar file\n\n"
               "  rewind COMMAND --help   options of a command\n"
               "  rewind --version        version\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("rewind %s\n", REWIND_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "run"))
        return cli_run_main(argc - 1, argv + 1);
    if (!strcmp(cmd, "record"))
        return cli_record_main(argc - 1, argv + 1);
    if (!strcmp(cmd, "replay"))
        return cli_replay_main(argc - 1, argv + 1);
    if (!strcmp(cmd, "log"))
        return cli_log_main(argc - 1, argv + 1);
    if (!strcmp(cmd, "bundle"))
        return cli_bundle_main(argc - 1, argv + 1);
    fprintf(stderr, "rewind: unknown command '%s' (see rewind --help)\n", cmd);
    return 1;
}
