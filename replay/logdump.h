/* replay/logdump.h — printing an event log for people and programs, and
 * checking one: what `rewind log dump DIR [--json|--summary]` and
 * `rewind log check DIR` print. */
#ifndef REPLAY_LOGDUMP_H
#define REPLAY_LOGDUMP_H

#include <glib.h>
#include <stdbool.h>
#include <stdio.h>

#include "replay/log.h"

typedef enum RrLogDumpMode {
    /* `#` lines with the header, one line per event
     * (`icount 1234  serial-in  port 0  "ab\n"`), a `#` line at the end. */
    RR_LOGDUMP_HUMAN,
    /* One JSON object per line and event: "icount", "kind" and its fields;
     * byte payloads and hashes as hex strings. */
    RR_LOGDUMP_JSON,
    /* The header, then per kind the events and their bytes, the totals, the
     * final icount and instructions per byte of log. */
    RR_LOGDUMP_SUMMARY,
} RrLogDumpMode;

/* Print the events `r` has not yet returned, to `out`. Returns false with
 * *err set (the reader's error) if the log is damaged: what was read before
 * is printed. With a salvaging reader a left-out tail is named in a `#`
 * line (human), a last {"salvaged": ...} object (JSON) or the summary. */
bool rr_logdump_print(RrLogReader *r, FILE *out, RrLogDumpMode mode, GError **err)
    __attribute__((warn_unused_result));

/* Read the whole log at `path` and check it: everything the reader checks,
 * plus sync events at N, 2N, 3N, ... and an end event last (a user-stop
 * end after a user-stop event). Prints a one-line verdict with the counts
 * to `out` either way; returns false with *err set (the same reason) if the
 * log is not sound. */
bool rr_logdump_check(const char *path, FILE *out, GError **err)
    __attribute__((warn_unused_result));

#endif
