/* snapshots/pages.h — guest RAM shared copy-on-write between the live
 * machine and its snapshots.
 *
 * A SnapPages is one snapshot's RAM: a map from page to an immutable,
 * reference-counted 4 KiB copy (or none: zeros). Consecutive snapshots
 * share every page neither of them wrote. A SnapRam follows the live
 * machine's RAM against the snapshot it was last captured into or restored
 * from (its base), through the memory's write generations:
 *
 *   capture  copies only the pages written since the base;
 *   restore  rewrites only the pages that differ from the target: those
 *            written since the base and those where the base and the target
 *            hold different copies.
 *
 * No full copy of RAM is ever made, and the page map is shared in 256 KiB
 * chunks: a capture copies the chunks it writes into and a pointer per
 * chunk, not a pointer per page.
 */
#ifndef SNAPSHOTS_PAGES_H
#define SNAPSHOTS_PAGES_H

#include <stddef.h>
#include <stdint.h>

#include "emu/mem.h"

typedef struct SnapPages SnapPages;
typedef struct SnapRam SnapRam;

/* `mem` stays the caller's and must outlive the SnapRam. */
SnapRam *snap_ram_new(EmuMem *mem);
void snap_ram_free(SnapRam *r);

/* RAM as it is now; the caller owns the reference returned. */
SnapPages *snap_ram_capture(SnapRam *r);
/* Make RAM equal to `p` (which stays the caller's); returns how many pages
 * were rewritten. */
size_t snap_ram_restore(SnapRam *r, SnapPages *p);

SnapPages *snap_pages_ref(SnapPages *p);
void snap_pages_unref(SnapPages *p);

/* Bytes of page copies this snapshot made itself (those it shares with the
 * snapshot before it are not counted): what dropping it may free. */
size_t snap_pages_own_bytes(const SnapPages *p);
/* Bytes of page map it holds by itself (the map is shared in 256 KiB
 * chunks: a snapshot owns the chunks its capture wrote into). */
size_t snap_pages_map_bytes(const SnapPages *p);
/* Pages of `p` that hold a copy (not zeros) other than `prev`'s for the
 * same page (prev NULL: all of them): what p adds to memory after prev. */
size_t snap_pages_new_copies(const SnapPages *prev, const SnapPages *p);
/* Pages of RAM it covers, and the copy of one (NULL: zeros). */
size_t snap_pages_count(const SnapPages *p);
const uint8_t *snap_pages_data(const SnapPages *p, size_t index);

#endif
