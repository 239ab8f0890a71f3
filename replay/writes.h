/* replay/writes.h — what stretches of a recording wrote, to the 8-byte
 * granule: an index the time-travel engine fills as it first replays each
 * stretch (emu_mem_take_writes at each of its snapshots), so that a reverse
 * scan for a write watchpoint skips every stretch that certainly did not
 * write the watched bytes, even when they share a page with busy data.
 *
 *   RrWrites *w = rr_writes_new();
 *   EmuPageWrites *pages;
 *   size_t n = emu_mem_take_writes(mem, &pages);    // since icount `from`
 *   rr_writes_add(w, from, to, pages, n);             // takes `pages`
 *   if (rr_writes_none(w, a, b, 0x40003e78, 8)) ...  // [a, b) wrote none of it
 *
 * Stretches may overlap (a stretch replayed again from a snapshot taken
 * later): each entry holds for its own range, and deterministic replay
 * makes them agree.
 */
#ifndef REPLAY_WRITES_H
#define REPLAY_WRITES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/mem.h"

typedef struct RrWrites RrWrites;

RrWrites *rr_writes_new(void);
void rr_writes_free(RrWrites *w);

/* The RAM writes of the instructions in [from, to), as
 * emu_mem_take_writes hands them out (sorted by page; `pages` is taken
 * and g_free'd). An empty or backwards range only frees `pages`. */
void rr_writes_add(RrWrites *w, uint64_t from, uint64_t to, EmuPageWrites *pages, size_t n);

/* Whether [from, to) is known: covered by stretches added. */
bool rr_writes_known(const RrWrites *w, uint64_t from, uint64_t to);

/* Whether the instructions in [from, to) certainly wrote no byte of the
 * physical range [pa, pa + len): stretches that wrote none of it cover
 * [from, to). False when not known. */
bool rr_writes_none(const RrWrites *w, uint64_t from, uint64_t to, uint64_t pa, uint64_t len);

/* Where in [from, to) the last write to any of `n` physical ranges
 * [pa[i], pa[i] + len[i]) can be: [*lo, *hi). Nothing in [*hi, to) wrote
 * them (*hi == from: nothing in [from, to) did); *lo is the start of the
 * known stretch before *hi that wrote one of them, or `from` when that part
 * is not known. */
void rr_writes_last(const RrWrites *w, uint64_t from, uint64_t to, const uint64_t *pa,
                    const uint64_t *len, size_t n, uint64_t *lo, uint64_t *hi);

/* The memory the index holds. */
size_t rr_writes_bytes(const RrWrites *w);

#endif
