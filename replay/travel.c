/* replay/travel.c — see travel.h. */
#include "replay/travel.h"

#include <inttypes.h>
#include <string.h>

#include "replay/internal.h"
#include "replay/footprint.h"
#include "snapshots/store.h"

/* How many local snapshots a step back leaves between the snapshot it
 * restored and its target, and the distance below which it leaves none:
 * replaying that far costs less than taking one. */
#define LOCAL_SNAPSHOTS 8
#define LOCAL_MIN_DISTANCE 4096
/* A long way forwards leaves a snapshot this far before its target, so
 * that a first step back from there replays little. */
#define TAIL 4096
/* The footprint has a stretch per this part of the snapshot interval:
 * where in a stretch between snapshots a reverse scan needs to look. */
#define FOOTPRINT_PARTS 16
/* The footprint may take this part of the snapshots' memory budget. */
#define FOOTPRINT_SHARE 8

/* A snapshot to go back to, and the index of the event next there. */
typedef struct Point {
    uint64_t icount;
    SnapState *state;            /* borrowed from the store */
    guint event;
    bool mmu_on;                 /* virtual addresses were not physical there */
} Point;

/* What the debug hooks do with a hit while scanning. */
typedef enum Scan {
    SCAN_FIRST,                  /* keep the first at or after `from`, stop the run */
    SCAN_LAST,                   /* keep the last before `until`, run on */
} Scan;

struct RrTravel {
    RrSession *s;
    EmuMachine *m;
    uint64_t end;                /* the recording's last icount */
    SnapStore *store;            /* the snapshots (snapshots/store.h) */
    /* A recording travelled in as it is made: `live` while the machine is
     * at its frontier, recording; `frontier` is the machine there, kept
     * while the engine replays the past. */
    bool recording, live;
    bool ended;                  /* the guest's run ended while recording */
    RrSessionResult ending;      /* how */
    SnapState *frontier;
    RrSessionIo io;
    bool have_io;
    GHashTable *events;          /* icount of a snapshot -> index of the event next there */

    GArray *bps;                 /* uint64_t */
    GArray *watches;             /* EmuWatch */
    Scan scan;
    uint64_t from, until;        /* the icounts a hit must lie in: [from, until) */
    bool have_hit;
    RrTravelHit hit;
    RrTravelProgress progress;
    void *progress_opaque;
    gint64 last_report;          /* monotonic time of the last progress call */
    double done, share;          /* progress: of the whole operation, this run_to
                                  * covers [done, done + share) */
    uint64_t hit_at;             /* where the hit stops (its icount, +1 for a
                                  * watchpoint going forwards) */
    bool have_stop;              /* rr_travel_set_icount_stop */
    uint64_t stop_icount;
    bool stop_requested;         /* rr_travel_request_stop, in this operation */

    /* What the stretches between snapshots wrote and ran (footprint.h):
     * the machine's marks hold those since `fp_from`, reached by
     * running, with `fp_switches` the CPU's MMU switch count there; not
     * `fp_valid` after a failed run. */
    RrFootprint *footprint;
    uint64_t fp_from, fp_switches;
    bool fp_valid;
    uint64_t replayed;           /* instructions run, all operations */
};

static uint64_t now(const RrTravel *t) { return emu_machine_icount(t->m); }

/* The write and entry marks since fp_from go to the footprint when they
 * are new and the MMU stayed as it was (addresses were what they were at
 * both ends); from here on the marks are this point's. */
static void footprint_take(RrTravel *t)
{
    EmuPageWrites *pages;
    EmuPageExecs *execs;
    size_t n = emu_mem_take_writes(emu_machine_mem(t->m), &pages);
    size_t nx = emu_cpu_take_execs(emu_machine_cpu(t->m), &execs);
    uint64_t at = now(t), switches = emu_cpu_mmu_switches(emu_machine_cpu(t->m));
    if (t->fp_valid && switches == t->fp_switches && at > t->fp_from &&
        !rr_footprint_known(t->footprint, t->fp_from, at)) {
        rr_footprint_add(t->footprint, t->fp_from, at, pages, n, execs, nx);
    } else {
        g_free(pages);
        g_free(execs);
    }
    t->fp_from = at;
    t->fp_switches = switches;
    t->fp_valid = true;
}

/* The machine was put somewhere (a snapshot restored): the marks made
 * before are no one's. */
static void footprint_restart(RrTravel *t)
{
    t->fp_valid = false;
    footprint_take(t);
}

