/* tests/snapshots/test_store.c — the automatic snapshot store: due points,
 * find, thinning under a budget, drop_after, budget parsing; and seeks on a
 * real guest (tests/guest/sched.c, from REWIND_GUEST_DIR or build/guest):
 * restoring find(t) and replaying to t gives the state of a straight run
 * to t.
 *
 * Most tests use a small synthetic machine: 1 MiB of RAM, `b .` at its
 * start, so that the test chooses every snapshot's icount and which pages
 * each one wrote. */
#include <criterion/criterion.h>
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "replay/statehash.h"
#include "snapshots/store.h"
#include "tests/replay/machinehash.h"

#define SYNTH_RAM   (1u << 20)
#define SYNTH_PAGES (SYNTH_RAM / EMU_PAGE_SIZE)

typedef struct Synth {
    EmuMachine *m;
    SnapRam *ram;
    uint32_t stamp;              /* written into dirtied pages: all copies differ */
} Synth;

static void synth_init(Synth *s)
{
    memset(s, 0, sizeof *s);
    EmuMachineConfig cfg = { .ram_size = SYNTH_RAM };
    GError *err = NULL;
    s->m = emu_machine_new(&cfg, &err);
    cr_assert(s->m, "%s", err ? err->message : "");
    static const uint32_t branch_to_self = 0x14000000;
    cr_assert(emu_mem_write_phys(emu_machine_mem(s->m), EMU_VIRT_RAM_BASE, &branch_to_self, 4));
    emu_cpu_reset(emu_machine_cpu(s->m), EMU_VIRT_RAM_BASE);
    s->ram = snap_ram_new(emu_machine_mem(s->m));
}

static void synth_deinit(Synth *s)
{
    snap_ram_free(s->ram);
    emu_machine_free(s->m);
}

/* Write pages [first, first + n) (modulo RAM, page 0 left to the code),
 * run to `icount` and take a snapshot there. */
static SnapState *synth_take(Synth *s, uint64_t icount, unsigned first, unsigned n)
{
    for (unsigned k = 0; k < n; k++) {
        uint64_t page = 1 + (first + k) % (SYNTH_PAGES - 1);
        s->stamp++;
        cr_assert(emu_mem_write_phys(emu_machine_mem(s->m),
                                     EMU_VIRT_RAM_BASE + page * EMU_PAGE_SIZE, &s->stamp, 4));
    }
    uint64_t now = emu_machine_icount(s->m);
    cr_assert_geq(icount, now);
    if (icount > now)
        cr_assert_eq(emu_machine_run(s->m, icount - now), EMU_MACHINE_BUDGET);
    cr_assert_eq(emu_machine_icount(s->m), icount);
    return snap_state_take(s->ram, s->m);
}

static void add(SnapStore *st, SnapState *s)
{
    snap_store_add(st, s);
    snap_state_unref(s);
}

static uint64_t icount_at(const SnapStore *st, size_t i)
{
    return snap_store_info(st, i).icount;
}

static bool holds(const SnapStore *st, uint64_t icount)
{
    SnapState *s = snap_store_find(st, icount);
    return s && snap_state_icount(s) == icount;
}

/* Distinct page copies the store's snapshots hold, counted the slow way. */
static size_t distinct_pages(const SnapStore *st)
{
    GHashTable *seen = g_hash_table_new(NULL, NULL);
    for (size_t i = 0; i < snap_store_count(st); i++) {
        SnapPages *p = snap_state_pages(snap_store_info(st, i).state);
        for (size_t k = 0; k < snap_pages_count(p); k++)
            if (snap_pages_data(p, k))
                g_hash_table_add(seen, (gpointer)snap_pages_data(p, k));
    }
    size_t n = g_hash_table_size(seen);
    g_hash_table_destroy(seen);
    return n;
}

/* What a fresh store holding the same snapshots counts: the incremental
 * accounting must agree. */
static uint64_t bytes_recounted(const SnapStore *st)
{
    SnapStore *fresh = snap_store_new(&(SnapStoreConfig){ .budget_bytes = UINT64_MAX });
    for (size_t i = snap_store_count(st); i-- > 0;)         /* in another order */
        snap_store_add(fresh, snap_store_info(st, i).state);
    uint64_t bytes = snap_store_bytes(fresh);
    snap_store_free(fresh);
    return bytes;
}

