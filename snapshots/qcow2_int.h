/* snapshots/qcow2_int.h — what qcow2.c (header, open, create, guest data),
 * qcow2_refcount.c (refcounts, cluster allocation, the table cache) and
 * qcow2_snapshot.c (the snapshot table and snapshot operations) share. Not
 * for use outside snapshots/qcow2*.c.
 *
 * On-disk words (qcow2.rst, "Cluster mapping"), all big-endian:
 *
 *   L1 entry   63      62..56   55..9               8..0
 *             +-------+--------+-------------------+--------+
 *             |COPIED | 0      | L2 table offset   | 0      |
 *             +-------+--------+-------------------+--------+
 *
 *   L2 entry   63      62       61..56   55..9         8..1    0
 *   (standard)+-------+--------+--------+-------------+-------+-----+
 *             |COPIED | 0      | 0      | host offset | 0     |ZERO |
 *             +-------+--------+--------+-------------+-------+-----+
 *   (compressed: bit 62 set, bits 61..0 = sectors:offset, see
 *    compressed_extent())
 *
 * COPIED is set exactly when the table or cluster has refcount 1; it is
 * kept accurate in the active L1 table and the L2 tables it reaches, and
 * cleared in tables only snapshots reach.
 *
 * Refcount invariant (the one `qemu-img check` verifies): a cluster's
 * refcount is the number of L1 tables (active and every snapshot's) from
 * which it is reached, counting an L2 table and each data cluster once per
 * L1 table that reaches it, plus one for each header structure (header,
 * refcount table and blocks, L1 tables, snapshot table).
 */
#ifndef SNAPSHOTS_QCOW2_INT_H
#define SNAPSHOTS_QCOW2_INT_H

#include "snapshots/qcow2.h"

#define QCOW2_MAGIC          0x514649fbu      /* "QFI\xfb" */
#define OFLAG_COPIED         (1ull << 63)
#define OFLAG_COMPRESSED     (1ull << 62)
#define OFLAG_ZERO           1ull
#define ENTRY_OFFSET_MASK    0x00fffffffffffe00ull
#define L1E_RESERVED         0x7f000000000001ffull
#define L2E_RESERVED         0x3f000000000001feull
#define RTE_RESERVED         0x00000000000001ffull

#define MAX_L1_BYTES         (32u << 20)      /* QEMU's limits, which we share */
#define MAX_RT_BYTES         (8u << 20)
#define MAX_SNAPSHOTS        65536u
#define MAX_SNAPSHOT_EXTRA   1024u
#define MAX_SNAPSHOT_TABLE   (64u << 20)

/* Header field offsets (qcow2.rst, "Header"). */
#define HDR_VERSION          4
#define HDR_BACKING_OFFSET   8
#define HDR_BACKING_SIZE     16
#define HDR_CLUSTER_BITS     20
#define HDR_SIZE             24
#define HDR_CRYPT            32
#define HDR_L1_SIZE          36
#define HDR_L1_OFFSET        40
#define HDR_RT_OFFSET        48
#define HDR_RT_CLUSTERS      56
#define HDR_NB_SNAPSHOTS     60
#define HDR_SNAPSHOTS_OFFSET 64
#define HDR_INCOMPAT         72
#define HDR_COMPAT           80
#define HDR_AUTOCLEAR        88
#define HDR_REFCOUNT_ORDER   96
#define HDR_LENGTH           100
#define HDR_V2_LENGTH        72
#define HDR_V3_LENGTH        104

/* A few cluster-sized tables (L2 tables or refcount blocks) as in the
 * file, big-endian. Writes go to the file and to the cached copy. */
typedef struct Qcow2Cache {
    unsigned n;
    uint64_t off[8];             /* 0: slot empty */
    uint64_t used[8];
    uint8_t *data[8];
    uint64_t clock;
} Qcow2Cache;

/* A snapshot table entry as read, and what we keep to write it back. */
typedef struct Qcow2Snap {
    SnapQcow2Snapshot info;      /* info.id and info.name point to id and name */
    char *id, *name;
    uint64_t l1_offset;
    uint32_t l1_size;
    uint8_t *extra;              /* extra data beyond the fields we know, kept as read */
    uint32_t extra_size;
} Qcow2Snap;