/* The newest snapshot at or before `icount` (there is always one at 0). */
static Point point_at_or_before(const RrTravel *t, uint64_t icount)
{
    SnapState *st = snap_store_find(t->store, icount);
    g_assert(st);
    uint64_t at = snap_state_icount(st);
    gpointer ev = g_hash_table_lookup(t->events, &at);
    g_assert(ev);
    guint v = GPOINTER_TO_UINT(ev);
    return (Point){ .icount = at, .state = st, .event = (v >> 1) - 1, .mmu_on = v & 1 };
}

/* A snapshot here, unless there is one already. */
static void take_point(RrTravel *t)
{
    footprint_take(t);
    uint64_t at = now(t);
    SnapState *have = snap_store_find(t->store, at);
    if (have && snap_state_icount(have) == at)
        return;
    SnapState *st = snap_state_take(t->s->ram, t->m);
    guint v = (rr_session_next_index(t->s) + 1) << 1 | emu_cpu_mmu_enabled(emu_machine_cpu(t->m));
    g_hash_table_insert(t->events, g_memdup2(&at, sizeof at), GUINT_TO_POINTER(v));
    snap_store_add(t->store, st);
    snap_state_unref(st);
}

RrTravel *rr_travel_new(RrSession *s, EmuMachine *m, const RrTravelConfig *cfg, GError **err)
{
    g_assert(emu_machine_icount(m) == 0 && s->m == m);
    bool recording = rr_session_recording(s);
    if (recording)
        rr_session_record_travel(s);
    else if (!rr_session_load_all(s, err))
        return NULL;
    RrTravel *t = g_new0(RrTravel, 1);
    t->s = s;
    t->m = m;
    SnapStoreConfig sc = { .interval = cfg ? cfg->interval : 0,
                           .budget_bytes = cfg ? cfg->budget_bytes : 0 };
    t->store = snap_store_new(&sc);
    t->events = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    t->recording = t->live = recording;
    t->bps = g_array_new(false, false, sizeof(uint64_t));
    t->watches = g_array_new(false, false, sizeof(EmuWatch));
    t->footprint = rr_footprint_new();
    /* The footprint within an eighth of the snapshots' memory. */
    uint64_t budget = sc.budget_bytes ? sc.budget_bytes : snap_store_default_budget();
    rr_footprint_set_budget(t->footprint, (size_t)MIN(budget / FOOTPRINT_SHARE, (uint64_t)SIZE_MAX));
    emu_mem_track_writes(emu_machine_mem(m), true);
    t->fp_valid = true;
    /* The end: the end event's icount, or the last event's (a salvaged log). */
    if (s->events->len) {
        const RrEvent *last = g_ptr_array_index(s->events, s->events->len - 1);
        t->end = last->icount;
    }
    take_point(t);
    return t;
}

void rr_travel_free(RrTravel *t)
{
    if (!t)
        return;
    snap_store_free(t->store);
    g_hash_table_unref(t->events);
    snap_state_unref(t->frontier);
    g_array_unref(t->bps);
    g_array_unref(t->watches);
    emu_mem_track_writes(emu_machine_mem(t->m), false);
    rr_footprint_free(t->footprint);
    emu_cpu_set_debug(emu_machine_cpu(t->m), NULL, NULL, 0, NULL, 0);
    g_free(t);
}

uint64_t rr_travel_icount(const RrTravel *t) { return now(t); }
uint64_t rr_travel_end(const RrTravel *t) { return t->live ? MAX(t->end, now(t)) : t->end; }
bool rr_travel_live(const RrTravel *t) { return t->live; }

void rr_travel_set_io(RrTravel *t, const RrSessionIo *io)
{
    t->have_io = io != NULL;
    if (io)
        t->io = *io;
}
uint64_t rr_travel_replayed(const RrTravel *t) { return t->replayed; }
size_t rr_travel_footprint_bytes(const RrTravel *t) { return rr_footprint_bytes(t->footprint); }
size_t rr_travel_snapshot_count(const RrTravel *t) { return snap_store_count(t->store); }
size_t rr_travel_snapshot_bytes(const RrTravel *t) { return snap_store_bytes(t->store); }

void rr_travel_snapshot_info(const RrTravel *t, size_t i, uint64_t *icount, size_t *frees)
{
    SnapStoreInfo info = snap_store_info(t->store, i);
    *icount = info.icount;
    *frees = info.frees;
}

static bool restore(RrTravel *t, const Point *p, GError **err)
{
    bool ok = snap_state_restore(t->s->ram, t->m, p->state, err) &&
              rr_session_restored(t->s, p->event, err);
    footprint_restart(t);
    return ok;
}

/* Replay forwards to `target` (or the end), taking automatic snapshots at
 * multiples of the interval and, with `local` > 0, one every `local`
 * instructions. */
