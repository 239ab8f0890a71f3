/* replay/internal.h — what the files of replay/ share: the session's
 * state (session.c drives it; diverge.c re-executes an interval of it to
 * find where a replay left the recording). */
#ifndef REPLAY_INTERNAL_H
#define REPLAY_INTERNAL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "replay/session.h"
#include "snapshots/snapshot.h"

/* Replay keeps a snapshot for re-executing every this many intervals:
 * taking one costs about 0.3 ms (a million host instructions), 5% of a
 * 4 Mi-instruction interval, under 1% of eight. */
#define RR_SNAPSHOT_INTERVALS 8

/* How far the machine runs between looks at the host (record) when nothing
 * else stops it sooner. */
#define SLICE (4u << 20)

struct RrSession {
    bool record;
    RrLogWriter *w;
    RrLogReader *r;
    RrLogHeader hdr;             /* record: a copy (command_line stays the caller's) */
    EmuMachine *m;

    uint64_t group_len;          /* N / G */
    uint64_t next_group;         /* icount of the next group boundary */
    uint32_t ngroups, group;     /* G, and groups done in this interval */
    uint32_t *fp;                /* this interval's fingerprints */
    uint32_t generation;         /* RAM written since: the interval's start */
    uint64_t interval_start;

    /* Record: host bytes not yet taken by the UART; the guest is idle. */
    GByteArray *pending;
    bool input_open, idle, sleep;

    /* Replay: the next event (a copy), whether there is one. */
    bool have_next, log_done;
    RrEvent next;
    GByteArray *next_bytes;
    uint32_t *next_groups;
    uint64_t last_icount;

    GError *div;                 /* a divergence found inside a machine hook */

    /* Replay: what re-executes an interval that diverged (diverge.c): the
     * machine at the start of an earlier interval (taken every
     * RR_SNAPSHOT_INTERVALS intervals), and every event read since (the
     * first is the one that was next there). */
    SnapRam *ram;
    SnapState *start;
    unsigned intervals;          /* since the snapshot */
    GPtrArray *events;           /* of RrEvent, each owning its bytes and groups */
    bool from_buffer;            /* advance takes events[ev_pos] instead of reading */
    guint ev_pos;
    uint64_t stop_cap;           /* nonzero: a run goes no further than this icount */
    /* While re-executing: group boundaries note RrDigests here instead of
     * writing or checking sync events; RAM counts from this generation. */
    GArray *digests;
    uint32_t digest_generation;

    /* Time travel (travel.c): the whole log is in `events`, read from
     * there; no divergence snapshots. A restore lands inside an interval
     * whose start the session did not see: its sync event is passed
     * without comparing (up to this icount). */
    bool travel;
    uint64_t unchecked_until;

    /* A recording travelled in (record mode with `travel`): every event
     * written is also kept in `events`; while the engine replays its past,
     * `record` is false and the recorder's state waits here. */
    struct {
        bool away;
        uint64_t next_group, interval_start;
        uint32_t group, generation;
        uint32_t *fp;
        GByteArray *pending;
        bool input_open, idle;
        uint32_t *stamps;            /* RAM's write stamps when it left */
    } live;
};

/* The machine at a group boundary while re-executing. */
typedef struct RrDigest {
    uint64_t icount;
    uint32_t fingerprint;        /* rr_group_fingerprint, as the log's groups */
    uint64_t cpu, ram;           /* rr_state_hash: every register; RAM written */
} RrDigest;

/* session.c: take the next event into s->next (from the log, or the
 * interval's buffer while re-executing). */
bool rr_session_advance(RrSession *s, GError **err) __attribute__((warn_unused_result));
/* session.c: read the rest of the log into s->events and serve events from
 * there from now on (time travel); s->next stays the next event. */
bool rr_session_load_all(RrSession *s, GError **err) __attribute__((warn_unused_result));
/* session.c: the index in s->events of the next event. */
guint rr_session_next_index(const RrSession *s);
/* session.c: the machine was restored to icount `now` (a snapshot whose
 * next event had index `ev`): follow it. */
bool rr_session_restored(RrSession *s, guint ev, GError **err) __attribute__((warn_unused_result));

/* session.c: travel in a recording as it is made: keep every event
 * written, and snapshots need a SnapRam. */
void rr_session_record_travel(RrSession *s);
/* session.c: the recording pauses here (log flushed) and the session
 * replays its past; then back to this very point, the machine restored to
 * it by the caller, and recording goes on. */
bool rr_session_leave_live(RrSession *s, GError **err) __attribute__((warn_unused_result));
void rr_session_resume_live(RrSession *s);

/* session.c: note the state at a group boundary (s->digests). */
void rr_session_note_digest(RrSession *s);

/* diverge.c: the replay left the recording; it is at icount `at` (a sync
 * point, whose recorded event is `sync`, or NULL when the divergence showed
 * otherwise). Re-execute the interval from its start, twice, and append to
 * `report` what that finds: the first instruction whose result differs
 * between the two runs (an input the log does not hold), or that the
 * replay is deterministic and where it leaves the recording. The machine
 * is left wherever that ends; the session can only be freed. */
void rr_diverge_locate(RrSession *s, uint64_t at, const RrEvent *sync, GString *report);


#endif
