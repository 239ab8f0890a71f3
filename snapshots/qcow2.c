/* snapshots/qcow2.c — qcow2 header, open, create and guest data; see
 * qcow2.h for the contracts and qcow2_int.h for the on-disk words. */
#include "snapshots/qcow2_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK(snap-qcow2-error-quark, snap_qcow2_error)

#define MAX_BACKING_DEPTH 16
#define MAX_BACKING_NAME  1023u

/* Header extension types (qcow2.rst, "Header extensions"). */
#define EXT_END            0x00000000u
#define EXT_BACKING_FORMAT 0xe2792acau
#define EXT_FEATURE_NAMES  0x6803f857u

/* Incompatible feature bits. */
#define INCOMPAT_DIRTY       (1ull << 0)
#define INCOMPAT_CORRUPT     (1ull << 1)
#define INCOMPAT_DATA_FILE   (1ull << 2)
#define INCOMPAT_COMPRESSION (1ull << 3)
#define INCOMPAT_EXTL2       (1ull << 4)
#define INCOMPAT_KNOWN       0x1full

#define DAMAGED_HINT "; the image is damaged (qemu-img check tells more; -r all may repair it)"

/* ---- Errors and I/O ---- */

void qcow2_damaged(const SnapQcow2 *q, GError **err, uint64_t off, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_CORRUPT, "%s: offset %#" PRIx64 ": %s" DAMAGED_HINT,
                q->path, off, msg);
    g_free(msg);
}

void qcow2_fail(const SnapQcow2 *q, GError **err, SnapQcow2Error code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(err, SNAP_QCOW2_ERROR, code, "%s: %s", q->path, msg);
    g_free(msg);
}

/* pread all of [off, off+len) that the file holds; the rest reads as
 * zeros. */
static bool pread_fill(SnapQcow2 *q, int fd, uint64_t off, uint8_t *buf, size_t len, GError **err)
{
    size_t done = 0;
    while (done < len) {
        ssize_t r = pread(fd, buf + done, len - done, (off_t)(off + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            qcow2_fail(q, err, SNAP_QCOW2_ERROR_IO, "cannot read at offset %#" PRIx64 ": %s",
                   off + done, g_strerror(errno));
            return false;
        }
        if (r == 0)
            break;
        done += (size_t)r;
    }
    memset(buf + done, 0, len - done);
    return true;
}

bool qcow2_read(SnapQcow2 *q, uint64_t off, void *buf, size_t len, const char *what, GError **err)
{
    if (off > q->file_size || len > q->file_size - off) {
        qcow2_damaged(q, err, off, "the %s (%zu bytes) extends past the end of the file (%" PRIu64 " bytes)",
                  what, len, q->file_size);
        return false;
    }
    return pread_fill(q, q->fd, off, buf, len, err);
}

bool qcow2_write(SnapQcow2 *q, uint64_t off, const void *buf, size_t len, GError **err)
{
    if (!q->writable) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_READ_ONLY, "the image is open read-only");
        return false;
    }
    const uint8_t *p = buf;
    size_t done = 0;
    while (done < len) {
        ssize_t r = pwrite(q->fd, p + done, len - done, (off_t)(off + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            qcow2_fail(q, err, SNAP_QCOW2_ERROR_IO, "cannot write at offset %#" PRIx64 ": %s",
                   off + done, r < 0 ? g_strerror(errno) : "no space written");
            return false;
        }
        done += (size_t)r;
    }
    if (off + len > q->file_size)
        q->file_size = off + len;
    return true;
}

bool qcow2_write_zeros(SnapQcow2 *q, uint64_t off, uint64_t n, GError **err)
{
    uint8_t *z = g_malloc0(MIN(n, 1u << 20) + 1);
    bool ok = true;
    while (ok && n) {
        size_t k = (size_t)MIN(n, 1u << 20);
        ok = qcow2_write(q, off, z, k, err);
        off += k;
        n -= k;
    }
    g_free(z);
    return ok;
}

/* ---- Entries ---- */

uint64_t qcow2_vm_index(const SnapQcow2 *q, uint64_t size)
{
    uint64_t per_l1 = q->cs * q->l2_entries;
    return size / per_l1 + (size % per_l1 != 0);
}

bool qcow2_check_l1_entry(SnapQcow2 *q, uint64_t e, uint64_t at, GError **err)
{
    uint64_t off = e & ENTRY_OFFSET_MASK;
    if (e & L1E_RESERVED) {
        qcow2_damaged(q, err, at, "L1 entry %#" PRIx64 " has reserved bits set", e);
        return false;
    }
    if (off & (q->cs - 1)) {
        qcow2_damaged(q, err, at, "L2 table offset %#" PRIx64 " is not aligned to the cluster size (%" PRIu64 ")",
                  off, q->cs);
        return false;
    }
    if (off && (off >= q->file_size || q->cs > q->file_size - off)) {
        qcow2_damaged(q, err, at, "L2 table offset %#" PRIx64 " is past the end of the file (%" PRIu64 " bytes)",
                  off, q->file_size);
        return false;
    }
    return true;
}