/* Every 20 ms: tell, and ask whether to go on. */
#define PROGRESS_US 20000

static bool keep_going(RrTravel *t, uint64_t start, uint64_t target)
{
    if (!t->progress)
        return true;
    gint64 tnow = g_get_monotonic_time();
    if (tnow - t->last_report < PROGRESS_US)
        return true;
    t->last_report = tnow;
    double part = target > start ? (double)(now(t) - start) / (double)(target - start) : 1.0;
    return t->progress(t->progress_opaque, t->done + t->share * part);
}

static RrTravelResult run_to(RrTravel *t, uint64_t target, uint64_t local, GError **err)
{
    RrSession *s = t->s;
    unsigned stuck = 0;
    uint64_t start = now(t);
    while (now(t) < target) {
        if (!keep_going(t, start, target))
            return RR_TRAVEL_INTERRUPTED;
        uint64_t at = now(t);
        uint64_t due = snap_store_next_due(t->store, at);
        if (local)
            due = MIN(due, (at / local + 1) * local);
        uint64_t part = MAX(snap_store_interval(t->store) / FOOTPRINT_PARTS, TAIL);
        uint64_t take = (at / part + 1) * part;
        s->stop_cap = MIN(target, MIN(due, take));
        RrSessionResult res;
        RrRunStatus rs = rr_session_run(s, t->have_io ? &t->io : NULL, &res, err);
        s->stop_cap = 0;
        t->replayed += now(t) - at;
        if (t->live)
            t->end = MAX(t->end, now(t));
        if (rs == RR_RUN_ERROR) {
            t->fp_valid = false;
            return RR_TRAVEL_FAILED;
        }
        if (now(t) == due && now(t) < target)
            take_point(t);
        else if (now(t) == take)
            footprint_take(t);
        if (t->scan == SCAN_FIRST && t->have_hit)
            return RR_TRAVEL_STOPPED;        /* the hook stopped the run */
        if (t->stop_requested)
            return RR_TRAVEL_STOPPED;
        if (rs == RR_RUN_DONE) {
            if (t->live) {               /* the recorded run is over */
                t->ended = true;
                t->ending = res;
            }
            return now(t) < target ? RR_TRAVEL_AT_END : RR_TRAVEL_REACHED;
        }
        stuck = now(t) == at ? stuck + 1 : 0;
        if (stuck > 64) {
            g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "replay makes no progress at "
                        "icount %" PRIu64 " (seeking icount %" PRIu64 ")", at, target);
            return RR_TRAVEL_FAILED;
        }
    }
    return RR_TRAVEL_REACHED;
}

/* run_to, leaving a snapshot TAIL instructions before a far target. */
static RrTravelResult run_to_tail(RrTravel *t, uint64_t target, uint64_t local, GError **err)
{
    uint64_t at = now(t);
    if (!local && target > at + 16 * TAIL) {
        Point p = point_at_or_before(t, target - TAIL);
        if (p.icount + TAIL < target - TAIL) {
            RrTravelResult r = run_to(t, target - TAIL, 0, err);
            if (r != RR_TRAVEL_REACHED)
                return r;
            take_point(t);
        }
    }
    return run_to(t, target, local, err);
}

void rr_travel_set_progress(RrTravel *t, RrTravelProgress fn, void *opaque)
{
    t->progress = fn;
    t->progress_opaque = opaque;
}

/* The start of an operation: progress from 0, the first report after 20 ms. */
static void operation_begin(RrTravel *t)
{
    t->stop_requested = false;
    t->done = 0;
    t->share = 1;
    t->last_report = g_get_monotonic_time();
}

static RrTravelResult seek(RrTravel *t, uint64_t icount, GError **err);

RrTravelResult rr_travel_seek(RrTravel *t, uint64_t icount, GError **err)
{
    operation_begin(t);
    return seek(t, icount, err);
}

/* A live recording pauses: the machine at its frontier is kept, the
 * session replays the past from now on. */
static bool leave_live(RrTravel *t, GError **err)
{
    take_point(t);                       /* the frontier, for the store too */
    snap_state_unref(t->frontier);
    t->frontier = snap_state_take(t->s->ram, t->m);
    t->end = now(t);
    if (!rr_session_leave_live(t->s, err))
        return false;
    t->live = false;
    return true;
}

/* Back to the frontier, recording again. */
static bool resume_live(RrTravel *t, GError **err)
{
    bool ok = snap_state_restore(t->s->ram, t->m, t->frontier, err);
    footprint_restart(t);
    if (!ok)
        return false;
    rr_session_resume_live(t->s);
    t->live = true;
    return true;
}

