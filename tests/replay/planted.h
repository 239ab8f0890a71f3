/* tests/replay/planted.h — a replay of the planted-bug guest
 * (tests/guest/planted.c, in REWIND_GUEST_DIR or build/guest) under the
 * time-travel engine at icount 0, for tests of what drives the engine (the
 * gdb stub's commands, the command table): recorded into a fresh
 * directory, with the addresses the guest prints and the recording's end. */
#ifndef TESTS_REPLAY_PLANTED_H
#define TESTS_REPLAY_PLANTED_H

#include <glib.h>
#include <stdint.h>

#include "replay/travel.h"

typedef struct PlantedReplay {
    char *dir;                   /* the recording's directory */
    char *named;                 /* dir/snapshots.qcow2, for savevm and loadvm */
    RrSession *session;
    EmuMachine *machine;
    RrTravel *travel;
    uint64_t end;                /* the recording's last icount */
    uint64_t victim, tick;       /* the corrupted global and tick(), as printed */
    /* The replay machine's hooks (its opaque): the session, the UART output. */
    struct PlantedHooks {
        RrSession *s;
        GString *output;
    } hooks;
} PlantedReplay;

/* `tmpl`: the directory's name, ending in XXXXXX. */
void planted_replay_open(PlantedReplay *p, const char *tmpl);
void planted_replay_close(PlantedReplay *p);

#endif