/* Every invariant thinning promises, after each add; `count` also checks
 * the memory count the slow ways. */
static void assert_invariants(const SnapStore *st, uint64_t first, uint64_t newest,
                              const uint64_t *recent, size_t nrecent, bool count)
{
    size_t n = snap_store_count(st);
    cr_assert_gt(n, 0);
    cr_assert_eq(icount_at(st, 0), first, "the first snapshot was dropped");
    cr_assert_eq(icount_at(st, n - 1), newest, "the newest snapshot was dropped");
    for (size_t k = 0; k < nrecent; k++)
        cr_assert(holds(st, recent[k]), "snapshot %lu near the present was dropped",
                  (unsigned long)recent[k]);
    for (size_t i = 1; i < n; i++) {
        cr_assert_gt(icount_at(st, i), icount_at(st, i - 1));
        cr_assert_leq(icount_at(st, i) - icount_at(st, i - 1), snap_store_window(st),
                      "gap %lu..%lu wider than the window %lu", (unsigned long)icount_at(st, i - 1),
                      (unsigned long)icount_at(st, i), (unsigned long)snap_store_window(st));
    }
    if (!count)
        return;
    cr_assert_eq(snap_store_bytes(st), bytes_recounted(st));
    /* The store counts at least every page copy it keeps alive. */
    size_t vm = 0;
    for (size_t i = 0; i < n; i++)
        vm += g_bytes_get_size(snap_state_vmstate(snap_store_info(st, i).state));
    cr_assert_geq(snap_store_bytes(st), distinct_pages(st) * EMU_PAGE_SIZE + vm);
}

TestSuite(snap_store, .timeout = 60);

Test(snap_store, defaults)
{
    SnapStore *st = snap_store_new(NULL);
    cr_assert_eq(snap_store_interval(st), SNAP_STORE_DEFAULT_INTERVAL);
    cr_assert_eq(snap_store_budget(st), snap_store_default_budget());
    cr_assert_geq(snap_store_default_budget(), 64ull << 20);
    cr_assert_leq(snap_store_default_budget(), 8ull << 30);
    cr_assert_eq(snap_store_count(st), 0);
    cr_assert_eq(snap_store_bytes(st), 0);
    cr_assert_null(snap_store_find(st, 0));
    cr_assert_null(snap_store_find(st, UINT64_MAX));
    cr_assert(snap_store_due(st, 0));
    cr_assert(snap_store_due(st, 12345));
    cr_assert_eq(snap_store_next_due(st, 77), 77);
    snap_store_free(st);
    snap_store_free(NULL);
}

Test(snap_store, parse_budget)
{
    static const struct { const char *text; uint64_t bytes; } good[] = {
        { "1048576", 1048576 }, { "512M", 512ull << 20 }, { "512m", 512ull << 20 },
        { "2G", 2ull << 30 }, { "2GiB", 2ull << 30 }, { "64KB", 64ull << 10 },
        { "1T", 1ull << 40 }, { "100B", 100 },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(good); i++) {
        uint64_t b = 0;
        GError *err = NULL;
        cr_assert(snap_store_parse_budget(good[i].text, &b, &err), "%s: %s", good[i].text,
                  err ? err->message : "");
        cr_assert_eq(b, good[i].bytes, "%s: %lu", good[i].text, (unsigned long)b);
    }
    uint64_t quarter = 0, all = 0;
    cr_assert(snap_store_parse_budget("25%", &quarter, NULL));
    cr_assert(snap_store_parse_budget("100%", &all, NULL));
    cr_assert(quarter > 0 && quarter <= all / 4 && quarter + 100 >= all / 4);

    static const char *const bad[] = { "", "0", "0M", "M", "12Q", "1.5G", "-1", "5 M", "0%",
                                       "101%", "25%%", "99999999999999999999", "16777216T",
                                       "1GB2" };
    for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
        uint64_t b = 42;
        GError *err = NULL;
        cr_assert_not(snap_store_parse_budget(bad[i], &b, &err), "'%s' accepted", bad[i]);
        cr_assert(g_error_matches(err, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE));
        cr_assert_eq(b, 42);
        g_error_free(err);
    }
}

/* The engine's loop: run to the next due point, take, add; the due points
 * are every interval from the start. */
