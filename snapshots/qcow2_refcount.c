/* snapshots/qcow2_refcount.c — refcounts, cluster allocation, refcount
 * table growth, the table cache, and refcount walks over an L1 table. See
 * qcow2_int.h.
 *
 * Refcounts are two-level (qcow2.rst, "Host cluster management"): the
 * refcount table, contiguous, points at refcount blocks of one cluster,
 * each holding rb_entries = cs * 8 / refcount_bits counts. A cluster with
 * no block (entry 0, or past the table) has refcount 0.
 *
 * New clusters come from the lowest run of free clusters at or above
 * free_hint. When a run lies where no refcount block is yet, cover()
 * first places the missing blocks (and, if the table is too short, a new
 * table twice the needed size) past everything in use, refcounting them
 * in themselves, so allocation never recurses.
 */
#include "snapshots/qcow2_int.h"

#include <inttypes.h>
#include <string.h>

/* ---- The cache ---- */

void qcow2_cache_init(Qcow2Cache *c, unsigned slots)
{
    memset(c, 0, sizeof *c);
    c->n = MIN(slots, G_N_ELEMENTS(c->off));
}

void qcow2_cache_deinit(Qcow2Cache *c)
{
    for (unsigned i = 0; i < c->n; i++)
        g_free(c->data[i]);
    memset(c, 0, sizeof *c);
}

static int cache_slot(const Qcow2Cache *c, uint64_t off)
{
    for (unsigned i = 0; i < c->n; i++)
        if (c->off[i] == off)
            return (int)i;
    return -1;
}

static unsigned cache_victim(const Qcow2Cache *c)
{
    unsigned v = 0;
    for (unsigned i = 0; i < c->n; i++) {
        if (!c->off[i])
            return i;
        if (c->used[i] < c->used[v])
            v = i;
    }
    return v;
}

uint8_t *qcow2_cache_get(SnapQcow2 *q, Qcow2Cache *c, uint64_t off, const char *what, uint64_t ref_at,
                     GError **err)
{
    if (off & (q->cs - 1)) {
        qcow2_damaged(q, err, ref_at, "%s offset %#" PRIx64 " is not aligned to the cluster size (%" PRIu64 ")",
                  what, off, q->cs);
        return NULL;
    }
    if (off == 0 || off >= q->file_size || q->cs > q->file_size - off) {
        qcow2_damaged(q, err, ref_at, "%s offset %#" PRIx64 " is %s", what, off,
                  off ? "past the end of the file" : "the header");
        return NULL;
    }
    int s = cache_slot(c, off);
    if (s < 0) {
        s = (int)cache_victim(c);
        if (!c->data[s])
            c->data[s] = g_malloc(q->cs);
        c->off[s] = 0;
        if (!qcow2_read(q, off, c->data[s], q->cs, what, err))
            return NULL;
        c->off[s] = off;
    }
    c->used[s] = ++c->clock;
    return c->data[s];
}

bool qcow2_table_set(SnapQcow2 *q, Qcow2Cache *c, uint64_t off, uint64_t idx, uint64_t v, GError **err)
{
    uint8_t b[8];
    put_be64(b, v);
    int s = cache_slot(c, off);
    if (s >= 0)
        memcpy(c->data[s] + idx * 8, b, 8);
    return qcow2_write(q, off + idx * 8, b, 8, err);
}

bool qcow2_table_write(SnapQcow2 *q, Qcow2Cache *c, uint64_t off, const uint8_t *data, GError **err)
{
    int s = cache_slot(c, off);
    if (s >= 0)
        c->off[s] = 0;
    if (!qcow2_write(q, off, data, q->cs, err))
        return false;
    s = (int)cache_victim(c);
    if (!c->data[s])
        c->data[s] = g_malloc(q->cs);
    memcpy(c->data[s], data, q->cs);
    c->off[s] = off;
    c->used[s] = ++c->clock;
    return true;
}

static void cache_forget(SnapQcow2 *q, uint64_t off)
{
    int s;
    if ((s = cache_slot(&q->l2_cache, off)) >= 0)
        q->l2_cache.off[s] = 0;
    if ((s = cache_slot(&q->rb_cache, off)) >= 0)
        q->rb_cache.off[s] = 0;
}

/* ---- Refcount blocks ---- */

/* Entry i of a block, for every width: sub-byte widths pack from bit 0 of
 * each byte, wider ones are big-endian. */
