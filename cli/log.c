/* cli/log.c — see log.h. */
#include "cli/log.h"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "replay/log.h"
#include "replay/logdump.h"

static const char help[] =
    "usage: rewind log dump [--json | --summary] [--salvage] RECORDING\n"
    "       rewind log check RECORDING\n"
    "\n"
    "RECORDING is a recording directory (its events.rwl is read) or a log file.\n"
    "  dump            print every event, one per line\n"
    "  dump --json     the same as JSON objects, one per line\n"
    "  dump --summary  events and bytes per kind, totals\n"
    "  --salvage       read a truncated or damaged log up to its last good block\n"
    "  check           validate checksums and structure; print a verdict\n";

/* The log file of a recording directory, or the path itself. */
static char *log_path(const char *arg)
{
    if (g_file_test(arg, G_FILE_TEST_IS_DIR))
        return g_build_filename(arg, "events.rwl", NULL);
    return g_strdup(arg);
}

static int usage_error(const char *what)
{
    fprintf(stderr, "rewind log: %s (see rewind log --help)\n", what);
    return 1;
}

static int dump(int argc, char **argv)
{
    RrLogDumpMode mode = RR_LOGDUMP_HUMAN;
    RrLogReaderFlags flags = RR_LOG_STRICT;
    const char *rec = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            mode = RR_LOGDUMP_JSON;
        else if (!strcmp(argv[i], "--summary"))
            mode = RR_LOGDUMP_SUMMARY;
        else if (!strcmp(argv[i], "--salvage"))
            flags = RR_LOG_SALVAGE;
        else if (argv[i][0] == '-' || rec) {
            g_autofree char *msg = g_strdup_printf("dump: unexpected argument '%s'", argv[i]);
            return usage_error(msg);
        } else
            rec = argv[i];
    }
    if (!rec)
        return usage_error("dump: no recording given");
    g_autofree char *path = log_path(rec);
    GError *err = NULL;
    RrLogReader *r = rr_log_reader_open(path, flags, &err);
    bool ok = r && rr_logdump_print(r, stdout, mode, &err);
    fflush(stdout);
    if (!ok) {
        fprintf(stderr, "rewind log dump: %s\n", err->message);
        g_error_free(err);
    }
    rr_log_reader_close(r);
    return ok ? 0 : 2;
}

static int check(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-')
        return usage_error(argc < 2 ? "check: no recording given" : "check: one recording, no options");
    g_autofree char *path = log_path(argv[1]);
    GError *err = NULL;
    bool ok = rr_logdump_check(path, stdout, &err);
    fflush(stdout);
    if (!ok) {
        fprintf(stderr, "rewind log check: %s\n", err->message);
        g_error_free(err);
    }
    return ok ? 0 : 2;
}

int cli_log_main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("dump or check?");
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(help, stdout);
        return 0;
    }
    if (!strcmp(argv[1], "dump"))
        return dump(argc - 1, argv + 1);
    if (!strcmp(argv[1], "check"))
        return check(argc - 1, argv + 1);
    g_autofree char *msg = g_strdup_printf("unknown subcommand '%s'", argv[1]);
    return usage_error(msg);
}