static RrTravelResult seek(RrTravel *t, uint64_t icount, GError **err)
{
    uint64_t from = now(t);
    if (t->recording) {
        /* Forwards at the frontier records; back from it, or forwards to
         * it, switches between recording and replaying. */
        if (t->live && icount >= from) {
            if (t->ended)
                return icount > from ? RR_TRAVEL_AT_END : RR_TRAVEL_REACHED;
            return run_to_tail(t, icount, 0, err);
        }
        if (t->live && !leave_live(t, err))
            return RR_TRAVEL_FAILED;
        if (!t->live && icount >= t->end) {
            if (!resume_live(t, err))
                return RR_TRAVEL_FAILED;
            if (icount > now(t))
                return t->ended ? RR_TRAVEL_AT_END : run_to(t, icount, 0, err);
            return RR_TRAVEL_REACHED;
        }
        from = now(t);
    }
    if (!t->recording && icount > t->end) {
        RrTravelResult r = seek(t, t->end, err);
        return r == RR_TRAVEL_REACHED ? RR_TRAVEL_AT_END : r;
    }
    if (icount == from)
        return RR_TRAVEL_REACHED;
    uint64_t local = 0;
    if (icount < from) {
        Point p = point_at_or_before(t, icount);
        if (!restore(t, &p, err))
            return RR_TRAVEL_FAILED;
        /* Going back: leave snapshots between the restored one and the
         * target, so that the next step back is short. */
        uint64_t distance = icount - p.icount;
        if (distance >= LOCAL_MIN_DISTANCE)
            local = MAX(distance / LOCAL_SNAPSHOTS, LOCAL_MIN_DISTANCE / 2);
    } else {
        /* Forwards: from the snapshot nearest the target when it is
         * nearer than here (a seek far ahead over known ground). */
        Point p = point_at_or_before(t, icount);
        if (p.icount > from && !restore(t, &p, err))
            return RR_TRAVEL_FAILED;
    }
    return run_to_tail(t, icount, local, err);
}

RrTravelResult rr_travel_step(RrTravel *t, uint64_t n, GError **err)
{
    uint64_t at = now(t);
    return rr_travel_seek(t, n > UINT64_MAX - at ? UINT64_MAX : at + n, err);
}

RrTravelResult rr_travel_step_back(RrTravel *t, uint64_t n, GError **err)
{
    uint64_t at = now(t);
    if (n > at) {
        RrTravelResult r = rr_travel_seek(t, 0, err);
        return r == RR_TRAVEL_REACHED ? RR_TRAVEL_AT_START : r;
    }
    return rr_travel_seek(t, at - n, err);
}

/* ---- Breakpoints and watchpoints ------------------------------------------ */

void rr_travel_set_breakpoints(RrTravel *t, const uint64_t *pcs, size_t n)
{
    g_array_set_size(t->bps, 0);
    g_array_append_vals(t->bps, pcs, (guint)n);
}

void rr_travel_set_watchpoints(RrTravel *t, const EmuWatch *w, size_t n)
{
    g_array_set_size(t->watches, 0);
    g_array_append_vals(t->watches, w, (guint)n);
}

size_t rr_travel_breakpoints(const RrTravel *t, const uint64_t **pcs)
{
    *pcs = (const uint64_t *)(void *)t->bps->data;
    return t->bps->len;
}

size_t rr_travel_watchpoints(const RrTravel *t, const EmuWatch **w)
{
    *w = (const EmuWatch *)(void *)t->watches->data;
    return t->watches->len;
}

/* A hit at `icount` that stops at `at`: kept if it is the one the scan
 * wants. */
static void note_hit(RrTravel *t, EmuCpu *cpu, const RrTravelHit *hit, uint64_t at)
{
    if (hit->icount < t->from || hit->icount >= t->until)
        return;
    if (t->scan == SCAN_FIRST) {
        /* A breakpoint where the continue starts is passed over (gdb
         * steps off it first); an access by that instruction counts. */
        if (hit->kind == RR_HIT_BREAKPOINT && hit->icount == t->from)
            return;
        if (t->have_hit && at >= t->hit_at)
            return;
        t->have_hit = true;
        t->hit = *hit;
        t->hit_at = at;
        emu_cpu_request_stop(cpu, EMU_STOP_DEBUG);
        return;
    }
    /* The last: a later one, or at the same icount a watchpoint (whose
     * access is what the instruction does) over a breakpoint. */
    if (t->have_hit && (at < t->hit_at || (at == t->hit_at && hit->kind == RR_HIT_BREAKPOINT)))
        return;
    t->have_hit = true;
    t->hit = *hit;
    t->hit_at = at;
}