static uint64_t rb_get(const SnapQcow2 *q, const uint8_t *b, uint64_t i)
{
    switch (q->refcount_order) {
    case 3: return b[i];
    case 4: return get_be16(b + i * 2);
    case 5: return get_be32(b + i * 4);
    case 6: return get_be64(b + i * 8);
    }
    unsigned bits = 1u << q->refcount_order;
    return (uint64_t)(b[i * bits / 8] >> (i * bits % 8)) & q->refcount_max;
}

/* Set entry i; *at and *len: the bytes of b that changed. */
static void rb_put(const SnapQcow2 *q, uint8_t *b, uint64_t i, uint64_t v, uint64_t *at, size_t *len)
{
    switch (q->refcount_order) {
    case 3: b[i] = (uint8_t)v; *at = i; *len = 1; return;
    case 4: put_be16(b + i * 2, (uint16_t)v); *at = i * 2; *len = 2; return;
    case 5: put_be32(b + i * 4, (uint32_t)v); *at = i * 4; *len = 4; return;
    case 6: put_be64(b + i * 8, v); *at = i * 8; *len = 8; return;
    }
    unsigned bits = 1u << q->refcount_order, shift = (unsigned)(i * bits % 8);
    uint8_t *p = b + i * bits / 8;
    *p = (uint8_t)((*p & ~(q->refcount_max << shift)) | v << shift);
    *at = i * bits / 8;
    *len = 1;
}

bool qcow2_refcount_open(SnapQcow2 *q, GError **err)
{
    if (!q->rt_offset || (q->rt_offset & (q->cs - 1))) {
        qcow2_damaged(q, err, HDR_RT_OFFSET, "the refcount table offset %#" PRIx64 " is %s", q->rt_offset,
                  q->rt_offset ? "not aligned to the cluster size" : "0");
        return false;
    }
    if (!q->rt_clusters || (uint64_t)q->rt_clusters * q->cs > MAX_RT_BYTES) {
        qcow2_damaged(q, err, HDR_RT_CLUSTERS, "the refcount table size of %u clusters is not from 1 cluster "
                  "to 8 MiB", q->rt_clusters);
        return false;
    }
    uint64_t bytes = (uint64_t)q->rt_clusters * q->cs;
    if (q->rt_offset >= q->file_size || bytes > q->file_size - q->rt_offset) {
        qcow2_damaged(q, err, HDR_RT_OFFSET, "the refcount table (%u clusters at %#" PRIx64 ") is past the end of "
                  "the file (%" PRIu64 " bytes)", q->rt_clusters, q->rt_offset, q->file_size);
        return false;
    }
    uint8_t *b = g_malloc(bytes);
    q->rt_entries = bytes / 8;
    q->rt = g_new0(uint64_t, q->rt_entries);
    bool ok = qcow2_read(q, q->rt_offset, b, bytes, "refcount table", err);
    for (uint64_t i = 0; ok && i < q->rt_entries; i++) {
        uint64_t e = get_be64(b + i * 8), at = q->rt_offset + i * 8;
        q->rt[i] = e;
        if (e & RTE_RESERVED) {
            qcow2_damaged(q, err, at, "refcount table entry %#" PRIx64 " has reserved bits set", e);
            ok = false;
        } else if (e & (q->cs - 1)) {
            qcow2_damaged(q, err, at, "refcount block offset %#" PRIx64 " is not aligned to the cluster size", e);
            ok = false;
        } else if (e && (e >= q->file_size || q->cs > q->file_size - e)) {
            qcow2_damaged(q, err, at, "refcount block offset %#" PRIx64 " is past the end of the file (%" PRIu64
                      " bytes)", e, q->file_size);
            ok = false;
        }
    }
    g_free(b);
    return ok;
}

static bool missing_block(const SnapQcow2 *q, uint64_t r)
{
    return r >= q->rt_entries || !q->rt[r];
}

bool qcow2_refcount_get(SnapQcow2 *q, uint64_t off, uint64_t *rc, GError **err)
{
    uint64_t ci = off >> q->cluster_bits, r = ci / q->rb_entries;
    *rc = 0;
    if (missing_block(q, r))
        return true;
    uint8_t *b = qcow2_cache_get(q, &q->rb_cache, q->rt[r], "refcount block", q->rt_offset + r * 8, err);
    if (!b)
        return false;
    *rc = rb_get(q, b, ci % q->rb_entries);
    return true;
}