Test(snap_store, due_points_follow_the_interval)
{
    Synth s;
    synth_init(&s);
    SnapStore *st = snap_store_new(&(SnapStoreConfig){ .interval = 1000, .budget_bytes = 1ull << 30 });
    for (int k = 0; k < 20; k++) {
        uint64_t now = emu_machine_icount(s.m);
        cr_assert(snap_store_due(st, now));
        add(st, synth_take(&s, now, 0, 0));
        cr_assert_not(snap_store_due(st, now));
        cr_assert_not(snap_store_due(st, now + 999));
        cr_assert(snap_store_due(st, now + 1000));
        cr_assert_eq(snap_store_next_due(st, now), now + 1000);
        cr_assert_eq(snap_store_next_due(st, now + 1), now + 1000);
        cr_assert_eq(emu_machine_run(s.m, snap_store_next_due(st, now) - now), EMU_MACHINE_BUDGET);
    }
    cr_assert_eq(snap_store_count(st), 20);
    for (size_t i = 0; i < snap_store_count(st); i++)
        cr_assert_eq(icount_at(st, i), 1000 * i);

    /* A snapshot of the engine's own (a local one) moves the due points. */
    SnapStore *st2 = snap_store_new(&(SnapStoreConfig){ .interval = 1000, .budget_bytes = 1ull << 30 });
    synth_deinit(&s);
    synth_init(&s);
    add(st2, synth_take(&s, 0, 0, 0));
    add(st2, synth_take(&s, 400, 0, 0));
    add(st2, synth_take(&s, 1300, 0, 0));
    cr_assert_not(snap_store_due(st2, 1000));
    cr_assert_not(snap_store_due(st2, 1400));
    cr_assert(snap_store_due(st2, 2300));
    /* 0 + 1000 is too near 400, 400 + 1000 too near 1300. */
    cr_assert_eq(snap_store_next_due(st2, 100), 2300);
    cr_assert_eq(snap_store_next_due(st2, 1300), 2300);
    /* The same icount again is not added, and a failed add leaves the
     * caller's reference alone. */
    SnapState *again = synth_take(&s, 1300, 0, 0);
    cr_assert_not(snap_store_add(st2, again));
    cr_assert_eq(snap_store_count(st2), 3);
    snap_state_unref(again);
    snap_store_free(st2);
    snap_store_free(st);
    synth_deinit(&s);
}

/* Snapshots at scattered icounts, added in any order: find is the newest
 * at or before, for icounts on, between, before and after them. */
Test(snap_store, find_returns_the_newest_at_or_before)
{
    Synth s;
    synth_init(&s);
    GRand *rand = g_rand_new_with_seed(7);
    enum { N = 60 };
    SnapState *snaps[N];
    uint64_t t = 50;
    for (int i = 0; i < N; i++) {
        t += 1 + (uint64_t)g_rand_int_range(rand, 0, 3000);
        snaps[i] = synth_take(&s, t, (unsigned)i, 2);
    }
    SnapStore *st = snap_store_new(&(SnapStoreConfig){ .interval = 1000, .budget_bytes = 1ull << 30 });
    for (int i = N - 1; i > 0; i--) {               /* a shuffled order */
        int j = g_rand_int_range(rand, 0, i + 1);
        SnapState *x = snaps[i];
        snaps[i] = snaps[j];
        snaps[j] = x;
    }
    for (int i = 0; i < N; i++)
        cr_assert(snap_store_add(st, snaps[i]));
    cr_assert_eq(snap_store_count(st), N);
    for (int q = 0; q < 5000; q++) {
        uint64_t at = (uint64_t)g_rand_int_range(rand, 0, (gint32)t + 2000);
        const SnapState *want = NULL;
        for (int i = 0; i < N; i++)
            if (snap_state_icount(snaps[i]) <= at
                && (!want || snap_state_icount(snaps[i]) > snap_state_icount(want)))
                want = snaps[i];
        cr_assert_eq(snap_store_find(st, at), want, "find(%lu)", (unsigned long)at);
    }
    for (int i = 0; i < N; i++) {
        cr_assert_eq(snap_store_find(st, snap_state_icount(snaps[i])), snaps[i]);
        snap_state_unref(snaps[i]);     /* the store holds its own */
    }
    cr_assert_null(snap_store_find(st, 50));
    cr_assert_eq(snap_state_icount(snap_store_find(st, UINT64_MAX)), t);
    g_rand_free(rand);
    snap_store_free(st);
    synth_deinit(&s);
}