struct SnapQcow2 {
    char *path;
    int fd;
    bool writable;
    uint64_t file_size;          /* the file's size, kept up to date by qcow2_write */

    uint32_t version;
    uint32_t header_length;
    uint32_t cluster_bits;
    uint64_t cs;                 /* cluster size */
    uint64_t l2_entries;         /* cs / 8 */
    uint64_t size;               /* virtual disk size */
    uint64_t incompat, compat, autoclear;

    uint64_t *l1;                /* active L1, host order, l1_size entries */
    uint32_t l1_size;
    uint64_t l1_offset;

    uint32_t refcount_order;
    uint64_t rb_entries;         /* refcounts per block */
    uint64_t refcount_max;
    uint64_t *rt;                /* refcount table, host order, rt_entries */
    uint64_t rt_entries;
    uint64_t rt_offset;
    uint32_t rt_clusters;
    uint64_t free_hint;          /* no free cluster below this index */

    Qcow2Snap *snaps;
    uint32_t nb_snapshots;
    uint64_t snapshots_offset;
    uint64_t snapshots_bytes;    /* the table's length in the file */

    char *backing_file, *backing_format;
    SnapQcow2 *backing;          /* a qcow2 backing file, or */
    int backing_fd;              /* a raw one (-1: none) */
    uint64_t backing_size;       /* the raw backing file's size */

    uint8_t *feature_names;      /* the feature name table extension, raw */
    uint32_t feature_names_len;

    Qcow2Cache l2_cache, rb_cache;
};

/* ---- qcow2.c ---- */

static inline uint32_t get_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint64_t get_be64(const uint8_t *p)
{
    return (uint64_t)get_be32(p) << 32 | get_be32(p + 4);
}
static inline uint16_t get_be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline void put_be16(uint8_t *p, uint16_t v) { p[0] = v >> 8; p[1] = (uint8_t)v; }
static inline void put_be32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (24 - 8 * i));
}
static inline void put_be64(uint8_t *p, uint64_t v)
{
    put_be32(p, (uint32_t)(v >> 32));
    put_be32(p + 4, (uint32_t)v);
}

/* "PATH: offset 0xOFF: MESSAGE; the image is damaged (...)" as a CORRUPT
 * error. */