/* Set the refcount of cluster ci, whose block exists. */
static bool set_refcount(SnapQcow2 *q, uint64_t ci, uint64_t v, GError **err)
{
    uint64_t r = ci / q->rb_entries, at;
    size_t len;
    uint8_t *b = qcow2_cache_get(q, &q->rb_cache, q->rt[r], "refcount block", q->rt_offset + r * 8, err);
    if (!b)
        return false;
    rb_put(q, b, ci % q->rb_entries, v, &at, &len);
    return qcow2_write(q, q->rt[r] + at, b + at, len, err);
}

/* The refcount ranges lacking a block among those touched by cluster
 * intervals [lo, hi) and [end, mhi), in increasing order. */
static GArray *missing_ranges(const SnapQcow2 *q, uint64_t lo, uint64_t hi, uint64_t end, uint64_t mhi)
{
    GArray *a = g_array_new(false, false, sizeof(uint64_t));
    uint64_t rbe = q->rb_entries, top1 = (hi - 1) / rbe;
    for (uint64_t r = lo / rbe; r <= top1; r++)
        if (missing_block(q, r))
            g_array_append_val(a, r);
    if (mhi > end)
        for (uint64_t r = MAX(end / rbe, top1 + 1); r <= (mhi - 1) / rbe; r++)
            if (missing_block(q, r))
                g_array_append_val(a, r);
    return a;
}

/* Give every cluster of [lo, hi) a refcount block. New blocks, and a new
 * refcount table if the old one is too short, go at the first cluster
 * past the file and `hi`, and are refcounted in themselves. */
static bool cover(SnapQcow2 *q, uint64_t lo, uint64_t hi, GError **err)
{
    uint64_t rbe = q->rb_entries;
    bool need = false;
    for (uint64_t r = lo / rbe; r <= (hi - 1) / rbe && !need; r++)
        need = missing_block(q, r);
    if (!need)
        return true;

    uint64_t end = MAX((q->file_size + q->cs - 1) >> q->cluster_bits, hi);
    uint64_t nb = 0, tc = 0, entries = q->rt_entries;
    GArray *miss;
    for (;;) {                         /* a fixpoint: blocks and table cover themselves too */
        uint64_t mhi = end + nb + tc;
        miss = missing_ranges(q, lo, hi, end, mhi);
        uint64_t top = MAX((hi - 1) / rbe, mhi > end ? (mhi - 1) / rbe : 0), ntc = 0;
        if (top >= q->rt_entries) {
            ntc = ((top + 1) * 2 * 8 + q->cs - 1) / q->cs;
            entries = ntc * q->cs / 8;
        }
        if (miss->len == nb && ntc == tc)
            break;
        nb = miss->len;
        tc = ntc;
        g_array_free(miss, true);
    }
    if (tc * q->cs > MAX_RT_BYTES) {
        qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED, "the refcount table would pass 8 MiB: the image is "
               "as large as this cluster size allows");
        g_array_free(miss, true);
        return false;
    }

    bool ok = qcow2_write_zeros(q, end * q->cs, nb * q->cs, err);
    uint64_t *rt = tc ? g_new0(uint64_t, entries) : q->rt;
    if (tc)
        memcpy(rt, q->rt, q->rt_entries * 8);
    for (guint k = 0; k < miss->len; k++)
        rt[g_array_index(miss, uint64_t, k)] = (end + k) * q->cs;
    uint64_t old_off = q->rt_offset, old_clusters = q->rt_clusters;
    if (ok && tc) {
        uint8_t *b = g_malloc0(tc * q->cs);
        for (uint64_t i = 0; i < entries; i++)
            put_be64(b + i * 8, rt[i]);
        uint8_t h[12];
        put_be64(h, (end + nb) * q->cs);
        put_be32(h + 8, (uint32_t)tc);
        ok = qcow2_write(q, (end + nb) * q->cs, b, tc * q->cs, err) && qcow2_write(q, HDR_RT_OFFSET, h, 12, err);
        g_free(b);
        if (ok) {
            g_free(q->rt);
            q->rt = rt;
            q->rt_entries = entries;
            q->rt_offset = (end + nb) * q->cs;
            q->rt_clusters = (uint32_t)tc;
        } else
            g_free(rt);
    } else if (ok) {
        for (guint k = 0; ok && k < miss->len; k++) {
            uint64_t r = g_array_index(miss, uint64_t, k);
            uint8_t e[8];
            put_be64(e, rt[r]);
            ok = qcow2_write(q, q->rt_offset + r * 8, e, 8, err);
        }
    }
    if (!ok && !tc)
        for (guint k = 0; k < miss->len; k++)
            rt[g_array_index(miss, uint64_t, k)] = 0;
    g_array_free(miss, true);
    for (uint64_t c = end; ok && c < end + nb + tc; c++)
        ok = set_refcount(q, c, 1, err);
    if (ok && tc)
        ok = qcow2_refcount_add(q, old_off, old_clusters * q->cs, -1, err);
    return ok;
}

