/* replay/travel.h — the time-travel engine: any position of a recording,
 * forwards or backwards, by restoring the nearest snapshot at or before it
 * and replaying forward exactly (DESIGN.md, section 5).
 *
 *   RrSession *s = rr_session_replay(log, RR_LOG_STRICT, &err);
 *   ... make the machine, load the program, rr_session_attach(s, m) ...
 *   RrTravel *t = rr_travel_new(s, m, NULL, &err);   // at icount 0
 *   rr_travel_seek(t, 123456789, &err);               // forwards
 *   rr_travel_step_back(t, 1, &err);                  // one instruction back
 *
 * The engine takes snapshots as it replays, kept in a store under a memory
 * budget (snapshots/store.h): every `interval` instructions (automatic),
 * and, when it steps back, a few between the snapshot it restored and the
 * target (local), so that repeated steps back each replay only a short
 * stretch.
 */
#ifndef REPLAY_TRAVEL_H
#define REPLAY_TRAVEL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "emu/machine.h"
#include "replay/session.h"
#include "snapshots/named.h"

typedef struct RrTravel RrTravel;

typedef struct RrTravelConfig {
    uint64_t interval;           /* instructions between automatic snapshots; 0: the
                                  * store's default (snapshots/store.h) */
    uint64_t budget_bytes;       /* memory for snapshots; 0: the store's default */
} RrTravelConfig;

typedef enum RrTravelResult {
    RR_TRAVEL_REACHED,           /* at the icount asked for */
    RR_TRAVEL_AT_START,          /* asked for a point before the recording: at icount 0 */
    RR_TRAVEL_AT_END,            /* the recording ends first: at its end */
    RR_TRAVEL_FAILED,            /* *err: a divergence, a damaged log */
    RR_TRAVEL_STOPPED,           /* at a breakpoint, watchpoint or the icount stop (see
                                  * RrTravelHit), or where rr_travel_request_stop asked */
    RR_TRAVEL_INTERRUPTED,       /* the progress callback said stop: somewhere on the way */
} RrTravelResult;

typedef enum RrHitKind {
    RR_HIT_BREAKPOINT,
    RR_HIT_READ,
    RR_HIT_WRITE,
    RR_HIT_ICOUNT,               /* at the icount stop (rr_travel_set_icount_stop) */
    RR_HIT_REQUEST,              /* rr_travel_request_stop was called */
} RrHitKind;

/* Where continue or reverse-continue stopped. A breakpoint stops before
 * its instruction runs. A watchpoint stops after the accessing instruction
 * going forwards (as gdb reports a hardware watchpoint) and before it going
 * backwards (the access is the next thing to happen); `icount` and `pc`
 * are the accessing instruction's either way. */
typedef struct RrTravelHit {
    RrHitKind kind;
    uint64_t icount, pc;         /* of the instruction */
    uint64_t addr;               /* watchpoints: the access */
    unsigned size;
} RrTravelHit;

/* `s` replays, attached to `m`, neither having run yet (icount 0); both stay
 * the caller's and must outlive the engine. Reads the rest of the log into
 * memory. `cfg` may be NULL. */
RrTravel *rr_travel_new(RrSession *s, EmuMachine *m, const RrTravelConfig *cfg, GError **err)
    __attribute__((warn_unused_result));
void rr_travel_free(RrTravel *t);

uint64_t rr_travel_icount(const RrTravel *t);
/* The icount at which the recording ends (a recording being made: its
 * frontier, where recording stopped last). */
uint64_t rr_travel_end(const RrTravel *t);

/* A recording can be travelled in as it is made: given a session that
 * records, the engine records going forwards from the frontier (with the
 * host input of `io`, see rr_travel_set_io), replays when sent back, and
 * records again once sent forwards past the frontier; the log written
 * replays as if no one had travelled. Before rr_session_finish, go back to
 * the frontier (rr_travel_seek to rr_travel_end). */
void rr_travel_set_io(RrTravel *t, const RrSessionIo *io);
/* A recording being made ends where its frontier is: the guest's own end
 * if it got there, else a user stop (a user-stop event, then the end); the
 * log is sealed (rr_session_finish). */
bool rr_travel_finish(RrTravel *t, GError **err) __attribute__((warn_unused_result));
/* Whether the machine is at the frontier of a recording being made. */
bool rr_travel_live(const RrTravel *t);

/* Go to `icount`: forwards by replaying, backwards by restoring a snapshot
 * and replaying from it. */
RrTravelResult rr_travel_seek(RrTravel *t, uint64_t icount, GError **err);
RrTravelResult rr_travel_step(RrTravel *t, uint64_t n, GError **err);
RrTravelResult rr_travel_step_back(RrTravel *t, uint64_t n, GError **err);

/* Breakpoints by virtual address and watchpoints by range (copied),
 * replacing those set before; they act in continue and reverse-continue. */