void qcow2_damaged(const SnapQcow2 *q, GError **err, uint64_t off, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
/* "PATH: MESSAGE" with the given code. */
void qcow2_fail(const SnapQcow2 *q, GError **err, SnapQcow2Error code, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);

/* Read `len` bytes of metadata (`what`, for messages) at `off`; the range
 * must lie inside the file, else CORRUPT naming `what` and `off`. */
bool qcow2_read(SnapQcow2 *q, uint64_t off, void *buf, size_t len, const char *what, GError **err)
    __attribute__((warn_unused_result));
/* Write, growing file_size; refuses a read-only image. */
bool qcow2_write(SnapQcow2 *q, uint64_t off, const void *buf, size_t len, GError **err)
    __attribute__((warn_unused_result));
/* Write `n` zero bytes. */
bool qcow2_write_zeros(SnapQcow2 *q, uint64_t off, uint64_t n, GError **err)
    __attribute__((warn_unused_result));

/* How many L1 entries map a disk of `size` bytes; vmstate starts at
 * qcow2_vm_index(q, size) * cs * l2_entries. */
uint64_t qcow2_vm_index(const SnapQcow2 *q, uint64_t size);

/* Check an L1 entry found at file offset `at`: reserved bits, alignment,
 * an L2 table inside the file. */
bool qcow2_check_l1_entry(SnapQcow2 *q, uint64_t e, uint64_t at, GError **err)
    __attribute__((warn_unused_result));
/* Check an L2 entry found at `at` (standard or compressed). */
bool qcow2_check_l2_entry(SnapQcow2 *q, uint64_t e, uint64_t at, GError **err)
    __attribute__((warn_unused_result));
/* The host byte range of a compressed L2 entry. */
void qcow2_compressed_extent(const SnapQcow2 *q, uint64_t e, uint64_t *start, uint64_t *len);

/* Read `len` bytes at guest `offset` through the L1 table `l1` (`l1_size`
 * entries, in the file at `l1_at` for messages). Unallocated clusters read
 * from the backing file if `use_backing`, else as zeros. */
bool qcow2_read_through(SnapQcow2 *q, const uint64_t *l1, uint32_t l1_size, uint64_t l1_at,
                    uint64_t offset, uint8_t *buf, size_t len, bool use_backing, GError **err)
    __attribute__((warn_unused_result));

/* Write the active L1 table entries [i, i+n) (host order) to the file. */
bool qcow2_l1_write(SnapQcow2 *q, uint32_t i, uint32_t n, GError **err)
    __attribute__((warn_unused_result));

/* Replace the active L1 table with `l1` (n entries, taken over by q) at a
 * newly allocated place, set the virtual size to `size`, and free the old
 * table's clusters (not what it references). */
bool qcow2_l1_replace(SnapQcow2 *q, uint64_t *l1, uint32_t n, uint64_t size, GError **err)
    __attribute__((warn_unused_result));

/* ---- qcow2_refcount.c ---- */

/* Read and check the refcount table at open. */
bool qcow2_refcount_open(SnapQcow2 *q, GError **err) __attribute__((warn_unused_result));

void qcow2_cache_init(Qcow2Cache *c, unsigned slots);
void qcow2_cache_deinit(Qcow2Cache *c);
/* The cluster-sized table at `off` (checked to be aligned and inside the
 * file), read through the cache; `what` and `ref_at` (where the pointer to
 * it was read) are for messages. Valid until the next cache call. */
uint8_t *qcow2_cache_get(SnapQcow2 *q, Qcow2Cache *c, uint64_t off, const char *what, uint64_t ref_at,
                     GError **err) __attribute__((warn_unused_result));
/* Write the 8-byte entry `idx` of the table at `off`, through the cache. */
bool qcow2_table_set(SnapQcow2 *q, Qcow2Cache *c, uint64_t off, uint64_t idx, uint64_t v, GError **err)
    __attribute__((warn_unused_result));
/* Write a whole table (cs bytes, big-endian) at `off`, through the cache. */
bool qcow2_table_write(SnapQcow2 *q, Qcow2Cache *c, uint64_t off, const uint8_t *data, GError **err)
    __attribute__((warn_unused_result));

/* The refcount of the cluster at byte offset `off`. */
bool qcow2_refcount_get(SnapQcow2 *q, uint64_t off, uint64_t *rc, GError **err)
    __attribute__((warn_unused_result));
/* Add `delta` (+1 or -1) to the refcount of every cluster of the byte
 * range [off, off+len). Refuses to go below 0 or above the refcount width
 * (CORRUPT naming the cluster) before changing anything of that cluster. A
 * cluster reaching 0 is free again. */
bool qcow2_refcount_add(SnapQcow2 *q, uint64_t off, uint64_t len, int delta, GError **err)
    __attribute__((warn_unused_result));
/* Allocate `n` contiguous free clusters (refcount 1); their content is
 * the caller's to write. *off: the first one's byte offset. */
bool qcow2_alloc(SnapQcow2 *q, uint64_t n, uint64_t *off, GError **err)
    __attribute__((warn_unused_result));
/* Allocate one cluster and fill it with `data` (cs bytes; NULL: zeros). */
bool qcow2_alloc_write(SnapQcow2 *q, const void *data, uint64_t *off, GError **err)
    __attribute__((warn_unused_result));

/* Add `delta` (+1, -1) to the refcounts of everything L1 table `l1`
 * reaches through entries [0, n): each L2 table and each cluster its
 * entries point to. With `active` (l1 is q->l1), COPIED flags in l1 and in
 * the L2 tables are set anew from the resulting refcounts (delta 0 only
 * does that). With delta +1 every refcount is first checked for room, so
 * an overflow changes nothing. */
bool qcow2_update_refcounts(SnapQcow2 *q, uint64_t *l1, uint32_t n, uint64_t l1_at, int delta,
                        bool active, GError **err) __attribute__((warn_unused_result));

/* ---- qcow2_snapshot.c ---- */

/* Read and check the snapshot table at open. */
bool qcow2_snapshots_open(SnapQcow2 *q, GError **err) __attribute__((warn_unused_result));
void qcow2_snapshots_free(Qcow2Snap *s, uint32_t n);

#endif
