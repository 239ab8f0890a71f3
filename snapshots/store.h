/* snapshots/store.h — the automatic snapshots of a record or replay
 * session: taken every `interval` instructions, kept under a memory
 * budget, thinned so that they are dense near the present and sparse
 * further back (DESIGN.md §4, §5).
 *
 * The store decides when and what to keep; the time-travel engine runs the
 * machine, takes the snapshots and restores them:
 *
 *   SnapStore *st = snap_store_new(&(SnapStoreConfig){ 0 });   // defaults
 *   for (;;) {                                  // record or replay forward
 *       uint64_t now = emu_machine_icount(m);
 *       if (snap_store_due(st, now)) {
 *           SnapState *s = snap_state_take(ram, m);
 *           snap_store_add(st, s);              // the store takes a reference
 *           snap_state_unref(s);
 *       }
 *       emu_machine_run(m, snap_store_next_due(st, now) - now);
 *   }
 *   SnapState *s = snap_store_find(st, target);  // seek: restore s, replay
 *
 * Policy, exactly:
 *
 *   Due.     A snapshot is due at icount t when the store holds none in
 *            (t - interval, t]. A forward run from a snapshot therefore
 *            takes new ones only where thinning or a seek left a gap, and
 *            snapshots the engine adds itself (dense local ones for
 *            repeated step-back, at any icount, in any order) count alike.
 *   Present. The icount of the snapshot added last: where the engine is
 *            (the frontier while recording, the user's position in replay).
 *   Memory.  The store's bytes are those its snapshots keep alive: each
 *            distinct 4 KiB page copy once, however many snapshots share
 *            it, plus each snapshot's vmstate and the part of the page
 *            map it holds by itself (snap_pages_map_bytes: a pointer per
 *            256 KiB chunk of RAM, 4 KiB for 128 MiB, and the chunks it
 *            wrote into, 520 bytes each). Pages are counted as runs of the same
 *            copy in icount order; this equals the distinct pages when the
 *            snapshots come from one deterministic execution (replay), and
 *            can only overcount otherwise, never exceeding the budget.
 *   Window.  The budget window W is the longest gap between consecutive
 *            snapshots that thinning may create: with n = budget / (the
 *            mean bytes of a kept snapshot) and span = last - first icount,
 *            W = max(interval, span / max(1, n / 2)), so that one snapshot
 *            per window takes about half the budget and the rest stays
 *            dense near the present. It never shrinks, and it doubles when
 *            the snapshots it protects alone exceed the budget. Thinning
 *            keeps at least one snapshot in every W instructions between
 *            the first and the last: a seek there replays at most W.
 *   Thinning. After an add, while the store's bytes exceed the budget, it
 *            drops one snapshot: of those it may drop, the one whose
 *            removal leaves the smallest gap (next - prev icount) relative
 *            to its distance from the present, gap / (|icount - present| +
 *            interval). Kept gaps thus grow in proportion to their age:
 *            spacing doubles each time the distance doubles (logarithmic
 *            thinning). Never dropped: the first and the last snapshot (the
 *            recording's start, the furthest point reached), the
 *            SNAP_STORE_KEEP_RECENT nearest the present, and any whose
 *            removal would leave a gap wider than W. When only those are
 *            left the store stays over budget (snap_store_bytes says).
 *
 * A SnapState the store returns is borrowed: valid until the next call
 * that adds or drops (snap_store_add, snap_store_drop_after,
 * snap_store_free); snap_state_ref it to keep it longer.
 */
#ifndef SNAPSHOTS_STORE_H
#define SNAPSHOTS_STORE_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "snapshots/snapshot.h"

