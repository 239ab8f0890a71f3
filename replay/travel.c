/* replay/travel.c — see travel.h. */
#include "replay/travel.h"

#include <inttypes.h>

#include "replay/internal.h"

/* How many local snapshots a step back leaves between the snapshot it
 * restored and its target, and the distance below which it leaves none:
 * replaying that far costs less than taking one. */
#define LOCAL_SNAPSHOTS 8
#define LOCAL_MIN_DISTANCE 4096

typedef struct Point {
    uint64_t icount;
    SnapState *state;
    guint event;                 /* index of the event next there */
} Point;

struct RrTravel {
    RrSession *s;
    EmuMachine *m;
    uint64_t interval;
    uint64_t end;                /* the recording's last icount */
    GArray *points;              /* Point, by increasing icount */
};

static uint64_t now(const RrTravel *t) { return emu_machine_icount(t->m); }

/* The index of the last point at or before `icount` (points[0] is at 0). */
static guint point_at_or_before(const RrTravel *t, uint64_t icount)
{
    guint lo = 0, hi = t->points->len;
    while (hi - lo > 1) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(t->points, Point, mid).icount <= icount)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* A snapshot here, unless there is one already. */
static void take_point(RrTravel *t)
{
    uint64_t at = now(t);
    guint i = point_at_or_before(t, at);
    if (t->points->len && g_array_index(t->points, Point, i).icount == at)
        return;
    Point p = { .icount = at, .state = snap_state_take(t->s->ram, t->m),
                .event = rr_session_next_index(t->s) };
    if (t->points->len && g_array_index(t->points, Point, i).icount < at)
        i++;
    g_array_insert_val(t->points, i, p);
}

RrTravel *rr_travel_new(RrSession *s, EmuMachine *m, const RrTravelConfig *cfg, GError **err)
{
    g_assert(emu_machine_icount(m) == 0 && s->m == m);
    if (!rr_session_load_all(s, err))
        return NULL;
    RrTravel *t = g_new0(RrTravel, 1);
    t->s = s;
    t->m = m;
    t->interval = cfg && cfg->interval ? cfg->interval : RR_TRAVEL_DEFAULT_INTERVAL;
    t->points = g_array_new(false, false, sizeof(Point));
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
    for (guint i = 0; i < t->points->len; i++)
        snap_state_unref(g_array_index(t->points, Point, i).state);
    g_array_unref(t->points);
    g_free(t);
}

uint64_t rr_travel_icount(const RrTravel *t) { return now(t); }
uint64_t rr_travel_end(const RrTravel *t) { return t->end; }
size_t rr_travel_snapshot_count(const RrTravel *t) { return t->points->len; }

size_t rr_travel_snapshot_bytes(const RrTravel *t)
{
    size_t n = 0;
    for (guint i = 0; i < t->points->len; i++)
        n += snap_state_own_bytes(g_array_index(t->points, Point, i).state);
    return n;
}

static bool restore(RrTravel *t, const Point *p, GError **err)
{
    return snap_state_restore(t->s->ram, t->m, p->state, err) &&
           rr_session_restored(t->s, p->event, err);
}

/* Replay forwards to `target` (or the end), taking automatic snapshots at
 * multiples of the interval and, with `local` > 0, one every `local`
 * instructions. */
static RrTravelResult run_to(RrTravel *t, uint64_t target, uint64_t local, GError **err)
{
    RrSession *s = t->s;
    unsigned stuck = 0;
    while (now(t) < target) {
        uint64_t at = now(t);
        uint64_t due = (at / t->interval + 1) * t->interval;
        if (local)
            due = MIN(due, (at / local + 1) * local);
        s->stop_cap = MIN(target, due);
        RrSessionResult res;
        RrRunStatus rs = rr_session_run(s, NULL, &res, err);
        s->stop_cap = 0;
        if (rs == RR_RUN_ERROR)
            return RR_TRAVEL_FAILED;
        if (now(t) == due && now(t) < target)
            take_point(t);
        if (rs == RR_RUN_DONE)
            return now(t) < target ? RR_TRAVEL_AT_END : RR_TRAVEL_REACHED;
        stuck = now(t) == at ? stuck + 1 : 0;
        if (stuck > 64) {
            g_set_error(err, RR_LOG_ERROR, RR_LOG_ERROR_INVALID, "replay makes no progress at "
                        "icount %" PRIu64 " (seeking icount %" PRIu64 ")", at, target);
            return RR_TRAVEL_FAILED;
        }
    }
    return RR_TRAVEL_REACHED;
}

RrTravelResult rr_travel_seek(RrTravel *t, uint64_t icount, GError **err)
{
    uint64_t from = now(t);
    if (icount > t->end) {
        RrTravelResult r = rr_travel_seek(t, t->end, err);
        return r == RR_TRAVEL_REACHED ? RR_TRAVEL_AT_END : r;
    }
    if (icount == from)
        return RR_TRAVEL_REACHED;
    uint64_t local = 0;
    if (icount < from) {
        const Point *p = &g_array_index(t->points, Point, point_at_or_before(t, icount));
        if (!restore(t, p, err))
            return RR_TRAVEL_FAILED;
        /* Going back: leave snapshots between the restored one and the
         * target, so that the next step back is short. */
        uint64_t distance = icount - p->icount;
        if (distance >= LOCAL_MIN_DISTANCE)
            local = MAX(distance / LOCAL_SNAPSHOTS, LOCAL_MIN_DISTANCE / 2);
    } else {
        /* Forwards: from the snapshot nearest the target when it is
         * nearer than here (a seek far ahead over known ground). */
        const Point *p = &g_array_index(t->points, Point, point_at_or_before(t, icount));
        if (p->icount > from && !restore(t, p, err))
            return RR_TRAVEL_FAILED;
    }
    return run_to(t, icount, local, err);
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
