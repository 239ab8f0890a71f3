/* snapshots/qcow2.h — a qcow2 image reader and writer, written against
 * QEMU's docs/interop/qcow2.rst (versions 2 and 3; images we create are
 * version 3 with 16-bit refcounts).
 *
 * What it does:
 *   - create an image, open one read-write or read-only, flush, close;
 *   - read and write byte ranges of the virtual disk: writes allocate
 *     clusters, L2 tables and refcount blocks (the refcount table grows
 *     with the file) and copy on write whatever a snapshot shares;
 *     unallocated clusters read from the backing file (qcow2 or raw, opened
 *     read-only and never written) or as zeros;
 *   - internal snapshots: create (the disk's view now, plus a vmstate
 *     buffer stored after the virtual disk as QEMU stores it), list, look
 *     up, read a snapshot's vmstate back, revert the disk to a snapshot,
 *     delete.
 *
 * Images we write pass `qemu-img check`; `qemu-img snapshot -l` lists our
 * snapshots with their icount.
 *
 * Metadata is written through (every table update reaches the file before
 * the call returns; L2 tables and refcount blocks are cached for reading
 * only), so a handle can be dropped after any successful call and the file
 * is consistent. An update that fails half way may leave leaked clusters,
 * which `qemu-img check -r leaks` reclaims, never a dangling reference.
 *
 * Every byte read from the file is checked before it is used: offsets
 * inside the file and aligned, table sizes bounded by the file size,
 * reserved bits clear, refcounts within their width. A damaged image gives
 * a SNAP_QCOW2_ERROR that names the file, the byte offset of the bad field
 * and what to do; it never makes the reader read out of bounds or allocate
 * more than the file could describe.
 *
 * Not supported (refused with SNAP_QCOW2_ERROR_UNSUPPORTED): encryption,
 * external data files, extended L2 entries, reading or overwriting
 * compressed clusters (their refcounts are handled, so snapshots of images
 * holding them still work), bitmaps (an image's bitmaps are kept but marked
 * inconsistent, as the spec asks, once we write to it).
 */
#ifndef SNAPSHOTS_QCOW2_H
#define SNAPSHOTS_QCOW2_H

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SNAP_QCOW2_ERROR snap_qcow2_error_quark()
GQuark snap_qcow2_error_quark(void);

typedef enum SnapQcow2Error {
    SNAP_QCOW2_ERROR_IO,          /* the host could not open, read or write a file */
    SNAP_QCOW2_ERROR_NOT_QCOW2,   /* bad magic or version */
    SNAP_QCOW2_ERROR_UNSUPPORTED, /* a valid image using something we do not implement */
    SNAP_QCOW2_ERROR_CORRUPT,     /* a field of the file is out of range or inconsistent */
    SNAP_QCOW2_ERROR_INVALID,     /* the caller passed something out of range */
    SNAP_QCOW2_ERROR_NOT_FOUND,   /* no snapshot by that name */
    SNAP_QCOW2_ERROR_EXISTS,      /* a snapshot by that name or id exists */
    SNAP_QCOW2_ERROR_READ_ONLY,   /* a write to an image opened read-only */
} SnapQcow2Error;

typedef struct SnapQcow2 SnapQcow2;

#define SNAP_QCOW2_DEFAULT_CLUSTER_SIZE (64u * 1024)

typedef struct SnapQcow2CreateOptions {
    uint64_t size;               /* virtual disk size in bytes */
    uint32_t cluster_size;       /* a power of two, 512 .. 2 MiB; 0: 64 KiB */
    const char *backing_file;    /* NULL: none. Stored as given; relative
                                  * names are relative to the image's folder */
    const char *backing_format;  /* "qcow2" or "raw"; required with a backing file */
} SnapQcow2CreateOptions;

/* Create `path` (refusing an existing file) as an empty version 3 image and
 * return it open read-write. With a backing file, the backing file must
 * exist and open as `backing_format`. `opts` stays the caller's. Returns
 * NULL with *err set. */
SnapQcow2 *snap_qcow2_create(const char *path, const SnapQcow2CreateOptions *opts, GError **err)
    __attribute__((warn_unused_result));

typedef enum SnapQcow2OpenFlags {
    SNAP_QCOW2_READ_WRITE = 0,
    SNAP_QCOW2_READ_ONLY = 1 << 0,
} SnapQcow2OpenFlags;

/* Open `path` and its backing chain (read-only, at most 16 deep). The
 * header, header extensions, L1 table, refcount table and snapshot table
 * are checked here; L2 tables and refcount blocks when first used.
 * Read-write opening also refuses an image marked dirty or corrupt (run
 * `qemu-img check -r all` first), and clears the autoclear feature bits
 * (we keep no bitmaps consistent). Every refcount width (1..64 bits) is
 * read and updated. Returns NULL with *err set. */