static void on_breakpoint(void *opaque, EmuCpu *cpu, uint64_t pc)
{
    RrTravelHit hit = { .kind = RR_HIT_BREAKPOINT, .icount = emu_cpu_icount(cpu), .pc = pc };
    note_hit(opaque, cpu, &hit, hit.icount);
}

static void on_watch(void *opaque, EmuCpu *cpu, uint64_t va, unsigned size, bool write)
{
    RrTravel *t = opaque;
    RrTravelHit hit = { .kind = write ? RR_HIT_WRITE : RR_HIT_READ, .icount = emu_cpu_icount(cpu),
                        .pc = emu_cpu_pc(cpu), .addr = va, .size = size };
    /* Forwards, after the instruction; backwards, before it. */
    note_hit(t, cpu, &hit, hit.icount + (t->scan == SCAN_FIRST));
}

static void debug_on(RrTravel *t, Scan scan, uint64_t from, uint64_t until)
{
    t->scan = scan;
    t->from = from;
    t->until = until;
    t->have_hit = false;
    EmuDebugHooks h = { .breakpoint = on_breakpoint, .watch = on_watch, .opaque = t };
    emu_cpu_set_debug(emu_machine_cpu(t->m), &h, (const uint64_t *)(void *)t->bps->data,
                      t->bps->len, (const EmuWatch *)(void *)t->watches->data, t->watches->len);
}

static void debug_off(RrTravel *t)
{
    emu_cpu_set_debug(emu_machine_cpu(t->m), NULL, NULL, 0, NULL, 0);
    t->scan = SCAN_LAST;                 /* run_to does not look for hits */
}

/* A continue ends anywhere, often far from the last snapshot: leave one
 * TAIL instructions back, so that the first step back from here is as
 * cheap as the next (it costs the continue one replay of the stretch,
 * which the step back would have paid). Not at a recording's frontier:
 * going back from there is when the recording pauses. */
static RrTravelResult prepare_back(RrTravel *t, GError **err)
{
    uint64_t at = now(t);
    if (t->live || at < 16 * TAIL)
        return RR_TRAVEL_REACHED;
    Point p = point_at_or_before(t, at - 1);
    if (at - p.icount <= 16 * TAIL)
        return RR_TRAVEL_REACHED;
    RrTravelResult r = seek(t, at - TAIL, err);
    if (r != RR_TRAVEL_REACHED)
        return r;
    take_point(t);
    return seek(t, at, err);
}

void rr_travel_set_icount_stop(RrTravel *t, bool on, uint64_t icount)
{
    t->have_stop = on;
    t->stop_icount = icount;
}

bool rr_travel_icount_stop(const RrTravel *t, uint64_t *icount)
{
    *icount = t->stop_icount;
    return t->have_stop;
}

void rr_travel_request_stop(RrTravel *t)
{
    t->stop_requested = true;
    emu_cpu_request_stop(emu_machine_cpu(t->m), EMU_STOP_DEBUG);
}

/* An operation that ends where it is, not at a breakpoint or watchpoint:
 * a hit of `kind` here. */
static RrTravelResult stopped_here(RrTravel *t, RrHitKind kind, RrTravelHit *hit)
{
    *hit = (RrTravelHit){ .kind = kind, .icount = now(t), .pc = emu_cpu_pc(emu_machine_cpu(t->m)) };
    return RR_TRAVEL_STOPPED;
}

RrTravelResult rr_travel_continue(RrTravel *t, RrTravelHit *hit, GError **err)
{
    uint64_t from = now(t);
    if (from >= t->end && !t->recording)
        return RR_TRAVEL_AT_END;
    /* The icount stop, when ahead, ends the run there. */
    uint64_t limit = t->have_stop && t->stop_icount > from ? t->stop_icount : UINT64_MAX;
    operation_begin(t);
    debug_on(t, SCAN_FIRST, from, UINT64_MAX);
    RrTravelResult r = RR_TRAVEL_REACHED;
    if (!t->live)
        r = run_to(t, MIN(t->end, limit), 0, err);
    /* A recording goes on past its frontier, recording, until a hit or
     * the guest's end. */
    if (t->recording && r == RR_TRAVEL_REACHED && !t->have_hit && now(t) < limit) {
        if (!t->live && !resume_live(t, err))
            r = RR_TRAVEL_FAILED;
        else if (t->ended)
            r = RR_TRAVEL_AT_END;
        else
            r = run_to(t, limit, 0, err);
    }
    bool found = t->have_hit;
    debug_off(t);
    if (r == RR_TRAVEL_FAILED || r == RR_TRAVEL_INTERRUPTED)
        return r;
    if (!found && t->stop_requested)
        return stopped_here(t, RR_HIT_REQUEST, hit);
    if (!found && now(t) == limit) {
        r = prepare_back(t, err);
        return r == RR_TRAVEL_REACHED ? stopped_here(t, RR_HIT_ICOUNT, hit) : r;
    }
    if (!found) {
        r = prepare_back(t, err);
        return r == RR_TRAVEL_REACHED ? RR_TRAVEL_AT_END : r;
    }
    /* The run stopped a few instructions past the hit: back to it. */
    *hit = t->hit;
    r = seek(t, t->hit_at, err);
    if (r == RR_TRAVEL_REACHED)
        r = prepare_back(t, err);
    return r == RR_TRAVEL_REACHED ? RR_TRAVEL_STOPPED : r;
}