/* A recording of N snapshots under a budget of a few dozen or hundred,
 * each writing 3 pages out of a set of `pool`: checks every invariant after
 * each add. */
static SnapStore *record_thinned(Synth *s, unsigned n, unsigned pool, uint64_t budget)
{
    const uint64_t interval = 1000;
    SnapStore *st = snap_store_new(&(SnapStoreConfig){ .interval = interval, .budget_bytes = budget });
    uint64_t recent[SNAP_STORE_KEEP_RECENT];
    for (unsigned k = 0; k < n; k++) {
        uint64_t t = k * interval;
        add(st, synth_take(s, t, (3 * k) % pool, 3));
        recent[k % SNAP_STORE_KEEP_RECENT] = t;
        cr_assert_leq(snap_store_bytes(st), budget, "over budget after %u: %lu", k,
                      (unsigned long)snap_store_bytes(st));
        assert_invariants(st, 0, t, recent, MIN(k + 1, SNAP_STORE_KEEP_RECENT),
                          k % 16 == 0 || k == n - 1);     /* the slow ways are slow */
    }
    if (g_getenv("STORE_DEBUG")) {
        fprintf(stderr, "pool %u: %zu snapshots, %lu bytes, window %lu:", pool, snap_store_count(st),
                (unsigned long)snap_store_bytes(st), (unsigned long)snap_store_window(st));
        for (size_t i = 0; i < snap_store_count(st); i++)
            fprintf(stderr, " %lu", (unsigned long)icount_at(st, i) / interval);
        fprintf(stderr, "\n");
    }
    return st;
}

/* Snapshots that all cost alike (the same 3 pages rewritten): the gaps,
 * read from the newest back, start at the interval and never shrink over
 * the newest eighth of the span; the oldest quarter is far sparser than
 * the newest. */
Test(snap_store, thinning_spaces_snapshots_by_age)
{
    Synth s;
    synth_init(&s);
    enum { N = 3000 };
    SnapStore *st = record_thinned(&s, N, 3, 4u << 20);
    size_t n = snap_store_count(st);
    cr_assert_lt(n, N / 4, "thinning kept %zu of %d", n, N);
    const uint64_t newest = icount_at(st, n - 1), span = newest;
    for (size_t i = n - 1; i > n - SNAP_STORE_KEEP_RECENT; i--)
        cr_assert_eq(icount_at(st, i - 1), icount_at(st, i) - 1000, "not dense at the present");
    uint64_t last_gap = 0;
    for (size_t i = n - 1; i > 0 && newest - icount_at(st, i) < span / 8; i--) {
        uint64_t gap = icount_at(st, i) - icount_at(st, i - 1);
        cr_assert_geq(gap, last_gap, "gap before %lu shrinks going back",
                      (unsigned long)icount_at(st, i));
        last_gap = gap;
    }
    size_t oldest_quarter = 0, newest_quarter = 0;
    for (size_t i = 0; i < n; i++) {
        oldest_quarter += icount_at(st, i) < span / 4;
        newest_quarter += icount_at(st, i) >= span - span / 4;
    }
    cr_assert_gt(2 * newest_quarter, 3 * oldest_quarter, "newest quarter %zu, oldest %zu",
                 newest_quarter, oldest_quarter);
    /* Listing: the newest would free its own pages and fixed part. */
    SnapStoreInfo info = snap_store_info(st, n - 1);
    cr_assert_eq(info.icount, newest);
    cr_assert_eq(info.own_bytes, snap_state_own_bytes(info.state));
    cr_assert_gt(info.frees, 3 * EMU_PAGE_SIZE);
    cr_assert_leq(info.frees, snap_store_bytes(st));
    snap_store_free(st);
    synth_deinit(&s);
}

/* Working sets of growing size, up to all of RAM rewritten every 85
 * snapshots (far-apart snapshots then share nothing and cost 1 MiB each):
 * the budget holds, with the first, the newest and one per window. */
Test(snap_store, thinning_under_budget_whatever_the_working_set)
{
    static const unsigned pools[] = { 30, 120, SYNTH_PAGES - 1 };
    for (size_t p = 0; p < G_N_ELEMENTS(pools); p++) {
        Synth s;
        synth_init(&s);
        SnapStore *st = record_thinned(&s, 2000, pools[p], 4u << 20);
        cr_assert_gt(snap_store_count(st), SNAP_STORE_KEEP_RECENT + 2);
        snap_store_free(st);
        synth_deinit(&s);
    }
}