void qcow2_compressed_extent(const SnapQcow2 *q, uint64_t e, uint64_t *start, uint64_t *len)
{
    unsigned x = 62 - (q->cluster_bits - 8);
    uint64_t off = e & ((1ull << x) - 1) & 0x00ffffffffffffffull;
    uint64_t sectors = ((e & ~OFLAG_COPIED & ~OFLAG_COMPRESSED) >> x) + 1;
    *start = off & ~511ull;                          /* the sector holding the offset */
    *len = sectors * 512;
}

bool qcow2_check_l2_entry(SnapQcow2 *q, uint64_t e, uint64_t at, GError **err)
{
    if (e & OFLAG_COMPRESSED) {
        uint64_t start, len;
        qcow2_compressed_extent(q, e, &start, &len);
        if (start >= q->file_size) {
            qcow2_damaged(q, err, at, "compressed cluster at %#" PRIx64 " is past the end of the file (%" PRIu64
                      " bytes)", start, q->file_size);
            return false;
        }
        return true;
    }
    uint64_t off = e & ENTRY_OFFSET_MASK;
    if (e & L2E_RESERVED) {
        qcow2_damaged(q, err, at, "L2 entry %#" PRIx64 " has reserved bits set", e);
        return false;
    }
    if ((e & OFLAG_ZERO) && q->version < 3) {
        qcow2_damaged(q, err, at, "L2 entry %#" PRIx64 " has the zero flag, which version 2 does not have", e);
        return false;
    }
    if (off & (q->cs - 1)) {
        qcow2_damaged(q, err, at, "data cluster offset %#" PRIx64 " is not aligned to the cluster size (%" PRIu64 ")",
                  off, q->cs);
        return false;
    }
    if (off >= q->file_size && off) {
        qcow2_damaged(q, err, at, "data cluster offset %#" PRIx64 " is past the end of the file (%" PRIu64 " bytes)",
                  off, q->file_size);
        return false;
    }
    if (!off && (e & OFLAG_COPIED)) {
        qcow2_damaged(q, err, at, "L2 entry %#" PRIx64 " is marked copied but maps no cluster", e);
        return false;
    }
    return true;
}

/* ---- Guest data ---- */

static bool backing_read(SnapQcow2 *q, uint64_t off, uint8_t *buf, size_t len, GError **err)
{
    uint64_t have = q->backing ? q->backing->size : q->backing_fd >= 0 ? q->backing_size : 0;
    size_t n = off >= have ? 0 : (size_t)MIN((uint64_t)len, have - off);
    memset(buf + n, 0, len - n);
    if (!n)
        return true;
    if (q->backing)
        return qcow2_read_through(q->backing, q->backing->l1, q->backing->l1_size, q->backing->l1_offset,
                              off, buf, n, true, err);
    return pread_fill(q, q->backing_fd, off, buf, n, err);
}

/* The L2 entry for guest cluster `gc` through `l1`: *e2 (0 if unmapped),
 * with *l2_off and *at (the entry's file offset) when there is a table. */
static bool lookup(SnapQcow2 *q, const uint64_t *l1, uint32_t l1_size, uint64_t l1_at, uint64_t gc,
                   uint64_t *e2, uint64_t *l2_off, uint64_t *at, GError **err)
{
    uint64_t i1 = gc / q->l2_entries, i2 = gc % q->l2_entries;
    uint64_t e1 = i1 < l1_size ? l1[i1] : 0;
    *e2 = 0;
    *l2_off = e1 & ENTRY_OFFSET_MASK;
    if (!*l2_off)
        return true;
    if (!qcow2_check_l1_entry(q, e1, l1_at + i1 * 8, err))
        return false;
    uint8_t *t = qcow2_cache_get(q, &q->l2_cache, *l2_off, "L2 table", l1_at + i1 * 8, err);
    if (!t)
        return false;
    *at = *l2_off + i2 * 8;
    *e2 = get_be64(t + i2 * 8);
    return qcow2_check_l2_entry(q, *e2, *at, err);
}

bool qcow2_read_through(SnapQcow2 *q, const uint64_t *l1, uint32_t l1_size, uint64_t l1_at,
                    uint64_t offset, uint8_t *buf, size_t len, bool use_backing, GError **err)
{
    while (len) {
        uint64_t in = offset & (q->cs - 1);
        size_t n = (size_t)MIN((uint64_t)len, q->cs - in);
        uint64_t e2, l2_off, at = 0;
        if (!lookup(q, l1, l1_size, l1_at, offset >> q->cluster_bits, &e2, &l2_off, &at, err))
            return false;
        uint64_t data = e2 & ENTRY_OFFSET_MASK;
        if (e2 & OFLAG_COMPRESSED) {
            qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED,
                   "offset %#" PRIx64 ": guest offset %#" PRIx64 " is a compressed cluster, which this "
                   "reader does not decompress (qemu-img convert -O qcow2 makes an uncompressed copy)",
                   at, offset);
            return false;
        }
        if (e2 & OFLAG_ZERO)
            memset(buf, 0, n);
        else if (data) {
            if (!pread_fill(q, q->fd, data + in, buf, n, err))
                return false;
        } else if (use_backing) {
            if (!backing_read(q, offset, buf, n, err))
                return false;
        } else
            memset(buf, 0, n);
        offset += n;
        buf += n;
        len -= n;
    }
    return true;
}

