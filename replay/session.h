/* replay/session.h — recording a run into an event log, and replaying it.
 *
 * A session drives an EmuMachine: it decides how far the machine may run
 * before the session must act (a sync point, a group boundary, the next
 * recorded input), and at each such icount it writes or checks what
 * replay/FORMAT.md says. Every non-deterministic input goes through it:
 *
 *   serial input   rr_session_serial_input (record: the host's bytes; the
 *                  replay delivers the recorded ones itself)
 *   host clock     rr_session_host_seconds, the machine's host_seconds hook
 *   entropy        rr_session_entropy, the machine's entropy hook (the
 *                  device tree's seeds)
 *
 *   idle time      WFI with a timer armed (the machine is made with
 *                  idle_returns): record lets as much virtual time pass as
 *                  real time does until the timer or host input (with
 *                  sleep on; all of it at once with sleep off) and logs
 *                  it; replay skips exactly that.
 *
 *   RrSession *s = rr_session_record(path, &hdr, &err);   // or _replay
 *   EmuMachineConfig cfg = { ..., .host_seconds = rr_session_host_seconds,
 *                            .opaque = s };              // via a wrapper
 *   rr_session_attach(s, m);
 *   while (rr_session_run(s, &io, &result, &err) == RR_RUN_MORE) ...
 *   rr_session_finish(s, &result, &err); rr_session_free(s);
 */
#ifndef REPLAY_SESSION_H
#define REPLAY_SESSION_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "emu/machine.h"
#include "replay/log.h"

typedef struct RrSession RrSession;

/* Record into a new log at `path`; `hdr` stays the caller's. */
RrSession *rr_session_record(const char *path, const RrLogHeader *hdr, GError **err)
    __attribute__((warn_unused_result));
/* Replay the log at `path` (RR_LOG_SALVAGE: up to its last good block). */
RrSession *rr_session_replay(const char *path, RrLogReaderFlags flags, GError **err)
    __attribute__((warn_unused_result));
void rr_session_free(RrSession *s);

bool rr_session_recording(const RrSession *s);
/* Record: whether idle time follows real time (-icount sleep=on, the
 * default) or passes at once (sleep=off). */
void rr_session_set_sleep(RrSession *s, bool sleep);
/* The log header (the replay's as read). */
const RrLogHeader *rr_session_header(const RrSession *s);

/* The machine the session drives, created with the header's icount shift
 * and with rr_session_host_seconds as its clock. */
void rr_session_attach(RrSession *s, EmuMachine *m);

/* The machine's host_seconds hook: record reads the host clock and logs
 * it; replay returns the recorded value (0 and a divergence if the log has
 * no clock read at this icount). */
uint64_t rr_session_host_seconds(RrSession *s);

/* The machine's entropy hook: record fills `buf` from the host's random
 * source and logs it; replay fills it from the log (zeros and a
 * divergence if the log has no such entropy here). The program is loaded
 * before the session is attached: until then the icount is 0. */
void rr_session_entropy(RrSession *s, uint8_t *buf, size_t len);

/* A debugger changes the machine while it is recorded: a register (by its
 * index in emu_cpu_state_reg's order, `len` its length) or RAM at a
 * physical address. Done now and logged (a debug-write event), so that a
 * replay does the same at the same icount. Only while recording (at its
 * frontier); false with *err otherwise, changing nothing. */
/* A recording ends here with the guest still running (a user stop):
 * logs the user-stop event that rr_session_finish's end event follows.
 * Only while recording. */
bool rr_session_user_stop(RrSession *s, RrStopReason reason, GError **err)
    __attribute__((warn_unused_result));

bool rr_session_debug_write(RrSession *s, RrDebugSpace space, uint64_t target, const void *bytes,
                            size_t len, GError **err) __attribute__((warn_unused_result));
/* The host's random bytes (getrandom), for a run that is not recorded. */
void rr_host_random(uint8_t *buf, size_t len);

/* Host input, for the record side. poll: bytes the host has for the serial
 * port now (waiting for them if `block`, because nothing else can wake the
 * guest); returns how many it put in buf, 0 if none, -1 at end of input. */
typedef struct RrSessionIo {
    long (*poll_serial)(void *opaque, uint8_t *buf, size_t size, bool block);
    /* Wait up to `ns` of real time, less if host input arrives; returns
     * the nanoseconds that passed. NULL: no waiting. */
    uint64_t (*wait)(void *opaque, uint64_t ns);
    /* Record: whether the user asked to stop (Ctrl-C): the recording then
     * ends with a user-stop event, sealed. NULL: never. */
    bool (*stop_requested)(void *opaque);
    void (*flush_output)(void *opaque);
    void *opaque;
} RrSessionIo;

typedef enum RrRunStatus {
    RR_RUN_MORE,        /* call again */
    RR_RUN_DONE,        /* the run ended: see RrSessionResult */
    RR_RUN_ERROR,       /* *err: a log that cannot be written or read, or a divergence */
} RrRunStatus;

typedef struct RrSessionResult {
    EmuMachineEvent event;       /* POWEROFF, EXIT, ERROR, IDLE (stuck), or
                                  * BUDGET: stopped by the user (recorded) */
    int exit_status;             /* EXIT */
    uint64_t icount;             /* where it ended */
} RrSessionResult;

/* Run one stretch: to the next point where the session acts, then act. */
RrRunStatus rr_session_run(RrSession *s, const RrSessionIo *io, RrSessionResult *res,
                           GError **err) __attribute__((warn_unused_result));

/* Record: write the end event and seal the log. Replay: check that the run
 * ended where and how the recording did, and read the log to its end. */
bool rr_session_finish(RrSession *s, const RrSessionResult *res, GError **err)
    __attribute__((warn_unused_result));

#endif
