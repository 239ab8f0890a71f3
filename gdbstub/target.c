/* gdbstub/target.c — see target.h. */
#include "gdbstub/target.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "gdbstub/tdesc.h"

typedef struct Point {
    GdbPoint type;
    uint64_t addr, len;
} Point;

struct GdbTarget {
    RrTravel *t;
    EmuMachine *m;
    GArray *points;              /* Point */
    bool (*interrupted)(void *opaque);
    void *interrupt_opaque;
    GdbMonitorFn monitor;        /* monitor commands (the CLI's command table) */
    void *monitor_opaque;
};

GdbTarget *gdb_target_new(RrTravel *t, EmuMachine *m)
{
    GdbTarget *g = g_new0(GdbTarget, 1);
    g->t = t;
    g->m = m;
    g->points = g_array_new(false, false, sizeof(Point));
    return g;
}

void gdb_target_free(GdbTarget *g)
{
    if (!g)
        return;
    g_array_unref(g->points);
    g_free(g);
}

RrTravel *gdb_target_travel(GdbTarget *g) { return g->t; }
EmuMachine *gdb_target_machine(GdbTarget *g) { return g->m; }

bool gdb_target_read_mem(GdbTarget *g, uint64_t addr, void *buf, size_t len)
{
    return emu_cpu_read_virt(emu_machine_cpu(g->m), addr, buf, len);
}

bool gdb_target_write_mem(GdbTarget *g, uint64_t addr, const void *buf, size_t len)
{
    GError *err = NULL;
    bool ok = rr_travel_write_memory(g->t, addr, buf, len, &err);
    g_clear_error(&err);
    return ok;
}

bool gdb_target_write_reg(GdbTarget *g, unsigned n, const uint8_t *bytes, size_t len)
{
    char name[8];
    if (n < GDB_REG_SP)
        g_snprintf(name, sizeof name, "x%u", n);
    else if (n >= GDB_REG_V0 && n < GDB_REG_FPSR)
        g_snprintf(name, sizeof name, "v%u", n - GDB_REG_V0);
    else if (n < GDB_REG_COUNT)
        g_strlcpy(name, n == GDB_REG_SP ? "sp" : n == GDB_REG_PC ? "pc" : n == GDB_REG_CPSR ? "cpsr"
                        : n == GDB_REG_FPSR ? "fpsr" : "fpcr", sizeof name);
    else
        return false;
    GError *err = NULL;
    bool ok = rr_travel_set_register_bytes(g->t, name, bytes, len, &err);
    g_clear_error(&err);
    return ok;
}

/* Hand the engine the breakpoints and watchpoints now set. */
static void sync_points(GdbTarget *g)
{
    GArray *bps = g_array_new(false, false, sizeof(uint64_t));
    GArray *ws = g_array_new(false, false, sizeof(EmuWatch));
    for (guint i = 0; i < g->points->len; i++) {
        const Point *p = &g_array_index(g->points, Point, i);
        if (p->type <= GDB_HW_BREAK) {
            g_array_append_val(bps, p->addr);
        } else {
            EmuWatch w = { .va = p->addr, .len = p->len ? p->len : 1,
                           .read = p->type != GDB_WATCH_WRITE,
                           .write = p->type != GDB_WATCH_READ };
            g_array_append_val(ws, w);
        }
    }
    rr_travel_set_breakpoints(g->t, (const uint64_t *)(void *)bps->data, bps->len);
    rr_travel_set_watchpoints(g->t, (const EmuWatch *)(void *)ws->data, ws->len);
    g_array_unref(bps);
    g_array_unref(ws);
}

bool gdb_target_insert(GdbTarget *g, GdbPoint type, uint64_t addr, uint64_t len)
{
    if (type > GDB_WATCH_ACCESS || (type >= GDB_WATCH_WRITE && (len == 0 || len > 4096)))
        return false;
    Point p = { type, addr, type >= GDB_WATCH_WRITE ? len : 0 };
    g_array_append_val(g->points, p);
    sync_points(g);
    return true;
}

bool gdb_target_remove(GdbTarget *g, GdbPoint type, uint64_t addr, uint64_t len)
{
    uint64_t want = type >= GDB_WATCH_WRITE ? len : 0;
    for (guint i = 0; i < g->points->len; i++) {
        const Point *p = &g_array_index(g->points, Point, i);
        if (p->type == type && p->addr == addr && p->len == want) {
            g_array_remove_index(g->points, i);
            sync_points(g);
            return true;
        }
    }
    return false;
}

/* The kind of the point a hit belongs to: a breakpoint set as software or
 * hardware, a watchpoint set for writes, reads or both. */
