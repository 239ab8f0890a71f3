/* bench/travel.c — how fast the time-travel engine (replay/travel.h) moves
 * over a long recording: `make bench` runs it on a guest of about 1e8
 * instructions and on bench.elf (about 1e9).
 *
 *   travel-bench GUEST.elf [--insns N] [--back N]
 *
 * Records GUEST.elf to its end (or, with --insns, until about N
 * instructions: the recording then ends with a user stop) into a temporary
 * directory, opens a replay with the engine (its defaults: snapshots every
 * SNAP_STORE_DEFAULT_INTERVAL instructions, the default memory budget) and
 * times, in this order:
 *   replay         a seek from 0 to the end: the replay speed, and the
 *                  automatic snapshots laid down on the way
 *   step_back(1)   from the end, one first step (it restores a snapshot and
 *                  lays down local ones), then 200 more, each timed: median,
 *                  p90, max; and 100 consecutive steps from the end
 *   reverse_continue  from the end to a breakpoint whose last execution is
 *                  about --back (default 1e8) instructions back, next to the
 *                  time a forward replay of the same distance takes (that
 *                  distance at the replay speed)
 *   snapshots      the engine's snapshots after all this, and their memory
 *                  next to the guest's RAM
 *   savevm/loadvm  a named snapshot at the end, in a qcow2 file
 *
 * The breakpoint: the PC executed --back before the end, unless the guest
 * executes it again later (a loop running to the end): then the PC at
 * points further back, in steps of --back / 4, until one lands at least
 * half of --back from the end (reverse_to_breakpoint). Each landing must
 * be at that PC and no earlier than the execution it was read at. The
 * figure is that reverse-continue's time, next to the replay of the same
 * distance forwards (at the replay speed measured first) and to a
 * forward continue over it with the same breakpoint set (which costs
 * speed: blocks end at breakpoints).
 *
 * Exit status 0, or 1 with a message when anything fails or lands wrong. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emu/cpu.h"
#include "emu/machine.h"
#include "replay/session.h"
#include "replay/travel.h"
#include "snapshots/named.h"
#include "snapshots/store.h"

#define STEPS 200                /* timed steps back after the first */
#define CONSECUTIVE 100
#define MIB (1024.0 * 1024.0)

/* The temporary directory, emptied and removed at exit whatever happens. */
static char *tmp_dir;

static void remove_tmp_dir(void)
{
    if (!tmp_dir)
        return;
    static const char *const files[] = { "events.rwl", SNAP_NAMED_FILE };
    for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = g_build_filename(tmp_dir, files[i], NULL);
        g_remove(path);
    }
    g_rmdir(tmp_dir);
}

static void die(const char *what, GError *err)
{
    fprintf(stderr, "travel-bench: %s%s%s\n", what, err ? ": " : "", err ? err->message : "");
    exit(1);
}

static double seconds_since(gint64 t0) { return (double)(g_get_monotonic_time() - t0) / 1e6; }

/* ---- Recording and replaying --------------------------------------------- */

static void discard(void *opaque, uint8_t byte) {}
static uint64_t clock_hook(void *opaque) { return rr_session_host_seconds(opaque); }
static void entropy_hook(void *opaque, uint8_t *buf, size_t len) { rr_session_entropy(opaque, buf, len); }

static EmuMachine *machine_for(RrSession *s, const char *elf)
{
    GError *err = NULL;
    EmuMachineConfig cfg = { .serial_out = discard, .host_seconds = clock_hook,
                             .entropy = entropy_hook, .idle_returns = true, .opaque = s };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    if (!m || !emu_machine_load_elf(m, elf, &err))
        die(elf, err);
    rr_session_attach(s, m);
    return m;
}

typedef struct Limit {
    EmuMachine *m;
    uint64_t insns;              /* 0: none */
} Limit;

static bool limit_reached(void *opaque)
{
    const Limit *l = opaque;
    return l->insns && emu_machine_icount(l->m) >= l->insns;
}

/* Record `elf` into `log` to its end, or until about `insns`; returns the
 * last icount. */