static bool check_range(SnapQcow2 *q, uint64_t offset, size_t len, GError **err)
{
    if (offset > q->size || len > q->size - offset) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_INVALID,
               "%zu bytes at %#" PRIx64 " are not inside the virtual disk (%" PRIu64 " bytes)",
               len, offset, q->size);
        return false;
    }
    return true;
}

bool snap_qcow2_read(SnapQcow2 *q, uint64_t offset, void *buf, size_t len, GError **err)
{
    return check_range(q, offset, len, err)
        && qcow2_read_through(q, q->l1, q->l1_size, q->l1_offset, offset, buf, len, true, err);
}

bool qcow2_l1_write(SnapQcow2 *q, uint32_t i, uint32_t n, GError **err)
{
    uint8_t *b = g_malloc((size_t)n * 8 + 1);
    for (uint32_t k = 0; k < n; k++)
        put_be64(b + k * 8, q->l1[i + k]);
    bool ok = qcow2_write(q, q->l1_offset + (uint64_t)i * 8, b, (size_t)n * 8, err);
    g_free(b);
    return ok;
}

/* Make the L2 table of L1 entry i1 ours alone (allocating or copying it);
 * *l2_off is it. */
static bool own_l2(SnapQcow2 *q, uint64_t i1, uint64_t *l2_off, GError **err)
{
    uint64_t e1 = q->l1[i1], old = e1 & ENTRY_OFFSET_MASK;
    uint64_t at = q->l1_offset + i1 * 8;
    *l2_off = old;
    if (old && (e1 & OFLAG_COPIED))
        return true;
    if (old) {
        uint64_t rc;
        if (!qcow2_check_l1_entry(q, e1, at, err) || !qcow2_refcount_get(q, old, &rc, err))
            return false;
        if (rc == 0) {
            qcow2_damaged(q, err, at, "L2 table at %#" PRIx64 " is in use but its refcount is 0", old);
            return false;
        }
        if (rc > 1) {
            /* Shared with a snapshot: copy it. The clusters it maps keep
             * their refcounts (one per L1 table reaching them) and, being
             * reached from two L1 tables, are not ours alone. */
            uint8_t *t = qcow2_cache_get(q, &q->l2_cache, old, "L2 table", at, err);
            if (!t)
                return false;
            uint8_t *copy = g_memdup2(t, q->cs);
            for (uint64_t k = 0; k < q->l2_entries; k++) {
                uint64_t e2 = get_be64(copy + k * 8);
                if (!(e2 & OFLAG_COMPRESSED))
                    put_be64(copy + k * 8, e2 & ~OFLAG_COPIED);
            }
            bool ok = qcow2_alloc_write(q, copy, l2_off, err);
            g_free(copy);
            if (!ok)
                return false;
        }
    } else if (!qcow2_alloc_write(q, NULL, l2_off, err))
        return false;
    q->l1[i1] = *l2_off | OFLAG_COPIED;
    if (!qcow2_l1_write(q, (uint32_t)i1, 1, err))
        return false;
    return !old || *l2_off == old || qcow2_refcount_add(q, old, q->cs, -1, err);
}

/* Write n bytes (inside one cluster) at guest `offset`. */
static bool write_piece(SnapQcow2 *q, uint64_t offset, const uint8_t *src, size_t n, GError **err)
{
    uint64_t gc = offset >> q->cluster_bits, in = offset & (q->cs - 1);
    uint64_t i1 = gc / q->l2_entries, i2 = gc % q->l2_entries, l2_off;
    if (!own_l2(q, i1, &l2_off, err))
        return false;
    uint8_t *t = qcow2_cache_get(q, &q->l2_cache, l2_off, "L2 table", q->l1_offset + i1 * 8, err);
    if (!t)
        return false;
    uint64_t at = l2_off + i2 * 8, e2 = get_be64(t + i2 * 8);
    if (!qcow2_check_l2_entry(q, e2, at, err))
        return false;
    if (e2 & OFLAG_COMPRESSED) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED,
               "offset %#" PRIx64 ": guest offset %#" PRIx64 " is a compressed cluster, which this "
               "writer cannot overwrite", at, offset);
        return false;
    }
    uint64_t data = e2 & ENTRY_OFFSET_MASK;
    if (data && (e2 & OFLAG_COPIED) && !(e2 & OFLAG_ZERO))
        return qcow2_write(q, data + in, src, n, err);

    /* A new cluster: what the guest saw there, with the write on top. */
    uint8_t *c = g_malloc(q->cs);
    bool ok = true;
    if (n < q->cs) {
        if (e2 & OFLAG_ZERO)
            memset(c, 0, q->cs);
        else if (data)
            ok = pread_fill(q, q->fd, data, c, q->cs, err);
        else
            ok = backing_read(q, offset - in, c, q->cs, err);
    }
    memcpy(c + in, src, n);
    uint64_t fresh = data;
    if (ok && data && (e2 & OFLAG_COPIED))
        ok = qcow2_write(q, data, c, q->cs, err);          /* a preallocated zero cluster */
    else if (ok)
        ok = qcow2_alloc_write(q, c, &fresh, err);
    g_free(c);
    if (!ok || !qcow2_table_set(q, &q->l2_cache, l2_off, i2, fresh | OFLAG_COPIED, err))
        return false;
    return fresh == data || !data || qcow2_refcount_add(q, data, q->cs, -1, err);
}