/* Whether the stretch between two snapshots, a < b, certainly wrote no
 * byte that a write watchpoint covers, so that a reverse scan for writes
 * need not replay it: only write watchpoints are set, with the MMU off at
 * both ends (addresses are physical; a guest that turned it on and off in
 * between would have to be replayed, and is not looked for), and every
 * page they cover is the same copy in both snapshots (a page written in
 * between is a new copy in b: pages.h). For a stretch the footprint knows,
 * scan_range says more. */
static bool stretch_writes_nothing_watched(const RrTravel *t, const Point *a, const Point *b)
{
    if (t->bps->len || !t->watches->len || a->mmu_on || b->mmu_on)
        return false;
    EmuMem *mem = emu_machine_mem(t->m);
    uint64_t base = emu_mem_ram_base(mem), size = emu_mem_ram_size(mem);
    SnapPages *pa = snap_state_pages(a->state), *pb = snap_state_pages(b->state);
    for (guint i = 0; i < t->watches->len; i++) {
        const EmuWatch *w = &g_array_index(t->watches, EmuWatch, i);
        if (w->read || w->va < base || w->va + w->len > base + size)
            return false;
        for (uint64_t pg = (w->va - base) >> EMU_PAGE_BITS;
             pg <= (w->va + w->len - 1 - base) >> EMU_PAGE_BITS; pg++)
            if (snap_pages_data(pa, pg) != snap_pages_data(pb, pg))
                return false;
    }
    return true;
}

/* Back to the icount stop, which a reverse scan reached with no hit after it. */
static RrTravelResult back_to_stop(RrTravel *t, RrTravelHit *hit, GError **err)
{
    RrTravelResult r = seek(t, t->stop_icount, err);
    return r == RR_TRAVEL_REACHED ? stopped_here(t, RR_HIT_ICOUNT, hit) : r;
}

/* Where in [p, until) a reverse scan needs to look, [*lo, *hi): with only
 * breakpoints and write watchpoints set and the MMU off at p, the index
 * says where the last hit can be (*hi == p: nowhere); else all of it. */
static void scan_range(const RrTravel *t, const Point *p, uint64_t until, uint64_t *lo, uint64_t *hi)
{
    *lo = p->icount;
    *hi = until;
    guint nb = t->bps->len, nw = t->watches->len;
    if (!nb && !nw)
        return;
    if (p->mmu_on)
        return;
    RrTouch touch[nb + nw];
    for (guint i = 0; i < nb; i++)
        touch[i] = (RrTouch){ .pa = g_array_index(t->bps, uint64_t, i), .exec = true };
    for (guint i = 0; i < nw; i++) {
        const EmuWatch *w = &g_array_index(t->watches, EmuWatch, i);
        if (w->read)
            return;
        touch[nb + i] = (RrTouch){ .pa = w->va, .len = w->len };
    }
    rr_footprint_last(t->footprint, p->icount, until, touch, nb + nw, lo, hi);
}