/* Repeated step-back far from the newest: the engine restores a sparse old
 * snapshot and adds dense local ones before the target; they become the
 * present and are kept, along with the first and the newest. */
Test(snap_store, local_snapshots_near_an_old_present_are_kept)
{
    Synth s;
    synth_init(&s);
    SnapStore *st = record_thinned(&s, 1000, 30, 1u << 20);
    const uint64_t newest = icount_at(st, snap_store_count(st) - 1);
    const uint64_t target = 300500;
    SnapState *from = snap_store_find(st, target);
    cr_assert_lt(snap_state_icount(from), target - 2000, "the old region is not sparse");
    GError *err = NULL;
    cr_assert(snap_state_restore(s.ram, s.m, from, &err), "%s", err ? err->message : "");
    uint64_t locals[12];
    for (int k = 0; k < 12; k++) {
        /* Each step back goes a little further from the target. */
        locals[k] = target - 1000 + 50 * (uint64_t)k;
        add(st, synth_take(&s, locals[k], (unsigned)k, 1));
    }
    /* Steps back, in reverse: each a fresh local snapshot just before. */
    for (int k = 11; k >= 8; k--) {
        SnapState *at = snap_store_find(st, locals[k] + 10);
        cr_assert_eq(snap_state_icount(at), locals[k]);
    }
    cr_assert_leq(snap_store_bytes(st), snap_store_budget(st));
    const uint64_t recent[] = { locals[11], locals[10], locals[9], locals[8] };
    assert_invariants(st, 0, newest, recent, G_N_ELEMENTS(recent), true);
    snap_store_free(st);
    synth_deinit(&s);
}

Test(snap_store, drop_after_forgets_the_future)
{
    Synth s;
    synth_init(&s);
    SnapStore *st = snap_store_new(&(SnapStoreConfig){ .interval = 1000, .budget_bytes = 1ull << 30 });
    for (unsigned k = 0; k < 50; k++)
        add(st, synth_take(&s, 1000 * k, k, 2));
    uint64_t before = snap_store_bytes(st);
    cr_assert_eq(snap_store_drop_after(st, 20500), 29);
    cr_assert_eq(snap_store_count(st), 21);
    cr_assert_lt(snap_store_bytes(st), before);
    cr_assert_eq(snap_store_bytes(st), bytes_recounted(st));
    cr_assert_eq(snap_state_icount(snap_store_find(st, UINT64_MAX)), 20000);
    cr_assert(snap_store_due(st, 21000));
    cr_assert_eq(snap_store_next_due(st, 20500), 21000);
    cr_assert_eq(snap_store_drop_after(st, 20000), 0);          /* on one: kept */
    cr_assert_eq(snap_store_drop_after(st, UINT64_MAX), 0);

    /* A rewritten future: new snapshots after the point. */
    GError *err = NULL;
    cr_assert(snap_state_restore(s.ram, s.m, snap_store_find(st, 20500), &err), "%s",
              err ? err->message : "");
    add(st, synth_take(&s, 21000, 200, 5));
    cr_assert_eq(snap_store_count(st), 22);
    cr_assert_eq(snap_store_bytes(st), bytes_recounted(st));

    cr_assert_eq(snap_store_drop_after(st, 0), 21);
    cr_assert_eq(snap_store_count(st), 1);
    cr_assert_eq(snap_store_bytes(st), bytes_recounted(st));
    cr_assert(snap_store_due(st, 1000));
    snap_store_free(st);
    synth_deinit(&s);
}

/* A real guest ----------------------------------------------------------- */

static EmuMachine *guest_new(const char *name)
{
    const char *dir = g_getenv("REWIND_GUEST_DIR");
    g_autofree char *path = g_strdup_printf("%s/%s.elf", dir ? dir : "build/guest", name);
    cr_assert(g_file_test(path, G_FILE_TEST_EXISTS), "%s: no such guest (make unit builds it; "
              "REWIND_GUEST_DIR names where, default build/guest)", path);
    EmuMachineConfig cfg = { 0 };
    GError *err = NULL;
    EmuMachine *m = emu_machine_new(&cfg, &err);
    cr_assert(m && emu_machine_load_elf(m, path, &err), "%s", err ? err->message : "");
    return m;
}