bool snap_qcow2_write(SnapQcow2 *q, uint64_t offset, const void *buf, size_t len, GError **err)
{
    if (!check_range(q, offset, len, err))
        return false;
    if (!q->writable) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_READ_ONLY, "the image is open read-only");
        return false;
    }
    const uint8_t *p = buf;
    while (len) {
        size_t n = (size_t)MIN((uint64_t)len, q->cs - (offset & (q->cs - 1)));
        if (!write_piece(q, offset, p, n, err))
            return false;
        offset += n;
        p += n;
        len -= n;
    }
    return true;
}

/* ---- The active L1 table ---- */

bool qcow2_l1_replace(SnapQcow2 *q, uint64_t *l1, uint32_t n, uint64_t size, GError **err)
{
    uint64_t bytes = (uint64_t)n * 8, clusters = (bytes + q->cs - 1) / q->cs, off = 0;
    uint8_t *b = g_malloc0(clusters * q->cs + 1);
    for (uint32_t k = 0; k < n; k++)
        put_be64(b + k * 8, l1[k]);
    bool ok = !clusters || (qcow2_alloc(q, clusters, &off, err) && qcow2_write(q, off, b, clusters * q->cs, err));
    g_free(b);
    if (!ok) {
        g_free(l1);
        return false;
    }
    uint8_t h[12];
    put_be64(h, size);
    if (size != q->size && !qcow2_write(q, HDR_SIZE, h, 8, err)) {
        g_free(l1);
        return false;
    }
    q->size = size;
    put_be32(h, n);
    put_be64(h + 4, off);
    if (!qcow2_write(q, HDR_L1_SIZE, h, 12, err)) {
        g_free(l1);
        return false;
    }
    uint64_t old = q->l1_offset, old_clusters = ((uint64_t)q->l1_size * 8 + q->cs - 1) / q->cs;
    g_free(q->l1);
    q->l1 = l1;
    q->l1_size = n;
    q->l1_offset = off;
    return !old || !old_clusters || qcow2_refcount_add(q, old, old_clusters * q->cs, -1, err);
}

/* ---- Open ---- */

static const char *feature_name(const SnapQcow2 *q, unsigned type, unsigned bit)
{
    for (uint32_t k = 0; k + 48 <= q->feature_names_len; k += 48) {
        const uint8_t *e = q->feature_names + k;
        if (e[0] == type && e[1] == bit)
            return (const char *)e + 2;   /* the caller prints at most 46 bytes */
    }
    return NULL;
}

/* Header extensions: in cluster 0 from header_length to the backing file
 * name (or the cluster's end). */
static bool read_extensions(SnapQcow2 *q, const uint8_t *c0, uint64_t end, GError **err)
{
    uint64_t off = q->header_length;
    while (off + 8 <= end) {
        uint32_t type = get_be32(c0 + off), len = get_be32(c0 + off + 4);
        if (type == EXT_END)
            return true;
        if (len > end - off - 8) {
            qcow2_damaged(q, err, off + 4, "header extension %#x of %u bytes runs past the end of the header "
                      "area (%" PRIu64 " bytes)", type, len, end);
            return false;
        }
        const uint8_t *d = c0 + off + 8;
        if (type == EXT_BACKING_FORMAT) {
            if (len > MAX_BACKING_NAME || memchr(d, 0, len)) {
                qcow2_damaged(q, err, off + 8, "the backing file format name is not a string of at most 1023 bytes");
                return false;
            }
            g_free(q->backing_format);
            q->backing_format = g_strndup((const char *)d, len);
        } else if (type == EXT_FEATURE_NAMES) {
            g_free(q->feature_names);
            q->feature_names = g_memdup2(d, len);
            q->feature_names_len = len;
        }
        off += 8 + (((uint64_t)len + 7) & ~7ull);
    }
    return true;
}