RrTravelResult rr_travel_reverse_continue(RrTravel *t, RrTravelHit *hit, GError **err)
{
    uint64_t until = now(t), whole = until;
    operation_begin(t);
    if (t->live && !leave_live(t, err))
        return RR_TRAVEL_FAILED;
    bool at_point = false;               /* `until` is a snapshot's icount */
    Point upper = { 0 };
    while (until > 0) {
        /* The stretch from the last snapshot before `until` up to it; the
         * icount stop, if in it, is as far as the scan looks. */
        Point p = point_at_or_before(t, until - 1);
        bool stop_in = t->have_stop && t->stop_icount >= p.icount && t->stop_icount < until;
        uint64_t lo, hi;
        scan_range(t, &p, until, &lo, &hi);
        /* Where the scan starts looking: with the icount stop in the
         * stretch, no hit before it counts. */
        uint64_t from = stop_in ? MAX(lo, t->stop_icount) : lo;
        if (hi <= from || (at_point && stretch_writes_nothing_watched(t, &p, &upper))) {
            if (stop_in)
                return back_to_stop(t, hit, err);
            upper = p;
            until = p.icount;
            continue;
        }
        if (!restore(t, &p, err))
            return RR_TRAVEL_FAILED;
        t->done = (double)(whole - until) / (double)whole;
        t->share = (double)(until - p.icount) / (double)whole;
        /* Up to where the scan looks at full speed, then with the hooks. */
        RrTravelResult r = from > p.icount ? run_to(t, from, 0, err) : RR_TRAVEL_REACHED;
        bool found = false;
        if (r == RR_TRAVEL_REACHED) {
            debug_on(t, SCAN_LAST, from, hi);
            r = run_to(t, hi, 0, err);
            found = t->have_hit;
            debug_off(t);
        }
        if (r == RR_TRAVEL_FAILED || r == RR_TRAVEL_INTERRUPTED)
            return r;
        if (r == RR_TRAVEL_STOPPED && t->stop_requested)
            return stopped_here(t, RR_HIT_REQUEST, hit);
        if (found) {
            *hit = t->hit;
            r = seek(t, t->hit_at, err);
            return r == RR_TRAVEL_REACHED ? RR_TRAVEL_STOPPED : r;
        }
        if (stop_in && from == t->stop_icount)
            return back_to_stop(t, hit, err);
        if (lo > p.icount) {
            /* The rest of the stretch, before where the scan looked. */
            until = lo;
            at_point = false;
            continue;
        }
        /* The scan may have thinned the store: look the snapshot up again. */
        upper = point_at_or_before(t, p.icount);
        at_point = upper.icount == p.icount;
        until = p.icount;
    }
    RrTravelResult r = seek(t, 0, err);
    return r == RR_TRAVEL_REACHED ? RR_TRAVEL_AT_START : r;
}

/* ---- Changing the machine while recording ---------------------------- */

/* The state register index of `name` (travel.h's names) and how many
 * bytes of a value it takes (4 for wN, else 8), or false. */
static bool register_index(const EmuCpu *cpu, const char *name, size_t *idx, unsigned *width)
{
    g_autofree char *lower = g_ascii_strdown(name, -1);
    const char *want = lower;
    *width = 8;
    if (!strcmp(want, "cpsr")) {
        want = "pstate";
    } else if (!strcmp(want, "sp")) {
        uint32_t ps = emu_cpu_pstate(cpu);
        want = (ps >> 2 & 3) && (ps & 1) ? "sp_el1" : "sp_el0";
    } else if (want[0] == 'w' && g_ascii_isdigit(want[1])) {
        lower[0] = 'x';
        *width = 4;
    }
    char buf[16];
    for (size_t i = 0; i < emu_cpu_state_reg_count(); i++) {
        const char *n = emu_cpu_state_reg_name(i, buf);
        if (n && !strcmp(n, want)) {
            *idx = i;
            return true;
        }
    }
    return false;
}

/* Whether the machine can be changed here: recording, at the frontier. */
static bool can_change(const RrTravel *t, const char *what, GError **err)
{
    if (!t->recording) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "a replay cannot change %s: it would no longer be the recording (%s can be "
                    "changed while recording: rewind record -i)", what, what);
        return false;
    }
    if (!t->live) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                    "icount %" PRIu64 " is in the recording's past, which cannot change; "
                    "%s can be changed at its frontier (seek %" PRIu64 ")",
                    now(t), what, rr_travel_end(t));
        return false;
    }
    return true;
}

bool rr_travel_set_register_bytes(RrTravel *t, const char *name, const uint8_t *in, size_t n,
                                  GError **err)
{
    if (!can_change(t, "registers", err))
        return false;
    EmuCpu *cpu = emu_machine_cpu(t->m);
    size_t idx;
    unsigned width;
    if (!register_index(cpu, name, &idx, &width)) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "no register \"%s\"", name);
        return false;
    }
    uint8_t bytes[32] = { 0 };
    size_t len = emu_cpu_state_reg(cpu, idx, bytes);
    if (n > len) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "register %s holds %zu bytes, not %zu",
                    name, len, n);
        return false;
    }
    memset(bytes, 0, sizeof bytes);
    memcpy(bytes, in, width == 4 ? MIN(n, 4) : n);   /* wN: zero-extended */
    return rr_session_debug_write(t->s, RR_DEBUG_REGISTER, idx, bytes, len, err);
}

