/* replay/footprint.h — what stretches of a recording touched: the RAM they
 * wrote, to the 8-byte granule, and the instructions they may have run, by
 * physical address. The time-travel engine fills it as it first replays
 * each stretch (emu_mem_take_writes and emu_cpu_take_execs at its end), so
 * that a reverse scan for a breakpoint or a write watchpoint replays only
 * the last stretch that can hold a hit, even when the watched bytes share
 * a page with busy data or the breakpoint a page with a busy loop.
 *
 *   RrFootprint *f = rr_footprint_new();
 *   EmuPageWrites *w; EmuPageExecs *x;
 *   size_t nw = emu_mem_take_writes(mem, &w), nx = emu_cpu_take_execs(cpu, &x);
 *   rr_footprint_add(f, from, to, w, nw, x, nx);      // takes w and x
 *   RrTouch watch = { .pa = 0x40003e78, .len = 8 };  // or .exec for a breakpoint
 *   rr_footprint_last(f, a, b, &watch, 1, &lo, &hi);  // the last hit is in [lo, hi)
 *
 * Stretches may overlap (a stretch replayed again from a snapshot taken
 * later): each entry holds for its own range, and deterministic replay
 * makes them agree.
 */
#ifndef REPLAY_FOOTPRINT_H
#define REPLAY_FOOTPRINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/cpu.h"
#include "emu/mem.h"

typedef struct RrFootprint RrFootprint;

/* A write to [pa, pa + len), or with `exec`, running the word at pa. */
typedef struct RrTouch {
    uint64_t pa, len;
    bool exec;
} RrTouch;

RrFootprint *rr_footprint_new(void);
void rr_footprint_free(RrFootprint *f);

/* What the instructions in [from, to) wrote and ran, as
 * emu_mem_take_writes and emu_cpu_take_execs hand them out (sorted by
 * page; both arrays are taken and g_free'd). An empty or backwards range
 * only frees them. */
void rr_footprint_add(RrFootprint *f, uint64_t from, uint64_t to, EmuPageWrites *writes,
                      size_t nwrites, EmuPageExecs *execs, size_t nexecs);

/* Whether [from, to) is known: covered by stretches added. */
bool rr_footprint_known(const RrFootprint *f, uint64_t from, uint64_t to);

/* Whether the instructions in [from, to) certainly did none of `touch`:
 * stretches that did not cover [from, to). False when not known. */
bool rr_footprint_none(const RrFootprint *f, uint64_t from, uint64_t to, const RrTouch *touch);

/* Where in [from, to) the last of `n` touches can be: [*lo, *hi). Nothing
 * in [*hi, to) did any of them (*hi == from: nothing in [from, to) did);
 * *lo is the start of the known stretch before *hi that did one, or `from`
 * when that part is not known. */
void rr_footprint_last(const RrFootprint *f, uint64_t from, uint64_t to, const RrTouch *touch,
                       size_t n, uint64_t *lo, uint64_t *hi);

/* The memory the index holds. */
size_t rr_footprint_bytes(const RrFootprint *f);

/* Keep the index within `bytes` (0: no limit, the default): over it, an
 * add first merges neighbouring stretches two by two (the union of what
 * they touched: scans look at longer stretches, as precise in space), and
 * when none are neighbours, forgets the oldest (scans replay that part). */
void rr_footprint_set_budget(RrFootprint *f, size_t bytes);

#endif