static bool check_features(SnapQcow2 *q, GError **err)
{
    uint64_t unknown = q->incompat & ~INCOMPAT_KNOWN;
    uint64_t unsupported = q->incompat & (INCOMPAT_DATA_FILE | INCOMPAT_EXTL2);
    if (unknown || unsupported) {
        unsigned bit = (unsigned)__builtin_ctzll(unknown ? unknown : unsupported);
        const char *name = feature_name(q, 0, bit);
        if (!name)
            name = bit == 2 ? "external data file" : bit == 4 ? "extended L2 entries" : "unknown";
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED,
               "offset %#x: the image uses incompatible feature bit %u (%.46s), which this program "
               "does not implement; it cannot open the image", HDR_INCOMPAT, bit, name);
        return false;
    }
    if (q->writable && (q->incompat & (INCOMPAT_DIRTY | INCOMPAT_CORRUPT))) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED,
               "offset %#x: the image is marked %s; run qemu-img check -r all on it before writing to it "
               "(it can be opened read-only)", HDR_INCOMPAT,
               q->incompat & INCOMPAT_CORRUPT ? "corrupt" : "dirty (its refcounts may be wrong)");
        return false;
    }
    return true;
}

/* The fixed header fields. c0 holds min(cluster size, file size) bytes
 * once cluster_bits is known; at least the header's length here. */
static bool read_header(SnapQcow2 *q, const uint8_t *h, GError **err)
{
    uint32_t magic = get_be32(h);
    if (magic != QCOW2_MAGIC) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_NOT_QCOW2,
               "offset 0: magic %#010x is not QFI\\xfb (%#010x): not a qcow2 image", magic, QCOW2_MAGIC);
        return false;
    }
    q->version = get_be32(h + HDR_VERSION);
    if (q->version != 2 && q->version != 3) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_NOT_QCOW2,
               "offset %#x: qcow2 version %u; this program reads versions 2 and 3", HDR_VERSION, q->version);
        return false;
    }
    q->cluster_bits = get_be32(h + HDR_CLUSTER_BITS);
    if (q->cluster_bits < 9 || q->cluster_bits > 21) {
        qcow2_damaged(q, err, HDR_CLUSTER_BITS, "cluster_bits %u is outside 9..21", q->cluster_bits);
        return false;
    }
    q->cs = 1ull << q->cluster_bits;
    q->l2_entries = q->cs / 8;
    if (q->version == 2) {
        q->header_length = HDR_V2_LENGTH;
        q->refcount_order = 4;
    } else {
        q->incompat = get_be64(h + HDR_INCOMPAT);
        q->compat = get_be64(h + HDR_COMPAT);
        q->autoclear = get_be64(h + HDR_AUTOCLEAR);
        q->refcount_order = get_be32(h + HDR_REFCOUNT_ORDER);
        q->header_length = get_be32(h + HDR_LENGTH);
        if (q->header_length < HDR_V3_LENGTH || q->header_length % 8 || q->header_length > q->cs) {
            qcow2_damaged(q, err, HDR_LENGTH, "header_length %u is not a multiple of 8 from 104 to the cluster size",
                      q->header_length);
            return false;
        }
        if (q->refcount_order > 6) {
            qcow2_damaged(q, err, HDR_REFCOUNT_ORDER, "refcount_order %u is above 6", q->refcount_order);
            return false;
        }
    }
    uint32_t crypt = get_be32(h + HDR_CRYPT);
    if (crypt) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED,
               "offset %#x: the image is encrypted (method %u), which this program does not implement",
               HDR_CRYPT, crypt);
        return false;
    }
    q->size = get_be64(h + HDR_SIZE);
    if (q->size > (1ull << 62) || qcow2_vm_index(q, q->size) * 8 > MAX_L1_BYTES) {
        qcow2_damaged(q, err, HDR_SIZE, "virtual size %" PRIu64 " needs an L1 table above 32 MiB", q->size);
        return false;
    }
    q->l1_size = get_be32(h + HDR_L1_SIZE);
    q->l1_offset = get_be64(h + HDR_L1_OFFSET);
    q->rt_offset = get_be64(h + HDR_RT_OFFSET);
    q->rt_clusters = get_be32(h + HDR_RT_CLUSTERS);
    q->nb_snapshots = get_be32(h + HDR_NB_SNAPSHOTS);
    q->snapshots_offset = get_be64(h + HDR_SNAPSHOTS_OFFSET);
    return true;
}

static bool read_l1(SnapQcow2 *q, GError **err)
{
    if (q->l1_size < qcow2_vm_index(q, q->size)) {
        qcow2_damaged(q, err, HDR_L1_SIZE, "the L1 table has %u entries, too few for the virtual size "
                  "%" PRIu64 " (%" PRIu64 " needed)", q->l1_size, q->size, qcow2_vm_index(q, q->size));
        return false;
    }
    if ((uint64_t)q->l1_size * 8 > MAX_L1_BYTES) {
        qcow2_damaged(q, err, HDR_L1_SIZE, "the L1 table size %u entries is above 32 MiB", q->l1_size);
        return false;
    }
    if (q->l1_offset & (q->cs - 1)) {
        qcow2_damaged(q, err, HDR_L1_OFFSET, "the L1 table offset %#" PRIx64 " is not aligned to the cluster size",
                  q->l1_offset);
        return false;
    }
    if (q->l1_size && (q->l1_offset >= q->file_size || (uint64_t)q->l1_size * 8 > q->file_size - q->l1_offset)) {
        qcow2_damaged(q, err, HDR_L1_OFFSET, "the L1 table (%u entries at %#" PRIx64 ") is past the end of the "
                  "file (%" PRIu64 " bytes)", q->l1_size, q->l1_offset, q->file_size);
        return false;
    }
    uint8_t *b = g_malloc((size_t)q->l1_size * 8 + 1);
    q->l1 = g_new0(uint64_t, (size_t)q->l1_size + 1);
    bool ok = qcow2_read(q, q->l1_offset, b, (size_t)q->l1_size * 8, "L1 table", err);
    for (uint32_t k = 0; ok && k < q->l1_size; k++) {
        q->l1[k] = get_be64(b + k * 8);
        ok = qcow2_check_l1_entry(q, q->l1[k], q->l1_offset + (uint64_t)k * 8, err);
    }
    g_free(b);
    return ok;
}

