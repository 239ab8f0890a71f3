/* tests/replay/test_travel.c — the time-travel engine on recordings of real
 * guests (tests/guest/, in REWIND_GUEST_DIR or build/guest): a seek to any
 * icount, in any order, gives the machine state a straight replay has
 * there; stepping back an instruction at a time from the end visits the
 * forward PCs in reverse; the ends of the recording are reported. */
#include <criterion/criterion.h>
#include <elf.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "replay/travel.h"
#include "snapshots/store.h"
#include "tests/emu/testelf.h"
#include "tests/replay/machinehash.h"
#include "tests/replay/testdir.h"

static char *dir, *logpath;
/* The guest's UART output, for the addresses planted.c prints. */
static GString *output;

static void setup(void)
{
    dir = testdir_new("rewind-travel-XXXXXX");
    output = g_string_new(NULL);
    logpath = g_build_filename(dir, "events.rwl", NULL);
}

static void teardown(void)
{
    g_free(logpath);
    testdir_remove(dir);
    g_string_free(output, true);
}

TestSuite(rr_travel, .init = setup, .fini = teardown, .timeout = 120);

static char *guest_path(const char *name)
{
    const char *d = g_getenv("REWIND_GUEST_DIR");
    char *path = g_strdup_printf("%s/%s.elf", d ? d : "build/guest", name);
    cr_assert(g_file_test(path, G_FILE_TEST_EXISTS), "%s: no such guest (make unit builds it)",
              path);
    return path;
}

static void collect(void *opaque, uint8_t byte) { g_string_append_c(output, (char)byte); }
static uint64_t clock_hook(void *opaque) { return rr_session_host_seconds(opaque); }
static void entropy_hook(void *opaque, uint8_t *buf, size_t len) { rr_session_entropy(opaque, buf, len); }

static EmuMachine *machine(RrSession *s, const char *guest)
{
    GError *err = NULL;
    EmuMachineConfig cfg = { .serial_out = collect, .host_seconds = clock_hook,
                             .entropy = entropy_hook, .idle_returns = true, .opaque = s };
    EmuMachine *m = emu_machine_new(&cfg, &err);
    g_autofree char *elf = guest_path(guest);
    cr_assert(m && emu_machine_load_elf(m, elf, &err), "%s", err ? err->message : "");
    rr_session_attach(s, m);
    return m;
}

/* Record `guest` to its end; returns its last icount. */
static uint64_t record(const char *guest)
{
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 4u << 20, .sync_groups = 64 };
    RrSession *s = rr_session_record(logpath, &hdr, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = machine(s, guest);
    RrSessionResult res = { 0 };
    RrRunStatus rs;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_DONE, "%s", err ? err->message : "");
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_session_free(s);
    emu_machine_free(m);
    return res.icount;
}

typedef struct Replay {
    RrSession *s;
    EmuMachine *m;
    RrTravel *t;
} Replay;

static void replay_open(Replay *r, const char *guest, uint64_t interval)
{
    GError *err = NULL;
    r->s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(r->s, "%s", err ? err->message : "");
    r->m = machine(r->s, guest);
    RrTravelConfig cfg = { .interval = interval };
    r->t = rr_travel_new(r->s, r->m, &cfg, &err);
    cr_assert(r->t, "%s", err ? err->message : "");
}

static void replay_close(Replay *r)
{
    rr_travel_free(r->t);
    rr_session_free(r->s);
    emu_machine_free(r->m);
}

static void seek(Replay *r, uint64_t icount)
{
    GError *err = NULL;
    RrTravelResult res = rr_travel_seek(r->t, icount, &err);
    cr_assert_eq(res, RR_TRAVEL_REACHED, "seek %lu: %d %s", (unsigned long)icount, res,
                 err ? err->message : "");
    cr_assert_eq(rr_travel_icount(r->t), icount);
}

/* The loop guest runs 97.9 M instructions: 30 random targets, visited in
 * increasing order by a straight replay and in random order by seeks. */
Test(rr_travel, seek_anywhere_gives_the_straight_replays_state)
{
    uint64_t end = record("loop-O2-uart");
    cr_assert_gt(end, 90000000);
    enum { N = 30 };
    uint64_t targets[N];
    RrStateHash want[N];
    GRand *rng = g_rand_new_with_seed(42);
    for (int i = 0; i < N; i++)
        targets[i] = (uint64_t)(g_rand_double(rng) * (double)end);
    targets[0] = 0, targets[1] = end, targets[2] = end - 1, targets[3] = 1;
    uint64_t sorted[N];
    memcpy(sorted, targets, sizeof sorted);
    for (int i = 0; i < N; i++)                  /* insertion sort */
        for (int j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
            uint64_t x = sorted[j];
            sorted[j] = sorted[j - 1], sorted[j - 1] = x;
        }

    Replay straight;
    replay_open(&straight, "loop-O2-uart", UINT64_MAX / 2);   /* no snapshots on the way */
    GHashTable *by_icount = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    for (int i = 0; i < N; i++) {
        seek(&straight, sorted[i]);
        RrStateHash *h = g_new(RrStateHash, 1);
        machine_hash(straight.m, h);
        g_hash_table_insert(by_icount, g_memdup2(&sorted[i], 8), h);
    }
    replay_close(&straight);
    for (int i = 0; i < N; i++)
        want[i] = *(RrStateHash *)g_hash_table_lookup(by_icount, &targets[i]);

    Replay r;
    replay_open(&r, "loop-O2-uart", 0);
    seek(&r, end);                               /* the whole run once: the store's snapshots */
    cr_assert_geq(rr_travel_snapshot_count(r.t), end / SNAP_STORE_DEFAULT_INTERVAL);
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < N; i++) {
            int k = round ? N - 1 - i : i;
            seek(&r, targets[k]);
            RrStateHash h;
            machine_hash(r.m, &h);
            cr_assert(machine_hash_equal(&h, &want[k]), "seek to %lu (round %d) differs from "
                      "the straight replay", (unsigned long)targets[k], round);
        }
    replay_close(&r);
    g_hash_table_unref(by_icount);
    g_rand_free(rng);
}