/* Measured on this machine with a one-level page map (a pointer per page
 * of RAM, 256 KiB a snapshot; the two-level map of pages.c has since made
 * that 4-10 KB, so the byte figures below are now about 250 KB smaller a
 * snapshot and taking one cheaper) (2 shared cores; bench/bench.elf, 1.04e9
 * instructions, and tests/guest/sched.c; 128 MiB of RAM; replay at
 * 520-700 MIPS):
 *   snap_state_take  1.1-1.4 ms (mostly first-touch faults on its fresh
 *                    256 KiB page map), 0.65 ms once thinning frees maps
 *                    for reuse; the first one 2-6 ms; a restore 0.1 ms
 *   snap_store_add   0.05-0.08 ms more (passes over two page maps)
 *   bytes            ~300 KB a snapshot: the page map, 4.9 KB of vmstate
 *                    and 17-39 KB of page copies (80-190 KB for the first)
 *   interval  1e7: 105 snapshots, 30 MiB, overhead 7.5%, seeks <= ~16 ms
 *             2e7:  53 snapshots, 16 MiB, overhead 4.0%, seeks <= ~31 ms
 *             5e7:  21 snapshots, 6.5 MiB, overhead 1.7%, seeks <= ~80 ms
 *                   (a seek replaying 2.1e7 instructions took 29 ms)
 * 2e7 keeps the longest seek near 30 ms for a few percent of run time;
 * step-back does not wait on it (the engine adds dense local snapshots). */
#define SNAP_STORE_DEFAULT_INTERVAL 20000000ull
/* Snapshots nearest the present that thinning never drops: repeated
 * step-back works among them. */
#define SNAP_STORE_KEEP_RECENT 4

typedef struct SnapStore SnapStore;

typedef struct SnapStoreConfig {
    uint64_t interval;           /* instructions between snapshots; 0: the default */
    uint64_t budget_bytes;       /* 0: snap_store_default_budget() */
} SnapStoreConfig;

/* `cfg` (NULL: defaults) is copied. */
SnapStore *snap_store_new(const SnapStoreConfig *cfg);
/* Drops the store's references; snapshots the caller holds stay valid. */
void snap_store_free(SnapStore *st);

/* A quarter of host RAM, at least 64 MiB and at most 8 GiB. */
uint64_t snap_store_default_budget(void);
/* `-snapshot-budget` values: a byte count with an optional binary suffix
 * K, M, G or T (1024-based, case-insensitive, "512M", "2G", "1048576"),
 * or a percentage of host RAM ("25%", 1 to 100). Returns false with
 * G_OPTION_ERROR_BAD_VALUE, *bytes unchanged, for anything else or zero. */
bool snap_store_parse_budget(const char *text, uint64_t *bytes, GError **err)
    __attribute__((warn_unused_result));

uint64_t snap_store_interval(const SnapStore *st);
uint64_t snap_store_budget(const SnapStore *st);

/* Whether a snapshot is due at `icount` (see Due above). */
bool snap_store_due(const SnapStore *st, uint64_t icount);
/* The first icount >= `icount` at which one will be due if none is added
 * before: how far the engine may run in one go. */
uint64_t snap_store_next_due(const SnapStore *st, uint64_t icount);

/* Keep `s` (the store takes its own reference), make its icount the
 * present, and thin while over budget (never dropping `s`: it is nearest
 * the present). A snapshot at an icount the store already holds is not
 * added (the two are the same state) but still moves the present there.
 * Returns whether `s` was added. All snapshots must be of one machine
 * (one RAM size). */
bool snap_store_add(SnapStore *st, SnapState *s);
/* The newest snapshot at or before `icount`, NULL if none: where a seek
 * starts. Borrowed. */
SnapState *snap_store_find(const SnapStore *st, uint64_t icount);
/* Forget every snapshot after `icount` (a live recording's future being
 * rewritten); returns how many were dropped. The present moves back to
 * `icount` if it was later. */
size_t snap_store_drop_after(SnapStore *st, uint64_t icount);

/* For `info snapshots`: snapshots in increasing icount order. */
typedef struct SnapStoreInfo {
    uint64_t icount;
    size_t own_bytes;            /* snap_state_own_bytes: the copies it made */
    size_t frees;                /* what dropping it from the store would free now */
    SnapState *state;            /* borrowed */
} SnapStoreInfo;

size_t snap_store_count(const SnapStore *st);
/* i < snap_store_count(st). */
SnapStoreInfo snap_store_info(const SnapStore *st, size_t i);
/* Bytes the store keeps alive (see Memory above). */
uint64_t snap_store_bytes(const SnapStore *st);
/* The budget window W in instructions (see Window above); `interval`
 * until the first thinning. */
uint64_t snap_store_window(const SnapStore *st);

#endif