static bool open_backing(SnapQcow2 *q, int depth, GError **err);
static SnapQcow2 *open_image(const char *path, SnapQcow2OpenFlags flags, int depth, GError **err);

static SnapQcow2 *open_image(const char *path, SnapQcow2OpenFlags flags, int depth, GError **err)
{
    SnapQcow2 *q = g_new0(SnapQcow2, 1);
    q->path = g_strdup(path);
    q->writable = !(flags & SNAP_QCOW2_READ_ONLY);
    q->backing_fd = -1;
    qcow2_cache_init(&q->l2_cache, 8);
    qcow2_cache_init(&q->rb_cache, 4);
    q->fd = open(path, (q->writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);
    struct stat st;
    if (q->fd < 0 || fstat(q->fd, &st) != 0) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_IO, "cannot open the image: %s", g_strerror(errno));
        goto fail;
    }
    q->file_size = (uint64_t)st.st_size;

    uint8_t h[HDR_V3_LENGTH] = { 0 };
    if (q->file_size < 8) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_NOT_QCOW2, "the file is %" PRIu64 " bytes, too short for a qcow2 "
               "header: not a qcow2 image (or truncated)", q->file_size);
        goto fail;
    }
    if (!qcow2_read(q, 0, h, 8, "header", err))
        goto fail;
    uint32_t need = get_be32(h + HDR_VERSION) == 2 ? HDR_V2_LENGTH : HDR_V3_LENGTH;
    if (get_be32(h) == QCOW2_MAGIC && q->file_size < need) {
        qcow2_damaged(q, err, 0, "the file is %" PRIu64 " bytes, shorter than the qcow2 header (%u bytes): "
                  "it was truncated", q->file_size, need);
        goto fail;
    }
    if (!qcow2_read(q, 0, h, MIN(q->file_size, sizeof h), "header", err) || !read_header(q, h, err))
        goto fail;

    /* Cluster 0: extensions and the backing file name. */
    uint64_t c0_len = MIN(q->cs, q->file_size);
    uint8_t *c0 = g_malloc0(q->cs);
    bool ok = qcow2_read(q, 0, c0, c0_len, "header cluster", err);
    uint64_t bf_off = get_be64(c0 + HDR_BACKING_OFFSET);
    uint32_t bf_len = get_be32(c0 + HDR_BACKING_SIZE);
    if (ok && bf_off) {
        if (bf_len > MAX_BACKING_NAME || bf_off < q->header_length || bf_off > c0_len || bf_len > c0_len - bf_off) {
            qcow2_damaged(q, err, HDR_BACKING_OFFSET, "the backing file name (%u bytes at %#" PRIx64 ") is not "
                      "inside the header cluster, or longer than 1023 bytes", bf_len, bf_off);
            ok = false;
        } else
            q->backing_file = g_strndup((const char *)c0 + bf_off, bf_len);
    }
    ok = ok && read_extensions(q, c0, bf_off ? bf_off : c0_len, err);
    g_free(c0);
    if (!ok || !check_features(q, err))
        goto fail;

    q->rb_entries = q->cs * 8 >> q->refcount_order;
    q->refcount_max = q->refcount_order == 6 ? UINT64_MAX : (1ull << (1u << q->refcount_order)) - 1;
    if (!read_l1(q, err) || !qcow2_refcount_open(q, err) || !qcow2_snapshots_open(q, err))
        goto fail;
    if (q->writable && q->autoclear) {
        /* We keep no bitmaps nor a raw external data file consistent. */
        uint8_t z[8] = { 0 };
        if (!qcow2_write(q, HDR_AUTOCLEAR, z, 8, err))
            goto fail;
        q->autoclear = 0;
    }
    if (q->backing_file && !open_backing(q, depth, err))
        goto fail;
    return q;
fail:
    snap_qcow2_free(q);
    return NULL;
}

/* The backing file's path: relative names are relative to the image. */
static char *backing_path(const char *image, const char *name)
{
    if (g_path_is_absolute(name))
        return g_strdup(name);
    char *dir = g_path_get_dirname(image);
    char *p = g_build_filename(dir, name, NULL);
    g_free(dir);
    return p;
}