static GdbPoint point_of(const GdbTarget *g, const RrTravelHit *hit)
{
    for (guint i = 0; i < g->points->len; i++) {
        const Point *p = &g_array_index(g->points, Point, i);
        if (hit->kind == RR_HIT_BREAKPOINT) {
            if (p->type <= GDB_HW_BREAK && p->addr == hit->pc)
                return p->type;
        } else if (p->type >= GDB_WATCH_WRITE && p->addr < hit->addr + hit->size &&
                   hit->addr < p->addr + p->len &&
                   (p->type == GDB_WATCH_ACCESS ||
                    (p->type == GDB_WATCH_WRITE) == (hit->kind == RR_HIT_WRITE))) {
            return p->type;
        }
    }
    return hit->kind == RR_HIT_BREAKPOINT ? GDB_SW_BREAK
         : hit->kind == RR_HIT_WRITE ? GDB_WATCH_WRITE : GDB_WATCH_READ;
}

static bool poll_interrupt(void *opaque, double fraction)
{
    GdbTarget *g = opaque;
    return !(g->interrupted && g->interrupted(g->interrupt_opaque));
}

static void stop_from(GdbTarget *g, RrTravelResult r, const RrTravelHit *hit, GError *err,
                      bool reverse, GdbStop *stop)
{
    *stop = (GdbStop){ .why = GDB_STOP_STEP };
    switch (r) {
    case RR_TRAVEL_REACHED: break;
    case RR_TRAVEL_STOPPED:
        if (hit->kind == RR_HIT_ICOUNT || hit->kind == RR_HIT_REQUEST) {
            stop->why = hit->kind == RR_HIT_ICOUNT ? GDB_STOP_ICOUNT : GDB_STOP_INTERRUPT;
            break;
        }
        stop->why = GDB_STOP_POINT;
        stop->point = point_of(g, hit);
        stop->addr = hit->addr;
        break;
    case RR_TRAVEL_AT_START: stop->why = GDB_STOP_BEGIN; break;
    case RR_TRAVEL_AT_END: stop->why = GDB_STOP_END; break;
    case RR_TRAVEL_INTERRUPTED: stop->why = GDB_STOP_INTERRUPT; break;
    case RR_TRAVEL_FAILED:
        stop->why = GDB_STOP_ERROR;
        stop->error = g_strdup(err ? err->message : "the replay failed");
        break;
    }
}

void gdb_target_resume(GdbTarget *g, bool reverse, bool step, bool (*interrupted)(void *opaque),
                       void *opaque, GdbStop *stop)
{
    g->interrupted = interrupted;
    g->interrupt_opaque = opaque;
    rr_travel_set_progress(g->t, poll_interrupt, g);
    GError *err = NULL;
    RrTravelHit hit = { 0 };
    RrTravelResult r;
    uint64_t from = rr_travel_icount(g->t);
    if (step)
        r = reverse ? rr_travel_step_back(g->t, 1, &err) : rr_travel_step(g->t, 1, &err);
    else
        r = reverse ? rr_travel_reverse_continue(g->t, &hit, &err)
                    : rr_travel_continue(g->t, &hit, &err);
    /* gdb steps over the instruction of a watchpoint hit itself (AArch64
     * watchpoints stop before the access): leave it on the far side, so
     * that gdb's step lands after the access going forwards, and on the
     * accessing instruction, before it ran, going backwards. */
    if (r == RR_TRAVEL_STOPPED && (hit.kind == RR_HIT_READ || hit.kind == RR_HIT_WRITE)) {
        uint64_t at = reverse ? hit.icount + 1 : hit.icount;
        if (rr_travel_seek(g->t, at, &err) != RR_TRAVEL_REACHED)
            r = RR_TRAVEL_FAILED;
    }
    /* A step at either end of the recording goes nowhere: say where. */
    if (step && r == RR_TRAVEL_REACHED && rr_travel_icount(g->t) == from)
        r = reverse ? RR_TRAVEL_AT_START : RR_TRAVEL_AT_END;
    stop_from(g, r, &hit, err, reverse, stop);
    g_clear_error(&err);
    rr_travel_set_progress(g->t, NULL, NULL);
}

/* ---- monitor ---------------------------------------------------------- */

void gdb_target_set_monitor(GdbTarget *g, GdbMonitorFn fn, void *opaque)
{
    g->monitor = fn;
    g->monitor_opaque = opaque;
}

char *gdb_target_monitor(GdbTarget *g, const char *command)
{
    g_autofree char *line = g_strstrip(g_strdup(command));
    if (g->monitor)
        return g->monitor(g->monitor_opaque, line);
    return g_strdup_printf("unknown monitor command \"%s\": this stub has no command table\n",
                           line);
}
