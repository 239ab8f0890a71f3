/* snapshots/vmstate.h — the machine's state as snapshots/FORMAT.md lays it
 * out: the CPU, each device and the board in named, versioned sections,
 * with or without RAM.
 *
 * In-memory snapshots leave RAM to the page store (snapshots/pages.h) and
 * save the rest here; persisted ones (savevm) add the `ram` section.
 */
#ifndef SNAPSHOTS_VMSTATE_H
#define SNAPSHOTS_VMSTATE_H

#include <glib.h>
#include <stdbool.h>

#include "emu/machine.h"
#include "snapshots/stream.h"

#define SNAP_VMSTATE_VERSION 1

/* Write m's state to `s` (errors stay in the stream). */
void snap_vmstate_save(EmuMachine *m, SnapStream *s, bool with_ram);

/* Read a whole vmstate from `s` and restore it into `m`. A vmstate with a
 * `ram` section restores RAM as well (pages it does not list become zero);
 * one without leaves RAM alone. Nothing in `m` changes unless every
 * section is valid; the error names the section, the offset and what is
 * wrong. */
bool snap_vmstate_load(EmuMachine *m, SnapStream *s, GError **err)
    __attribute__((warn_unused_result));

#endif
