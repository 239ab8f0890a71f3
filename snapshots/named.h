/* snapshots/named.h — named, persisted snapshots (savevm / loadvm / delvm
 * / info snapshots): the whole machine, RAM included, as an internal
 * snapshot of a qcow2 file, laid out as snapshots/FORMAT.md ("Named
 * snapshots in qcow2") says.
 *
 * The file is the disk overlay when the machine has a disk, else an
 * otherwise empty qcow2 in the recording directory (SNAP_NAMED_FILE, of
 * SNAP_NAMED_EMPTY_SIZE virtual bytes). Saving never touches the disk's
 * data: the vmstate lives in the snapshot's own clusters, beyond the disk.
 *
 *   SnapNamed *n = snap_named_open("rec/snapshots.qcow2", SNAP_NAMED_EMPTY_SIZE, &err);
 *   snap_named_save(n, "boot", m, &err);        // savevm boot
 *   ...
 *   snap_named_load(n, "boot", m, &err);        // loadvm boot
 *   snap_named_close(n, &err);
 *
 * Errors: SNAP_QCOW2_ERROR for the file and the snapshot table (NOT_FOUND
 * for an unknown name), SNAP_ERROR for a vmstate that does not load
 * (CORRUPT: damaged or not ours; MISMATCH: from another machine). Every
 * message names the file and the snapshot.
 *
 * Not yet: a load does not revert the disk to the snapshot's view (there is
 * no disk device yet); when there is one, loadvm must revert it too.
 */
#ifndef SNAPSHOTS_NAMED_H
#define SNAPSHOTS_NAMED_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emu/machine.h"

/* The file of a diskless machine, in the recording directory, and its
 * virtual disk size (no guest ever sees that disk). */
#define SNAP_NAMED_FILE "snapshots.qcow2"
#define SNAP_NAMED_EMPTY_SIZE (1ull << 20)

typedef struct SnapNamed SnapNamed;

/* Open the qcow2 file `path` read-write. If it does not exist and
 * create_size is not 0, create it empty with that virtual size; with
 * create_size 0 it must exist. `path` is copied. Returns NULL with *err
 * set (a file that is not qcow2, damaged, marked dirty, ...). */
SnapNamed *snap_named_open(const char *path, uint64_t create_size, GError **err)
    __attribute__((warn_unused_result));

/* Flush and close the file and free `n` (always, also on failure). NULL is
 * a no-op returning true. */
bool snap_named_close(SnapNamed *n, GError **err) __attribute__((warn_unused_result));
/* Closes without reporting anything; for cleanup paths. */
void snap_named_free(SnapNamed *n);

const char *snap_named_path(const SnapNamed *n);

/* savevm: m's whole state, RAM included, as the snapshot `name` (non-empty,
 * at most 65535 bytes), with the icount, virtual time and host date in its
 * table entry; the file is flushed before it returns. An existing snapshot
 * of that name is replaced, as QEMU's savevm does: it is deleted first, so
 * a failure to write the new one loses it. `m` is only read. */
bool snap_named_save(SnapNamed *n, const char *name, EmuMachine *m, GError **err)
    __attribute__((warn_unused_result));

/* loadvm: restore m from the snapshot called `name` (or, when no snapshot
 * has that name, whose id is `name`, as QEMU allows). The vmstate is read
 * whole, its checksum and every section checked, and only then applied:
 * on any error m is unchanged. An unknown name's error lists the
 * snapshots there are. */
bool snap_named_load(SnapNamed *n, const char *name, EmuMachine *m, GError **err)
    __attribute__((warn_unused_result));

/* delvm: delete the snapshot called `name` (or with that id, as above);
 * its clusters go back to the file. */
bool snap_named_delete(SnapNamed *n, const char *name, GError **err)
    __attribute__((warn_unused_result));

/* ---- info snapshots ---- */

typedef struct SnapNamedInfo {
    const char *id;              /* n's strings, valid until the next save, */
    const char *name;            /* delete or close */
    int64_t icount;              /* SNAP_QCOW2_NO_ICOUNT (-1): none (not ours) */
    uint64_t vm_clock_ns;        /* virtual time at the snapshot */
    uint64_t vmstate_size;       /* bytes in the vmstate area (0: a disk-only
                                  * snapshot, which loadvm refuses) */
    uint64_t date_ns;            /* host time of the save, since the epoch */
} SnapNamedInfo;

/* The snapshots in table order (the order they were taken in). */
size_t snap_named_count(const SnapNamed *n);
/* index < snap_named_count(n). */
void snap_named_info(const SnapNamed *n, size_t index, SnapNamedInfo *out);

/* The listing as `qemu-img snapshot -l` prints it (ID, TAG, VM SIZE, DATE,
 * VM CLOCK, ICOUNT), a header line and one line per snapshot, each ending
 * in '\n'; "There is no snapshot available.\n" when there are none.
 * g_free it. */
char *snap_named_format_list(const SnapNamed *n);

#endif