bool rr_travel_set_register(RrTravel *t, const char *name, uint64_t value, GError **err)
{
    uint8_t bytes[8];
    for (unsigned i = 0; i < 8; i++)
        bytes[i] = (uint8_t)(value >> (8 * i));
    return rr_travel_set_register_bytes(t, name, bytes, sizeof bytes, err);
}

bool rr_travel_write_memory(RrTravel *t, uint64_t va, const void *buf, size_t len, GError **err)
{
    if (!can_change(t, "memory", err))
        return false;
    EmuCpu *cpu = emu_machine_cpu(t->m);
    EmuMem *mem = emu_machine_mem(t->m);
    /* Every page first, so that a refusal writes nothing. */
    for (uint64_t at = va, left = len; left;) {
        uint64_t pa, n = MIN(left, EMU_PAGE_SIZE - (at & EMU_PAGE_MASK));
        if (!emu_cpu_translate(cpu, at, true, &pa) || !emu_mem_page_for_read(mem, pa)) {
            g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID,
                        "0x%" PRIx64 " is not writable RAM here", at);
            return false;
        }
        at += n, left -= n;
    }
    const uint8_t *p = buf;
    for (uint64_t at = va, left = len; left;) {
        uint64_t pa, n = MIN(left, EMU_PAGE_SIZE - (at & EMU_PAGE_MASK));
        if (!emu_cpu_translate(cpu, at, true, &pa) ||
            !rr_session_debug_write(t->s, RR_DEBUG_RAM, pa, p, n, err))
            return false;
        at += n, p += n, left -= n;
    }
    return true;
}

/* ---- Named replay points ------------------------------------------------ */

bool rr_travel_savevm(RrTravel *t, SnapNamed *n, const char *name, GError **err)
{
    return snap_named_save(n, name, t->m, err);
}

/* The index of the event next at position `icount` (between two runs of
 * the session): the first event after it, or at it and not one of those
 * met before a run stops there (an idle warp ends the WFI that ends at
 * it; entropy is taken while the program loads). */
static guint event_index_at(const RrTravel *t, uint64_t icount)
{
    GPtrArray *ev = t->s->events;
    guint lo = 0, hi = ev->len;
    while (lo < hi) {
        guint mid = (lo + hi) / 2;
        if (((const RrEvent *)g_ptr_array_index(ev, mid))->icount < icount)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo < ev->len) {
        const RrEvent *e = g_ptr_array_index(ev, lo);
        if (e->icount != icount || (e->kind != RR_EVENT_IDLE_WARP && e->kind != RR_EVENT_ENTROPY))
            break;
        lo++;
    }
    return lo;
}

RrTravelResult rr_travel_loadvm(RrTravel *t, SnapNamed *n, const char *name, GError **err)
{
    size_t count = snap_named_count(n), i = 0;
    SnapNamedInfo info = { 0 };
    for (; i < count; i++) {
        snap_named_info(n, i, &info);
        if (!g_strcmp0(info.name, name))
            break;
    }
    if (i < count && (info.icount < 0 || (uint64_t)info.icount > rr_travel_end(t))) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "snapshot \"%s\" is at icount %"
                    PRId64 ", past this recording's end (%" PRIu64 "): it is not of this "
                    "recording", name, info.icount, rr_travel_end(t));
        return RR_TRAVEL_FAILED;
    }
    if (t->live && !leave_live(t, err))
        return RR_TRAVEL_FAILED;
    /* The machine as saved (snap_named_load checks all before changing
     * anything: on failure the position is unchanged). */
    if (!snap_named_load(n, name, t->m, err))
        return RR_TRAVEL_FAILED;
    footprint_restart(t);
    uint64_t at = now(t);
    if (at > t->end) {
        g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "snapshot \"%s\" holds icount %"
                    PRIu64 ", past this recording's end (%" PRIu64 ")", name, at, t->end);
        return RR_TRAVEL_FAILED;
    }
    if (!rr_session_restored(t->s, event_index_at(t, at), err))
        return RR_TRAVEL_FAILED;
    take_point(t);
    return RR_TRAVEL_REACHED;
}

bool rr_travel_finish(RrTravel *t, GError **err)
{
    g_assert(t->recording);
    if (!t->live && !resume_live(t, err))
        return false;
    if (t->ended)
        return rr_session_finish(t->s, &t->ending, err);
    /* Stopped by the user, the guest still running: the user-stop event,
     * then the end. */
    RrSessionResult res = { .event = EMU_MACHINE_BUDGET, .icount = now(t) };
    return rr_session_user_stop(t->s, RR_STOP_COMMAND, err) && rr_session_finish(t->s, &res, err);
}