static uint64_t record(const char *elf, const char *log, uint64_t insns)
{
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 4u << 20, .sync_groups = 64 };
    RrSession *s = rr_session_record(log, &hdr, &err);
    if (!s)
        die(log, err);
    rr_session_set_sleep(s, false);
    EmuMachine *m = machine_for(s, elf);
    Limit limit = { .m = m, .insns = insns };
    RrSessionIo io = { .stop_requested = limit_reached, .opaque = &limit };
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    while ((rs = rr_session_run(s, &io, &res, &err)) == RR_RUN_MORE) {
    }
    if (rs != RR_RUN_DONE || !rr_session_finish(s, &res, &err))
        die("recording", err);
    rr_session_free(s);
    emu_machine_free(m);
    return res.icount;
}

typedef struct Replay {
    RrSession *s;
    EmuMachine *m;
} Replay;

static void replay_open(Replay *r, const char *elf, const char *log)
{
    GError *err = NULL;
    r->s = rr_session_replay(log, RR_LOG_STRICT, &err);
    if (!r->s)
        die(log, err);
    r->m = machine_for(r->s, elf);
}

static void replay_close(Replay *r)
{
    rr_session_free(r->s);
    emu_machine_free(r->m);
}

static void seek(RrTravel *t, uint64_t icount)
{
    GError *err = NULL;
    RrTravelResult res = rr_travel_seek(t, icount, &err);
    if (res != RR_TRAVEL_REACHED || rr_travel_icount(t) != icount) {
        g_autofree char *what = g_strdup_printf("seek to %" PRIu64 " (result %d, at %" PRIu64 ")",
                                                icount, res, rr_travel_icount(t));
        die(what, err);
    }
}

/* ---- The breakpoint for reverse-continue ----------------------------------- */

/* Candidate points: back x (1 + j / 4) before the end for j = 0..12, and
 * again PAST_POINT instructions earlier; at most 26 tries. */
#define POINTS 13
#define PAST_POINT 10007

typedef struct Landing {
    uint64_t pc;                 /* the breakpoint */
    uint64_t icount;             /* where reverse-continue stopped: its last execution */
    double seconds;
    unsigned tries;
} Landing;

/* Reverse-continue from the end with the PC at icount `x` as the only
 * breakpoint; the landing must be at or after `x` (the PC executes there)
 * and at that PC. */
static Landing try_point(RrTravel *t, EmuMachine *m, uint64_t x, uint64_t end)
{
    GError *err = NULL;
    Landing l = { 0 };
    seek(t, x);
    l.pc = emu_cpu_pc(emu_machine_cpu(m));
    seek(t, end);
    rr_travel_set_breakpoints(t, &l.pc, 1);
    RrTravelHit hit;
    gint64 t0 = g_get_monotonic_time();
    RrTravelResult res = rr_travel_reverse_continue(t, &hit, &err);
    l.seconds = seconds_since(t0);
    rr_travel_set_breakpoints(t, NULL, 0);
    if (res != RR_TRAVEL_STOPPED || hit.icount < x || hit.pc != l.pc ||
        rr_travel_icount(t) != hit.icount || emu_cpu_pc(emu_machine_cpu(m)) != l.pc) {
        fprintf(stderr, "travel-bench: reverse_continue from the end to pc %#" PRIx64 " (executed "
                "at icount %" PRIu64 "): result %d, hit at icount %" PRIu64 " pc %#" PRIx64
                ", now at icount %" PRIu64 " pc %#" PRIx64 "%s%s\n", l.pc, x, res, hit.icount,
                hit.pc, rr_travel_icount(t), emu_cpu_pc(emu_machine_cpu(m)), err ? ": " : "",
                err ? err->message : "");
        exit(1);
    }
    l.icount = hit.icount;
    return l;
}

/* A breakpoint whose last execution lies about `back` before the end, and
 * the reverse-continue from the end that found it: the PC at each candidate
 * point in turn, from the nearest, until one lands at least half of `back`
 * (or of the recording, if shorter) from the end. A loop's PCs execute
 * again up to the loop's end: those land nearer, after a short scan. The
 * farthest landing if none does. */
static Landing reverse_to_breakpoint(RrTravel *t, EmuMachine *m, uint64_t end, uint64_t back)
{
    Landing best = { 0 };
    uint64_t prev = UINT64_MAX;
    unsigned tries = 0;
    for (int j = 0; j < POINTS; j++)
        for (int k = 0; k < 2; k++) {
            uint64_t d = back + back * (uint64_t)j / 4 + (uint64_t)k * PAST_POINT;
            uint64_t x = d < end ? end - d : 0;
            if (x == prev)
                continue;
            prev = x;
            Landing l = try_point(t, m, x, end);
            tries++;
            if (!best.tries || l.icount < best.icount)
                best = l;
            best.tries = tries;
            if (end - l.icount >= MIN(back, end) / 2)
                return best;
        }
    return best;
}