void rr_travel_set_breakpoints(RrTravel *t, const uint64_t *pcs, size_t n);
void rr_travel_set_watchpoints(RrTravel *t, const EmuWatch *w, size_t n);
/* Those set now (valid until the next set). */
size_t rr_travel_breakpoints(const RrTravel *t, const uint64_t **pcs);
size_t rr_travel_watchpoints(const RrTravel *t, const EmuWatch **w);

/* An icount that continue and reverse-continue stop at when they cross it
 * (QEMU's `replay_break`), like a breakpoint hit of kind RR_HIT_ICOUNT; it
 * stays set until replaced or cleared (`on` false). */
void rr_travel_set_icount_stop(RrTravel *t, bool on, uint64_t icount);
bool rr_travel_icount_stop(const RrTravel *t, uint64_t *icount);

/* From a callback called while an operation runs (the guest's output, say):
 * end the operation after the instruction running now, which returns
 * RR_TRAVEL_STOPPED with a hit of kind RR_HIT_REQUEST at that position.
 * Where it stops is as deterministic as the callback's decision. */
void rr_travel_request_stop(RrTravel *t);

/* Forwards to the first breakpoint or watchpoint hit after here
 * (STOPPED, *hit set), or to the end (AT_END). */
RrTravelResult rr_travel_continue(RrTravel *t, RrTravelHit *hit, GError **err);
/* Backwards to the last hit before here (STOPPED), scanning the stretches
 * between snapshots from the newest; AT_START, at icount 0, if none. */
RrTravelResult rr_travel_reverse_continue(RrTravel *t, RrTravelHit *hit, GError **err);

/* Change a register while recording, at the recording's frontier: logged
 * (rr_session_debug_write), so that a replay does the same. `name` is a
 * state register's (x0..x30, sp_el0, sp_el1, pc, pstate, fpcr, fpsr,
 * v0..v31 (the low 64 bits; the rest zeroed), the EL1 system registers)
 * or gdb's: sp (the one in use), cpsr, w0..w30 (zero-extended), any case.
 * Refused, with the reason and nothing changed, in a replay, in the past
 * of a recording, and for an unknown name. */
bool rr_travel_set_register(RrTravel *t, const char *name, uint64_t value, GError **err)
    __attribute__((warn_unused_result));
/* The same with the value as `len` little-endian bytes (a V register's 16;
 * fewer are zero-extended, more refused). */
bool rr_travel_set_register_bytes(RrTravel *t, const char *name, const uint8_t *bytes, size_t len,
                                  GError **err) __attribute__((warn_unused_result));
/* Memory at a virtual address (as the CPU sees it now), logged the same
 * way: RAM only; refused as rr_travel_set_register is, and where a page is
 * not mapped writable or not RAM (then nothing is written). */
bool rr_travel_write_memory(RrTravel *t, uint64_t va, const void *buf, size_t len, GError **err)
    __attribute__((warn_unused_result));

/* Long operations call `fn` about every 20 ms of work with how far along
 * they are (0 to 1; a reverse scan: the part of the recording before here
 * it has looked at). Returning false interrupts the operation where it is,
 * between two instructions (RR_TRAVEL_INTERRUPTED): a position like any
 * other. NULL: no reports. */
typedef bool (*RrTravelProgress)(void *opaque, double fraction);
void rr_travel_set_progress(RrTravel *t, RrTravelProgress fn, void *opaque);

/* Named replay points that outlive the process: the machine here, saved
 * in `n` (snapshots/named.h) under `name`; and back to one, in this
 * recording or in a later replay of it: the machine is loaded and the
 * replay goes on from its icount. A point past the recording's end (or
 * the frontier of one being made) is refused. */
bool rr_travel_savevm(RrTravel *t, SnapNamed *n, const char *name, GError **err)
    __attribute__((warn_unused_result));
RrTravelResult rr_travel_loadvm(RrTravel *t, SnapNamed *n, const char *name, GError **err);

/* Snapshots held now, and the memory they hold by themselves; snapshot i
 * (by increasing icount) for an `info snapshots` listing: its icount and
 * the bytes dropping it would free. */
size_t rr_travel_snapshot_count(const RrTravel *t);
/* Instructions the engine has run (replayed or recorded) in all its
 * operations: the work behind them, for benchmarks and tests. */
uint64_t rr_travel_replayed(const RrTravel *t);
/* The memory of the footprint of what each stretch wrote and ran
 * (replay/footprint.h), which lets reverse scans skip stretches. */
size_t rr_travel_footprint_bytes(const RrTravel *t);
size_t rr_travel_snapshot_bytes(const RrTravel *t);
void rr_travel_snapshot_info(const RrTravel *t, size_t i, uint64_t *icount, size_t *frees);

#endif