static bool open_backing(SnapQcow2 *q, int depth, GError **err)
{
    if (depth >= MAX_BACKING_DEPTH) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED, "the backing chain is more than %d images deep "
               "(a loop?)", MAX_BACKING_DEPTH);
        return false;
    }
    char *p = backing_path(q->path, q->backing_file);
    const char *fmt = q->backing_format;
    bool ok = true;
    if (!fmt) {
        /* No format stored: qcow2 if it says so, else raw. */
        uint8_t m[4] = { 0 };
        int fd = open(p, O_RDONLY | O_CLOEXEC);
        fmt = fd >= 0 && read(fd, m, 4) == 4 && get_be32(m) == QCOW2_MAGIC ? "qcow2" : "raw";
        if (fd >= 0)
            close(fd);
    }
    if (!strcmp(fmt, "qcow2")) {
        GError *e = NULL;
        q->backing = open_image(p, SNAP_QCOW2_READ_ONLY, depth + 1, &e);
        if (!q->backing) {
            g_set_error(err, SNAP_QCOW2_ERROR, e->code, "%s: backing file: %s", q->path, e->message);
            g_error_free(e);
            ok = false;
        }
    } else if (!strcmp(fmt, "raw")) {
        struct stat st;
        q->backing_fd = open(p, O_RDONLY | O_CLOEXEC);
        if (q->backing_fd < 0 || fstat(q->backing_fd, &st) != 0) {
            qcow2_fail(q, err, SNAP_QCOW2_ERROR_IO, "cannot open the backing file %s: %s", p, g_strerror(errno));
            ok = false;
        } else
            q->backing_size = (uint64_t)st.st_size;
    } else {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED, "backing file %s has format \"%s\"; this program "
               "reads qcow2 and raw", p, fmt);
        ok = false;
    }
    g_free(p);
    return ok;
}

SnapQcow2 *snap_qcow2_open(const char *path, SnapQcow2OpenFlags flags, GError **err)
{
    return open_image(path, flags, 0, err);
}

/* ---- Create ---- */

static const struct { uint8_t type, bit; const char *name; } FEATURES[] = {
    { 0, 0, "dirty bit" }, { 0, 1, "corrupt bit" }, { 0, 2, "external data file" },
    { 0, 3, "compression type" }, { 0, 4, "extended L2 entries" }, { 1, 0, "lazy refcounts" },
    { 2, 0, "bitmaps" }, { 2, 1, "raw external data" },
};

/* Cluster 0 of a new image: the header (an empty disk: size 0, no L1
 * table yet), extensions, the backing file name. False if they do not fit
 * in one cluster. */
static bool build_header(uint8_t *c0, uint64_t cs, const SnapQcow2CreateOptions *o)
{
    size_t fmt_len = o->backing_file ? strlen(o->backing_format) : 0;
    size_t bf_len = o->backing_file ? strlen(o->backing_file) : 0;
    size_t nf = G_N_ELEMENTS(FEATURES), fmt_ext = fmt_len ? 8 + ((fmt_len + 7) & ~7u) : 0;
    size_t base = HDR_V3_LENGTH + fmt_ext + 8 + bf_len;
    if (base > cs)
        return false;
    bool with_names = base + 8 + nf * 48 <= cs;    /* optional: only where it fits */

    put_be32(c0, QCOW2_MAGIC);
    put_be32(c0 + HDR_VERSION, 3);
    put_be32(c0 + HDR_CLUSTER_BITS, (uint32_t)__builtin_ctzll(cs));
    put_be64(c0 + HDR_RT_OFFSET, cs);
    put_be32(c0 + HDR_RT_CLUSTERS, 1);
    put_be32(c0 + HDR_REFCOUNT_ORDER, 4);
    put_be32(c0 + HDR_LENGTH, HDR_V3_LENGTH);
    size_t off = HDR_V3_LENGTH;
    if (fmt_len) {
        put_be32(c0 + off, EXT_BACKING_FORMAT);
        put_be32(c0 + off + 4, (uint32_t)fmt_len);
        memcpy(c0 + off + 8, o->backing_format, fmt_len);
        off += fmt_ext;
    }
    if (with_names) {
        put_be32(c0 + off, EXT_FEATURE_NAMES);
        put_be32(c0 + off + 4, (uint32_t)(nf * 48));
        for (size_t k = 0; k < nf; k++) {
            uint8_t *e = c0 + off + 8 + k * 48;
            e[0] = FEATURES[k].type;
            e[1] = FEATURES[k].bit;
            memcpy(e + 2, FEATURES[k].name, strlen(FEATURES[k].name));
        }
        off += 8 + nf * 48;
    }
    off += 8;                                       /* the end marker, zero */
    if (bf_len) {
        memcpy(c0 + off, o->backing_file, bf_len);
        put_be64(c0 + HDR_BACKING_OFFSET, off);
        put_be32(c0 + HDR_BACKING_SIZE, (uint32_t)bf_len);
    }
    return true;
}