bool qcow2_refcount_add(SnapQcow2 *q, uint64_t off, uint64_t len, int delta, GError **err)
{
    if (!len)
        return true;
    uint64_t first = off >> q->cluster_bits, last = (off + len - 1) >> q->cluster_bits;
    for (uint64_t ci = first; ci <= last; ci++) {
        uint64_t rc;
        if (!qcow2_refcount_get(q, ci << q->cluster_bits, &rc, err))
            return false;
        if (delta < 0 && rc == 0) {
            qcow2_damaged(q, err, ci << q->cluster_bits, "the cluster is referenced but its refcount is 0 "
                      "(it would drop below 0)");
            return false;
        }
        if (delta > 0 && rc == q->refcount_max) {
            qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED,
                   "offset %#" PRIx64 ": refcount overflow: the cluster's refcount is already %" PRIu64 ", the "
                   "most %u-bit refcounts hold (qemu-img amend -o refcount_bits=16 widens them)",
                   ci << q->cluster_bits, rc, 1u << q->refcount_order);
            return false;
        }
        if (!cover(q, ci, ci + 1, err) || !set_refcount(q, ci, rc + (uint64_t)(int64_t)delta, err))
            return false;
        if (rc + (uint64_t)(int64_t)delta == 0) {
            cache_forget(q, ci << q->cluster_bits);
            q->free_hint = MIN(q->free_hint, ci);
        }
    }
    return true;
}

/* The lowest run of n free clusters at or above free_hint. */
static bool find_free(SnapQcow2 *q, uint64_t n, uint64_t *start, GError **err)
{
    uint64_t c = q->free_hint, run = 0, first_free = UINT64_MAX, rbe = q->rb_entries;
    for (;;) {
        uint64_t r = c / rbe, range_end = (r + 1) * rbe;
        if (missing_block(q, r)) {
            if (!run)
                *start = c;
            first_free = MIN(first_free, c);
            run += range_end - c;
            c = range_end;
            if (run >= n)
                break;
            continue;
        }
        uint8_t *b = qcow2_cache_get(q, &q->rb_cache, q->rt[r], "refcount block", q->rt_offset + r * 8, err);
        if (!b)
            return false;
        for (; c < range_end && run < n; c++) {
            if (rb_get(q, b, c % rbe)) {
                run = 0;
                continue;
            }
            if (!run)
                *start = c;
            first_free = MIN(first_free, c);
            run++;
        }
        if (run >= n)
            break;
    }
    q->free_hint = first_free;
    return true;
}

bool qcow2_alloc(SnapQcow2 *q, uint64_t n, uint64_t *off, GError **err)
{
    uint64_t s = 0;
    if (!find_free(q, n, &s, err) || !cover(q, s, s + n, err))
        return false;
    for (uint64_t c = s; c < s + n; c++)
        if (!set_refcount(q, c, 1, err))
            return false;
    if (q->free_hint == s)
        q->free_hint = s + n;
    *off = s << q->cluster_bits;
    return true;
}

bool qcow2_alloc_write(SnapQcow2 *q, const void *data, uint64_t *off, GError **err)
{
    if (!qcow2_alloc(q, 1, off, err))
        return false;
    return data ? qcow2_write(q, *off, data, q->cs, err) : qcow2_write_zeros(q, *off, q->cs, err);
}

/* ---- Walks over an L1 table ---- */

/* Refcounts of the clusters an L2 entry maps: byte range [*start, +*len). */
static bool entry_extent(SnapQcow2 *q, uint64_t e2, uint64_t *start, uint64_t *len)
{
    if (e2 & OFLAG_COMPRESSED) {
        qcow2_compressed_extent(q, e2, start, len);
        return true;
    }
    *start = e2 & ENTRY_OFFSET_MASK;
    *len = q->cs;
    return *start != 0;
}