/* From the end of the scheduler guest (timer interrupts, EL0 tasks),
 * 1,000 steps back visit the last 1,000 PCs in reverse. */
Test(rr_travel, step_back_retraces_the_forward_pcs)
{
    uint64_t end = record("sched-O2-uart");
    enum { STEPS = 1000 };
    uint64_t fwd[STEPS + 1];
    Replay r;
    replay_open(&r, "sched-O2-uart", 0);
    GError *err = NULL;
    seek(&r, end - STEPS);
    EmuCpu *cpu = emu_machine_cpu(r.m);
    fwd[0] = emu_cpu_pc(cpu);
    for (int i = 1; i <= STEPS; i++) {
        cr_assert_eq(rr_travel_step(r.t, 1, &err), RR_TRAVEL_REACHED, "%s", err ? err->message : "");
        fwd[i] = emu_cpu_pc(cpu);
    }
    cr_assert_eq(rr_travel_icount(r.t), end);
    gint64 t0 = g_get_monotonic_time();
    for (int i = STEPS - 1; i >= 0; i--) {
        cr_assert_eq(rr_travel_step_back(r.t, 1, &err), RR_TRAVEL_REACHED, "%s",
                     err ? err->message : "");
        cr_assert_eq(emu_cpu_pc(cpu), fwd[i], "step back to icount %lu: pc %lx, forwards %lx",
                     (unsigned long)rr_travel_icount(r.t), (unsigned long)emu_cpu_pc(cpu),
                     (unsigned long)fwd[i]);
    }
    double us = (double)(g_get_monotonic_time() - t0) / STEPS;
    cr_log_info("step back: %.1f us each over %d steps, %zu snapshots, %zu bytes", us, STEPS,
                rr_travel_snapshot_count(r.t), rr_travel_snapshot_bytes(r.t));
    /* The listing: increasing icounts from 0, each freeing something. */
    uint64_t prev = 0;
    for (size_t i = 0; i < rr_travel_snapshot_count(r.t); i++) {
        uint64_t icount;
        size_t frees;
        rr_travel_snapshot_info(r.t, i, &icount, &frees);
        cr_assert(i == 0 ? icount == 0 : icount > prev, "snapshot %zu at %lu", i, (unsigned long)icount);
        cr_assert_gt(frees, 0);
        prev = icount;
    }
    replay_close(&r);
}

Test(rr_travel, the_ends_of_the_recording_are_reported)
{
    uint64_t end = record("sched-O2-uart");
    Replay r;
    replay_open(&r, "sched-O2-uart", 0);
    GError *err = NULL;
    cr_assert_eq(rr_travel_end(r.t), end);
    cr_assert_eq(rr_travel_step(r.t, end + 100, &err), RR_TRAVEL_AT_END);
    cr_assert_eq(rr_travel_icount(r.t), end);
    cr_assert_eq(rr_travel_step(r.t, 1, &err), RR_TRAVEL_AT_END);
    cr_assert_eq(rr_travel_step_back(r.t, 10, &err), RR_TRAVEL_REACHED);
    cr_assert_eq(rr_travel_icount(r.t), end - 10);
    cr_assert_eq(rr_travel_step_back(r.t, end, &err), RR_TRAVEL_AT_START);
    cr_assert_eq(rr_travel_icount(r.t), 0);
    /* And forwards again to the very end, powered off as recorded. */
    cr_assert_eq(rr_travel_seek(r.t, end, &err), RR_TRAVEL_REACHED, "%s", err ? err->message : "");
    replay_close(&r);
}

/* ---- Breakpoints and watchpoints ---------------------------------------- */

static uint32_t read32(EmuMachine *m, uint64_t va)
{
    uint32_t v;
    cr_assert(emu_cpu_read_virt(emu_machine_cpu(m), va, &v, 4));
    return v;
}

/* planted.c prints where its global and its function are. */
static void planted_addresses(uint64_t *victim, uint64_t *tick)
{
    unsigned long long v, t;
    const char *line = strstr(output->str, "planted: victim at ");
    cr_assert(line && sscanf(line, "planted: victim at 0x%llx, tick at 0x%llx", &v, &t) == 2,
              "%s", output->str);
    *victim = v, *tick = t;
}

/* Reverse-continue with a write watchpoint on the corrupted global, from
 * the end, lands on the store that corrupted it: before it executes (the
 * value is still the last good one), and one step on it is corrupt. */
