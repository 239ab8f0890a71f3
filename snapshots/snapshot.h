/* snapshots/snapshot.h — a whole machine snapshot in memory: the vmstate
 * of the CPU, devices and board (snapshots/FORMAT.md, without RAM) and RAM
 * as shared pages (snapshots/pages.h).
 *
 *   SnapRam *ram = snap_ram_new(emu_machine_mem(m));
 *   SnapState *s = snap_state_take(ram, m);          // O(pages written since)
 *   ... run ...
 *   snap_state_restore(ram, m, s, &err);              // O(pages that differ)
 *   snap_state_unref(s);
 */
#ifndef SNAPSHOTS_SNAPSHOT_H
#define SNAPSHOTS_SNAPSHOT_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "emu/machine.h"
#include "snapshots/pages.h"

typedef struct SnapState SnapState;

/* `ram` follows m's RAM (snap_ram_new(emu_machine_mem(m))). */
SnapState *snap_state_take(SnapRam *ram, EmuMachine *m);
/* Put m back into the state `s` holds (which stays the caller's). Fails
 * only for a state that does not load (never one taken from this
 * machine), changing nothing. */
bool snap_state_restore(SnapRam *ram, EmuMachine *m, const SnapState *s, GError **err)
    __attribute__((warn_unused_result));

SnapState *snap_state_ref(SnapState *s);
void snap_state_unref(SnapState *s);

uint64_t snap_state_icount(const SnapState *s);
/* Memory it holds by itself: its vmstate and the page copies it made. */
size_t snap_state_own_bytes(const SnapState *s);
SnapPages *snap_state_pages(const SnapState *s);
GBytes *snap_state_vmstate(const SnapState *s);

#endif