/* ---- Figures --------------------------------------------------------------- */

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* p in [0, 1] of n sorted values: the nearest rank. */
static double percentile(const double *sorted, size_t n, double p)
{
    size_t k = (size_t)ceil(p * (double)n);
    return sorted[k ? k - 1 : 0];
}

static uint64_t file_size(const char *path)
{
    GStatBuf st;
    return g_stat(path, &st) == 0 ? (uint64_t)st.st_size : 0;
}

static double load_average(void)
{
    double la = 0;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f && fscanf(f, "%lf", &la) != 1)
        la = 0;
    if (f)
        fclose(f);
    return la;
}

int main(int argc, char **argv)
{
    const char *elf = NULL;
    uint64_t insns = 0, back = 100000000;
    for (int i = 1; i < argc; i++) {
        if ((!strcmp(argv[i], "--insns") || !strcmp(argv[i], "--back")) && i + 1 < argc) {
            char *endp;
            errno = 0;
            double v = strtod(argv[i + 1], &endp);   /* 1e8 as well as 100000000 */
            if (errno || *endp || v < 1 || v > 1e15) {
                fprintf(stderr, "travel-bench: %s %s: not an instruction count\n", argv[i],
                        argv[i + 1]);
                return 2;
            }
            *(argv[i][2] == 'i' ? &insns : &back) = (uint64_t)v;
            i++;
        } else if (argv[i][0] != '-' && !elf) {
            elf = argv[i];
        } else {
            fprintf(stderr, "usage: travel-bench GUEST.elf [--insns N] [--back N]\n");
            return 2;
        }
    }
    if (!elf) {
        fprintf(stderr, "usage: travel-bench GUEST.elf [--insns N] [--back N]\n");
        return 2;
    }

    GError *err = NULL;
    char *dir = tmp_dir = g_dir_make_tmp("rewind-travel-bench-XXXXXX", &err);
    if (!dir)
        die("temporary directory", err);
    atexit(remove_tmp_dir);
    g_autofree char *log = g_build_filename(dir, "events.rwl", NULL);
    g_autofree char *qcow2 = g_build_filename(dir, SNAP_NAMED_FILE, NULL);

    gint64 t0 = g_get_monotonic_time();
    uint64_t end = record(elf, log, insns);
    double record_s = seconds_since(t0);
    g_autofree char *base = g_path_get_basename(elf);
    printf("travel: %s, %" PRIu64 " instructions recorded in %.2f s; the engine snapshots every "
           "%" PRIu64 " instructions within %.0f MiB; %u host CPUs, load average %.2f\n", base, end,
           record_s, (uint64_t)SNAP_STORE_DEFAULT_INTERVAL,
           (double)snap_store_default_budget() / MIB, g_get_num_processors(), load_average());
    fflush(stdout);

    Replay r;
    replay_open(&r, elf, log);
    RrTravel *t = rr_travel_new(r.s, r.m, NULL, &err);
    if (!t)
        die("rr_travel_new", err);
    if (rr_travel_end(t) != end)
        die("the engine's end is not the recording's", NULL);

    /* Replay speed: the whole recording once. */
    t0 = g_get_monotonic_time();
    seek(t, end);
    double replay_s = seconds_since(t0);
    double mips = (double)end / replay_s / 1e6;
    printf("  replay (seek 0 to end)    %8.3f s   %6.1f MIPS, %zu snapshots on the way\n",
           replay_s, mips, rr_travel_snapshot_count(t));

    /* Steps back from the end. */
    double step_ms[1 + STEPS];
    for (int i = 0; i <= STEPS; i++) {
        uint64_t want = rr_travel_icount(t) - 1;
        t0 = g_get_monotonic_time();
        RrTravelResult res = rr_travel_step_back(t, 1, &err);
        step_ms[i] = seconds_since(t0) * 1e3;
        if (res != RR_TRAVEL_REACHED || rr_travel_icount(t) != want)
            die("step_back(1)", err);
    }
    double consecutive_ms = 0;
    for (int i = 0; i < CONSECUTIVE; i++)
        consecutive_ms += step_ms[i];
    double sorted[STEPS];
    memcpy(sorted, step_ms + 1, sizeof sorted);
    qsort(sorted, STEPS, sizeof sorted[0], by_value);
    printf("  step_back(1), first       %8.3f ms  (restores a snapshot, replays from "
           "the last automatic one, lays down local ones)\n", step_ms[0]);
    /* Which steps took 1 ms or more (the first is step 0): the first few. */
    g_autoptr(GString) slow = g_string_new(NULL);
    int nslow = 0;
    for (int i = 1; i <= STEPS; i++)
        if (step_ms[i] >= 1.0 && nslow++ < 5)
            g_string_append_printf(slow, "%s%d", slow->len ? ", " : " (steps ", i);
    if (nslow)
        g_string_append(slow, nslow > 5 ? ", ...)" : ")");
    printf("  step_back(1), next %d    median %.3f ms, p90 %.3f ms, max %.3f ms, %d over 1 ms%s "
           "(target < 1 ms)\n", STEPS, percentile(sorted, STEPS, 0.5),
           percentile(sorted, STEPS, 0.9), sorted[STEPS - 1], nslow, slow->str);
    printf("  %d x step_back(1)        %8.3f ms from the end (%.3f ms without the first)\n",
           CONSECUTIVE, consecutive_ms, consecutive_ms - step_ms[0]);
    fflush(stdout);

    /* Reverse-continue to a breakpoint about `back` instructions back,
     * then forwards again over the same stretch with the same breakpoint
     * (it executes no more: continue runs to the end). */
    t0 = g_get_monotonic_time();
    Landing l = reverse_to_breakpoint(t, r.m, end, back);
    double search_s = seconds_since(t0);
    uint64_t distance = end - l.icount;
    double forward_s = (double)distance / (mips * 1e6);
    rr_travel_set_breakpoints(t, &l.pc, 1);
    RrTravelHit hit;
    t0 = g_get_monotonic_time();
    RrTravelResult res = rr_travel_continue(t, &hit, &err);
    double continue_s = seconds_since(t0);
    rr_travel_set_breakpoints(t, NULL, 0);
    if (res != RR_TRAVEL_AT_END || rr_travel_icount(t) != end)
        die("continue from the last execution of the breakpoint did not run to the end", err);
    printf("  reverse_continue          %8.3f s   to pc %#" PRIx64 ", %" PRIu64 " instructions back "
           "(try %u; %.1f s with the tries)\n", l.seconds, l.pc, distance, l.tries, search_s);
    printf("  replay of that distance   %8.3f s   reverse / forward %.2f (target <= 1)\n",
           forward_s, l.seconds / forward_s);
    printf("  continue, same distance   %8.3f s   forwards with the same breakpoint: reverse / "
           "forward %.2f\n", continue_s, l.seconds / continue_s);

    /* Snapshot memory. */
    size_t nsnap = rr_travel_snapshot_count(t), bytes = rr_travel_snapshot_bytes(t);
    printf("  snapshots                 %zu, %.1f MiB = %.1f%% of guest RAM (%.0f MiB)\n", nsnap,
           (double)bytes / MIB, 100.0 * (double)bytes / (double)EMU_DEFAULT_RAM,
           (double)EMU_DEFAULT_RAM / MIB);
    printf("  footprint index           %.2f MiB (what each stretch wrote and ran, for reverse scans)\n",
           (double)rr_travel_footprint_bytes(t) / MIB);

    /* savevm / loadvm at the end. */
    seek(t, end);
    SnapNamed *n = snap_named_open(qcow2, SNAP_NAMED_EMPTY_SIZE, &err);
    if (!n)
        die(qcow2, err);
    t0 = g_get_monotonic_time();
    if (!snap_named_save(n, "bench", r.m, &err))
        die("savevm", err);
    double save_s = seconds_since(t0);
    t0 = g_get_monotonic_time();
    if (!snap_named_load(n, "bench", r.m, &err))
        die("loadvm", err);
    double load_s = seconds_since(t0);
    if (emu_machine_icount(r.m) != end)
        die("loadvm did not restore the icount", NULL);
    if (!snap_named_close(n, &err))
        die(qcow2, err);
    printf("  savevm / loadvm           %8.3f s / %.3f s, %s %.1f MiB\n", save_s, load_s,
           SNAP_NAMED_FILE, (double)file_size(qcow2) / MIB);

    rr_travel_free(t);
    replay_close(&r);
    return 0;
}