/* Can every cluster reached through l1 take `delta`? */
static bool precheck(SnapQcow2 *q, const uint64_t *l1, uint32_t n, uint64_t l1_at, int delta, GError **err)
{
    uint8_t *copy = g_malloc(q->cs);
    bool ok = true;
    for (uint32_t i = 0; ok && i < n; i++) {
        uint64_t l2 = l1[i] & ENTRY_OFFSET_MASK, rc;
        if (!l2)
            continue;
        uint8_t *t;
        ok = qcow2_check_l1_entry(q, l1[i], l1_at + (uint64_t)i * 8, err) &&
             (t = qcow2_cache_get(q, &q->l2_cache, l2, "L2 table", l1_at + (uint64_t)i * 8, err)) != NULL;
        if (!ok)
            break;
        memcpy(copy, t, q->cs);
        for (uint64_t k = 0; ok && k <= q->l2_entries; k++) {
            uint64_t start, len, at = k < q->l2_entries ? l2 + k * 8 : l1_at + (uint64_t)i * 8;
            if (k < q->l2_entries) {
                uint64_t e2 = get_be64(copy + k * 8);
                if (!(ok = qcow2_check_l2_entry(q, e2, at, err)) || !entry_extent(q, e2, &start, &len))
                    continue;
            } else {
                start = l2;                    /* the table itself */
                len = q->cs;
            }
            for (uint64_t c = start >> q->cluster_bits; ok && c <= (start + len - 1) >> q->cluster_bits; c++) {
                if (!(ok = qcow2_refcount_get(q, c << q->cluster_bits, &rc, err)))
                    break;
                if (delta < 0 && rc == 0) {
                    qcow2_damaged(q, err, at, "the cluster at %#" PRIx64 " is referenced here but its refcount is 0",
                              c << q->cluster_bits);
                    ok = false;
                } else if (delta > 0 && rc == q->refcount_max) {
                    qcow2_fail(q, err, SNAP_QCOW2_ERROR_UNSUPPORTED,
                           "offset %#" PRIx64 ": refcount overflow: the refcount of the cluster at %#" PRIx64
                           " is already %" PRIu64 ", the most %u-bit refcounts hold (qemu-img amend -o "
                           "refcount_bits=16 widens them)", at, c << q->cluster_bits, rc,
                           1u << q->refcount_order);
                    ok = false;
                }
            }
        }
    }
    g_free(copy);
    return ok;
}

bool qcow2_update_refcounts(SnapQcow2 *q, uint64_t *l1, uint32_t n, uint64_t l1_at, int delta, bool active,
                        GError **err)
{
    g_assert(!active || delta >= 0);
    if (delta && !precheck(q, l1, n, l1_at, delta, err))
        return false;
    uint8_t *copy = g_malloc(q->cs);
    bool ok = true;
    for (uint32_t i = 0; ok && i < n; i++) {
        uint64_t l2 = l1[i] & ENTRY_OFFSET_MASK, at1 = l1_at + (uint64_t)i * 8;
        if (!l2)
            continue;
        uint8_t *t;
        ok = qcow2_check_l1_entry(q, l1[i], at1, err) &&
             (t = qcow2_cache_get(q, &q->l2_cache, l2, "L2 table", at1, err)) != NULL;
        if (!ok)
            break;
        memcpy(copy, t, q->cs);                /* refcount updates may evict it */
        bool changed = false;
        for (uint64_t k = 0; ok && k < q->l2_entries; k++) {
            uint64_t e2 = get_be64(copy + k * 8), start, len, rc;
            if (!(ok = qcow2_check_l2_entry(q, e2, l2 + k * 8, err)) || !entry_extent(q, e2, &start, &len))
                continue;
            if (delta && !(ok = qcow2_refcount_add(q, start, len, delta, err)))
                break;
            if (!active)
                continue;
            uint64_t want = e2 & ~OFLAG_COPIED;
            if (!(e2 & OFLAG_COMPRESSED)) {
                if (!(ok = qcow2_refcount_get(q, start, &rc, err)))
                    break;
                if (rc == 1)
                    want |= OFLAG_COPIED;
            }
            if (want != e2) {
                put_be64(copy + k * 8, want);
                changed = true;
            }
        }
        if (ok && changed)
            ok = qcow2_table_write(q, &q->l2_cache, l2, copy, err);
        if (ok && delta)
            ok = qcow2_refcount_add(q, l2, q->cs, delta, err);
        if (ok && active) {
            uint64_t rc;
            ok = qcow2_refcount_get(q, l2, &rc, err);
            l1[i] = rc == 1 ? l1[i] | OFLAG_COPIED : l1[i] & ~OFLAG_COPIED;
        }
    }
    g_free(copy);
    return ok && (!active || qcow2_l1_write(q, 0, n, err));
}