Test(rr_travel, reverse_watchpoint_lands_on_the_corrupting_store)
{
    uint64_t end = record("planted-O2-uart");
    uint64_t victim, tick;
    planted_addresses(&victim, &tick);
    Replay r;
    replay_open(&r, "planted-O2-uart", 0);
    seek(&r, end);
    cr_assert_eq(read32(r.m, victim), 0xdeadbeef);
    EmuWatch w = { .va = victim, .len = 4, .write = true };
    rr_travel_set_watchpoints(r.t, &w, 1);
    GError *err = NULL;
    RrTravelHit hit;
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                 err ? err->message : "");
    cr_assert_eq(hit.kind, RR_HIT_WRITE);
    cr_assert_eq(hit.addr, victim);
    cr_assert_eq(hit.size, 4);
    cr_assert_eq(rr_travel_icount(r.t), hit.icount, "stopped before the store");
    cr_assert_eq(emu_cpu_pc(emu_machine_cpu(r.m)), hit.pc);
    cr_assert_eq(read32(r.m, victim), 3000, "before the store: the last good value");
    uint64_t bad = hit.icount;
    cr_assert_eq(rr_travel_step(r.t, 1, &err), RR_TRAVEL_REACHED);
    cr_assert_eq(read32(r.m, victim), 0xdeadbeef, "the store wrote the bad value");

    /* Again, from just after it: the same store; then the one before. */
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.icount, bad);
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_lt(hit.icount, bad);
    cr_assert_eq(read32(r.m, victim), 2000);
    /* Forwards from there, the next write is the good 3000, reported after
     * the store (as gdb reports a hardware watchpoint). */
    cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(rr_travel_icount(r.t), hit.icount + 1);
    cr_assert_eq(read32(r.m, victim), 3000);
    cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.icount, bad);
    cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_AT_END);
    cr_assert_eq(rr_travel_icount(r.t), end);
    /* With no watchpoint set, reverse-continue goes back to the start. */
    rr_travel_set_watchpoints(r.t, NULL, 0);
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_AT_START);
    cr_assert_eq(rr_travel_icount(r.t), 0);
    replay_close(&r);
}

/* tick(i) is called for i = 0, 3000, 6000, 9000: reverse-continue from the
 * end stops at its first instruction for 9000, then 6000; continue goes
 * forwards to 9000 again; the argument register says which call. */
Test(rr_travel, breakpoints_stop_before_the_instruction_both_ways)
{
    uint64_t end = record("planted-O2-uart");
    uint64_t victim, tick;
    planted_addresses(&victim, &tick);
    Replay r;
    replay_open(&r, "planted-O2-uart", 0);
    seek(&r, end);
    rr_travel_set_breakpoints(r.t, &tick, 1);
    GError *err = NULL;
    RrTravelHit hit;
    EmuCpu *cpu = emu_machine_cpu(r.m);
    const uint64_t want[] = { 9000, 6000, 3000, 0 };
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                     err ? err->message : "");
        cr_assert_eq(hit.kind, RR_HIT_BREAKPOINT);
        cr_assert_eq(emu_cpu_pc(cpu), tick);
        cr_assert_eq(rr_travel_icount(r.t), hit.icount);
        cr_assert_eq(emu_cpu_x(cpu, 0) & 0xffffffff, want[i], "call %d: w0 = %lu", i,
                     (unsigned long)emu_cpu_x(cpu, 0));
    }
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_AT_START);
    for (int i = 3; i >= 0; i--) {
        cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
        cr_assert_eq(emu_cpu_pc(cpu), tick);
        cr_assert_eq(emu_cpu_x(cpu, 0) & 0xffffffff, want[i]);
    }
    cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_AT_END);
    replay_close(&r);
}

/* replay_break: an icount stop ends continue and reverse-continue where
 * they cross it, after any breakpoint nearer, and stays set. */
Test(rr_travel, the_icount_stop_ends_continue_and_reverse_continue)
{
    uint64_t end = record("planted-O2-uart");
    uint64_t victim, tick;
    planted_addresses(&victim, &tick);
    Replay r;
    replay_open(&r, "planted-O2-uart", 0);
    GError *err = NULL;
    RrTravelHit hit;
    /* The icounts of the four calls of tick(). */
    rr_travel_set_breakpoints(r.t, &tick, 1);
    uint64_t at[4];
    for (int i = 0; i < 4; i++) {
        cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
        at[i] = hit.icount;
    }
    uint64_t mid = (at[1] + at[2]) / 2;
    rr_travel_set_icount_stop(r.t, true, mid);
    uint64_t got;
    cr_assert(rr_travel_icount_stop(r.t, &got) && got == mid);
    seek(&r, end);
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.kind, RR_HIT_BREAKPOINT);
    cr_assert_eq(hit.icount, at[3]);
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.icount, at[2]);
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                 err ? err->message : "");
    cr_assert_eq(hit.kind, RR_HIT_ICOUNT);
    cr_assert_eq(hit.icount, mid);
    cr_assert_eq(rr_travel_icount(r.t), mid);
    cr_assert_eq(hit.pc, emu_cpu_pc(emu_machine_cpu(r.m)));
    /* From the stop itself, on past it. */
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.icount, at[1]);
    /* Forwards, without breakpoints: the stop, then the end. */
    rr_travel_set_breakpoints(r.t, NULL, 0);
    cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.kind, RR_HIT_ICOUNT);
    cr_assert_eq(rr_travel_icount(r.t), mid);
    cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_AT_END);
    /* Cleared, a reverse-continue goes to the start. */
    rr_travel_set_icount_stop(r.t, false, 0);
    cr_assert_not(rr_travel_icount_stop(r.t, &got));
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_AT_START);
    replay_close(&r);
}