SnapQcow2 *snap_qcow2_open(const char *path, SnapQcow2OpenFlags flags, GError **err)
    __attribute__((warn_unused_result));

/* fdatasync the image. */
bool snap_qcow2_flush(SnapQcow2 *q, GError **err) __attribute__((warn_unused_result));

/* Flush (if writable) and close the image and its backing chain, and free
 * `q` (always, also on failure). NULL is a no-op returning true. */
bool snap_qcow2_close(SnapQcow2 *q, GError **err) __attribute__((warn_unused_result));

/* Closes without reporting anything; for cleanup paths. */
void snap_qcow2_free(SnapQcow2 *q);

uint64_t snap_qcow2_size(const SnapQcow2 *q);           /* virtual disk bytes */
uint32_t snap_qcow2_cluster_size(const SnapQcow2 *q);
const char *snap_qcow2_path(const SnapQcow2 *q);
/* The backing file name and format as stored, or NULL. q's strings. */
const char *snap_qcow2_backing_file(const SnapQcow2 *q);
const char *snap_qcow2_backing_format(const SnapQcow2 *q);

/* ---- Guest data ---- */

/* Read `len` bytes at `offset` of the virtual disk into buf. The range must
 * lie inside the disk. */
bool snap_qcow2_read(SnapQcow2 *q, uint64_t offset, void *buf, size_t len, GError **err)
    __attribute__((warn_unused_result));

/* Write `len` bytes from buf at `offset` of the virtual disk (inside it).
 * Clusters shared with a snapshot are copied first, so snapshots keep
 * their view. */
bool snap_qcow2_write(SnapQcow2 *q, uint64_t offset, const void *buf, size_t len, GError **err)
    __attribute__((warn_unused_result));

/* ---- Internal snapshots ---- */

#define SNAP_QCOW2_NO_ICOUNT (-1)   /* icount of a snapshot taken without one */

/* A snapshot table entry. From the image, the strings are the image's and
 * stay valid until the next snapshot create, delete or revert, or close. */
typedef struct SnapQcow2Snapshot {
    const char *id;              /* unique; QEMU numbers them "1", "2", ... */
    const char *name;
    uint32_t date_sec;           /* host time of creation, since the epoch */
    uint32_t date_nsec;
    uint64_t vm_clock_ns;        /* guest time at the snapshot */
    int64_t icount;              /* instructions retired; SNAP_QCOW2_NO_ICOUNT */
    uint64_t vm_state_size;      /* bytes of vmstate (0: none) */
    uint64_t disk_size;          /* the virtual disk size in the snapshot's view */
} SnapQcow2Snapshot;

/* What snap_qcow2_snapshot_create takes; stays the caller's. */
typedef struct SnapQcow2SnapshotParams {
    const char *name;            /* non-empty, at most 65535 bytes, unique */
    const char *id;              /* NULL: one more than the largest numeric id */
    uint64_t vm_clock_ns;
    int64_t icount;              /* SNAP_QCOW2_NO_ICOUNT or >= 0 */
    uint64_t date_ns;            /* since the epoch; 0: now */
    const void *vmstate;         /* the machine state to keep with it; may be NULL */
    size_t vmstate_len;          /* 0: none */
} SnapQcow2SnapshotParams;

/* Take an internal snapshot: the disk as it is now, plus the vmstate
 * bytes, stored beyond the virtual disk in the snapshot's own clusters
 * (vmstate offset = the disk size rounded up to what one L1 entry maps).
 * Refuses (EXISTS) a name or id already used. */
bool snap_qcow2_snapshot_create(SnapQcow2 *q, const SnapQcow2SnapshotParams *p, GError **err)
    __attribute__((warn_unused_result));

size_t snap_qcow2_snapshot_count(const SnapQcow2 *q);
/* The snapshot at `index` (< count), in table order. */
const SnapQcow2Snapshot *snap_qcow2_snapshot_get(const SnapQcow2 *q, size_t index);
/* The index of the first snapshot called `name`; false if there is none. */
bool snap_qcow2_snapshot_find(const SnapQcow2 *q, const char *name, size_t *index);

/* Read `len` bytes at `offset` of the vmstate of snapshot `index`; the
 * range must lie inside its vm_state_size. */
bool snap_qcow2_vmstate_read(SnapQcow2 *q, size_t index, uint64_t offset, void *buf, size_t len,
                             GError **err) __attribute__((warn_unused_result));

/* Make the disk read as it did when snapshot `index` was taken (its size
 * too). The snapshot stays. */
bool snap_qcow2_snapshot_revert(SnapQcow2 *q, size_t index, GError **err)
    __attribute__((warn_unused_result));

/* Delete snapshot `index`: its clusters no other view uses are freed. */
bool snap_qcow2_snapshot_delete(SnapQcow2 *q, size_t index, GError **err)
    __attribute__((warn_unused_result));

#endif