/* Run exactly to `icount` (the guest must not end before). */
static void run_to(EmuMachine *m, uint64_t icount)
{
    while (emu_machine_icount(m) < icount)
        cr_assert_eq(emu_machine_run(m, icount - emu_machine_icount(m)), EMU_MACHINE_BUDGET,
                     "the guest ended before icount %lu", (unsigned long)icount);
}

static void hash(EmuMachine *m, RrStateHash *h) { machine_hash(m, h); }

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The engine's loop over tests/guest/sched.c (a timer-preempted kernel,
 * 8.9 million instructions), snapshots every 200,000 under a budget that
 * forces thinning (600 KiB: the guest writes about 20 pages between two); then seeks to random icounts: restore find(t), replay
 * to t. Each state equals a straight run's at t. */
Test(snap_store, seeks_on_a_real_guest_equal_a_straight_run)
{
    const uint64_t end = 8500000;
    EmuMachine *m = guest_new("sched-O2-uart");
    SnapRam *ram = snap_ram_new(emu_machine_mem(m));
    SnapStore *st = snap_store_new(&(SnapStoreConfig){ .interval = 200000, .budget_bytes = 600u << 10 });
    size_t taken = 0;
    while (emu_machine_icount(m) < end) {
        uint64_t now = emu_machine_icount(m);
        if (snap_store_due(st, now)) {
            add(st, snap_state_take(ram, m));
            taken++;
            cr_assert_leq(snap_store_bytes(st), snap_store_budget(st));
        }
        run_to(m, MIN(snap_store_next_due(st, now), end));
    }
    cr_assert_gt(taken, snap_store_count(st) + 5, "no thinning: %zu taken, %zu kept", taken,
                 snap_store_count(st));
    if (g_getenv("STORE_DEBUG"))
        fprintf(stderr, "sched: %zu taken, %zu kept, %lu bytes, window %lu\n", taken,
                snap_store_count(st), (unsigned long)snap_store_bytes(st),
                (unsigned long)snap_store_window(st));
    cr_assert_eq(snap_store_info(st, 0).icount, 0);

    enum { SEEKS = 24 };
    uint64_t at[SEEKS];
    GRand *rand = g_rand_new_with_seed(2024);
    for (int i = 0; i < SEEKS; i++)
        at[i] = (uint64_t)g_rand_int_range(rand, 0, (gint32)end);
    at[0] = 0;
    at[1] = end;
    qsort(at, SEEKS, sizeof at[0], compare_u64);
    g_rand_free(rand);
    RrStateHash *want = g_new(RrStateHash, SEEKS);
    EmuMachine *straight = guest_new("sched-O2-uart");
    for (int i = 0; i < SEEKS; i++) {
        run_to(straight, at[i]);
        hash(straight, &want[i]);
    }
    emu_machine_free(straight);

    for (int k = 0; k < SEEKS; k++) {
        int i = (k * 7) % SEEKS;                    /* back and forth */
        SnapState *from = snap_store_find(st, at[i]);
        cr_assert_not_null(from);
        cr_assert_leq(at[i] - snap_state_icount(from), snap_store_window(st));
        uint64_t start = snap_state_icount(from);
        GError *err = NULL;
        cr_assert(snap_state_restore(ram, m, from, &err), "%s", err ? err->message : "");
        /* Replaying forward, the engine fills gaps where snapshots are due
         * (which may thin, `from` included). */
        while (emu_machine_icount(m) < at[i]) {
            uint64_t now = emu_machine_icount(m);
            if (snap_store_due(st, now)) {
                add(st, snap_state_take(ram, m));
                cr_assert_leq(snap_store_bytes(st), snap_store_budget(st));
            }
            run_to(m, MIN(snap_store_next_due(st, now), at[i]));
        }
        RrStateHash h;
        hash(m, &h);
        cr_assert(h.cpu == want[i].cpu && h.ram == want[i].ram && h.pages == want[i].pages,
                  "seek to %lu from %lu: cpu %016lx/%016lx ram %016lx/%016lx", (unsigned long)at[i],
                  (unsigned long)start, (unsigned long)h.cpu,
                  (unsigned long)want[i].cpu, (unsigned long)h.ram, (unsigned long)want[i].ram);
    }
    g_free(want);
    snap_store_free(st);
    snap_ram_free(ram);
    emu_machine_free(m);
}