static bool check_create_options(const char *path, const SnapQcow2CreateOptions *o, uint64_t cs,
                                 GError **err)
{
    const char *why = NULL;
    if (cs < 512 || cs > (2u << 20) || (cs & (cs - 1)))
        why = "the cluster size must be a power of two from 512 bytes to 2 MiB";
    else if (o->size > (1ull << 62) || (o->size / (cs * cs / 8) + 1) * 8 > MAX_L1_BYTES)
        why = "the virtual size is too large for this cluster size (the L1 table would pass 32 MiB)";
    else if (o->backing_file && (!*o->backing_file || strlen(o->backing_file) > MAX_BACKING_NAME))
        why = "the backing file name must be 1 to 1023 bytes";
    else if (o->backing_file && (!o->backing_format ||
                                 (strcmp(o->backing_format, "qcow2") && strcmp(o->backing_format, "raw"))))
        why = "a backing file needs a backing format, \"qcow2\" or \"raw\"";
    if (why)
        g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_INVALID, "%s: %s", path, why);
    return !why;
}

SnapQcow2 *snap_qcow2_create(const char *path, const SnapQcow2CreateOptions *o, GError **err)
{
    uint64_t cs = o->cluster_size ? o->cluster_size : SNAP_QCOW2_DEFAULT_CLUSTER_SIZE;
    if (!check_create_options(path, o, cs, err))
        return NULL;
    if (o->backing_file) {
        /* It must open as what we record it to be. */
        char *p = backing_path(path, o->backing_file);
        bool ok;
        if (!strcmp(o->backing_format, "qcow2")) {
            SnapQcow2 *b = snap_qcow2_open(p, SNAP_QCOW2_READ_ONLY, err);
            ok = b != NULL;
            snap_qcow2_free(b);
        } else if (!(ok = g_file_test(p, G_FILE_TEST_IS_REGULAR)))
            g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_IO, "%s: backing file %s is not a readable "
                        "file", path, p);
        g_free(p);
        if (!ok)
            return NULL;
    }
    uint8_t *b = g_malloc0(3 * cs);
    if (!build_header(b, cs, o)) {
        g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_INVALID, "%s: the backing file name and format "
                    "do not fit in one %" PRIu64 "-byte cluster; use a larger cluster size", path, cs);
        g_free(b);
        return NULL;
    }
    put_be64(b + cs, 2 * cs);                       /* refcount table -> block 0 */
    for (int k = 0; k < 3; k++)                     /* header, table, block */
        put_be16(b + 2 * cs + 2 * k, 1);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_IO, "%s: cannot create the image: %s", path,
                    g_strerror(errno));
        g_free(b);
        return NULL;
    }
    bool ok = write(fd, b, 3 * cs) == (ssize_t)(3 * cs);
    int e = errno;
    ok = (close(fd) == 0) && ok;
    g_free(b);
    if (!ok) {
        g_set_error(err, SNAP_QCOW2_ERROR, SNAP_QCOW2_ERROR_IO, "%s: cannot write the image: %s", path,
                    g_strerror(e));
        unlink(path);
        return NULL;
    }
    SnapQcow2 *q = snap_qcow2_open(path, SNAP_QCOW2_READ_WRITE, err);
    if (q) {
        uint64_t n = qcow2_vm_index(q, o->size);
        if (!qcow2_l1_replace(q, g_new0(uint64_t, n + 1), (uint32_t)n, o->size, err)) {
            snap_qcow2_free(q);
            q = NULL;
        }
    }
    if (!q)
        unlink(path);
    return q;
}

/* ---- Close and accessors ---- */

bool snap_qcow2_flush(SnapQcow2 *q, GError **err)
{
    if (q->writable && fdatasync(q->fd) != 0) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_IO, "cannot flush the image: %s", g_strerror(errno));
        return false;
    }
    return true;
}

void snap_qcow2_free(SnapQcow2 *q)
{
    if (!q)
        return;
    if (q->fd >= 0)
        close(q->fd);
    if (q->backing_fd >= 0)
        close(q->backing_fd);
    snap_qcow2_free(q->backing);
    qcow2_cache_deinit(&q->l2_cache);
    qcow2_cache_deinit(&q->rb_cache);
    qcow2_snapshots_free(q->snaps, q->nb_snapshots);
    g_free(q->l1);
    g_free(q->rt);
    g_free(q->backing_file);
    g_free(q->backing_format);
    g_free(q->feature_names);
    g_free(q->path);
    g_free(q);
}

bool snap_qcow2_close(SnapQcow2 *q, GError **err)
{
    if (!q)
        return true;
    bool ok = snap_qcow2_flush(q, err);
    if (close(q->fd) != 0 && ok) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_IO, "cannot close the image: %s", g_strerror(errno));
        ok = false;
    }
    q->fd = -1;
    snap_qcow2_free(q);
    return ok;
}

uint64_t snap_qcow2_size(const SnapQcow2 *q) { return q->size; }
uint32_t snap_qcow2_cluster_size(const SnapQcow2 *q) { return (uint32_t)q->cs; }
const char *snap_qcow2_path(const SnapQcow2 *q) { return q->path; }
const char *snap_qcow2_backing_file(const SnapQcow2 *q) { return q->backing_file; }
const char *snap_qcow2_backing_format(const SnapQcow2 *q) { return q->backing_format; }