/* A callback (here the guest's output) can end an operation: the engine
 * stops after the instruction that called it, at the same icount in every
 * replay. */
static RrTravel *stop_on_newline;
static EmuMachine *stop_machine;
static uint64_t stop_asked_at;        /* the icount of the instruction that asked */

static void collect_and_stop(void *opaque, uint8_t byte)
{
    g_string_append_c(output, (char)byte);
    if (byte == '\n' && stop_on_newline) {
        stop_asked_at = emu_cpu_icount(emu_machine_cpu(stop_machine));
        rr_travel_request_stop(stop_on_newline);
    }
}

Test(rr_travel, a_callback_can_stop_a_continue_deterministically)
{
    uint64_t end = record("planted-O2-uart");
    Replay r;
    GError *err = NULL;
    r.s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(r.s, "%s", err ? err->message : "");
    EmuMachineConfig cfg = { .serial_out = collect_and_stop, .host_seconds = clock_hook,
                             .entropy = entropy_hook, .idle_returns = true, .opaque = r.s };
    r.m = emu_machine_new(&cfg, &err);
    g_autofree char *elf = guest_path("planted-O2-uart");
    cr_assert(r.m && emu_machine_load_elf(r.m, elf, &err));
    rr_session_attach(r.s, r.m);
    r.t = rr_travel_new(r.s, r.m, NULL, &err);
    cr_assert(r.t);
    stop_on_newline = r.t;
    stop_machine = r.m;
    RrTravelHit hit;
    uint64_t first[2];
    for (int pass = 0; pass < 2; pass++) {
        seek(&r, 0);
        g_string_truncate(output, 0);
        cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                     err ? err->message : "");
        cr_assert_eq(hit.kind, RR_HIT_REQUEST);
        cr_assert_eq(hit.icount, rr_travel_icount(r.t));
        cr_assert(output->len > 0 && output->str[output->len - 1] == '\n', "output \"%s\"",
                  output->str);
        cr_assert_eq(strchr(output->str, '\n'), output->str + output->len - 1);
        /* Right after the instruction that asked (the store to the UART). */
        cr_assert_eq(hit.icount, stop_asked_at + 1, "stopped at %lu, asked at %lu",
                     (unsigned long)hit.icount, (unsigned long)stop_asked_at);
        first[pass] = hit.icount;
    }
    cr_assert_eq(first[0], first[1]);
    cr_assert_lt(first[0], end);
    /* The next continue goes on to the next line. */
    cr_assert_eq(rr_travel_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_gt(hit.icount, first[0]);
    stop_on_newline = NULL;
    replay_close(&r);
}

/* Progress is reported while a long seek runs; stopping it leaves the
 * machine at a position that is as good as any: a seek from there gets
 * the same state as before. */
static bool stop_at_second_report(void *opaque, double fraction)
{
    int *calls = opaque;
    cr_assert(fraction >= 0 && fraction <= 1, "fraction %f", fraction);
    return ++*calls < 2;
}

Test(rr_travel, a_long_seek_reports_progress_and_can_be_interrupted)
{
    uint64_t end = record("loop-O2-uart");
    Replay r;
    replay_open(&r, "loop-O2-uart", 0);
    int calls = 0;
    rr_travel_set_progress(r.t, stop_at_second_report, &calls);
    GError *err = NULL;
    cr_assert_eq(rr_travel_seek(r.t, end, &err), RR_TRAVEL_INTERRUPTED, "%s", err ? err->message : "");
    cr_assert_eq(calls, 2);
    uint64_t there = rr_travel_icount(r.t);
    cr_assert(there > 0 && there < end, "interrupted at %lu", (unsigned long)there);
    rr_travel_set_progress(r.t, NULL, NULL);
    RrStateHash a, b;
    machine_hash(r.m, &a);
    seek(&r, end);
    seek(&r, there);
    machine_hash(r.m, &b);
    cr_assert(machine_hash_equal(&a, &b), "the interrupted position is not the replay's");
    replay_close(&r);
}

/* ---- Travelling in a recording as it is made ------------------------------ */

/* Record the scheduler guest with the engine: forwards records, back
 * replays, forwards past the frontier records again. The log then replays
 * from start to end as if no one had travelled, to the same final state. */
Test(rr_travel, a_recording_can_be_travelled_in_as_it_is_made)
{
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 1u << 20, .sync_groups = 64 };
    RrSession *s = rr_session_record(logpath, &hdr, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = machine(s, "sched-O2-uart");
    RrTravelConfig cfg = { .interval = 500000 };
    RrTravel *t = rr_travel_new(s, m, &cfg, &err);
    cr_assert(t, "%s", err ? err->message : "");
    cr_assert(rr_travel_live(t));

    RrStateHash at1, at2, h;
    cr_assert_eq(rr_travel_seek(t, 1500000, &err), RR_TRAVEL_REACHED, "%s", err ? err->message : "");
    machine_hash(m, &at1);
    cr_assert_eq(rr_travel_seek(t, 3000123, &err), RR_TRAVEL_REACHED);
    machine_hash(m, &at2);
    cr_assert(rr_travel_live(t));
    cr_assert_eq(rr_travel_end(t), 3000123);

    /* Back: replaying the recording so far. */
    cr_assert_eq(rr_travel_seek(t, 1500000, &err), RR_TRAVEL_REACHED, "%s", err ? err->message : "");
    cr_assert_not(rr_travel_live(t));
    machine_hash(m, &h);
    cr_assert(machine_hash_equal(&h, &at1), "back at 1500000: not the recorded state");
    cr_assert_eq(rr_travel_step_back(t, 1000, &err), RR_TRAVEL_REACHED);
    cr_assert_eq(rr_travel_step(t, 500, &err), RR_TRAVEL_REACHED);
    /* To the frontier: the state recording left, live again. */
    cr_assert_eq(rr_travel_seek(t, 3000123, &err), RR_TRAVEL_REACHED, "%s", err ? err->message : "");
    cr_assert(rr_travel_live(t));
    machine_hash(m, &h);
    cr_assert(machine_hash_equal(&h, &at2), "at the frontier: not the state recording left");
    /* Back once more, then forwards past the frontier: recording goes on
     * to the guest's end. */
    cr_assert_eq(rr_travel_step_back(t, 2000000, &err), RR_TRAVEL_REACHED);
    RrTravelResult r = rr_travel_seek(t, UINT64_MAX, &err);
    cr_assert_eq(r, RR_TRAVEL_AT_END, "%d %s", r, err ? err->message : "");
    cr_assert(rr_travel_live(t));
    uint64_t end = rr_travel_icount(t);
    RrStateHash final;
    machine_hash(m, &final);
    RrSessionResult res = { .event = EMU_MACHINE_POWEROFF, .icount = end };
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_travel_free(t);
    rr_session_free(s);
    emu_machine_free(m);

    /* The log replays straight through, checked at every sync. */
    s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    m = machine(s, "sched-O2-uart");
    RrRunStatus rs;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_DONE, "%s", err ? err->message : "");
    cr_assert_eq(res.icount, end);
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    machine_hash(m, &h);
    cr_assert(machine_hash_equal(&h, &final), "the replay's final state differs");
    rr_session_free(s);
    emu_machine_free(m);
}

/* A program that writes a new page every 16,384 instructions:
 *   movz x1, #0x4100, lsl 16; mov x0, #0
 *   loop: str x0, [x1]; add x0, x0, #1; tst x0, #0xfff; b.ne loop
 *         add x1, x1, #4096; b loop */
static const uint32_t page_walker[] = {
    0xd2a82001, 0xd2800000, 0xf9000020, 0x91000400, 0xf2402c1f, 0x54ffffa1,
    0x91400421, 0x17fffffb,
};

/* A machine running the page walker, attached to `s`. */
static EmuMachine *walker_machine(RrSession *s, const char *elf)
{
    GError *err = NULL;
    EmuMachineConfig mc = { .host_seconds = clock_hook, .idle_returns = true, .opaque = s };
    EmuMachine *m = emu_machine_new(&mc, &err);
    cr_assert(m && emu_machine_load_elf(m, elf, &err), "%s", err ? err->message : "");
    rr_session_attach(s, m);
    return m;
}

/* Record the machine of walker_machine running `elf` for `n`
 * instructions (a user stop there); returns the icount it stopped at. */
static uint64_t record_walker(const char *elf, uint64_t n)
{
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 1u << 20, .sync_groups = 16 };
    RrSession *s = rr_session_record(logpath, &hdr, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = walker_machine(s, elf);
    while (emu_machine_icount(m) < n) {
        RrSessionResult res;
        cr_assert_eq(rr_session_run(s, NULL, &res, &err), RR_RUN_MORE);
    }
    RrSessionResult res = { .event = EMU_MACHINE_BUDGET, .icount = emu_machine_icount(m) };
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_session_free(s);
    emu_machine_free(m);
    return res.icount;
}

/* Its replay under the engine, a snapshot every 300000 instructions. */
static RrTravel *replay_walker_within(const char *elf, uint64_t budget, RrSession **s,
                                      EmuMachine **m)
{
    GError *err = NULL;
    *s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(*s, "%s", err ? err->message : "");
    *m = walker_machine(*s, elf);
    RrTravelConfig cfg = { .interval = 300000, .budget_bytes = budget };
    RrTravel *t = rr_travel_new(*s, *m, &cfg, &err);
    cr_assert(t, "%s", err ? err->message : "");
    return t;
}

static RrTravel *replay_walker(const char *elf, RrSession **s, EmuMachine **m)
{
    return replay_walker_within(elf, 0, s, m);
}

/* A word written once at the start, next to words written all the time
 * (an aligned store, an unaligned one across two granules, a pair, a
 * byte): the reverse scan for a write watchpoint on it replays only the
 * first part of the first stretch, the footprint telling that no
 * other part wrote its 8 bytes, though every one wrote its page. Watched
 * at the busy words, the last write is found. Breakpoints likewise, by
 * what each part ran. */
static const uint32_t hot_neighbours[] = {
    0xd2a82001, 0xd28000e0, 0xf9000020, 0xd2800002, 0x91000442, 0xf9000422,
    0xf8011022, 0xa9020822, 0x39003c22, 0x17fffffb,
};

Test(rr_travel, reverse_scans_skip_stretches_that_touched_only_the_neighbours)
{
    GError *err = NULL;
    g_autofree char *elf = testelf_write(dir, "hot.elf", EM_AARCH64, 0x40080000, hot_neighbours,
                                         sizeof hot_neighbours, 0);
    RrSessionResult res = { .icount = record_walker(elf, 3000000) };
    RrSession *s;
    EmuMachine *m;
    RrTravel *t = replay_walker(elf, &s, &m);
    cr_assert_eq(rr_travel_seek(t, res.icount, &err), RR_TRAVEL_REACHED);
    cr_assert_gt(rr_travel_footprint_bytes(t), 0);
    EmuWatch w = { .va = 0x41000000, .len = 8, .write = true };
    rr_travel_set_watchpoints(t, &w, 1);
    RrTravelHit hit;
    uint64_t before = rr_travel_replayed(t);
    cr_assert_eq(rr_travel_reverse_continue(t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                 err ? err->message : "");
    cr_assert_eq(hit.icount, 2);
    cr_assert_eq(hit.kind, RR_HIT_WRITE);
    cr_assert_eq(rr_travel_icount(t), 2);
    uint64_t work = rr_travel_replayed(t) - before;
    cr_assert_leq(work, 40000, "the scan replayed %lu instructions", (unsigned long)work);
    /* The busy granules: the unaligned store (bytes 17..24), last. */
    cr_assert_eq(rr_travel_seek(t, res.icount, &err), RR_TRAVEL_REACHED);
    EmuWatch busy = { .va = 0x41000018, .len = 1, .write = true };
    rr_travel_set_watchpoints(t, &busy, 1);
    cr_assert_eq(rr_travel_reverse_continue(t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.pc, 0x40080018);
    cr_assert_gt(hit.icount, res.icount - 7);
    /* A breakpoint on the first store, run once, in the page of the loop:
     * the index of what ran finds it without replaying the loop. */
    rr_travel_set_watchpoints(t, NULL, 0);
    cr_assert_eq(rr_travel_seek(t, res.icount, &err), RR_TRAVEL_REACHED);
    uint64_t bp = 0x40080008;
    rr_travel_set_breakpoints(t, &bp, 1);
    before = rr_travel_replayed(t);
    cr_assert_eq(rr_travel_reverse_continue(t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.kind, RR_HIT_BREAKPOINT);
    cr_assert_eq(hit.icount, 2);
    work = rr_travel_replayed(t) - before;
    cr_assert_leq(work, 40000, "the scan replayed %lu instructions", (unsigned long)work);
    /* And one in the loop: its last run. */
    cr_assert_eq(rr_travel_seek(t, res.icount, &err), RR_TRAVEL_REACHED);
    bp = 0x40080014;
    rr_travel_set_breakpoints(t, &bp, 1);
    cr_assert_eq(rr_travel_reverse_continue(t, &hit, &err), RR_TRAVEL_STOPPED);
    cr_assert_eq(hit.pc, bp);
    cr_assert_gt(hit.icount, res.icount - 7);
    rr_travel_free(t);
    rr_session_free(s);
    emu_machine_free(m);

    /* With 128 KiB for snapshots, the footprint gets 16 KiB, a third of
     * what it needs here: its parts are merged (or the oldest forgotten),
     * and the scan replays more but lands on the same store. */
    t = replay_walker_within(elf, 128 << 10, &s, &m);
    cr_assert_eq(rr_travel_seek(t, res.icount, &err), RR_TRAVEL_REACHED);
    cr_assert_leq(rr_travel_footprint_bytes(t), 16 << 10);
    rr_travel_set_watchpoints(t, &w, 1);
    cr_assert_eq(rr_travel_reverse_continue(t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                 err ? err->message : "");
    cr_assert_eq(hit.icount, 2);
    rr_travel_free(t);
    rr_session_free(s);
    emu_machine_free(m);
}

/* A register set while recording (at the frontier) is logged: the
 * recording and its replay both have the changed run. Set in the past of
 * the recording, in a replay, or by an unknown name, it is refused with
 * the reason and nothing changes. */
Test(rr_travel, a_register_set_while_recording_is_replayed)
{
    GError *err = NULL;
    RrLogHeader hdr = { .sync_interval = 4u << 20, .sync_groups = 64 };
    RrSession *s = rr_session_record(logpath, &hdr, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = machine(s, "planted-O2-uart");
    RrTravel *t = rr_travel_new(s, m, NULL, &err);
    cr_assert(t, "%s", err ? err->message : "");
    uint64_t victim, tick;
    cr_assert_eq(rr_travel_seek(t, 20000, &err), RR_TRAVEL_REACHED);
    planted_addresses(&victim, &tick);
    rr_travel_set_breakpoints(t, &tick, 1);
    RrTravelHit hit;
    EmuCpu *cpu = emu_machine_cpu(m);
    do
        cr_assert_eq(rr_travel_continue(t, &hit, &err), RR_TRAVEL_STOPPED);
    while ((emu_cpu_x(cpu, 0) & 0xffffffff) != 3000);
    uint64_t at = rr_travel_icount(t);
    /* In the past: refused. */
    cr_assert_eq(rr_travel_step_back(t, 10, &err), RR_TRAVEL_REACHED);
    cr_assert_not(rr_travel_set_register(t, "x0", 1, &err));
    cr_assert(strstr(err->message, "past"), "%s", err->message);
    g_clear_error(&err);
    cr_assert_eq(rr_travel_seek(t, at, &err), RR_TRAVEL_REACHED);
    cr_assert(rr_travel_live(t));
    cr_assert_not(rr_travel_set_register(t, "x99", 1, &err));
    cr_assert(strstr(err->message, "no register \"x99\""), "%s", err->message);
    g_clear_error(&err);
    /* w0 = 0x100000007: w0 takes the low half; sp takes the one in use. */
    cr_assert(rr_travel_set_register(t, "W0", 0x100000007ull, &err), "%s", err ? err->message : "");
    cr_assert_eq(emu_cpu_x(cpu, 0), 7);
    uint64_t sp = emu_cpu_sp(cpu);
    cr_assert(rr_travel_set_register(t, "sp", sp, &err), "%s", err ? err->message : "");
    rr_travel_set_breakpoints(t, NULL, 0);
    cr_assert_eq(rr_travel_continue(t, &hit, &err), RR_TRAVEL_AT_END);
    cr_assert(rr_travel_finish(t, &err), "%s", err ? err->message : "");
    /* calls = 0 + 7 + 6000 + 9000 */
    cr_assert(strstr(output->str, "calls 15007"), "%s", output->str);
    uint64_t end = rr_travel_icount(t);
    rr_travel_free(t);
    rr_session_free(s);
    emu_machine_free(m);

    /* The straight replay does the same; a replay refuses to change. */
    g_string_truncate(output, 0);
    Replay r;
    replay_open(&r, "planted-O2-uart", 0);
    seek(&r, end);
    cr_assert(strstr(output->str, "calls 15007"), "%s", output->str);
    cr_assert_not(rr_travel_set_register(r.t, "x0", 1, &err));
    cr_assert(strstr(err->message, "a replay cannot change registers"), "%s", err->message);
    g_clear_error(&err);
    replay_close(&r);
}

/* Going back rewrites RAM that the interval at the frontier never wrote
 * (the pages walked past long before); recording resumed there must not
 * count them as written in its interval, or its sync would not replay. */
Test(rr_travel, resuming_a_recording_counts_only_what_its_interval_wrote)
{
    GError *err = NULL;
    g_autofree char *elf = testelf_write(dir, "walker.elf", EM_AARCH64, 0x40080000, page_walker,
                                         sizeof page_walker, 0);
    RrLogHeader hdr = { .sync_interval = 1u << 20, .sync_groups = 16 };
    RrSession *s = rr_session_record(logpath, &hdr, &err);
    cr_assert(s, "%s", err ? err->message : "");
    EmuMachine *m = walker_machine(s, elf);
    RrTravelConfig cfg = { .interval = 300000 };
    RrTravel *t = rr_travel_new(s, m, &cfg, &err);
    cr_assert(t, "%s", err ? err->message : "");
    const uint64_t frontier = 3000000 + 777, end = 5000000;
    cr_assert_eq(rr_travel_seek(t, frontier, &err), RR_TRAVEL_REACHED);
    cr_assert_eq(rr_travel_seek(t, 400000, &err), RR_TRAVEL_REACHED, "%s", err ? err->message : "");
    cr_assert_eq(rr_travel_seek(t, end, &err), RR_TRAVEL_REACHED, "%s", err ? err->message : "");
    cr_assert(rr_travel_live(t));
    RrSessionResult res = { .event = EMU_MACHINE_BUDGET, .icount = end };
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_travel_free(t);
    rr_session_free(s);
    emu_machine_free(m);

    s = rr_session_replay(logpath, RR_LOG_STRICT, &err);
    cr_assert(s, "%s", err ? err->message : "");
    m = walker_machine(s, elf);
    RrRunStatus rs;
    while ((rs = rr_session_run(s, NULL, &res, &err)) == RR_RUN_MORE) {
    }
    cr_assert_eq(rs, RR_RUN_DONE, "%s", err ? err->message : "");
    cr_assert_eq(res.icount, end);
    cr_assert(rr_session_finish(s, &res, &err), "%s", err ? err->message : "");
    rr_session_free(s);
    emu_machine_free(m);
}

/* A named replay point saved in one replay is where a later one starts
 * from: same state, and the replay goes on from there as a straight one
 * does, forwards and backwards. */
Test(rr_travel, savevm_in_one_replay_loadvm_in_the_next)
{
    uint64_t end = record("loop-O2-uart");
    const uint64_t at = 12345678;
    g_autofree char *qcow = g_build_filename(dir, "snapshots.qcow2", NULL);
    GError *err = NULL;
    Replay a;
    replay_open(&a, "loop-O2-uart", 0);
    seek(&a, at);
    RrStateHash saved;
    machine_hash(a.m, &saved);
    SnapNamed *n = snap_named_open(qcow, SNAP_NAMED_EMPTY_SIZE, &err);
    cr_assert(n, "%s", err ? err->message : "");
    cr_assert(rr_travel_savevm(a.t, n, "p1", &err), "%s", err ? err->message : "");
    cr_assert(snap_named_close(n, &err), "%s", err ? err->message : "");

    Replay b;
    replay_open(&b, "loop-O2-uart", 0);
    n = snap_named_open(qcow, 0, &err);
    cr_assert(n, "%s", err ? err->message : "");
    RrTravelResult r = rr_travel_loadvm(b.t, n, "p1", &err);
    cr_assert_eq(r, RR_TRAVEL_REACHED, "%s", err ? err->message : "");
    cr_assert_eq(rr_travel_icount(b.t), at);
    RrStateHash h, want;
    machine_hash(b.m, &h);
    cr_assert(machine_hash_equal(&h, &saved));
    cr_assert_eq(rr_travel_loadvm(b.t, n, "nope", &err), RR_TRAVEL_FAILED);
    cr_assert(strstr(err->message, "nope"), "%s", err->message);
    g_clear_error(&err);
    cr_assert_eq(rr_travel_icount(b.t), at, "a failed loadvm moved the replay");
    const uint64_t later[] = { at + 100000, at + 4194304 * 3 + 17, at - 1, end };
    for (size_t i = 0; i < G_N_ELEMENTS(later); i++) {
        seek(&b, later[i]);
        seek(&a, later[i]);
        machine_hash(a.m, &want);
        machine_hash(b.m, &h);
        cr_assert(machine_hash_equal(&h, &want), "after loadvm, icount %lu differs",
                  (unsigned long)later[i]);
    }
    snap_named_free(n);
    replay_close(&a);
    replay_close(&b);
}

/* A reverse scan for writes passes over stretches whose snapshots share
 * the watched page (nothing wrote it): the page walker writes its first
 * page only in its first 16,384 instructions; from 3 M instructions on,
 * reverse-continue still lands on the last store there (iteration 4095,
 * icount 2 + 4 * 4095), before it runs. */
Test(rr_travel, a_reverse_write_scan_finds_an_early_store_across_untouched_stretches)
{
    GError *err = NULL;
    g_autofree char *elf = testelf_write(dir, "walker.elf", EM_AARCH64, 0x40080000, page_walker,
                                         sizeof page_walker, 0);
    RrSessionResult res = { .icount = record_walker(elf, 3000000) };
    RrSession *s;
    EmuMachine *m;
    RrTravel *t = replay_walker(elf, &s, &m);
    cr_assert_eq(rr_travel_seek(t, res.icount, &err), RR_TRAVEL_REACHED);
    EmuWatch w = { .va = 0x41000000, .len = 8, .write = true };
    rr_travel_set_watchpoints(t, &w, 1);
    RrTravelHit hit;
    cr_assert_eq(rr_travel_reverse_continue(t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                 err ? err->message : "");
    cr_assert_eq(hit.icount, 2 + 4 * 4095);
    cr_assert_eq(rr_travel_icount(t), hit.icount);
    uint64_t v;
    cr_assert(emu_cpu_read_virt(emu_machine_cpu(m), 0x41000000, &v, 8));
    cr_assert_eq(v, 4094);
    rr_travel_free(t);
    rr_session_free(s);
    emu_machine_free(m);
}

/* With the MMU on, breakpoints are checked where blocks start (virtual
 * addresses need not be physical): reverse-continue from the end of the
 * MMU guest to a PC it ran 1000 instructions before the end lands on its
 * last execution: after it, up to the end, the PC is never there again. */
Test(rr_travel, breakpoints_with_the_mmu_on)
{
    uint64_t end = record("mmu-O2-uart");
    Replay r;
    replay_open(&r, "mmu-O2-uart", 0);
    EmuCpu *cpu = emu_machine_cpu(r.m);
    seek(&r, end - 1000);
    cr_assert(emu_cpu_mmu_enabled(cpu), "the guest has the MMU on at its end");
    uint64_t pc = emu_cpu_pc(cpu);
    seek(&r, end);
    rr_travel_set_breakpoints(r.t, &pc, 1);
    GError *err = NULL;
    RrTravelHit hit;
    cr_assert_eq(rr_travel_reverse_continue(r.t, &hit, &err), RR_TRAVEL_STOPPED, "%s",
                 err ? err->message : "");
    cr_assert_eq(emu_cpu_pc(cpu), pc);
    uint64_t at = rr_travel_icount(r.t);
    cr_assert_geq(at, end - 1000);
    rr_travel_set_breakpoints(r.t, NULL, 0);
    for (uint64_t i = at + 1; i < end; i++) {
        seek(&r, i);
        cr_assert_neq(emu_cpu_pc(cpu), pc, "pc %lx runs again at icount %lu", (unsigned long)pc,
                      (unsigned long)i);
    }
    replay_close(&r);
}
